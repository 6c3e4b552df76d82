// The language server's protocol, spoken over stdio to the built bundle (`node dist/cli.js lsp --stdio`)
// as an editor would: initialize, didOpen/didChange, publishDiagnostics, codeAction, hover, shutdown/exit.
// test/lsp/neovim.test.ts drives the same server from a real client (Neovim).
import { strict as assert } from 'node:assert';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeText, hoverAt, LineIndex } from '../../../src/engine';

const REPO = path.resolve(__dirname, '../../../..');
const CLI = path.join(REPO, 'dist', 'cli.js');

// Port 25 to a provider (line 2) and implicit TLS on 587 (line 8), as `smtp-doctor check` reports them.
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
  '',
].join('\n');

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface Diagnostic {
  range: Range;
  severity: number;
  code?: string;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  relatedInformation?: { location: { uri: string; range: Range }; message: string }[];
}
interface TextEdit {
  range: Range;
  newText: string;
}
interface CodeAction {
  title: string;
  kind: string;
  isPreferred?: boolean;
  diagnostics?: Diagnostic[];
  edit?: { changes: Record<string, TextEdit[]> };
}
interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
}

/** A minimal LSP client: Content-Length framing, requests by id, and a log of the notifications. */
class Client {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (message: Message) => void>();
  readonly notifications: Message[] = [];
  private readonly waiters: (() => void)[] = [];
  stderr = '';
  readonly exited: Promise<number | null>;

  constructor(cwd: string) {
    this.child = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { cwd, stdio: 'pipe' });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      if (message.id !== undefined && message.method === undefined) this.pending.get(message.id)?.(message);
      else if (message.id !== undefined) this.write({ id: message.id, result: null }); // client/registerCapability, window/showMessageRequest
      else this.notifications.push(message);
      this.waiters.splice(0).forEach((wake) => wake());
    }
  }

  private write(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (message) => (message.error ? reject(new Error(message.error.message)) : resolve(message.result as T)));
      this.write({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.write({ method, params });
  }

  /** The first notification from now on (or already logged, after `from`) that `match` accepts. */
  async waitFor<T>(match: (message: Message) => T | undefined, from = 0, timeoutMs = 10000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const message of this.notifications.slice(from)) {
        const found = match(message);
        if (found !== undefined) return found;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out; notifications: ${JSON.stringify(this.notifications.map((m) => m.method))}\n${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The next diagnostics published for `uri` after notification number `from`. */
  diagnostics(uri: string, from = 0): Promise<Diagnostic[]> {
    return this.waitFor((m) => {
      const params = m.params as { uri: string; diagnostics: Diagnostic[] } | undefined;
      return m.method === 'textDocument/publishDiagnostics' && params?.uri === uri ? params.diagnostics : undefined;
    }, from);
  }

  kill(): void {
    this.child.kill();
  }
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
  const offset = (p: Position) => lineStarts[p.line] + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((result, edit) => result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end)), text);
}

