// `smtp-doctor check [paths…]`: analyse config files, print findings, exit 1 on errors.
// With --fix, first applies the preferred quick fix of each finding, in place.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  analyzeInProject,
  describeInternalError,
  FINDING_IDS,
  fixAllInProject,
  formatConfigError,
  isConfigFile,
  LineIndex,
  prepareCodeFile,
  type AnalysisContext,
  type AnalyzeOptions,
  type InternalErrorHandler,
  type ProjectFiles,
  type RuleSetting,
} from '../engine';
import { diskConfigResolver } from './config-files';
import { locate, toJson, toSarif, toText, type FileFinding } from './findings-output';
import type { CliIo } from './io';
import { ProjectRoots } from './project-root';
import { collectConfigFiles, readText } from './walk';
import { UsageError, parseFlags } from './flags';

export const CHECK_USAGE = `Usage: smtp-doctor check [paths…] [options]

Finds SMTP settings in config files (.env, YAML, JSON, .properties, INI, Django
settings.py, gitlab.rb…) and SMTP clients in code (nodemailer in JavaScript and
TypeScript, Python smtplib, C# System.Net.Mail and MailKit, JavaMail and Spring,
Go net/smtp, gomail and go-mail), and reports misconfigurations. Paths default
to ".".
The nearest .smtp-doctor.json or .smtp-doctor.yaml above each file sets rules,
context, include, exclude and overrides; --rule and --context apply on top.

Options:
  --format text|json|sarif   output format (default: text)
  --context application|mail-server
                             "mail-server" for a relay's own config (port 25 is normal)
  --rule ID=SEVERITY         error, warning, info, hint or off; repeatable
  --fix                      apply the preferred fix of each finding to the files, then
                             report what is left (fixes are listed on stderr)
  -h, --help                 show this help

Exit status: 0 no errors, 1 errors found, 2 bad usage or a malformed project config file.`;

