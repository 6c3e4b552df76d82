// "SMTP Doctor: Explain SMTP Error…" and the terminal links, in a real VS Code, on
// the fixture workspace (its .env: smtp.gmail.com:587 with MAIL_SCHEME=smtps).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, waitFor } from './helpers';

interface ExplanationView {
  explanation: { diagnosis: { code: string; summary: string; fix: string }; matched: string; library: string };
  settings?: { label: string; reason: string; groupIndex: number; finding?: { ruleId: string; message: string; fixTitle?: string } };
}
interface Api {
  workspaceScanned(): Promise<void>;
  lastExplanation(): { view: ExplanationView; html: string } | undefined;
  terminalLinks: vscode.TerminalLinkProvider<vscode.TerminalLink & { line: string }>;
}

const WRONG_VERSION = "Error: 139:error:1408F10B:SSL routines:ssl3_get_record:wrong version number (connecting to smtp.gmail.com:587) code: 'ESOCKET', command: 'CONN'";

describe('Explain SMTP Error in a real VS Code', () => {
  let api: Api;

  before(async () => {
    api = (await activateExtension()) as unknown as Api;
    await api.workspaceScanned();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('is contributed as “SMTP Doctor: Explain SMTP Error…”', async () => {
    const extension = vscode.extensions.getExtension('smtpdoctor.smtp-doctor')!;
    const command = extension.packageJSON.contributes.commands.find((c: { command: string }) => c.command === 'smtpDoctor.explainError');
    assert.deepEqual([command.category, command.title], ['SMTP Doctor', 'Explain SMTP Error…']);
    assert.ok((await vscode.commands.getCommands(true)).includes('smtpDoctor.explainError'));
  });

  it('explains the editor selection, names the matching settings with the change and its quick fix, in the report panel', async () => {
    const document = await vscode.workspace.openTextDocument({ content: `log line before\n${WRONG_VERSION}\nlog line after\n` });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(1, 0, 1, WRONG_VERSION.length);

    const view = await vscode.commands.executeCommand<ExplanationView>('smtpDoctor.explainError');
    assert.equal(view.explanation.diagnosis.code, 'tls-not-expected');
    assert.match(view.explanation.diagnosis.summary, /Port 587 does not speak TLS right away/);
    assert.ok(view.settings, 'a settings group is named');
    assert.match(view.settings.label, /^\.env: smtp\.gmail\.com:587/);
    assert.match(view.settings.reason, /same host.*same port/);
    assert.equal(view.settings.finding?.ruleId, 'implicit-tls-on-starttls-port');
    assert.ok(view.settings.finding?.fixTitle, 'the finding has a quick fix');

    const tab = await waitFor('report panel', () =>
      vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((candidate) => candidate.label === 'SMTP Error Explained'),
    );
    assert.ok(tab.input instanceof vscode.TabInputWebview);
    const { html } = api.lastExplanation()!;
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src [^;]+; script-src 'nonce-[^']+';">/);
    assert.match(html, /data-code="tls-not-expected"/);
    assert.match(html, /Port 587 does not speak TLS right away/);
    assert.match(html, /<strong>Fix:<\/strong>/);
    assert.match(html, /wrong version number/);
    assert.match(html, /Most likely: <strong>\.env: smtp\.gmail\.com:587/);
    assert.ok(html.includes(`<button id="fix">${view.settings.finding!.fixTitle!.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;')}</button>`), 'a button for the quick fix');
    assert.match(html, /<button id="test"/);
    assert.doesNotMatch(html, /<script>(?!<\/script>)/, 'no inline script without a nonce');
  });

  it('applies the quick fix the explanation names (the panel’s button runs smtpDoctor.applyExplainedFix), and the finding goes away', async () => {
    const view = await vscode.commands.executeCommand<ExplanationView & { settings: { uri: vscode.Uri } }>('smtpDoctor.explainError', WRONG_VERSION);
    assert.equal(view.settings?.finding?.ruleId, 'implicit-tls-on-starttls-port');
    const document = await vscode.workspace.openTextDocument(view.settings.uri);
    const before = document.getText();
    try {
      assert.equal(await vscode.commands.executeCommand('smtpDoctor.applyExplainedFix', view.settings), true);
      assert.notEqual(document.getText(), before);
      await waitFor('the finding to clear', () =>
        vscode.languages.getDiagnostics(document.uri).some((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'implicit-tls-on-starttls-port') ? undefined : true,
      );
    } finally {
      // Put the fixture back for the other suites.
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), before);
      await vscode.workspace.applyEdit(edit);
      await document.save();
    }
  });

  it('explains a text given as the argument (terminal link, other commands) without asking', async () => {
    const view = await vscode.commands.executeCommand<ExplanationView>(
      'smtpDoctor.explainError',
      'Invalid login: 534-5.7.9 Application-specific password required. Learn more at 534 5.7.9 https://support.google.com/mail/?p=InvalidSecondFactor - gsmtp',
    );
    assert.equal(view.explanation.diagnosis.code, 'app-password-required');
    assert.equal(view.explanation.library, 'nodemailer, Gmail reply');
    assert.match(view.settings?.label ?? '', /smtp\.gmail\.com/, 'a Gmail reply belongs to the Gmail settings');
    assert.match(api.lastExplanation()!.html, /myaccount\.google\.com\/apppasswords/);
  });

  it('masks a password pasted with the error, in the panel too', async () => {
    const secret = 'Correct-Horse-Battery-9';
    const view = await vscode.commands.executeCommand<ExplanationView>('smtpDoctor.explainError', `SMTP_PASSWORD=${secret}\n535 5.7.3 Authentication unsuccessful [AM0PR01CA0001.eurprd01.prod.exchangelabs.com]`);
    assert.equal(view.explanation.diagnosis.code, 'auth-failed');
    assert.ok(!JSON.stringify(view).includes(secret));
    assert.ok(!api.lastExplanation()!.html.includes(secret));
  });

  it('returns nothing for text that is not an SMTP error', async () => {
    assert.equal(await vscode.commands.executeCommand('smtpDoctor.explainError', 'the build finished in 3.2 s'), undefined);
  });

  it('underlines an SMTP error written to a real terminal, with “Explain SMTP error”, and explains that line on activation', async () => {
    const line = 'Error: Greeting never received at smtp.example.com:465';
    const written = new vscode.EventEmitter<string>();
    const opened = new Promise<void>((resolve) => {
      const pty: vscode.Pseudoterminal = {
        onDidWrite: written.event,
        open: () => {
          written.fire(`${line}\r\nsome other output\r\n`);
          resolve();
        },
        close: () => undefined,
      };
      const terminal = vscode.window.createTerminal({ name: 'SMTP Doctor test', pty });
      terminal.show();
    });
    await opened;
    const terminal = vscode.window.terminals.find((candidate) => candidate.name === 'SMTP Doctor test')!;
    try {
      const links = (await api.terminalLinks.provideTerminalLinks({ line, terminal }, new vscode.CancellationTokenSource().token)) ?? [];
      assert.equal(links.length, 1);
      assert.equal(links[0].tooltip, 'Explain SMTP error');
      assert.equal(line.slice(links[0].startIndex, links[0].startIndex + links[0].length), 'Greeting never received');
      assert.deepEqual(await api.terminalLinks.provideTerminalLinks({ line: 'some other output', terminal }, new vscode.CancellationTokenSource().token), []);
      assert.deepEqual(
        await api.terminalLinks.provideTerminalLinks({ line: 'curl: (7) Failed to connect to localhost port 8080: Connection refused', terminal }, new vscode.CancellationTokenSource().token),
        [],
        'connection errors of other tools are left alone',
      );

      await api.terminalLinks.handleTerminalLink(links[0]);
      const shown = await waitFor('the explanation of the terminal line', () => {
        const last = api.lastExplanation();
        return last?.view.explanation.matched === 'Greeting never received' ? last : undefined;
      });
      assert.equal(shown.view.explanation.diagnosis.code, 'implicit-tls-expected');
      assert.match(shown.html, /Port 465 expects implicit TLS/);
    } finally {
      terminal.dispose();
    }
  });
});
