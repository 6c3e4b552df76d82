// HOCON reader (Play Framework's and other JVM apps' application.conf), written for exact ranges
// and tolerance rather than validation. Follows lightbend/config's HOCON.md
// (github.com/lightbend/config, HOCON.md; its test resources are in test/fixtures/formats/hocon-spec):
// - the root may or may not be braced; `=`, `:` or nothing before `{` separate key and value; commas
//   or newlines separate fields and array items; `#` and `//` start comments;
// - keys are path expressions: `a.b.c = 1` is `a { b { c = 1 } }`, quoted parts keep their dots;
// - values: quoted strings (JSON escapes), triple-quoted strings (quoteWidth 3; a run of more than
//   three quotes closes on its last three), unquoted strings and value concatenation (`10 s`), numbers,
//   booleans and null (typed like JSON), arrays (items use their index) and objects;
// - duplicate keys: the later value wins, unless both are objects, which merge;
// - substitutions: `${a.b}` naming a value of the file gives that value; anything else (`${SMTP_HOST}`)
//   is left as written, for environment.ts. `key = ${?VAR}` keeps the key's earlier value when VAR
//   is unset (HOCON.md "Substitutions"): that value is kept on the entry (`keptUnlessSet`);
// - `include` statements are skipped: an included file is read as a file of its own;
// - `+=` appends to an array.
// A statement it cannot read becomes a ParseError and reading goes on at the next line; nothing throws.

import type { ConfigEntry, ParseResult, Range } from '../types';
import { bomLength, readJsonQuoted, startResult, TooManyEntries, Unreadable, type AddError } from './common';

export const MAX_HOCON_ENTRIES = 100_000;
/** Arrays and objects nested deeper than this are not read (the reader recurses per level). */
const MAX_DEPTH = 256;
/** Keys with more path parts are not read. */
const MAX_KEY_PARTS = 128;

/** A value of the tree: a leaf entry, or an object or array of children. */
interface Node {
  kind: 'object' | 'array' | 'value';
  children: Map<string, Node>;
  entry?: ConfigEntry;
}

interface Piece {
  kind: 'quoted' | 'triple' | 'unquoted' | 'substitution';
  text: string;
  range: Range;
}

