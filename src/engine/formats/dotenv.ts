// `.env` parser. It mirrors what `dotenv.parse()` (the default, regex based
// parser of the `dotenv` package) reads, but scans the original text so that
// every key and value keeps its exact offsets, and it does so in linear time
// (dotenv's regex can go quadratic on hostile input).
//
// dotenv's rule, restated as a scanner:
//   line    := ws* ('export' ws+)? KEY sep value? ws* ('#' ...)? EOL
//   KEY     := [A-Za-z0-9_.-]+
//   sep     := ws* '='   |   ':' <one whitespace char>
//   value   := ws* QUOTED (only if the rest of its last line is blank or a comment)
//            | [^#\r\n]+ (trimmed)
// `ws` is JavaScript's `\s` (it includes line breaks and the BOM). Quoted
// values may span lines; a quote preceded by a backslash does not close the
// value unless nothing else can. Double-quoted values expand `\n` and `\r`.

import type { ConfigEntry, ParseResult, Range } from '../types';
import { startResult } from './common';

/** Parsing stops (with an error) after this many entries: a guard against hostile input. */
export const MAX_DOTENV_ENTRIES = 100_000;

type Quote = '"' | "'" | '`';

/** JavaScript `\s`. */
function isWs(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** JavaScript line terminators (where `^` and `$` match in multiline mode). */
function isLineTerminator(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

function isKeyChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || // 0-9
    (c >= 65 && c <= 90) || // A-Z
    (c >= 97 && c <= 122) || // a-z
    c === 95 || // _
    c === 46 || // .
    c === 45 // -
  );
}

/** Finds closing quotes in linear total time over one parse (searches only move forward). */
class QuoteFinder {
  /** Per quote char: the last search's start and result (-1: none until the end). */
  private readonly memo = new Map<string, { from: number; found: number }>();
  /** Per quote char: the last escaped-candidate search. */
  private readonly escMemo = new Map<string, { upper: number; lower: number; found: number }>();

  constructor(private readonly text: string) {}

  /** First `q` at or after `from` that is not preceded by a backslash. */
  firstUnescaped(q: string, from: number): number {
    const m = this.memo.get(q);
    if (m && from >= m.from && (m.found === -1 || from <= m.found)) return m.found;
    const text = this.text;
    let j = text.indexOf(q, from);
    while (j !== -1 && text.charCodeAt(j - 1) === 92 /* \ */) j = text.indexOf(q, j + 1);
    this.memo.set(q, { from, found: j });
    return j;
  }

  /**
   * Last `q` in (lower, upper) that is preceded by a backslash and followed by
   * nothing but blanks or a comment on its line; -1 if none.
   */
  lastEscapedClosing(q: string, lower: number, upper: number): number {
    const m = this.escMemo.get(q);
    if (m && m.upper === upper && lower >= m.lower) return m.found > lower ? m.found : -1;
    const text = this.text;
    let found = -1;
    let j = text.lastIndexOf(q, upper - 1);
    while (j > lower) {
      if (text.charCodeAt(j - 1) === 92 && tailIsBlankOrComment(text, j + 1)) {
        found = j;
        break;
      }
      j = text.lastIndexOf(q, j - 1);
    }
    this.escMemo.set(q, { upper, lower, found });
    return found;
  }
}

/** True if from `pos` to the end of its line there are only blanks, optionally followed by `#...`. */
function tailIsBlankOrComment(text: string, pos: number): boolean {
  let k = pos;
  const n = text.length;
  while (k < n) {
    const c = text.charCodeAt(k);
    if (isLineTerminator(c) || c === 35 /* # */) return true;
    if (!isWs(c)) return false;
    k++;
  }
  return true;
}

/** Offset just past the next line terminator at or after `pos` (or the end of the text). */
function nextLineStart(text: string, pos: number): number {
  const n = text.length;
  let k = pos;
  while (k < n && !isLineTerminator(text.charCodeAt(k))) k++;
  if (k >= n) return n;
  if (text.charCodeAt(k) === 13 && text.charCodeAt(k + 1) === 10) return k + 2;
  return k + 1;
}

/** Offset of the end of the line holding `pos` (before its line break). */
function lineEnd(text: string, pos: number): number {
  const n = text.length;
  let k = pos;
  while (k < n && !isLineTerminator(text.charCodeAt(k))) k++;
  return k;
}

