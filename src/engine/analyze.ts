// The engine's entry point: text in, SMTP groups and findings out.

import { documentEnvironment, documentNameEnvironment, environmentOf, markerEnvironment, isExampleFile, serviceEnvironment, type Environment } from './facts/environments';
import { PROCESS_VERIFY_SWITCHES } from './facts/frameworks';
import { readCode, type CodeRead } from './code';
import { isComposeFile, resolveEnvironment, type EnvironmentVariables } from './environment';
import { detectFormat, formatOfText, parseConfig } from './formats';
import { parseYamlSteps } from './formats/yaml';
import { readYamlParts } from './formats/yaml-outline';
import { entryWordsText, findGroups } from './groups';
import { buildGroup, type SmtpGroup } from './model';
import { RULES, type AnalysisContext, type Rule, type RuleContext, type RuleFinding } from './rules';
import { renderMessage, type MessageData, type RelatedInformation } from './rules/rule';
import { finish, type Steps } from './steps';
import { applySuppressions, findDirectives, UNUSED_SUPPRESSION } from './suppressions';
import { LineIndex } from './text';
import { SETTING_WORDS } from './vocabulary';
import type { ConfigEntry, FileLocation, FormatId, ParseError, ParseResult, Range, Severity } from './types';

export type RuleSetting = Severity | 'off';

export interface AnalyzeOptions {
  /** 'mail-server' for a relay's own configuration (port 25 is normal there). */
  context?: AnalysisContext;
  /** Per-rule severity, or 'off'. */
  rules?: Readonly<Record<string, RuleSetting>>;
  /** Parse as this format instead of guessing from the file name. */
  format?: FormatId;
  /**
   * The format when neither the name nor the content tells (a file the project config's or the editor's
   * `include` adds: `smtp.conf` with `KEY=value` lines that is not HOCON is read as `.env` with 'dotenv').
   */
  otherwise?: FormatId;
  /** Variables set by other files the file reads (the `.env` beside a compose file); see project.ts. */
  environment?: EnvironmentVariables;
  /**
   * Entries of other files that join this file's settings (a Compose service's `env_file` variables, as
   * `services.app.environment.X`), each with `foreign` set to where it is written; an entry of the file with the
   * same path wins (Compose: `environment` overrides `env_file`). See project.ts.
   */
  companions?: readonly ConfigEntry[];
  /**
   * How much of a YAML file to parse: `relevant` only the parts that can hold SMTP settings
   * (formats/yaml-outline.ts; the findings are the same, syntax errors elsewhere go unreported),
   * `full` all of it. Default: `relevant` for files of PARTIAL_READ_MIN_LENGTH characters or more.
   */
  read?: 'full' | 'relevant';
}

/** Smaller YAML files are parsed whole: it takes a few milliseconds, and reports every syntax error. */
export const PARTIAL_READ_MIN_LENGTH = 16 * 1024;

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** The finding's identity within its rule: a key of the rule's `messages`. */
  messageId: string;
  data: MessageData;
  /** The rule's message template for `messageId`, filled in with `data`. */
  message: string;
  /** The rule's explanation of the message (why, what the framework will do), filled in with `data`; the hover shows it. */
  detail: string;
  range: Range;
  related: RelatedInformation[];
}

/** A rule's check or fix builder that threw: a bug of that rule, for the adapters to log. */
export interface InternalError {
  ruleId: string;
  stage: 'check' | 'fix';
  message: string;
  stack?: string;
}

export interface Analysis {
  format?: FormatId;
  groups: SmtpGroup[];
  findings: Finding[];
  parseErrors: ParseError[];
  /** Rules that threw (each once per message); the other rules' findings are complete. */
  internalErrors: InternalError[];
  parse?: ParseResult;
  /** A code file whose parser is not loaded yet: nothing was read (await `prepareCodeFile` first). */
  parserMissing?: CodeRead['parserMissing'];
  /**
   * Findings whose line to change is in another file (a value the `.env` sets, an `env_file` entry), judged on the
   * combination: `location` is where they belong, `reference` where this file reads the value. That file's analysis
   * through project.ts reports them; they are not in `findings`.
   */
  elsewhere?: ElsewhereFinding[];
}

export interface ElsewhereFinding {
  /** With its range in the other file's text. */
  finding: Finding;
  location: FileLocation;
  /** Where the analysed file reads the value (the lookup, or the service's `env_file` entry's placeholder: absent). */
  reference?: Range;
}

