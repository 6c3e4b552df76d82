// Test index of the activation suite: run once on each folder of test/fixtures/activation/, each
// holding a single kind of config file, to prove that the manifest's activation events (generated
// from src/engine/facts/files.ts) start the extension there and the workspace scan reports it.
import { runSuite } from '../suite/index';

export function run(): Promise<void> {
  return runSuite(__dirname, process.env.SMTP_DOCTOR_SUITE_LABEL || 'activation');
}
