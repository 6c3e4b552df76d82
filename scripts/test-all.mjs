#!/usr/bin/env node
// `npm test`: everything, in sequence, on a fresh machine too:
//   setup             bash scripts/setup-vscode.sh (provisions the test VS Code; ~1 s when warm)
//   lint              eslint . (typescript-eslint; the engine/probe/adapter boundary as import rules)
//   build             node scripts/build.mjs (esbuild bundles, once)
//   compile           tsc -p . (tests and sources to out/, once)
//   unit              mocha over out/test/unit (no rebuild)
//   lsp-neovim        the language server in Debian's Neovim, headless (test/lsp/neovim.test.ts)
//   harness-selftest  the runner's deliberately failing suite must fail visibly
//   integration       the suite in a real VS Code (code-server + headless Chromium)
//   inactive          a workspace without config files leaves the extension inactive
//   untrusted         Workspace Trust on, an untrusted workspace: the connection test asks first
//   activation:NAME   each workspace of test/fixtures/activation/ activates it and gets its diagnostics
//   package           vsce package --no-dependencies (its vscode:prepublish does the production build)
//   vsix              the packaged .vsix installed into a real VS Code, test/integration/vsix
//   pack              npm pack, the tarball installed offline into a temporary prefix, its smtp-doctor run
//   pre-commit        Debian's pre-commit on a scratch repository using this repository's hook
//   start             `npm start` checked as a user meets it (scripts/check-start.mjs)
// Streams their output and ends with one line "N passed, N failed" summed from the
// suites' summary lines ("<label>: N passed, N failed" at the start of a line).
// Exits non-zero if any step failed, including a step that failed without printing
// a summary; a step whose prerequisite failed is not run and counts as failed.
// The developer scripts (npm run test:unit, test:integration, test:vsix…) still
// build on their own; this runner builds once and calls the tools directly.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(REPO, 'node_modules', '.bin', name);
const { version } = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const vsix = `smtp-doctor-${version}.vsix`;
const runner = 'scripts/run-vscode-tests.mjs';
const ACTIVATION = 'test/fixtures/activation';

const steps = [
  { name: 'setup', cmd: 'bash', args: ['scripts/setup-vscode.sh'] },
  { name: 'lint', cmd: bin('eslint'), args: ['.'] },
  { name: 'build', cmd: process.execPath, args: ['scripts/build.mjs'] },
  { name: 'compile', cmd: bin('tsc'), args: ['-p', '.'] },
  { name: 'unit', cmd: bin('mocha'), args: ['--reporter', './test/reporter.js', 'out/test/unit/**/*.test.js'], needs: ['build', 'compile'] },
  { name: 'lsp-neovim', cmd: bin('mocha'), args: ['--reporter', './test/reporter.js', 'out/test/lsp/neovim.test.js'], needs: ['setup', 'build', 'compile'] },
  { name: 'harness-selftest', cmd: process.execPath, args: [runner, '--selftest'], needs: ['setup', 'build', 'compile'] },
  { name: 'integration', cmd: process.execPath, args: [runner], needs: ['setup', 'build', 'compile'] },
  { name: 'inactive', cmd: process.execPath, args: [runner, '--workspace', 'test/fixtures/workspace-without-config', '--tests', 'out/test/integration/inactive/index.js'],
    needs: ['setup', 'build', 'compile'] },
  { name: 'untrusted', cmd: process.execPath, args: [runner, '--trust', '--workspace', 'test/fixtures/workspace-untrusted', '--tests', 'out/test/integration/untrusted/index.js'],
    needs: ['setup', 'build', 'compile'] },
  // One run per workspace of test/fixtures/activation/, each holding a single kind of config file.
  ...readdirSync(path.join(REPO, ACTIVATION)).sort().map((folder) => ({
    name: `activation:${folder}`, cmd: process.execPath,
    args: [runner, '--workspace', `${ACTIVATION}/${folder}`, '--tests', 'out/test/integration/activation/index.js'],
    needs: ['setup', 'build', 'compile'],
  })),
  // Last, because the production build replaces dist/ (minified, no source maps).
  { name: 'package', cmd: bin('vsce'), args: ['package', '--no-dependencies', '--out', vsix] },
  { name: 'vsix', cmd: process.execPath, args: [runner, '--install-vsix', vsix, '--tests', 'out/test/integration/vsix/index.js'],
    needs: ['setup', 'compile', 'package'] },
  // The installable CLI and the pre-commit hook, as users install them (each rebuilds dist/ in production).
  { name: 'pack', cmd: process.execPath, args: ['scripts/test-pack.mjs'] },
  { name: 'pre-commit', cmd: process.execPath, args: ['scripts/test-pre-commit.mjs'], needs: ['setup'] },
  // The README's other command, as a user runs it: `npm start`, the workbench in Chromium, Ctrl+C.
  { name: 'start', cmd: process.execPath, args: ['scripts/check-start.mjs'], needs: ['setup'] },
];

