// Quick fixes for SMTP Doctor's diagnostics, fix-all (source.fixAll.smtpDoctor),
// and "Disable rule" actions. The edits themselves come from the engine.
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, disableFileEdit, disableLineEdit, minimalChange, type Finding, type LineIndex, type TextEdit } from '../engine';
import { toRange } from './convert';
import type { DiagnosticsController } from './diagnostics';
import { SHOW_RULE_DOCS_COMMAND } from './ruleDocs';
import { SECTION } from './settings';
import { runInSlices } from './slices';

export const DISABLE_RULE_COMMAND = 'smtpDoctor.disableRule';
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('smtpDoctor');

export class SmtpCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly diagnostics: DiagnosticsController) {}

  // Like CodeLens and hover: the sliced analysis is awaited when the cached one is stale, never run synchronously;
  // the fixes' own analyses (each candidate applied and checked) run in slices too. A newer version: VS Code asks again.
  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const analyzed = await this.diagnostics.analysisWhenReady(document);
    if (!analyzed) return [];
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) {
      // source.fixAll (e.g. editor.codeActionsOnSave) or source.fixAll.smtpDoctor
      return context.only.contains(FIX_ALL_KIND) ? await this.fixAllAction(document, analyzed.lines) : [];
    }
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const finding = analyzed.analysis.findings.find(
        (candidate) => candidate.ruleId === ruleIdOf(diagnostic) && toRange(analyzed.lines, candidate.range).isEqual(diagnostic.range),
      );
      if (!finding) continue;
      const text = document.getText();
      const fixes = await runInSlices(this.diagnostics.fixStepsOf(document.uri, text, finding), {
        cancelled: () => document.version !== analyzed.version,
      });
      for (const fix of fixes ?? []) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.preferred;
        action.edit = new vscode.WorkspaceEdit();
        for (const edit of fix.edits) action.edit.replace(document.uri, toRange(analyzed.lines, edit.range), edit.newText);
        actions.push(action);
      }
      const entries = analyzed.analysis.parse?.entries ?? [];
      const format = analyzed.analysis.format;
      if (format) {
        const text = document.getText();
        const line = analyzed.lines.positionAt(finding.range.start).line;
        // Comments in the file's own syntax (src/engine/suppressions.ts); none where a comment could break it.
        actions.push(
          ...commentAction(`Disable ${finding.ruleId} for this line`, disableLineEdit(format, text, entries, line, finding.ruleId), document, analyzed.lines, diagnostic),
          ...commentAction(`Disable ${finding.ruleId} for this file`, disableFileEdit(format, text, entries, finding.ruleId), document, analyzed.lines, diagnostic),
        );
      }
      actions.push(showDocsAction(finding, diagnostic), disableRuleAction(finding, diagnostic));
    }
    return actions;
  }

  private async fixAllAction(document: vscode.TextDocument, lines: LineIndex): Promise<vscode.CodeAction[]> {
    const text = document.getText();
    const version = document.version;
    const result = await runInSlices(this.diagnostics.fixAllStepsOf(document.uri, text), {
      cancelled: () => document.version !== version,
    });
    if (!result?.applied.length) return [];
    const action = new vscode.CodeAction('Fix all SMTP Doctor problems', FIX_ALL_KIND);
    action.edit = new vscode.WorkspaceEdit();
    const change = minimalChange(text, result.text);
    action.edit.replace(document.uri, toRange(lines, { start: change.start, end: change.end }), change.newText);
    return [action];
  }
}

function ruleIdOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

function commentAction(title: string, edit: TextEdit | undefined, document: vscode.TextDocument, lines: Parameters<typeof toRange>[0], diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
  if (!edit) return [];
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.edit = new vscode.WorkspaceEdit();
  action.edit.replace(document.uri, toRange(lines, edit.range), edit.newText);
  return [action];
}

function showDocsAction(finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(`Show documentation for ${finding.ruleId}`, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.command = { command: SHOW_RULE_DOCS_COMMAND, title: action.title, arguments: [finding.ruleId] };
  return action;
}

function disableRuleAction(finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(`Disable rule ${finding.ruleId} in the workspace settings`, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.command = { command: DISABLE_RULE_COMMAND, title: action.title, arguments: [finding.ruleId] };
  return action;
}

/** What "Disable rule" did, as its notification says it, and how to take it back (the notification's Undo). */
export interface DisabledRule {
  message: string;
  undo(): Promise<void>;
}

/**
 * Turns the rule off in the workspace settings (user settings when no folder is open), then says so,
 * with Undo (the setting as it was) and Open Setting (the settings.json it wrote).
 */
export async function disableRule(ruleId: string): Promise<DisabledRule> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const inWorkspace = !!vscode.workspace.workspaceFolders?.length;
  const target = inWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const inspected = config.inspect<Record<string, string>>('rules');
  const before = inWorkspace ? inspected?.workspaceValue : inspected?.globalValue;
  await config.update('rules', { ...before, [ruleId]: 'off' }, target);
  const disabled: DisabledRule = {
    message: `SMTP Doctor: ${ruleId} is off in the ${inWorkspace ? 'workspace' : 'user'} settings ("smtpDoctor.rules": { "${ruleId}": "off" }).`,
    undo: () => Promise.resolve(vscode.workspace.getConfiguration(SECTION).update('rules', before, target)),
  };
  void vscode.window.showInformationMessage(disabled.message, 'Undo', 'Open Setting').then(async (choice) => {
    if (choice === 'Undo') await disabled.undo();
    if (choice === 'Open Setting') await vscode.commands.executeCommand(inWorkspace ? 'workbench.action.openWorkspaceSettingsFile' : 'workbench.action.openSettingsJson');
  });
  return disabled;
}