export async function runCheckCommand(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  let options;
  try {
    options = parseFlags(argv, {
      format: { kind: 'value', choices: ['text', 'json', 'sarif'] },
      context: { kind: 'value', choices: ['application', 'mail-server'] },
      rule: { kind: 'list' },
      fix: { kind: 'boolean' },
      help: { kind: 'boolean', short: 'h' },
    });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`smtp-doctor check: ${error.message}\n\n${CHECK_USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (options.flags.help) {
    io.stdout(`${CHECK_USAGE}\n`);
    return 0;
  }
  const rules: Record<string, RuleSetting> = {};
  for (const item of (options.flags.rule as string[] | undefined) ?? []) {
    const match = /^([a-z0-9-]+)=(error|warning|info|hint|off)$/.exec(item);
    if (!match || !FINDING_IDS.has(match[1])) {
      io.stderr(`smtp-doctor check: --rule takes ID=SEVERITY with a known rule id and error|warning|info|hint|off, not "${item}"\n`);
      return 2;
    }
    rules[match[1]] = match[2] as RuleSetting;
  }
  const format = (options.flags.format as string | undefined) ?? 'text';
  const context = options.flags.context as AnalysisContext | undefined;
  const roots = options.positionals.length ? options.positionals : ['.'];
  const configs = diskConfigResolver();
  const configOf = (file: string) => configs.resolve(path.resolve(io.cwd, file));
  const walk = collectConfigFiles(roots, (file) => {
    const resolved = configOf(file);
    return resolved.ok ? (isConfigFile(file) || resolved.included) && !resolved.excluded : isConfigFile(file);
  });
  if (walk.missing.length) {
    io.stderr(`smtp-doctor check: no such file or folder: ${walk.missing.join(', ')}\n`);
    return 2;
  }

  // Never a silent fallback: a malformed project config file stops the run before any file is checked.
  const configErrors = new Set<string>();
  for (const file of walk.files) {
    const resolved = configOf(file);
    if (!resolved.ok) for (const error of resolved.error.errors) configErrors.add(formatConfigError({ ...error, file: path.relative(io.cwd, error.file) || error.file }));
  }
  if (configErrors.size) {
    for (const error of configErrors) io.stderr(`smtp-doctor: invalid project config: ${error}\n`);
    return 2;
  }

  const findings: FileFinding[] = [];
  const projectRoots = new ProjectRoots();
  const checkedPaths = new Set(walk.files.map((file) => path.resolve(file)));
  // The project's other files, read once each (source files of one folder share their `.env`).
  const project = projectFiles(projectRoots, io);
  let checked = 0;
  for (const file of walk.files) {
    const resolved = configOf(file);
    if (!resolved.ok) continue;
    // Named on the command line (as pre-commit does) or found in a folder, an excluded file is not read.
    if (resolved.excluded) continue;
    checked++;
    const fileOptions: AnalyzeOptions = {
      rules: { ...resolved.options.rules, ...rules },
      context: context ?? resolved.options.context ?? 'application',
      // A file that `include` adds is read as `.env` when neither its name nor its content tells its format.
      ...(isConfigFile(file) && !resolved.included ? {} : { otherwise: 'dotenv' }),
    };
    const read = readText(file);
    const shown = path.relative(io.cwd, path.resolve(file)) || path.basename(file);
    if ('reason' in read) {
      io.stderr(`smtp-doctor: skipped ${shown}: ${read.reason}\n`);
      continue;
    }
    let text = read.text;
    try {
      await prepareCodeFile(shown, text);
    } catch (error) {
      io.stderr(`smtp-doctor: skipped ${shown}: could not load its parser (${error instanceof Error ? error.message : String(error)})\n`);
      continue;
    }
    // Values from the project's other files (the `.env` a compose file, config/mail.php or source code reads, env_file);
    // the project judges paths relative to its root (ProjectRoots), so the verdict does not depend on the working folder.
    // A finding another file moved here is fixed here, where the value is set (fixAllInProject).
    if (options.flags.fix) {
      text = fixFile(file, shown, text, (content, onError) => fixAllInProject(path.resolve(file), content, project, fileOptions, onError), io);
      project.forget(file); // a fixed `.env` is read again by the files after it
    }
    // Absolute, so that a source file's search for its `.env` stops at its project root.
    const analysis = analyzeInProject(path.resolve(file), text, project, fileOptions);
    const lines = new LineIndex(text);
    for (const error of analysis.parseErrors.slice(0, 1)) {
      const at = lines.positionAt(error.range.start);
      io.stderr(`smtp-doctor: ${shown}:${at.line + 1}:${at.character + 1}: could not parse all of it (${error.message}); checked what could be read\n`);
    }
    for (const error of analysis.internalErrors) io.stderr(`smtp-doctor: ${shown}: ${describeInternalError(error)}\n`);
    const nameOf = (other: string) => path.relative(io.cwd, path.resolve(other)) || path.basename(other);
    for (const finding of analysis.findings) findings.push(locate(shown, lines, finding, nameOf));
    // A finding whose line to change is in a file this run does not check (`check docker-compose.yml` with the `.env` it reads) is shown there.
    for (const item of analysis.elsewhere ?? []) {
      if (checkedPaths.has(path.resolve(item.location.file))) continue;
      const other = readText(item.location.file);
      if (!('text' in other)) continue;
      const located = locate(nameOf(item.location.file), new LineIndex(other.text), item.finding, nameOf);
      if (!findings.some((known) => known.file === located.file && known.line === located.line && known.rule === located.rule)) findings.push(located);
    }
  }
  for (const skipped of walk.skipped) io.stderr(`smtp-doctor: skipped ${path.relative(io.cwd, path.resolve(skipped.file))}: ${skipped.reason}\n`);

  if (format === 'json') io.stdout(`${toJson(findings)}\n`);
  else if (format === 'sarif') io.stdout(`${toSarif(findings, version)}\n`);
  else io.stdout(`${toText(findings, checked)}\n`);
  return findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}

/**
 * The project's other files, read from disk once each (`forget` drops one that a fix rewrote); judged from their
 * project root, named from the working directory; a source file's `.env` is looked for up to its project root.
 */
function projectFiles(roots: ProjectRoots, io: CliIo): ProjectFiles & { forget(file: string): void } {
  const cache = new Map<string, string | undefined>();
  return {
    read: (file) => {
      const key = path.resolve(file);
      if (!cache.has(key)) {
        const read = fs.existsSync(file) ? readText(file) : undefined;
        cache.set(key, read && 'text' in read ? read.text : undefined);
      }
      return cache.get(key);
    },
    list: (folder) => {
      try {
        return fs.readdirSync(folder);
      } catch {
        return [];
      }
    },
    analysisPath: (file) => roots.analysisPath(file, io.cwd),
    display: (file) => path.relative(io.cwd, path.resolve(file)) || path.basename(file),
    root: (file) => roots.rootOf(file),
    forget: (file) => cache.delete(path.resolve(file)),
  };
}

/**
 * Applies fix-all to one file and writes it back in its own encoding (UTF-8 with or
 * without a byte order mark, or UTF-16 LE); line ends are the file's own already.
 * Returns the text that is now in the file.
 */
type FixAllResult = ReturnType<typeof fixAllInProject>;

function fixFile(file: string, shown: string, text: string, fix: (text: string, onError: InternalErrorHandler) => FixAllResult, io: CliIo): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const result = fix(text.slice(bom.length), (error) => io.stderr(`smtp-doctor: ${shown}: ${describeInternalError(error)}\n`));
  if (result.applied.length === 0) return text;
  const fixed = bom + result.text;
  try {
    const head = fs.readFileSync(file).subarray(0, 2);
    const utf16 = head[0] === 0xff && head[1] === 0xfe;
    fs.writeFileSync(file, utf16 ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(result.text, 'utf16le')]) : Buffer.from(fixed, 'utf8'));
  } catch (error) {
    io.stderr(`smtp-doctor: could not write fixes to ${shown} (${(error as NodeJS.ErrnoException).code ?? 'error'})\n`);
    return text;
  }
  for (const item of result.applied) io.stderr(`smtp-doctor: fixed ${shown}: ${item.title} (${item.ruleId})\n`);
  return fixed;
}
