// Writes what package.json derives from the engine, after `npx tsc -p .`:
// - the `workspaceContains:` activation events, from the one list of config files
//   (src/engine/facts/files.ts), keeping the other events (test/unit/engine/files.test.ts);
// - the `smtpDoctor.rules` setting's properties, one per rule with its title, so the Settings UI
//   offers each rule id with a severity dropdown (test/unit/docs.test.ts);
// - schemas/smtp-doctor.schema.json, the project config file's JSON Schema (src/engine/config/schema.ts,
//   test/unit/engine/schema.test.ts), which package.json contributes with `jsonValidation`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { workspaceActivationEvents } = require('../out/src/engine/facts/files.js');
const { RULES } = require('../out/src/engine/rules/index.js');
const { UNUSED_SUPPRESSION } = require('../out/src/engine/suppressions.js');
const { projectConfigSchema } = require('../out/src/engine/config/schema.js');
const file = new URL('../package.json', import.meta.url);
const manifest = JSON.parse(readFileSync(file, 'utf8'));
manifest.activationEvents = [
  ...workspaceActivationEvents(),
  ...manifest.activationEvents.filter((event) => !event.startsWith('workspaceContains:')),
];
const rulesSetting = manifest.contributes.configuration.properties['smtpDoctor.rules'];
rulesSetting.properties = Object.fromEntries([...RULES, UNUSED_SUPPRESSION].map((rule) => [rule.id, {
  type: 'string',
  enum: ['error', 'warning', 'info', 'hint', 'off'],
  markdownDescription: `${rule.title} (default: \`${rule.severity}\`).`,
}]));
writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
mkdirSync(new URL('../schemas/', import.meta.url), { recursive: true });
writeFileSync(new URL('../schemas/smtp-doctor.schema.json', import.meta.url), `${JSON.stringify(projectConfigSchema(), null, 2)}\n`);
console.log(`package.json: ${manifest.activationEvents.length} activation events, ${RULES.length} rule settings written; schemas/smtp-doctor.schema.json written`);
