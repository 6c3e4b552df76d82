// Run again with a typed password (not in the file): it asks for it again, and sends only what is typed this time;
// the password appears in no Output line and no report. The password prompt is an input box the extension API
// cannot fill: the runner (scripts/run-vscode-tests.mjs) types into the workbench on request, as a person would.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SMTPServer, type SMTPServerAuthentication, type SMTPServerAuthenticationResponse } from 'smtp-server';
import { testCerts } from '../../unit/probe/helpers/certs';
import { activateExtension } from './helpers';

const USER = 'bob@example.test';
const FIRST = 'typed-secret-one-4821';
const SECOND = 'typed-secret-two-9137';

/** Types into the focused element of the workbench, then Enter (the runner does it; see the file's comment). */
function typeInWorkbench(text: string): void {
  console.log(`[[smtp-doctor-harness-type]] ${encodeURIComponent(text)}`);
}

type Result = { authenticated: boolean; diagnosis: { code: string; summary: string } } | undefined;

describe('Run again with a typed password', function () {
  this.timeout(90_000);
  let api: { probeOutput(): readonly string[]; lastReportHtml(): string | undefined };
  let server: SMTPServer;
  let dir: string;
  const logins: { user: string; password: string }[] = [];

  before(async function () {
    // Only the code-server runner can type into the workbench (not @vscode/test-electron).
    if (!process.env.SMTP_DOCTOR_CONSOLE_TAG) this.skip();
    api = (await activateExtension()) as unknown as typeof api;
    const certs = testCerts();
    await vscode.workspace.getConfiguration('smtpDoctor').update('probe.caFile', certs.caFile, vscode.ConfigurationTarget.Global);
    server = new SMTPServer({
      key: certs.localhost.key,
      cert: certs.localhost.cert,
      authMethods: ['PLAIN', 'LOGIN'],
      logger: false,
      onAuth(auth: SMTPServerAuthentication, _session: unknown, callback: (error: Error | null, response?: SMTPServerAuthenticationResponse) => void) {
        logins.push({ user: auth.username ?? '', password: auth.password ?? '' });
        callback(null, { user: auth.username });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-doctor-typed-'));
  });

  after(async () => {
    if (!server) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await vscode.workspace.getConfiguration('smtpDoctor').update('probe.caFile', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('asks for the password again instead of re-sending it, and never shows it', async () => {
    const port = (server.server.address() as AddressInfo).port;
    const file = path.join(dir, '.env');
    fs.writeFileSync(file, `SMTP_HOST=127.0.0.1\nSMTP_PORT=${port}\nSMTP_SECURE=false\nSMTP_USER=${USER}\n`);
    const uri = vscode.Uri.file(file);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));

    // First run: "Log in as bob@…, typing the password…" (the second choice: the file has no password), then type it.
    const first = Promise.resolve(vscode.commands.executeCommand<Result>('smtpDoctor.testConnection', uri, 0));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    typeInWorkbench(FIRST);
    const result = await first;
    assert.equal(result?.diagnosis.code, 'ok', result?.diagnosis.summary);
    assert.equal(result.authenticated, true);
    assert.deepEqual(logins, [{ user: USER, password: FIRST }]);

    // Run again: it must ask again; until answered nothing is sent.
    const again = Promise.resolve(vscode.commands.executeCommand<Result>('smtpDoctor.runProbeAgain'));
    let settled = false;
    void again.finally(() => { settled = true; });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(settled, false, 'Run again waits for the password');
    assert.equal(logins.length, 1, 'the first password was not re-sent');
    typeInWorkbench(SECOND);
    const second = await again;
    assert.equal(second?.diagnosis.code, 'ok', second?.diagnosis.summary);
    assert.deepEqual(logins, [{ user: USER, password: FIRST }, { user: USER, password: SECOND }], 'only what was typed this time');

    const shown = `${api.probeOutput().join('\n')}\n${api.lastReportHtml() ?? ''}`;
    assert.ok(shown.includes('AUTH'), 'the transcript has the login');
    for (const secret of [FIRST, SECOND, Buffer.from(`\0${USER}\0${SECOND}`).toString('base64')]) assert.ok(!shown.includes(secret), 'no password in the output or the report');
  });
});
