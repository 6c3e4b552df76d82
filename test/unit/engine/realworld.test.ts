// The real-world corpus (test/fixtures/realworld) against its committed baseline: recall may not drop and no
// false positive may appear that the baseline does not list. Update the baseline with
// `npm run score:realworld -- --update-baseline` when the engine gets better.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BASELINE_FILE, REALWORLD, listCorpusFiles, loadBaseline, loadCorpus, scoreCorpus, type Score } from './realworld-score';

const RULE_AT_LINE = /^[a-z0-9]+(?:-[a-z0-9]+)*@[1-9][0-9]*$/;

describe('real-world corpus', () => {
  const corpus = loadCorpus();
  let score: Score;

  before(function () {
    this.timeout(60_000);
    score = scoreCorpus(corpus);
  });

  it('has a label for every file and a file for every label', () => {
    assert.deepEqual([...listCorpusFiles()].sort(), Object.keys(corpus).sort());
  });

  it('labels are well formed: source, licence, reason, rule@line', () => {
    for (const [file, entry] of Object.entries(corpus)) {
      assert.ok(entry.source && typeof entry.source === 'object', `${file}: source`);
      assert.ok(entry.source.repository || entry.source.url, `${file}: source names a repository or a thread`);
      assert.ok(typeof entry.license === 'string' && entry.license.length > 0, `${file}: license`);
      assert.ok(typeof entry.reason === 'string' && entry.reason.length > 0, `${file}: reason`);
      assert.ok(Array.isArray(entry.expected), `${file}: expected is a list`);
      for (const key of entry.expected) assert.match(key, RULE_AT_LINE, `${file}: ${key}`);
      const planted = entry.source.planted as { from?: string } | undefined;
      if (planted) assert.ok(planted.from && corpus[planted.from], `${file}: planted from a corpus file`);
    }
  });

  it('every expected line exists in its file', () => {
    for (const [file, entry] of Object.entries(corpus)) {
      const lines = fs.readFileSync(path.join(REALWORLD, file), 'utf8').split('\n').length;
      for (const key of entry.expected) assert.ok(Number(key.split('@')[1]) <= lines, `${file}: ${key} is past the end`);
    }
  });

  it('analyses every file without a crash', () => {
    assert.deepEqual(score.crashes, [], score.files.filter((f) => f.crash).map((f) => `${f.file}: ${f.crash}`).join('\n'));
  });

  it('recall is not below the baseline', () => {
    assert.ok(fs.existsSync(BASELINE_FILE), 'baseline.json exists');
    const baseline = loadBaseline();
    const recall = Math.round(score.recall * 10000) / 10000;
    assert.ok(
      recall >= baseline.recall,
      `recall ${recall} (${score.foundCount}/${score.expectedCount}) is below the baseline ${baseline.recall}; run npm run score:realworld`,
    );
  });

  it('raises no false positive the baseline does not list', () => {
    const known = new Set(loadBaseline().falsePositives);
    const fresh = score.falsePositives.filter((fp) => !known.has(fp));
    assert.deepEqual(fresh, [], 'new false positives; run npm run score:realworld for the details');
  });
});