const summary = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`).sort();

describe('smtp-doctor lsp --stdio (JSON-RPC over stdio)', function () {
  this.timeout(30000);
  // One server for the suite (as an editor keeps one); each test has its own folder under the workspace.
  let workspace: string;
  let folder: string;
  let client: Client;

  const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).toString();
  const open = (name: string, text: string, languageId = 'sh') => {
    const from = client.notifications.length;
    client.notify('textDocument/didOpen', { textDocument: { uri: uriOf(name), languageId, version: 1, text } });
    return client.diagnostics(uriOf(name), from);
  };

  before(async () => {
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is built (npm run build)');
    workspace = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-doctor-lsp-')));
    client = new Client(workspace);
    const result = await client.request<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(workspace).toString(),
      workspaceFolders: [{ uri: pathToFileURL(workspace).toString(), name: 'test' }],
      capabilities: {
        textDocument: { publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true }, hover: { contentFormat: ['markdown', 'plaintext'] } },
      },
    });
    assert.deepEqual(result.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.smtp-doctor'] });
    assert.equal(result.capabilities.hoverProvider, true);
    client.notify('initialized', {});
  });

  let count = 0;
  beforeEach(() => {
    folder = path.join(workspace, `t${++count}`);
    fs.mkdirSync(folder);
    // Stops the project config search here: a config file above the temporary folder says nothing.
    fs.writeFileSync(path.join(folder, '.smtp-doctor.json'), '{ "root": true }\n');
  });

  after(async () => {
    client.kill();
    await client.exited;
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('publishes the findings of a .env on open: rule id as code, docs link, severity, source, related information', async () => {
    const diagnostics = await open('.env', ENV);
    assert.deepEqual(summary(diagnostics), ['implicit-tls-on-starttls-port@8', 'port-25-submission@2']);
    const implicit = diagnostics.find((d) => d.code === 'implicit-tls-on-starttls-port')!;
    assert.equal(implicit.severity, 1);
    assert.equal(implicit.source, 'SMTP Doctor');
    assert.equal(implicit.codeDescription?.href, 'https://github.com/smtpdoctor/smtp-doctor/blob/main/docs/rules.md#implicit-tls-on-starttls-port');
    assert.deepEqual(implicit.range, { start: { line: 7, character: 12 }, end: { line: 7, character: 16 } });
    assert.deepEqual(implicit.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line, r.message]), [[uriOf('.env'), 6, 'port 587 expects STARTTLS']]);
    assert.equal(diagnostics.find((d) => d.code === 'port-25-submission')!.severity, 2);
  });

  it('offers the verified quick fixes and the suppression comments, and fix-all gives what `check --fix` writes', async () => {
    const diagnostics = await open('.env', ENV);
    const implicit = diagnostics.find((d) => d.code === 'implicit-tls-on-starttls-port')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uriOf('.env') },
      range: implicit.range,
      context: { diagnostics: [implicit] },
    });
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]),
      [
        ['Switch to STARTTLS on port 587', 'quickfix', true],
        ['Use implicit TLS on port 465', 'quickfix', false],
        ['Disable implicit-tls-on-starttls-port for this line', 'quickfix', false],
        ['Disable implicit-tls-on-starttls-port for this file', 'quickfix', false],
        ['Fix all SMTP Doctor problems', 'source.fixAll.smtp-doctor', false],
      ],
    );
    const edited = (title: string) => applyEdits(ENV, actions.find((a) => a.title === title)!.edit!.changes[uriOf('.env')]);
    assert.equal(edited('Switch to STARTTLS on port 587'), ENV.replace('MAIL_SECURE=true', 'MAIL_SECURE=false'));
    // A .env value runs to the end of its line: the comment goes on the line above.
    assert.equal(edited('Disable implicit-tls-on-starttls-port for this line'), ENV.replace('MAIL_SECURE=true', '# smtp-doctor-disable-next-line implicit-tls-on-starttls-port\nMAIL_SECURE=true'));
    assert.equal(edited('Disable implicit-tls-on-starttls-port for this file'), `# smtp-doctor-disable implicit-tls-on-starttls-port\n${ENV}`);

    const fixAll = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uriOf('.env') },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(fixAll.map((a) => a.title), ['Fix all SMTP Doctor problems']);
    assert.equal(applyEdits(ENV, fixAll[0].edit!.changes[uriOf('.env')]), ENV.replace('SMTP_PORT=25', 'SMTP_PORT=587').replace('MAIL_SECURE=true', 'MAIL_SECURE=false'));
  });

  it('re-analyses on change (debounced, incremental sync) and honours inline suppressions', async () => {
    await open('.env', ENV);
    const from = client.notifications.length;
    client.notify('textDocument/didChange', {
      textDocument: { uri: uriOf('.env'), version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '# smtp-doctor-disable-next-line port-25-submission\n' }],
    });
    assert.deepEqual(summary(await client.diagnostics(uriOf('.env'), from)), ['implicit-tls-on-starttls-port@9']);
  });

  it('judges config/mail.php with the .env it reads: the finding sits in .env, and editing either file re-judges the other', async () => {
    fs.mkdirSync(path.join(folder, 'config'));
    const mail = ["<?php", "", "return [", "    'mailers' => [", "        'smtp' => [", "            'transport' => 'smtp',", "            'scheme' => env('MAIL_SCHEME'),",
      "            'host' => env('MAIL_HOST', '127.0.0.1'),", "            'port' => env('MAIL_PORT', 2525),", "        ],", "    ],", "];", ""].join('\n');
    const dotenv = 'MAIL_MAILER=smtp\nMAIL_HOST=smtp.example.com\nMAIL_PORT=587\nMAIL_SCHEME=smtps\n';
    // Laravel reads .env through config/mail.php: MAIL_SCHEME=smtps on port 587 is implicit TLS on the STARTTLS port, on .env's line 4.
    const onMail = await open('config/mail.php', mail, 'php');
    assert.deepEqual(summary(onMail), []);
    let from: number;
    const onEnv = await open('.env', dotenv);
    assert.deepEqual(summary(onEnv), ['implicit-tls-on-starttls-port@4']);
    const related = onEnv[0].relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line]);
    assert.ok(related?.some(([uri, line]) => uri === uriOf('config/mail.php') && line === 6), JSON.stringify(related));
    // Editing .env (unsaved) to port 465: smtps on 465 is right, on either side.
    from = client.notifications.length;
    client.notify('textDocument/didChange', { textDocument: { uri: uriOf('.env'), version: 2 }, contentChanges: [{ text: dotenv.replace('MAIL_PORT=587', 'MAIL_PORT=465') }] });
    assert.deepEqual(summary(await client.diagnostics(uriOf('.env'), from)), []);
    assert.deepEqual(summary(await client.diagnostics(uriOf('config/mail.php'), from)), []);
    // Editing config/mail.php (unsaved) to a written port 587, which MAIL_PORT no longer changes: .env's MAIL_SCHEME=smtps is wrong again.
    from = client.notifications.length;
    client.notify('textDocument/didChange', { textDocument: { uri: uriOf('config/mail.php'), version: 2 }, contentChanges: [{ text: mail.replace("env('MAIL_PORT', 2525)", '587') }] });
    assert.deepEqual(summary(await client.diagnostics(uriOf('.env'), from)), ['implicit-tls-on-starttls-port@4']);
  });

  it("fixes a finding config/mail.php moved into .env there, in .env's own keys, as a quick fix and in fix-all", async () => {
    fs.mkdirSync(path.join(folder, 'config'));
    // No MAIL_PORT in .env: config/mail.php's fallback 587 with MAIL_SCHEME=smtps; .env alone says nothing wrong.
    const mail = "<?php\n\nreturn [\n    'mailers' => [\n        'smtp' => [\n            'scheme' => env('MAIL_SCHEME'),\n            'port' => env('MAIL_PORT', 587),\n        ],\n    ],\n];\n";
    fs.writeFileSync(path.join(folder, 'config', 'mail.php'), mail);
    const dotenv = 'MAIL_MAILER=smtp\nMAIL_HOST=smtp.example.com\nMAIL_SCHEME=smtps\n';
    const diagnostics = await open('.env', dotenv);
    assert.deepEqual(summary(diagnostics), ['implicit-tls-on-starttls-port@3']);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uriOf('.env') },
      range: diagnostics[0].range,
      context: { diagnostics: [diagnostics[0]] },
    });
    const fixes = actions.filter((a) => a.kind === 'quickfix' && !a.title.startsWith('Disable'));
    assert.deepEqual(fixes.map((a) => [a.title, a.isPreferred ?? false]), [['Switch to STARTTLS on port 587', true], ['Use implicit TLS on port 465', false]]);
    const edited = (action: CodeAction) => applyEdits(dotenv, action.edit!.changes[uriOf('.env')]);
    assert.equal(edited(fixes[0]), dotenv.replace('MAIL_SCHEME=smtps', 'MAIL_SCHEME=smtp'));
    assert.equal(edited(fixes[1]), `${dotenv}MAIL_PORT=465\n`);
    const fixAll = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uriOf('.env') },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(applyEdits(dotenv, fixAll[0].edit!.changes[uriOf('.env')]), dotenv.replace('MAIL_SCHEME=smtps', 'MAIL_SCHEME=smtp'));
  });

  it('shows the same hover as VS Code on a setting', async () => {
    await open('.env', ENV);
    const hover = await client.request<{ contents: { kind: string; value: string }; range: Range }>('textDocument/hover', {
      textDocument: { uri: uriOf('.env') },
      position: { line: 6, character: 3 },
    });
    assert.equal(hover.contents.kind, 'markdown');
    // The text VS Code's hover provider shows (src/extension/hover.ts), from the same engine function.
    const lines = new LineIndex(ENV);
    const engine = hoverAt(analyzeText(path.relative(workspace, path.join(folder, '.env')), ENV), lines, lines.offsetAt({ line: 6, character: 3 }));
    assert.equal(hover.contents.value, engine?.markdown);
    assert.match(hover.contents.value, /^\*\*SMTP Doctor\*\* · smtp\.example\.com:587 · implicit TLS/);
    assert.match(hover.contents.value, /\*\*Port 587\*\*/);
    assert.deepEqual(hover.range, { start: { line: 6, character: 0 }, end: { line: 6, character: 13 } });
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: uriOf('.env') }, position: { line: 4, character: 0 } }), null);
  });

  it('honours the project config file, and a malformed one is an error naming its file and line, not a silent fallback', async () => {
    fs.writeFileSync(path.join(folder, '.smtp-doctor.json'), '{ "root": true, "rules": { "port-25-submission": "off" } }\n');
    assert.deepEqual(summary(await open('.env', ENV)), ['implicit-tls-on-starttls-port@8']);
    const closing = client.notifications.length;
    client.notify('textDocument/didClose', { textDocument: { uri: uriOf('.env') } });
    assert.deepEqual(await client.diagnostics(uriOf('.env'), closing), []);

    fs.writeFileSync(path.join(folder, '.smtp-doctor.json'), '{\n  "root": true,\n  "rules": { "port-25": "off" }\n}\n');
    const from = client.notifications.length;
    const diagnostics = await open('.env', ENV);
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0].message, /^SMTP Doctor did not check this file: invalid project config: t\d+\/\.smtp-doctor\.json:3:14: unknown rule "port-25"/);
    const shown = await client.waitFor((m) => (m.method === 'window/showMessage' ? (m.params as { message: string }).message : undefined), from);
    assert.match(shown, /invalid project config: t\d+\/\.smtp-doctor\.json:3:14/);
    const onConfig = await client.diagnostics(uriOf('.smtp-doctor.json'), from);
    assert.deepEqual(onConfig.map((d) => [d.range.start.line, d.message]), [[2, 'unknown rule "port-25"']]);
  });

  it('an open project config file gets its own errors, and its unsaved buffer decides for the other open files', async () => {
    assert.equal((await open('.env', ENV)).length, 2);
    const config = uriOf('.smtp-doctor.json');
    let from = client.notifications.length;
    client.notify('textDocument/didOpen', { textDocument: { uri: config, languageId: 'json', version: 1, text: '{\n  "root": true,\n  "rules": { "port-25": "off" }\n}\n' } });
    assert.deepEqual((await client.diagnostics(config, from)).map((d) => [d.range.start.line, d.range.start.character, d.message]), [[2, 13, 'unknown rule "port-25"']]);
    assert.match((await client.diagnostics(uriOf('.env'), from))[0].message, /^SMTP Doctor did not check this file: invalid project config/);

    from = client.notifications.length;
    client.notify('textDocument/didChange', {
      textDocument: { uri: config, version: 2 },
      contentChanges: [{ text: '{ "root": true, "rules": { "port-25-submission": "off" } }\n' }],
    });
    assert.deepEqual(await client.diagnostics(config, from), []);
    assert.deepEqual(summary(await client.diagnostics(uriOf('.env'), from)), ['implicit-tls-on-starttls-port@8']);

    // Closed without saving: the file on disk applies again.
    from = client.notifications.length;
    client.notify('textDocument/didClose', { textDocument: { uri: config } });
    assert.deepEqual(summary(await client.diagnostics(uriOf('.env'), from)), ['implicit-tls-on-starttls-port@8', 'port-25-submission@2']);
  });

  it("joins a source file's process.env to the .env above it, with related information in that .env", async () => {
    fs.writeFileSync(path.join(folder, '.env'), 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\n');
    fs.mkdirSync(path.join(folder, 'src'));
    const text = "const nodemailer = require('nodemailer');\nnodemailer.createTransport({ host: process.env.SMTP_HOST, port: process.env.SMTP_PORT, secure: true });\n";
    const [diagnostic] = await open('src/mail.js', text, 'javascript');
    assert.equal(`${diagnostic.code}@${diagnostic.range.start.line + 1}`, 'implicit-tls-on-starttls-port@2');
    assert.deepEqual(
      diagnostic.relatedInformation?.filter((item) => item.location.uri !== uriOf('src/mail.js')).map((item) => [item.location.uri, item.location.range.start.line, item.message]),
      [[uriOf('.env'), 1, 'SMTP_PORT=587 is set here']],
    );
  });

  it('reads code files and every config format the engine reads, and nothing else', async () => {
    const code = "const nodemailer = require('nodemailer');\nnodemailer.createTransport({ host: 'smtp.example.com', port: 587, secure: true });\n";
    assert.deepEqual(summary(await open('mail.js', code, 'javascript')), ['implicit-tls-on-starttls-port@2']);
    assert.deepEqual(summary(await open('config/application.yml', 'spring:\n  mail:\n    host: smtp.example.com\n    port: 25\n', 'yaml')), ['port-25-submission@4']);
    assert.deepEqual(await open('notes.md', ENV, 'markdown'), []);
  });

  it('skips a file over the size limit with a message, and survives garbage', async () => {
    const huge = `${ENV}${'# padding\n'.repeat(120000)}`;
    const from = client.notifications.length;
    assert.deepEqual(await open('.env.production', huge), []);
    const shown = await client.waitFor((m) => (m.method === 'window/showMessage' ? (m.params as { message: string }).message : undefined), from);
    assert.match(shown, /skipped t\d+\/\.env\.production: it is larger than 1 MB/);
    assert.deepEqual(await open('broken.json', '{ "smtp": { "port": 25, ', 'json'), []);
    assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri: uriOf('nowhere.env') }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), []);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: uriOf('nowhere.env') }, position: { line: 99, character: 0 } }), null);
    // A URI that does not decode: logged, and the server goes on answering.
    client.notify('textDocument/didOpen', { textDocument: { uri: 'file:///tmp/%E0%A4%A.env', languageId: 'sh', version: 1, text: ENV } });
    client.notify('textDocument/didOpen', { textDocument: { uri: 'untitled:Untitled-1', languageId: 'sh', version: 1, text: ENV } });
    assert.equal(summary(await open('.env', ENV)).length, 2);
  });

  it('shuts down and exits with status 0 (last: it ends the server)', async () => {
    assert.equal(await client.request('shutdown', null), null);
    client.notify('exit', null);
    assert.equal(await client.exited, 0);
  });
});

describe('the language server is its own bundle', () => {
  it('`smtp-doctor lsp` needs --stdio (exit 2 without it), and --help prints its usage', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'lsp', ...args], { encoding: 'utf8', timeout: 30000 });
    const missing = run();
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /^smtp-doctor lsp: missing --stdio\n\nUsage: smtp-doctor lsp --stdio/);
    assert.equal(run('--stdio', '--socket=9000').status, 2);
    const help = run('--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: smtp-doctor lsp --stdio/);
  });

  it('dist/cli.js loads dist/cli-lsp.js only for `lsp`: the dispatcher, check, probe and explain bundle none of vscode-languageserver', () => {
    const bundle = (name: string) => fs.readFileSync(path.join(REPO, 'dist', name), 'utf8');
    assert.match(bundle('cli.js'), /require\("\.\/cli-lsp\.js"\)/); // import() becomes a require (scripts/bundles.mjs)
    assert.match(bundle('cli-lsp.js'), /node_modules\/vscode-languageserver\//);
    for (const name of ['cli.js', 'cli-check.js', 'cli-probe.js', 'cli-explain.js', 'extension.js']) {
      assert.doesNotMatch(bundle(name), /node_modules\/vscode-languageserver/, name);
    }
  });
});
