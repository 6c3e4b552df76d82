#!/usr/bin/env node
// Runs the integration tests in desktop VS Code through @vscode/test-electron,
// the ecosystem's standard runner: it downloads VS Code (from update.code.visualstudio.com)
// into .vscode-test/, so it needs internet access and, on Linux without a
// display, a virtual one (e.g. `xvfb-run -a npm run test:desktop`).
// On machines that cannot download VS Code use `npm run test:integration`
// (scripts/run-vscode-tests.mjs: code-server + headless Chromium); both run the
// same compiled suite (test/integration/suite/index.ts).
//
// Usage: node scripts/run-desktop-tests.mjs [--workspace DIR] [--tests PATH] [--vscode-version V]
//   --workspace DIR       folder to open (default test/fixtures/workspace)
//   --tests PATH          compiled test index (default out/test/integration/suite/index.js)
//   --vscode-version V    VS Code version to download (default env VSCODE_VERSION or "stable")
// Env: SMTP_DOCTOR_SUITE_LABEL is passed to the extension host.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { REPO, log, parseScriptArgs } from './run-vscode-tests.mjs';

let opts;
try {
  const values = parseScriptArgs(import.meta.url, {
    workspace: { type: 'string', default: path.join(REPO, 'test', 'fixtures', 'workspace') },
    tests: { type: 'string', default: path.join(REPO, 'out', 'test', 'integration', 'suite', 'index.js') },
    'vscode-version': { type: 'string', default: process.env.VSCODE_VERSION || 'stable' },
  });
  opts = { workspace: path.resolve(values.workspace), tests: path.resolve(values.tests), version: values['vscode-version'] };
} catch (err) {
  process.stderr.write(`[harness] ${err.message}\n`);
  process.exit(2);
}
if (!fs.existsSync(opts.tests)) {
  process.stderr.write(`[harness] test index ${opts.tests} not found: compile first (npx tsc -p .)\n`);
  process.exit(2);
}

const launchArgs = [opts.workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'];
if (process.platform === 'linux' && process.getuid?.() === 0) launchArgs.push('--no-sandbox'); // Electron refuses root otherwise

log(`desktop VS Code ${opts.version} via @vscode/test-electron; workspace ${opts.workspace}`);
try {
  const code = await runTests({
    version: opts.version,
    cachePath: path.join(REPO, '.vscode-test'),
    extensionDevelopmentPath: REPO,
    extensionTestsPath: opts.tests,
    extensionTestsEnv: { SMTP_DOCTOR_SUITE_LABEL: process.env.SMTP_DOCTOR_SUITE_LABEL || 'integration' },
    launchArgs,
  });
  log(`VS Code exited with ${code}`);
  process.exit(code);
} catch (err) {
  process.stderr.write(`[harness] ERROR: ${err?.message || err}\n`);
  process.exit(typeof err?.code === 'number' && err.code !== 0 ? err.code : 1);
}
