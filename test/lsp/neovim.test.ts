// The language server in a real LSP client nobody here wrote: Debian's Neovim (0.7+), headless, with its
// built-in client (vim.lsp.start_client, buf_attach_client, buf.code_action) attached to a .env with a
// port-25 and an implicit-TLS-on-587 mistake. test/lsp/neovim-client.lua does the editing and reports
// what Neovim saw; this file runs it under a timeout and checks it.
// Run: npm run test:lsp-neovim (npm test runs it as the step lsp-neovim; scripts/setup-vscode.sh installs neovim).
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../../..');
const CLI = path.join(REPO, 'dist', 'cli.js');
const SCRIPT = path.join(REPO, 'test', 'lsp', 'neovim-client.lua');
const NVIM = process.env.SMTP_DOCTOR_NVIM ?? 'nvim';
const TIMEOUT_MS = 60000;

const ENV = [
  'SMTP_HOST=smtp.sendgrid.net',
  'SMTP_PORT=25',
  'SMTP_USER=apikey',
  'SMTP_PASS=SG.xyz',
  '',
  'MAIL_HOST=smtp.example.com',
  'MAIL_PORT=587',
  'MAIL_SECURE=true',
  'MAIL_USER=app@example.com',
  'MAIL_PASS=s3cret-pass',
].join('\n');

interface SeenDiagnostic {
  line: number;
  column: number;
  code: string;
  source: string;
  severity: number;
  message: string;
  href: string | null;
}
interface Seen {
  steps: string[];
  error?: string;
  diagnostics?: SeenDiagnostic[];
  quickFixOffered?: string[];
  afterQuickFix?: string;
  diagnosticsAfterQuickFix?: SeenDiagnostic[];
  hover?: string | null;
  fixAllOffered?: string[];
  afterFixAll?: string;
  diagnosticsAfterFixAll?: SeenDiagnostic[];
  exit?: { code?: number; signal?: number };
}

const rules = (list: SeenDiagnostic[] | undefined) => (list ?? []).map((d) => `${d.code}@${d.line}`);

describe('smtp-doctor lsp in Neovim (headless, built-in LSP client)', function () {
  this.timeout(TIMEOUT_MS + 10000);
  let folder: string;
  let seen: Seen;

  before(async function () {
    const version = spawnSync(NVIM, ['--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0, `${NVIM} not found: install Debian's neovim (bash scripts/setup-vscode.sh does it as root)`);
    console.log(`    ${version.stdout.split('\n')[0]}`);
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is built (npm run build)');
    folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-doctor-nvim-')));
    fs.writeFileSync(path.join(folder, '.smtp-doctor.json'), '{ "root": true }\n');
    const file = path.join(folder, '.env');
    fs.writeFileSync(file, `${ENV}\n`);
    const resultFile = path.join(folder, 'result.json');
    const child = spawn(NVIM, ['--headless', '-n', '-u', 'NONE', '-i', 'NONE', '-c', `luafile ${SCRIPT}`], {
      cwd: folder,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SMTP_DOCTOR_LSP_NODE: process.execPath, SMTP_DOCTOR_LSP_CLI: CLI, SMTP_DOCTOR_LSP_FILE: file, SMTP_DOCTOR_LSP_RESULT: resultFile },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    // Never hangs: Neovim is killed at the deadline and the suite fails with what it printed.
    const code = await new Promise<number | string | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve('timeout');
      }, TIMEOUT_MS);
      child.on('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    assert.equal(code, 0, `nvim exited with ${code}:\n${output}`);
    seen = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as Seen;
    assert.equal(seen.error, undefined, `the Neovim script failed after steps ${seen.steps.join(', ')}: ${seen.error}\n${output}`);
  });

  after(() => {
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('shows the findings with their rule ids, lines, source, severity and docs link', () => {
    assert.deepEqual(rules(seen.diagnostics), ['port-25-submission@2', 'implicit-tls-on-starttls-port@8']);
    const [port25, implicit] = seen.diagnostics!;
    assert.deepEqual([port25.source, port25.severity, port25.column], ['SMTP Doctor', 2, 11]); // vim.diagnostic.severity.WARN
    assert.deepEqual([implicit.source, implicit.severity, implicit.column], ['SMTP Doctor', 1, 13]); // ERROR
    assert.match(implicit.message, /^Set the secure\/SSL flag to false, or use port 465: port 587 expects STARTTLS/);
    assert.equal(implicit.href, 'https://github.com/smtpdoctor/smtp-doctor/blob/main/docs/rules.md#implicit-tls-on-starttls-port');
  });

  it('offers the verified fixes and the suppression comments on the finding\'s line', () => {
    assert.deepEqual(seen.quickFixOffered, [
      'Switch to STARTTLS on port 587',
      'Use implicit TLS on port 465',
      'Disable implicit-tls-on-starttls-port for this line',
      'Disable implicit-tls-on-starttls-port for this file',
      'Fix all SMTP Doctor problems',
    ]);
  });

  it('applies the chosen quick fix to the buffer, and the finding goes away', () => {
    assert.equal(seen.afterQuickFix, ENV.replace('MAIL_SECURE=true', 'MAIL_SECURE=false'));
    assert.deepEqual(rules(seen.diagnosticsAfterQuickFix), ['port-25-submission@2']);
  });

  it('shows the hover on a setting', () => {
    assert.match(seen.hover ?? '', /^\*\*SMTP Doctor\*\* · smtp\.sendgrid\.net:25 · /);
    assert.match(seen.hover ?? '', /\*\*Port 25\*\*/);
  });

  it('applies fix-all (source.fixAll.smtp-doctor); the saved file has no finding left', () => {
    assert.deepEqual(seen.fixAllOffered, ['Fix all SMTP Doctor problems']);
    const fixed = ENV.replace('SMTP_PORT=25', 'SMTP_PORT=587').replace('MAIL_SECURE=true', 'MAIL_SECURE=false');
    assert.equal(seen.afterFixAll, fixed);
    assert.deepEqual(rules(seen.diagnosticsAfterFixAll), []);
    assert.equal(fs.readFileSync(path.join(folder, '.env'), 'utf8'), `${fixed}\n`);
  });

  it('the server shuts down cleanly when Neovim stops the client', () => {
    assert.deepEqual(seen.exit, { code: 0, signal: 0 });
  });
});
