// The esbuild builds of the extension and the CLI, shared by scripts/build.mjs and bench/run.mjs.
// The CLI is a small dispatcher (dist/cli.js) plus one bundle per command (dist/cli-check.js…),
// which it requires only when that command runs: `smtp-doctor --help` or `probe` never parse
// the config readers' code (measured by npm run bench, "CLI start-up").
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { version } = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));

/** The commands src/cli/main.ts loads with `import('./NAME')`. */
export const CLI_COMMANDS = ['check', 'probe', 'explain'];

/** main.ts's `import('./check')` becomes a require of the sibling bundle `./cli-check.js`. */
const commandBundles = {
  name: 'smtp-doctor-command-bundles',
  setup(build) {
    const filter = new RegExp(`^\\./(${CLI_COMMANDS.join('|')})$`);
    build.onResolve({ filter }, (args) =>
      path.resolve(args.importer) === path.join(REPO, 'src', 'cli', 'main.ts') ? { path: `./cli-${args.path.slice(2)}.js`, external: true } : undefined);
  },
};

/** esbuild options for every bundle, written into outdir. */
export function builds({ outdir = path.join(REPO, 'dist'), production = false, logLevel = 'info' } = {}) {
  const common = {
    absWorkingDir: REPO,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !production,
    minify: production,
    logLevel,
    // jsonc-parser's UMD build hides its requires from esbuild; its ES module build bundles cleanly.
    mainFields: ['module', 'main'],
    define: { SMTP_DOCTOR_VERSION: JSON.stringify(version) },
    // src/engine/code/parsers.ts resolves the .wasm files in node_modules only when they are not next to the bundle.
    logOverride: { 'require-resolve-not-external': 'silent' },
  };
  return [
    { ...common, entryPoints: ['src/extension/extension.ts'], outfile: path.join(outdir, 'extension.js'), external: ['vscode'] },
    { ...common, entryPoints: ['src/cli/main.ts'], outfile: path.join(outdir, 'cli.js'), banner: { js: '#!/usr/bin/env node' }, plugins: [commandBundles] },
    ...CLI_COMMANDS.map((command) => ({ ...common, entryPoints: [`src/cli/${command}.ts`], outfile: path.join(outdir, `cli-${command}.js`) })),
  ];
}
