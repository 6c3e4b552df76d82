// HJSON reader (Lemmy's config/config.hjson, lemmy.hjson), written for exact ranges and tolerance rather
// than validation. Follows the HJSON syntax page (hjson.github.io/syntax.html) and hjson-js's parser
// (github.com/hjson/hjson-js, lib/hjson-parse.js):
// - the root object may or may not be braced; members are separated by newlines or commas (optional,
//   trailing ones allowed); `#`, `//` and `/* */` are comments;
// - keys: quoted ("…", JSON escapes; '…' too) or quoteless (any run without blanks and `,:[]{}`), then `:`;
// - values: quoted strings, `'''` multiline strings (the indentation of the opening `'''`'s column is
//   removed from every line, and the line breaks after the opening and before the closing quotes; quoteWidth 3),
//   objects, arrays (items use their index), and quoteless strings, which run to the end of the line,
//   `#` and commas included, blanks at the end trimmed. A quoteless value that is a number, `true`, `false` or
//   `null` followed by the end of the line, a comma, a bracket or a comment is typed like JSON (hjson-js
//   "tfnns": `use_tls: true # yes` is the boolean);
// - duplicate keys: the later value wins (hjson-js keeps the last).
// A member it cannot read becomes a ParseError and reading goes on at the next line; nothing throws.

import type { ConfigEntry, ParseResult, Range } from '../types';
import { bomLength, readJsonQuoted, startResult, TooManyEntries, Unreadable, type AddError } from './common';

export const MAX_HJSON_ENTRIES = 100_000;
/** Arrays and objects nested deeper than this are not read (the reader recurses per level). */
const MAX_DEPTH = 256;

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const PUNCTUATOR = /[,:[\]{}]/;

class HjsonReader {
  private pos: number;
  private readonly byPath = new Map<string, number>();

  constructor(
    private readonly text: string,
    private readonly entries: ConfigEntry[],
    private readonly addError: AddError,
  ) {
    this.pos = bomLength(text);
  }

  run(): void {
    try {
      this.skipTrivia();
      const c = this.text[this.pos];
      if (c === '{' || c === '[') {
        this.pos++;
        if (c === '{') this.members([], '}', 0);
        else this.items([], 0);
        this.skipTrivia();
        if (this.pos < this.text.length) this.addError(`Text after the closing ${c === '{' ? 'brace' : 'bracket'} of the root`, { start: this.pos, end: this.text.length });
      } else if (this.pos < this.text.length && !this.text.includes(':')) {
        // A root that is a single value (hjson-js reads `allow quoteless strings` as a string).
        this.value([], undefined, 0);
      } else {
        this.members([], undefined, 0);
      }
    } catch (e) {
      if (!(e instanceof TooManyEntries)) throw e;
    }
  }

  // ---- members and values ---------------------------------------------------

  /** Reads members until `close` (consumed) or the end of the text. */
  private members(path: string[], close: '}' | undefined, depth: number): void {
    const { text } = this;
    for (;;) {
      this.skipTrivia(true);
      if (this.pos >= text.length) {
        if (close) this.addError('Missing } at the end of the file', { start: text.length, end: text.length });
        return;
      }
      const c = text[this.pos];
      if (c === close) {
        this.pos++;
        return;
      }
      if (c === '}' || c === ']') {
        this.addError(`Unexpected ${c}`, { start: this.pos, end: this.pos + 1 });
        this.pos++;
        continue;
      }
      const start = this.pos;
      try {
        const key = this.key();
        this.skipTrivia();
        if (text[this.pos] !== ':') throw new Unreadable('Expected : after the key', { start: key.range.start, end: Math.max(this.pos, key.range.end) });
        this.pos++;
        this.skipTrivia();
        this.value([...path, key.name], key.range, depth + 1);
      } catch (e) {
        if (!(e instanceof Unreadable)) throw e;
        this.addError(e.message, e.range);
        this.pos = Math.max(this.lineEnd(Math.max(start, e.range.start)), start + 1);
      }
    }
  }

  private key(): { name: string; range: Range } {
    const { text } = this;
    const start = this.pos;
    const c = text[start];
    if (c === '"' || c === "'") {
      if (text.startsWith("'''", start)) throw new Unreadable("A key cannot be a ''' string", { start, end: start + 3 });
      return { name: this.quoted(), range: { start, end: this.pos } };
    }
    let end = start;
    while (end < text.length && !/\s/.test(text[end]) && !PUNCTUATOR.test(text[end])) end++;
    if (end === start) throw new Unreadable('Expected a key', { start, end: Math.min(start + 1, text.length) });
    this.pos = end;
    return { name: text.slice(start, end), range: { start, end } };
  }

  private value(path: string[], keyRange: Range | undefined, depth: number): void {
    const { text } = this;
    if (depth > MAX_DEPTH) throw new Unreadable('Nested too deeply', { start: this.pos, end: this.pos + 1 });
    const start = this.pos;
    const c = text[start];
    if (start >= text.length) throw new Unreadable('Expected a value', { start, end: start });
    if (c === '{') {
      this.pos++;
      this.members(path, '}', depth);
      return;
    }
    if (c === '[') {
      this.pos++;
      this.items(path, depth);
      return;
    }
    let entry: ConfigEntry;
    if (text.startsWith("'''", start)) {
      const value = this.multiline();
      entry = { path, value, valueType: 'string', keyRange: keyRange ?? { start, end: this.pos }, valueRange: { start, end: this.pos }, quote: "'", quoteWidth: 3 };
    } else if (c === '"' || c === "'") {
      const value = this.quoted();
      entry = { path, value, valueType: 'string', keyRange: keyRange ?? { start, end: this.pos }, valueRange: { start, end: this.pos }, quote: c };
    } else if (PUNCTUATOR.test(c)) {
      throw new Unreadable(`Unexpected ${c}: a quoteless string cannot start with it`, { start, end: start + 1 });
    } else {
      entry = this.quoteless(path, keyRange);
    }
    this.push(entry);
  }

