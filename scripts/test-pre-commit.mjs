#!/usr/bin/env node
// The pre-commit hook (.pre-commit-hooks.yaml) run by the real tool: Debian's `pre-commit` (3.x,
// provisioned by scripts/setup-vscode.sh) on a scratch git repository whose .pre-commit-config.yaml
// names this repository's hook by a local path and rev. The hook repository is a snapshot of the
// working tree (tracked and untracked, not ignored files), committed, so uncommitted changes are tested.
// Checks: a bad .env blocks the commit with the finding, a good one passes, a file SMTP Doctor does not
// read is skipped, and `language: system` (the alternative) fails without a global smtp-doctor.
// Prints `pre-commit: N passed, N failed`; exit 1 on a failure. Usage: node scripts/test-pre-commit.mjs [--keep]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The first commit installs the hook's environment: npm install (devDependencies, from the npm cache
// when warm), npm pack (the production build), npm install -g: 4-6 minutes measured on 2 cores shared by
// several test runs.
const INSTALL_TIMEOUT_MS = 900_000;
const TIMEOUT_MS = 120_000;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-doctor-pre-commit-'));
let passed = 0;
let failed = 0;

function check(what, ok, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`  ${ok ? '✔' : '✗'} ${what}${ok || !detail ? '' : `\n      ${detail.trim().split('\n').slice(-40).join('\n      ')}`}`);
}

// npm's variables from `npm test` would point pre-commit's nested npm at this repository's config.
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|GIT_)/i.test(key)));
const env = {
  ...baseEnv,
  PRE_COMMIT_HOME: path.join(work, 'pre-commit-home'),
  GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.com',
  npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false',
};

function run(cmd, args, cwd, timeout = TIMEOUT_MS, extraEnv = {}) {
  const result = spawnSync(cmd, args, { cwd, env: { ...env, ...extraEnv }, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  const out = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `\n${result.error}` : ''}`;
  return { code: result.status, out };
}
const git = (cwd, ...args) => run('git', args, cwd);

function commitAll(cwd, message, timeout = TIMEOUT_MS) {
  git(cwd, 'add', '-A');
  return run('git', ['commit', '-q', '-m', message], cwd, timeout);
}

/** A git repository holding the working tree's files (what `git ls-files` lists, plus untracked files not ignored). */
function snapshotHookRepo(dir) {
  const listed = git(REPO, 'ls-files', '-z', '--cached', '--others', '--exclude-standard');
  for (const file of listed.out.split('\0').filter(Boolean)) {
    const from = path.join(REPO, file);
    if (!fs.existsSync(from)) continue; // deleted in the working tree
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(from, path.join(dir, file));
  }
  git(dir, 'init', '-q');
  commitAll(dir, 'snapshot');
  return git(dir, 'rev-parse', 'HEAD').out.trim();
}

try {
  const version = run('pre-commit', ['--version'], REPO);
  check(`pre-commit is installed (${version.out.trim()})`, version.code === 0, `${version.out}\nprovision it with: bash scripts/setup-vscode.sh (apt-get install pre-commit)`);
  if (version.code !== 0) throw new Error('no pre-commit');

  const hookRepo = path.join(work, 'hook-repo');
  const rev = snapshotHookRepo(hookRepo);
  const project = path.join(work, 'project');
  fs.mkdirSync(project);
  git(project, 'init', '-q');
  fs.writeFileSync(path.join(project, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: smtp-doctor\n`);
  const install = run('pre-commit', ['install'], project);
  check('pre-commit install', install.code === 0, install.out);

  const fixture = (name) => fs.readFileSync(path.join(REPO, 'test/fixtures/analysis/maybe', name), 'utf8');
  fs.writeFileSync(path.join(project, '.env'), fixture('.env'));
  const started = Date.now();
  const bad = commitAll(project, 'bad', INSTALL_TIMEOUT_MS);
  const installSeconds = ((Date.now() - started) / 1000).toFixed(0);
  check(`a bad .env blocks the commit, with the finding (first run, environment installed in ${installSeconds} s)`,
    bad.code !== 0 && /SMTP Doctor\.+Failed/.test(bad.out) && /\.env:5:\d+\s+error .*\[implicit-tls-on-starttls-port\]/.test(bad.out), bad.out);
  check('nothing was committed', git(project, 'rev-parse', '-q', '--verify', 'HEAD').code !== 0);

  fs.writeFileSync(path.join(project, '.env'), fixture('ok.env'));
  const good = commitAll(project, 'good');
  check('a good .env passes and is committed', good.code === 0 && /SMTP Doctor\.+Passed/.test(good.out) && git(project, 'rev-parse', '-q', '--verify', 'HEAD').code === 0, good.out);

  fs.writeFileSync(path.join(project, 'NOTES.md'), 'SMTP_PORT=25 is not configuration here\n');
  const notes = commitAll(project, 'notes');
  check('a file SMTP Doctor does not read is not passed to the hook', notes.code === 0 && /SMTP Doctor\.+\(no files to check\)Skipped/.test(notes.out), notes.out);

  // The alternative the hook file's comment rejects: language: system, on a PATH without smtp-doctor.
  const hooksFile = path.join(hookRepo, '.pre-commit-hooks.yaml');
  fs.writeFileSync(hooksFile, fs.readFileSync(hooksFile, 'utf8').replace(/language: node\n {2}language_version: system\n/, 'language: system\n'));
  commitAll(hookRepo, 'language: system');
  const systemRev = git(hookRepo, 'rev-parse', 'HEAD').out.trim();
  fs.writeFileSync(path.join(project, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hookRepo}\n    rev: ${systemRev}\n    hooks:\n      - id: smtp-doctor\n`);
  const pathWithout = (env.PATH ?? '').split(path.delimiter).filter((dir) => !fs.existsSync(path.join(dir, 'smtp-doctor'))).join(path.delimiter);
  const system = run('pre-commit', ['run', '--all-files'], project, TIMEOUT_MS, { PATH: pathWithout });
  check('language: system instead fails without a global smtp-doctor (measured, hence language: node)', system.code !== 0 && /Executable `smtp-doctor` not found/.test(system.out), system.out);
} catch (error) {
  check('the test ran to its end', false, String(error));
} finally {
  if (!process.argv.includes('--keep')) fs.rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}
console.log(`pre-commit: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
