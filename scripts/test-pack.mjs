#!/usr/bin/env node
// The installable CLI, as a user gets it: `npm pack` at the root (its `prepack` is the production
// build), the tarball's contents checked (the CLI bundles, the wasm they load, README, LICENSE,
// docs; no sources, tests or extension assets), then `npm install -g --prefix DIR --offline` of
// the tarball (offline: the package must need nothing from the registry) and the installed
// `smtp-doctor` run on fixtures. Prints `pack: N passed, N failed`; exit 1 on a failure.
// Usage: node scripts/test-pack.mjs [--keep]   (part of `npm test`, after the VSIX is packaged)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const TIMEOUT_MS = 180_000;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-doctor-pack-'));
let passed = 0;
let failed = 0;

function check(what, ok, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`  ${ok ? '✔' : '✗'} ${what}${ok || !detail ? '' : `\n      ${detail.trim().split('\n').join('\n      ')}`}`);
}

function run(cmd, args, options = {}) {
  // npm's own variables (from `npm test`) would point the nested npm at this repository's config.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  const result = spawnSync(cmd, args, { encoding: 'utf8', timeout: TIMEOUT_MS, env: { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...options.env }, cwd: options.cwd ?? REPO });
  return { code: result.status, out: result.stdout ?? '', err: `${result.stderr ?? ''}${result.error ? String(result.error) : ''}` };
}

try {
  console.log('npm pack');
  const pack = run('npm', ['pack', '--json', '--pack-destination', work]);
  let info;
  try {
    info = JSON.parse(pack.out.slice(pack.out.indexOf('[')))[0];
  } catch {
    info = undefined;
  }
  check('npm pack succeeds', pack.code === 0 && !!info, pack.err);
  if (!info) throw new Error('no tarball');
  const files = info.files.map((file) => file.path).sort();
  const expected = ['dist/cli.js', ...['check', 'probe', 'explain'].map((command) => `dist/cli-${command}.js`), 'README.md', 'LICENSE', 'package.json', 'docs/rules.md', 'schemas/smtp-doctor.schema.json'];
  const missing = expected.filter((file) => !files.includes(file));
  check('the tarball holds the CLI bundles, README, LICENSE and docs', missing.length === 0, `missing: ${missing.join(', ')}`);
  const wasm = files.filter((file) => file.startsWith('dist/wasm/') && file.endsWith('.wasm'));
  check('the tarball holds the tree-sitter wasm files', wasm.length === fs.readdirSync(path.join(REPO, 'dist/wasm')).filter((f) => f.endsWith('.wasm')).length && wasm.length >= 5, wasm.join(', '));
  const unwanted = files.filter((file) => /^(src|test|scripts|media|bench|samples|out|node_modules)\//.test(file) || file === 'dist/extension.js' || file.endsWith('.map') || file.endsWith('.ts') || file.endsWith('.vsix'));
  check('no sources, tests, source maps, extension bundle or assets in the tarball', unwanted.length === 0, unwanted.join(', '));
  console.log(`  (${files.length} files, ${(info.size / 1024).toFixed(0)} kB packed, ${(info.unpackedSize / 1024).toFixed(0)} kB unpacked: ${files.join(', ')})`);

  console.log('npm install -g --prefix DIR --offline');
  const prefix = path.join(work, 'prefix');
  const tarball = path.join(work, info.filename);
  const install = run('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], { env: { npm_config_cache: path.join(work, 'npm-cache') } });
  check('npm install -g of the tarball, offline with an empty cache (no registry dependencies)', install.code === 0, install.err);
  const bin = path.join(prefix, 'bin', 'smtp-doctor');
  check('the smtp-doctor command is installed', fs.existsSync(bin), `no ${bin}`);

  const v = run(bin, ['--version']);
  check(`smtp-doctor --version prints ${version}`, v.code === 0 && v.out.trim() === version, v.out + v.err);

  const project = path.join(work, 'project');
  fs.mkdirSync(project);
  fs.copyFileSync(path.join(REPO, 'test/fixtures/analysis/maybe/.env'), path.join(project, '.env'));
  // A nodemailer client: the code reader loads its tree-sitter grammar from the installed wasm files.
  fs.writeFileSync(path.join(project, 'mailer.js'), "const nodemailer = require('nodemailer');\nmodule.exports = nodemailer.createTransport({ host: 'smtp.example.com', port: 587, secure: true });\n");
  const bad = run(bin, ['check', '--format', 'json'], { cwd: project });
  let findings = [];
  try {
    findings = JSON.parse(bad.out).map((finding) => `${finding.file}:${finding.line} ${finding.rule}`).sort();
  } catch { /* reported below */ }
  check('smtp-doctor check finds the errors in a .env and a JavaScript file, exit 1', bad.code === 1 && JSON.stringify(findings) === JSON.stringify(['.env:5 implicit-tls-on-starttls-port', 'mailer.js:2 implicit-tls-on-starttls-port']), `exit ${bad.code}: ${bad.out}${bad.err}`);

  fs.copyFileSync(path.join(REPO, 'test/fixtures/analysis/maybe/ok.env'), path.join(project, '.env'));
  fs.rmSync(path.join(project, 'mailer.js'));
  const good = run(bin, ['check'], { cwd: project });
  check('smtp-doctor check on a correct .env: no findings, exit 0', good.code === 0 && /No SMTP problems found in 1 config file/.test(good.out), `exit ${good.code}: ${good.out}${good.err}`);
} catch (error) {
  check('the test ran to its end', false, String(error));
} finally {
  if (!process.argv.includes('--keep')) fs.rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}
console.log(`pack: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
