// Helpers every format parser shares.

import type { ParseError, ParseResult, Range } from '../types';

/** Errors kept per file: past this, more would only bury the first ones. */
export const MAX_ERRORS = 100;

/** The line ending of the first line break (LF when there is none). */
export function detectEol(text: string): '\n' | '\r\n' {
  const i = text.search(/[\r\n]/);
  return i >= 0 && text[i] === '\r' && text[i + 1] === '\n' ? '\r\n' : '\n';
}

/** Offset of the first character after a UTF-8 byte order mark (0 when there is none). */
export function bomLength(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/** The text with a leading byte order mark read as a blank: same offsets, for parsers that refuse the mark. */
export function blankBom(text: string): string {
  return bomLength(text) ? ' ' + text.slice(1) : text;
}

export type AddError = (message: string, range: Range) => void;

/** An empty result for `text`, and the function that records errors in it (capped, ranges clamped to the text). */
export function startResult(format: ParseResult['format'], text: string): { result: ParseResult; addError: AddError } {
  const errors: ParseError[] = [];
  const result: ParseResult = { format, entries: [], errors, eol: detectEol(text) };
  const addError: AddError = (message, range) => {
    if (errors.length >= MAX_ERRORS) return;
    const start = Math.min(Math.max(0, range.start), text.length);
    errors.push({ message, range: { start, end: Math.min(Math.max(start, range.end), text.length) } });
  };
  return { result, addError };
}

/**
 * Thrown by the recursive readers (TOML, HOCON, HJSON) to abandon a statement; caught where reading goes on.
 * Not an Error: garbage throws one per line, and stack traces cost more than the reading.
 */
export class Unreadable {
  constructor(
    readonly message: string,
    readonly range: Range,
    /** Where reading stopped, when going on from there keeps the reader linear (TOML). */
    readonly stop?: number,
  ) {}
}

/** Thrown once a reader has read its maximum of entries: the rest of the file is not read. */
export class TooManyEntries extends Error {}

const JSON_ESCAPES: Readonly<Record<string, string>> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\', '/': '/' };

/**
 * A one-line string quoted with `quote` at `start`, with JSON's escapes (`\uXXXX` included) and any in `extra`
 * (HJSON's `\'`): its value and the offset after the closing quote. Throws Unreadable at a bad escape, or when
 * the line or the text ends first.
 */
export function readJsonQuoted(text: string, start: number, quote: string, extra: Readonly<Record<string, string>> = {}): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < text.length && text[i] !== quote && text[i] !== '\n' && text[i] !== '\r') {
    if (text[i] === '\\') {
      const next = text[i + 1];
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      const escaped = next === undefined ? undefined : (JSON_ESCAPES[next] ?? extra[next]);
      if (escaped !== undefined) {
        value += escaped;
        i += 2;
        continue;
      }
      throw new Unreadable(`Invalid escape \\${next ?? ''} in a quoted string`, { start: i, end: Math.min(i + 2, text.length) });
    }
    value += text[i++];
  }
  if (text[i] !== quote) throw new Unreadable('Unterminated quoted string', { start, end: i });
  return { value, end: i + 1 };
}
