// A partial YAML read: a line scan outlines the text's block mappings, and only the parts whose text
// (with the keys above them) can hold SMTP settings are handed to the YAML parser, at their original offsets.
// The engine uses it for big files (analyze.ts): a one-character edit costs a scan of the lines and the
// parse of the few parts that can hold SMTP settings, not a parse of everything.
//
// The scan only ever reads less than the full parser when it can prove the parts it drops cannot change
// how the kept parts parse: every line must be one it fully understands (a `key:` or `- ` line with an
// empty, plain, single-line quoted or one-line flow value, a comment, a blank, the content of a block
// scalar, or a `---` line between documents). Anything else anywhere in the text — anchors, aliases, merge
// keys, tags, multi-line quoted or flow values, explicit keys, directives, `...`, tabs, a byte order mark —
// and it returns the full parse. Sequences are kept or dropped whole (their item numbers are part of the
// paths), as are values spread over lines. Syntax errors in the kept parts also mean a full parse, so their
// errors are the full parser's; syntax errors in dropped parts are not reported (nothing there is read).
// Two keys of one map that read the same are reported as the full read reports them (yaml.ts explicitKeys)
// wherever the outline reads that map's keys, whichever parts they fall in; not inside a part dropped whole.
//
// Reuse between keystrokes: the kept parts are read in chunks — siblings of one map, cut where a line's
// hash says, so that the cuts depend on the text and not on positions — each read on its own (the keys of
// the header lines above it become its path prefix) and remembered by its text, so an edit re-reads only
// the chunk it touches; every document of a multi-document file is outlined on its own. What a line says
// (its kind, its words) is remembered by its text too. Both caches are bounded (two generations each). The
// lines of the text scanned last before and after the changed place are taken from that scan as they are.
// A text the outline cannot read is parsed whole (yaml.ts parseYamlSteps: the extension does it in a worker).

import type { Steps } from '../steps';
import type { ParseResult, Range } from '../types';
import { startResult } from './common';
import { duplicateKeyMessage, MAX_YAML_ENTRIES, MAX_YAML_LENGTH, parseYamlPiece, parseYamlSteps, type RootContext } from './yaml';

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

