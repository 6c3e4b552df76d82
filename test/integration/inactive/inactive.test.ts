import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'smtpdoctor.smtp-doctor';

describe('activation events', () => {
  it('leave the extension inactive in a workspace without config files, even after opening a file', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the run opens a workspace folder');
    // Markdown: a language SMTP Doctor does not read. (index.js, source code, activates it: onLanguage:javascript.)
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'README.md')));
    // Give workspaceContains and onLanguage events time to fire, had they matched.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'the extension is installed');
    assert.equal(extension.isActive, false);
  });

  it('activates when a properties document is opened (onLanguage:properties)', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'properties', content: 'spring.mail.host=smtp.example.com\n' });
    await vscode.window.showTextDocument(document);
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const deadline = Date.now() + 10000;
    while (!extension.isActive && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(extension.isActive, true, 'onLanguage:properties activates it');
  });
});
