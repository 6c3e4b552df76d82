#!/usr/bin/env node
// The GitHub Action's entry point (action.yml): runs `smtp-doctor check` with the action's inputs,
// writes the report (SARIF for code scanning by default), annotates the findings, sets the outputs
// and exits by `fail-on`. It reads the inputs as the Actions runner hands them to an action,
// INPUT_<NAME> with the name upper-cased (`fail-on` is INPUT_FAIL-ON; action.yml passes them on
// from its composite step), and writes outputs to the file named by GITHUB_OUTPUT.
// test/unit/cli/action.test.ts runs it with those variables on fixtures.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = process.env.SMTP_DOCTOR_CLI || path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');
const FORMATS = ['sarif', 'json', 'text'];
const FAIL_ON = ['error', 'warning', 'never'];

/** An input as @actions/core's getInput reads it: INPUT_ + the name upper-cased, spaces as underscores, trimmed. */
const input = (name, fallback) => (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim() || fallback;

function fail(message) {
  console.log(`::error title=SMTP Doctor::${escapeData(message)}`);
  process.exit(2);
}

const paths = input('paths', '.').split(/\s+/).filter(Boolean);
const format = input('format', 'sarif');
const failOn = input('fail-on', 'error');
if (!FORMATS.includes(format)) fail(`input "format" must be one of ${FORMATS.join(', ')}, not "${format}"`);
if (!FAIL_ON.includes(failOn)) fail(`input "fail-on" must be one of ${FAIL_ON.join(', ')}, not "${failOn}"`);
const output = input('output', `smtp-doctor.${format === 'text' ? 'txt' : format}`);

const check = (fmt) => spawnSync(process.execPath, [CLI, 'check', ...paths, '--format', fmt], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

// The findings as JSON, for the counts, the annotations and `fail-on`; then the report in the format asked.
const json = check('json');
process.stderr.write(json.stderr ?? '');
if (json.status !== 0 && json.status !== 1) fail(`smtp-doctor check exited with ${json.status ?? json.error}: ${(json.stderr ?? '').trim()}`);
const findings = JSON.parse(json.stdout);
const report = format === 'json' ? json : check(format);
fs.writeFileSync(output, report.stdout);

const counts = { error: 0, warning: 0, other: 0 };
for (const finding of findings) {
  counts[finding.severity in counts ? finding.severity : 'other']++;
  const command = finding.severity === 'error' ? 'error' : finding.severity === 'warning' ? 'warning' : 'notice';
  const where = [`file=${finding.file}`, `line=${finding.line}`, `col=${finding.column}`, `endLine=${finding.endLine}`, `endColumn=${finding.endColumn}`, `title=${finding.rule}`];
  console.log(`::${command} ${where.map(escapeProperty).join(',')}::${escapeData(finding.message)}`);
}
console.log(`SMTP Doctor: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.other} other finding(s); ${format} report in ${output}`);
if (process.env.GITHUB_OUTPUT) {
  fs.appendFileSync(process.env.GITHUB_OUTPUT, `report=${output}\nerrors=${counts.error}\nwarnings=${counts.warning}\n`);
}
const failed = failOn === 'error' ? counts.error > 0 : failOn === 'warning' ? counts.error + counts.warning > 0 : false;
process.exit(failed ? 1 : 0);

// Workflow command escaping (the runner's own rules, as in @actions/core's command.ts).
function escapeData(text) {
  return String(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(pair) {
  const at = pair.indexOf('=');
  return `${pair.slice(0, at)}=${escapeData(pair.slice(at + 1)).replace(/:/g, '%3A').replace(/,/g, '%2C')}`;
}
