// A partial YAML read: a line scan outlines the text's block mappings, and only the parts whose text
// (with the keys above them) passes `wanted` are handed to the YAML parser, at their original offsets.
// The engine uses it for big files (analyze.ts): a one-character edit costs a scan of the lines and the
// parse of the few parts that can hold SMTP settings, not a parse of everything.
//
// The scan only ever reads less than the full parser when it can prove the parts it drops cannot change
// how the kept parts parse: every line must be one it fully understands (a `key:` or `- ` line with an
// empty, plain, single-line quoted or one-line flow value, a comment, a blank, or the content of a block
// scalar). Anything else anywhere in the text — anchors, aliases, merge keys, tags, multi-line quoted or
// flow values, explicit keys, directives, document markers, tabs, a byte order mark — and it returns the
// full parse. Sequences are kept or dropped whole (their item numbers are part of the paths), as are
// values spread over lines. Syntax errors in the kept parts also mean a full parse, so their errors are
// the full parser's; syntax errors in dropped parts are not reported (nothing there is read).

import type { ConfigEntry, ParseResult, Range } from '../types';
import { detectEol } from './common';
import { MAX_YAML_ENTRIES, MAX_YAML_LENGTH, parseYaml } from './yaml';

/** Whether some setting whose key path and value are written in `lowerText` (lower case) can matter. */
export type Wanted = (lowerText: string) => boolean;

const enum Kind {
  Blank,
  Comment,
  /** `key:` with nothing after it (a map, a sequence or a value on the next lines follows, or null). */
  KeyOpen,
  /** `key: value` on one line. */
  KeyValue,
  /** `key: |` or `key: >`: a block scalar follows. */
  KeyBlock,
  /** `- …`: a sequence item. */
  Item,
  /** A value line without a key: the continuation of a multi-line plain value. */
  Other,
  /** The content of a block scalar. */
  Content,
}

interface Line {
  /** A sequence item (`- …`), whatever follows the dash. */
  item: boolean;
  /** Where the key or value starts after a `- ` (0 without one). */
  column: number;
  keyed: boolean;
  inline: boolean;
  start: number;
  /** End of the line, after its line break. */
  end: number;
  indent: number;
  kind: Kind;
}

const PLAIN_KEY = String.raw`(?:[A-Za-z0-9_$][A-Za-z0-9_$.\/@+=~-]*|"[^"\\]*"|'[^']*')`;
const COMMENT = String.raw`(?: +#.*)?`;
// A value that is one token on this line and cannot open anything that goes on past it.
const VALUE = new RegExp(
  String.raw`^(?:` +
    String.raw`"(?:[^"\\]|\\.)*"${COMMENT}` +
    String.raw`|'(?:[^']|'')*'${COMMENT}` +
    String.raw`|\[[^\[\]{}"'#&*!|>]*\]${COMMENT}` +
    String.raw`|\{[^\[\]{}"'#&*!|>]*\}${COMMENT}` +
    // Plain: not starting with an indicator; no `: ` or ` #` inside (a nested key, a comment), no `:` at the end.
    String.raw`|(?:-(?=\S)|[^\s\-?:,\[\]{}#&*!|>'"%@\x60])(?:(?!: | #)[^\r])*?(?<!:)${COMMENT}` +
    String.raw`)$`,
);
const KEY_LINE = new RegExp(String.raw`^(${PLAIN_KEY}):(?: +(.*))?$`);
const BLOCK_HEADER = /^[|>][-+]?(?: +#.*)?$/;
const ITEM = /^- +|^-$/;

const isKeyChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46 || c === 47;

/**
 * The common line, `key: plain value`, without a regular expression: the value (maybe empty), or
 * undefined when the line is not that simple (the regular expressions then decide).
 */
function plainKeyValue(body: string): string | undefined {
  const n = body.length;
  let i = 0;
  while (i < n && isKeyChar(body.charCodeAt(i))) i++;
  if (i === 0 || body.charCodeAt(0) === 45 || body.charCodeAt(i) !== 58) return undefined;
  if (i + 1 === n) return '';
  if (body.charCodeAt(i + 1) !== 32) return undefined;
  let j = i + 2;
  while (j < n && body.charCodeAt(j) === 32) j++;
  const value = body.slice(j);
  const c = value.charCodeAt(0);
  // Plain and starting with a letter or digit: only `: `, ` #` and a final `:` need a closer look.
  if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 47)) return undefined;
  return value.includes(': ') || value.includes(' #') || value.endsWith(':') ? undefined : value;
}

