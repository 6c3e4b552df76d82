// The README's rule table and docs/rules.md must list exactly the rules the engine has,
// and each rule's documented examples must do what the page says.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../../src/engine/analyze';
import { RULES } from '../../src/engine/rules';
import { renderRulesPage } from '../../src/engine/rules/docs';
import { UNUSED_SUPPRESSION } from '../../src/engine/suppressions';

const REPO = path.resolve(__dirname, '../../..');

describe('rule documentation', () => {
  it('docs/rules.md is generated from the rules (run node scripts/rule-docs.mjs)', () => {
    assert.equal(fs.readFileSync(path.join(REPO, 'docs', 'rules.md'), 'utf8'), renderRulesPage());
  });

  it('the README has one row per rule, with its default severity', () => {
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| `([a-z0-9-]+)` \| (error|warning|info|hint) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(rows, RULES.map((rule) => `${rule.id} ${rule.severity}`));
  });

  it('rule ids are unique, kebab-case, and each rule has a title and a description', () => {
    assert.equal(new Set(RULES.map((rule) => rule.id)).size, RULES.length);
    for (const rule of RULES) {
      assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(rule.title.length > 10 && rule.description.length > 80, rule.id);
    }
  });

  for (const rule of RULES) {
    it(`${rule.id}: the bad example gets only its finding, the good one none`, () => {
      const { file, bad, good } = rule.docs.example;
      assert.deepEqual([...new Set(analyzeText(file, bad).findings.map((finding) => finding.ruleId))], [rule.id], 'the bad example');
      assert.deepEqual(analyzeText(file, good).findings.map((finding) => finding.message), [], 'the good example');
    });
  }

  it('the smtpDoctor.rules setting declares each rule with a severity dropdown (node scripts/sync-manifest.mjs after tsc)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    const setting = pkg.contributes.configuration.properties['smtpDoctor.rules'];
    assert.equal(setting.additionalProperties, false);
    const ids = [...RULES, UNUSED_SUPPRESSION];
    assert.deepEqual(Object.keys(setting.properties), ids.map((rule) => rule.id));
    for (const rule of ids) {
      assert.deepEqual(setting.properties[rule.id].enum, ['error', 'warning', 'info', 'hint', 'off'], rule.id);
      assert.ok(setting.properties[rule.id].markdownDescription.includes(rule.title), rule.id);
    }
  });

  it('package.json lists every setting the README documents', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const documented = [...readme.matchAll(/^\| `(smtpDoctor\.[A-Za-z.]+)` \|/gm)].map((m) => m[1]).sort();
    assert.deepEqual(documented, Object.keys(pkg.contributes.configuration.properties).sort());
  });
});
