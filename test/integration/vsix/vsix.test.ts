// The packaged extension (.vsix), installed the way a user installs it, in a real
// VS Code: it is loaded from the extensions dir (not the repository), activates
// by itself on a workspace with a .env (workspaceContains:**/.env, nobody calls
// activate()) and reports the expected diagnostics on test/fixtures/workspace.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, ruleOf, smtpDiagnostics, waitFor, workspaceUri } from '../suite/helpers';

// out/test/integration/vsix/ -> repository root
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

interface SmtpDoctorApi {
  workspaceScanned(): Promise<void>;
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(fs.realpathSync(parent), fs.realpathSync(child));
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

describe('the packaged extension (.vsix) in a real VS Code', () => {
  let extension: vscode.Extension<SmtpDoctorApi>;

  it(`${EXTENSION_ID} is installed from the VSIX into the run's extensions dir, not loaded from the repository`, () => {
    const found = vscode.extensions.getExtension<SmtpDoctorApi>(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} not found among ${vscode.extensions.all.map((e) => e.id).join(', ')}`);
    extension = found;
    const extensionsDir = process.env.SMTP_DOCTOR_EXTENSIONS_DIR;
    assert.ok(extensionsDir, 'the harness sets SMTP_DOCTOR_EXTENSIONS_DIR (run with scripts/run-vscode-tests.mjs --install-vsix)');
    assert.ok(isInside(extension.extensionPath, extensionsDir),
      `extensionPath ${extension.extensionPath} is not inside the run's extensions dir ${extensionsDir}`);
    assert.ok(!isInside(extension.extensionPath, REPO_ROOT) && fs.realpathSync(extension.extensionPath) !== fs.realpathSync(REPO_ROOT),
      `extensionPath ${extension.extensionPath} is the development folder`);
    const repoVersion = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version;
    assert.equal(extension.packageJSON.version, repoVersion, 'the installed VSIX is this version');
  });

  it('contains only the bundles and assets (no sources, no node_modules)', () => {
    const root = extension.extensionPath;
    for (const file of ['dist/extension.js', 'dist/yaml-worker.js', 'dist/cli.js', 'media/probe.js', 'media/probe.css', 'media/icon.png', 'docs/rules.md']) {
      assert.ok(fs.existsSync(path.join(root, file)), `${file} is in the VSIX`);
    }
    for (const absent of ['src', 'node_modules', 'test', 'out', 'scripts', 'dist/extension.js.map', 'tsconfig.json']) {
      assert.ok(!fs.existsSync(path.join(root, absent)), `${absent} must not be in the VSIX`);
    }
  });

  it('activates by itself on a workspace with a .env (workspaceContains), without activate() being called', async () => {
    await waitFor('the extension to activate on its own', () => (extension.isActive ? true : undefined), 60_000);
    assert.equal(typeof extension.exports?.workspaceScanned, 'function', 'the activated extension returns its API');
    await extension.exports.workspaceScanned();
  }).timeout(90_000);

  it('reports the expected diagnostics from the workspace scan: .env and config/application.yml, a correct file stays silent', async () => {
    const env = workspaceUri('.env');
    const yml = workspaceUri('config/application.yml');
    const envFound = await waitFor('diagnostics on .env', () => {
      const found = smtpDiagnostics(env);
      return found.length ? found : undefined;
    }, 30_000);
    assert.deepEqual(envFound.map(ruleOf), ['implicit-tls-on-starttls-port']);
    assert.equal(envFound[0].range.start.line, 4);
    assert.equal(envFound[0].severity, vscode.DiagnosticSeverity.Error);
    const ymlFound = await waitFor('diagnostics on config/application.yml', () => {
      const found = smtpDiagnostics(yml);
      return found.length ? found : undefined;
    }, 30_000);
    assert.deepEqual(ymlFound.map(ruleOf), ['cleartext-auth']);
    assert.equal(ymlFound[0].range.start.line, 5);
    assert.deepEqual(smtpDiagnostics(workspaceUri('deploy/.env.production')), [], 'a correct file stays silent');
  }).timeout(90_000);

  it('keeps exactly one diagnostic on .env once it is open in an editor, on the MAIL_SCHEME value', async () => {
    const uri = workspaceUri('.env');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await new Promise((resolve) => setTimeout(resolve, 500)); // let the open-document analysis run
    const diagnostics = await waitFor('diagnostics on the open .env', () => {
      const found = smtpDiagnostics(uri);
      return found.length ? found : undefined;
    });
    assert.deepEqual(diagnostics.map(ruleOf), ['implicit-tls-on-starttls-port']);
    assert.equal(diagnostics[0].range.start.line, 4);
    assert.equal(document.getText(diagnostics[0].range), 'smtps');
  });
});
