#!/usr/bin/env node
// `npm run screenshots`: takes the README's screenshots from the real editor.
// Packages the extension, installs the .vsix into code-server's VS Code (the
// harness of scripts/run-vscode-tests.mjs, without the test driver), opens a copy
// of samples/ in headless Chromium at 1280x800, drives the workbench with the
// keyboard and mouse like a person, and saves PNGs to media/screenshots/:
//
//   diagnostics.png      laravel-shop/.env with its findings, the Problems panel open
//   quick-fix.png        the quick-fix menu (editor.action.quickFix, Ctrl+.) on the
//                        implicit-TLS finding
//   hover.png            the hover on spring.mail.host in a correct Spring file:
//                        how the framework will connect
//   test-connection.png  "Test connection" clicked in the CodeLens of local-relay/.env
//                        (written into the copy: implicit TLS against a STARTTLS port)
//                        against a loopback SMTP server started here (smtp-server, a
//                        fresh self-signed certificate trusted via smtpDoctor.probe.caFile),
//                        "Connect without logging in", and the report panel
//
// Usage: node scripts/screenshots.mjs [--vsix FILE] [--out DIR] [--only name,name] [--theme NAME] [--verbose]
// --theme: the colour theme (default "Default Dark Modern", the README's); e.g. "Default High Contrast" with
// --out /tmp/hc to check the high-contrast themes.
// Runs scripts/setup-vscode.sh and `vsce package` first (--vsix FILE skips packaging).
// Not part of `npm test`; takes about a minute.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { HarnessError, REPO, Run, log, parseScriptArgs, runStep as step, sleep, warn } from './run-vscode-tests.mjs';

const require = createRequire(import.meta.url);
const SHOTS = ['diagnostics', 'quick-fix', 'hover', 'test-connection'];

function readOptions() {
  const values = parseScriptArgs(import.meta.url, {
    vsix: { type: 'string' },
    out: { type: 'string', default: path.join(REPO, 'media', 'screenshots') },
    only: { type: 'string', default: SHOTS.join(',') },
    theme: { type: 'string', default: 'Default Dark Modern' },
    verbose: { type: 'boolean', default: false },
  });
  const only = values.only.split(',').map((s) => s.trim()).filter(Boolean);
  for (const name of only) if (!SHOTS.includes(name)) throw new HarnessError(`--only: unknown screenshot ${name} (${SHOTS.join(', ')})`);
  return { vsix: values.vsix && path.resolve(values.vsix), out: path.resolve(values.out), only, theme: values.theme, verbose: values.verbose };
}

// ---------------------------------------------------------------- loopback SMTP server
/** A self-signed certificate for localhost / 127.0.0.1 (openssl CLI, EC P-256), valid 90 days. */
function makeCertificate(dir) {
  const res = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '90', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { cwd: dir, encoding: 'utf8' });
  if (res.status !== 0) throw new HarnessError(`openssl failed: ${res.stderr || res.error}`);
  return { key: fs.readFileSync(path.join(dir, 'key.pem')), cert: fs.readFileSync(path.join(dir, 'cert.pem')), certFile: path.join(dir, 'cert.pem') };
}

/**
 * A real SMTP server on 127.0.0.1 that speaks plaintext first and offers STARTTLS
 * with `tls` (the extension trusts it through smtpDoctor.probe.caFile).
 */
async function startSmtpServer(tls) {
  const { SMTPServer } = require('smtp-server');
  const server = new SMTPServer({
    key: tls.key,
    cert: tls.cert,
    name: 'mail.local',
    banner: 'ready',
    authOptional: true,
    logger: false,
    onAuth: (_auth, _session, callback) => callback(new Error('no logins here')),
  });
  const listen = (port) => new Promise((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', () => { server.server.off('error', reject); resolve(); });
  });
  // 2525 is a common alternative submission port (STARTTLS); any free port will do.
  try {
    await listen(2525);
  } catch {
    await listen(0);
  }
  const { port } = server.server.address();
  return { port, close: () => new Promise((resolve) => server.close(resolve)) };
}

// ---------------------------------------------------------------- driving the workbench
// Keys for commands that have no default keybinding (written to the user's keybindings.json).
const KEYS = {
  'workbench.action.closeAuxiliaryBar': 'ctrl+alt+shift+f1',
  'workbench.action.closePanel': 'ctrl+alt+shift+f2',
  'workbench.action.closeAllEditors': 'ctrl+alt+shift+f3',
  'notifications.clearAll': 'ctrl+alt+shift+f4',
  'workbench.action.closeSidebar': 'ctrl+alt+shift+f5',
  'workbench.files.action.focusFilesExplorer': 'ctrl+alt+shift+f6',
  'workbench.action.focusActiveEditorGroup': 'ctrl+alt+shift+f7',
  'workbench.actions.view.problems': 'ctrl+alt+shift+f8',
  'editor.action.showHover': 'ctrl+alt+shift+f9',
  'editor.action.quickFix': 'ctrl+alt+shift+f10',
  'workbench.action.gotoLine': 'ctrl+alt+shift+f11',
  'workbench.action.quickOpen': 'ctrl+alt+shift+f12',
};
const playwrightKey = (binding) => binding.split('+').map((part) => ({ ctrl: 'Control', alt: 'Alt', shift: 'Shift' })[part] ?? part.toUpperCase()).join('+');

