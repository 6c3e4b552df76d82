// Removing and adding entries in the line-oriented formats: .env, .properties,
// INI, TOML (keys of tables, not inside inline tables or arrays), and the
// assignments of settings.py, gitlab.rb, Rails and PHP config files
// (statements, and items of hash/dict/array literals).

import type { ConfigEntry } from '../types';
import type { EditEnv } from './env';
import { asIndent, lineEndOf, lineStartOf, restIsBlankOrComment, wholeLines } from './lines';
import type { TextEdit } from './types';

const COMMENT: Record<string, RegExp> = {
  dotenv: /^#/,
  properties: /^$/, // a `#` after a value is part of the value
  ini: /^[;#]/,
  toml: /^#/,
  hocon: /^(#|\/\/)/,
  hjson: /^(#|\/\/|\/\*)/,
  fluentd: /^#/,
  assignments: /^(#|\/\/)/,
};

/** Statement (`X = 1`) or container item (`x: 1`, `'x' => 1`), from the text between key and value. */
function isContainerItem(separator: string): boolean {
  const s = separator.trim();
  return s === ':' || s === '=>';
}

export function removeLineEntry(env: EditEnv, entry: ConfigEntry): TextEdit[] | undefined {
  const { text } = env;
  const start = entry.keyRange.start;
  const end = Math.max(entry.valueRange.end, entry.keyRange.end);
  const lead = text.slice(lineStartOf(text, start), start);
  const separator = text.slice(entry.keyRange.end, entry.valueRange.start);
  if (env.format === 'assignments' && isContainerItem(separator)) return removeContainerItem(env, entry);
  const leadOk = env.format === 'dotenv' ? /^[ \t]*(export[ \t]+)?$/.test(lead) : /^[ \t]*$/.test(lead);
  if (!leadOk) return undefined;
  let after = end;
  if (env.format === 'assignments') after += /^[ \t]*;/.exec(text.slice(end))?.[0].length ?? 0;
  if (!restIsBlankOrComment(text, after, COMMENT[env.format] ?? /^$/)) return undefined;
  return [{ range: wholeLines(text, start, end), newText: '' }];
}

/** The first non-blank character at or after `from` on the same line, and its offset. */
function nextOnLine(text: string, from: number): { char: string; at: number } {
  let i = from;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return { char: text[i] ?? '', at: i };
}

function removeContainerItem(env: EditEnv, entry: ConfigEntry): TextEdit[] | undefined {
  const { text } = env;
  const start = entry.keyRange.start;
  const end = entry.valueRange.end;
  const lineStart = lineStartOf(text, start);
  const next = nextOnLine(text, end);
  const hasComma = next.char === ',';
  const afterItem = hasComma ? next.at + 1 : end;
  const ownLine = /^[ \t]*$/.test(text.slice(lineStart, start)) && restIsBlankOrComment(text, afterItem, COMMENT.assignments);
  if (ownLine) return [{ range: wholeLines(text, start, end), newText: '' }];
  if (hasComma) {
    const following = nextOnLine(text, afterItem);
    return [{ range: { start, end: following.at }, newText: '' }];
  }
  // Last item on a shared line: take the comma before it.
  let before = start;
  while (before > 0 && /[ \t]/.test(text[before - 1])) before--;
  if (text[before - 1] !== ',') return undefined;
  return [{ range: { start: before - 1, end }, newText: '' }];
}

export interface NewLineEntry {
  /** The sibling entry the new one follows and copies its layout from. */
  anchor: ConfigEntry;
  /** The anchor's key as it appears in its key token's text, and what replaces it. */
  anchorName: string;
  name: string;
  /** The value token, quotes included. */
  value: string;
}

/** Adds `name = value` after the anchor entry, laid out like it (indentation, `export`, separator, commas). */
export function addLineEntry(env: EditEnv, added: NewLineEntry): TextEdit[] | undefined {
  const { text } = env;
  const { anchor } = added;
  const keyText = text.slice(anchor.keyRange.start, anchor.keyRange.end);
  const at = keyText.lastIndexOf(added.anchorName);
  if (at < 0) return undefined;
  const newKey = keyText.slice(0, at) + added.name + keyText.slice(at + added.anchorName.length);
  const separator = text.slice(anchor.keyRange.end, anchor.valueRange.start);
  if (/[\r\n]/.test(separator) || anchor.valueRange.start < anchor.keyRange.end) return undefined;
  const lineStart = lineStartOf(text, anchor.keyRange.start);
  const lead = text.slice(lineStart, anchor.keyRange.start);
  const ownLead = env.format === 'dotenv' ? /^[ \t]*(export[ \t]+)?$/.test(lead) : /^[ \t]*$/.test(lead);
  const insertAt = lineEndOf(text, anchor.valueRange.end);

  if (env.format === 'assignments' && isContainerItem(separator)) {
    const next = nextOnLine(text, anchor.valueRange.end);
    const hasComma = next.char === ',';
    const afterItem = hasComma ? next.at + 1 : anchor.valueRange.end;
    const ownLine = ownLead && restIsBlankOrComment(text, afterItem, COMMENT.assignments);
    const item = `${newKey}${separator}${added.value}`;
    if (!ownLine) return [{ range: { start: anchor.valueRange.end, end: anchor.valueRange.end }, newText: `, ${item}` }];
    const edits: TextEdit[] = [];
    if (!hasComma) edits.push({ range: { start: anchor.valueRange.end, end: anchor.valueRange.end }, newText: ',' });
    edits.push({ range: { start: insertAt, end: insertAt }, newText: `${env.eol}${lead}${item}${hasComma ? ',' : ''}` });
    return edits;
  }

  if (!ownLead) return undefined;
  const trailer = env.format === 'assignments' ? (/^[ \t]*;/.exec(text.slice(anchor.valueRange.end))?.[0].trim() ?? '') : '';
  const line = `${asIndentIfNeeded(env, lead)}${newKey}${separator}${added.value}${trailer}`;
  return [{ range: { start: insertAt, end: insertAt }, newText: `${env.eol}${line}` }];
}

function asIndentIfNeeded(env: EditEnv, lead: string): string {
  return env.format === 'dotenv' ? lead : asIndent(lead);
}