const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Characters that end an unquoted key part (HOCON.md "Unquoted strings", plus the separators). */
const KEY_STOP = /[\s$"{}[\]:=,+#`^?!@*&\\.]/;
/** Characters that end an unquoted value. Tolerant: `:`, `@`, `*`… inside a value are kept, as a reader of a broken file would want. */
const VALUE_STOP = /[\r\n"{}[\],#]/;
const SUBSTITUTION = /^\$\{(\?)?\s*([^}]*?)\s*\}$/;

class HoconReader {
  private pos: number;
  private readonly root: Node = { kind: 'object', children: new Map() };
  private count = 0;
  /** Entries holding a single substitution, resolved once the whole file is read. */
  private readonly substitutions: { entry: ConfigEntry; pieces: Piece[] }[] = [];

  constructor(
    private readonly text: string,
    private readonly addError: AddError,
  ) {
    this.pos = bomLength(text);
  }

  run(): ConfigEntry[] {
    try {
      this.skipTrivia(true);
      if (this.text[this.pos] === '{') {
        this.pos++;
        this.fields([], this.root, '}', 0);
        this.skipTrivia(true);
        if (this.pos < this.text.length) this.addError('Text after the closing brace of the root object', { start: this.pos, end: this.text.length });
      } else {
        this.fields([], this.root, undefined, 0);
      }
    } catch (e) {
      if (!(e instanceof TooManyEntries)) throw e;
    }
    const entries: ConfigEntry[] = [];
    collect(this.root, entries);
    entries.sort((a, b) => a.keyRange.start - b.keyRange.start);
    this.resolveSubstitutions(entries);
    return entries;
  }

  // ---- fields and values ----------------------------------------------------

  /** Reads fields until `close` (consumed) or the end of the text. */
  private fields(prefix: string[], node: Node, close: '}' | undefined, depth: number): void {
    const { text } = this;
    for (;;) {
      this.skipTrivia(true, true);
      if (this.pos >= text.length) {
        if (close) this.addError('Missing } at the end of the file', { start: text.length, end: text.length });
        return;
      }
      if (text[this.pos] === close) {
        this.pos++;
        return;
      }
      if (text[this.pos] === '}' || text[this.pos] === ']') {
        this.addError(`Unexpected ${text[this.pos]}`, { start: this.pos, end: this.pos + 1 });
        this.pos++;
        continue;
      }
      const start = this.pos;
      try {
        if (this.include()) continue;
        this.field(prefix, node, depth);
        this.endOfValue();
      } catch (e) {
        if (!(e instanceof Unreadable)) throw e;
        this.addError(e.message, e.range);
        this.pos = Math.max(this.lineEnd(Math.max(start, e.range.start)), start + 1);
      }
    }
  }

  /** `include "file"`, `include required(file("x"))`: skipped (the included file is read on its own). */
  private include(): boolean {
    const match = /^include\s*(?:"|required\s*\(|file\s*\(|url\s*\(|classpath\s*\()/.exec(this.text.slice(this.pos, this.pos + 40));
    if (!match) return false;
    this.pos = this.lineEnd(this.pos);
    return true;
  }

  private field(prefix: string[], node: Node, depth: number): void {
    const key = this.key();
    this.skipTrivia(true);
    const { text } = this;
    let append = false;
    if (text[this.pos] === '=' || text[this.pos] === ':') this.pos++;
    else if (text.startsWith('+=', this.pos)) {
      append = true;
      this.pos += 2;
    } else if (text[this.pos] !== '{') throw new Unreadable('Expected =, : or { after the key', { start: key.range.start, end: Math.max(this.pos, key.range.end) });
    const separatorEnd = this.pos;
    this.skipTrivia(true);
    // `host =` with nothing after it: the next line's field is not this key's value.
    if (/[\r\n]/.test(text.slice(separatorEnd, this.pos)) && /^[\w"][\w".-]*[ \t]*(?:[=:{]|\+=)/.test(text.slice(this.pos, this.pos + 200))) {
      throw new Unreadable('Expected a value after the separator', { start: key.range.start, end: separatorEnd });
    }
    // Intermediate objects of a dotted key: `a.b.c = 1` sets c inside a and b, merging with what is there.
    let parent = node;
    for (const segment of key.segments.slice(0, -1)) parent = objectChild(parent, segment);
    const name = key.segments[key.segments.length - 1];
    if (append) {
      let list = parent.children.get(name);
      if (!list || list.kind !== 'array') {
        list = { kind: 'array', children: new Map() };
        parent.children.set(name, list);
      }
      this.value([...prefix, ...key.segments, String(list.children.size)], key.range, list, String(list.children.size), depth + 1);
      return;
    }
    this.value([...prefix, ...key.segments], key.range, parent, name, depth + 1);
  }

  /** Reads a value and stores it under `parent.children[name]`. */
  private value(path: string[], keyRange: Range | undefined, parent: Node, name: string, depth: number): void {
    const { text } = this;
    if (depth > MAX_DEPTH) throw new Unreadable('Nested too deeply', { start: this.pos, end: this.pos + 1 });
    const at = this.pos;
    if (text[at] === '{') {
      this.pos++;
      const existing = parent.children.get(name);
      const object = existing?.kind === 'object' ? existing : { kind: 'object' as const, children: new Map<string, Node>() };
      parent.children.set(name, object);
      this.fields(path, object, '}', depth);
      return;
    }
    if (text[at] === '[') {
      this.pos++;
      const array: Node = { kind: 'array', children: new Map() };
      parent.children.set(name, array);
      this.items(path, array, depth);
      return;
    }
    const pieces = this.scalarPieces();
    if (pieces.length === 0) throw new Unreadable('Expected a value', { start: at, end: Math.min(at + 1, text.length) });
    const entry = this.entryOf(path, keyRange, pieces);
    const previous = parent.children.get(name);
    if (++this.count > MAX_HOCON_ENTRIES) throw new TooManyEntries();
    const optional = pieces.length === 1 && pieces[0].kind === 'substitution' && SUBSTITUTION.exec(pieces[0].text)?.[1] === '?';
    if (optional && previous?.kind === 'value' && previous.entry) entry.keptUnlessSet = previous.entry;
    if (pieces.some((piece) => piece.kind === 'substitution')) this.substitutions.push({ entry, pieces });
    parent.children.set(name, { kind: 'value', children: new Map(), entry });
  }

  private items(path: string[], array: Node, depth: number): void {
    const { text } = this;
    for (;;) {
      this.skipTrivia(true, true);
      if (this.pos >= text.length) throw new Unreadable('Missing ] at the end of the file', { start: text.length, end: text.length });
      if (text[this.pos] === ']') {
        this.pos++;
        return;
      }
      if (text[this.pos] === '}') throw new Unreadable('Expected ] before }', { start: this.pos, end: this.pos + 1 });
      const index = String(array.children.size);
      this.value([...path, index], undefined, array, index, depth + 1);
      const stop = this.pos;
      this.skipTrivia(false);
      if (this.pos < text.length && !/[,\]\r\n#]/.test(text[this.pos]) && !text.startsWith('//', this.pos)) {
        throw new Unreadable('Expected , or ] after the array item', { start: stop, end: this.pos + 1 });
      }
    }
  }

  /** After a field: a comma, a newline, a comment, a closing brace or the end. */
  private endOfValue(): void {
    const { text } = this;
    const stop = this.pos;
    this.skipTrivia(false);
    if (this.pos >= text.length || /[,\r\n}#]/.test(text[this.pos]) || text.startsWith('//', this.pos)) return;
    throw new Unreadable('Expected a new line or , after the value', { start: stop, end: this.lineEnd(stop) });
  }

  /** The scalar pieces of a value up to the end of the line, a comma, a bracket or a comment: a value concatenation. */
  private scalarPieces(): Piece[] {
    const { text } = this;
    const pieces: Piece[] = [];
    for (;;) {
      const start = this.pos;
      const c = text[start];
      if (start >= text.length || c === '\n' || c === '\r' || c === ',' || c === '}' || c === ']' || c === '#' || text.startsWith('//', start)) break;
      if (c === ' ' || c === '\t' || c === '\f' || c === '\v' || c === '\ufeff' || c === '\u00a0') {
        this.pos++;
        continue;
      }
      if (c === '{' || c === '[') break; // an object or array concatenation: not read
      if (text.startsWith('"""', start)) pieces.push(this.tripleQuoted());
      else if (c === '"') pieces.push(this.quoted());
      else if (text.startsWith('${', start)) {
        const end = text.indexOf('}', start);
        const lineBreak = text.slice(start, end < 0 ? text.length : end).search(/[\r\n]/);
        if (end < 0 || lineBreak >= 0) throw new Unreadable('Unterminated ${ substitution', { start, end: lineBreak >= 0 ? start + lineBreak : text.length });
        this.pos = end + 1;
        pieces.push({ kind: 'substitution', text: text.slice(start, end + 1), range: { start, end: end + 1 } });
      } else {
        let end = start + 1;
        while (end < text.length && !VALUE_STOP.test(text[end]) && !text.startsWith('//', end) && !text.startsWith('${', end)) end++;
        // Trailing blanks belong to the gap before the next piece (or the end of the value), not to this piece.
        let last = end;
        while (last > start && /\s/.test(text[last - 1])) last--;
        this.pos = last;
        pieces.push({ kind: 'unquoted', text: text.slice(start, last), range: { start, end: last } });
      }
    }
    return pieces;
  }

  private quoted(): Piece {
    const start = this.pos;
    const { value, end } = readJsonQuoted(this.text, start, '"');
    this.pos = end;
    return { kind: 'quoted', text: value, range: { start, end } };
  }

  private tripleQuoted(): Piece {
    const { text } = this;
    const start = this.pos;
    const close = text.indexOf('"""', start + 3);
    if (close < 0) throw new Unreadable('Unterminated """ string', { start, end: text.length });
    // Any run of at least three quotes ends the string; all but its last three belong to the value.
    let end = close + 3;
    while (text[end] === '"') end++;
    this.pos = end;
    return { kind: 'triple', text: text.slice(start + 3, end - 3), range: { start, end } };
  }

  private entryOf(path: string[], keyRange: Range | undefined, pieces: Piece[]): ConfigEntry {
    const valueRange = { start: pieces[0].range.start, end: pieces[pieces.length - 1].range.end };
    const entry: ConfigEntry = { path, value: '', valueType: 'string', keyRange: keyRange ?? valueRange, valueRange };
    if (pieces.length === 1) {
      const [piece] = pieces;
      if (piece.kind === 'quoted' || piece.kind === 'triple') {
        entry.value = piece.text;
        entry.quote = '"';
        if (piece.kind === 'triple') entry.quoteWidth = 3;
        return entry;
      }
      entry.value = piece.text;
      if (piece.kind === 'unquoted') {
        if (piece.text === 'true' || piece.text === 'false') entry.valueType = 'boolean';
        else if (piece.text === 'null') {
          entry.value = null;
          entry.valueType = 'null';
        } else if (NUMBER.test(piece.text)) entry.valueType = 'number';
      }
      return entry;
    }
    // A concatenation is a string: the pieces with the blanks between them as written.
    let value = '';
    for (let i = 0; i < pieces.length; i++) {
      if (i > 0) value += this.text.slice(pieces[i - 1].range.end, pieces[i].range.start);
      value += pieces[i].text;
    }
    entry.value = value;
    return entry;
  }

  /** `${a.b}` naming values of the file take those values; a value with other substitutions (`${SMTP_HOST}`) stays as written, for environment.ts. */
  private resolveSubstitutions(entries: ConfigEntry[]): void {
    if (this.substitutions.length === 0) return;
    const byPath = new Map(entries.map((entry) => [entry.path.join('\u0000'), entry]));
    const target = (piece: Piece, self: ConfigEntry): ConfigEntry | undefined => {
      const match = SUBSTITUTION.exec(piece.text);
      const found = match ? byPath.get(splitPath(match[2]).join('\u0000')) : undefined;
      // A target that is itself a substitution is not chased (cycles, and order of resolution).
      return found && found !== self && !this.substitutions.some((item) => item.entry === found) ? found : undefined;
    };
    for (const { entry, pieces } of this.substitutions) {
      const targets = pieces.map((piece) => (piece.kind === 'substitution' ? target(piece, entry) : undefined));
      if (pieces.some((piece, i) => piece.kind === 'substitution' && !targets[i])) continue;
      if (pieces.length === 1) {
        entry.value = targets[0]!.value;
        entry.valueType = targets[0]!.valueType;
      } else {
        let value = '';
        for (let i = 0; i < pieces.length; i++) {
          if (i > 0) value += this.text.slice(pieces[i - 1].range.end, pieces[i].range.start);
          value += targets[i] ? (targets[i]!.value ?? '') : pieces[i].text;
        }
        entry.value = value;
      }
      delete entry.keptUnlessSet;
    }
  }

  // ---- keys ---------------------------------------------------------------

  private key(): { segments: string[]; range: Range } {
    const { text } = this;
    const start = this.pos;
    const segments: string[] = [];
    let current = '';
    let any = false;
    for (;;) {
      const c = text[this.pos];
      if (this.pos >= text.length) break;
      if (c === '"') {
        if (text.startsWith('"""', this.pos)) throw new Unreadable('A key cannot be a """ string', { start: this.pos, end: this.pos + 3 });
        current += this.quoted().text;
        any = true;
      } else if (c === '.') {
        segments.push(current);
        current = '';
        any = false;
        this.pos++;
      } else if (c === ' ' || c === '\t') {
        // Blanks inside a key are kept; blanks before the separator are not.
        let end = this.pos;
        while (text[end] === ' ' || text[end] === '\t') end++;
        if (end >= text.length || /[=:{\r\n#]/.test(text[end]) || text.startsWith('+=', end) || text.startsWith('//', end)) break;
        current += text.slice(this.pos, end);
        this.pos = end;
      } else if (!KEY_STOP.test(c) && !text.startsWith('//', this.pos)) {
        let end = this.pos + 1;
        while (end < text.length && !KEY_STOP.test(text[end]) && !text.startsWith('//', end)) end++;
        current += text.slice(this.pos, end);
        any = true;
        this.pos = end;
      } else break;
      if (segments.length > MAX_KEY_PARTS) throw new Unreadable('Key with too many parts', { start, end: this.pos });
    }
    if (!any && current === '') throw new Unreadable(segments.length ? 'Empty part in a key' : 'Expected a key', { start, end: Math.max(this.pos, start + 1) });
    segments.push(current);
    return { segments, range: { start, end: this.pos } };
  }

  // ---- blanks and comments ------------------------------------------------

  /** Skips blanks and comments; newlines too when `lines`; commas too when `commas`. */
  private skipTrivia(lines: boolean, commas = false): number {
    const { text } = this;
    while (this.pos < text.length) {
      const c = text[this.pos];
      if (c === ' ' || c === '\t' || c === '\f' || c === '\v' || c === '\ufeff' || c === '\u00a0') this.pos++;
      else if (lines && (c === '\n' || c === '\r')) this.pos++;
      else if (commas && c === ',') this.pos++;
      else if (c === '#' || text.startsWith('//', this.pos)) this.pos = this.lineEnd(this.pos);
      else break;
    }
    return this.pos;
  }

  private lineEnd(from: number): number {
    const { text } = this;
    let i = from;
    while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    return i;
  }
}

function objectChild(parent: Node, name: string): Node {
  const existing = parent.children.get(name);
  if (existing?.kind === 'object') return existing;
  const object: Node = { kind: 'object', children: new Map() };
  parent.children.set(name, object);
  return object;
}

function collect(node: Node, into: ConfigEntry[]): void {
  if (node.entry) into.push(node.entry);
  for (const child of node.children.values()) collect(child, into);
}

/** A substitution's path: dot-separated, quoted parts kept whole. */
function splitPath(path: string): string[] {
  const segments: string[] = [];
  let current = '';
  for (let i = 0; i < path.length; i++) {
    if (path[i] === '"') {
      const end = path.indexOf('"', i + 1);
      current += path.slice(i + 1, end < 0 ? path.length : end);
      i = end < 0 ? path.length : end;
    } else if (path[i] === '.') {
      segments.push(current.trim());
      current = '';
    } else current += path[i];
  }
  segments.push(current.trim());
  return segments;
}

/**
 * Whether a `.conf` file reads as HOCON rather than nginx, Apache, supervisord, Dovecot… syntax: no
 * `;`-terminated statements, `<Section>` tags or `[section]` headers, and HOCON's own marks (`${?VAR}`,
 * `include "…"`, a dotted key with `=`/`:`, or `key {`/`key = {`).
 */
export function looksLikeHocon(text: string): boolean {
  const sample = text.slice(0, 64 * 1024);
  if (/;[ \t]*(?:#[^\r\n]*)?$/m.test(sample) || /^[ \t]*<\/?[A-Za-z]/m.test(sample) || /^[ \t]*\[[^\]\r\n]*\][ \t]*$/m.test(sample)) return false;
  return /\$\{\??[A-Za-z_]/.test(sample) || /^[ \t]*include[ \t]+(?:"|required\()/m.test(sample) || /^[ \t]*[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)+[ \t]*[=:]/m.test(sample) || /^[ \t]*[A-Za-z_][\w-]*[ \t]*[=:]?[ \t]*\{[ \t]*$/m.test(sample);
}

export function parseHocon(text: string): ParseResult {
  const { result, addError } = startResult('hocon', text);
  result.entries = new HoconReader(text, addError).run();
  return result;
}
