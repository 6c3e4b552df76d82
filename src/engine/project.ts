// Values a file takes from other files of the project, and findings judged on the combination. The engine
// reads no files: the adapter gives a `ProjectFiles` (the CLI reads the disk, the editors open buffers first,
// so that editing `.env` re-judges the compose file at once, and the other way round).
//
// What reads what (only joins the software itself makes):
// - Compose interpolates `${VAR}` in a compose file from the `.env` in the same folder (the project
//   directory; docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/; compose-spec
//   12-interpolation.md). Not from `env_file`: that sets the container's environment (compose-spec
//   05-services.md, "env_file": "adds environment variables to the container based on the file content …
//   Relative path are resolved from the Compose file's parent folder … Environment variables declared in the
//   environment section override these values"; a list is read top down, the last file wins; an item can be
//   `{path, required: false, format}`). So an `env_file`'s variables join that service's `environment`, below it.
// - Laravel's config/mail.php reads `.env` from the application's base path, the folder above `config/`, through
//   `env('MAIL_PORT', 587)`: `.env` sets, the fallback applies when it does not (laravel/laravel config/mail.php;
//   the reading of the values: profiles/laravel.ts). `.env.example` is read by nothing.
// - A source file's environment lookups read the nearest `.env` above it, up to the project root (project-code.ts).
// - Not joined: Spring Boot does not read `.env` (its `${SMTP_PORT:587}` reads the process environment and its own
//   property sources: docs.spring.io "Externalized Configuration"), nor do Django's or Rails' settings files (read as
//   assignments, not code: project-code.ts); a `.env` beside them is left to its own analysis.
//
// A finding sits on the line to change: one on a config file's value that another file sets or holds is that file's
// (`Analysis.elsewhere`), and `analyzeInProject` puts it there, with related information back to where it is read;
// a finding on this file's own value names the other files' values of its group as related information. A source
// file's findings stay on the code (a deployment may set the variable otherwise), pointing at the `.env` line.

import { analysisSteps, type Analysis, type AnalyzeOptions, type ElsewhereFinding, type Finding } from './analyze';
import { isComposeFile, variablesOf, type EnvironmentVariable, type EnvironmentVariables } from './environment';
import { applyEdits, applyPreferredFixes, fixAllSteps, fixStepsFor, forwardedFixes, type Fix, type InternalErrorHandler } from './fixes';
import { parseConfig } from './formats';
import { codeEnvironmentFor, codeInputsOf, inputsMatter } from './project-code';
import { finish, type Steps } from './steps';
import { LineIndex } from './text';
import type { ConfigEntry, Range } from './types';

/** How the engine reaches the project's other files. Paths are as the adapter names them (`/` or `\`). */
export interface ProjectFiles {
  /** A file's text (an open editor buffer first), or undefined when it does not exist or cannot be read. */
  read(file: string): string | undefined;
  /** The names in a folder (for the compose files beside a `.env`); none when absent. */
  list?(folder: string): readonly string[];
  /** The path the engine judges a file by (relative to the project root); default: the path itself. */
  analysisPath?(file: string): string;
  /** How messages and hovers name a file; default: analysisPath. */
  display?(file: string): string;
  /** The project's folder for a file (where the search for a source file's `.env` stops); default: none. */
  root?(file: string): string | undefined;
}

const SEPARATOR = /[\\/]/;

function folderOf(filePath: string): string {
  const cut = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'));
  return cut < 0 ? '' : filePath.slice(0, cut + 1);
}

function baseName(filePath: string): string {
  return filePath.slice(folderOf(filePath).length);
}

function separatorOf(filePath: string): string {
  return filePath.includes('\\') && !filePath.includes('/') ? '\\' : '/';
}

/** `a/b/../c/./d` → `a/c/d`, keeping the separator style and a leading root. */
function normalize(filePath: string): string {
  const sep = separatorOf(filePath);
  const parts: string[] = [];
  for (const part of filePath.split(SEPARATOR)) {
    if (part === '.') continue;
    if (part === '..' && parts.length && parts[parts.length - 1] !== '..' && parts[parts.length - 1] !== '') parts.pop();
    else parts.push(part);
  }
  return parts.join(sep);
}

