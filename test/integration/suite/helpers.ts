// Shared helpers of the integration tests (not a test file itself).
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'smtpdoctor.smtp-doctor';

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration tests need a workspace folder');
  return folder.uri.fsPath;
}

export function workspaceUri(relative: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), relative));
}

/** Polls until `probe` returns a value that is not undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** SMTP Doctor's problems on a file: errors, warnings and information, not the hints (opportunistic-starttls). */
export function smtpDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return allSmtpDiagnostics(uri).filter((diagnostic) => diagnostic.severity !== vscode.DiagnosticSeverity.Hint);
}

/** SMTP Doctor's hints on a file (shown as dots under the text, not in the Problems panel). */
export function smtpHints(uri: vscode.Uri): vscode.Diagnostic[] {
  return allSmtpDiagnostics(uri).filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Hint);
}

function allSmtpDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'SMTP Doctor');
}

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

export async function activateExtension(): Promise<{ workspaceScanned(): Promise<void> }> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  return (await extension.activate()) as { workspaceScanned(): Promise<void> };
}

/** Puts a document back to `text` and saves it, so that a test's edit never reaches the next test (even if auto-save wrote it). */
export async function restore(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  await vscode.workspace.applyEdit(edit);
  await document.save();
}