const SUMMARY = /^([A-Za-z0-9_.:-]+): (\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/;

let current;
function runStep({ name, cmd, args }) {
  return new Promise((resolve) => {
    const started = Date.now();
    const shown = cmd === process.execPath ? 'node' : path.isAbsolute(cmd) ? path.relative(REPO, cmd) : cmd;
    process.stdout.write(`\n[test-all] ${name}: ${shown} ${args.join(' ')}\n`);
    const env = { ...process.env, SMTP_DOCTOR_SUITE_LABEL: name, npm_config_update_notifier: 'false' };
    const child = current = spawn(cmd, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], env });
    let out = '';
    child.stdout.on('data', (chunk) => { out += chunk; process.stdout.write(chunk); });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    const done = (code, signal) => {
      const summaries = out.split('\n').map((line) => line.match(SUMMARY)).filter(Boolean)
        .map((m) => ({ label: m[1], passed: Number(m[2]), failed: Number(m[3]), skipped: Number(m[4] || 0) }));
      resolve({ name, code: code ?? 1, signal, seconds: (Date.now() - started) / 1000, summaries });
    };
    child.on('error', (err) => { process.stderr.write(`[test-all] ${name}: ${err.message}\n`); done(127); });
    child.on('close', done);
  });
}

const results = [];
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => { interrupted = true; current?.kill(signal); });
}
const t0 = Date.now();
for (const step of steps) {
  if (interrupted) break;
  const missing = (step.needs || []).filter((need) => results.find((r) => r.name === need)?.code !== 0);
  if (missing.length) {
    process.stdout.write(`\n[test-all] ${step.name}: not run (${missing.join(', ')} failed)\n`);
    results.push({ name: step.name, code: 1, seconds: 0, summaries: [], notRun: missing });
    continue;
  }
  results.push(await runStep(step));
}

let passed = 0;
let failed = 0;
let skipped = 0;
process.stdout.write('\n[test-all] results\n');
for (const r of results) {
  for (const s of r.summaries) { passed += s.passed; failed += s.failed; skipped += s.skipped; }
  let note = r.summaries.map((s) => `${s.label}: ${s.passed} passed, ${s.failed} failed`).join('; ');
  if (r.notRun) {
    failed += 1;
    note = `not run: ${r.notRun.join(', ')} failed`;
  } else if (r.code !== 0 && r.summaries.every((s) => s.failed === 0)) {
    failed += 1; // the step failed without reporting a failing test (build error, harness error, timeout)
    note = `${note ? `${note}; ` : ''}step failed (exit ${r.code}${r.signal ? `, ${r.signal}` : ''})${r.summaries.length ? ' without a failing test in its summary' : ''}`;
  }
  process.stdout.write(`[test-all]   ${r.code === 0 ? 'ok  ' : 'FAIL'} ${r.name.padEnd(28)} ${r.seconds.toFixed(1).padStart(6)} s  ${note}\n`);
}
process.stdout.write(`[test-all]   total ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
if (interrupted) process.stdout.write('[test-all] interrupted\n');
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(results.some((r) => r.code !== 0) || interrupted || results.length < steps.length ? 1 : 0);