function samePath(a: string, b: string): boolean {
  return normalize(a).replace(/\\/g, '/') === normalize(b).replace(/\\/g, '/');
}

/** Laravel's `config/mail.php`: reads the `.env` of the folder above `config/`. */
function isLaravelMailConfig(filePath: string): boolean {
  return /(?:^|[\\/])config[\\/]mail\.php$/i.test(filePath);
}

/** The `env_file` entries of a compose file, by service, resolved from the compose file's folder, in order. */
export function envFilesOf(composePath: string, text: string): Map<string, string[]> {
  const byService = new Map<string, string[]>();
  if (!text.includes('env_file')) return byService;
  const folder = folderOf(composePath);
  for (const entry of parseConfig('yaml', text).entries) {
    const [services, service, key, , field] = entry.path;
    if (services !== 'services' || key !== 'env_file' || entry.value === null) continue;
    // `env_file: a.env`, `- a.env`, `- path: a.env` (required and format are other fields of the item).
    if (entry.path.length === 5 ? field !== 'path' : entry.path.length > 4) continue;
    const value = entry.value.trim();
    if (!value || value.includes('$')) continue;
    const resolved = /^(?:[\\/]|[A-Za-z]:[\\/])/.test(value) ? value : normalize(`${folder}${value.replace(/^\.[\\/]/, '')}`);
    byService.set(service, [...(byService.get(service) ?? []), resolved]);
  }
  return byService;
}

/**
 * The files whose values `filePath` reads, in the order they apply (a later one wins); for source code, the
 * `.env` candidates nearest first, of which the first that exists applies. `root`: the project's folder, where
 * the search for a source file's `.env` stops.
 */
export function inputsOf(filePath: string, root?: string): string[] {
  if (isComposeFile(filePath)) return [`${folderOf(filePath)}.env`];
  if (isLaravelMailConfig(filePath)) return [normalize(`${folderOf(filePath)}../.env`)];
  return codeInputsOf(filePath, root);
}

/** Whether a change to `input` can change the analysis of `filePath` (it reads it, or it reads `filePath` and moves findings there). */
export function readsFrom(filePath: string, input: string, read?: (file: string) => string | undefined): boolean {
  if (inputsOf(filePath).some((candidate) => samePath(candidate, input))) return true;
  if (!isComposeFile(filePath) || !read) return false;
  const text = read(filePath);
  return text !== undefined && [...envFilesOf(filePath, text).values()].some((files) => files.some((file) => samePath(file, input)));
}

/** The files whose analysis may put findings in `filePath`: those reading it (a compose file, config/mail.php). */
export function readersOf(filePath: string, files: ProjectFiles): string[] {
  const folder = folderOf(filePath);
  const candidates: string[] = [];
  if (baseName(filePath) === '.env') candidates.push(`${folder}config${separatorOf(filePath)}mail.php`);
  // Compose files of this folder and of the one above (`env_file: ./config/app.env` is common, deeper is not).
  for (const dir of [folder, folder ? normalize(`${folder}..${separatorOf(filePath)}`) : undefined]) {
    if (dir === undefined) continue;
    const prefix = dir && !SEPARATOR.test(dir.slice(-1)) ? `${dir}${separatorOf(filePath)}` : dir;
    for (const name of files.list?.(prefix || '.') ?? []) if (isComposeFile(name)) candidates.push(`${prefix}${name}`);
  }
  const read = (file: string) => files.read(file);
  return [...new Set(candidates)].filter((candidate) => !samePath(candidate, filePath) && readsFrom(candidate, filePath, read) && read(candidate) !== undefined);
}

/**
 * The variables `filePath` reads from its inputs, or undefined when it has none. `read` gives an input's
 * text (undefined when it does not exist or cannot be read); `name` how findings name that file.
 */
