// Writes docs/rules.md from the rules' own metadata (run after `npx tsc -p .`).
// test/unit/docs.test.ts fails when the page and the rules disagree.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { renderRulesPage } = require('../out/src/engine/rules/docs.js');
writeFileSync(new URL('../docs/rules.md', import.meta.url), renderRulesPage());
console.log('docs/rules.md written');