class Workbench {
  constructor(page) { this.page = page; }

  async command(id) {
    await this.page.keyboard.press(playwrightKey(KEYS[id]));
    await sleep(400);
  }

  async openFile(relative) {
    await this.command('workbench.action.quickOpen');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(relative);
    // Wait until the first result is the file, then open it.
    await this.page.locator('.quick-input-list .monaco-list-row').first().waitFor({ state: 'visible', timeout: 10_000 });
    await sleep(600);
    await this.page.keyboard.press('Enter');
    const name = path.basename(relative);
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 15_000 });
    await sleep(800);
  }

  /** Runs a command by its title from the Command Palette (for commands that only run in their view). */
  async palette(title) {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
    await sleep(300);
    await this.page.keyboard.press('Enter');
    await sleep(500);
  }

  /** Moves the cursor to a 1-based line and column (Ctrl+G line:column). */
  async goTo(line, column = 1) {
    await this.command('workbench.action.gotoLine');
    await this.page.keyboard.type(`${line}:${column}`);
    await sleep(200);
    await this.page.keyboard.press('Enter');
    await sleep(400);
  }

  /** Drags the sash between the editor and the bottom panel to y = top. */
  async resizePanel(top) {
    const box = await this.page.locator('.part.panel.bottom').boundingBox();
    if (!box) return;
    const x = box.x + box.width / 2;
    await this.page.mouse.move(x, box.y - 1);
    await this.page.mouse.down();
    await this.page.mouse.move(x, top, { steps: 8 });
    await this.page.mouse.up();
    await sleep(500);
  }

  async tidy() {
    await this.page.keyboard.press('Escape');
    await this.command('notifications.clearAll');
    await this.command('workbench.action.closeAuxiliaryBar');
  }

  async shot(file, { moveMouse = true } = {}) {
    if (moveMouse) {
      await this.page.mouse.move(1279, 799); // no stray mouse hover
      await sleep(300);
    }
    await this.page.screenshot({ path: file });
    log(`saved ${path.relative(REPO, file)} (${(fs.statSync(file).size / 1024).toFixed(0)} KB)`);
  }
}