export function environmentFor(
  filePath: string,
  read: (input: string) => string | undefined,
  name: (input: string) => string = (input) => input,
  root?: string,
): EnvironmentVariables | undefined {
  if (codeInputsOf(filePath).length) return codeEnvironmentFor(filePath, read, name, root);
  const inputs = inputsOf(filePath);
  if (inputs.length === 0) return undefined;
  const variables = new Map<string, EnvironmentVariable>();
  for (const input of inputs) {
    const text = read(input);
    if (text === undefined) continue;
    for (const [key, variable] of variablesOf(name(input), text, input)) variables.set(key, variable);
  }
  return variables.size ? variables : undefined;
}

/** A compose file's `env_file` variables as entries of each service's `environment` (below it: see analyze's `companions`). */
export function companionsFor(filePath: string, text: string, read: (file: string) => string | undefined): ConfigEntry[] | undefined {
  if (!isComposeFile(filePath)) return undefined;
  const companions: ConfigEntry[] = [];
  for (const [service, envFiles] of envFilesOf(filePath, text)) {
    const byName = new Map<string, ConfigEntry>();
    for (const envFile of envFiles) {
      const envText = read(envFile);
      if (envText === undefined) continue; // `required: false`, or missing: Compose stops on a required one, nothing to judge
      const lines = new LineIndex(envText);
      for (const entry of parseConfig('dotenv', envText).entries) {
        if (entry.path.length !== 1 || entry.value === null) continue;
        const range = entry.valueRange;
        byName.set(entry.path[0], {
          ...entry,
          path: ['services', service, 'environment', entry.path[0]],
          shape: 'compose-env-map',
          foreign: { file: envFile, range, start: lines.positionAt(range.start), end: lines.positionAt(range.end) },
        });
      }
    }
    companions.push(...byName.values());
  }
  return companions.length ? companions : undefined;
}

/** The options a file is analysed (and its fixes verified) with in its project: its inputs' variables and companions. */
export function projectOptions(filePath: string, text: string, files: ProjectFiles, options: AnalyzeOptions = {}): AnalyzeOptions {
  const display = (file: string) => files.display?.(file) ?? files.analysisPath?.(file) ?? file;
  const read = (file: string) => (samePath(file, filePath) ? text : files.read(file));
  // A source file naming no mail library has no SMTP client for a `.env` to give values to: its `.env` is not looked for.
  const environment = inputsMatter(filePath, text) ? environmentFor(filePath, read, display, files.root?.(filePath)) : undefined;
  const companions = companionsFor(filePath, text, read);
  return { ...options, ...(environment ? { environment } : {}), ...(companions ? { companions } : {}) };
}

/**
 * A file's analysis in its project: its own findings, judged with the values of the files it reads, and the
 * findings of the files that read it whose line to change is in it (a `.env` value that config/mail.php or a
 * compose file reads; an `env_file` entry). Where such a reader judges this file's values, its verdict replaces
 * this file's own on the groups it reads (the combination is what runs). `options` are the caller's (rules, context).
 */
export function analyzeInProject(filePath: string, text: string, files: ProjectFiles, options: AnalyzeOptions = {}): Analysis {
  return finish(projectAnalysisSteps(filePath, text, files, options));
}

