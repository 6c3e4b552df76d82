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
