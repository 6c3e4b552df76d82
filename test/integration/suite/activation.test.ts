import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, waitFor } from './helpers';

describe('activation', () => {
  it(`extension ${EXTENSION_ID} is installed`, () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} not found among ${vscode.extensions.all.length} extensions`);
  });

  it('activates by itself on a workspace that contains a .env file (workspaceContains), without activate() being called', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    await waitFor('activation by workspaceContains:**/.env', () => (extension.isActive ? true : undefined), 15000);
  });

  it('declares only lazy activation events (no "*", no onStartupFinished)', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const pkg = JSON.parse(fs.readFileSync(path.join(extension.extensionPath, 'package.json'), 'utf8'));
    const events: string[] = pkg.activationEvents;
    assert.ok(events.length > 0);
    for (const event of events) assert.match(event, /^(workspaceContains|onLanguage):/, event);
  });
});
