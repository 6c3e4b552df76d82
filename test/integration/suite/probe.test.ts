import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SMTPServer } from 'smtp-server';
import { activateExtension, waitFor } from './helpers';

/** A real SMTP server on loopback that speaks plaintext first (no TLS). */
async function startPlainServer(): Promise<{ server: SMTPServer; port: number }> {
  const server = new SMTPServer({ disabledCommands: ['STARTTLS', 'AUTH'], banner: 'integration test server', logger: false });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return { server, port: (server.server.address() as AddressInfo).port };
}

describe('Test SMTP Connection in a real VS Code', () => {
  let server: SMTPServer;
  let port: number;
  let dir: string;

  before(async () => {
    await activateExtension();
    ({ server, port } = await startPlainServer());
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-doctor-probe-'));
  });

  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs from the CodeLens arguments against a loopback server, diagnoses implicit TLS against a plaintext port, and shows the report panel', async () => {
    const file = path.join(dir, '.env');
    fs.writeFileSync(file, `SMTP_HOST=127.0.0.1\nSMTP_PORT=${port}\nSMTP_SECURE=true\n`);
    const uri = vscode.Uri.file(file);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));

    const running = vscode.commands.executeCommand<{ diagnosis: { code: string; summary: string; fix: string } } | undefined>('smtpDoctor.testConnection', uri, 0);
    // The command asks whether to log in; the first choice is "Connect without logging in". Accept it
    // as soon as the pick is there (accepting with no pick open does nothing), until the command ends.
    let settled = false;
    void Promise.resolve(running).finally(() => { settled = true; });
    await waitFor('the login question, answered', async () => {
      if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return settled ? true : undefined;
    }, 30_000);
    const result = await running;
    assert.ok(result, 'the command returns the probe result');
    assert.equal(result.diagnosis.code, 'tls-not-expected', result.diagnosis.summary);
    assert.match(result.diagnosis.fix, /secure|STARTTLS|plaintext/i);

    const tab = await waitFor('report panel', () =>
      vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((candidate) => candidate.label === `SMTP: 127.0.0.1:${port}`),
    );
    assert.ok(tab.input instanceof vscode.TabInputWebview, 'the report is a webview panel');
  });

  it('Run again reads the file again: after the port in the file changed, it tests the new port', async () => {
    const file = path.join(dir, 'again.env');
    fs.writeFileSync(file, `SMTP_HOST=127.0.0.1\nSMTP_PORT=${port}\nSMTP_SECURE=true\n`);
    const uri = vscode.Uri.file(file);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const running = vscode.commands.executeCommand<{ port: number; diagnosis: { code: string } } | undefined>('smtpDoctor.testConnection', uri, 0);
    let settled = false;
    void Promise.resolve(running).finally(() => { settled = true; });
    await waitFor('the login question, answered', async () => {
      if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return settled ? true : undefined;
    }, 30_000);
    const first = await running;
    assert.equal(first?.diagnosis.code, 'tls-not-expected');

    // Fix the file in the editor (not saved): Run again must test what the file says now, without asking again.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, document.lineAt(2).range, 'SMTP_SECURE=false');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const again = await vscode.commands.executeCommand<{ port: number; diagnosis: { code: string; summary: string } } | undefined>('smtpDoctor.runProbeAgain');
    assert.ok(again, 'Run again returns the new result');
    assert.notEqual(again.diagnosis.code, 'tls-not-expected', again.diagnosis.summary);
    assert.equal(again.port, port);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
