// Rule docs offline (Show documentation, hover links), short messages, and "Disable rule" in its three scopes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID, restore, ruleOf, smtpDiagnostics, waitFor, workspaceUri } from './helpers';

const RULE = 'implicit-tls-on-starttls-port';

async function quickFixes(uri: vscode.Uri): Promise<{ diagnostic: vscode.Diagnostic; actions: vscode.CodeAction[] }> {
  const [diagnostic] = await waitFor('diagnostic', () => (smtpDiagnostics(uri).length ? smtpDiagnostics(uri) : undefined));
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  return { diagnostic, actions };
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((hover) => hover.contents).map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : '')).join('\n');
}

describe('rule docs and Disable rule in a real VS Code', () => {
  before(async () => {
    const api = await activateExtension();
    await api.workspaceScanned();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    // The docs page and its preview; a dirty editor would ask to be saved.
    await vscode.window.tabGroups.close(vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => !tab.isDirty));
    await vscode.workspace.getConfiguration('smtpDoctor').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('every diagnostic in the workspace is one sentence of at most 160 characters', async () => {
    const ours = vscode.languages.getDiagnostics().flatMap(([, diagnostics]) => diagnostics.filter((d) => d.source === 'SMTP Doctor'));
    assert.ok(ours.length > 0);
    for (const diagnostic of ours) {
      assert.ok(diagnostic.message.length <= 160, diagnostic.message);
      assert.doesNotMatch(diagnostic.message, /[.!?]\s+[A-Z]/, diagnostic.message);
    }
  });

  it('the hover gives the why the short message leaves out, with a link to the packaged docs', async () => {
    const uri = workspaceUri('.env');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await quickFixes(uri);
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(4, 13)));
    assert.match(text, /wrong version number/);
    assert.match(text, /command:smtpDoctor\.showRuleDocs\?/);
    assert.doesNotMatch(text, /github\.com\/[^)]*rules\.md/);
    assert.doesNotMatch(text, /implicit TLS\): implicit TLS|STARTTLS \(RFC 3207\)\. Expects/, 'no repeated phrases');
  });

  it('"Show documentation for …" opens the packaged rules page at the rule', async () => {
    const uri = workspaceUri('.env');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const { actions } = await quickFixes(uri);
    const show = actions.find((action) => action.title === `Show documentation for ${RULE}`);
    assert.ok(show?.command, actions.map((action) => action.title).join(' | '));
    const opened = await vscode.commands.executeCommand<{ uri: vscode.Uri; line: number }>(show.command.command, ...(show.command.arguments ?? []));
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.equal(opened.uri.toString(), vscode.Uri.joinPath(extension.extensionUri, 'docs/rules.md').toString(), 'the page shipped with the extension');
    const page = await vscode.workspace.openTextDocument(opened.uri);
    assert.equal(page.lineAt(opened.line).text, `## ${RULE}`);
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
    assert.ok(
      tabs.some((tab) => (tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === opened.uri.toString()) || /rules\.md/.test(tab.label)),
      tabs.map((tab) => tab.label).join(' | '),
    );
  });

  it('Disable rule in the workspace settings: writes the setting, says so, and Undo restores it', async () => {
    const uri = workspaceUri('.env');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const { actions } = await quickFixes(uri);
    const disable = actions.find((action) => action.title === `Disable rule ${RULE} in the workspace settings`);
    assert.ok(disable?.command);
    const done = await vscode.commands.executeCommand<{ message: string; undo(): Promise<void> }>(disable.command.command, ...(disable.command.arguments ?? []));
    assert.match(done.message, new RegExp(`${RULE} is off in the workspace settings`));
    assert.deepEqual(vscode.workspace.getConfiguration('smtpDoctor').inspect('rules')?.workspaceValue, { [RULE]: 'off' });
    await waitFor('diagnostic gone', () => (smtpDiagnostics(uri).length === 0 ? true : undefined));
    await done.undo();
    assert.equal(vscode.workspace.getConfiguration('smtpDoctor').inspect('rules')?.workspaceValue, undefined, 'Undo puts the setting back as it was');
    await waitFor('diagnostic back', () => (smtpDiagnostics(uri).some((d) => ruleOf(d) === RULE) ? true : undefined));
  });

  it('Disable … for this file writes a file-wide suppression comment, and the diagnostic goes', async () => {
    const uri = workspaceUri('.env');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const original = document.getText();
    const { actions } = await quickFixes(uri);
    const file = actions.find((action) => action.title === `Disable ${RULE} for this file`);
    assert.ok(file?.edit);
    assert.ok(await vscode.workspace.applyEdit(file.edit));
    assert.ok(document.getText().includes(`# smtp-doctor-disable ${RULE}`), document.getText());
    await waitFor('diagnostic cleared', () => (smtpDiagnostics(uri).length === 0 ? true : undefined));
    // Leave the file as it was for the other suites.
    await restore(document, original);
  });
});
