// Hovers on SMTP keys and values: how the framework will connect, what the port is for, the provider's advice.
import * as vscode from 'vscode';
import { hoverMarkdown } from '../engine';
import type { DiagnosticsController } from './diagnostics';
import { toRange } from './convert';

export class SmtpHoverProvider implements vscode.HoverProvider {
  constructor(private readonly diagnostics: DiagnosticsController) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const analyzed = this.diagnostics.analysisOf(document);
    if (!analyzed) return undefined;
    const offset = analyzed.lines.offsetAt(position);
    for (const group of analyzed.analysis.groups) {
      const match = group.matches.find(({ entry }) => within(offset, entry.keyRange) || within(offset, entry.valueRange));
      if (!match) continue;
      const line = position.line;
      const ruleIds = analyzed.analysis.findings
        .filter((finding) => analyzed.lines.positionAt(finding.range.start).line === line)
        .map((finding) => finding.ruleId);
      const markdown = new vscode.MarkdownString(hoverMarkdown(group, ruleIds), true);
      const { entry } = match;
      const start = Math.min(entry.keyRange.start, entry.valueRange.start);
      const end = Math.max(entry.keyRange.end, entry.valueRange.end);
      return new vscode.Hover(markdown, toRange(analyzed.lines, { start, end }));
    }
    return undefined;
  }
}

function within(offset: number, range: { start: number; end: number }): boolean {
  return offset >= range.start && offset <= range.end;
}
