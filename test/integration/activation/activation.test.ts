import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'smtpdoctor.smtp-doctor';

/** Per workspace of test/fixtures/activation/: its only config file and the rule it must report there. */
const EXPECTED: Readonly<Record<string, { file: string; rule: string; line: number }>> = {
  'helm-values': { file: 'values.yaml', rule: 'port-25-submission', line: 14 },
  'k8s-manifest': { file: 'k8s/mailer.yaml', rule: 'host-malformed', line: 15 },
  'rails-production': { file: 'config/environments/production.rb', rule: 'plaintext-on-implicit-tls-port', line: 9 },
  nextcloud: { file: 'config/config.php', rule: 'implicit-tls-on-starttls-port', line: 8 },
  'github-workflow': { file: '.github/workflows/notify.yml', rule: 'implicit-tls-on-starttls-port', line: 13 },
};

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('activation by workspace contents', () => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const expected = folder && EXPECTED[path.basename(folder.uri.path)];

  it('runs on a workspace of test/fixtures/activation with a known expectation', () => {
    assert.ok(folder, 'the run opens a workspace folder');
    assert.ok(expected, `no expectation for workspace ${folder.uri.path}`);
  });

  it('activates by itself, with no file open', async () => {
    // VS Code itself may hold its own files as documents (the user settings.json): only the workspace's count.
    const inWorkspace = (document: vscode.TextDocument) => document.uri.path.startsWith(`${folder!.uri.path}/`);
    assert.deepEqual(vscode.workspace.textDocuments.filter(inWorkspace).map((d) => d.uri.path), []);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'the extension is installed');
    await waitFor('the extension to activate (workspaceContains)', () => (extension.isActive ? true : undefined));
  });

  it("reports the file's finding from the background scan, still without opening it", async () => {
    const uri = vscode.Uri.joinPath(folder!.uri, expected!.file);
    const diagnostics = await waitFor(`diagnostics on ${expected!.file}`, () => {
      const found = vscode.languages.getDiagnostics(uri);
      return found.length ? found : undefined;
    });
    const rules = diagnostics.map((d) => `${typeof d.code === 'object' ? d.code.value : d.code}@${d.range.start.line + 1}`);
    assert.ok(rules.includes(`${expected!.rule}@${expected!.line}`), `got ${rules.join(', ')}`);
    assert.equal(vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString()), false);
  });
});
