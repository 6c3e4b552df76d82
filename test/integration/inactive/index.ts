// Test index of the "stays inactive" suite: run on test/fixtures/workspace-without-config,
// a folder with no config file, to prove the extension activates only on its activation events.
import { runSuite } from '../suite/index';

export function run(): Promise<void> {
  return runSuite(__dirname, 'inactive');
}
