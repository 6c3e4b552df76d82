// Each rule has its own test file here, built with ./tester (valid and invalid cases, its message snapshot).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { RULES } from '../../../src/engine/rules';

describe('rule test files', () => {
  it('every rule has test/unit/rules/<rule-id>.test.ts and a message snapshot', () => {
    const missing = RULES.filter((rule) => !fs.existsSync(`${__dirname}/${rule.id}.test.js`)).map((rule) => rule.id);
    assert.deepEqual(missing, []);
    const snapshots = fs.readdirSync(`${__dirname}/../../../../test/unit/rules/__snapshots__`).map((file) => file.replace(/\.md$/, ''));
    assert.deepEqual(snapshots.sort(), RULES.map((rule) => rule.id).sort(), 'one snapshot per rule, none left from a removed rule');
  });
});
