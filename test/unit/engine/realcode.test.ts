// The real-code corpus (test/fixtures/realcode) against its committed baseline: recall may not drop and no
// false positive may appear that the baseline does not list. Update the baseline with
// `npm run score:realcode -- --update-baseline` when the engine gets better.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { REALCODE, baselineFileOf, listCorpusFiles, loadBaseline, loadCorpus, prepareCorpus, scoreCorpus, type Score } from './realworld-score';

const RULE_AT_LINE = /^[a-z0-9]+(?:-[a-z0-9]+)*@[1-9][0-9]*$/;

describe('real-code corpus', () => {
  const corpus = loadCorpus(REALCODE);
  let score: Score;

  before(async function () {
    this.timeout(60_000);
    await prepareCorpus(corpus, REALCODE);
    score = scoreCorpus(corpus, REALCODE);
  });

  it('has a label for every file and a file for every label', () => {
    assert.deepEqual([...listCorpusFiles(REALCODE)].sort(), Object.keys(corpus).sort());
  });

  it('labels are well formed: source, licence, reason, rule@line', () => {
    for (const [file, entry] of Object.entries(corpus)) {
      assert.ok(entry.source && (entry.source.pattern || entry.source.repository), `${file}: source says what the file reproduces or where it is from`);
      assert.ok(entry.license && entry.reason, `${file}: license and reason`);
      for (const key of entry.expected) assert.match(key, RULE_AT_LINE, `${file}: ${key}`);
    }
  });

  it('analyses every file without a crash', () => {
    assert.deepEqual(score.crashes, []);
  });

  it('recall is not below the baseline, and no false positive is new', () => {
    assert.ok(fs.existsSync(baselineFileOf(REALCODE)), 'baseline.json exists');
    const baseline = loadBaseline(REALCODE);
    assert.ok(Math.round(score.recall * 10000) / 10000 >= baseline.recall, `recall ${score.foundCount}/${score.expectedCount} is below the baseline; run npm run score:realcode`);
    const known = new Set(baseline.falsePositives);
    assert.deepEqual(score.falsePositives.filter((fp) => !known.has(fp)), [], 'new false positives; run npm run score:realcode');
  });
});