interface Read {
  kind: Kind;
  item: boolean;
  column: number;
  /** It has a key (`key:`, `- key:`). */
  keyed: boolean;
  /** Its value is on the line (a scalar, a one-line flow collection, a block scalar header). */
  inline: boolean;
}

/** The kind of a line's text after its indentation; undefined for a line the scan does not understand. */
function classify(rest: string): Read | undefined {
  if (rest === '') return { kind: Kind.Blank, item: false, column: 0, keyed: false, inline: false };
  if (rest[0] === '#') return { kind: Kind.Comment, item: false, column: 0, keyed: false, inline: false };
  let body = rest;
  let column = 0;
  let item = false;
  const dash = ITEM.exec(body);
  if (dash) {
    item = true;
    column = dash[0].length;
    body = body.slice(column);
    if (body === '' || body[0] === '#') return { kind: Kind.Item, item, column, keyed: false, inline: false };
  }
  const simple = plainKeyValue(body);
  const value = simple ?? KEY_LINE.exec(body)?.[2] ?? (KEY_LINE.test(body) ? '' : undefined);
  if (value !== undefined) {
    if (value === '' || value[0] === '#') return { kind: item ? Kind.Item : Kind.KeyOpen, item, column, keyed: true, inline: false };
    if (simple === undefined) {
      if (BLOCK_HEADER.test(value)) return { kind: Kind.KeyBlock, item, column, keyed: true, inline: true };
      if (!VALUE.test(value)) return undefined;
    }
    return { kind: item ? Kind.Item : Kind.KeyValue, item, column, keyed: true, inline: true };
  }
  // `- |`: the content is indented more than the dash.
  if (BLOCK_HEADER.test(body)) return item ? { kind: Kind.KeyBlock, item, column: 0, keyed: false, inline: true } : undefined;
  if (!VALUE.test(body)) return undefined;
  return { kind: item ? Kind.Item : Kind.Other, item, column, keyed: false, inline: true };
}

/** The lines of `text`, classified; undefined when one of them is not understood. */
function scanLines(text: string): Line[] | undefined {
  const lines: Line[] = [];
  let blockColumn = -1; // inside a block scalar whose key is at this column
  let contentIndent = -1;
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline + 1;
    let stop = newline === -1 ? text.length : newline;
    if (stop > start && text.charCodeAt(stop - 1) === 13) stop--;
    let indent = 0;
    while (start + indent < stop && text.charCodeAt(start + indent) === 32) indent++;
    const rest = text.slice(start + indent, stop);
    if (rest.includes('\t') || rest.includes('\r')) return undefined;
    if (blockColumn >= 0) {
      if (rest === '') {
        lines.push({ start, end, indent, kind: Kind.Blank, item: false, column: 0, keyed: false, inline: false });
        start = end;
        continue;
      }
      if (indent > blockColumn && (contentIndent < 0 || indent >= contentIndent)) {
        if (contentIndent < 0) contentIndent = indent;
        lines.push({ start, end, indent, kind: Kind.Content, item: false, column: 0, keyed: false, inline: false });
        start = end;
        continue;
      }
      // Less indented than the content, but more than the key: the parser's reading is not obvious.
      if (indent > blockColumn) return undefined;
      blockColumn = -1;
    }
    const read = classify(rest);
    if (!read) return undefined;
    if (read.kind === Kind.KeyBlock) {
      blockColumn = indent + read.column;
      contentIndent = -1;
    }
    lines.push({ start, end, indent, ...read });
    start = end;
  }
  return lines;
}

