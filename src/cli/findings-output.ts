// The three output formats of `smtp-doctor check`: text, JSON and SARIF 2.1.0.
import { ruleDocsUrl, type Finding } from '../engine/analyze';
import { RULES } from '../engine/rules';
import { LineIndex } from '../engine/text';
import type { Severity } from '../engine/types';

/** One finding located in a file, with 1-based lines and columns. */
export interface FileFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: Severity;
  message: string;
  related: { line: number; column: number; message: string }[];
}

export function locate(file: string, lines: LineIndex, finding: Finding): FileFinding {
  const start = lines.positionAt(finding.range.start);
  const end = lines.positionAt(finding.range.end);
  return {
    file,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    rule: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    related: finding.related.map((item) => {
      const at = lines.positionAt(item.range.start);
      return { line: at.line + 1, column: at.character + 1, message: item.message };
    }),
  };
}

/** The JSON contract: `{file, line, column, endLine, endColumn, rule, severity, message}` per finding. */
export function toJson(findings: readonly FileFinding[]): string {
  return JSON.stringify(
    findings.map(({ file, line, column, endLine, endColumn, rule, severity, message }) => ({ file, line, column, endLine, endColumn, rule, severity, message })),
    null,
    2,
  );
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function toSarif(findings: readonly FileFinding[], version: string): string {
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'SMTP Doctor',
            version,
            informationUri: 'https://github.com/smtpdoctor/smtp-doctor',
            rules: RULES.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.title },
              fullDescription: { text: rule.description },
              helpUri: ruleDocsUrl(rule.id),
              defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
            })),
          },
        },
        results: findings.map((finding) => ({
          ruleId: finding.rule,
          ruleIndex: RULES.findIndex((rule) => rule.id === finding.rule),
          level: SARIF_LEVEL[finding.severity],
          message: { text: finding.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: finding.file.split('\\').join('/'), uriBaseId: '%SRCROOT%' },
                region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
              },
            },
          ],
          relatedLocations: finding.related.map((item, index) => ({
            id: index + 1,
            message: { text: item.message },
            physicalLocation: {
              artifactLocation: { uri: finding.file.split('\\').join('/'), uriBaseId: '%SRCROOT%' },
              region: { startLine: item.line, startColumn: item.column },
            },
          })),
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}

const MARK: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info', hint: 'hint' };

export function toText(findings: readonly FileFinding[], filesChecked: number): string {
  const lines = findings.map((f) => `${f.file}:${f.line}:${f.column}  ${MARK[f.severity].padEnd(7)}  ${f.message}  [${f.rule}]`);
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  const files = new Set(findings.map((f) => f.file)).size;
  const summary =
    findings.length === 0
      ? `No SMTP problems found in ${filesChecked} config file${filesChecked === 1 ? '' : 's'}.`
      : `${count('error')} error(s), ${count('warning')} warning(s), ${count('info') + count('hint')} hint(s) in ${files} of ${filesChecked} config file(s).`;
  return [...lines, ...(lines.length ? [''] : []), summary].join('\n');
}
