#!/usr/bin/env node
// Runs the extension's integration tests inside a real VS Code, offline:
// code-server (VS Code's server + web workbench, provisioned by
// scripts/setup-vscode.sh) on a loopback port, its workbench opened in headless
// Chromium (playwright-core), with the smoke-test driver enabled so that the
// workbench honours extensionDevelopmentPath/extensionTestsPath from the URL
// payload. The extension host's console (mocha's report) is streamed to stdout;
// the process exits with the suite's exit code.
//
// Usage: node scripts/run-vscode-tests.mjs [options]
//   --workspace DIR        folder to open (default test/fixtures/workspace); the runner
//                          copies it into its temp dir and opens the copy, so tests
//                          that write settings or files never change the original
//   --tests PATH           compiled test index (default out/test/integration/suite/index.js)
//   --timeout MS           end a hung run after MS (default 300000, env SMTP_DOCTOR_VSCODE_TIMEOUT_MS)
//   --extension-path DIR   extension under development (default: repository root)
//   --install-vsix FILE    install a packaged extension into the run's extensions dir
//                          and test that instead of the development folder
//   --selftest             run the deliberately failing suite (test/integration/selftest);
//                          exit 0 only if that run fails visibly
//   --grep PATTERN         run only the tests whose full title matches PATTERN (mocha's grep;
//                          env SMTP_DOCTOR_TEST_GREP in the extension host)
//   --trust                keep Workspace Trust on and open the workspace untrusted (the
//                          default run turns Workspace Trust off)
//   --verbose              also print code-server's and the workbench's own logs
// Exit codes: the suite's code (0 passed, 1 failed), 2 harness/setup error,
//             3 timeout, 130/143 interrupted.
// Env: SMTP_DOCTOR_VSCODE_CACHE (provisioned cache, default .vscode-test),
//      SMTP_DOCTOR_SUITE_LABEL (passed through to the extension host).
// The extension host also gets SMTP_DOCTOR_EXTENSIONS_DIR (the run's extensions
// dir; the VSIX suite checks that the extension under test was loaded from there).
// Imported as a module (scripts/start.mjs, scripts/screenshots.mjs) it runs nothing
// and exports the pieces: Run (temp dirs, code-server, Chromium, cleanup), etc.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { format, parseArgs } from 'node:util';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = path.resolve(process.env.SMTP_DOCTOR_VSCODE_CACHE || path.join(REPO, '.vscode-test'));
const EXIT_HARNESS = 2;
const EXIT_TIMEOUT = 3;

const log = (msg) => process.stdout.write(`[harness] ${msg}\n`);
const warn = (msg) => process.stderr.write(`[harness] ${msg}\n`);

class HarnessError extends Error {}

// ---------------------------------------------------------------- options
/**
 * node:util's parseArgs, strict, for the scripts' flags: `--flag value` and `--flag=value`;
 * `-h`/`--help` prints the script's leading `//` comment and exits; a bad flag is a HarnessError.
 */
function parseScriptArgs(scriptUrl, options, argv = process.argv.slice(2)) {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }));
  } catch (err) {
    throw new HarnessError(`${err.message} (see --help)`);
  }
  if (values.help) {
    const lines = fs.readFileSync(fileURLToPath(scriptUrl), 'utf8').split('\n');
    const header = lines.slice(lines[0].startsWith('#!') ? 1 : 0);
    process.stdout.write(header.slice(0, header.findIndex((line) => !line.startsWith('//'))).map((line) => line.slice(3)).join('\n') + '\n');
    process.exit(0);
  }
  return values;
}

function readOptions(argv) {
  const values = parseScriptArgs(import.meta.url, {
    workspace: { type: 'string', default: path.join(REPO, 'test', 'fixtures', 'workspace') },
    tests: { type: 'string', default: path.join(REPO, 'out', 'test', 'integration', 'suite', 'index.js') },
    timeout: { type: 'string', default: process.env.SMTP_DOCTOR_VSCODE_TIMEOUT_MS || '300000' },
    'extension-path': { type: 'string', default: REPO },
    'install-vsix': { type: 'string' },
    selftest: { type: 'boolean', default: false },
    grep: { type: 'string' },
    trust: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: !!process.env.SMTP_DOCTOR_HARNESS_VERBOSE },
  }, argv);
  const timeout = Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) throw new HarnessError('--timeout must be a positive number of ms');
  const resolve = (p) => (p === undefined ? undefined : path.resolve(p));
  return {
    workspace: resolve(values.workspace), tests: resolve(values.tests), timeout,
    extensionPath: resolve(values['extension-path']), installVsix: resolve(values['install-vsix']),
    selftest: values.selftest, verbose: values.verbose, grep: values.grep, trust: values.trust,
  };
}

