// Engine values → VS Code values.
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, type Finding, type LineIndex, type Range, type Severity } from '../engine';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toRange(lines: LineIndex, range: Range): vscode.Range {
  const start = lines.positionAt(range.start);
  const end = lines.positionAt(range.end);
  return new vscode.Range(start.line, start.character, end.line, end.character);
}

/** A diagnostic whose rule code links to `docsTarget(ruleId)`, the packaged docs page (see ruleDocs.ts). */
export function toDiagnostic(uri: vscode.Uri, lines: LineIndex, finding: Finding, docsTarget: (ruleId: string) => vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(lines, finding.range), finding.message, SEVERITY[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.ruleId, target: docsTarget(finding.ruleId) };
  diagnostic.relatedInformation = finding.related.map(
    (item) =>
      new vscode.DiagnosticRelatedInformation(
        item.location
          ? new vscode.Location(vscode.Uri.file(item.location.file), new vscode.Range(item.location.start.line, item.location.start.character, item.location.end.line, item.location.end.character))
          : new vscode.Location(uri, toRange(lines, item.range)),
        item.message,
      ),
  );
  return diagnostic;
}