/** analyzeInProject in short steps (analyze.ts analysisSteps for the file, then for each file that reads it), its result the return value. */
export function* projectAnalysisSteps(filePath: string, text: string, files: ProjectFiles, options: AnalyzeOptions = {}): Steps<Analysis> {
  const analysisPath = (file: string) => files.analysisPath?.(file) ?? file;
  const display = (file: string) => files.display?.(file) ?? analysisPath(file);
  const analyzed = yield* analysisSteps(analysisPath(filePath), text, projectOptions(filePath, text, files, options));
  const own = analyzed.elsewhere ? { ...analyzed, elsewhere: relocated(analyzed.elsewhere, filePath, text, display(filePath)) } : analyzed;
  const readers = readersOf(filePath, files);
  if (readers.length === 0) return own;
  const withThis: ProjectFiles = { ...files, read: (file) => (samePath(file, filePath) ? text : files.read(file)) };
  const consumed: Range[] = [];
  const moved: Finding[] = [];
  for (const reader of readers) {
    const readerText = withThis.read(reader);
    if (readerText === undefined) continue;
    const analysis = yield* analysisSteps(analysisPath(reader), readerText, projectOptions(reader, readerText, withThis, options));
    for (const group of analysis.groups) {
      for (const match of group.matches) {
        const set = match.entry?.environment?.setBy;
        const location = set?.at ? { file: set.at.input, range: set.range } : match.entry?.foreign;
        if (location && samePath(location.file, filePath)) consumed.push(location.range);
      }
    }
    for (const item of relocated(analysis.elsewhere, reader, readerText, display(reader))) if (samePath(item.location.file, filePath)) moved.push(item.finding);
  }
  if (consumed.length === 0 && moved.length === 0) return own;
  const isConsumed = (entry: ConfigEntry) => consumed.some((range) => range.start === entry.valueRange.start && range.end === entry.valueRange.end);
  // This file's own verdict on a group a reader judges is replaced by the reader's (it knows the fallbacks and the structure).
  const replaced = own.groups.filter((group) => group.matches.some((match) => match.entry && isConsumed(match.entry)));
  const inReplaced = (finding: Finding) =>
    replaced.some((group) => group.matches.some((match) => match.entry && finding.range.start >= match.entry.keyRange.start && finding.range.end <= match.entry.valueRange.end));
  const same = (a: Finding, b: Finding) => a.ruleId === b.ruleId && a.range.start === b.range.start && a.range.end === b.range.end;
  // Where this file's own analysis agrees with the reader's, its finding stays (its fixes are this file's), with the reader's places.
  const findings = own.findings.flatMap((finding) => {
    const agreed = moved.find((other) => same(other, finding));
    if (agreed) return [{ ...finding, related: [...finding.related, ...agreed.related.filter((item) => item.file)] }];
    return inReplaced(finding) ? [] : [finding];
  });
  for (const finding of moved) if (!findings.some((other) => same(other, finding))) findings.push(finding);
  findings.sort((a, b) => a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId));
  return { ...own, findings };
}

/**
 * Findings `reader`'s analysis puts in other files, made to stand there: their related places in the reader's text get
 * its location, those in the other file itself are dropped (the finding is there), and one names where the reader reads the value.
 */
function relocated(items: readonly ElsewhereFinding[] | undefined, reader: string, readerText: string, readerName: string): ElsewhereFinding[] {
  if (!items?.length) return [];
  const lines = new LineIndex(readerText);
  const inReader = (range: Range) => ({ path: reader, start: lines.positionAt(range.start), end: lines.positionAt(range.end) });
  return items.map((item) => {
    const back = item.reference ? [{ range: item.reference, message: `read by ${readerName} here`, file: inReader(item.reference) }] : [];
    const related = item.finding.related
      .filter((other) => !other.file || !samePath(other.file.path, item.location.file))
      .map((other) => (other.file ? other : { ...other, file: inReader(other.range) }));
    return { ...item, finding: { ...item.finding, related: [...back, ...related] } };
  });
}

/**
 * A finding's fixes in its project: this file's own (fixesFor), or, for a finding another file's analysis moved here
 * (config/mail.php's on a `.env` value, a compose file's on its `.env` or a service's `env_file`), the reader's rule fix
 * written here, in this file's syntax, where the value is set (fixes/index.ts, forwardedFixes). Each is verified on
 * the combination: with the edit, this file's analysis in the project loses the finding and gains none, and no reader
 * gains a finding (a `.env` edit that made config/mail.php's fallback apply wrongly would only move the problem).
 */
export function fixesInProject(filePath: string, text: string, finding: Finding, files: ProjectFiles, options: AnalyzeOptions = {}, onInternalError?: InternalErrorHandler): Fix[] {
  return finish(fixStepsInProject(filePath, text, finding, files, options, onInternalError));
}

