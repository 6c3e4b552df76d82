// Test index for the extension's integration tests: VS Code's extension host
// loads this file (extensionTestsPath) and calls run(). Works the same under
// scripts/run-vscode-tests.mjs (code-server + headless Chromium) and under
// @vscode/test-electron (scripts/run-desktop-tests.mjs).
//
// Runs mocha (bdd: describe/it) over every compiled *.test.js in this folder and
// reports with test/reporter.js: mocha's spec output, then one closing line
// "<label>: N passed, N failed" (label from SMTP_DOCTOR_SUITE_LABEL, default
// "integration").
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import type MochaType from 'mocha';

// out/test/integration/<suite>/index.js -> repository root
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

function findTests(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTests(full));
    else if (entry.isFile() && entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}

/**
 * Under scripts/run-vscode-tests.mjs the workbench forwards the extension host's
 * console together with its own log messages; the harness sets
 * SMTP_DOCTOR_CONSOLE_TAG so that the extension host's lines (mocha's report,
 * the extension's own logging) can be told apart: each console call is
 * formatted here and forwarded as one tagged string. Not set under test-electron.
 *
 * VS Code's console forwarder makes console.log & co. non-writable and
 * non-configurable, so the global `console` object itself is replaced by one
 * whose methods tag, then call the forwarder's.
 */
function tagConsoleForHarness(): void {
  const tag = process.env.SMTP_DOCTOR_CONSOLE_TAG;
  const original = globalThis.console as Console & { __smtpDoctorTagged?: boolean };
  if (!tag || original.__smtpDoctorTagged) return;
  const tagged = Object.create(original) as Console & { __smtpDoctorTagged?: boolean };
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    Object.defineProperty(tagged, method, {
      value: (...args: unknown[]) => original[method](tag + util.format(...args)),
      writable: true, configurable: true,
    });
  }
  tagged.__smtpDoctorTagged = true;
  globalThis.console = tagged;
}

function loadMocha(): typeof MochaType {
  // Loaded after tagConsoleForHarness(): mocha keeps a reference to console.log.
  // mocha 12 is an ES module; require() of it yields the Mocha class on some
  // Node versions and a namespace with `default` on others.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('mocha') as typeof MochaType & { default?: typeof MochaType };
  const Mocha = loaded.default ?? loaded;
  const base = Mocha.reporters.Base as unknown as { consoleLog?: unknown };
  if (base.consoleLog !== undefined) base.consoleLog = console.log;
  return Mocha;
}

/** Runs every *.test.js under `dir`; rejects when any test fails (or none exist). */
export function runSuite(dir: string, defaultLabel: string): Promise<void> {
  if (!process.env.SMTP_DOCTOR_SUITE_LABEL) process.env.SMTP_DOCTOR_SUITE_LABEL = defaultLabel;
  tagConsoleForHarness();
  const Mocha = loadMocha();
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 20_000,
    reporter: path.join(REPO_ROOT, 'test', 'reporter.js'),
    // scripts/run-vscode-tests.mjs --grep PATTERN: only the tests whose full title matches (a focused run).
    ...(process.env.SMTP_DOCTOR_TEST_GREP ? { grep: process.env.SMTP_DOCTOR_TEST_GREP } : {}),
  });
  const files = findTests(dir);
  if (files.length === 0) return Promise.reject(new Error(`no *.test.js files under ${dir}`));
  for (const file of files) mocha.addFile(file);

  return new Promise<void>((resolve, reject) => {
    try {
      mocha.run((failures) => {
        // Let the reporter's last lines leave the extension host (its console is
        // forwarded asynchronously) before VS Code is told the run is over.
        setTimeout(() => {
          if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
          else resolve();
        }, 250);
      });
    } catch (err) {
      console.error(err);
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}

export function run(): Promise<void> {
  return runSuite(__dirname, 'integration');
}
