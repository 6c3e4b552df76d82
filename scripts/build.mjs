// Bundles the extension and the CLI with esbuild (the builds: scripts/bundles.mjs).
// Usage: node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { builds } from './bundles.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

if (watch) {
  for (const options of builds({ production })) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds({ production }).map((options) => esbuild.build(options)));
}