/**
 * Whether the indentation is that of well-formed block collections: each line a sibling at a column
 * already open, or a child of a line that opens one, or the continuation of a plain value. A text the
 * parser would have to recover from (its reading of later lines then depends on earlier ones) is not.
 */
function wellNested(lines: Line[]): boolean {
  const levels: Array<{ column: number; items: boolean }> = [{ column: 0, items: false }];
  let previous: Line | undefined;
  let owner: Line | undefined; // the line whose plain value continues on the lines below it
  for (const line of lines) {
    if (!significant(line)) continue;
    if (owner && line.indent > owner.indent + owner.column) {
      if (line.kind !== Kind.Other) return false;
      continue;
    }
    if (line.kind === Kind.Other) return false;
    const deeper = previous !== undefined && line.indent > previous.indent + previous.column;
    if (deeper) {
      const opens = previous!.kind === Kind.KeyOpen || (previous!.kind === Kind.Item && !isInlineValue(previous!));
      if (!opens) return false;
      levels.push({ column: line.indent, items: line.item });
    } else {
      while (levels.length > 1 && levels[levels.length - 1].column > line.indent) levels.pop();
      const level = levels[levels.length - 1];
      if (level.column !== line.indent || level.items !== line.item) return false;
    }
    // `- key: …` opens a map at the key's column, whose other keys follow on the next lines.
    if (line.item && line.column > 0 && hasKey(line)) levels.push({ column: line.indent + line.column, items: false });
    previous = line;
    owner = line.kind === Kind.KeyValue || (line.item && isInlineValue(line)) ? line : undefined;
  }
  return true;
}

/** An item line whose value is on the line (`- a`, `- key: value`): what follows deeper continues it. */
const isInlineValue = (line: Line): boolean => line.item && line.inline && line.kind !== Kind.KeyBlock;
const hasKey = (line: Line): boolean => line.keyed;

const significant = (line: Line): boolean => line.kind !== Kind.Blank && line.kind !== Kind.Comment && line.kind !== Kind.Content;

class Outline {
  /** Line ranges [from, to) kept, in order. */
  readonly kept: Array<[number, number]> = [];

  constructor(
    private readonly lines: Line[],
    private readonly lower: string,
    private readonly wanted: Wanted,
  ) {}

  private textOf(from: number, to: number): string {
    return this.lower.slice(this.lines[from].start, this.lines[to - 1].end);
  }

  /** The end of the block that starts at `from`: the next significant line indented `indent` or less. */
  private extent(from: number, indent: number): number {
    let i = from + 1;
    while (i < this.lines.length && !(significant(this.lines[i]) && this.lines[i].indent <= indent)) i++;
    return i;
  }

  private keep(from: number, to: number): void {
    const last = this.kept[this.kept.length - 1];
    if (last && last[1] === from) last[1] = to;
    else this.kept.push([from, to]);
  }

  /**
   * Reads the map whose keys are the significant lines of [from, to), all at one indentation; false when
   * they are not all keys of one map (the caller then keeps or drops the region whole).
   */
  map(from: number, to: number, context: string): boolean {
    const first = this.firstSignificant(from, to);
    if (first === to) return true;
    const indent = this.lines[first].indent;
    const children: Array<[number, number]> = [];
    for (let i = first; i < to; ) {
      const line = this.lines[i];
      if (line.indent !== indent || line.item || (line.kind !== Kind.KeyOpen && line.kind !== Kind.KeyValue && line.kind !== Kind.KeyBlock)) return false;
      const end = Math.min(this.extent(i, indent), to);
      if (!this.wellFormedLeaf(i, end)) return false;
      children.push([i, end]);
      i = end;
    }
    for (const [start, end] of children) this.child(start, end, context);
    return true;
  }

  private firstSignificant(from: number, to: number): number {
    let i = from;
    while (i < to && !significant(this.lines[i])) i++;
    return i;
  }

  /** A `key: value` line may only be followed by the plain continuation of its value. */
  private wellFormedLeaf(from: number, to: number): boolean {
    if (this.lines[from].kind !== Kind.KeyValue) return true;
    for (let i = from + 1; i < to; i++) if (significant(this.lines[i]) && this.lines[i].kind !== Kind.Other) return false;
    return true;
  }

