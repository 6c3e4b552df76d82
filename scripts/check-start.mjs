#!/usr/bin/env node
// Proves the README's `npm start` as a user would meet it, non-interactively: runs `npm start`
// (in its own process group, as a terminal would), waits for the address it prints, opens the
// workbench in headless Chromium, waits until the extension, which nobody activates by hand,
// has put the samples' findings in the status bar's problem count and the Problems panel, then
// presses Ctrl+C (SIGINT to the group) and checks that nothing it started is left running and
// that the port is closed. Part of `npm test` (scripts/test-all.mjs); prints "start: N passed, N failed".
//
// Usage: node scripts/check-start.mjs [--timeout MS]   (default 600000 for the whole check)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { CACHE, REPO, sleep } from './run-vscode-tests.mjs';

const { values: flags } = parseArgs({ options: { timeout: { type: 'string', default: '600000' } } });
const deadline = Date.now() + Number(flags.timeout);
const label = process.env.SMTP_DOCTOR_SUITE_LABEL || 'start';
const log = (message) => process.stdout.write(`[check-start] ${message}\n`);
const results = [];
const check = (what, ok, detail = '') => {
  results.push(ok);
  log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? `: ${detail}` : ''}`);
  return ok;
};

/** Processes whose environment carries this check's marker: everything `npm start` started. */
const marker = `SMTP_DOCTOR_START_CHECK=${process.pid}-${randomBytes(4).toString('hex')}`;
function startedProcesses() {
  const needle = Buffer.from(`${marker}\0`);
  return fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name)).filter((pid) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return false; // exited, not yet reaped
      return fs.readFileSync(`/proc/${pid}/environ`).includes(needle);
    } catch {
      return false;
    }
  });
}

/** What the CLI finds in samples/: the counts the editor must show too. */
function expectedCounts() {
  const cli = spawn(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'check', 'samples', '--format', 'json'], { cwd: REPO });
  let out = '';
  cli.stdout.on('data', (chunk) => { out += chunk; });
  return new Promise((resolve) => cli.on('close', () => {
    const findings = JSON.parse(out);
    resolve({ errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warning').length });
  }));
}

const [key, value] = marker.split('=');
const start = spawn('npm', ['start'], {
  cwd: REPO, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, [key]: value },
});
const exited = new Promise((resolve) => start.once('exit', (code, signal) => resolve({ code, signal })));
let output = '';
const relay = (stream) => (chunk) => {
  output += chunk;
  stream.write(chunk.toString().replace(/^(?=.)/gm, '  | '));
};
start.stdout.on('data', relay(process.stdout));
start.stderr.on('data', relay(process.stderr));

let browser;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-doctor-check-start-'));
try {
  let url;
  let early;
  exited.then((result) => { early = result; });
  while (!url && !early && Date.now() < deadline) {
    url = output.match(/Open: (http:\/\/127\.0\.0\.1:\d+\/\S*)/)?.[1];
    if (!url) await sleep(200);
  }
  if (check('npm start prints the address to open', !!url, url ?? `exited ${JSON.stringify(early)}`)) {
    const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
    check('the address answers', response.ok, `HTTP ${response.status}`);

    const { chromium } = await import('playwright-core');
    const env = JSON.parse(fs.readFileSync(path.join(CACHE, 'env.json'), 'utf8'));
    process.env.TMPDIR = tmp; // Playwright's browser profile
    browser = await chromium.launch({
      executablePath: env.chromium, headless: true, timeout: 60_000,
      handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
      env: { ...process.env, HOME: tmp, XDG_CONFIG_HOME: tmp, XDG_CACHE_HOME: tmp },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.locator('.monaco-workbench .part.editor').waitFor({ timeout: 90_000 });
    check('the workbench loads with the samples open', await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'laravel-shop' })
      .first().waitFor({ timeout: 60_000 }).then(() => true, () => false));

    const expected = await expectedCounts();
    // The status bar's problem item says "Errors: 5, Warnings: 5" in its aria-label.
    const counts = await page.waitForFunction(({ errors, warnings }) => {
      const label = document.querySelector('#status\\.problems a, #status\\.problems')?.getAttribute('aria-label') ?? '';
      const count = (word) => Number(label.match(new RegExp(`${word}s?: (\\d+)`, 'i'))?.[1] ?? -1);
      return count('error') === errors && count('warning') === warnings ? label : false;
    }, expected, { timeout: 90_000, polling: 250 }).then((handle) => handle.jsonValue(), async () =>
      `timed out; status bar says "${await page.locator('#status\\.problems').first().getAttribute('aria-label').catch(() => '?')}"`);
    check(`the extension activated by itself and reports the samples' ${expected.errors} errors and ${expected.warnings} warnings`,
      typeof counts === 'string' && !counts.startsWith('timed out'), String(counts));

    await page.locator('#status\\.problems').first().click();
    const rows = page.locator('.markers-panel .monaco-list-row');
    const listed = await rows.first().waitFor({ timeout: 20_000 }).then(async () => (await rows.allInnerTexts()).join(' | '), () => '');
    check('the Problems panel lists the findings with their rule ids', /implicit-tls-on-starttls-port|port-25-submission|conflicting-tls-flags/.test(listed),
      listed.slice(0, 200));
    await browser.close();
    browser = undefined;
  }
} catch (error) {
  check('the check ran to its end', false, error instanceof Error ? error.message : String(error));
} finally {
  await browser?.close().catch(() => {});
  fs.rmSync(tmp, { recursive: true, force: true });
  const port = output.match(/Listening on 127\.0\.0\.1:(\d+)/)?.[1];
  log('Ctrl+C: SIGINT to the process group of npm start');
  try { process.kill(-start.pid, 'SIGINT'); } catch { /* already gone */ }
  const result = await Promise.race([exited, sleep(30_000).then(() => undefined)]);
  check('npm start stops on Ctrl+C within 30 s', result !== undefined, JSON.stringify(result));
  let left = startedProcesses();
  for (let i = 0; i < 50 && left.length; i++) {
    await sleep(100);
    left = startedProcesses();
  }
  check('nothing it started is left running', left.length === 0, left.join(' '));
  if (left.length) for (const pid of left) { try { process.kill(Number(pid), 'SIGKILL'); } catch { /* gone */ } }
  if (port) {
    const closed = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(3000) }).then(() => false, () => true);
    check(`port ${port} is closed`, closed);
  }
  const failed = results.filter((ok) => !ok).length;
  console.log(`${label}: ${results.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
