// A CodeLens above each SMTP setting group: a one-line summary and "Test connection".
import * as vscode from 'vscode';
import { summarizeGroup } from '../engine';
import type { DiagnosticsController } from './diagnostics';
import { toRange } from './convert';
import { SECTION } from './settings';

export const TEST_CONNECTION_COMMAND = 'smtpDoctor.testConnection';

export class SmtpCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly diagnostics: DiagnosticsController) {
    diagnostics.onDidChangeAnalysis(() => this.changed.fire());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.getConfiguration(SECTION, document).get<boolean>('codeLens', true)) return [];
    const analyzed = this.diagnostics.analysisOf(document);
    if (!analyzed) return [];
    const lenses: vscode.CodeLens[] = [];
    analyzed.analysis.groups.forEach((group, index) => {
      const first = group.matches.reduce((a, b) => (a.entry.keyRange.start <= b.entry.keyRange.start ? a : b));
      const range = toRange(analyzed.lines, first.entry.keyRange);
      lenses.push(new vscode.CodeLens(range, { title: `SMTP: ${summarizeGroup(group)}`, command: '' }));
      if (group.active && group.host) {
        lenses.push(
          new vscode.CodeLens(range, {
            title: '$(plug) Test connection',
            command: TEST_CONNECTION_COMMAND,
            arguments: [document.uri, index],
            tooltip: 'Connect to this server now and check TLS, the certificate and authentication',
          }),
        );
      }
    });
    return lenses;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