  private child(from: number, to: number, context: string): void {
    const header = this.textOf(from, from + 1);
    if (!this.wanted(`${context}${this.textOf(from, to)}`)) return;
    const line = this.lines[from];
    const inner = this.firstSignificant(from + 1, to);
    if (line.kind !== Kind.KeyOpen || inner === to || this.wanted(`${context}${header}`)) {
      this.keep(from, to);
      return;
    }
    // A map below: keep the header and the entries that can matter (the header alone yields no entry).
    const mark = this.kept.length;
    const lastBefore = mark > 0 ? this.kept[mark - 1][1] : -1;
    this.keep(from, inner);
    const headerRange = this.kept.length;
    if (!this.map(inner, to, `${context}${header}`)) {
      this.truncate(mark, lastBefore);
      this.keep(from, to);
      return;
    }
    if (this.kept.length === headerRange && this.kept[headerRange - 1][1] === inner) this.truncate(mark, lastBefore);
  }

  /** Undoes keeps back to `length` ranges, the last one ending at `lastEnd` again. */
  private truncate(length: number, lastEnd: number): void {
    this.kept.length = length;
    if (length > 0) this.kept[length - 1][1] = lastEnd;
  }
}

/** The parts to parse, as line ranges, or undefined when the whole text must be parsed. */
function outline(text: string, wanted: Wanted): { lines: Line[]; kept: Array<[number, number]> } | undefined {
  if (text.length > MAX_YAML_LENGTH) return undefined;
  const lines = scanLines(text);
  if (!lines || !wellNested(lines)) return undefined;
  // The parser stops at MAX_YAML_ENTRIES entries of the whole text; each needs a line or a comma.
  let commas = 0;
  for (let i = text.indexOf(','); i !== -1; i = text.indexOf(',', i + 1)) commas++;
  if (lines.length + commas >= MAX_YAML_ENTRIES) return undefined;
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return undefined;
  const first = lines.findIndex(significant);
  if (first === -1) return { lines, kept: [] };
  if (lines[first].indent !== 0) return undefined;
  const reader = new Outline(lines, lower, wanted);
  if (!reader.map(first, lines.length, '')) return undefined;
  return { lines, kept: reader.kept };
}

/**
 * The entries of `text` that `wanted` says can matter (every entry whose key path and value pass it, and
 * maybe others), in document order with their ranges in `text`; the full parse whenever the scan cannot
 * tell (see the top of this file).
 */
export function parseYamlParts(text: string, wanted: Wanted): ParseResult {
  const plan = outline(text, wanted);
  if (!plan) return parseYaml(text);
  const { lines, kept } = plan;
  // Pieces of the original text, and where each starts in the text handed to the parser.
  const pieces: Array<{ at: number; start: number; end: number }> = [];
  let at = 0;
  for (const [from, to] of kept) {
    const start = lines[from].start;
    const end = lines[to - 1].end;
    pieces.push({ at, start, end });
    at += end - start;
  }
  const partial = pieces.map((piece) => text.slice(piece.start, piece.end)).join('');
  const parsed = parseYaml(partial);
  if (parsed.errors.length > 0) return parseYaml(text);
  const place = (offset: number): number => {
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (pieces[mid].at <= offset) lo = mid;
      else hi = mid - 1;
    }
    const piece = pieces[lo];
    return piece ? piece.start + (offset - piece.at) : offset;
  };
  // A non-empty range lies in one piece: its end is placed from its last character.
  const range = (r: Range): Range => {
    const start = place(r.start);
    return { start, end: r.end > r.start ? place(r.end - 1) + 1 : start };
  };
  const entries = parsed.entries.map((entry): ConfigEntry => ({ ...entry, keyRange: range(entry.keyRange), valueRange: range(entry.valueRange) }));
  // The line ending is the whole text's (the parser saw only pieces of it).
  return { ...parsed, entries, eol: detectEol(text) };
}