  private items(path: string[], depth: number): void {
    const { text } = this;
    for (let index = 0; ; index++) {
      this.skipTrivia(true);
      if (this.pos >= text.length) throw new Unreadable('Missing ] at the end of the file', { start: text.length, end: text.length });
      if (text[this.pos] === ']') {
        this.pos++;
        return;
      }
      this.value([...path, String(index)], undefined, depth + 1);
    }
  }

  /** A quoteless value: a number, boolean or null when a terminator follows it, else a string to the end of the line. */
  private quoteless(path: string[], keyRange: Range | undefined): ConfigEntry {
    const { text } = this;
    const start = this.pos;
    const lineEnd = this.lineEnd(start);
    // hjson-js "tfnns": stop at the first terminator if what comes before it is a keyword or a number.
    for (let i = start; i <= lineEnd; i++) {
      const c = text[i];
      const terminator = i === lineEnd || c === ',' || c === '}' || c === ']' || c === '#' || text.startsWith('//', i) || text.startsWith('/*', i);
      if (!terminator) continue;
      const token = text.slice(start, i).trimEnd();
      const typed = token === 'true' || token === 'false' ? 'boolean' : token === 'null' ? 'null' : NUMBER.test(token) ? 'number' : undefined;
      if (typed) {
        this.pos = start + token.length;
        const range = { start, end: this.pos };
        return { path, value: typed === 'null' ? null : token, valueType: typed, keyRange: keyRange ?? range, valueRange: range };
      }
      break;
    }
    let end = lineEnd;
    while (end > start && /\s/.test(text[end - 1])) end--;
    this.pos = lineEnd;
    const range = { start, end };
    return { path, value: text.slice(start, end), valueType: 'string', keyRange: keyRange ?? range, valueRange: range };
  }

  /** A "…" or '…' string (hjson-js: JSON's escapes, and \\' too). */
  private quoted(): string {
    const { value, end } = readJsonQuoted(this.text, this.pos, this.text[this.pos], { "'": "'" });
    this.pos = end;
    return value;
  }

  /** `'''…'''`: as hjson-js's mlString, each line loses up to the opening quotes' column of blanks; one final line break goes. */
  private multiline(): string {
    const { text } = this;
    const start = this.pos;
    const close = text.indexOf("'''", start + 3);
    if (close < 0) throw new Unreadable("Unterminated ''' string", { start, end: text.length });
    const indent = start - (Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('\r', start - 1)) + 1);
    let i = start + 3;
    const skipIndent = () => {
      for (let n = 0; n < indent && (text[i] === ' ' || text[i] === '\t'); n++) i++;
    };
    // Blanks after the opening quotes, then their line break, are skipped.
    while (i < close && (text[i] === ' ' || text[i] === '\t')) i++;
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\n' || text[i] === '\r') {
      i++;
      skipIndent();
    }
    let value = '';
    while (i < close) {
      const c = text[i];
      if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
        value += '\n';
        i++;
        skipIndent();
      } else {
        if (c !== '\r') value += c;
        i++;
      }
    }
    if (value.endsWith('\n')) value = value.slice(0, -1);
    this.pos = close + 3;
    return value;
  }

  private push(entry: ConfigEntry): void {
    if (this.entries.length >= MAX_HJSON_ENTRIES) {
      this.addError(`Too many entries: analysis stopped after ${MAX_HJSON_ENTRIES}`, entry.keyRange);
      throw new TooManyEntries();
    }
    // A later duplicate replaces the earlier value.
    const id = entry.path.join('\u0000');
    const earlier = this.byPath.get(id);
    if (earlier !== undefined) this.entries[earlier] = entry;
    else {
      this.byPath.set(id, this.entries.length);
      this.entries.push(entry);
    }
  }

  // ---- blanks and comments ------------------------------------------------

  /** Skips blanks and comments; line breaks too unless `lines` is false; commas too when `commas`. */
  private skipTrivia(commas = false, lines = true): void {
    const { text } = this;
    while (this.pos < text.length) {
      const c = text[this.pos];
      if (c === ' ' || c === '\t' || c === '\f' || c === '\v' || c === '\ufeff' || c === '\u00a0') this.pos++;
      else if (c === '\n' || c === '\r') {
        if (!lines) return;
        this.pos++;
      } else if (commas && c === ',') this.pos++;
      else if (c === '#' || text.startsWith('//', this.pos)) this.pos = this.lineEnd(this.pos);
      else if (text.startsWith('/*', this.pos)) {
        const end = text.indexOf('*/', this.pos + 2);
        this.pos = end < 0 ? text.length : end + 2;
      } else return;
    }
  }

  private lineEnd(from: number): number {
    const { text } = this;
    let i = from;
    while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    return i;
  }
}

export function parseHjson(text: string): ParseResult {
  const { result, addError } = startResult('hjson', text);
  new HjsonReader(text, result.entries, addError).run();
  return result;
}
