// Bundles the extension and the CLI with esbuild (the builds: scripts/bundles.mjs).
// Usage: node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { builds } from './bundles.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// The tree-sitter runtime and the grammars the code readers load lazily (src/engine/code/parsers.ts looks in dist/wasm/).
const WASM = [
  'node_modules/web-tree-sitter/web-tree-sitter.wasm',
  ...['javascript', 'typescript', 'tsx', 'python', 'php', 'ruby', 'c-sharp', 'java', 'go'].map((language) => `node_modules/@vscode/tree-sitter-wasm/wasm/tree-sitter-${language}.wasm`),
];
mkdirSync('dist/wasm', { recursive: true });
for (const file of WASM) copyFileSync(file, `dist/wasm/${file.split('/').pop()}`);

if (watch) {
  for (const options of builds({ production })) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds({ production }).map((options) => esbuild.build(options)));
}
