#!/usr/bin/env node
// Scores the engine on the real-world corpus (test/fixtures/realworld): recall of the labelled findings
// (right rule at the right line), every miss and every false positive, with the label's reason.
// Reads the compiled engine in out/ (`npm run score:realworld` compiles first). Writes nothing unless
// --update-baseline is given, which records the current recall and false positives in baseline.json.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const compiled = path.join(REPO, 'out', 'test', 'unit', 'engine', 'realworld-score.js');
if (!fs.existsSync(compiled)) {
  console.error('The compiled scorer is missing: run `npx tsc -p .` first (npm run score:realworld does).');
  process.exit(2);
}
const { loadCorpus, scoreCorpus, toBaseline, loadBaseline, baselineFileOf, prepareCorpus, REALWORLD, REALCODE } = require(compiled);
const { isConfigFile } = require(path.join(REPO, 'out', 'src', 'engine', 'analyze.js'));

const argv = process.argv.slice(2);
const args = new Set(argv);
// --corpus realcode: the code corpus (test/fixtures/realcode) instead of the config files'.
const which = argv[argv.indexOf('--corpus') + 1];
const dir = args.has('--corpus') ? { realworld: REALWORLD, realcode: REALCODE }[which] : REALWORLD;
if (!dir) {
  console.error(`--corpus takes realworld or realcode, not ${which}`);
  process.exit(2);
}
const BASELINE_FILE = baselineFileOf(dir);
const corpus = loadCorpus(dir);
await prepareCorpus(corpus, dir);
const score = scoreCorpus(corpus, dir);
const pct = (x) => `${(x * 100).toFixed(1)} %`;
const unread = (file) => (isConfigFile(file) ? '' : ' [format not read]');

const silent = score.files.filter((file) => file.expected.length === 0).length;
console.log(`${dir === REALCODE ? 'Real-code' : 'Real-world'} corpus: ${score.files.length} files (${silent} labelled silent)`);
console.log(`Recall: ${score.foundCount}/${score.expectedCount} = ${pct(score.recall)}`);
console.log(`False positives: ${score.falsePositives.length}`);
if (score.crashes.length) console.log(`Crashes: ${score.crashes.length}`);

const misses = score.files.filter((file) => file.missed.length);
if (misses.length) {
  console.log('\nMisses:');
  for (const file of misses) {
    console.log(`  ${file.file}${unread(file.file)}: ${file.missed.join(', ')}`);
    console.log(`      label: ${corpus[file.file].reason}`);
    if (file.actual.length) console.log(`      engine: ${file.actual.join(', ')}`);
  }
}
const fps = score.files.filter((file) => file.falsePositives.length);
if (fps.length) {
  console.log('\nFalse positives:');
  for (const file of fps) {
    for (const key of file.falsePositives) console.log(`  ${file.file}: ${key}: ${file.messages[key]}`);
    console.log(`      label: ${corpus[file.file].expected.join(', ') || 'silent'}: ${corpus[file.file].reason}`);
  }
}
const unjudged = score.files.flatMap((file) => file.unjudgedHints.map((key) => `${file.file}: ${key}`));
if (unjudged.length) {
  console.log(`\nHints in files labelled before hint rules (not scored; label a file with "labelsHints": true to judge them): ${unjudged.length}`);
  if (args.has('--hints')) for (const line of unjudged) console.log(`  ${line}`);
}
for (const file of score.files.filter((f) => f.crash)) console.log(`\nCrash in ${file.file}:\n${file.crash}`);

const byRule = {};
for (const file of score.files) {
  for (const key of file.expected) {
    const rule = key.split('@')[0];
    byRule[rule] ??= { expected: 0, found: 0 };
    byRule[rule].expected++;
    if (file.found.includes(key)) byRule[rule].found++;
  }
}
console.log('\nRecall by rule:');
for (const [rule, { expected, found }] of Object.entries(byRule).sort()) console.log(`  ${rule}: ${found}/${expected}`);

if (fs.existsSync(BASELINE_FILE)) {
  const baseline = loadBaseline(dir);
  const known = new Set(baseline.falsePositives);
  const fresh = score.falsePositives.filter((fp) => !known.has(fp));
  const gone = baseline.falsePositives.filter((fp) => !score.falsePositives.includes(fp));
  console.log(`\nBaseline: recall ${pct(baseline.recall)} (${baseline.found}/${baseline.expected}), ${baseline.falsePositives.length} false positives`);
  if (fresh.length) console.log(`  new false positives: ${fresh.join('; ')}`);
  if (gone.length) console.log(`  false positives gone: ${gone.length}`);
}

if (args.has('--update-baseline')) {
  fs.writeFileSync(BASELINE_FILE, JSON.stringify(toBaseline(score), null, 2) + '\n');
  console.log(`\nWrote ${path.relative(REPO, BASELINE_FILE)}`);
}