/** fixesInProject in short steps (each analysis's), the fixes the return value; for an adapter that must not block. */
export function* fixStepsInProject(
  filePath: string,
  text: string,
  finding: Finding,
  files: ProjectFiles,
  options: AnalyzeOptions = {},
  onInternalError?: InternalErrorHandler,
): Steps<Fix[]> {
  const analysisPath = (file: string) => files.analysisPath?.(file) ?? file;
  const targetOptions = projectOptions(filePath, text, files, options);
  const own = yield* fixStepsFor(analysisPath(filePath), text, finding, targetOptions, onInternalError);
  if (own.length) return own;
  const before = yield* projectAnalysisSteps(filePath, text, files, options);
  if (!before.findings.some((item) => item.ruleId === finding.ruleId && item.range.start === finding.range.start && item.range.end === finding.range.end)) return [];
  const withText = (content: string): ProjectFiles => ({ ...files, read: (file) => (samePath(file, filePath) ? content : files.read(file)) });
  const readers = readersOf(filePath, withText(text));
  const kinds = (findings: readonly Finding[]) => findings.map((item) => `${item.ruleId}:${item.messageId}`).sort();
  for (const reader of readers) {
    const readerText = files.read(reader);
    if (readerText === undefined) continue;
    const readerOptions = projectOptions(reader, readerText, withText(text), options);
    const analysis = yield* analysisSteps(analysisPath(reader), readerText, readerOptions);
    const moved = analysis.elsewhere?.find(
      (item) => samePath(item.location.file, filePath) && item.finding.ruleId === finding.ruleId && item.location.range.start === finding.range.start && item.location.range.end === finding.range.end,
    );
    if (!moved) continue;
    const readerBefore = kinds((yield* projectAnalysisSteps(reader, readerText, withText(text), options)).findings);
    const candidates = yield* forwardedFixes(
      { path: analysisPath(reader), text: readerText, options: readerOptions, analysis },
      moved,
      { path: analysisPath(filePath), text, options: targetOptions, own: yield* analysisSteps(analysisPath(filePath), text, targetOptions), before, finding },
      (fixed) => projectAnalysisSteps(filePath, fixed, withText(fixed), options),
      onInternalError,
    );
    const fixes: Fix[] = [];
    for (const fix of candidates) {
      const after = kinds((yield* projectAnalysisSteps(reader, readerText, withText(applyEdits(text, fix.edits)), options)).findings);
      if (after.every((kind) => readerBefore.includes(kind)) && after.length <= readerBefore.length) fixes.push(fix);
    }
    if (fixes.length) return fixes.map((fix, index) => ({ ...fix, preferred: fix.preferred && !fixes.slice(0, index).some((other) => other.preferred) }));
  }
  return [];
}

/** Fix-all in a project: this file's own preferred fixes (fixAll), then those of the findings other files moved here, one at a time. */
export function fixAllInProject(
  filePath: string,
  text: string,
  files: ProjectFiles,
  options: AnalyzeOptions = {},
  onInternalError?: InternalErrorHandler,
): { text: string; applied: { ruleId: string; title: string }[] } {
  return finish(fixAllStepsInProject(filePath, text, files, options, onInternalError));
}

/** fixAllInProject in short steps, its result the return value. */
export function* fixAllStepsInProject(
  filePath: string,
  text: string,
  files: ProjectFiles,
  options: AnalyzeOptions = {},
  onInternalError?: InternalErrorHandler,
): Steps<{ text: string; applied: { ruleId: string; title: string }[] }> {
  const analysisPath = files.analysisPath?.(filePath) ?? filePath;
  const first = yield* fixAllSteps(analysisPath, text, projectOptions(filePath, text, files, options), onInternalError);
  const withText = (current: string): ProjectFiles => ({ ...files, read: (file) => (samePath(file, filePath) ? current : files.read(file)) });
  // Then the findings other files moved here, one at a time (fixStepsInProject verifies each on the combination).
  return yield* applyPreferredFixes(
    first.text,
    (current) => projectAnalysisSteps(filePath, current, withText(current), options),
    function* (current, finding) {
      return (yield* fixStepsInProject(filePath, current, finding, withText(current), options, onInternalError)).find((fix) => fix.preferred);
    },
    first.applied,
  );
}
