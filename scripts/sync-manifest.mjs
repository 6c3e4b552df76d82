// Writes package.json's `workspaceContains:` activation events from the one list of config
// files (src/engine/facts/files.ts), keeping the other events. Run after `npx tsc -p .`;
// test/unit/engine/files.test.ts fails when package.json and the list disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { workspaceActivationEvents } = require('../out/src/engine/facts/files.js');
const file = new URL('../package.json', import.meta.url);
const manifest = JSON.parse(readFileSync(file, 'utf8'));
manifest.activationEvents = [
  ...workspaceActivationEvents(),
  ...manifest.activationEvents.filter((event) => !event.startsWith('workspaceContains:')),
];
writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`package.json: ${manifest.activationEvents.length} activation events written`);
