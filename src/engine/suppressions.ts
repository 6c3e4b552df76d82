// Inline suppressions, written in each format's own comment syntax:
//   # smtp-doctor-disable-next-line [rule …]   the next line
//   KEY=value # smtp-doctor-disable-line [rule …]   this line (where the format allows a trailing comment)
//   # smtp-doctor-disable [rule …]              the whole file
// No rule listed means every rule. Text after ` -- ` is a free description. A directive, or a rule it
// lists, that suppresses nothing is reported as `unused-suppression` (an info finding), like ESLint's
// unused disable directives. A marker inside a setting's key or value (a `#` in a quoted password,
// or anywhere in a `.properties` value, where `#` starts a comment only at the start of a line) is no
// comment: the parser's exact ranges say so.

import * as jsonc from 'jsonc-parser';
import { detectAssignmentLanguage } from './formats/assignments';
import type { TextEdit } from './fixes/types';
import type { RuleFinding } from './rules';
import { LineIndex } from './text';
import type { ConfigEntry, FormatId, Range, Severity } from './types';

export type DirectiveKind = 'disable' | 'disable-line' | 'disable-next-line';

export interface Directive {
  kind: DirectiveKind;
  /** The rule ids listed, with their ranges; empty: every rule. */
  rules: { id: string; range: Range }[];
  /** From the comment marker to the end of the directive (before any ` -- description`). */
  range: Range;
  /** 0-based line of the directive. */
  line: number;
}

/** The finding a useless directive gets: an engine finding, not a rule of src/engine/rules (it judges comments, not SMTP settings). */
export const UNUSED_SUPPRESSION = {
  id: 'unused-suppression',
  severity: 'info' as Severity,
  docsUrl: 'https://github.com/smtpdoctor/smtp-doctor#inline-suppressions',
  title: 'A smtp-doctor-disable comment that suppresses nothing',
  description:
    'A `smtp-doctor-disable…` comment, or a rule it names, that silences no finding: the problem was fixed, the rule is off, or the comment is on the wrong line. Remove it, so that stale suppressions do not hide a problem that comes back.',
  messages: {
    unused: 'Remove this {{directive}} comment: it suppresses no finding {{where}}.',
    unusedRule: 'Remove {{rule}} from this {{directive}} comment: it reports nothing {{where}}.',
    unknownRule: 'Remove or correct {{rule}} in this {{directive}} comment: it is not an SMTP Doctor rule.',
  },
} as const;

export type UnusedSuppressionMessageId = keyof typeof UNUSED_SUPPRESSION.messages;

/** The comment markers a format reads (the first is the one written). */
export function commentMarkers(format: FormatId, text: string): readonly string[] {
  switch (format) {
    case 'json':
      return ['//'];
    case 'hjson':
      return ['#', '//'];
    case 'properties':
      return ['#', '!'];
    case 'ini':
      return ['#', ';'];
    case 'assignments':
      return detectAssignmentLanguage(text) === 'php' ? ['//', '#'] : ['#'];
    case 'code':
      // JavaScript/TypeScript and Python read on tree-sitter: either marker is a comment in one of them.
      return ['//', '#'];
    default:
      return ['#'];
  }
}

