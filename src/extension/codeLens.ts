// A CodeLens above each SMTP setting group: a one-line summary and "Test connection".
import * as vscode from 'vscode';
import { lensOffset, summarizeGroup } from '../engine';
import type { DiagnosticsController } from './diagnostics';
import { SECTION } from './settings';

export const TEST_CONNECTION_COMMAND = 'smtpDoctor.testConnection';

export class SmtpCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly diagnostics: DiagnosticsController) {
    diagnostics.onDidChangeAnalysis(() => this.changed.fire());
  }

  // Never a synchronous analysis when the cached one is stale (after an edit): the sliced one is awaited.
  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!vscode.workspace.getConfiguration(SECTION, document).get<boolean>('codeLens', true)) return [];
    const analyzed = await this.diagnostics.analysisWhenReady(document);
    if (!analyzed) return [];
    const lenses: vscode.CodeLens[] = [];
    const text = document.getText();
    analyzed.analysis.groups.forEach((group, index) => {
      // In YAML above the block that holds the group (`mail:`), never between a key and its children.
      const at = analyzed.lines.positionAt(lensOffset(group, text, analyzed.analysis.format));
      const range = new vscode.Range(at.line, 0, at.line, 0);
      // "Test connection" first: when the editor is narrow (the report beside it) the end of the line is clipped.
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
      lenses.push(new vscode.CodeLens(range, { title: `SMTP: ${summarizeGroup(group)}`, command: '' }));
    });
    return lenses;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
