// `smtp-doctor check [paths…]`: analyse config files, print findings, exit 1 on errors.
import * as path from 'node:path';
import { analyzeText, type RuleSetting } from '../engine/analyze';
import { ruleById, type AnalysisContext } from '../engine/rules';
import { LineIndex } from '../engine/text';
import { locate, toJson, toSarif, toText, type FileFinding } from './findings-output';
import type { CliIo } from './io';
import { collectConfigFiles, readText } from './walk';
import { UsageError, parseFlags } from './flags';

export const CHECK_USAGE = `Usage: smtp-doctor check [paths…] [options]

Finds SMTP settings in config files (.env, YAML, JSON, .properties, INI, Django
settings.py, gitlab.rb…) and reports misconfigurations. Paths default to ".".

Options:
  --format text|json|sarif   output format (default: text)
  --context application|mail-server
                             "mail-server" for a relay's own config (port 25 is normal)
  --rule ID=SEVERITY         error, warning, info, hint or off; repeatable
  -h, --help                 show this help

Exit status: 0 no errors, 1 errors found, 2 bad usage.`;

export async function runCheckCommand(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  let options;
  try {
    options = parseFlags(argv, {
      format: { kind: 'value', choices: ['text', 'json', 'sarif'] },
      context: { kind: 'value', choices: ['application', 'mail-server'] },
      rule: { kind: 'list' },
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
    if (!match || !ruleById(match[1])) {
      io.stderr(`smtp-doctor check: --rule takes ID=SEVERITY with a known rule id and error|warning|info|hint|off, not "${item}"\n`);
      return 2;
    }
    rules[match[1]] = match[2] as RuleSetting;
  }
  const format = (options.flags.format as string | undefined) ?? 'text';
  const context = ((options.flags.context as string | undefined) ?? 'application') as AnalysisContext;
  const roots = options.positionals.length ? options.positionals : ['.'];
  const walk = collectConfigFiles(roots);
  if (walk.missing.length) {
    io.stderr(`smtp-doctor check: no such file or folder: ${walk.missing.join(', ')}\n`);
    return 2;
  }

  const findings: FileFinding[] = [];
  for (const file of walk.files) {
    const read = readText(file);
    const shown = path.relative(io.cwd, path.resolve(file)) || path.basename(file);
    if ('reason' in read) {
      io.stderr(`smtp-doctor: skipped ${shown}: ${read.reason}\n`);
      continue;
    }
    const analysis = analyzeText(file, read.text, { rules, context });
    const lines = new LineIndex(read.text);
    for (const error of analysis.parseErrors.slice(0, 1)) {
      const at = lines.positionAt(error.range.start);
      io.stderr(`smtp-doctor: ${shown}:${at.line + 1}:${at.character + 1}: could not parse all of it (${error.message}); checked what could be read\n`);
    }
    for (const finding of analysis.findings) findings.push(locate(shown, lines, finding));
  }
  for (const skipped of walk.skipped) io.stderr(`smtp-doctor: skipped ${path.relative(io.cwd, path.resolve(skipped.file))}: ${skipped.reason}\n`);

  if (format === 'json') io.stdout(`${toJson(findings)}\n`);
  else if (format === 'sarif') io.stdout(`${toSarif(findings, version)}\n`);
  else io.stdout(`${toText(findings, walk.files.length)}\n`);
  return findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}