/** The value transformations dotenv applies after extracting the raw (trimmed) value. */
function cookValue(raw: string): string {
  let value = raw.indexOf('\r') === -1 ? raw : raw.replace(/\r\n?/g, '\n');
  const first = value[0];
  value = value.replace(/^(['"`])([\s\S]*)\1$/gm, '$2');
  if (first === '"') value = value.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
  return value;
}

interface KeySep {
  keyStart: number;
  keyEnd: number;
  /** Where the value may start (just past the separator). */
  valueStart: number;
}

function matchKeyAndSeparator(text: string, start: number): KeySep | undefined {
  const n = text.length;
  let e = start;
  while (e < n && isKeyChar(text.charCodeAt(e))) e++;
  if (e === start) return undefined;
  let s = e;
  while (s < n && isWs(text.charCodeAt(s))) s++;
  if (text.charCodeAt(s) === 61 /* = */) return { keyStart: start, keyEnd: e, valueStart: s + 1 };
  if (text.charCodeAt(e) === 58 /* : */ && e + 1 < n && isWs(text.charCodeAt(e + 1))) {
    // `KEY: value` takes exactly one whitespace character after the colon (CRLF counts as one).
    let v = e + 2;
    if (text.charCodeAt(e + 1) === 13 && text.charCodeAt(e + 2) === 10) v = e + 3;
    return { keyStart: start, keyEnd: e, valueStart: v };
  }
  return undefined;
}

export function parseDotenv(text: string): ParseResult {
  const { result, addError } = startResult('dotenv', text);
  const { entries } = result;

  const n = text.length;
  const quotes = new QuoteFinder(text);
  let pos = 0;

  while (pos < n) {
    // Skip blanks (including empty lines and a BOM).
    let p = pos;
    while (p < n && isWs(text.charCodeAt(p))) p++;
    if (p >= n) break;

    const c0 = text.charCodeAt(p);
    if (c0 === 35 /* # */) {
      pos = nextLineStart(text, p);
      continue;
    }

    let ks: KeySep | undefined;
    if (text.startsWith('export', p) && p + 6 < n && isWs(text.charCodeAt(p + 6))) {
      let q = p + 6;
      while (q < n && isWs(text.charCodeAt(q))) q++;
      ks = matchKeyAndSeparator(text, q);
    }
    if (!ks) ks = matchKeyAndSeparator(text, p);
    if (!ks) {
      const end = lineEnd(text, p);
      addError('Not a KEY=VALUE line: dotenv ignores it', { start: p, end });
      pos = nextLineStart(text, p);
      continue;
    }

    if (entries.length >= MAX_DOTENV_ENTRIES) {
      addError(`Too many entries: analysis stopped after ${MAX_DOTENV_ENTRIES}`, { start: p, end: p });
      break;
    }

    const v = ks.valueStart;
    const key = text.slice(ks.keyStart, ks.keyEnd);
    const keyRange: Range = { start: ks.keyStart, end: ks.keyEnd };

    // Quoted value?
    let w = v;
    while (w < n && isWs(text.charCodeAt(w))) w++;
    const qc = text.charCodeAt(w);
    if (qc === 39 || qc === 34 || qc === 96) {
      const q = text[w] as Quote;
      let close: number;
      const q1 = quotes.firstUnescaped(q, w + 1);
      if (q1 !== -1 && tailIsBlankOrComment(text, q1 + 1)) close = q1;
      else close = quotes.lastEscapedClosing(q, w + 1, q1 === -1 ? n : q1);
      if (close !== -1) {
        entries.push({
          path: [key],
          value: cookValue(text.slice(w, close + 1)),
          valueType: 'string',
          keyRange,
          valueRange: { start: w, end: close + 1 },
          quote: q,
        });
        pos = nextLineStart(text, close + 1);
        continue;
      }
      addError(
        `Unterminated ${q} quote: dotenv reads this value literally, quote included`,
        { start: w, end: Math.max(w + 1, lineEnd(text, w)) },
      );
    }

    // Unquoted value: up to `#` or the end of the line, trimmed.
    let end = v;
    while (end < n) {
      const c = text.charCodeAt(end);
      if (c === 35 || c === 10 || c === 13) break;
      end++;
    }
    let a = v;
    let b = end;
    while (a < b && isWs(text.charCodeAt(a))) a++;
    while (b > a && isWs(text.charCodeAt(b - 1))) b--;
    const raw = text.slice(a, b);
    const entry: ConfigEntry = {
      path: [key],
      value: cookValue(raw),
      valueType: 'string',
      keyRange,
      valueRange: a < b ? { start: a, end: b } : { start: v, end: v },
    };
    const f = raw[0];
    if (raw.length >= 2 && (f === '"' || f === "'" || f === '`') && raw[raw.length - 1] === f) entry.quote = f;
    entries.push(entry);
    pos = nextLineStart(text, end);
  }
  return result;
}
