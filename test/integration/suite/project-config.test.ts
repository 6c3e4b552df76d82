// The project config file (.smtp-doctor.json / .smtp-doctor.yaml) in a real VS Code: it sets the
// rules, severities and files of open documents and of the workspace scan, is re-read when it
// changes, shows its own mistakes at their line, and gets VS Code's JSON validation from the schema.
// The files are written into the run's copy of the workspace, in a folder of their own, and removed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, ruleOf, smtpDiagnostics, waitFor, workspaceRoot, workspaceUri } from './helpers';

const FOLDER = 'project-config-test';
// Laravel on port 25 to a remote host: port-25-submission, a warning by default.
const PORT_25 = 'MAIL_MAILER=smtp\nMAIL_HOST=smtp.example.com\nMAIL_PORT=25\nMAIL_USERNAME=app\nMAIL_PASSWORD=secret\nMAIL_ENCRYPTION=tls\n';
const TIMEOUT_MS = 20000;

const file = (relative: string) => path.join(workspaceRoot(), FOLDER, relative);
function write(relative: string, text: string): void {
  fs.mkdirSync(path.dirname(file(relative)), { recursive: true });
  fs.writeFileSync(file(relative), text);
}
const uri = (relative: string) => workspaceUri(`${FOLDER}/${relative}`);
const rules = (relative: string) => smtpDiagnostics(uri(relative)).map((diagnostic) => `${ruleOf(diagnostic)}:${vscode.DiagnosticSeverity[diagnostic.severity]}`);
const until = (what: string, relative: string, expected: string[]) =>
  waitFor(`${what} (${relative}: ${JSON.stringify(expected)})`, () => (JSON.stringify(rules(relative)) === JSON.stringify(expected) ? true : undefined), TIMEOUT_MS);

describe('project config file in a real VS Code', () => {
  before(async () => {
    const api = await activateExtension();
    await api.workspaceScanned();
    write('.env', PORT_25);
    write('sub/.env', PORT_25);
    write('deploy/mail.cfg', PORT_25);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    fs.rmSync(path.join(workspaceRoot(), FOLDER), { recursive: true, force: true });
    await waitFor('the folder\'s diagnostics to go', () => (rules('sub/.env').length === 0 ? true : undefined), TIMEOUT_MS);
  });

  it('turns a rule off, changes its severity, shows a malformed file at its line, and updates the open document each time', async () => {
    const document = await vscode.workspace.openTextDocument(uri('.env'));
    await vscode.window.showTextDocument(document);
    await until('the default severity', '.env', ['port-25-submission:Warning']);

    write('.smtp-doctor.json', '{\n  // our relay accepts 25? not here\n  "rules": { "port-25-submission": "off" }\n}\n');
    await until('the rule turned off', '.env', []);
    await until('the rule off in a file that is not open too', 'sub/.env', []);

    // Edited in the editor and saved, as a user does.
    const config = await vscode.workspace.openTextDocument(uri('.smtp-doctor.json'));
    assert.equal(config.languageId, 'jsonc', '.smtp-doctor.json opens as JSON with comments');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(config.uri, config.lineAt(2).range, '  "rules": { "port-25-submission": "error" }');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await config.save());
    await until('the severity changed', '.env', ['port-25-submission:Error']);

    write('.smtp-doctor.json', '{\n  "rules": {\n    "port-25-submision": "off"\n  }\n}\n');
    const errors = await waitFor('the error on the config file', () => {
      const found = smtpDiagnostics(uri('.smtp-doctor.json'));
      return found.length ? found : undefined;
    }, TIMEOUT_MS);
    assert.equal(errors.length, 1);
    assert.equal(errors[0].range.start.line, 2, 'on the line of the misspelt rule (0-based)');
    assert.equal(errors[0].range.start.character, 4);
    assert.equal(errors[0].severity, vscode.DiagnosticSeverity.Error);
    assert.match(errors[0].message, /unknown rule "port-25-submision"/);
    await until('no findings under a malformed config (never a silent fallback to the defaults)', '.env', []);

    fs.rmSync(file('.smtp-doctor.json'));
    await until('the defaults back once the file is gone', '.env', ['port-25-submission:Warning']);
    assert.deepEqual(smtpDiagnostics(uri('.smtp-doctor.json')), [], 'the config file\'s error goes with it');
  });

  it('applies include, exclude and overrides to the workspace scan', async () => {
    await until('the scan before', 'sub/.env', ['port-25-submission:Warning']);
    assert.deepEqual(rules('deploy/mail.cfg'), [], 'a .cfg file is not read by default');
    write('.smtp-doctor.yaml', [
      'include: ["deploy/*.cfg"]',
      'exclude: ["sub/**"]',
      'overrides:',
      '  - files: ["deploy/**"]',
      '    rules: { port-25-submission: error }',
      '  - files: [".env"]',
      '    context: mail-server',
      '',
    ].join('\n'));
    await until('an included file, with its override\'s severity', 'deploy/mail.cfg', ['port-25-submission:Error']);
    await until('an excluded file', 'sub/.env', []);
    await until('an override\'s context (port 25 is normal for a mail server)', '.env', []);
    fs.rmSync(file('.smtp-doctor.yaml'));
    await until('the scan after', 'sub/.env', ['port-25-submission:Warning']);
    await until('an included file no more', 'deploy/mail.cfg', []);
  });

  it('the explicit smtpDoctor.rules setting wins over the file', async () => {
    write('.smtp-doctor.json', '{ "rules": { "port-25-submission": "off" } }\n');
    await until('the file', 'sub/.env', []);
    await vscode.workspace.getConfiguration('smtpDoctor').update('rules', { 'port-25-submission': 'info' }, vscode.ConfigurationTarget.Workspace);
    try {
      await until('the setting', 'sub/.env', ['port-25-submission:Information']);
    } finally {
      await vscode.workspace.getConfiguration('smtpDoctor').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      fs.rmSync(file('.smtp-doctor.json'));
    }
    await until('the defaults', 'sub/.env', ['port-25-submission:Warning']);
  });

  it('VS Code\'s JSON language service validates .smtp-doctor.json with the contributed schema and completes rule ids', async () => {
    write('.smtp-doctor.json', '{\n  "rules": {\n    "no-such-rule": "off"\n  },\n  "context": "relay"\n}\n');
    const document = await vscode.workspace.openTextDocument(uri('.smtp-doctor.json'));
    await vscode.window.showTextDocument(document);
    const schemaDiagnostics = await waitFor('schema diagnostics', () => {
      const found = vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source !== 'SMTP Doctor');
      return found.length >= 2 ? found : undefined;
    }, TIMEOUT_MS);
    const lines = schemaDiagnostics.map((diagnostic) => diagnostic.range.start.line).sort();
    assert.deepEqual(lines, [2, 4], schemaDiagnostics.map((diagnostic) => diagnostic.message).join('; '));
    assert.ok(schemaDiagnostics.some((diagnostic) => /no-such-rule/.test(diagnostic.message) || /not allowed/i.test(diagnostic.message)));
    // On a key inside "rules", the completion lists the rule ids.
    const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(2, 5));
    const labels = completions.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label).replace(/"/g, ''));
    assert.ok(labels.includes('implicit-tls-on-starttls-port'), labels.join(', '));
    fs.rmSync(file('.smtp-doctor.json'));
  });
});
