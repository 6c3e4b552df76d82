import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'smtpdoctor.smtp-doctor';

describe('activation', () => {
  it(`extension ${EXTENSION_ID} is installed`, () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} not found among ${vscode.extensions.all.length} extensions`);
  });

  it('is active after a workspace file is opened', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test run must open a workspace folder');
    const entries = await vscode.workspace.fs.readDirectory(folder.uri);
    const file = entries.find(([, type]) => type === vscode.FileType.File);
    assert.ok(file, `no file in workspace folder ${folder.uri.toString()}`);

    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, file[0]));
    await vscode.window.showTextDocument(document);

    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });
});
