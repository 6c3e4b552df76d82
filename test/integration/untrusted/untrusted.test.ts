// Workspace Trust in a real VS Code (the runner's --trust: trust on, this workspace not trusted). SMTP Doctor still
// analyses files, but the connection test asks before it connects to a host read from a workspace file, and a
// restricted setting written in the workspace (smtpDoctor.probe.caFile) is not used.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, smtpDiagnostics, waitFor, workspaceRoot, workspaceUri } from '../suite/helpers';

describe('in an untrusted workspace', function () {
  this.timeout(60_000);

  let api: { trustQuestions(): readonly string[] };

  before(async () => {
    api = (await activateExtension()) as unknown as typeof api;
  });

  it('the workspace is really untrusted (the runner keeps Workspace Trust on)', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('still analyses the files', async () => {
    const uri = workspaceUri('.env');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostics = await waitFor('diagnostics', () => (smtpDiagnostics(uri).length ? smtpDiagnostics(uri) : undefined));
    assert.ok(diagnostics.length > 0);
  });

  it('ignores the restricted setting smtpDoctor.probe.caFile from the workspace settings', () => {
    const settings = fs.readFileSync(path.join(workspaceRoot(), '.vscode', 'settings.json'), 'utf8');
    assert.match(settings, /"smtpDoctor\.probe\.caFile": "\/etc\/hostname"/, 'the workspace sets it');
    assert.equal(vscode.workspace.getConfiguration('smtpDoctor').get<string>('probe.caFile'), '', 'but the value used is the default');
  });

  it('asks before connecting to a host read from a workspace file, and connects to nothing when the answer is no', async () => {
    let connections = 0;
    const server = net.createServer((socket) => {
      connections++;
      socket.end('220 trust.test ESMTP\r\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const port = (server.address() as AddressInfo).port;
    const file = path.join(workspaceRoot(), 'untrusted.env');
    fs.writeFileSync(file, `SMTP_HOST=127.0.0.1\nSMTP_PORT=${port}\nSMTP_SECURE=false\n`);
    try {
      const uri = vscode.Uri.file(file);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const result = await vscode.commands.executeCommand('smtpDoctor.testConnection', uri, 0);
      // VS Code answers modal dialogs with Cancel during extension tests (its dialog service skips them), so the
      // question is seen here as asked and declined: the test must then end without having connected anywhere.
      const questions = api.trustQuestions();
      assert.equal(questions.length, 1, 'the trust question was asked once');
      assert.match(questions[0], new RegExp(`^Connect to 127\\.0\\.0\\.1:${port}\\? This host was read from untrusted\\.env, a file of a workspace you have not trusted\\.$`));
      assert.equal(result, undefined, 'declined: no test, no report');
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(connections, 0, 'nothing was connected');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
