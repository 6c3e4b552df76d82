// The VS Code adapter: turns the engine's findings into diagnostics, code
// actions, hovers and CodeLens, and runs the probe. No analysis logic here.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isConfigFile, summarizeGroup } from '../engine';
import { DISABLE_RULE_COMMAND, SmtpCodeActionProvider, disableRule } from './codeActions';
import { SmtpCodeLensProvider } from './codeLens';
import { DiagnosticsController } from './diagnostics';
import { APPLY_EXPLAINED_FIX_COMMAND, EXPLAIN_ERROR_COMMAND, ExplainCommand, SmtpErrorLinkProvider, type ExplanationView, type SettingsMatch } from './explainCommand';
import { SmtpHoverProvider } from './hover';
import { RuleDocs, SHOW_RULE_DOCS_COMMAND } from './ruleDocs';
import { APPLY_PROBE_FIX_COMMAND, CHOOSE_CA_FILE_COMMAND, ProbeCommand } from './probeCommand';
import { SmtpLanguageStatus, type LanguageStatusView } from './languageStatus';
import { ProbePanel } from './probePanel';
import type { ProbeResult } from '../probe';
import { TEST_CONNECTION_COMMAND } from './codeLens';
import { answerRequestsWith } from './slices';
import { YamlParser } from './yaml-parser';

export interface SmtpDoctorApi {
  /** Resolves when the background workspace scan has finished. */
  workspaceScanned(): Promise<void>;
  /** The last probe result shown in the report panel (for tests). */
  lastProbeResult(): ProbeResult | undefined;
  /** The last explanation shown in the report panel, with the panel's HTML (for tests). */
  lastExplanation(): { view: ExplanationView; html: string } | undefined;
  /** The terminal link provider (for tests). */
  readonly terminalLinks: SmtpErrorLinkProvider;
  /** Whether the active editor has SMTP settings: the context key that shows "Test SMTP Connection" in its menu (for tests). */
  activeEditorHasSmtpSettings(): boolean;
  /** The HTML of the last probe report (for tests). */
  lastReportHtml(): string | undefined;
  /** What the last connection test wrote to the Output channel so far (for tests: it is written while the test runs). */
  probeOutput(): readonly string[];
  /** The language-status item as shown (for tests). */
  languageStatus(): LanguageStatusView;
  /** The Workspace Trust questions the connection test asked (for tests). */
  trustQuestions(): readonly string[];
  /** How many big YAML texts the worker thread parsed instead of the host (for tests). */
  yamlWorkerAnswers(): number;
}

const DOCUMENTS: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }];

