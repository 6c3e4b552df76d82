// Test index of the Workspace Trust suite: run with `scripts/run-vscode-tests.mjs --trust` (Workspace Trust on,
// the workspace not trusted) on test/fixtures/workspace-untrusted.
import { runSuite } from '../suite/index';

export function run(): Promise<void> {
  return runSuite(__dirname, 'untrusted');
}
