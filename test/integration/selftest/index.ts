// Harness self-test suite: holds one deliberately failing test. Run only by
// `node scripts/run-vscode-tests.mjs --selftest`, which succeeds only when this
// run fails and its output shows the failure (proof that failures propagate).
import { runSuite } from '../suite/index';

export function run(): Promise<void> {
  return runSuite(__dirname, 'harness-selftest-inner');
}
