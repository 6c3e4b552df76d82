#!/usr/bin/env node
// `npm start`: builds and packages the extension, then opens a real VS Code
// (code-server's, from scripts/setup-vscode.sh) on the bundled samples/
// workspace with the packaged .vsix installed, the way a user installs it.
// Prints the address to open in a browser; Ctrl+C stops code-server (its whole
// process group) and removes the temporary folders.
//
// Usage: npm start [-- options]   (or node scripts/start.mjs [options])
//   --port N          port on 127.0.0.1 (default: a free one; env SMTP_DOCTOR_PORT)
//   --workspace DIR   open DIR itself instead of a copy of samples/
//   --vsix FILE       install FILE instead of building and packaging
//   --verbose         also print code-server's log
//
// code-server runs with --auth none bound to 127.0.0.1 only, telemetry and update
// checks off, a temporary user-data and extensions folder. samples/ is opened as
// a copy (edits and quick fixes do not change the repository); --workspace opens
// the given folder in place.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { HarnessError, REPO, Run, log, parseScriptArgs, runStep as step, warn } from './run-vscode-tests.mjs';

function readOptions() {
  const values = parseScriptArgs(import.meta.url, {
    port: { type: 'string', default: process.env.SMTP_DOCTOR_PORT ?? '' },
    workspace: { type: 'string' },
    vsix: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  });
  let port;
  if (values.port !== '') {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new HarnessError('--port must be a port number');
  }
  const resolve = (p) => (p === undefined ? undefined : path.resolve(p));
  return { port, workspace: resolve(values.workspace), vsix: resolve(values.vsix), verbose: values.verbose };
}

function parentOf(pid) {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces or parentheses.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 0;
  }
}

function alive(pid) {
  try { process.kill(pid, 0); return true; } catch (err) { return err.code === 'EPERM'; }
}

function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

async function main() {
  const opts = readOptions();
  const { version } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  if (opts.port !== undefined && !(await portFree(opts.port))) throw new HarnessError(`port ${opts.port} on 127.0.0.1 is in use`);

  step('provisioning VS Code (bash scripts/setup-vscode.sh)', 'bash', [path.join(REPO, 'scripts', 'setup-vscode.sh')]);
  let vsix = opts.vsix;
  if (!vsix) {
    vsix = path.join(REPO, `smtp-doctor-${version}.vsix`);
    // vsce runs the vscode:prepublish script first: the production build (node scripts/build.mjs --production).
    step(`building and packaging ${path.basename(vsix)} (vsce package --no-dependencies)`,
      path.join(REPO, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--out', vsix]);
  }

  const workspace = opts.workspace ?? path.join(REPO, 'samples');
  const run = new Run({
    workspace,
    copyWorkspace: opts.workspace === undefined,
    verbose: opts.verbose,
    // Opens the workspace's README.md (samples/README.md says what is wrong where); no empty chat side bar.
    userSettings: { 'workbench.startupEditor': 'readme', 'workbench.secondarySideBar.defaultVisibility': 'hidden' },
  });
  let stopping;
  const stop = (why, code) => {
    if (stopping) return;
    stopping = true;
    log(`${why}: stopping code-server`);
    run.cleanup().finally(() => {
      log('stopped; temporary folders removed');
      process.exit(code);
    });
  };
  process.on('SIGINT', () => stop('SIGINT', 130));
  process.on('SIGTERM', () => stop('SIGTERM', 143));
  process.on('SIGHUP', () => stop('SIGHUP', 129));

  try {
    run.readEnv();
    run.makeDirs();
    run.installExtension(vsix);
    await run.startServer({ port: opts.port, smokeTestDriver: false });
  } catch (err) {
    await run.cleanup();
    throw err;
  }
  const url = run.workbenchUrl();
  const shown = opts.workspace ? run.workspace : `${run.workspace} (a copy of samples/; changes are discarded on exit)`;
  process.stdout.write([
    '',
    `  SMTP Doctor ${version} is running in VS Code (code-server ${run.env.versions?.codeServer}).`,
    `  Workspace: ${shown}`,
    '',
    `  Open: ${url}`,
    '',
    `  Listening on 127.0.0.1:${run.port} only (no password). From another machine: ssh -L ${run.port}:127.0.0.1:${run.port} <this host>`,
    '  Press Ctrl+C to stop.',
    '',
  ].join('\n') + '\n');

  // If whoever started us goes away without a signal reaching us (e.g. only npm
  // got SIGINT/SIGTERM, or the terminal closed), stop too: never leave code-server behind.
  const ancestors = [process.ppid, parentOf(process.ppid)].filter((pid) => pid > 1);
  setInterval(() => {
    if (ancestors.some((pid) => !alive(pid)) || process.ppid === 1) stop('parent process exited', 129);
  }, 1000).unref();

  const exit = await run.serverExited;
  if (!stopping) {
    warn(`code-server exited unexpectedly (${exit.code ?? exit.signal})\n${run.tail(run.serverLog, 20)}`);
    await run.cleanup();
    process.exit(2);
  }
}

main().catch((err) => {
  warn(`ERROR: ${err instanceof HarnessError ? err.message : err.stack || err}`);
  process.exit(2);
});
