// Java `.properties` parser, following java.util.Properties#load:
// - natural lines end with \n, \r or \r\n; a line ending in an odd number of
//   backslashes continues on the next line, whose leading blanks are dropped;
// - a natural line whose first non-blank character is `#` or `!` is a comment
//   (comments never continue);
// - the key ends at the first unescaped `=`, `:` or blank; blanks, then one
//   optional `=`/`:`, then blanks separate it from the value;
// - escapes: \t \n \r \f, \uXXXX, and `\x` means `x` for any other x;
// - trailing blanks are part of the value (Java and Spring Boot keep them).
// Spring Boot's `#---` / `!---` document separators set `document`.
//
// path: the key split on `.`; Spring's bracket notation keeps the text inside
// brackets as one segment: `a.b[c.d]` → ['a', 'b', 'c.d'], `a[0].b` → ['a', '0', 'b'].

import type { ConfigEntry, ParseResult, Range } from '../types';
import { bomLength, startResult } from './common';

export const MAX_PROPERTIES_ENTRIES = 100_000;

/** Blank characters of the properties format. */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 12;
}

function isEol(c: number): boolean {
  return c === 10 || c === 13;
}

/** Splits a properties key into path segments (see the file comment). */
export function splitPropertyKey(key: string): string[] {
  const path: string[] = [];
  let current = '';
  let i = 0;
  const n = key.length;
  while (i < n) {
    const ch = key[i];
    if (ch === '.') {
      if (current !== '') path.push(current);
      current = '';
      i++;
    } else if (ch === '[') {
      const close = key.indexOf(']', i + 1);
      if (close === -1) {
        current += key.slice(i);
        break;
      }
      if (current !== '') path.push(current);
      current = '';
      path.push(key.slice(i + 1, close));
      i = close + 1;
    } else {
      current += ch;
      i++;
    }
  }
  if (current !== '') path.push(current);
  return path.length > 0 ? path : [key];
}

/** One logical line: pieces of the original text (continuations removed). */
interface LogicalLine {
  /** [start, end) offsets of each natural-line piece, in order. */
  pieces: number[];
  /** Offset just past the last character of the logical line (before its line break). */
  end: number;
  /** Offset where the next logical line starts. */
  next: number;
}

/** Reads the logical line starting at `pos` (which is past the leading blanks of a non-comment line). */
function readLogicalLine(text: string, pos: number): LogicalLine {
  const n = text.length;
  const pieces: number[] = [];
  let start = pos;
  for (;;) {
    let k = start;
    while (k < n && !isEol(text.charCodeAt(k))) k++;
    // Count trailing backslashes.
    let bs = 0;
    while (k - bs - 1 >= start && text.charCodeAt(k - bs - 1) === 92) bs++;
    let nextLine = k;
    if (k < n) nextLine = text.charCodeAt(k) === 13 && text.charCodeAt(k + 1) === 10 ? k + 2 : k + 1;
    if (bs % 2 === 1) {
      pieces.push(start, k - 1);
      if (k >= n) return { pieces, end: k - 1, next: n };
      // Continuation: skip the next line's leading blanks.
      let s = nextLine;
      while (s < n && isBlank(text.charCodeAt(s))) s++;
      start = s;
      continue;
    }
    pieces.push(start, k);
    return { pieces, end: k, next: nextLine };
  }
}

interface Cooked {
  value: string;
  /** Offset (into the original text) where scanning stopped. */
  stop: number;
  error?: Range;
}

/**
 * Unescapes logical-line text from piece offset `from`, stopping (when `stopAtSeparator`)
 * at the first unescaped `=`, `:` or blank.
 */
