// The three output formats of `smtp-doctor check`: text, JSON and SARIF 2.1.0.
import { LineIndex, ruleDocsUrl, RULES, UNUSED_SUPPRESSION, type Finding, type MessageData, type Severity } from '../engine';

/** One finding located in a file, with 1-based lines and columns. */
export interface FileFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: Severity;
  messageId: string;
  message: string;
  /** Why: the rule's explanation of the message. */
  detail: string;
  /** `file` when the related place is in another file (the `.env` that sets a value), as the adapter named it. */
  related: { file?: string; line: number; column: number; message: string }[];
  /** The values of the message's placeholders, for SARIF's message arguments. */
  data: MessageData;
}

/** `shownPath` names another file as the output names files (relative to the working directory). */
export function locate(file: string, lines: LineIndex, finding: Finding, shownPath: (file: string) => string = (other) => other): FileFinding {
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
    messageId: finding.messageId,
    message: finding.message,
    detail: finding.detail,
    data: finding.data,
    related: finding.related.map((item) => {
      if (item.file) return { file: shownPath(item.file.path), line: item.file.start.line + 1, column: item.file.start.character + 1, message: item.message };
      const at = lines.positionAt(item.range.start);
      return { line: at.line + 1, column: at.character + 1, message: item.message };
    }),
  };
}

/** The JSON contract: `{file, line, column, endLine, endColumn, rule, severity, messageId, message, detail, related}` per finding. */
export function toJson(findings: readonly FileFinding[]): string {
  return JSON.stringify(
    findings.map(({ file, line, column, endLine, endColumn, rule, severity, messageId, message, detail, related }) => ({
      file,
      line,
      column,
      endLine,
      endColumn,
      rule,
      severity,
      messageId,
      message,
      detail,
      related,
    })),
    null,
    2,
  );
}

/**
 * A rule's `{{name}}` template as a SARIF message string (`{0}`, literal braces doubled),
 * with the placeholder names in argument order.
 */
function sarifMessageString(template: string): { text: string; names: string[] } {
  const names: string[] = [];
  const text = template.split(/(\{\{\s*\w+\s*\}\})/).map((part, index) => {
    if (index % 2 === 0) return part.replace(/[{}]/g, '$&$&');
    const name = part.slice(2, -2).trim();
    if (!names.includes(name)) names.push(name);
    return `{${names.indexOf(name)}}`;
  });
  return { text: text.join(''), names };
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** What SARIF describes: the rules, and the engine's own finding on unused suppressions. */
const REPORTED: readonly { id: string; title: string; description: string; severity: Severity; messages: Readonly<Record<string, string>> }[] = [...RULES, UNUSED_SUPPRESSION];

export function toSarif(findings: readonly FileFinding[], version: string): string {
  const messageStrings = new Map(REPORTED.map((rule) => [rule.id, new Map(Object.entries(rule.messages).map(([id, template]) => [id, sarifMessageString(template)]))]));
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
            rules: REPORTED.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.title },
              fullDescription: { text: rule.description },
              helpUri: ruleDocsUrl(rule.id),
              defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
              messageStrings: Object.fromEntries([...messageStrings.get(rule.id)!].map(([id, { text }]) => [id, { text }])),
            })),
          },
        },
        results: findings.map((finding) => ({
          ruleId: finding.rule,
          ruleIndex: REPORTED.findIndex((rule) => rule.id === finding.rule),
          level: SARIF_LEVEL[finding.severity],
          message: {
            id: finding.messageId,
            text: finding.message,
            arguments: messageStrings.get(finding.rule)!.get(finding.messageId)!.names.map((name) => String(finding.data[name])),
          },
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
              artifactLocation: { uri: (item.file ?? finding.file).split('\\').join('/'), uriBaseId: '%SRCROOT%' },
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
  const hints = count('hint');
  // Hints are advice (harden what works), not problems: a tree with hints only has no SMTP problems.
  const summary =
    findings.length === hints
      ? `No SMTP problems found in ${filesChecked} config file${filesChecked === 1 ? '' : 's'}.${hints ? ` ${hints} hint(s).` : ''}`
      : `${count('error')} error(s), ${count('warning')} warning(s), ${count('info') + count('hint')} hint(s) in ${files} of ${filesChecked} config file(s).`;
  return [...lines, ...(lines.length ? [''] : []), summary].join('\n');
}