const DIRECTIVE = /(#|\/\/|;|!)[ \t]*smtp-doctor-(disable-next-line|disable-line|disable)(?![\w-])([^\r\n]*)/g;

/** The directives in a file's comments. `entries` are the parser's, whose ranges tell a comment from a value. */
export function findDirectives(format: FormatId, text: string, entries: readonly ConfigEntry[], lines = new LineIndex(text)): Directive[] {
  const markers = commentMarkers(format, text);
  const directives: Directive[] = [];
  for (const match of text.matchAll(DIRECTIVE)) {
    const start = match.index;
    if (!markers.includes(match[1])) continue;
    // A comment starts a line or follows a blank ("a#b" is a value in YAML, dotenv and TOML).
    if (start > 0 && !/[ \t\r\n]/.test(text[start - 1])) continue;
    if (entries.some(({ keyRange, valueRange }) => within(start, keyRange) || within(start, valueRange))) continue;
    const kind = match[2] as DirectiveKind;
    const restStart = start + match[0].length - match[3].length;
    const rest = match[3].split(/\s--\s|\*\//)[0];
    const rules: Directive['rules'] = [];
    for (const token of rest.matchAll(/[^\s,]+/g)) rules.push({ id: token[0], range: { start: restStart + token.index, end: restStart + token.index + token[0].length } });
    const end = rules.length ? rules[rules.length - 1].range.end : restStart;
    directives.push({ kind, rules, range: { start, end }, line: lines.positionAt(start).line });
  }
  return directives;
}

function within(offset: number, range: Range): boolean {
  return offset >= range.start && offset < range.end;
}

interface Locatable {
  ruleId: string;
  range: Range;
}

/**
 * Drops the findings the directives suppress, and reports what each directive (or rule it lists)
 * suppressed nothing of. `knownRules` tells a misspelt rule from one that found nothing.
 */
export function applySuppressions<F extends Locatable>(
  findings: readonly F[],
  directives: readonly Directive[],
  lines: LineIndex,
  knownRules: ReadonlySet<string>,
): { kept: F[]; unused: RuleFinding<UnusedSuppressionMessageId>[] } {
  const used = directives.map(() => new Set<string>());
  const kept = findings.filter((finding) => {
    const line = lines.positionAt(finding.range.start).line;
    let suppressed = false;
    directives.forEach((directive, index) => {
      if (!covers(directive, line)) return;
      if (directive.rules.length && !directive.rules.some((rule) => rule.id === finding.ruleId)) return;
      used[index].add(finding.ruleId);
      suppressed = true;
    });
    return !suppressed;
  });
  const unused: RuleFinding<UnusedSuppressionMessageId>[] = [];
  directives.forEach((directive, index) => {
    const data = { directive: `smtp-doctor-${directive.kind}`, where: WHERE[directive.kind] };
    if (!directive.rules.length) {
      if (!used[index].size) unused.push({ range: directive.range, messageId: 'unused', data });
      return;
    }
    for (const rule of directive.rules) {
      if (!knownRules.has(rule.id)) unused.push({ range: rule.range, messageId: 'unknownRule', data: { ...data, rule: rule.id } });
      else if (!used[index].has(rule.id)) unused.push({ range: rule.range, messageId: 'unusedRule', data: { ...data, rule: rule.id } });
    }
  });
  return { kept, unused };
}

const WHERE: Record<DirectiveKind, string> = { disable: 'in this file', 'disable-line': 'on this line', 'disable-next-line': 'on the next line' };

function covers(directive: Directive, line: number): boolean {
  return directive.kind === 'disable' || (directive.kind === 'disable-line' ? line === directive.line : line === directive.line + 1);
}

/**
 * The marker a suppression is written with in this file, or undefined where a comment could break
 * the file: a `.json` file without comments may be read by a strict JSON parser.
 */
export function writableMarker(format: FormatId, text: string): string | undefined {
  if (format === 'json' && !hasJsonComment(text)) return undefined;
  // A code file's language is not told by the format: no comment is written there (they are read, though).
  if (format === 'code') return undefined;
  return commentMarkers(format, text)[0];
}

function hasJsonComment(text: string): boolean {
  const scanner = jsonc.createScanner(text, false);
  for (let token = scanner.scan(); token !== jsonc.SyntaxKind.EOF; token = scanner.scan()) {
    if (token === jsonc.SyntaxKind.LineCommentTrivia || token === jsonc.SyntaxKind.BlockCommentTrivia) return true;
  }
  return false;
}

/**
 * The edit that silences `ruleId` on a line (0-based): the rule added to a `disable-next-line`
 * comment just above, or such a comment written above the line with its indentation.
 */
export function disableLineEdit(format: FormatId, text: string, entries: readonly ConfigEntry[], line: number, ruleId: string): TextEdit | undefined {
  const marker = writableMarker(format, text);
  if (!marker) return undefined;
  const lines = new LineIndex(text);
  const directives = findDirectives(format, text, entries, lines);
  const above = directives.find((directive) => directive.kind === 'disable-next-line' && directive.line === line - 1);
  if (above) return appendRule(above, ruleId);
  const start = lines.offsetAt({ line, character: 0 });
  const indent = /^[ \t]*/.exec(text.slice(start))![0];
  return { range: { start, end: start }, newText: `${indent}${marker} smtp-doctor-disable-next-line ${ruleId}${eolOf(text)}` };
}

/**
 * The edit that silences `ruleId` in the whole file: added to a `disable` comment that lists rules,
 * or such a comment written first (after a `#!` line or PHP's `<?php`, which must stay first).
 */
export function disableFileEdit(format: FormatId, text: string, entries: readonly ConfigEntry[], ruleId: string): TextEdit | undefined {
  const marker = writableMarker(format, text);
  if (!marker) return undefined;
  const lines = new LineIndex(text);
  const existing = findDirectives(format, text, entries, lines).find((directive) => directive.kind === 'disable' && directive.rules.length > 0);
  if (existing) return appendRule(existing, ruleId);
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const firstLineEnd = lines.lineEndOf(bom);
  const keepFirst = /^(#!|<\?php\s*$)/.test(text.slice(bom, firstLineEnd));
  const start = keepFirst ? lines.offsetAt({ line: 1, character: 0 }) : bom;
  const eol = eolOf(text);
  const prefix = keepFirst && start === text.length && !/[\r\n]$/.test(text) ? eol : '';
  return { range: { start, end: start }, newText: `${prefix}${marker} smtp-doctor-disable ${ruleId}${eol}` };
}

function appendRule(directive: Directive, ruleId: string): TextEdit | undefined {
  if (!directive.rules.length || directive.rules.some((rule) => rule.id === ruleId)) return undefined;
  const end = directive.range.end;
  return { range: { start: end, end }, newText: ` ${ruleId}` };
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
