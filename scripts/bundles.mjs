// The esbuild builds of the extension and the CLI, shared by scripts/build.mjs and bench/run.mjs.
// The CLI is a small dispatcher (dist/cli.js) plus one bundle per command (dist/cli-check.js…),
// which it requires only when that command runs: `smtp-doctor --help` or `probe` never parse
// the config readers' code (measured by npm run bench, "CLI start-up").
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { version } = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));

/** The module of each command, which src/cli/main.ts loads with `import()`: each is bundled on its own as dist/cli-NAME.js. */
export const CLI_COMMANDS = {
  check: 'src/cli/check.ts',
  probe: 'src/cli/probe.ts',
  explain: 'src/cli/explain.ts',
  lsp: 'src/lsp/server.ts',
};

/** main.ts's `import('./check')` becomes a require of the sibling bundle `./cli-check.js`. */
const commandBundles = {
  name: 'smtp-doctor-command-bundles',
  setup(build) {
    const main = path.join(REPO, 'src', 'cli', 'main.ts');
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (path.resolve(args.importer) !== main) return undefined;
      const target = `${path.resolve(path.dirname(main), args.path)}.ts`;
      const command = Object.keys(CLI_COMMANDS).find((name) => path.join(REPO, CLI_COMMANDS[name]) === target);
      return command ? { path: `./cli-${command}.js`, external: true } : undefined;
    });
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
    // The worker thread that parses big YAML files whole for the extension (src/extension/yaml-parser.ts), beside it.
    { ...common, entryPoints: ['src/extension/yaml-worker.ts'], outfile: path.join(outdir, 'yaml-worker.js') },
    // `import()` of a command bundle becomes a plain require: Node's ES module loader would pre-parse the CommonJS
    // bundle for its exports first (about a fifth of a `probe` run).
    { ...common, entryPoints: ['src/cli/main.ts'], outfile: path.join(outdir, 'cli.js'), banner: { js: '#!/usr/bin/env node' }, plugins: [commandBundles], supported: { 'dynamic-import': false } },
    ...Object.entries(CLI_COMMANDS).map(([command, entry]) => ({ ...common, entryPoints: [entry], outfile: path.join(outdir, `cli-${command}.js`) })),
  ];
}