function cook(text: string, line: LogicalLine, from: number, stopAtSeparator: boolean): Cooked {
  const { pieces } = line;
  let out = '';
  let error: Range | undefined;
  let p = 0;
  while (p < pieces.length && pieces[p + 1] <= from) p += 2;
  for (; p < pieces.length; p += 2) {
    let i = Math.max(pieces[p], from);
    const end = pieces[p + 1];
    let chunkStart = i;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === 92 /* \ */) {
        out += text.slice(chunkStart, i);
        if (i + 1 >= end) {
          // A lone backslash at the end of the text: Java drops it.
          i++;
          chunkStart = i;
          continue;
        }
        const e = text[i + 1];
        switch (e) {
          case 't':
            out += '\t';
            i += 2;
            break;
          case 'n':
            out += '\n';
            i += 2;
            break;
          case 'r':
            out += '\r';
            i += 2;
            break;
          case 'f':
            out += '\f';
            i += 2;
            break;
          case 'u': {
            const hex = text.slice(i + 2, i + 6);
            if (/^[0-9a-fA-F]{4}$/.test(hex) && i + 6 <= end) {
              out += String.fromCharCode(parseInt(hex, 16));
              i += 6;
            } else {
              error ??= { start: i, end: Math.min(i + 6, end) };
              out += 'u';
              i += 2;
            }
            break;
          }
          default:
            out += e;
            i += 2;
        }
        chunkStart = i;
        continue;
      }
      if (stopAtSeparator && (c === 61 || c === 58 || isBlank(c))) {
        out += text.slice(chunkStart, i);
        return { value: out, stop: i, error };
      }
      i++;
    }
    out += text.slice(chunkStart, end);
  }
  return { value: out, stop: line.end, error };
}

/** Next offset in the logical line at or after `pos` (jumping over continuation breaks), or `line.end`. */
function normalize(line: LogicalLine, pos: number): number {
  const { pieces } = line;
  for (let p = 0; p < pieces.length; p += 2) {
    if (pos < pieces[p]) return pieces[p];
    if (pos < pieces[p + 1]) return pos;
  }
  return line.end;
}

export function parseProperties(text: string): ParseResult {
  const { result, addError } = startResult('properties', text);
  const { entries } = result;

  const n = text.length;
  const multiDocument = /^[#!]---[ \t\f]*$/m.test(text);
  let document = 0;
  let pos = bomLength(text);

  while (pos < n) {
    // Leading blanks; empty lines.
    let p = pos;
    while (p < n && isBlank(text.charCodeAt(p))) p++;
    if (p >= n) break;
    const c = text.charCodeAt(p);
    if (isEol(c)) {
      pos = c === 13 && text.charCodeAt(p + 1) === 10 ? p + 2 : p + 1;
      continue;
    }
    if (c === 35 /* # */ || c === 33 /* ! */) {
      let k = p;
      while (k < n && !isEol(text.charCodeAt(k))) k++;
      if (multiDocument && p === pos && /^[#!]---[ \t\f]*$/.test(text.slice(p, k))) document++;
      pos = k < n && text.charCodeAt(k) === 13 && text.charCodeAt(k + 1) === 10 ? k + 2 : k + 1;
      continue;
    }

    const line = readLogicalLine(text, p);
    pos = line.next;
    if (entries.length >= MAX_PROPERTIES_ENTRIES) {
      addError(`Too many entries: analysis stopped after ${MAX_PROPERTIES_ENTRIES}`, { start: p, end: p });
      break;
    }

    const key = cook(text, line, p, true);
    const keyEnd = key.stop;
    // Separator: blanks, one optional `=` or `:`, blanks (continuation breaks are transparent).
    let v = normalize(line, keyEnd);
    let hasSeparator = false;
    while (v < line.end) {
      const ch = text.charCodeAt(v);
      if (isBlank(ch)) {
        v = normalize(line, v + 1);
      } else if (!hasSeparator && (ch === 61 || ch === 58)) {
        hasSeparator = true;
        v = normalize(line, v + 1);
      } else break;
    }
    const value: Cooked = v < line.end ? cook(text, line, v, false) : { value: '', stop: v };
    const escapeError = key.error ?? value.error;
    if (escapeError) addError('Malformed \\uXXXX escape: Java refuses to load this file', escapeError);
    const entry: ConfigEntry = {
      path: splitPropertyKey(key.value),
      value: value.value,
      valueType: 'string',
      keyRange: { start: p, end: keyEnd },
      valueRange: v < line.end ? { start: v, end: line.end } : { start: v, end: v },
    };
    if (multiDocument) entry.document = document;
    entries.push(entry);
  }
  return result;
}
