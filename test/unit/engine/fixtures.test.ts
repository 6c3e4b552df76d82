// Every fixture under test/fixtures/analysis is analysed and its findings compared
// with expectations.json (rule@line). Adding a fixture without an expectation fails.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../../../src/engine/analyze';
import { LineIndex } from '../../../src/engine/text';

const ROOT = path.resolve(__dirname, '../../../../test/fixtures/analysis');
const expectations: Record<string, string[]> = JSON.parse(fs.readFileSync(path.join(ROOT, 'expectations.json'), 'utf8'));

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const full = path.join(dir, item.name);
    return item.isDirectory() ? listFiles(full) : [path.relative(ROOT, full).split(path.sep).join('/')];
  });
}

describe('analysis of real config files', () => {
  const files = listFiles(ROOT).filter((file) => file !== 'expectations.json');

  it('has an expectation for every fixture, and a fixture for every expectation', () => {
    const expected = Object.keys(expectations).filter((key) => key !== '//');
    assert.deepEqual([...files].sort(), [...expected].sort());
  });

  for (const file of files) {
    const expected = expectations[file] ?? [];
    it(`${file}: ${expected.length ? expected.join(', ') : 'silent'}`, () => {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      const analysis = analyzeText(file, text);
      const lines = new LineIndex(text);
      const actual = analysis.findings.map((finding) => `${finding.ruleId}@${lines.positionAt(finding.range.start).line + 1}`);
      assert.deepEqual(actual.sort(), [...expected].sort(), analysis.findings.map((f) => `${f.ruleId}: ${f.message}`).join('\n'));
      for (const finding of analysis.findings) {
        assert.ok(finding.range.end >= finding.range.start, 'range is ordered');
        assert.ok(finding.range.end <= text.length, 'range is inside the text');
        assert.ok(!/\bundefined\b|\[object Object\]/.test(finding.message), `message reads well: ${finding.message}`);
      }
    });
  }
});
