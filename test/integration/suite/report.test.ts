// The probe report's own actions in a real VS Code: "Apply fix" edits the file with the group's verified fix,
// "Choose CA file…" writes smtpDoctor.probe.caFile and Run again then trusts it, the advice is in the editor's
// terms, the transcript reaches the Output channel while the test runs; the language-status item and the walkthrough.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SMTPServer } from 'smtp-server';
import { testCerts } from '../../unit/probe/helpers/certs';
import { activateExtension, EXTENSION_ID, waitFor, workspaceUri } from './helpers';

interface Api {
  lastExplanation(): { html: string } | undefined;
  trustQuestions(): readonly string[];
  lastReportHtml(): string | undefined;
  probeOutput(): readonly string[];
  languageStatus(): { text: string; detail: string; command: string | undefined };
}

type Result = { port: number; diagnosis: { code: string; summary: string; fix: string } } | undefined;

async function listen(server: SMTPServer): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return (server.server.address() as AddressInfo).port;
}

/** Runs the command and picks the first login choice ("Connect without logging in") as soon as it is asked. */
async function testConnection(uri: vscode.Uri): Promise<Result> {
  const running = Promise.resolve(vscode.commands.executeCommand<Result>('smtpDoctor.testConnection', uri, 0));
  let settled = false;
  void running.finally(() => { settled = true; });
  await waitFor('the login question, answered', async () => {
    if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    return settled ? true : undefined;
  }, 30_000);
  return running;
}

async function writeAndOpen(dir: string, name: string, text: string): Promise<vscode.TextDocument> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(document);
  return document;
}