// ---------------------------------------------------------------- main
async function main() {
  const opts = readOptions();
  const { version } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  step('provisioning VS Code (bash scripts/setup-vscode.sh)', 'bash', [path.join(REPO, 'scripts', 'setup-vscode.sh')]);
  let vsix = opts.vsix;
  if (!vsix) {
    vsix = path.join(REPO, `smtp-doctor-${version}.vsix`);
    step(`packaging ${path.basename(vsix)}`, path.join(REPO, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--out', vsix]);
  }
  fs.mkdirSync(opts.out, { recursive: true });

  const certDir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-doctor-screenshots-'));
  const tls = makeCertificate(certDir);
  const smtp = await startSmtpServer(tls);
  log(`loopback SMTP server (plaintext + STARTTLS) on 127.0.0.1:${smtp.port}`);
  const probeSettings = { 'smtpDoctor.probe.caFile': tls.certFile };
  const run = new Run({
    workspace: path.join(REPO, 'samples'),
    verbose: opts.verbose,
    userSettings: {
      'workbench.colorTheme': opts.theme,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'workbench.tips.enabled': false,
      'workbench.layoutControl.enabled': false,
      'editor.minimap.enabled': false,
      'editor.fontSize': 14,
      'editor.hover.delay': 200,
      'editor.lightbulb.enabled': 'on',
      'problems.autoReveal': false,
      'files.exclude': { '**/.vscode': true },
      'window.commandCenter': true,
      ...probeSettings,
    },
  });
  let interrupted = false;
  const onSignal = (sig, code) => {
    if (interrupted) return;
    interrupted = true;
    warn(`${sig}: stopping`);
    Promise.all([run.cleanup(), smtp.close()]).finally(() => {
      fs.rmSync(certDir, { recursive: true, force: true });
      process.exit(code);
    });
  };
  process.on('SIGINT', () => onSignal('SIGINT', 130));
  process.on('SIGTERM', () => onSignal('SIGTERM', 143));

  try {
    run.readEnv();
    run.makeDirs();
    // smtpDoctor.probe.caFile is machine-scoped: in a remote (code-server) window it is read from the Machine settings.
    fs.mkdirSync(path.join(run.dirs.userData, 'Machine'), { recursive: true });
    fs.writeFileSync(path.join(run.dirs.userData, 'Machine', 'settings.json'), JSON.stringify(probeSettings, null, 2));
    fs.writeFileSync(path.join(run.dirs.userData, 'User', 'keybindings.json'),
      JSON.stringify(Object.entries(KEYS).map(([command, key]) => ({ key, command })), null, 2));
    run.installExtension(vsix);
    await run.startServer({ smokeTestDriver: false });
    const page = await run.launchBrowser({ viewport: { width: 1280, height: 800 } });
    const wb = new Workbench(page);
    log(`opening ${run.workbenchUrl()}`);
    await page.goto(run.workbenchUrl(), { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.locator('.monaco-workbench .part.editor').waitFor({ timeout: 90_000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    // The extension activates on its own (workspaceContains) and scans the workspace: wait for the problem count.
    await page.waitForFunction(() => {
      const item = document.querySelector('#status\\.problems');
      return item && /[1-9]/.test(item.textContent || '');
    }, undefined, { timeout: 60_000 });
    await sleep(1500);
    await wb.tidy();

    if (opts.only.includes('diagnostics')) {
      await wb.openFile('laravel-shop/.env');
      await wb.command('workbench.actions.view.problems');
      const rows = page.locator('.markers-panel .monaco-list-row');
      await rows.first().waitFor({ timeout: 20_000 });
      // Every file with findings, collapsed; the open file's findings expanded.
      await page.locator('.part.panel .action-label[aria-label="Collapse All"]:visible').first().click();
      await sleep(500);
      await rows.filter({ hasText: 'laravel-shop' }).first().click();
      await sleep(500);
      await wb.resizePanel(455);
      await wb.command('workbench.action.focusActiveEditorGroup');
      await wb.goTo(29);
      await wb.goTo(23, 13);
      await sleep(1000);
      await wb.shot(path.join(opts.out, 'diagnostics.png'));
    }

    if (opts.only.includes('quick-fix')) {
      await wb.command('workbench.action.closePanel');
      await wb.openFile('laravel-shop/.env');
      await wb.goTo(23, 14);
      await sleep(800);
      await wb.command('editor.action.quickFix');
      await page.locator('.action-widget').first().waitFor({ state: 'visible', timeout: 15_000 });
      await sleep(800);
      await wb.shot(path.join(opts.out, 'quick-fix.png'));
      await page.keyboard.press('Escape');
    }

    if (opts.only.includes('hover')) {
      await wb.command('workbench.action.closePanel');
      await wb.openFile('spring-orders/src/main/resources/application-prod.properties');
      await wb.goTo(3, 8);
      await sleep(500);
      await wb.command('editor.action.showHover');
      await page.locator('.monaco-hover:not(.hidden)').first().waitFor({ state: 'visible', timeout: 15_000 });
      await sleep(1000);
      await wb.shot(path.join(opts.out, 'hover.png'), { moveMouse: false }); // the hover was opened from the keyboard
      await page.keyboard.press('Escape');
    }

    if (opts.only.includes('test-connection')) {
      await wb.command('workbench.action.closePanel');
      await wb.command('workbench.action.closeAllEditors');
      await wb.command('workbench.action.closeSidebar');
      // The settings to probe, added to the workspace now (the extension's file
      // watcher picks them up): a nodemailer-style .env with implicit TLS
      // (SMTP_SECURE=true) against the local server, which speaks STARTTLS.
      const demo = path.join(run.workspace, 'local-relay');
      fs.mkdirSync(demo, { recursive: true });
      fs.writeFileSync(path.join(demo, '.env'), [
        '# The office relay, for the notifier (nodemailer)',
        'SMTP_HOST=localhost',
        `SMTP_PORT=${smtp.port}`,
        'SMTP_SECURE=true',
        'MAIL_FROM="Notifier <notifier@example.com>"',
        '',
      ].join('\n'));
      await sleep(1500);
      await wb.openFile('local-relay/.env');
      await wb.goTo(1);
      const lens = page.locator('.contentWidgets .codelens-decoration a', { hasText: 'Test connection' }).first();
      await lens.waitFor({ state: 'visible', timeout: 20_000 });
      await lens.click();
      // "Connect without logging in" is the first choice.
      const pick = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Connect without logging in' });
      await pick.waitFor({ state: 'visible', timeout: 15_000 });
      await sleep(400);
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab', { hasText: `SMTP: localhost:${smtp.port}` }).waitFor({ timeout: 60_000 });
      // The report is a webview (nested iframes): wait until its verdict is rendered.
      const report = page.frameLocator('iframe.webview.ready').frameLocator('iframe');
      await report.locator('.verdict').waitFor({ timeout: 30_000 });
      await sleep(1500);
      await wb.command('notifications.clearAll');
      await wb.shot(path.join(opts.out, 'test-connection.png'));
    }
  } catch (err) {
    if (run.page) {
      const file = path.join(REPO, '.vscode-test', 'screenshots-failure.png');
      await run.page.screenshot({ path: file }).catch(() => {});
      warn(`screenshot of the state at the failure: ${file}`);
    }
    throw err;
  } finally {
    if (!interrupted) {
      await run.cleanup();
      await smtp.close();
      fs.rmSync(certDir, { recursive: true, force: true });
    }
  }
}

try {
  await main();
  process.exit(0);
} catch (err) {
  warn(`ERROR: ${err instanceof HarnessError ? err.message : err.stack || err}`);
  process.exit(1);
}