const MAIL_WORDS = /smtp|mail/i;

/** The `source` of every diagnostic, in VS Code and through the language server. */
export const DIAGNOSTIC_SOURCE = 'SMTP Doctor';

export const DOCS_BASE = 'https://github.com/smtpdoctor/smtp-doctor/blob/main/docs/rules.md';

/** Every id a finding can have: the rules', and the engine's own `unused-suppression`. */
export const FINDING_IDS: ReadonlySet<string> = new Set([...RULES.map((rule) => rule.id), UNUSED_SUPPRESSION.id]);

export function ruleDocsUrl(ruleId: string): string {
  return ruleId === UNUSED_SUPPRESSION.id ? UNUSED_SUPPRESSION.docsUrl : `${DOCS_BASE}#${ruleId}`;
}

/** Whether SMTP Doctor reads this file at all. */
export function isConfigFile(filePath: string): boolean {
  return detectFormat(filePath) !== undefined;
}

export function analyzeText(filePath: string, text: string, options: AnalyzeOptions = {}): Analysis {
  return finish(analysisSteps(filePath, text, options));
}

/**
 * analyzeText(filePath, text, options) in short steps (a big YAML file: some lines, each part it reads; then the
 * grouping, and each rule on each group), its result the return value: for an adapter that pauses between
 * steps so as not to block its thread (src/extension/slices.ts). The engine itself never waits.
 */