describe('the connection test report in a real VS Code', function () {
  this.timeout(60_000);
  let api: Api;
  let dir: string;
  const servers: SMTPServer[] = [];

  before(async () => {
    api = (await activateExtension()) as unknown as Api;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-doctor-report-'));
  });

  after(async () => {
    await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
    await vscode.workspace.getConfiguration('smtpDoctor').update('probe.caFile', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('"Apply fix" writes the group’s verified fix into the file; the advice names this framework only, with friendly step names and a local time', async () => {
    const server = new SMTPServer({ disabledCommands: ['STARTTLS', 'AUTH'], logger: false });
    servers.push(server);
    const port = await listen(server);
    const document = await writeAndOpen(dir, 'laravel.env', `MAIL_MAILER=smtp\nMAIL_HOST=127.0.0.1\nMAIL_PORT=${port}\nMAIL_SCHEME=smtps\n`);
    const result = await testConnection(document.uri);
    assert.equal(result?.diagnosis.code, 'tls-not-expected', result?.diagnosis.summary);
    assert.match(result.diagnosis.fix, /Laravel.*MAIL_SCHEME=smtp\b/);
    assert.doesNotMatch(result.diagnosis.fix, /nodemailer|Django|Spring|For example/, 'the group’s framework, not a list of four');

    const html = await waitFor('the report', () => api.lastReportHtml());
    assert.match(html, /<button id="applyFix">Apply fix: Switch to STARTTLS on port \d+<\/button>/);
    assert.match(html, /writes <code>MAIL_SCHEME=smtp<\/code> in /);
    assert.match(html, />DNS lookup</);
    assert.match(html, />Greeting</);
    assert.doesNotMatch(html, />(resolve|ehlo|ehlo-after-tls)</, 'no internal step ids shown');
    assert.doesNotMatch(html, /certificates: (system|custom-ca)/);
    const time = html.match(/<time datetime="([^"]+)">([^<]+)<\/time>/);
    assert.ok(time, 'the start time is shown');
    assert.notEqual(time[2], time[1], 'in local words, not the raw UTC timestamp');

    assert.deepEqual(api.trustQuestions(), [], 'a trusted workspace (this run turns Workspace Trust off) is not asked about');

    assert.equal(await vscode.commands.executeCommand('smtpDoctor.applyProbeFix'), true);
    assert.equal(document.lineAt(3).text, 'MAIL_SCHEME=smtp');
    assert.equal(document.lineAt(2).text, `MAIL_PORT=${port}`, 'the port is kept: the server showed it speaks STARTTLS');
    const again = await vscode.commands.executeCommand<Result>('smtpDoctor.runProbeAgain');
    assert.ok(again);
    assert.notEqual(again.diagnosis.code, 'tls-not-expected', again.diagnosis.summary);
    assert.doesNotMatch(api.lastReportHtml() ?? '', /id="applyFix"/, 'nothing left to fix');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('"Choose CA file…" writes smtpDoctor.probe.caFile, and Run again then trusts the server’s private CA', async () => {
    const certs = testCerts();
    const server = new SMTPServer({ key: certs.localhost.key, cert: certs.localhost.cert, authOptional: true, logger: false });
    servers.push(server);
    const port = await listen(server);
    const document = await writeAndOpen(dir, 'relay.env', `SMTP_HOST=127.0.0.1\nSMTP_PORT=${port}\nSMTP_SECURE=false\n`);
    const result = await testConnection(document.uri);
    assert.equal(result?.diagnosis.code, 'certificate-untrusted', result?.diagnosis.summary);
    assert.match(result.diagnosis.fix, /`smtpDoctor\.probe\.caFile`/);
    assert.doesNotMatch(result.diagnosis.fix, /--ca|insecure|option `ca`/, 'the editor’s terms, not the CLI’s');
    const html = await waitFor('the report', () => api.lastReportHtml());
    assert.match(html, /<button id="chooseCa">Choose CA file…<\/button>/);
    assert.match(html, /<code>smtpDoctor\.probe\.caFile<\/code>/, 'backticks rendered as code, not shown literally');

    assert.equal(await vscode.commands.executeCommand('smtpDoctor.chooseProbeCaFile', vscode.Uri.file(certs.caFile)), certs.caFile);
    assert.equal(vscode.workspace.getConfiguration('smtpDoctor').get('probe.caFile'), certs.caFile);
    const again = await vscode.commands.executeCommand<Result>('smtpDoctor.runProbeAgain');
    assert.equal(again?.diagnosis.code, 'ok', again?.diagnosis.summary);
    assert.match(api.lastReportHtml() ?? '', /the CA file of smtpDoctor\.probe\.caFile/);

    // A file that is not a PEM certificate is refused, and the setting stays.
    const notPem = path.join(dir, 'not-a-cert.pem');
    fs.writeFileSync(notPem, 'hello\n');
    assert.equal(await vscode.commands.executeCommand('smtpDoctor.chooseProbeCaFile', vscode.Uri.file(notPem)), undefined);
    assert.equal(vscode.workspace.getConfiguration('smtpDoctor').get('probe.caFile'), certs.caFile);
    await vscode.workspace.getConfiguration('smtpDoctor').update('probe.caFile', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('Explain SMTP Error gives the same advice in the editor’s terms (its setting, not CLI flags)', async () => {
    const view = await vscode.commands.executeCommand<{ explanation: { diagnosis: { code: string; fix: string } } } | undefined>(
      'smtpDoctor.explainError',
      'Error: self-signed certificate in certificate chain (code SELF_SIGNED_CERT_IN_CHAIN)',
    );
    assert.equal(view?.explanation.diagnosis.code, 'certificate-untrusted');
    assert.match(view.explanation.diagnosis.fix, /smtpDoctor\.probe\.caFile/);
    assert.doesNotMatch(view.explanation.diagnosis.fix, /--ca|insecure/);
    assert.match(api.lastExplanation()?.html ?? '', /<code>smtpDoctor\.probe\.caFile<\/code>/);
  });

  it('streams the transcript to the Output channel while the test runs, not only after it ends', async () => {
    // A server that waits 1.5 s before its greeting: the lines before it must be out while the command still runs.
    const slow = net.createServer((socket) => {
      socket.on('error', () => undefined);
      const timer = setTimeout(() => socket.write('220 slow.test ESMTP\r\n'), 1500);
      socket.on('data', (data) => {
        const line = data.toString();
        if (/^EHLO/i.test(line)) socket.write('250 slow.test\r\n');
        else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        else socket.write('502 no\r\n');
      });
      socket.on('close', () => clearTimeout(timer));
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', () => resolve()));
    try {
      const port = (slow.address() as AddressInfo).port;
      const document = await writeAndOpen(dir, 'slow.env', `SMTP_HOST=127.0.0.1\nSMTP_PORT=${port}\nSMTP_SECURE=false\n`);
      const running = Promise.resolve(vscode.commands.executeCommand<Result>('smtpDoctor.testConnection', document.uri, 0));
      let settled = false;
      void running.finally(() => { settled = true; });
      await waitFor('the connection line in the Output channel', async () => {
        if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return api.probeOutput().some((line) => line.includes(`Connected to 127.0.0.1:${port}`)) ? true : undefined;
      }, 30_000);
      assert.equal(settled, false, 'the connection line is out before the test ends');
      assert.ok(!api.probeOutput().some((line) => line.includes('S: 220')), 'and before the greeting came');
      await running;
      assert.ok(api.probeOutput().some((line) => line.includes('S: 220 slow.test')), api.probeOutput().join('\n'));
    } finally {
      await new Promise<void>((resolve) => slow.close(() => resolve()));
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  it('shows a language-status item: the file’s problems, the workspace’s files, and "Test connection"', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceUri('.env'));
    await vscode.window.showTextDocument(document);
    const view = await waitFor('the status of .env', () => {
      const current = api.languageStatus();
      return current.command === 'smtpDoctor.testConnection' && /problem/.test(current.text) ? current : undefined;
    });
    assert.match(view.text, /^\$\(mail\) SMTP: \d+ problems?$/);
    assert.match(view.detail, /\d+ config files? checked/);
    const plain = await vscode.workspace.openTextDocument({ language: 'json', content: '{ "name": "no mail here" }' });
    await vscode.window.showTextDocument(plain);
    const other = await waitFor('the status of a file without settings', () => (api.languageStatus().command === 'smtpDoctor.rescanWorkspace' ? api.languageStatus() : undefined));
    assert.match(other.detail, /No SMTP settings in this file/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('contributes a walkthrough whose steps link to registered commands and packaged media', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const [walkthrough] = extension.packageJSON.contributes.walkthroughs as { id: string; steps: { id: string; description: string; media: { markdown?: string } }[] }[];
    assert.deepEqual(walkthrough.steps.map((step) => step.id), ['openConfig', 'seeProblem', 'fixIt', 'testConnection', 'setCaFile']);
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const step of walkthrough.steps) {
      for (const [, command] of step.description.matchAll(/\(command:([\w.]+)/g)) assert.ok(commands.has(command), `${step.id}: ${command} is registered`);
      assert.ok(step.media.markdown && fs.existsSync(path.join(extension.extensionPath, step.media.markdown)), `${step.id}: its media is there`);
    }
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${walkthrough.id}`, false);
    // "Open a Config File": a pick of the workspace's files with SMTP settings; the first one is opened.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const running = Promise.resolve(vscode.commands.executeCommand<vscode.Uri | undefined>('smtpDoctor.openConfigFile'));
    let settled = false;
    void running.finally(() => { settled = true; });
    await waitFor('the file pick, answered', async () => {
      if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return settled ? true : undefined;
    }, 30_000);
    const opened = await running;
    assert.ok(opened, 'a file was opened');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), opened.toString());
    assert.ok(api.languageStatus().command === 'smtpDoctor.testConnection' || (await waitFor('its status', () => (api.languageStatus().command === 'smtpDoctor.testConnection' ? true : undefined))));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