// ---------------------------------------------------------------- helpers
/** Runs a set-up step in the repository with its output shown; a failure is a HarnessError. */
function runStep(what, cmd, args) {
  log(what);
  const res = spawnSync(cmd, args, { cwd: REPO, stdio: 'inherit' });
  if (res.status !== 0) throw new HarnessError(`${what} failed (exit ${res.status ?? res.signal})`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function processAlive(pid) {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

/** pids of live processes whose environment carries our run marker (i.e. started by this run). */
function markedPids(marker) {
  const needle = Buffer.from(`SMTP_DOCTOR_HARNESS_RUN=${marker}\0`);
  const pids = [];
  let entries;
  try { entries = fs.readdirSync('/proc'); } catch { return pids; }
  for (const name of entries) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${name}/environ`).includes(needle)) pids.push(Number(name));
    } catch { /* gone or not ours */ }
  }
  return pids;
}

function timestamp() {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

// ---------------------------------------------------------------- the run
class Run {
  constructor(opts) {
    this.opts = opts;
    this.marker = `${process.pid}-${randomBytes(4).toString('hex')}`;
    this.server = undefined;      // code-server child (own process group)
    this.browser = undefined;     // playwright Browser
    this.page = undefined;
    this.tmp = undefined;
    this.serverLog = [];          // code-server output (tail kept for errors)
    this.workbenchLog = [];       // workbench console (tail kept for errors)
    // The test index tags the extension host's console lines with this (see
    // test/integration/suite/index.ts); everything else that reaches
    // codeAutomationLog is the workbench's own logging.
    this.consoleTag = `[[smtp-doctor-exthost-${this.marker}]]`;
    this.output = '';             // the extension host's output (for the self-test / summary check)
  }

  keep(buf, line) {
    buf.push(line);
    if (buf.length > 200) buf.shift();
  }

  /** The last n entries of a log buffer, one line each (stack traces cut), for error reports. */
  tail(buf, n) {
    return buf.slice(-n).map((entry) => {
      const [first, ...rest] = entry.split('\n');
      return `    ${first}${rest.length ? ` (+${rest.length} lines)` : ''}`;
    }).join('\n');
  }

  readEnv() {
    const envFile = path.join(CACHE, 'env.json');
    if (!fs.existsSync(envFile)) {
      throw new HarnessError(`${envFile} not found: provision first with \`bash scripts/setup-vscode.sh\``);
    }
    const env = JSON.parse(fs.readFileSync(envFile, 'utf8'));
    for (const [what, p] of [['node', env.node], ['code-server', path.join(env.codeServer, 'out/node/entry.js')], ['chromium', env.chromium]]) {
      if (!fs.existsSync(p)) throw new HarnessError(`${what} missing at ${p}: run \`bash scripts/setup-vscode.sh\``);
    }
    this.env = env;
  }

  makeDirs() {
    this.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-doctor-vscode-'));
    const d = (name) => { const p = path.join(this.tmp, name); fs.mkdirSync(p, { recursive: true }); return p; };
    this.dirs = {
      userData: d('user-data'), extensions: d('extensions'), tmp: d('tmp'), home: d('home'),
      config: d('xdg-config'), data: d('xdg-data'), cache: d('xdg-cache'),
    };
    const userDir = path.join(this.dirs.userData, 'User');
    fs.mkdirSync(userDir, { recursive: true });
    fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify({
      'chat.disableAIFeatures': true,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
      'workbench.startupEditor': 'none',
      'workbench.enableExperiments': false,
      // --trust: Workspace Trust on, and the run's fresh copy of the workspace is not trusted (no startup prompt).
      'security.workspace.trust.enabled': !!this.opts.trust,
      ...(this.opts.trust ? { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never' } : {}),
      'git.enabled': false,
      ...this.opts.userSettings,
    }, null, 2));
    this.configFile = path.join(this.tmp, 'code-server.yaml');
    fs.writeFileSync(this.configFile, 'auth: none\ncert: false\n');
    // Tests write workspace settings (.vscode/settings.json) and edit files: they
    // get a copy of the workspace folder (same base name), never the original.
    if (this.opts.copyWorkspace === false) {
      this.workspace = this.opts.workspace;
    } else {
      this.workspace = path.join(d('workspace'), path.basename(this.opts.workspace));
      fs.cpSync(this.opts.workspace, this.workspace, { recursive: true, dereference: false, preserveTimestamps: true });
    }
  }

  /** Environment for code-server and Chromium: every writable location inside this run's temp dir. */
  childEnv(extra = {}) {
    const env = {
      ...process.env,
      TMPDIR: this.dirs.tmp,
      HOME: this.dirs.home,
      XDG_CONFIG_HOME: this.dirs.config,
      XDG_DATA_HOME: this.dirs.data,
      XDG_CACHE_HOME: this.dirs.cache,
      SMTP_DOCTOR_HARNESS_RUN: this.marker,
      ...extra,
    };
    // The harness's own npm/node context must not leak into VS Code's Node 24 processes.
    for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
    delete env.NODE_OPTIONS;
    delete env.VSCODE_IPC_HOOK_CLI;
    env.PATH = `${path.dirname(this.env.node)}${path.delimiter}${process.env.PATH}`;
    return env;
  }

  codeServerArgs() {
    return [
      path.join(this.env.codeServer, 'out', 'node', 'entry.js'),
      '--config', this.configFile,
      '--auth', 'none',
      '--disable-telemetry', '--disable-update-check', ...(this.opts.trust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--user-data-dir', this.dirs.userData,
      '--extensions-dir', this.dirs.extensions,
    ];
  }

  /** Installs a .vsix into this run's extensions dir (code-server --install-extension). */
  installExtension(vsix) {
    if (!fs.existsSync(vsix)) throw new HarnessError(`${vsix} not found`);
    log(`installing ${vsix} into the run's extensions dir`);
    const res = spawnSync(this.env.node, [...this.codeServerArgs(), '--install-extension', vsix], {
      env: this.childEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000,
    });
    const out = `${res.stdout || ''}${res.stderr || ''}`.trim();
    for (const line of out.split('\n')) if (line) log(`  code-server: ${line}`);
    if (res.status !== 0) throw new HarnessError(`--install-extension ${vsix} failed (exit ${res.status ?? res.signal})`);
  }

  installVsix() {
    this.installExtension(this.opts.installVsix);
    // VS Code's extension host runs extensionTestsPath only together with an
    // extensionDevelopmentPath (see docs/testing.md). Give it an empty carrier
    // extension so that the installed VSIX, not the repo's working tree, is tested.
    const carrier = path.join(this.tmp, 'test-carrier');
    fs.mkdirSync(carrier);
    fs.writeFileSync(path.join(carrier, 'package.json'), JSON.stringify({
      name: 'smtp-doctor-test-carrier', publisher: 'smtpdoctor-tests', version: '0.0.0',
      engines: { vscode: '*' }, description: 'empty extension that carries extensionTestsPath',
    }));
    return carrier;
  }

  /**
   * Starts code-server on 127.0.0.1 (in its own process group) and waits for /healthz.
   * `port`: a given port (default: a free one); `smokeTestDriver: false` for a plain
   * editor (npm start, screenshots) that ignores the test payload.
   */
  async startServer({ port, smokeTestDriver = true } = {}) {
    this.port = port ?? await freePort();
    const args = [...this.codeServerArgs(), '--bind-addr', `127.0.0.1:${this.port}`];
    if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
    // Extension tests' environment: code-server's env reaches the extension host.
    const extra = { SMTP_DOCTOR_CONSOLE_TAG: this.consoleTag, SMTP_DOCTOR_EXTENSIONS_DIR: this.dirs.extensions };
    if (process.env.SMTP_DOCTOR_SUITE_LABEL) extra.SMTP_DOCTOR_SUITE_LABEL = process.env.SMTP_DOCTOR_SUITE_LABEL;
    if (this.opts.grep) extra.SMTP_DOCTOR_TEST_GREP = this.opts.grep;
    this.server = spawn(this.env.node, args, {
      cwd: this.dirs.tmp, env: this.childEnv(extra), detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.serverExited = new Promise((resolve) => this.server.once('exit', (code, signal) => resolve({ code, signal })));
    const onLine = (chunk) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        this.keep(this.serverLog, line);
        if (this.opts.verbose) log(`code-server: ${line}`);
      }
    };
    this.server.stdout.on('data', onLine);
    this.server.stderr.on('data', onLine);
    log(`code-server (pid ${this.server.pid}) starting on http://127.0.0.1:${this.port}`);

    const url = `http://127.0.0.1:${this.port}/healthz`;
    const deadline = Date.now() + 60_000;
    let early;
    this.serverExited.then((r) => { early = r; });
    for (;;) {
      if (early) throw new HarnessError(`code-server exited during startup (${early.code ?? early.signal})\n${this.tail(this.serverLog, 30)}`);
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
        if (res.ok) break;
      } catch { /* not up yet */ }
      if (Date.now() > deadline) throw new HarnessError(`code-server did not answer on ${url} within 60 s`);
      await sleep(100);
    }
  }

  async remoteAuthority() {
    // The workbench page carries its configuration (remoteAuthority included) in a meta tag.
    try {
      const html = await (await fetch(this.workbenchUrl())).text();
      const m = html.match(/id="vscode-workbench-web-configuration"\s+data-settings="([^"]*)"/);
      if (m) {
        const json = m[1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
        const authority = JSON.parse(json).remoteAuthority;
        if (authority) return authority;
      }
    } catch { /* fall back */ }
    return 'remote';
  }

  async openWorkbench(extensionDevelopmentPath) {
    const authority = await this.remoteAuthority();
    await this.launchBrowser();
    const remote = (p) => `vscode-remote://${authority}${p.split(path.sep).map(encodeURIComponent).join('/')}`;
    const payload = [
      ['extensionDevelopmentPath', remote(extensionDevelopmentPath)],
      ['extensionTestsPath', remote(this.opts.tests)],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    const url = `${this.workbenchUrl()}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

    this.exitCode = new Promise((resolve) => { this.resolveExit = resolve; });
    await this.page.exposeFunction('codeAutomationLog', (type, args) => this.onAutomationLog(type, args));
    await this.page.exposeFunction('codeAutomationExit', (code) => { this.resolveExit(Number(code)); });
    log(`opening the workbench: folder ${this.workspace} (a copy of ${this.opts.workspace})`);
    log(`  extensionDevelopmentPath ${extensionDevelopmentPath}`);
    log(`  extensionTestsPath ${this.opts.tests}`);
    await this.page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  }

  /** The workbench's address with this run's workspace folder. */
  workbenchUrl() {
    return `http://127.0.0.1:${this.port}/?folder=${encodeURIComponent(this.workspace)}`;
  }

  /** Headless Chromium (its profile and children inside this run's temp dir) and one page. */
  async launchBrowser({ viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1 } = {}) {
    const require = createRequire(path.join(REPO, 'package.json'));
    let chromium;
    try {
      ({ chromium } = require('playwright-core'));
    } catch {
      throw new HarnessError('playwright-core is not installed: run `npm ci` (or `bash scripts/setup-vscode.sh`)');
    }
    // Playwright puts its browser profile in os.tmpdir(): keep it inside this run's temp dir.
    process.env.TMPDIR = this.dirs.tmp;
    this.browser = await chromium.launch({
      executablePath: this.env.chromium,
      headless: true,
      handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
      env: this.childEnv(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--disable-dev-shm-usage'],
      timeout: 60_000,
    });
    const context = await this.browser.newContext({ viewport, deviceScaleFactor });
    this.page = await context.newPage();
    this.page.on('console', (msg) => {
      // "%c"-styled lines duplicate log messages that also reach codeAutomationLog.
      if (msg.text().startsWith('%c')) return;
      const line = `[${msg.type()}] ${msg.text()}`;
      this.keep(this.workbenchLog, line);
      if (this.opts.verbose) log(`workbench: ${line}`);
    });
    this.page.on('pageerror', (err) => this.keep(this.workbenchLog, `[pageerror] ${err.message}`));
    return this.page;
  }

  onAutomationLog(type, args) {
    const text = format(...(Array.isArray(args) ? args : [args]));
    const at = text.indexOf(this.consoleTag);
    if (at === -1) {
      // The workbench's own log (connection, open-vsx/telemetry lookups failing offline, ...).
      this.keep(this.workbenchLog, `[${type}] ${text}`);
      if (this.opts.verbose) log(`workbench: [${type}] ${text}`);
      return;
    }
    // Extension host console (mocha's report): to stdout, in arrival order, untouched.
    const line = text.slice(at + this.consoleTag.length);
    // A test asks the harness to type into the workbench as a person would (an input box the extension API cannot
    // fill, such as a password prompt): the text is typed into the focused element, then Enter. Never printed.
    const typing = line.match(/^\[\[smtp-doctor-harness-type\]\] (.*)$/);
    if (typing && this.page) {
      const page = this.page;
      void (async () => {
        await page.keyboard.type(decodeURIComponent(typing[1]));
        await page.keyboard.press('Enter');
      })().catch((err) => warn(`typing failed: ${err.message}`));
      return;
    }
    this.output += `${line}\n`;
    process.stdout.write(`${line}\n`);
  }

  async screenshot() {
    if (!this.page) return undefined;
    const dir = path.join(REPO, '.vscode-test');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `failure-${timestamp()}.png`);
    try {
      await this.page.screenshot({ path: file, timeout: 15_000 });
      return file;
    } catch (err) {
      warn(`screenshot failed: ${err.message}`);
      return undefined;
    }
  }

  /** Idempotent: every caller (normal end, error, signal) waits for the same cleanup. */
  cleanup() {
    this.cleaning ??= this.doCleanup();
    return this.cleaning;
  }

  async doCleanup() {
    // Chromium's and code-server's processes carry our marker in their environment;
    // note them now, so that we can wait until they are really gone.
    const started = markedPids(this.marker);
    if (this.browser) {
      await Promise.race([this.browser.close().catch(() => {}), sleep(10_000)]);
    }
    if (this.server && this.server.exitCode === null && this.server.signalCode === null) {
      try { process.kill(-this.server.pid, 'SIGTERM'); } catch { /* already gone */ }
      await Promise.race([this.serverExited, sleep(5_000)]);
    }
    if (this.server) {
      try { process.kill(-this.server.pid, 'SIGKILL'); } catch { /* group empty */ }
    }
    // Anything else this run started (helpers that left the group, Chromium children).
    for (let round = 0; round < 20; round++) {
      const left = markedPids(this.marker);
      if (left.length === 0) break;
      if (round === 0 && this.opts.verbose) log(`killing leftover processes ${left.join(' ')}`);
      for (const pid of left) { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } }
      await sleep(100);
    }
    const survivors = markedPids(this.marker).filter(processAlive);
    if (survivors.length) warn(`processes still alive after cleanup: ${survivors.join(' ')}`);
    // Chromium's helpers outlive their parent briefly and linger as zombies until
    // init reaps them; wait (bounded) so that nothing of this run is listed after it.
    const t0 = Date.now();
    while (started.some((pid) => fs.existsSync(`/proc/${pid}`)) && Date.now() - t0 < 5_000) await sleep(50);
    if (this.opts.verbose) log(`processes of this run gone after ${Date.now() - t0} ms`);
    if (this.tmp) fs.rmSync(this.tmp, { recursive: true, force: true, maxRetries: 3 });
  }

  async execute() {
    const started = Date.now();
    const deadline = started + this.opts.timeout;
    this.readEnv();
    if (!fs.existsSync(this.opts.tests)) {
      throw new HarnessError(`test index ${this.opts.tests} not found: compile first (npx tsc -p .)`);
    }
    if (!fs.statSync(this.opts.workspace, { throwIfNoEntry: false })?.isDirectory()) {
      throw new HarnessError(`workspace folder ${this.opts.workspace} not found`);
    }
    this.makeDirs();
    log(`code-server ${this.env.versions?.codeServer} on node ${this.env.versions?.node}, ${this.env.chromium}; timeout ${this.opts.timeout} ms`);

    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now()));
    });
    const work = (async () => {
      const devPath = this.opts.installVsix ? this.installVsix() : this.opts.extensionPath;
      await this.startServer();
      await this.openWorkbench(devPath);
      const serverDied = this.serverExited.then((r) => {
        throw new HarnessError(`code-server exited during the run (${r.code ?? r.signal})\n${this.tail(this.serverLog, 30)}`);
      });
      return Promise.race([this.exitCode, serverDied]);
    })();
    work.catch(() => {}); // handled below; avoid unhandled rejection when the timeout wins

    const result = await Promise.race([work, timeout]);
    clearTimeout(timer);
    if (result === 'timeout') {
      warn(`TIMEOUT: the test run did not finish within ${this.opts.timeout} ms (--timeout / SMTP_DOCTOR_VSCODE_TIMEOUT_MS)`);
      const shot = await this.screenshot();
      if (shot) warn(`screenshot of the workbench: ${shot}`);
      else if (!this.page) warn('no workbench page yet (stuck before the browser opened)');
      if (this.output) warn(`the extension host's output so far is above; the suite never reported its end`);
      else warn('no output from the test index yet (still starting, or the extension host is stuck)');
      if (this.serverLog.length) warn(`last code-server output:\n${this.tail(this.serverLog, 12)}`);
      if (this.workbenchLog.length) warn(`last workbench log:\n${this.tail(this.workbenchLog, 12)}`);
      return EXIT_TIMEOUT;
    }
    const code = result;
    log(`extension host reported exit code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (code !== 0 && !/\d+ passed, \d+ failed/.test(this.output || '')) {
      // No report at all: the index never ran (bad path, load error...). Show why.
      warn('the test index produced no summary line; last workbench log:');
      if (this.workbenchLog.length) warn(this.tail(this.workbenchLog, 20));
    }
    return code;
  }
}

// ---------------------------------------------------------------- self-test
function selftest(opts) {
  // Runs the deliberately failing suite in a child harness and checks that the
  // failure propagates: non-zero exit AND the failure visible in the output.
  const tests = path.join(REPO, 'out', 'test', 'integration', 'selftest', 'index.js');
  const args = [fileURLToPath(import.meta.url), '--tests', tests, '--timeout', String(opts.timeout),
    '--workspace', opts.workspace];
  if (opts.verbose) args.push('--verbose');
  log(`self-test: running the deliberately failing suite ${tests}`);
  const env = { ...process.env, SMTP_DOCTOR_SUITE_LABEL: 'harness-selftest-inner' };
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    // Inner output is indented so that its summary line is not read as a suite result.
    const relay = (stream) => (chunk) => {
      out += chunk.toString();
      stream.write(chunk.toString().split('\n').map((l, i, a) => (i === a.length - 1 && l === '' ? '' : `  | ${l}`)).join('\n'));
    };
    child.stdout.on('data', relay(process.stdout));
    child.stderr.on('data', relay(process.stderr));
    let interrupted;
    const forward = (sig, exitCode) => { interrupted = exitCode; child.kill(sig); };
    process.on('SIGINT', () => forward('SIGINT', 130));
    process.on('SIGTERM', () => forward('SIGTERM', 143));
    child.on('exit', (code, signal) => {
      if (interrupted !== undefined) { resolve(interrupted); return; }
      const checks = [
        [`inner run exited non-zero (got ${code ?? signal})`, code !== 0 && code !== null],
        ['inner run was not a timeout/harness error', code === 1],
        ['the failing assertion appears in the output', out.includes('SELFTEST-EXPECTED-FAILURE')],
        ['the inner summary reports 1 failure', /harness-selftest-inner: 1 passed, 1 failed/.test(out)],
      ];
      let ok = true;
      for (const [what, pass] of checks) {
        log(`self-test: ${pass ? 'ok  ' : 'FAIL'} ${what}`);
        ok &&= pass;
      }
      const label = process.env.SMTP_DOCTOR_SUITE_LABEL || 'harness-selftest';
      console.log(`${label}: ${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed`);
      resolve(ok ? 0 : 1);
    });
  });
}

// ---------------------------------------------------------------- main
async function main() {
  let opts;
  try {
    opts = readOptions(process.argv.slice(2));
  } catch (err) {
    warn(err.message);
    return EXIT_HARNESS;
  }
  if (opts.selftest) return selftest(opts);

  const run = new Run(opts);
  let interrupted;
  const onSignal = (sig, code) => {
    if (interrupted) return;
    interrupted = code;
    warn(`${sig} received: stopping code-server and Chromium`);
    run.cleanup().finally(() => process.exit(code));
  };
  process.on('SIGINT', () => onSignal('SIGINT', 130));
  process.on('SIGTERM', () => onSignal('SIGTERM', 143));
  process.on('SIGHUP', () => onSignal('SIGHUP', 129));

  let code;
  try {
    code = await run.execute();
  } catch (err) {
    if (interrupted === undefined) {
      warn(`ERROR: ${err instanceof HarnessError ? err.message : err.stack || err}`);
      if (run.page) {
        const shot = await run.screenshot();
        if (shot) warn(`screenshot of the workbench: ${shot}`);
      }
    }
    code = EXIT_HARNESS;
  } finally {
    await run.cleanup();
  }
  return interrupted ?? code;
}

export { Run, HarnessError, REPO, CACHE, freePort, sleep, log, warn, markedPids, parseScriptArgs, runStep };

const realpath = (p) => { try { return fs.realpathSync(p); } catch { return path.resolve(p); } };
if (process.argv[1] && realpath(process.argv[1]) === realpath(fileURLToPath(import.meta.url))) {
  const code = await main();
  process.exitCode = code;
  // playwright/fetch keep-alive handles must not keep the process around.
  setTimeout(() => process.exit(code), 200).unref();
}
