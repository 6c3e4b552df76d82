// TOML reader (TOML 1.0: config.toml of Go, Rust and Python apps), written
// for exact ranges and tolerance rather than validation:
// - `[table]` and `[[array.of.tables]]` headers set the path prefix; an array
//   of tables contributes its element index (`[[servers]]` → ['servers', '0']),
//   and later headers below it (`[servers.tls]`) go into its last element;
// - keys may be bare, quoted or dotted (`smtp."tls.mode"` → ['smtp', 'tls.mode']);
//   keyRange covers the whole key as written;
// - values: basic and literal strings, their multi-line forms (quoteWidth 3),
//   integers (decimal, hex, octal, binary; value in decimal), floats, booleans
//   (typed like YAML/JSON), dates and times (as strings), arrays (items use
//   their index, keyRange = valueRange as for JSON) and inline tables;
// - a line it cannot read becomes a ParseError and reading goes on at the
//   next line; nothing throws.

import type { ConfigEntry, ParseResult, Range } from '../types';
import { bomLength, startResult, TooManyEntries, Unreadable, type AddError } from './common';

export const MAX_TOML_ENTRIES = 100_000;
/** Arrays and inline tables nested deeper than this are not read (the reader recurses per level). */
const MAX_DEPTH = 256;
/** Keys with more dotted parts are not read: every entry below a table copies its path. */
const MAX_KEY_PARTS = 128;

const BARE_KEY = /[A-Za-z0-9_-]/;
const ESCAPES: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\' };

interface Key {
  segments: string[];
  range: Range;
}

interface Scalar {
  value: string;
  valueType: ConfigEntry['valueType'];
  quote?: '"' | "'";
  quoteWidth?: number;
}

class TomlReader {
  private pos: number;
  private table: string[] = [];
  /** Current element index of each array of tables, by its path joined with NUL. */
  private readonly arrays = new Map<string, number>();
  private readonly seen = new Set<string>();
  /** Per quote character: an offset after which no multi-line closing delimiter exists (keeps unterminated strings linear). */
  private readonly noCloseAfter = new Map<string, number>();

  constructor(
    private readonly text: string,
    private readonly entries: ConfigEntry[],
    private readonly addError: AddError,
  ) {
    this.pos = bomLength(text);
  }

  run(): void {
    const { text } = this;
    while (this.skipTrivia(true) < text.length) {
      const lineStart = this.pos;
      try {
        if (text[this.pos] === '[') this.header();
        else this.keyValue(this.table, 0);
        this.endOfLine();
      } catch (e) {
        if (e instanceof TooManyEntries) return;
        if (!(e instanceof Unreadable)) throw e;
        this.addError(e.message, e.range);
        this.pos = this.lineEnd(Math.max(lineStart, e.range.start, e.stop ?? 0));
      }
    }
  }

  // ---- lexing -------------------------------------------------------------

  /** Skips blanks and comments, and line breaks when `newlines`; returns the new position. */
  private skipTrivia(newlines: boolean): number {
    const { text } = this;
    for (;;) {
      const c = text[this.pos];
      if (c === ' ' || c === '\t' || (newlines && (c === '\n' || c === '\r'))) this.pos++;
      else if (c === '#') this.pos = this.lineEnd(this.pos);
      else return this.pos;
    }
  }

  /** Offset of the line break ending the line that holds `from` (or the end of the text). */
  private lineEnd(from: number): number {
    const { text } = this;
    let k = from;
    while (k < text.length && text[k] !== '\n' && text[k] !== '\r') k++;
    return k;
  }

  private fail(message: string, start = this.pos, end = Math.max(start + 1, this.lineEnd(start))): never {
    throw new Unreadable(message, { start, end }, this.pos);
  }

  private endOfLine(): void {
    this.skipTrivia(false);
    const c = this.text[this.pos];
    if (this.pos < this.text.length && c !== '\n' && c !== '\r') this.fail('Expected the end of the line');
  }

  private expect(ch: string, what: string): void {
    if (this.text[this.pos] !== ch) this.fail(`Expected ${what}`);
    this.pos++;
  }

  // ---- statements ---------------------------------------------------------

  private header(): void {
    const start = this.pos;
    const isArray = this.text.startsWith('[[', start);
    this.pos += isArray ? 2 : 1;
    this.skipTrivia(false);
    const key = this.key();
    this.skipTrivia(false);
    if (!this.text.startsWith(isArray ? ']]' : ']', this.pos)) this.fail(`Table header without a closing "${isArray ? ']]' : ']'}"`, start);
    this.pos += isArray ? 2 : 1;
    if (!isArray) {
      this.table = this.inArrays(key.segments);
      return;
    }
    const parent = this.inArrays(key.segments.slice(0, -1));
    const path = [...parent, key.segments[key.segments.length - 1]];
    const id = path.join('\0');
    const index = (this.arrays.get(id) ?? -1) + 1;
    this.arrays.set(id, index);
    this.table = [...path, String(index)];
  }

