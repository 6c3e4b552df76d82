// Test index of the packaged-extension suite: scripts/run-vscode-tests.mjs
// --install-vsix smtp-doctor-<version>.vsix --tests out/test/integration/vsix/index.js
// installs the VSIX into the run's extensions dir and runs this (with an empty
// carrier extension as extensionDevelopmentPath, so the repository is NOT loaded).
// Same mocha setup and report as the main suite; summary "vsix: N passed, N failed".
import { runSuite } from '../suite/index';

export function run(): Promise<void> {
  return runSuite(__dirname, 'vsix');
}