/** What a line is, wherever it is: one object per line text (the line cache's), so a scan allocates none per line. Its offsets are its document's. */
interface Line {
  /** A sequence item (`- …`), whatever follows the dash. */
  item: boolean;
  /** Where the key or value starts after a `- ` (0 without one). */
  column: number;
  keyed: boolean;
  inline: boolean;
  indent: number;
  kind: Kind;
  /** Its words that can matter (vocabulary.ts wordMask). */
  mask: number;
  /** Its key as yaml.ts keyString reads it (keyOf), once a map's keys are read. */
  key: string | undefined;
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

/** What the partial read asks of the words that can matter (vocabulary.ts). */
export interface ReadVocabulary {
  /** A line's words that can matter, as bits (its lower-case text). */
  wordMask(lower: string): number;
  /** A line's signature words, as bits (its text, and its lower case of the same length). */
  signatureWords(text: string, lower: string): number;
  /** For a document whose lines have these signature words (ORed): whether a part whose lines have these words can matter. */
  mattersIn(signatureWords: number): (mask: number) => boolean;
}

/** What a line's text (its indentation included, its line break not) says, whatever line it is on: memoized, as lines repeat from one keystroke to the next. */
interface LineText {
  /** A tab, a carriage return, or a character whose lower case has another length: the scan gives up. */
  bad: boolean;
  /** Its words that can matter (vocabulary.ts wordMask). */
  mask: number;
  /** Its signature words (vocabulary.ts signatureWords). */
  signatureWords: number;
  /** `---`: a document marker (outside a block scalar). */
  marker: boolean;
  /** Nothing but its indentation. */
  blank: boolean;
  /** The line read as a key, item or value line (classify()), once asked: null when it is not understood. */
  line?: Line | null;
  /** The line read as the content of a block scalar, once asked. */
  content?: Line;
}

const LINE_CACHE_LIMIT = 200_000;
let lineCache = new Map<string, LineText>();
let oldLineCache = new Map<string, LineText>();

function lineText(whole: string, indent: number, vocabulary: ReadVocabulary): LineText {
  let known = lineCache.get(whole);
  if (known) return known;
  known = oldLineCache.get(whole);
  if (!known) {
    const rest = whole.slice(indent);
    const lower = rest.toLowerCase();
    const bad = rest.includes('\t') || rest.includes('\r') || lower.length !== rest.length;
    known = bad
      ? { bad, mask: 0, signatureWords: 0, marker: false, blank: false }
      : { bad, mask: vocabulary.wordMask(lower), signatureWords: vocabulary.signatureWords(rest, lower), marker: whole === '---', blank: rest === '' };
  }
  if (lineCache.size >= LINE_CACHE_LIMIT) {
    oldLineCache = lineCache;
    lineCache = new Map();
  }
  lineCache.set(whole, known);
  return known;
}

/** The line `whole` (indented `indent`) as a key, item or value line; null when it is not understood. */
function lineOf(known: LineText, whole: string, indent: number): Line | null {
  if (known.line === undefined) {
    const read = classify(whole.slice(indent));
    known.line = read ? makeLine(read, indent, known.mask) : null;
  }
  return known.line;
}

/** The line as the content of a block scalar. */
const contentOf = (known: LineText, indent: number): Line => (known.content ??= makeLine(CONTENT, indent, known.mask));
const CONTENT: Read = { kind: Kind.Content, item: false, column: 0, keyed: false, inline: false };

/** Every Line made the same way: one shape for the code that reads thousands of them. */
function makeLine(read: Read, indent: number, mask: number): Line {
  return { item: read.item, column: read.column, keyed: read.keyed, inline: read.inline, indent, kind: read.kind, mask, key: undefined };
}

/**
 * A document of the stream: its lines (without the `---` line that opens it), where each starts and ends (after
 * its line break) in the text, and its index among the yaml library's documents.
 */
interface Document {
  lines: Line[];
  starts: Int32Array;
  ends: Int32Array;
  index: number;
  /** The signature words of its lines, ORed. */
  signatureWords: number;
}

/** Lines classified per step of the stepwise read: a few milliseconds each, even in cold code. */
const LINES_PER_STEP = 500;

/** The lines of a text: where each starts and ends (after its line break), its indentation and what its text says. */
interface TextLines {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
  indents: Int32Array;
  knowns: LineText[];
}

/** The lines of the text scanned last: a keystroke changes one place, and the lines before and after it are these. */
let lastLines: TextLines | undefined;

/** How many characters `a` and `b` have in common at their start. */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** How many characters `a` and `b` have in common at their end, at most `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
  let i = 0;
  while (i < limit && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/**
 * The lines of `text`; a line that the text scanned last has before the first changed character (its line break
 * included), or after the last one (the line break before it included), is taken from there, moved by the change in
 * length, without reading it again. undefined at the first line the scan cannot read (a tab…). A step every
 * LINES_PER_STEP lines read.
 */
function* linesOf(text: string, vocabulary: ReadVocabulary): Steps<TextLines | undefined> {
  const previous = lastLines;
  const prefix = previous ? commonPrefix(previous.text, text) : 0;
  const suffix = previous ? commonSuffix(previous.text, text, Math.min(previous.text.length, text.length) - prefix) : 0;
  const before = previous?.knowns.length ?? 0;
  // Lines [0, head) of the previous text are the same lines here; so are [tail, before), moved by `shift`.
  let head = 0;
  while (head < before && previous!.ends[head] <= prefix) head++;
  let tail = before;
  if (previous && suffix > 0) {
    const from = previous.text.length - suffix + 1;
    tail = head;
    while (tail < before && previous.starts[tail] < from) tail++;
  }
  const shift = text.length - (previous?.text.length ?? 0);
  const middleStart = head > 0 ? previous!.ends[head - 1] : 0;
  const middleEnd = tail < before ? previous!.starts[tail] + shift : text.length;
  let middle = 0;
  for (let at = middleStart; at < middleEnd; middle++) {
    const newline = text.indexOf('\n', at);
    at = newline === -1 || newline >= middleEnd ? middleEnd : newline + 1;
  }
  const count = head + middle + (before - tail);
  const out: TextLines = { text, starts: new Int32Array(count), ends: new Int32Array(count), indents: new Int32Array(count), knowns: new Array<LineText>(count) };
  if (previous) {
    out.starts.set(previous.starts.subarray(0, head));
    out.ends.set(previous.ends.subarray(0, head));
    out.indents.set(previous.indents.subarray(0, head));
    for (let k = 0; k < head; k++) out.knowns[k] = previous.knowns[k];
    const to = head + middle;
    out.indents.set(previous.indents.subarray(tail), to);
    for (let k = tail; k < before; k++) {
      out.starts[to + k - tail] = previous.starts[k] + shift;
      out.ends[to + k - tail] = previous.ends[k] + shift;
      out.knowns[to + k - tail] = previous.knowns[k];
    }
  }
  for (let n = head, start = middleStart; n < head + middle; n++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline + 1;
    let stop = newline === -1 ? text.length : newline;
    if (stop > start && text.charCodeAt(stop - 1) === 13) stop--;
    let indent = 0;
    while (start + indent < stop && text.charCodeAt(start + indent) === 32) indent++;
    const known = lineText(text.slice(start, stop), indent, vocabulary);
    if (known.bad) return undefined;
    out.starts[n] = start;
    out.ends[n] = end;
    out.indents[n] = indent;
    out.knowns[n] = known;
    start = end;
    if ((n - head + 1) % LINES_PER_STEP === 0) yield;
  }
  lastLines = out;
  return out;
}

/** A line's text without its line break (a line with a carriage return is never read: lineText). */
const wholeOf = (text: string, start: number, end: number): string => text.slice(start, end > start && text.charCodeAt(end - 1) === 10 ? end - 1 : end);

/** The documents of `text`, their lines classified; undefined when one of the lines is not understood. A step every LINES_PER_STEP lines. */
function* scanLines(text: string, vocabulary: ReadVocabulary): Steps<Document[] | undefined> {
  const all = yield* linesOf(text, vocabulary);
  if (!all) return undefined;
  yield;
  const documents: Document[] = [];
  const lines = new Array<Line>(all.knowns.length);
  let first = 0; // where the document's lines start
  let segment = 0;
  let skipped = 0;
  let blockColumn = -1; // inside a block scalar whose key is at this column
  let contentIndent = -1;
  let signature = 0; // the signature words of the document's lines so far
  const close = (end: number): void => {
    documents.push({ lines: lines.slice(first, end), starts: all.starts.subarray(first, end), ends: all.ends.subarray(first, end), index: segment - skipped, signatureWords: signature });
  };
  for (let i = 0; i < all.knowns.length; i++) {
    const known = all.knowns[i];
    const indent = all.indents[i];
    signature |= known.signatureWords;
    if (blockColumn >= 0) {
      if (known.blank || (indent > blockColumn && (contentIndent < 0 || indent >= contentIndent))) {
        if (!known.blank && contentIndent < 0) contentIndent = indent;
        lines[i] = known.blank ? lineOf(known, wholeOf(text, all.starts[i], all.ends[i]), indent)! : contentOf(known, indent);
        continue;
      }
      // Less indented than the content, but more than the key: the parser's reading is not obvious.
      if (indent > blockColumn) return undefined;
      blockColumn = -1;
    }
    if (known.marker) {
      // A document marker. The text before the first one is a document only if it holds more than comments.
      if (segment === 0 && !lines.slice(0, i).some(significant)) skipped = 1;
      else close(i);
      segment++;
      first = i + 1;
      signature = 0;
      continue;
    }
    const line = known.line === undefined ? lineOf(known, wholeOf(text, all.starts[i], all.ends[i]), indent) : known.line;
    if (!line) return undefined;
    if (line.kind === Kind.KeyBlock) {
      blockColumn = indent + line.column;
      contentIndent = -1;
    }
    lines[i] = line;
    if ((i + 1) % LINES_PER_STEP === 0) yield;
  }
  close(all.knowns.length);
  return documents;
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

/** A part to read: lines [from, to) of a document, keys of the map below the header lines `chain` (their indices). */
interface Unit {
  from: number;
  to: number;
  chain: readonly number[];
}

/** A map key as yaml.ts keyString reads it, and where it is written (its quotes included). */
interface Key {
  key: string;
  range: Range;
}

/**
 * The key of the map key line whose key starts at `at`, as yaml.ts keyString reads it: without its quotes (PLAIN_KEY's quoted keys have no
 * escapes), a plain null as '' and a plain boolean in lower case (the yaml library's YAML 1.2 core schema).
 */
function keyOf(text: string, at: number): string {
  const quote = text[at];
  if (quote === '"' || quote === "'") return text.slice(at + 1, text.indexOf(quote, at + 1));
  const key = text.slice(at, text.indexOf(':', at));
  const first = key.charCodeAt(0) | 32; // lower case
  if (first === 110 && /^(?:null|Null|NULL)$/.test(key)) return '';
  if ((first === 116 || first === 102) && /^(?:true|True|TRUE|false|False|FALSE)$/.test(key)) return key.toLowerCase();
  return key;
}

/** Where the key that starts at `at` is written, its quotes included. */
function keyRange(text: string, at: number): Range {
  const quote = text[at];
  return { start: at, end: quote === '"' || quote === "'" ? text.indexOf(quote, at + 1) + 1 : text.indexOf(':', at) };
}

/** Keys read between two steps of an outline: each is a few comparisons, a step through the generators costs more. */
const KEYS_PER_STEP = 64;

class Outline {
  /** The parts kept, in order. */
  readonly units: Unit[] = [];
  /** The keys of the maps it read that an earlier key of the same map already has. */
  readonly duplicates: Key[] = [];
  private keysRead = 0;

  private readonly lines: Line[];

  constructor(
    private readonly text: string,
    private readonly document: Document,
    private readonly matters: (mask: number) => boolean,
  ) {
    this.lines = document.lines;
  }

  private maskOf(from: number, to: number): number {
    let mask = 0;
    for (let i = from; i < to; i++) mask |= this.lines[i].mask;
    return mask;
  }

  /** The end of the block that starts at `from`: the next significant line indented `indent` or less. */
  private extent(from: number, indent: number): number {
    let i = from + 1;
    while (i < this.lines.length && !(significant(this.lines[i]) && this.lines[i].indent <= indent)) i++;
    return i;
  }

  /**
   * Reads the map whose keys are the significant lines of [from, to), all at one indentation; false when
   * they are not all keys of one map (the caller then keeps or drops the region whole). `context`: the
   * words of the header lines above. A step after every KEYS_PER_STEP keys read (a big document has thousands).
   */
  *map(from: number, to: number, context: number, chain: readonly number[]): Steps<boolean> {
    const first = this.firstSignificant(from, to);
    if (first === to) return true;
    const indent = this.lines[first].indent;
    const keys = new Set<string>();
    // Each key is read as soon as it is checked: when a later one is not a key of this map, the caller drops what it kept.
    for (let i = first; i < to; ) {
      const line = this.lines[i];
      if (line.indent !== indent || line.item || (line.kind !== Kind.KeyOpen && line.kind !== Kind.KeyValue && line.kind !== Kind.KeyBlock)) return false;
      const end = Math.min(this.extent(i, indent), to);
      if (!this.wellFormedLeaf(i, end)) return false;
      const at = this.document.starts[i] + indent;
      // Lines of the same text are one Line, with one key.
      const key = (line.key ??= keyOf(this.text, at));
      if (keys.has(key)) this.duplicates.push({ key, range: keyRange(this.text, at) });
      keys.add(key);
      if (this.matters(context | this.maskOf(i, end))) {
        const inner = this.firstSignificant(i + 1, end);
        const header = context | line.mask;
        if (line.kind !== Kind.KeyOpen || inner === end || this.matters(header)) this.units.push({ from: i, to: end, chain });
        else yield* this.below(i, inner, end, header, chain);
      }
      if (++this.keysRead % KEYS_PER_STEP === 0) yield;
      i = end;
    }
    return true;
  }

  /** The map below the header line `from` (its first line `inner`): the entries that can matter, read as keys of that map (the header alone yields no entry). */
  private *below(from: number, inner: number, to: number, header: number, chain: readonly number[]): Steps<void> {
    const mark = this.units.length;
    const duplicatesMark = this.duplicates.length;
    if (!(yield* this.map(inner, to, header, [...chain, from]))) {
      // Read whole: the yaml library reports its duplicate keys.
      this.units.length = mark;
      this.duplicates.length = duplicatesMark;
      this.units.push({ from, to, chain });
    }
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
}

/** The parts of one document to read and the duplicate keys of the maps read on the way, or undefined when the whole text must be parsed; in steps (Outline.map). */
function* outlineDocument(text: string, document: Document, matters: (mask: number) => boolean): Steps<Pick<Outline, 'units' | 'duplicates'> | undefined> {
  const { lines } = document;
  if (!wellNested(lines)) return undefined;
  yield;
  const first = lines.findIndex(significant);
  if (first === -1) return { units: [], duplicates: [] };
  if (lines[first].indent !== 0) return undefined;
  const reader = new Outline(text, document, matters);
  if (!(yield* reader.map(first, lines.length, 0, []))) return undefined;
  return reader;
}

/** What a piece of text yields read on its own (yaml.ts parseYamlPiece), memoized by its text and context. */
type Piece = ReturnType<typeof parseYamlPiece>;

/** Characters of piece text kept per generation of the cache (two generations: the last ones used survive). */
const PIECE_CACHE_CHARS = 8 * 1024 * 1024;
let pieceCache = new Map<string, Piece>();
let oldPieceCache = new Map<string, Piece>();
let pieceCacheChars = 0;

function readPiece(text: string, root: RootContext): Piece {
  const key = `${root.parentKey === 'environment' ? 'e' : '-'}${root.depth}\n${text}`;
  let piece = pieceCache.get(key);
  if (piece) return piece;
  piece = oldPieceCache.get(key) ?? parseYamlPiece(text, root);
  if (pieceCacheChars + key.length > PIECE_CACHE_CHARS) {
    oldPieceCache = pieceCache;
    pieceCache = new Map();
    pieceCacheChars = 0;
  }
  pieceCache.set(key, piece);
  pieceCacheChars += key.length;
  return piece;
}

/** Whether the piece read without the yaml library having to recover (else the whole text is parsed). */
const clean = (piece: Piece): boolean => !piece.syntax;

/** A run of kept lines of the text, and where it starts in the text of its chunk. */
interface Span {
  at: number;
  start: number;
  end: number;
}

/** Units read together: siblings below the same header lines, in one call of the yaml library. */
interface Chunk {
  /** Its document's index among the yaml library's. */
  document: number;
  /** The lines of `source` above it (their indices). */
  chain: readonly number[];
  source: Document;
  spans: Span[];
  length: number;
}

/** A cheap hash of a line (FNV-1a): where a chunk may end depends on the text, not on positions, so edits elsewhere keep the chunks. */
function lineHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** About this many units per chunk: a miss re-reads a handful of siblings, a cold read calls the yaml library a few times per hundred lines. */
const CHUNK_SPREAD = 8;

function chunksOf(text: string, documents: ReadonlyArray<{ document: Document; units: Unit[] }>): Chunk[] {
  const chunks: Chunk[] = [];
  for (const { document, units } of documents) {
    let chunk: Chunk | undefined;
    for (const unit of units) {
      const start = document.starts[unit.from];
      const end = document.ends[unit.to - 1];
      if (!chunk || chunk.chain !== unit.chain || lineHash(text, start, document.ends[unit.from]) % CHUNK_SPREAD === 0) {
        chunk = { document: document.index, chain: unit.chain, source: document, spans: [], length: 0 };
        chunks.push(chunk);
      }
      const last = chunk.spans[chunk.spans.length - 1];
      if (last && last.end === start) last.end = end;
      else chunk.spans.push({ at: chunk.length, start, end });
      chunk.length += end - start;
    }
  }
  return chunks;
}

/** The key of a header line, as the yaml library reads it; undefined when that is not one plain key. */
function headerKey(text: string, start: number, end: number): string | undefined {
  const piece = readPiece(text.slice(start, end), { depth: 0 });
  const entry = piece.entries[0];
  return clean(piece) && piece.entries.length === 1 && entry.path.length === 1 && entry.value === null ? entry.path[0] : undefined;
}

/** What to read of `text`: its chunks and the duplicate keys the outline saw, or undefined when the whole text must be parsed. */
function* plan(text: string, vocabulary: ReadVocabulary): Steps<{ chunks: Chunk[]; duplicates: Key[] } | undefined> {
  if (text.length > MAX_YAML_LENGTH) return undefined;
  const documents = yield* scanLines(text, vocabulary);
  if (!documents) return undefined;
  // The parser stops at MAX_YAML_ENTRIES entries of the whole text; each needs a line or a comma.
  let commas = 0;
  for (let i = text.indexOf(','); i !== -1; i = text.indexOf(',', i + 1)) commas++;
  let lineCount = documents.length;
  for (const document of documents) lineCount += document.lines.length;
  if (lineCount + commas >= MAX_YAML_ENTRIES) return undefined;
  const outlined: Array<{ document: Document; units: Unit[] }> = [];
  const duplicates: Key[] = [];
  for (const document of documents) {
    const { lines } = document;
    const matters = lines.length ? vocabulary.mattersIn(document.signatureWords) : () => false;
    yield;
    const outline = yield* outlineDocument(text, document, matters);
    if (!outline) return undefined;
    outlined.push({ document, units: outline.units });
    duplicates.push(...outline.duplicates);
    yield;
  }
  return { chunks: chunksOf(text, outlined), duplicates };
}

/** The key path above a chunk, from its header lines (`keys` remembers them per line); undefined when one is not a plain key. */
function prefixOf(text: string, chunk: Chunk, keys: Map<Line, string>): string[] | undefined {
  const prefix: string[] = [];
  for (const header of chunk.chain) {
    // Lines of the same text are one Line, with one key.
    const line = chunk.source.lines[header];
    let key = keys.get(line);
    if (key === undefined) {
      key = headerKey(text, chunk.source.starts[header], chunk.source.ends[header]);
      if (key === undefined) return undefined;
      keys.set(line, key);
    }
    prefix.push(key);
  }
  return prefix;
}

const sourceOf = (text: string, chunk: Chunk): string =>
  chunk.spans.length === 1 ? text.slice(chunk.spans[0].start, chunk.spans[0].end) : chunk.spans.map((span) => text.slice(span.start, span.end)).join('');

/**
 * The entries of `text` that can matter (every entry whose key path and value have words that pass
 * `vocabulary.mattersIn`, and maybe others), in document order with their ranges in `text`; the full parse
 * whenever the scan cannot tell (see the top of this file). `vocabulary` gives a line's words as bits, and
 * for a document's signature words whether a part of it with those words (ORed over its lines) can hold an
 * entry that matters. In short steps (some lines, one document's outline, one chunk) for
 * analyze.ts analysisSteps, which an adapter that must not block for long drives with pauses; a text the
 * partial read cannot outline is parsed whole (yaml.ts parseYamlSteps, in steps too).
 */
export function* readYamlParts(text: string, vocabulary: ReadVocabulary): Steps<ParseResult> {
  const planned = yield* plan(text, vocabulary);
  if (!planned) return yield* parseYamlSteps(text);
  const { chunks, duplicates } = planned;
  const { result, addError } = startResult('yaml', text);
  const keys = new Map<Line, string>();
  for (const chunk of chunks) {
    const prefix = prefixOf(text, chunk, keys);
    if (!prefix) return yield* parseYamlSteps(text);
    const piece = readPiece(sourceOf(text, chunk), { parentKey: prefix[prefix.length - 1], depth: prefix.length });
    if (!clean(piece)) return yield* parseYamlSteps(text);
    const { spans } = chunk;
    const place = (offset: number): number => {
      let lo = 0;
      let hi = spans.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (spans[mid].at <= offset) lo = mid;
        else hi = mid - 1;
      }
      return spans[lo].start + (offset - spans[lo].at);
    };
    // A non-empty range lies in one span: its end is placed from its last character.
    const range = (r: Range): Range => {
      const start = place(r.start);
      return { start, end: r.end > r.start ? place(r.end - 1) + 1 : start };
    };
    for (const entry of piece.entries) {
      result.entries.push({ ...entry, path: prefix.length ? [...prefix, ...entry.path] : [...entry.path], keyRange: range(entry.keyRange), valueRange: range(entry.valueRange), document: chunk.document });
    }
    for (const error of piece.errors) addError(error.message, range(error.range));
    yield;
  }
  // Two keys of one map that fell in different chunks, or in parts left out: as the full read reports them.
  const reported = new Set(result.errors.map((error) => `${error.range.start}\n${error.message}`));
  for (const { key, range } of duplicates) {
    const message = duplicateKeyMessage(key);
    if (!reported.has(`${range.start}\n${message}`)) addError(message, range);
  }
  return result;
}
