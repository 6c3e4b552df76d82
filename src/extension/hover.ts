// Hovers on SMTP keys and values: how the framework will connect, what the port is for, the provider's advice.
// The text and range come from the engine's hoverAt, which the language server shows too.
import * as vscode from 'vscode';
import { hoverAt } from '../engine';
import type { DiagnosticsController } from './diagnostics';
import { toRange } from './convert';

export class SmtpHoverProvider implements vscode.HoverProvider {
  constructor(private readonly diagnostics: DiagnosticsController) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const analyzed = this.diagnostics.analysisOf(document);
    if (!analyzed) return undefined;
    const hover = hoverAt(analyzed.analysis, analyzed.lines, analyzed.lines.offsetAt(position));
    return hover && new vscode.Hover(new vscode.MarkdownString(hover.markdown, true), toRange(analyzed.lines, hover.range));
  }
}
