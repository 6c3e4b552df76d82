// The JSON Schema of the project config file, derived from what the parser accepts
// (project-config.ts: TOP_LEVEL_KEYS, OVERRIDE_KEYS, RULE_SETTINGS, CONTEXTS) and the rules
// (RULES, UNUSED_SUPPRESSION). `node scripts/sync-manifest.mjs` writes it to
// schemas/smtp-doctor.schema.json, which package.json contributes to VS Code
// (`contributes.jsonValidation`); test/unit/engine/schema.test.ts fails when the file drifts.
// The parser stays the judge (it also refuses braces in patterns and names the line); the schema
// gives completion and early validation in editors.

import { RULES } from '../rules';
import { UNUSED_SUPPRESSION } from '../suppressions';
import { CONTEXTS, OVERRIDE_KEYS, RULE_SETTINGS, TOP_LEVEL_KEYS } from './project-config';

type Schema = Record<string, unknown>;

const globs = (what: string): Schema => ({
  type: 'array',
  items: { type: 'string', minLength: 1, pattern: '^[^{}]*$' },
  markdownDescription: `${what} Patterns are relative to this file's folder; \`**\` crosses folders, \`dir/**\` is everything inside; no braces.`,
});

function layerProperties(): Record<(typeof OVERRIDE_KEYS)[number] | (typeof TOP_LEVEL_KEYS)[number], Schema> {
  const rules = [...RULES, UNUSED_SUPPRESSION];
  return {
    $schema: { type: 'string', description: 'The schema of this file, for editors.' },
    root: { type: 'boolean', markdownDescription: '`true`: do not look for project config files in the folders above this one.' },
    rules: {
      type: 'object',
      markdownDescription: 'Severity per rule (`error`, `warning`, `info`, `hint`) or `off`.',
      additionalProperties: false,
      properties: Object.fromEntries(rules.map((rule) => [rule.id, {
        enum: [...RULE_SETTINGS],
        markdownDescription: `${rule.title} (default: \`${rule.severity}\`).`,
      }])),
    },
    context: {
      enum: [...CONTEXTS],
      markdownEnumDescriptions: [
        'An application sending mail through a provider or relay: port 25 to a remote host is a mistake.',
        'A mail server\'s or relay\'s own configuration: port 25 is normal.',
      ],
      markdownDescription: 'Whose configuration these files are (default: `application`).',
    },
    include: globs('Extra files to read (as `.env`), whose names SMTP Doctor would not read.'),
    exclude: globs('Files never to read.'),
    files: { ...globs('The files this override applies to.'), minItems: 1 },
    overrides: {
      type: 'array',
      markdownDescription: 'Settings for some files, applied in order to the files their `files` match.',
      items: { $ref: '#/definitions/override' },
    },
  };
}

/** The schema, as written to schemas/smtp-doctor.schema.json. */
export function projectConfigSchema(): Schema {
  const properties = layerProperties();
  const pick = (keys: readonly (keyof typeof properties)[]) => Object.fromEntries(keys.map((key) => [key, properties[key]]));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://raw.githubusercontent.com/smtpdoctor/smtp-doctor/main/schemas/smtp-doctor.schema.json',
    title: 'SMTP Doctor project config (.smtp-doctor.json, .smtp-doctor.yaml)',
    type: 'object',
    additionalProperties: false,
    properties: pick(TOP_LEVEL_KEYS),
    definitions: {
      override: {
        type: 'object',
        required: ['files'],
        additionalProperties: false,
        properties: pick(OVERRIDE_KEYS),
      },
    },
  };
}
