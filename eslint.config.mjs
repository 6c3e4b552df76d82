// ESLint (flat config): the recommended JavaScript and typescript-eslint rules, and
// the layering as a rule, so that the build fails when it is broken:
//   src/engine     plain Node: no `vscode`, no probe, no adapter
//   src/probe      plain Node: no `vscode`, no adapter
//   src/cli        no `vscode`; the engine and the probe only through their entry points
//   src/extension  the engine and the probe only through their entry points
//   src/lsp        the language server (`smtp-doctor lsp`): no `vscode` (it speaks the protocol through
//                  vscode-languageserver), the engine only through its entry point, not the extension;
//                  it is a CLI command, so it shares the CLI's Node file helpers (src/cli/config-files.ts)
//   test/unit      no `vscode` (plain mocha)
// The entry points are src/engine/index.ts and src/probe/index.ts (`../engine`, `../probe`).
// test/unit/boundaries.test.ts proves that these rules fire.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const VSCODE = {
  name: 'vscode',
  message: 'Only src/extension may import vscode: the engine, the probe and the CLI run in plain Node.',
};
const deepImport = (layer) => ({
  group: [`**/${layer}/**`],
  message: `Import the ${layer} through its entry point ('../${layer}', src/${layer}/index.ts); export what you need there.`,
});
const layer = (name, why) => ({ group: [`**/${name}`, `**/${name}/**`], message: why });
const ENGINE_IS_BELOW =
  'The engine is below the probe and the adapters: it must not import them (move the shared piece into the engine).';
const PROBE_IS_BELOW = 'The probe is below the adapters: it must not import them.';
const ADAPTERS_ARE_SEPARATE = 'src/extension, src/cli and src/lsp are separate adapters: share code through the engine or the probe.';

// `import('vscode')` and `require('vscode')` are not import declarations: caught by syntax instead.
const noDynamicVscode = (files) => ({
  files,
  rules: {
    'no-restricted-syntax': [
      'error',
      { selector: "ImportExpression[source.value='vscode']", message: VSCODE.message },
      { selector: "CallExpression[callee.name='require'][arguments.0.value='vscode']", message: VSCODE.message },
    ],
  },
});

/** One `no-restricted-imports` per folder: a later config object replaces a rule's options, it does not add to them. */
const restrict = (files, { paths = [], patterns = [] }) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }] },
});

export default defineConfig(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', '.stryker-tmp/**', 'reports/**', 'test/fixtures/**', 'bench-results/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed parameters and destructured leftovers are deliberate (interface shapes, rest-omission).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // CommonJS files (mocha's reporter): `require` is how they load modules.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The probe and the CLI handle control characters on purpose: they strip them from
    // server replies and terminal output, and recognise binary protocols (TLS records).
    files: ['src/probe/**', 'src/cli/**'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // The probe panel's webview script: a classic browser script, given acquireVsCodeApi by VS Code.
    files: ['media/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, acquireVsCodeApi: 'readonly' } },
  },
  {
    // page.evaluate() / waitForFunction() callbacks run in the browser.
    files: ['scripts/screenshots.mjs', 'scripts/check-start.mjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
  restrict(['src/engine/**'], {
    paths: [VSCODE],
    patterns: [layer('probe', ENGINE_IS_BELOW), layer('extension', ENGINE_IS_BELOW), layer('cli', ENGINE_IS_BELOW), layer('lsp', ENGINE_IS_BELOW)],
  }),
  restrict(['src/probe/**'], {
    paths: [VSCODE],
    patterns: [layer('extension', PROBE_IS_BELOW), layer('cli', PROBE_IS_BELOW), layer('lsp', PROBE_IS_BELOW)],
  }),
  restrict(['src/cli/**'], {
    paths: [VSCODE],
    patterns: [deepImport('engine'), deepImport('probe'), layer('extension', ADAPTERS_ARE_SEPARATE)],
  }),
  restrict(['src/extension/**'], {
    patterns: [deepImport('engine'), deepImport('probe'), layer('cli', ADAPTERS_ARE_SEPARATE), layer('lsp', ADAPTERS_ARE_SEPARATE)],
  }),
  restrict(['src/lsp/**'], {
    paths: [VSCODE],
    patterns: [deepImport('engine'), deepImport('probe'), layer('extension', ADAPTERS_ARE_SEPARATE)],
  }),
  // Unit tests run in plain mocha, without VS Code.
  restrict(['test/unit/**'], { paths: [VSCODE] }),
  noDynamicVscode(['src/engine/**', 'src/probe/**', 'src/cli/**', 'src/lsp/**', 'test/unit/**']),
);
