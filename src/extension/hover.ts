// Hovers on SMTP keys and values: how the framework will connect, what the port is for, the provider's advice.
// The text and range come from the engine's hoverAt, which the language server shows too.
import * as vscode from 'vscode';
import { hoverAt } from '../engine';
import type { DiagnosticsController } from './diagnostics';
import { toRange } from './convert';
import { SHOW_RULE_DOCS_COMMAND } from './ruleDocs';

export class SmtpHoverProvider implements vscode.HoverProvider {
  constructor(private readonly diagnostics: DiagnosticsController) {}

  // Never a synchronous analysis when the cached one is stale (after an edit): the sliced one is awaited.
  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const analyzed = await this.diagnostics.analysisWhenReady(document);
    if (!analyzed) return undefined;
    // Rule links open the packaged docs in VS Code (ruleDocs.ts), not a web page.
    const docsLink = (ruleId: string) => `command:${SHOW_RULE_DOCS_COMMAND}?${encodeURIComponent(JSON.stringify([ruleId]))}`;
    const hover = hoverAt(analyzed.analysis, analyzed.lines, analyzed.lines.offsetAt(position), docsLink);
    if (!hover) return undefined;
    const markdown = new vscode.MarkdownString(hover.markdown, true);
    markdown.isTrusted = { enabledCommands: [SHOW_RULE_DOCS_COMMAND] };
    return new vscode.Hover(markdown, toRange(analyzed.lines, hover.range));
  }
}