export function* analysisSteps(filePath: string, text: string, options: AnalyzeOptions = {}): Steps<Analysis> {
  // A `.conf` or `.cfg` file whose content is none of the formats its name allows (nginx, Apache, Buildbot's
  // master.cfg…) is not read at all, unless `otherwise` says how: its errors would be noise.
  const format = options.format ?? formatOfText(filePath, text) ?? options.otherwise;
  if (!format) return { groups: [], findings: [], parseErrors: [], internalErrors: [] };
  // Every profile's keys and every SMTP URL contain "smtp" or "mail": a file with neither has no SMTP settings.
  if (!MAIL_WORDS.test(text)) return { format, groups: [], findings: [], parseErrors: [], internalErrors: [] };
  const code = format === 'code' ? readCode(filePath, text, options.environment) : undefined;
  const parse = code ? code.parse : yield* readConfig(format, text, options);
  yield;
  const foreign = placeCompanions(text, parse.entries, options.companions);
  const resolved = code ? [] : resolveEnvironment(parse.entries, text, format, filePath, options.environment);
  yield;
  const groups = code ? code.groups.map(buildGroup).filter((group): group is SmtpGroup => group !== undefined) : yield* smtpGroupSteps([...resolved, ...foreign.entries]);
  yield;
  const context = {
    filePath,
    environment: environmentOf(filePath),
    isExample: isExampleFile(filePath),
    context: options.context ?? 'application',
  } as const;
  const documentEnvironments = environmentsByDocument([...parse.entries, ...foreign.entries], context.environment, filePath);
  yield;
  const enabled = RULES.flatMap((rule) => {
    const severity = severityOf(rule, options);
    return severity === 'off' ? [] : [{ rule, severity }];
  });
  const findings: Finding[] = [];
  const elsewhere: ElsewhereFinding[] = [];
  const internalErrors: InternalError[] = [];
  const seen = new Set<string>();
  for (const group of groups) {
    if (!group.active) continue;
    const environment = groupEnvironment(group, documentEnvironments, context.environment, filePath);
    const groupContext = environment ? { ...context, environment } : context;
    const found: { rule: Rule; severity: Severity; findings: RuleFinding[] }[] = [];
    for (const { rule, severity } of enabled) {
      found.push({ rule, severity, findings: checkGroup(rule, group, groupContext, internalErrors) });
      yield;
    }
    // Judged on what each rule found before any is dropped, so the order of the rules does not matter.
    const superseded = new Set(found.flatMap(({ rule, findings: own }) => (own.length > 0 ? (rule.supersedes ?? []) : [])));
    for (const { rule, severity, findings: own } of found) {
      if (superseded.has(rule.id)) continue;
      for (const finding of own) {
        const key = `${rule.id}:${finding.range.start}:${finding.range.end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const data = finding.data ?? {};
        const related = finding.related ?? [];
        const made: Finding = {
          ruleId: rule.id,
          severity,
          messageId: finding.messageId,
          data,
          message: renderMessage(rule.messages[finding.messageId], data),
          detail: renderMessage(rule.details[finding.messageId], data),
          range: finding.range,
          related: [
            ...related.map((item) => foreign.relate(item)),
            ...environmentSources(group, [finding.range, ...related.map((item) => item.range)]),
            ...otherFileValues(group, finding.range, foreign),
          ],
        };
        // Code findings stay on the code's line (the .env is related information); a config file's value that another
        // file sets or holds (config/mail.php ← .env, a compose file ← its .env or a service's env_file) is changed there.
        const moved = code ? undefined : movedTo(group, finding.range, foreign);
        if (moved) elsewhere.push({ finding: { ...made, range: moved.location.range }, location: moved.location, ...(moved.reference ? { reference: moved.reference } : {}) });
        else findings.push(made);
      }
    }
  }
  const kept = suppress(format, text, parse, findings, options);
  kept.sort((a, b) => a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId));
  return {
    format,
    groups,
    findings: kept,
    parseErrors: parse.errors,
    internalErrors,
    parse,
    ...(code?.parserMissing ? { parserMissing: code.parserMissing } : {}),
    ...(elsewhere.length ? { elsewhere } : {}),
  };
}

/** Companion entries placed past the end of the text (one block per file, so no range of the file is one of theirs). */
interface PlacedCompanions {
  entries: ConfigEntry[];
  /** The location in its own file of a placeholder range, or undefined for a range of the analysed file. */
  locate(range: Range): FileLocation | undefined;
  relate(item: RelatedInformation): RelatedInformation;
}

function placeCompanions(text: string, own: readonly ConfigEntry[], companions: readonly ConfigEntry[] = []): PlacedCompanions {
  // Built only when there are companions: the own entries of a big file are thousands.
  const paths = new Set(companions.length ? own.map((entry) => entry.path.join('\u0000')) : []);
  const blocks: { base: number; file: string; entries: ConfigEntry[] }[] = [];
  let base = text.length + 1;
  const entries: ConfigEntry[] = [];
  for (const entry of companions) {
    if (!entry.foreign || paths.has(entry.path.join('\u0000'))) continue;
    let block = blocks.find((item) => item.file === entry.foreign!.file);
    if (!block) {
      block = { base, file: entry.foreign.file, entries: [] };
      blocks.push(block);
      base += 1 + Math.max(0, ...companions.filter((item) => item.foreign?.file === entry.foreign!.file).map((item) => Math.max(item.valueRange.end, item.keyRange.end)));
    }
    const at = block.base;
    const shift = (range: Range): Range => ({ start: range.start + at, end: range.end + at });
    const placed: ConfigEntry = { ...entry, keyRange: shift(entry.keyRange), valueRange: shift(entry.valueRange) };
    block.entries.push(placed);
    entries.push(placed);
  }
  const locate = (range: Range): FileLocation | undefined => {
    if (range.start <= text.length) return undefined;
    const block = [...blocks].reverse().find((item) => range.start >= item.base);
    const entry = block?.entries.find((item) => range.start >= item.keyRange.start && range.end <= item.valueRange.end);
    if (!block || !entry?.foreign) return undefined;
    const inFile = { start: range.start - block.base, end: range.end - block.base };
    const own = entry.foreign;
    // Positions: the entry's own, adjusted on its line (a placeholder range inside one value).
    return { file: block.file, range: inFile, start: { line: own.start.line, character: own.start.character + (inFile.start - own.range.start) }, end: { line: own.end.line, character: own.end.character + (inFile.end - own.range.end) } };
  };
  return {
    entries,
    locate,
    relate: (item) => {
      const location = locate(item.range);
      return location ? { ...item, range: location.range, file: fileOf(location) } : item;
    },
  };
}

/** Where a finding belongs when its range is on a value written in another file: an `env_file` entry, or a lookup that file sets. */
function movedTo(group: SmtpGroup, range: Range, foreign: PlacedCompanions): { location: FileLocation; reference?: Range } | undefined {
  const location = foreign.locate(range);
  if (location) return { location };
  for (const entry of groupEntries(group)) {
    const set = entry.environment?.setBy;
    if (set?.at && !entry.environment?.evaluated && range.start === entry.valueRange.start && range.end === entry.valueRange.end) {
      return { location: { file: set.at.input, range: set.range, start: set.at.start, end: set.at.end }, reference: entry.valueRange };
    }
  }
  return undefined;
}

/**
 * Related information naming the group's values that a service's `env_file` holds, so that a finding in the compose
 * file shows them (values a `.env` sets through `${VAR}` or a lookup are environmentSources').
 */
function otherFileValues(group: SmtpGroup, range: Range, foreign: PlacedCompanions): RelatedInformation[] {
  const related: RelatedInformation[] = [];
  for (const match of group.matches) {
    const entry = match.entry;
    // Secrets are not repeated in messages; the connection's own values are what the combination is about.
    if (!entry || ['user', 'password', 'oauth'].includes(match.spec.role)) continue;
    if (entry.valueRange.start === range.start && entry.valueRange.end === range.end) continue;
    const location = foreign.locate(entry.valueRange);
    if (!location) continue;
    related.push({ range: location.range, file: fileOf(location), message: `${entry.path[entry.path.length - 1]}=${entry.value ?? ''} is set here` });
  }
  return related;
}

/** A FileLocation as related information's `file`. */
function fileOf(location: FileLocation): NonNullable<RelatedInformation['file']> {
  return { path: location.file, start: location.start, end: location.end };
}

function groupEntries(group: SmtpGroup): ConfigEntry[] {
  const entries = new Set<ConfigEntry>();
  for (const match of group.matches) if (match.entry) entries.add(match.entry);
  return [...entries];
}

/** Related information in the file that sets a value the finding is about (the `.env` a code lookup or a compose file reads). */
function environmentSources(group: SmtpGroup, ranges: readonly Range[]): RelatedInformation[] {
  const related: RelatedInformation[] = [];
  for (const { entry } of group.matches) {
    const set = entry.environment?.setBy;
    if (!set?.at || !ranges.some((range) => range.start < entry.valueRange.end && entry.valueRange.start < range.end)) continue;
    if (related.some((item) => item.file?.path === set.at!.input && item.range.start === set.range.start)) continue;
    related.push({ range: set.range, message: `${set.name}=${set.value} is set here`, file: { path: set.at.input, start: set.at.start, end: set.at.end } });
  }
  return related;
}

function* readConfig(format: FormatId, text: string, options: AnalyzeOptions): Steps<ParseResult> {
  if (format !== 'yaml') return parseConfig(format, text);
  return readOf(text, options) === 'relevant' ? yield* readYamlParts(text, SETTING_WORDS) : yield* parseYamlSteps(text);
}

const readOf = (text: string, options: AnalyzeOptions): 'full' | 'relevant' => options.read ?? (text.length >= PARTIAL_READ_MIN_LENGTH ? 'relevant' : 'full');

/** The findings left after the file's smtp-doctor-disable comments, and those comments that suppress nothing. */
function suppress(format: FormatId, text: string, parse: ParseResult, findings: Finding[], options: AnalyzeOptions): Finding[] {
  if (!text.includes('smtp-doctor-disable')) return findings;
  const lines = new LineIndex(text);
  const { kept, unused } = applySuppressions(findings, findDirectives(format, text, parse.entries, lines), lines, FINDING_IDS);
  const severity = options.rules?.[UNUSED_SUPPRESSION.id] ?? UNUSED_SUPPRESSION.severity;
  if (severity === 'off') return kept;
  return [
    ...kept,
    ...unused.map((finding) => ({
      ruleId: UNUSED_SUPPRESSION.id,
      severity,
      messageId: finding.messageId,
      data: finding.data ?? {},
      message: renderMessage(UNUSED_SUPPRESSION.messages[finding.messageId], finding.data),
      detail: UNUSED_SUPPRESSION.description,
      range: finding.range,
      related: [],
    })),
  ];
}

/** A rule's findings on a group. A rule that throws finds nothing there and is recorded in `errors`, so the other rules still report. */
export function checkGroup(rule: Rule, group: SmtpGroup, context: RuleContext, errors: InternalError[]): RuleFinding[] {
  try {
    return rule.check(group, context);
  } catch (error) {
    recordInternalError(errors, internalError(rule.id, 'check', error));
    return [];
  }
}

/** One line for a log: which rule failed where, with the stack when there is one. */
export function describeInternalError(error: InternalError): string {
  return `internal error in rule ${error.ruleId} (${error.stage === 'check' ? 'its check' : 'its fix'}): ${error.stack ?? error.message}`;
}

export function internalError(ruleId: string, stage: InternalError['stage'], error: unknown): InternalError {
  return error instanceof Error ? { ruleId, stage, message: error.message, stack: error.stack } : { ruleId, stage, message: String(error) };
}

/** Adds an error unless the same rule already failed the same way (a rule that throws on every group). */
function recordInternalError(errors: InternalError[], error: InternalError): void {
  if (!errors.some((item) => item.ruleId === error.ruleId && item.stage === error.stage && item.message === error.message)) errors.push(error);
}

/**
 * Documents whose own settings name an environment: a Spring `on-profile: prod` document in application.yml
 * decides its document whatever the path says; a marker such as `APP_ENV=production` or
 * `spring.profiles.active: prod` decides only where the path says nothing (`pathEnvironment` unknown), so an
 * example file that copies `APP_ENV=production` stays an example.
 */
export function environmentsByDocument(entries: readonly ConfigEntry[], pathEnvironment: Environment, filePath = ''): Map<number, Environment> {
  const found = new Map<number, Environment>();
  const marked = new Map<number, Environment>();
  // A Compose project name or a Kubernetes namespace/name that says prod (only where the path says nothing, as markers).
  if (pathEnvironment === 'unknown') {
    const byDocument = new Map<number, ConfigEntry[]>();
    for (const entry of entries) {
      const own = byDocument.get(entry.document ?? 0);
      if (own) own.push(entry);
      else byDocument.set(entry.document ?? 0, [entry]);
    }
    for (const [document, own] of byDocument) {
      const named = documentNameEnvironment(own, isComposeFile(filePath));
      if (named) marked.set(document, named);
    }
  }
  for (const entry of entries) {
    const words = entryWordsText(entry);
    const environment = documentEnvironment(words, entry.value);
    if (environment) found.set(entry.document ?? 0, environment);
    const marker = pathEnvironment === 'unknown' ? markerEnvironment(words, entry.value) : undefined;
    // Production wins over a development marker elsewhere in the same document.
    if (marker && marked.get(entry.document ?? 0) !== 'production') marked.set(entry.document ?? 0, marker);
  }
  for (const [document, environment] of marked) if (!found.has(document)) found.set(document, environment);
  return found;
}

/** A group's environment when its document or its Compose service says one (else undefined: the path's applies). */
export function groupEnvironment(group: SmtpGroup, byDocument: ReadonlyMap<number, Environment>, pathEnvironment: Environment, filePath: string): Environment | undefined {
  const environment = byDocument.get(group.document ?? 0);
  if (environment || pathEnvironment !== 'unknown') return environment;
  const first = group.matches.find((match) => match.entry)?.entry;
  return first ? serviceEnvironment(first.path, isComposeFile(filePath)) : undefined;
}

function severityOf(rule: Rule, options: AnalyzeOptions): RuleSetting {
  return options.rules?.[rule.id] ?? rule.severity;
}

/** The SMTP groups among `entries`, a step after finding them and after building each. */
function* smtpGroupSteps(entries: readonly ConfigEntry[]): Steps<SmtpGroup[]> {
  const groups: SmtpGroup[] = [];
  for (const raw of yield* findGroups(entries)) {
    yield;
    const group = buildGroup(raw);
    if (group) groups.push(group);
  }
  yield;
  attachProcessVerifySwitches(entries, groups);
  return groups;
}

/** NODE_TLS_REJECT_UNAUTHORIZED=0 beside SMTP settings switches verification off for them too. */
function attachProcessVerifySwitches(entries: readonly ConfigEntry[], groups: SmtpGroup[]): void {
  if (groups.length === 0) return;
  for (const entry of entries) {
    const words = entryWordsText(entry);
    const known = PROCESS_VERIFY_SWITCHES.find((item) => item.key === words || words.endsWith(` ${item.key}`));
    if (!known || entry.value === null || !known.offWhen.includes(entry.value.trim())) continue;
    const scope = entry.path.slice(0, -1);
    for (const group of groups) {
      const first = group.matches[0]?.entry;
      if (!first || first.document !== entry.document || !scope.every((segment, i) => first.path[i] === segment)) continue;
      group.verifyOff.push({ entry, range: entry.valueRange, label: `${entry.path[entry.path.length - 1]}=${entry.value}` });
    }
  }
}