export function activate(context: vscode.ExtensionContext): SmtpDoctorApi {
  const log = vscode.window.createOutputChannel('SMTP Doctor', { log: true });
  // Big YAML files the partial read cannot outline are parsed whole in a worker thread, not on the host (the bundle's sibling).
  const yamlParser = new YamlParser(path.join(__dirname, 'yaml-worker.js'), { onError: (message) => log.warn(message) });
  answerRequestsWith((request) => yamlParser.parse(request));
  context.subscriptions.push({
    dispose: () => {
      answerRequestsWith(undefined);
      yamlParser.dispose();
    },
  });
  const ruleDocs = new RuleDocs(context.extensionUri);
  const diagnostics = new DiagnosticsController(log, (ruleId) => ruleDocs.target(ruleId));
  const codeLenses = new SmtpCodeLensProvider(diagnostics);
  const probeCommand = new ProbeCommand(diagnostics, log, context.extensionUri);
  const explainCommand = new ExplainCommand(diagnostics, context.extensionUri);
  const terminalLinks = new SmtpErrorLinkProvider();
  const languageStatus = new SmtpLanguageStatus(diagnostics);
  // "Test SMTP Connection" in the editor's context menu only where the file has SMTP settings (not in every JSON file).
  let hasSmtpSettings = false;
  const updateContextKey = (editor: vscode.TextEditor | undefined) => {
    // The last analysis, never a new one on the host: the sliced one under way fires onDidChangeAnalysis (below) when done.
    const value = !!editor && isConfigFile(editor.document.fileName) && (diagnostics.lastAnalysisOf(editor.document)?.analysis.groups.length ?? 0) > 0;
    if (value === hasSmtpSettings) return;
    hasSmtpSettings = value;
    void vscode.commands.executeCommand('setContext', 'smtpDoctor.hasSmtpSettings', value);
  };
  void vscode.commands.executeCommand('setContext', 'smtpDoctor.hasSmtpSettings', false);
  updateContextKey(vscode.window.activeTextEditor);

  context.subscriptions.push(
    log,
    diagnostics,
    codeLenses,
    languageStatus,
    vscode.languages.registerCodeActionsProvider(DOCUMENTS, new SmtpCodeActionProvider(diagnostics), SmtpCodeActionProvider.metadata),
    vscode.languages.registerHoverProvider(DOCUMENTS, new SmtpHoverProvider(diagnostics)),
    vscode.languages.registerCodeLensProvider(DOCUMENTS, codeLenses),
    vscode.window.onDidChangeActiveTextEditor(updateContextKey),
    diagnostics.onDidChangeAnalysis((uri) => {
      const editor = vscode.window.activeTextEditor;
      if (editor?.document.uri.toString() === uri.toString()) updateContextKey(editor);
    }),
    vscode.commands.registerCommand(TEST_CONNECTION_COMMAND, async (uri?: vscode.Uri, groupIndex?: number) => {
      try {
        return await probeCommand.run(uri, groupIndex);
      } catch (error) {
        log.error(`Test SMTP Connection failed: ${error instanceof Error ? error.message : String(error)}`);
        void vscode.window.showErrorMessage(`SMTP Doctor could not run the test: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    }),
    vscode.commands.registerCommand('smtpDoctor.runProbeAgain', () => ProbePanel.runAgain()),
    vscode.commands.registerCommand(APPLY_PROBE_FIX_COMMAND, () => probeCommand.applyReportFix()),
    vscode.commands.registerCommand(CHOOSE_CA_FILE_COMMAND, (file?: vscode.Uri) => probeCommand.chooseCaFile(file instanceof vscode.Uri ? file : undefined)),
    vscode.commands.registerCommand('smtpDoctor.openConfigFile', () => openConfigFile(diagnostics)),
    vscode.commands.registerCommand(SHOW_RULE_DOCS_COMMAND, (ruleId?: string) => ruleDocs.show(ruleId)),
    vscode.commands.registerCommand(DISABLE_RULE_COMMAND, (ruleId: string) => disableRule(ruleId)),
    vscode.commands.registerCommand(EXPLAIN_ERROR_COMMAND, (text?: string) => explainCommand.run(text)),
    vscode.commands.registerCommand(APPLY_EXPLAINED_FIX_COMMAND, (settings?: SettingsMatch) => explainCommand.applyFix(settings)),
    vscode.window.registerTerminalLinkProvider(terminalLinks),
    vscode.commands.registerCommand('smtpDoctor.rescanWorkspace', () => rescanWorkspace(diagnostics)),
  );
  return {
    workspaceScanned: () => diagnostics.scanDone,
    lastProbeResult: () => ProbePanel.lastResult,
    lastExplanation: () => ProbePanel.lastExplanation,
    terminalLinks,
    activeEditorHasSmtpSettings: () => hasSmtpSettings,
    lastReportHtml: () => ProbePanel.lastReportHtml,
    probeOutput: () => probeCommand.outputLines,
    languageStatus: () => languageStatus.view(),
    yamlWorkerAnswers: () => yamlParser.answered,
    trustQuestions: () => probeCommand.trustQuestions,
  };
}

/** The walkthrough's first step: opens a file of the workspace with SMTP settings (a pick when there are several), else the Open File dialog. */
async function openConfigFile(diagnostics: DiagnosticsController): Promise<vscode.Uri | undefined> {
  await diagnostics.scanDone;
  const withSettings = (await diagnostics.workspaceAnalyses()).filter(({ analysis }) => analysis.groups.length > 0);
  if (!withSettings.length) {
    await vscode.commands.executeCommand('workbench.action.files.openFile');
    return undefined;
  }
  const items = withSettings.map(({ uri, analysis }) => ({ label: vscode.workspace.asRelativePath(uri), description: analysis.groups.map(summarizeGroup).join(' · '), uri }));
  const picked = items.length === 1 ? items[0] : await vscode.window.showQuickPick(items, { placeHolder: 'Which config file with SMTP settings should be opened?' });
  if (!picked) return undefined;
  await vscode.window.showTextDocument(picked.uri);
  return picked.uri;
}

/** Checks every config file again, with progress in the status bar and a message saying what it found. */
async function rescanWorkspace(diagnostics: DiagnosticsController): Promise<ReturnType<DiagnosticsController['summary']>> {
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'SMTP Doctor: checking config files' },
    async () => {
      diagnostics.restart();
      await diagnostics.scanDone;
      return diagnostics.summary();
    },
  );
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const problems = summary.errors + summary.warnings;
  const message = `SMTP Doctor checked ${count(summary.filesChecked, 'config file')}: ${
    problems
      ? `${count(summary.errors, 'error')} and ${count(summary.warnings, 'warning')} in ${count(summary.filesWithProblems, 'file')}.`
      : 'no SMTP problems found.'
  }`;
  void vscode.window.showInformationMessage(message, ...(problems ? ['Show Problems'] : [])).then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return summary;
}

export function deactivate(): void {}