  /** A header's key path with the current element index after each array of tables it passes through. */
  private inArrays(segments: string[]): string[] {
    const out: string[] = [];
    let id = '';
    for (const segment of segments) {
      out.push(segment);
      id = out.length > 1 ? `${id}\0${segment}` : segment;
      const index = this.arrays.get(id);
      if (index !== undefined) {
        out.push(String(index));
        id += `\0${index}`;
      }
    }
    return out;
  }

  private keyValue(prefix: string[], depth: number): void {
    const key = this.key();
    this.skipTrivia(false);
    this.expect('=', '"=" after the key');
    this.skipTrivia(false);
    this.value([...prefix, ...key.segments], key.range, depth);
  }

  private key(): Key {
    const start = this.pos;
    const segments: string[] = [];
    for (;;) {
      if (segments.length >= MAX_KEY_PARTS) this.fail(`Key with more than ${MAX_KEY_PARTS} dotted parts`, start);
      segments.push(this.simpleKey());
      const afterSegment = this.pos;
      this.skipTrivia(false);
      if (this.text[this.pos] !== '.') {
        this.pos = afterSegment;
        return { segments, range: { start, end: afterSegment } };
      }
      this.pos++;
      this.skipTrivia(false);
    }
  }

  private simpleKey(): string {
    const { text } = this;
    const c = text[this.pos];
    if (c === '"' || c === "'") {
      if (text.startsWith(c.repeat(3), this.pos)) this.fail('A key cannot be a multi-line string');
      return this.singleLineString(c).value;
    }
    const start = this.pos;
    while (this.pos < text.length && BARE_KEY.test(text[this.pos])) this.pos++;
    if (this.pos === start) this.fail('Expected a key');
    return text.slice(start, this.pos);
  }

  // ---- values -------------------------------------------------------------

  private value(path: string[], keyRange: Range | undefined, depth: number): void {
    if (depth > MAX_DEPTH) this.fail(`Nested too deeply to analyze (more than ${MAX_DEPTH} levels)`, this.pos, this.pos);
    const c = this.text[this.pos];
    if (c === '[') return this.array(path, depth + 1);
    if (c === '{') return this.inlineTable(path, depth + 1);
    const start = this.pos;
    const scalar = this.scalar();
    const valueRange = { start, end: this.pos };
    this.push({ path, ...scalar, keyRange: keyRange ?? valueRange, valueRange });
  }

  private push(entry: ConfigEntry): void {
    if (this.entries.length >= MAX_TOML_ENTRIES) {
      this.addError(`Too many entries: analysis stopped after ${MAX_TOML_ENTRIES}`, entry.keyRange);
      throw new TooManyEntries();
    }
    const id = entry.path.join('\0');
    if (this.seen.has(id)) this.addError(`Duplicate key "${entry.path.join('.')}"`, entry.keyRange);
    this.seen.add(id);
    this.entries.push(entry);
  }

