// The `$smtp-doctor` problem matcher (package.json) against the real text output of `smtp-doctor check`:
// every finding line gives the file, line, column, severity, message and rule of the JSON output.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../../../..');
const CLI = path.join(REPO, 'dist', 'cli.js');

function check(format: 'text' | 'json'): string {
  const result = spawnSync(process.execPath, [CLI, 'check', 'test/fixtures/analysis', '--format', format], { cwd: REPO, encoding: 'utf8', timeout: 60000 });
  return result.stdout;
}

describe('the $smtp-doctor problem matcher', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const matcher = manifest.contributes.problemMatchers.find((candidate: { name: string }) => candidate.name === 'smtp-doctor');

  it('reads every finding of smtp-doctor check, as the JSON output gives it', () => {
    const regexp = new RegExp(matcher.pattern.regexp);
    const text = check('text').split('\n');
    const json: { file: string; line: number; column: number; severity: string; message: string; rule: string }[] = JSON.parse(check('json'));
    assert.ok(json.length > 20, `${json.length} findings`);
    const matched = text.flatMap((line) => {
      const m = regexp.exec(line);
      if (!m) return [];
      const { file, line: l, column, severity, message, code } = matcher.pattern;
      return [{ file: m[file], line: Number(m[l]), column: Number(m[column]), severity: m[severity], message: m[message], rule: m[code] }];
    });
    assert.deepEqual(matched, json.map(({ file, line, column, severity, message, rule }) => ({ file, line, column, severity, message, rule })));
    assert.ok(!text.some((line) => /^\d+ error/.test(line) && regexp.test(line)), 'the summary line is not a problem');
  });

  it('is named for tasks as $smtp-doctor, with paths relative to the workspace folder', () => {
    assert.equal(matcher.owner, 'smtp-doctor');
    assert.deepEqual(matcher.fileLocation, ['relative', '${workspaceFolder}']);
  });
});
