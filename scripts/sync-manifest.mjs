// Writes what package.json derives from the engine, after `npx tsc -p .`:
// - the `workspaceContains:` activation events, from the one list of config files, and the code
//   languages' `onLanguage:` events (src/engine/facts/files.ts), keeping the other events
//   (test/unit/engine/files.test.ts);
// - the `smtpDoctor.rules` setting's properties, one per rule with its title, so the Settings UI
//   offers each rule id with a severity dropdown (test/unit/docs.test.ts);
// - schemas/smtp-doctor.schema.json, the project config file's JSON Schema (src/engine/config/schema.ts,
//   test/unit/engine/schema.test.ts), which package.json contributes with `jsonValidation`;
// - .pre-commit-hooks.yaml, whose `files`/`exclude` come from the same list of files
//   (preCommitPatterns in src/engine/facts/files.ts; test/unit/engine/files.test.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { codeActivationEvents, preCommitPatterns, workspaceActivationEvents } = require('../out/src/engine/facts/files.js');
const { RULES } = require('../out/src/engine/rules/index.js');
const { UNUSED_SUPPRESSION } = require('../out/src/engine/suppressions.js');
const { projectConfigSchema } = require('../out/src/engine/config/schema.js');
const file = new URL('../package.json', import.meta.url);
const manifest = JSON.parse(readFileSync(file, 'utf8'));
const codeEvents = codeActivationEvents();
// Code languages' onLanguage: events come from the list too (written last); other events (dotenv, properties…) are kept.
manifest.activationEvents = [
  ...workspaceActivationEvents(),
  ...manifest.activationEvents.filter((event) => !event.startsWith('workspaceContains:') && !codeEvents.includes(event)),
  ...codeEvents,
];
const rulesSetting = manifest.contributes.configuration.properties['smtpDoctor.rules'];
rulesSetting.properties = Object.fromEntries([...RULES, UNUSED_SUPPRESSION].map((rule) => [rule.id, {
  type: 'string',
  enum: ['error', 'warning', 'info', 'hint', 'off'],
  markdownDescription: `${rule.title} (default: \`${rule.severity}\`).`,
}]));
writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
const hooks = preCommitPatterns();
writeFileSync(new URL('../.pre-commit-hooks.yaml', import.meta.url), `# pre-commit hook (https://pre-commit.com): smtp-doctor check on the staged files SMTP Doctor reads.
# Written by \`node scripts/sync-manifest.mjs\`: \`files\` and \`exclude\` come from src/engine/facts/files.ts.
#
# language: node with language_version: system runs on the machine's own Node (pre-commit's
# nodeenv links it, no download); pre-commit then runs \`npm install\` in its clone of this repository
# (the build's devDependencies, from the npm registry or its cache), \`npm pack\` (\`prepack\` builds
# the CLI) and \`npm install -g\` of the tarball, which needs nothing from the registry.
# language: system would need \`smtp-doctor\` already on PATH (pre-commit installs nothing for it),
# which fails with "Executable \`smtp-doctor\` not found" in a repository that only names this hook.
# Measured with Debian's pre-commit 3.0.4 by scripts/test-pre-commit.mjs.
- id: smtp-doctor
  name: SMTP Doctor
  description: Finds SMTP misconfigurations in config files and code (port 25, implicit TLS on 587, plaintext on 465, Gmail/Outlook passwords…).
  entry: smtp-doctor check
  language: node
  language_version: system
  files: '${hooks.files}'
  exclude: '${hooks.exclude}'
  types: [text]
`);
mkdirSync(new URL('../schemas/', import.meta.url), { recursive: true });
writeFileSync(new URL('../schemas/smtp-doctor.schema.json', import.meta.url), `${JSON.stringify(projectConfigSchema(), null, 2)}\n`);
console.log(`package.json: ${manifest.activationEvents.length} activation events, ${RULES.length} rule settings written; schemas/smtp-doctor.schema.json written`);