  private array(path: string[], depth: number): void {
    const start = this.pos;
    this.pos++;
    for (let index = 0; ; index++) {
      this.skipTrivia(true);
      if (this.text[this.pos] === ']') break;
      if (this.pos >= this.text.length) this.fail('Array without a closing "]"', start);
      this.value([...path, String(index)], undefined, depth);
      this.skipTrivia(true);
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] !== ']') this.fail('Expected "," or "]" in the array', start, this.pos + 1);
    }
    this.pos++;
  }

  private inlineTable(path: string[], depth: number): void {
    const start = this.pos;
    this.pos++;
    this.skipTrivia(true);
    while (this.text[this.pos] !== '}') {
      this.keyValue(path, depth);
      this.skipTrivia(true);
      if (this.text[this.pos] === ',') {
        this.pos++;
        this.skipTrivia(true);
      } else if (this.text[this.pos] !== '}') this.fail('Expected "," or "}" in the inline table', start, this.pos + 1);
    }
    this.pos++;
  }

  private scalar(): Scalar {
    const { text } = this;
    const c = text[this.pos];
    if (c === '"' || c === "'") {
      return text.startsWith(c.repeat(3), this.pos) ? this.multiLineString(c) : this.singleLineString(c);
    }
    const start = this.pos;
    while (this.pos < text.length && /[A-Za-z0-9_+\-.:]/.test(text[this.pos])) this.pos++;
    // A date and a time may be separated by a space: `1979-05-27 07:32:00Z`.
    if (/^\d{4}-\d{2}-\d{2}$/.test(text.slice(start, this.pos)) && /^ \d{2}:/.test(text.slice(this.pos, this.pos + 4))) {
      this.pos++;
      while (this.pos < text.length && /[0-9:.+\-Zz]/.test(text[this.pos])) this.pos++;
    }
    const token = text.slice(start, this.pos);
    const scalar = readBare(token);
    if (!scalar) this.fail(token ? `Not a TOML value: ${token}` : 'Expected a value', start);
    return scalar;
  }

  private singleLineString(q: '"' | "'"): Scalar {
    const { text } = this;
    const start = this.pos;
    let value = '';
    let i = start + 1;
    let chunk = i;
    for (;;) {
      const c = text[i];
      if (i >= text.length || c === '\n' || c === '\r') this.fail(`Unterminated ${q} string`, start);
      if (c === q) break;
      if (c === '\\' && q === '"') {
        value += text.slice(chunk, i);
        const [unescaped, next] = this.escape(i);
        value += unescaped;
        i = chunk = next;
        continue;
      }
      i++;
    }
    value += text.slice(chunk, i);
    this.pos = i + 1;
    return { value, valueType: 'string', quote: q };
  }

  private multiLineString(q: '"' | "'"): Scalar {
    const { text } = this;
    const start = this.pos;
    const delimiter = q.repeat(3);
    const hopeless = (this.noCloseAfter.get(q) ?? Infinity) <= start;
    let close = hopeless ? -1 : text.indexOf(delimiter, start + 3);
    if (q === '"') while (close !== -1 && isEscaped(text, close)) close = text.indexOf(delimiter, close + 1);
    if (close === -1) {
      this.noCloseAfter.set(q, start);
      this.fail(`Unterminated ${delimiter} string`, start);
    }
    // Up to two quotes right before the closing delimiter belong to the content: `""""a"""""`.
    let extra = 0;
    while (extra < 2 && text[close + 3 + extra] === q) extra++;
    close += extra;
    let body = text.slice(start + 3, close);
    // A line break right after the opening delimiter is trimmed.
    body = body.replace(/^\r?\n/, '').replace(/\r\n/g, '\n');
    this.pos = close + 3;
    const value = q === '"' ? this.unescapeMultiLine(body, start) : body;
    return { value, valueType: 'string', quote: q, quoteWidth: 3 };
  }

  private unescapeMultiLine(body: string, start: number): string {
    // A backslash at the end of a line trims the line break and the blanks after it.
    return body.replace(/\\(?:[ \t]*\n[ \t\n]*|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)/gs, (m) => {
      if (/^\\[ \t]*\n/.test(m)) return '';
      const unescaped = unescapeOne(m);
      if (unescaped === undefined) this.fail(`Invalid escape ${m} in a string`, start, this.pos);
      return unescaped;
    });
  }

  /** The character an escape at `i` stands for, and the offset after it. */
  private escape(i: number): [string, number] {
    const { text } = this;
    const kind = text[i + 1];
    const length = kind === 'u' ? 6 : kind === 'U' ? 10 : 2;
    const unescaped = unescapeOne(text.slice(i, i + length));
    if (unescaped === undefined) this.fail(`Invalid escape ${text.slice(i, i + 2)} in a string`, i, i + 2);
    return [unescaped, i + length];
  }
}

function isEscaped(text: string, at: number): boolean {
  let backslashes = 0;
  while (text[at - 1 - backslashes] === '\\') backslashes++;
  return backslashes % 2 === 1;
}

function unescapeOne(escape: string): string | undefined {
  const kind = escape[1];
  if (kind === 'u' || kind === 'U') {
    const hex = escape.slice(2);
    if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== (kind === 'u' ? 4 : 8)) return undefined;
    const code = parseInt(hex, 16);
    return code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : undefined;
  }
  return ESCAPES[kind];
}

/** Booleans, numbers, dates and times. */
function readBare(token: string): Scalar | undefined {
  if (token === 'true' || token === 'false') return { value: token, valueType: 'boolean' };
  const digits = token.replace(/_/g, '');
  if (/^[+-]?(0|[1-9](_?\d)*)$/.test(token)) return { value: BigInt(digits).toString(), valueType: 'number' };
  const based = /^0([xob])([0-9A-Fa-f](_?[0-9A-Fa-f])*)$/.exec(token);
  if (based) {
    const valid = { x: /^[0-9A-Fa-f_]+$/, o: /^[0-7_]+$/, b: /^[01_]+$/ }[based[1] as 'x' | 'o' | 'b'];
    return valid.test(based[2]) ? { value: BigInt(`0${based[1]}${based[2].replace(/_/g, '')}`).toString(), valueType: 'number' } : undefined;
  }
  if (/^[+-]?(0|[1-9](_?\d)*)(\.\d(_?\d)*)?([eE][+-]?\d(_?\d)*)?$/.test(token) || /^[+-]?(inf|nan)$/.test(token)) {
    return { value: digits, valueType: 'number' };
  }
  const date = /^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})?)?$/;
  const time = /^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
  if (date.test(token) || time.test(token)) return { value: token, valueType: 'string' };
  return undefined;
}

export function parseToml(text: string): ParseResult {
  const { result, addError } = startResult('toml', text);
  new TomlReader(text, result.entries, addError).run();
  return result;
}
