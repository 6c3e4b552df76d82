import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, ruleOf, smtpDiagnostics, smtpHints, waitFor, workspaceUri } from './helpers';

describe('diagnostics in a real VS Code', () => {
  before(async () => {
    const api = await activateExtension();
    await api.workspaceScanned();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.getConfiguration('smtpDoctor').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('underlines the implicit-TLS flag against port 587 in an open .env, with rule id, docs link and related port', async () => {
    const uri = workspaceUri('.env');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const diagnostics = await waitFor('diagnostics on .env', () => {
      const found = smtpDiagnostics(uri);
      return found.length ? found : undefined;
    });
    assert.deepEqual(diagnostics.map(ruleOf), ['implicit-tls-on-starttls-port']);
    const [diagnostic] = diagnostics;
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostic.range.start.line, 4);
    assert.equal(document.getText(diagnostic.range), 'smtps');
    // One sentence, action first; why ("wrong version number") is in the hover and the docs.
    assert.equal(diagnostic.message, 'Set MAIL_SCHEME=smtp, or use port 465: port 587 expects STARTTLS, not implicit TLS.');
    const code = diagnostic.code as { value: string; target: vscode.Uri };
    // The packaged docs page at the rule's heading, opened in VS Code: no web page, no external-site prompt.
    assert.match(code.target.path, /\/docs\/rules\.md$/);
    assert.notEqual(code.target.scheme, 'https');
    const docs = await vscode.workspace.openTextDocument(code.target.with({ fragment: '' }));
    assert.equal(docs.lineAt(Number(/^L(\d+)$/.exec(code.target.fragment)![1]) - 1).text, '## implicit-tls-on-starttls-port');
    assert.equal(diagnostic.relatedInformation?.length, 1);
    assert.equal(diagnostic.relatedInformation![0].location.range.start.line, 3, 'related information points at MAIL_PORT');
  });

  it('reports files that are not open, from the workspace scan', async () => {
    const uri = workspaceUri('config/application.yml');
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString()), 'file is not open');
    const diagnostics = await waitFor('workspace diagnostics', () => {
      const found = smtpDiagnostics(uri);
      return found.length ? found : undefined;
    });
    assert.deepEqual(diagnostics.map(ruleOf), ['cleartext-auth']);
    assert.equal(diagnostics[0].range.start.line, 5);
    assert.deepEqual(smtpDiagnostics(workspaceUri('deploy/.env.production')), [], 'a correct file stays silent');
    assert.deepEqual(smtpDiagnostics(workspaceUri('notes.txt')), [], 'a text file is not analysed');
  });

  it('updates as you type: fixing the scheme clears the error, breaking the port adds one', async () => {
    // Edited without being shown in an editor: no CodeLens, hover or code-action request re-analyses
    // it on the side, so only the typing path can update the diagnostics.
    const uri = workspaceUri('.env');
    const document = await vscode.workspace.openTextDocument(uri);
    const original = document.getText();
    await waitFor('initial diagnostic', () => (smtpDiagnostics(uri).length === 1 ? true : undefined));
    const replaceLine = async (line: number, text: string) => {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, document.lineAt(line).range, text);
      assert.ok(await vscode.workspace.applyEdit(edit));
    };

    await replaceLine(4, 'MAIL_SCHEME=smtp');
    await waitFor('diagnostics cleared', () => (smtpDiagnostics(uri).length === 0 ? true : undefined));
    // What is left is advice, not a problem: STARTTLS only when offered, with a password to Gmail.
    const hints = await waitFor('the STARTTLS hint', () => (smtpHints(uri).length ? smtpHints(uri) : undefined));
    assert.deepEqual(hints.map(ruleOf), ['opportunistic-starttls']);

    await replaceLine(3, 'MAIL_PORT=5x7');
    const after = await waitFor('invalid port reported', () => {
      const found = smtpDiagnostics(uri);
      return found.length ? found : undefined;
    });
    assert.deepEqual(after.map(ruleOf), ['invalid-port']);
    assert.equal(document.getText(after[0].range), '5x7');
    const restore = new vscode.WorkspaceEdit();
    restore.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
    assert.ok(await vscode.workspace.applyEdit(restore));
    assert.ok(await document.save());
  });

  it('follows the smtpDoctor.rules setting: off removes the finding, a severity changes it', async () => {
    const uri = workspaceUri('.env');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor('initial diagnostic', () => (smtpDiagnostics(uri).length === 1 ? true : undefined));
    const config = vscode.workspace.getConfiguration('smtpDoctor');
    await config.update('rules', { 'implicit-tls-on-starttls-port': 'warning' }, vscode.ConfigurationTarget.Workspace);
    await waitFor('severity changed', () => (smtpDiagnostics(uri)[0]?.severity === vscode.DiagnosticSeverity.Warning ? true : undefined));
    await config.update('rules', { 'implicit-tls-on-starttls-port': 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitFor('finding removed', () => (smtpDiagnostics(uri).length === 0 ? true : undefined));
  });

  it('re-judges a compose file when the .env beside it changes, before it is saved', async () => {
    const compose = workspaceUri('stack/docker-compose.yml');
    const dotenv = workspaceUri('stack/.env');
    // SMTP_PORT=465 in .env replaces the compose file's fallback 587: STARTTLS on 465 (the compose file is not open).
    const before = await waitFor('the compose file judged with .env', () => {
      const found = smtpDiagnostics(compose);
      return found.length ? found : undefined;
    });
    assert.deepEqual(before.map(ruleOf), ['plaintext-on-implicit-tls-port']);
    assert.equal(before[0].range.start.line, 6);
    const document = await vscode.workspace.openTextDocument(dotenv);
    await vscode.window.showTextDocument(document);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(dotenv, document.lineAt(1).range, 'SMTP_PORT=587');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the compose file cleared by the unsaved .env', () => (smtpDiagnostics(compose).length === 0 ? true : undefined));
    const back = new vscode.WorkspaceEdit();
    back.replace(dotenv, document.lineAt(1).range, 'SMTP_PORT=465');
    assert.ok(await vscode.workspace.applyEdit(back));
    await waitFor('the compose file judged again', () => (smtpDiagnostics(compose).length === 1 ? true : undefined));
  });
  it('judges a Laravel .env through config/mail.php: editing mail.php (unsaved) moves a finding onto .env and back', async () => {
    const dotenv = workspaceUri('laravel/.env');
    const mail = workspaceUri('laravel/config/mail.php');
    // MAIL_SCHEME=smtps with no MAIL_PORT: config/mail.php's env('MAIL_PORT', 465) fallback makes it right (alone, .env would be read with port 587).
    await waitFor('the workspace scan read laravel/.env', () => (smtpDiagnostics(dotenv).length === 0 ? true : undefined));
    const document = await vscode.workspace.openTextDocument(mail);
    await vscode.window.showTextDocument(document);
    const line = [...Array(document.lineCount).keys()].find((index) => document.lineAt(index).text.includes("env('MAIL_PORT', 465)"))!;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(mail, document.lineAt(line).range, "            'port' => env('MAIL_PORT', 587),");
    assert.ok(await vscode.workspace.applyEdit(edit));
    // The line to change is MAIL_SCHEME in .env (not open): the finding is there, with mail.php as related information.
    const found = await waitFor('the finding on .env', () => {
      const diagnostics = smtpDiagnostics(dotenv);
      return diagnostics.length ? diagnostics : undefined;
    });
    assert.deepEqual(found.map(ruleOf), ['implicit-tls-on-starttls-port']);
    assert.equal(found[0].range.start.line, 3);
    assert.ok(found[0].relatedInformation?.some((item) => item.location.uri.fsPath === mail.fsPath && item.location.range.start.line === line), 'mail.php is related information');
    assert.deepEqual(smtpDiagnostics(mail), []);
    const back = new vscode.WorkspaceEdit();
    back.replace(mail, document.lineAt(line).range, "            'port' => env('MAIL_PORT', 465),");
    assert.ok(await vscode.workspace.applyEdit(back));
    await waitFor('.env cleared again', () => (smtpDiagnostics(dotenv).length === 0 ? true : undefined));
  });
});
