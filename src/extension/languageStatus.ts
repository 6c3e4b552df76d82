// The language-status item ({} in the status bar, as ESLint's): what SMTP Doctor found in this file and in the
// workspace, with "Test connection" where the file has SMTP settings (else "Rescan Workspace").
import * as vscode from 'vscode';
import { TEST_CONNECTION_COMMAND } from './codeLens';
import type { DiagnosticsController } from './diagnostics';

/** The languages of the files SMTP Doctor reads (config files and the code readers'). */
export const STATUS_LANGUAGES = [
  'dotenv', 'properties', 'ini', 'yaml', 'dockercompose', 'json', 'jsonc', 'toml', 'python', 'php', 'ruby',
  'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'csharp', 'java', 'go',
];

export interface LanguageStatusView {
  text: string;
  detail: string;
  command: string | undefined;
  severity: vscode.LanguageStatusSeverity;
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export class SmtpLanguageStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('smtpDoctor.status', STATUS_LANGUAGES.map((language) => ({ language })));
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly diagnostics: DiagnosticsController) {
    this.item.name = 'SMTP Doctor';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      diagnostics.onDidChangeAnalysis(() => this.schedule()),
    );
    void diagnostics.scanDone.then(() => this.update());
    this.update();
  }

  /** What the item shows now (for tests). */
  view(): LanguageStatusView {
    return { text: this.item.text, detail: this.item.detail ?? '', command: this.item.command?.command, severity: this.item.severity };
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, 200);
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    // The last result: a new one fires onDidChangeAnalysis, which updates this again.
    const analyzed = editor && this.diagnostics.lastAnalysisOf(editor.document);
    const groups = analyzed?.analysis.groups.length ?? 0;
    const here = editor ? vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'SMTP Doctor') : [];
    const errors = here.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = here.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    const workspace = this.diagnostics.summary();
    const problems = workspace.errors + workspace.warnings;
    this.item.text = groups ? `$(mail) SMTP: ${here.length ? count(here.length, 'problem') : 'no problems'}` : '$(mail) SMTP Doctor';
    this.item.detail = `${groups ? `${count(groups, 'group')} of SMTP settings here · ` : 'No SMTP settings in this file · '}${count(workspace.filesChecked, 'config file')} checked, ${
      problems ? `${count(problems, 'problem')} in ${count(workspace.filesWithProblems, 'file')}` : 'no problems'
    }`;
    this.item.severity = errors ? vscode.LanguageStatusSeverity.Error : warnings ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    this.item.command = groups
      ? { command: TEST_CONNECTION_COMMAND, title: 'Test connection', tooltip: 'Test the SMTP settings of this file against the server' }
      : { command: 'smtpDoctor.rescanWorkspace', title: 'Rescan workspace', tooltip: 'Check every config file again' };
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.item.dispose();
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
