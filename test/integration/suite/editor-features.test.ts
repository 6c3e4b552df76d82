import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, restore, ruleOf, smtpDiagnostics, waitFor, workspaceUri } from './helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))
    .join('\n');
}

describe('quick fixes, hovers and CodeLens in a real VS Code', () => {
  before(async () => {
    await activateExtension();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('offers the preferred quick fix at the diagnostic; applying it rewrites the line and clears the diagnostic', async () => {
    const uri = workspaceUri('.env');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const [diagnostic] = await waitFor('diagnostic', () => (smtpDiagnostics(uri).length ? smtpDiagnostics(uri) : undefined));
    assert.equal(ruleOf(diagnostic), 'implicit-tls-on-starttls-port');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes('Disable rule implicit-tls-on-starttls-port in the workspace settings'), titles.join(' | '));
    const preferred = actions.filter((action) => action.isPreferred);
    assert.equal(preferred.length, 1, `one preferred fix among: ${titles.join(' | ')}`);
    assert.equal(preferred[0].title, 'Switch to STARTTLS on port 587');

    assert.ok(await vscode.workspace.applyEdit(preferred[0].edit!));
    assert.equal(document.lineAt(4).text, 'MAIL_SCHEME=smtp');
    assert.equal(document.lineAt(3).text, 'MAIL_PORT=587', 'the port line is untouched');
    await waitFor('diagnostic cleared', () => (smtpDiagnostics(uri).length === 0 ? true : undefined));
  });

  it('"Disable … for this line" writes a suppression comment above the line, and the diagnostic goes', async () => {
    const uri = workspaceUri('.env');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const [diagnostic] = await waitFor('diagnostic', () => (smtpDiagnostics(uri).length ? smtpDiagnostics(uri) : undefined));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes('Disable implicit-tls-on-starttls-port for this file'), titles.join(' | '));
    const line = actions.find((action) => action.title === 'Disable implicit-tls-on-starttls-port for this line');
    assert.ok(line, titles.join(' | '));
    const target = document.lineAt(diagnostic.range.start.line).text;
    assert.ok(await vscode.workspace.applyEdit(line.edit!));
    assert.equal(document.lineAt(diagnostic.range.start.line).text, '# smtp-doctor-disable-next-line implicit-tls-on-starttls-port');
    assert.equal(document.lineAt(diagnostic.range.start.line + 1).text, target);
    await waitFor('diagnostic cleared', () => (smtpDiagnostics(uri).length === 0 ? true : undefined));
  });

  it('fix-all (source.fixAll.smtpDoctor) applies the preferred fixes of a file', async () => {
    const uri = workspaceUri('.env');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await waitFor('diagnostic', () => (smtpDiagnostics(uri).length ? true : undefined));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      new vscode.Range(0, 0, 0, 0),
      'source.fixAll.smtpDoctor',
    );
    assert.equal(actions.length, 1);
    assert.ok(await vscode.workspace.applyEdit(actions[0].edit!));
    assert.equal(document.lineAt(4).text, 'MAIL_SCHEME=smtp');
    await waitFor('diagnostics cleared', () => (smtpDiagnostics(uri).length === 0 ? true : undefined));
  });

  it('hover on a value explains it too, and nothing is shown off the settings', async () => {
    const uri = workspaceUri('config/application.yml');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.equal(document.lineAt(3).text, '    port: 587');
    const onValue = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(3, 11)));
    assert.match(onValue, /\*\*Port 587\*\*: message submission/);
    const offSettings = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(0, 2));
    assert.doesNotMatch(hoverText(offSettings), /Port 587|connects to/);
  });

  it('hover on a key explains how the framework will connect, and the port', async () => {
    const uri = workspaceUri('config/application.yml');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(5, 6));
    const text = hoverText(hovers);
    assert.match(text, /Spring Boot \(Jakarta Mail\) connects to smtp\.example\.org:587 and never encrypts/);
    assert.match(text, /\*\*Port 587\*\*: message submission/);
    assert.match(text, /rules\.md#cleartext-auth|cleartext-auth/);
  });

  it('shows a CodeLens summary and "Test connection" above each group', async () => {
    const uri = workspaceUri('.env');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const titles = lenses.map((lens) => lens.command?.title ?? '');
    assert.ok(titles.includes('SMTP: smtp.gmail.com:587 · implicit TLS · Gmail / Google Workspace · app password'), titles.join(' | '));
    const test = lenses.find((lens) => lens.command?.command === 'smtpDoctor.testConnection');
    assert.ok(test, 'a Test connection lens');
    assert.equal(test!.range.start.line, 1, 'on the first line of the group');
    assert.equal(lenses[0].command?.command, 'smtpDoctor.testConnection', '"Test connection" comes first, so a narrow editor does not clip it');
  });

  it('puts the YAML CodeLens above the block key, not between mail: and its children', async () => {
    const uri = workspaceUri('config/application.yml');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.ok(lenses.length >= 2, 'summary and Test connection');
    for (const lens of lenses) assert.equal(document.lineAt(lens.range.start.line).text, '  mail:');
  });

  it('answers CodeLens, hover and code actions right after an edit from the sliced analysis, never a synchronous one on the stale cache', async () => {
    await activateExtension();
    const uri = workspaceUri('config/application.yml');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const original = document.getText();
    await waitFor('the first analysis', async () => ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)).length ? true : undefined));
    // Two lines above the group: the cached analysis is stale, and its lens lines would be off by two.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), 'server:\n  port: 8080\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const [lenses, hovers] = await Promise.all([
      vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri),
      vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(5, 11)),
      vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(5, 0, 5, 0)),
    ]);
    assert.ok(lenses.length >= 2, 'summary and Test connection');
    for (const lens of lenses) assert.equal(document.lineAt(lens.range.start.line).text, '  mail:', 'lenses of the edited text');
    assert.ok(hoverText(hovers).length > 0, 'a hover on the port of the edited text');
    await restore(document, original);
  });

  it('parses a big YAML file with anchors in its worker thread, not on the extension host, and reports its findings', async () => {
    const api = (await activateExtension()) as unknown as { yamlWorkerAnswers(): number };
    const before = api.yamlWorkerAnswers();
    const uri = workspaceUri('config/application-big.yml');
    // An anchor: the partial read cannot outline it, so the whole text is parsed, as the yaml library composes it: in one call.
    const filler = Array.from({ length: 1500 }, (_, i) => `  key${i}: value ${i}`).join('\n');
    const text = `defaults: &defaults\n  timeout: 5\nspring:\n  mail:\n    host: smtp.gmail.com\n    port: 465\n    properties:\n      mail.smtp.starttls.enable: true\nother:\n  <<: *defaults\n${filler}\n`;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const diagnostics = await waitFor('diagnostics of the big file', () => (smtpDiagnostics(uri).length ? smtpDiagnostics(uri) : undefined));
      assert.ok(diagnostics.some((d) => ruleOf(d) === 'plaintext-on-implicit-tls-port'), diagnostics.map((d) => `${ruleOf(d)}@${d.range.start.line}`).join(', '));
      assert.ok(api.yamlWorkerAnswers() > before, 'the worker thread parsed nothing');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('says "password", not "app password", beside the warning that it is not one', async () => {
    const uri = workspaceUri('.env');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const original = document.getText();
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, document.lineAt(6).range, 'MAIL_PASSWORD=Summer2026!');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('gmail-app-password', () => (smtpDiagnostics(uri).some((d) => ruleOf(d) === 'gmail-app-password') ? true : undefined));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const summary = lenses.map((lens) => lens.command?.title ?? '').find((title) => title.startsWith('SMTP:'));
    await restore(document, original);
    assert.equal(summary, 'SMTP: smtp.gmail.com:587 · implicit TLS · Gmail / Google Workspace · password');
  });

  it('Rescan Workspace says what it found, and its counts are the Problems panel\'s', async () => {
    const summary = await vscode.commands.executeCommand<{ filesChecked: number; filesWithProblems: number; errors: number; warnings: number }>(
      'smtpDoctor.rescanWorkspace',
    );
    const ours = vscode.languages.getDiagnostics().filter(([, diagnostics]) => diagnostics.some((d) => d.source === 'SMTP Doctor'));
    const all = ours.flatMap(([, diagnostics]) => diagnostics);
    assert.ok(summary.filesChecked >= 3, `checked ${summary.filesChecked} files`);
    assert.equal(summary.filesWithProblems, ours.length);
    assert.equal(summary.errors, all.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length);
    assert.equal(summary.warnings, all.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length);
    assert.ok(summary.errors + summary.warnings > 0, 'the fixture workspace has findings');
  });

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['smtpDoctor.testConnection', 'smtpDoctor.rescanWorkspace', 'smtpDoctor.disableRule']) assert.ok(commands.includes(id), id);
  });
  it('shows "Test SMTP Connection" in the context menu only where the file has SMTP settings', async () => {
    const api = (await activateExtension()) as unknown as { activeEditorHasSmtpSettings(): boolean };
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri('.env')));
    await waitFor('context key on for a .env with SMTP settings', () => (api.activeEditorHasSmtpSettings() ? true : undefined));
    // A JSON file without mail settings (VS Code's own settings file): the entry would only be noise there.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri('.vscode/settings.json')));
    await waitFor('context key off for a JSON file without SMTP settings', () => (api.activeEditorHasSmtpSettings() ? undefined : true));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri('.env')));
    await waitFor('context key on again', () => (api.activeEditorHasSmtpSettings() ? true : undefined));
    const manifest = vscode.extensions.getExtension('smtpdoctor.smtp-doctor')!.packageJSON as { contributes: { menus: Record<string, { command: string; when?: string }[]> } };
    const entry = manifest.contributes.menus['editor/context'].find((item) => item.command === 'smtpDoctor.testConnection');
    assert.equal(entry?.when, 'smtpDoctor.hasSmtpSettings');
  });
});
