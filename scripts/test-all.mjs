#!/usr/bin/env node
// `npm test`: runs every suite in sequence (unit tests, the integration harness's
// self-test, the integration tests in VS Code), streams their output, and ends
// with one line "N passed, N failed" summed from the suites' summary lines
// ("<label>: N passed, N failed" at the start of a line). Exits non-zero if any
// step failed, including a step that failed without printing a summary.
import { spawn } from 'node:child_process';

const steps = [
  { script: 'test:unit', label: 'unit' },
  { script: 'test:harness-selftest', label: 'harness-selftest' },
  { script: 'test:integration', label: 'integration' },
];

const SUMMARY = /^([A-Za-z0-9_.:-]+): (\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/;

function runStep({ script, label }) {
  return new Promise((resolve) => {
    const started = Date.now();
    process.stdout.write(`\n[test-all] npm run ${script}\n`);
    const child = current = spawn('npm', ['run', '--silent', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SMTP_DOCTOR_SUITE_LABEL: label },
    });
    let out = '';
    child.stdout.on('data', (chunk) => { out += chunk; process.stdout.write(chunk); });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.on('close', (code, signal) => {
      const summaries = out.split('\n').map((line) => line.match(SUMMARY)).filter(Boolean)
        .map((m) => ({ label: m[1], passed: Number(m[2]), failed: Number(m[3]), skipped: Number(m[4] || 0) }));
      resolve({ script, code: code ?? 1, signal, seconds: (Date.now() - started) / 1000, summaries });
    });
  });
}

const results = [];
let current;
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => { interrupted = true; current?.kill(signal); });
}
for (const step of steps) {
  if (interrupted) break;
  results.push(await runStep(step));
}

let passed = 0;
let failed = 0;
let skipped = 0;
process.stdout.write('\n[test-all] results\n');
for (const r of results) {
  for (const s of r.summaries) { passed += s.passed; failed += s.failed; skipped += s.skipped; }
  let note = r.summaries.map((s) => `${s.label}: ${s.passed} passed, ${s.failed} failed`).join('; ');
  if (r.code !== 0 && r.summaries.every((s) => s.failed === 0)) {
    failed += 1; // the step failed without reporting a failing test (build error, harness error, timeout)
    note = `${note ? `${note}; ` : ''}step failed (exit ${r.code}${r.signal ? `, ${r.signal}` : ''}) without a failing test in its summary`;
  }
  process.stdout.write(`[test-all]   ${r.code === 0 ? 'ok  ' : 'FAIL'} ${r.script.padEnd(22)} ${r.seconds.toFixed(1).padStart(6)} s  ${note}\n`);
}
if (interrupted) process.stdout.write('[test-all] interrupted\n');
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(results.some((r) => r.code !== 0) || interrupted || results.length < steps.length ? 1 : 0);
