// The project config file's JSON Schema: generated from the parser's keys and the rules, and
// committed for editors (package.json contributes it with jsonValidation).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FINDING_IDS } from '../../../src/engine/analyze';
import { CONTEXTS, OVERRIDE_KEYS, RULE_SETTINGS, TOP_LEVEL_KEYS } from '../../../src/engine/config/project-config';
import { projectConfigSchema } from '../../../src/engine/config/schema';

const REPO = path.resolve(__dirname, '../../../..');
const SCHEMA_FILE = path.join(REPO, 'schemas/smtp-doctor.schema.json');

describe('project config JSON Schema', () => {
  it('schemas/smtp-doctor.schema.json is the generated schema (run `npx tsc -p . && node scripts/sync-manifest.mjs`)', () => {
    assert.equal(fs.readFileSync(SCHEMA_FILE, 'utf8'), `${JSON.stringify(projectConfigSchema(), null, 2)}\n`);
  });

  it('offers exactly the keys, rule ids, severities and contexts the parser accepts', () => {
    type Property = { enum?: string[]; markdownEnumDescriptions?: string[]; properties?: Record<string, Property> };
    const schema = projectConfigSchema() as { properties: Record<string, Property>; definitions: { override: Property } };
    assert.deepEqual(Object.keys(schema.properties), [...TOP_LEVEL_KEYS]);
    assert.deepEqual(Object.keys(schema.definitions.override.properties ?? {}), [...OVERRIDE_KEYS]);
    const rules = schema.properties.rules.properties ?? {};
    assert.deepEqual(new Set(Object.keys(rules)), FINDING_IDS);
    for (const rule of Object.values(rules)) assert.deepEqual(rule.enum, [...RULE_SETTINGS]);
    assert.deepEqual(schema.properties.context.enum, [...CONTEXTS]);
    assert.equal(schema.properties.context.markdownEnumDescriptions?.length, CONTEXTS.length);
  });

  it('is contributed to VS Code for .smtp-doctor.json, which opens as JSON with comments, and shipped in the VSIX', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.smtp-doctor.json', url: './schemas/smtp-doctor.schema.json' }]);
    assert.deepEqual(manifest.contributes.languages, [{ id: 'jsonc', filenames: ['.smtp-doctor.json'] }]);
    assert.match(fs.readFileSync(path.join(REPO, '.vscodeignore'), 'utf8'), /^!schemas\/smtp-doctor\.schema\.json$/m);
  });
});
