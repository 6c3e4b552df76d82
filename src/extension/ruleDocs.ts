// Rule documentation inside VS Code, offline: the packaged docs/rules.md (and the README for
// unused-suppression), opened at the rule's heading in the Markdown preview. The engine's
// `ruleDocsUrl` names the page and the heading; no web page is opened, so there is no
// external-site prompt and it works without a network.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { RULES, ruleDocsUrl } from '../engine';

export const SHOW_RULE_DOCS_COMMAND = 'smtpDoctor.showRuleDocs';

export interface RuleDocsLocation {
  uri: vscode.Uri;
  /** 0-based line of the rule's heading. */
  line: number;
}

/** GitHub's anchor of a Markdown heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-');
}

export class RuleDocs {
  private readonly lines = new Map<string, string[]>();

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** The packaged page of a rule and the line of its heading (the top of the page when it is not found). */
  locate(ruleId: string): RuleDocsLocation {
    const url = new URL(ruleDocsUrl(ruleId));
    const file = url.pathname.endsWith('/docs/rules.md') ? 'docs/rules.md' : 'README.md';
    const uri = vscode.Uri.joinPath(this.extensionUri, file);
    const anchor = decodeURIComponent(url.hash.slice(1));
    const line = this.linesOf(uri).findIndex((text) => /^#{1,6} /.test(text) && slug(text.replace(/^#+ /, '')) === anchor);
    return { uri, line: Math.max(line, 0) };
  }

  /** Where a diagnostic's rule code links to: the packaged page at the heading (`#L<line>` selects it). */
  target(ruleId: string): vscode.Uri {
    const { uri, line } = this.locate(ruleId);
    return uri.with({ fragment: `L${line + 1}` });
  }

  /** Opens the rule's page at its heading, rendered in the Markdown preview when VS Code has it; without a rule id, asks which. */
  async show(ruleId?: string): Promise<RuleDocsLocation | undefined> {
    ruleId ??= await vscode.window.showQuickPick(
      RULES.map((rule) => ({ label: rule.id, description: rule.title })),
      { title: 'SMTP Doctor: Show Rule Documentation', placeHolder: 'Rule' },
    ).then((picked) => picked?.label);
    if (!ruleId) return undefined;
    const location = this.locate(ruleId);
    const heading = new vscode.Range(location.line, 0, location.line, 0);
    const editor = await vscode.window.showTextDocument(location.uri, { selection: heading, preview: true });
    editor.revealRange(heading, vscode.TextEditorRevealType.AtTop);
    try {
      // The preview opens at the editor's top visible line: the rule's heading.
      await vscode.commands.executeCommand('markdown.showPreview', location.uri);
    } catch {
      // Without the built-in Markdown extension the page stays open as text, at the heading.
    }
    return location;
  }

  private linesOf(uri: vscode.Uri): string[] {
    let lines = this.lines.get(uri.fsPath);
    if (!lines) {
      try {
        lines = fs.readFileSync(uri.fsPath, 'utf8').split(/\r?\n/);
      } catch {
        lines = [];
      }
      this.lines.set(uri.fsPath, lines);
    }
    return lines;
  }
}
