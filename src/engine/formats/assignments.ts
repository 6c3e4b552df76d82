// Literal assignments in code-like config files: Django `settings.py`,
// GitLab `gitlab.rb`, Rails `config/environments/*.rb` and initializers,
// Nextcloud `config.php`, Roundcube `config.inc.php`. A tolerant token scanner, not a language parser: it
// never throws, always moves forward, and keeps no recursion deeper than
// MAX_NESTING.
//
// Recognized statements (one per line, or separated by `;`):
//   TARGET = VALUE
// TARGET is `name`, `a.b.c`, `A::B.c`, `name['key']`, `name[:key]`, `$var['key']`, `$CFG->key`
// (path: the names and subscripts). Indented statements count only when the
// target is dotted/subscripted or an UPPER_CASE name (so function locals are
// skipped). A PHP `$variable` root is dropped when followed by subscripts or
// assigned an array: `$CONFIG = array('mail_smtpport' => 465)` and
// `$CONFIG['mail_smtpport'] = 465` both give ['mail_smtpport']. PHP `define('NAME', VALUE)` gives ['NAME'].
// A PHP `return [ … ];` at column 0 (Laravel's config/*.php) gives the array's items from the root.
// A keyed item outside any container (`'mail_smtpport' => 465,`, an excerpt without its array) gives ['mail_smtpport'].
//
// VALUE is a literal (string, number, true/false/null in the file's
// language, Ruby :symbol), or a hash/dict/array literal whose keyed items
// (`key: v`, `:key => v`, `'key' => v`, `"key": v`) are walked with the key
// appended to the path (positional items are skipped). Anything else (calls,
// env lookups, interpolated strings, expressions) gives value null with
// valueType 'null' and valueRange covering the expression.

import type { ConfigEntry, ParseResult, Range } from '../types';
import { startResult, type AddError } from './common';

export const MAX_ASSIGNMENT_ENTRIES = 100_000;
const MAX_NESTING = 64;

export type AssignmentLanguage = 'python' | 'ruby' | 'php';

function countMatches(text: string, re: RegExp, cap = 50): number {
  let count = 0;
  re.lastIndex = 0;
  while (count < cap && re.exec(text)) count++;
  return count;
}

/** Guesses the language of a code-like config file from its first 64 KB. */
/**
 * gitlab.rb's settings in a file of another name: two or more `gitlab_rails['smtp_…'] = …` lines at the start of a line,
 * the form Omnibus GitLab's gitlab.rb uses (docs.gitlab.com/omnibus/settings/smtp); a Ruby program rarely writes them.
 */
export function looksLikeOmnibus(text: string): boolean {
  return countMatches(text.slice(0, 65536), /^[ \t]*gitlab_rails\[['"]smtp_\w+['"]\][ \t]*=[^=]/gm) >= 2;
}

export function detectAssignmentLanguage(text: string): AssignmentLanguage {
  const head = text.slice(0, 65536);
  if (/^\uFEFF?\s*<\?php/.test(head)) return 'php';
  // An excerpt of config.php without its `<?php` line: PHP's `=> array (`, or Nextcloud's `$CONFIG` / Moodle's `$CFG` /
  // Roundcube's `$config['smtp_host']` (config.inc.php).
  if (/=>\s*array\s*\(/i.test(head) || /^[ \t]*\$(?:CONFIG|CFG|config\[)/m.test(head)) return 'php';
  const py =
    3 * countMatches(head, /^[ \t]*(?:from[ \t]+[\w.]+[ \t]+)?import[ \t]+\w/gm) +
    3 * countMatches(head, /^[ \t]*def[ \t]+\w+[ \t]*\(/gm) +
    countMatches(head, /\b(?:True|False|None)\b/g);
  const rb =
    3 * countMatches(head, /^[ \t]*end[ \t]*$/gm) +
    3 * countMatches(head, /\bdo[ \t]*(?:\|[^|\n]*\|)?[ \t]*$/gm) +
    3 * countMatches(head, /^[ \t]*require[ \t]+['"]/gm) +
    countMatches(head, /\b(?:true|false|nil)\b/g) +
    countMatches(head, /=>/g) +
    countMatches(head, /^[ \t]*[a-z_]+\[['"][\w.]+['"]\][ \t]*=[^=]/gm);
  return rb > py ? 'ruby' : 'python';
}

type TokKind = 'ident' | 'string' | 'number' | 'symbol' | 'punct' | 'newline' | 'eof';

interface Token {
  kind: TokKind;
  start: number;
  end: number;
  /** ident name, punct text, number source, symbol name. */
  text: string;
  /** Cooked string value; null when not a literal (interpolated, heredoc, shell, unterminated). */
  value?: string | null;
  quote?: '"' | "'" | '`';
  /** First token of its line, at column 0. */
  col0: boolean;
}

const MULTI_OPS = [
  '<=>', '===', '**=', '||=', '&&=', '<<=', '>>=',
  '=>', '==', '!=', '<=', '>=', '+=', '-=', '*=', '/=', '%=', '|=', '&=', '^=', '=~', '!~', '->', '**', '||', '&&', '<<', '>>', '::', '..',
];

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 0x80;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

class Lexer {
  private pos = 0;
  private lineHasToken = false;
  private lineStartPos = 0;
  private readonly pendingHeredocs: string[] = [];
  private readonly n: number;

  constructor(
    private readonly text: string,
    private readonly lang: AssignmentLanguage,
    private readonly onError: AddError,
  ) {
    this.n = text.length;
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
    this.lineStartPos = this.pos;
  }

  next(): Token {
    const { text, n } = this;
    for (;;) {
      if (this.pos >= n) return this.make('eof', n, n, '');
      const c = text.charCodeAt(this.pos);
      // Blanks.
      if (c === 32 || c === 9 || c === 12 || c === 11) {
        this.pos++;
        continue;
      }
      // Line continuation.
      if (c === 92 && (text.charCodeAt(this.pos + 1) === 10 || text.charCodeAt(this.pos + 1) === 13)) {
        this.pos += text.charCodeAt(this.pos + 1) === 13 && text.charCodeAt(this.pos + 2) === 10 ? 3 : 2;
        continue;
      }
      if (c === 10 || c === 13) {
        const start = this.pos;
        this.pos += c === 13 && text.charCodeAt(this.pos + 1) === 10 ? 2 : 1;
        if (this.pendingHeredocs.length > 0) this.skipHeredocBodies();
        const tok = this.make('newline', start, this.pos, '\n');
        this.lineHasToken = false;
        this.lineStartPos = this.pos;
        return tok;
      }
      // Comments.
      if (c === 35 /* # */ || (this.lang === 'php' && c === 47 && text.charCodeAt(this.pos + 1) === 47)) {
        while (this.pos < n && text.charCodeAt(this.pos) !== 10 && text.charCodeAt(this.pos) !== 13) this.pos++;
        continue;
      }
      if (this.lang === 'php' && (text.startsWith('<?php', this.pos) || text.startsWith('<?=', this.pos) || text.startsWith('?>', this.pos))) {
        this.pos += text.startsWith('<?php', this.pos) ? 5 : 2 + (c === 60 ? 1 : 0);
        continue;
      }
      if (this.lang === 'php' && c === 47 && text.charCodeAt(this.pos + 1) === 42) {
        const close = text.indexOf('*/', this.pos + 2);
        this.pos = close === -1 ? n : close + 2;
        continue;
      }
      if (this.lang === 'ruby' && c === 61 && this.pos === this.lineStartPos && text.startsWith('=begin', this.pos)) {
        const close = this.findLineStartingWith('=end', this.pos);
        this.pos = close === -1 ? n : close;
        while (this.pos < n && text.charCodeAt(this.pos) !== 10 && text.charCodeAt(this.pos) !== 13) this.pos++;
        continue;
      }
      return this.lexToken(c);
    }
  }

  private findLineStartingWith(prefix: string, from: number): number {
    let i = this.text.indexOf('\n' + prefix, from);
    if (i === -1) i = this.text.indexOf('\r' + prefix, from);
    return i === -1 ? -1 : i + 1;
  }

  private make(kind: TokKind, start: number, end: number, text: string): Token {
    const col0 = !this.lineHasToken && start === this.lineStartPos;
    if (kind !== 'newline' && kind !== 'eof') this.lineHasToken = true;
    return { kind, start, end, text, col0 };
  }

  private skipHeredocBodies(): void {
    const { text, n } = this;
    while (this.pendingHeredocs.length > 0 && this.pos < n) {
      const id = this.pendingHeredocs.shift()!;
      // Skip lines until one whose content (trimmed) is the identifier.
      for (;;) {
        let e = this.pos;
        while (e < n && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) e++;
        const line = text.slice(this.pos, e).trim();
        const isEnd = line === id || (line.startsWith(id) && /^[;,)]/.test(line.slice(id.length)));
        if (e >= n) {
          this.pos = n;
          if (!isEnd) this.onError(`Unterminated heredoc ${id}`, { start: n, end: n });
          break;
        }
        const nextLine = text.charCodeAt(e) === 13 && text.charCodeAt(e + 1) === 10 ? e + 2 : e + 1;
        if (isEnd) {
          // Leave the terminator line's own line break to be lexed as the newline of this statement.
          this.pos = e;
          break;
        }
        this.pos = nextLine;
      }
    }
    this.pendingHeredocs.length = 0;
  }

  private lexToken(c: number): Token {
    const { text, lang } = this;
    const start = this.pos;

    // Heredocs: Ruby <<~ID, <<-ID, <<ID; PHP <<<ID, <<<'ID', <<<"ID".
    if (c === 60 && text.charCodeAt(start + 1) === 60) {
      const m =
        lang === 'php'
          ? /^<<<[ \t]*(['"]?)([A-Za-z_]\w*)\1/.exec(text.slice(start, start + 80))
          : lang === 'ruby'
            ? /^<<([~-])(['"]?)([A-Za-z_]\w*)\2|^<<(['"]?)([A-Z_][A-Z0-9_]*)\4/.exec(text.slice(start, start + 80))
            : null;
      if (m) {
        const id = lang === 'php' ? m[2] : (m[3] ?? m[5]);
        this.pendingHeredocs.push(id);
        this.pos = start + m[0].length;
        const tok = this.make('string', start, this.pos, m[0]);
        tok.value = null;
        return tok;
      }
    }

    // Strings (with Python prefixes).
    if (c === 34 || c === 39 || c === 96) return this.lexString(start, start, '');
    if (isIdentStart(c) || ((c === 36 || c === 64) && isIdentStart(text.charCodeAt(start + 1))) || (c === 64 && text.charCodeAt(start + 1) === 64)) {
      let e = start + 1;
      while (e < this.n && (isIdentPart(text.charCodeAt(e)) || text.charCodeAt(e) === 64)) e++;
      const name = text.slice(start, e);
      const q = text.charCodeAt(e);
      if (lang === 'python' && (q === 34 || q === 39) && /^(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR])$/.test(name)) {
        return this.lexString(start, e, name.toLowerCase());
      }
      this.pos = e;
      return this.make('ident', start, e, name);
    }
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(start + 1)))) {
      let e = start + 1;
      while (e < this.n) {
        const d = text.charCodeAt(e);
        if (isIdentPart(d) && d < 0x80) e++;
        else if (d === 46 && isDigit(text.charCodeAt(e + 1))) e++;
        else if ((d === 43 || d === 45) && (text[e - 1] === 'e' || text[e - 1] === 'E') && !/^0[xX]/.test(text.slice(start, e))) e++;
        else break;
      }
      this.pos = e;
      return this.make('number', start, e, text.slice(start, e));
    }
    // Ruby symbols: :name (not `::`, not after an identifier character).
    if (c === 58 && lang === 'ruby' && isIdentStart(text.charCodeAt(start + 1)) && !isIdentPart(text.charCodeAt(start - 1)) && text.charCodeAt(start - 1) !== 58) {
      let e = start + 2;
      while (e < this.n && isIdentPart(text.charCodeAt(e))) e++;
      if (text.charCodeAt(e) === 63 || text.charCodeAt(e) === 33) e++; // :enabled?
      this.pos = e;
      return this.make('symbol', start, e, text.slice(start + 1, e));
    }
    for (const op of MULTI_OPS) {
      if (text.startsWith(op, start)) {
        this.pos = start + op.length;
        return this.make('punct', start, this.pos, op);
      }
    }
    this.pos = start + 1;
    // Keep surrogate pairs together.
    if (c >= 0xd800 && c <= 0xdbff && this.pos < this.n) this.pos++;
    return this.make('punct', start, this.pos, text.slice(start, this.pos));
  }

  private lexString(start: number, quotePos: number, prefix: string): Token {
    const { text, n, lang } = this;
    const q = text[quotePos];
    const triple = lang === 'python' && q !== '`' && text.startsWith(q + q + q, quotePos);
    const delim = triple ? q + q + q : q;
    const bodyStart = quotePos + delim.length;
    const singleLine = lang === 'python' && !triple;
    let i = bodyStart;
    let close = -1;
    while (i < n) {
      const ch = text.charCodeAt(i);
      if (ch === 92) {
        i += 2;
        continue;
      }
      if (singleLine && (ch === 10 || ch === 13)) break;
      if (text[i] === q && (!triple || text.startsWith(delim, i))) {
        close = i;
        break;
      }
      i++;
    }
    const end = close === -1 ? Math.min(i, n) : close + delim.length;
    this.pos = end;
    const tok = this.make('string', start, end, text.slice(start, end));
    tok.quote = q as '"' | "'" | '`';
    if (close === -1) {
      this.onError('Unterminated string', { start, end });
      tok.value = null;
      return tok;
    }
    const body = text.slice(bodyStart, close);
    tok.value = cookString(body, q, lang, prefix);
    return tok;
  }
}

function cookString(body: string, q: string, lang: AssignmentLanguage, prefix: string): string | null {
  if (q === '`') return null; // shell command (Ruby, PHP)
  if (lang === 'python') {
    let b = body;
    if (prefix.includes('f')) {
      if (/\{/.test(b.replace(/\{\{/g, ''))) return null;
      b = b.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
    }
    if (prefix.includes('r')) return b;
    return unescape(b, 'python');
  }
  if (lang === 'ruby') {
    if (q === '"' && /#[{@$]/.test(body)) return null;
    return q === "'" ? body.replace(/\\([\\'])/g, '$1') : unescape(body, 'ruby');
  }
  // php
  if (q === '"' && /\$[A-Za-z_{]|\{\$/.test(body)) return null;
  return q === "'" ? body.replace(/\\([\\'])/g, '$1') : unescape(body, 'php');
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  f: '\f',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
};

function unescape(body: string, lang: AssignmentLanguage): string {
  if (body.indexOf('\\') === -1) return body;
  return body.replace(
    /\\(u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{1,2}|[0-7]{1,3}|\r\n|[\s\S])/g,
    (whole, e: string) => {
      const head = e[0];
      if (head === 'u' && e[1] === '{') {
        if (lang === 'python') return whole;
        const cp = parseInt(e.slice(2, -1), 16);
        return cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
      }
      if (head === 'u' && e.length === 5) return lang === 'php' ? whole : String.fromCharCode(parseInt(e.slice(1), 16));
      if (head === 'U' && e.length === 9) {
        const cp = parseInt(e.slice(1), 16);
        return lang === 'python' && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
      }
      if (head === 'x' && e.length > 1) return String.fromCharCode(parseInt(e.slice(1), 16));
      if (head >= '0' && head <= '7') return String.fromCharCode(parseInt(e, 8) & 0xff);
      if (e === '\n' || e === '\r' || e === '\r\n') return lang === 'php' ? whole : '';
      if (head in SIMPLE_ESCAPES) {
        if (lang === 'php' && head === "'") return whole;
        return SIMPLE_ESCAPES[head];
      }
      if (lang === 'python') {
        if (head === 'a') return '\x07';
        if (head === 'b') return '\b';
        return whole;
      }
      if (lang === 'ruby') {
        if (head === 's') return ' ';
        if (head === 'e') return '\x1b';
        if (head === 'a') return '\x07';
        if (head === 'b') return '\b';
        return head;
      }
      // php
      if (head === 'e') return '\x1b';
      if (head === '$') return '$';
      return whole;
    },
  );
}

class StopParsing extends Error {}

const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSERS = new Set([')', ']', '}']);

class AssignmentParser {
  private readonly buffer: Token[] = [];
  private head = 0;
  /** Tokens consumed so far, and the end offset of the last one. */
  private consumed = 0;
  private lastEnd = 0;
  readonly entries: ConfigEntry[] = [];

  constructor(
    private readonly lexer: Lexer,
    private readonly lang: AssignmentLanguage,
    private readonly addError: AddError,
  ) {}

  private peek(k = 0): Token {
    while (this.buffer.length - this.head <= k) this.buffer.push(this.lexer.next());
    return this.buffer[this.head + k];
  }

  private advance(): Token {
    const tok = this.peek();
    if (tok.kind !== 'eof') {
      this.head++;
      if (this.head > 1024) {
        this.buffer.splice(0, this.head);
        this.head = 0;
      }
      this.consumed++;
      this.lastEnd = tok.end;
    }
    return tok;
  }

  private isPunct(tok: Token, text: string): boolean {
    return tok.kind === 'punct' && tok.text === text;
  }

  private emit(entry: ConfigEntry): void {
    if (this.entries.length >= MAX_ASSIGNMENT_ENTRIES) {
      this.addError(`Too many entries: analysis stopped after ${MAX_ASSIGNMENT_ENTRIES}`, entry.keyRange);
      throw new StopParsing();
    }
    this.entries.push(entry);
  }

  run(): void {
    for (;;) {
      const tok = this.peek();
      if (tok.kind === 'eof') return;
      if (tok.kind === 'newline' || this.isPunct(tok, ';')) {
        this.advance();
        continue;
      }
      const before = this.consumed;
      if (!this.tryAssignment() && !this.tryDefine() && !this.tryReturn() && !this.tryBareItem()) this.skipExpression(false);
      if (this.consumed === before) this.advance(); // always move forward
    }
  }

  /**
   * A keyed item outside any container, `'mail_smtpport' => 587,`: a config.php excerpt quoted without its
   * `$CONFIG = array(` line (issue threads quote only the mail lines). No statement of PHP, Ruby or Python
   * starts with a string followed by `=>`, so the item is read as an entry of the array it was cut from.
   */
  private tryBareItem(): boolean {
    const key = this.peek();
    if (key.kind !== 'string' || typeof key.value !== 'string' || !this.isPunct(this.peek(1), '=>')) return false;
    this.advance();
    this.advance();
    this.parseValue([key.value], { start: key.start, end: key.end }, true, 0, this.skipNewlines());
    if (this.isPunct(this.peek(), ',')) this.advance();
    return true;
  }

  /** PHP `define('NAME', VALUE)` (wp-config.php's WPMS_* constants): the entry ['NAME']; false if it is not one. */
  private tryDefine(): boolean {
    const name = this.peek(2);
    if (this.lang !== 'php' || this.peek().kind !== 'ident' || this.peek().text.toLowerCase() !== 'define') return false;
    if (!this.isPunct(this.peek(1), '(') || name.kind !== 'string' || typeof name.value !== 'string' || !this.isPunct(this.peek(3), ',')) return false;
    for (let i = 0; i < 4; i++) this.advance();
    this.parseValue([name.value], { start: name.start, end: name.end }, true, 0, this.peek());
    return true;
  }

  /**
   * PHP `return [ … ];` at the start of a line: a Laravel config file (`config/mail.php`) returns its settings
   * as an array, whose keyed items are the entries from the root (['mailers', 'smtp', 'port']).
   */
  private tryReturn(): boolean {
    const first = this.peek();
    if (this.lang !== 'php' || first.kind !== 'ident' || first.text !== 'return' || !first.col0) return false;
    this.advance();
    if (this.containerCloser() === undefined) return true;
    this.parseValue([], undefined, false, 0, this.peek());
    return true;
  }

  /** Parses `TARGET = VALUE` at the current token; false (nothing consumed) if it is not one. */
  private tryAssignment(): boolean {
    const first = this.peek();
    if (first.kind !== 'ident') return false;
    const segments = [first.text.replace(/^(\$|@@?)/, '')];
    const isPhpVar = first.text.startsWith('$');
    let dotted = false;
    let arrow = false;
    let k = 1;
    let targetEnd = first.end;
    for (;;) {
      const t = this.peek(k);
      // `a.b`, Ruby `A::B`, PHP `$CFG->smtphosts` (Moodle's config.php).
      if ((this.isPunct(t, '.') || this.isPunct(t, '::') || (this.lang === 'php' && this.isPunct(t, '->'))) && this.peek(k + 1).kind === 'ident') {
        if (this.isPunct(t, '->')) arrow = true;
        segments.push(this.peek(k + 1).text);
        targetEnd = this.peek(k + 1).end;
        dotted = true;
        k += 2;
        continue;
      }
      if (this.isPunct(t, '[')) {
        const inner = this.peek(k + 1);
        const close = this.peek(k + 2);
        if (
          this.isPunct(close, ']') &&
          ((inner.kind === 'string' && typeof inner.value === 'string') || inner.kind === 'number' || inner.kind === 'symbol')
        ) {
          segments.push(inner.kind === 'string' ? (inner.value as string) : inner.text);
          targetEnd = close.end;
          dotted = true;
          k += 3;
          continue;
        }
      }
      break;
    }
    // Python annotation: NAME: type = value
    if (this.lang === 'python' && !dotted && this.isPunct(this.peek(k), ':')) {
      let j = k + 1;
      while (this.peek(j).kind === 'ident' || this.isPunct(this.peek(j), '.')) j++;
      if (j > k + 1 && this.isPunct(this.peek(j), '=')) k = j;
    }
    if (!this.isPunct(this.peek(k), '=')) return false;
    if (!first.col0 && !dotted && !isPhpVar && !/^[A-Z][A-Z0-9_]*$/.test(segments[0])) return false;
    for (let i = 0; i <= k; i++) this.advance();

    const valueTok = this.peek();
    const isContainer = this.containerCloser() !== undefined;
    // `$CFG->smtphosts` keeps its object's name: it is what tells Moodle's settings.
    const path = isPhpVar && !arrow && (segments.length > 1 || isContainer) ? segments.slice(1) : segments;
    const keyRange: Range = { start: first.start, end: targetEnd };
    this.parseValue(path, keyRange, false, 0, valueTok);
    // Anything left on the statement is skipped.
    const t = this.peek();
    if (t.kind !== 'newline' && t.kind !== 'eof' && !this.isPunct(t, ';')) this.skipExpression(false);
    return true;
  }

  /** If the current token opens a hash/array literal, its closer. */
  private containerCloser(): string | undefined {
    const t = this.peek();
    if (t.kind === 'punct' && (t.text === '{' || t.text === '[')) return OPENERS[t.text];
    if (this.lang === 'php' && t.kind === 'ident' && t.text.toLowerCase() === 'array' && this.isPunct(this.peek(1), '(')) return ')';
    return undefined;
  }

  private literal(tok: Token): { value: string | null; valueType: ConfigEntry['valueType']; end: number; quote?: ConfigEntry['quote']; consumed: number } | undefined {
    let t = tok;
    let sign = '';
    let consumed = 1;
    if (t.kind === 'punct' && (t.text === '-' || t.text === '+') && this.peek(1).kind === 'number') {
      sign = t.text === '-' ? '-' : '';
      t = this.peek(1);
      consumed = 2;
    }
    if (t.kind === 'number') return { value: sign + t.text, valueType: 'number', end: t.end, consumed };
    if (sign) return undefined;
    if (t.kind === 'string') {
      if (typeof t.value !== 'string') return undefined;
      return { value: t.value, valueType: 'string', end: t.end, quote: t.quote, consumed };
    }
    if (t.kind === 'symbol') return { value: t.text, valueType: 'string', end: t.end, consumed };
    if (t.kind === 'ident') {
      const name = this.lang === 'php' ? t.text.toLowerCase() : t.text;
      const [yes, no, nil] = this.lang === 'python' ? ['True', 'False', 'None'] : this.lang === 'ruby' ? ['true', 'false', 'nil'] : ['true', 'false', 'null'];
      if (name === yes) return { value: 'true', valueType: 'boolean', end: t.end, consumed };
      if (name === no) return { value: 'false', valueType: 'boolean', end: t.end, consumed };
      if (name === nil) return { value: null, valueType: 'null', end: t.end, consumed };
    }
    return undefined;
  }

  private isTerminator(tok: Token, inContainer: boolean): boolean {
    if (tok.kind === 'newline' || tok.kind === 'eof') return true;
    if (tok.kind !== 'punct') return false;
    if (tok.text === ';') return true;
    return inContainer && (tok.text === ',' || CLOSERS.has(tok.text));
  }

  private parseValue(path: string[], keyRange: Range | undefined, inContainer: boolean, depth: number, valueTok: Token): void {
    const closer = this.containerCloser();
    if (closer !== undefined && depth < MAX_NESTING) {
      if (this.peek().kind === 'ident') this.advance(); // PHP `array`
      this.advance(); // opener
      this.parseContainer(path, closer, depth + 1);
      return;
    }
    const lit = closer === undefined ? this.literal(valueTok) : undefined;
    if (lit && this.isTerminator(this.peek(lit.consumed), inContainer)) {
      for (let i = 0; i < lit.consumed; i++) this.advance();
      const valueRange: Range = { start: valueTok.start, end: lit.end };
      const entry: ConfigEntry = {
        path,
        value: lit.value,
        valueType: lit.valueType,
        keyRange: keyRange ?? valueRange,
        valueRange,
      };
      if (lit.quote) entry.quote = lit.quote;
      this.emit(entry);
      return;
    }
    // An expression: not a literal.
    const before = this.consumed;
    this.skipExpression(inContainer);
    if (this.consumed === before) return; // nothing there
    const valueRange: Range = { start: valueTok.start, end: this.lastEnd };
    this.emit({ path, value: null, valueType: 'null', keyRange: keyRange ?? valueRange, valueRange });
  }

  private parseContainer(path: string[], closer: string, depth: number): void {
    /** Index of the next positional item (PHP style: after the largest integer key). */
    const index = { next: 0 };
    for (;;) {
      const before = this.consumed;
      if (this.parseContainerItem(path, closer, depth, index)) return;
      if (this.consumed === before) this.advance(); // always move forward
    }
  }

  /** Parses one item of a hash/array literal; true when the container has ended. */
  private parseContainerItem(path: string[], closer: string, depth: number, index: { next: number }): boolean {
    let t = this.skipNewlines();
    if (t.kind === 'eof' || this.isPunct(t, ';')) {
      // End of text, or a `;` (which cannot be inside a literal): the container is unterminated.
      this.addError(`Missing "${closer}"`, { start: t.start, end: t.end });
      return true;
    }
    if (t.kind === 'punct' && CLOSERS.has(t.text)) {
      if (t.text === closer) this.advance();
      return true;
    }
    if (this.isPunct(t, ',')) {
      this.advance();
      return false;
    }
    const sep = this.peek(1);
    const keyed =
      (t.kind === 'string' || t.kind === 'ident' || t.kind === 'number' || t.kind === 'symbol') &&
      (this.isPunct(sep, '=>') || (this.isPunct(sep, ':') && t.kind !== 'symbol'));
    if (keyed) {
      const key = t.kind === 'string' ? (t.value ?? t.text) : t.text;
      if (/^(?:0|[1-9]\d{0,8})$/.test(key)) index.next = Math.max(index.next, Number(key) + 1);
      this.advance();
      this.advance();
      this.parseValue([...path, key], { start: t.start, end: t.end }, true, depth, this.skipNewlines());
    } else {
      // A positional item: its index is the path segment; keyRange is the item itself.
      this.parseValue([...path, String(index.next++)], undefined, true, depth, t);
    }
    // Expect `,` or the closer; otherwise skip what is left of the item.
    t = this.skipNewlines();
    if (this.isPunct(t, ',')) this.advance();
    else if (!(t.kind === 'punct' && CLOSERS.has(t.text)) && t.kind !== 'eof') this.skipExpression(true);
    return false;
  }

  private skipNewlines(): Token {
    let t = this.peek();
    while (t.kind === 'newline') {
      this.advance();
      t = this.peek();
    }
    return t;
  }

  /**
   * Skips an expression: to the end of the statement (newline or `;` outside
   * brackets), or in a container to the next `,` or closer at depth 0.
   */
  private skipExpression(inContainer: boolean): void {
    const stack: string[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'eof') return;
      if (stack.length === 0) {
        if (t.kind === 'newline' && !inContainer) return;
        if (this.isPunct(t, ';')) return;
        if (inContainer && t.kind === 'punct' && (t.text === ',' || CLOSERS.has(t.text))) return;
      } else if (t.kind === 'newline' && !inContainer) {
        // Unbalanced brackets: resynchronize on a column-0 `NAME =`.
        const n1 = this.peek(1);
        if (n1.kind === 'ident' && n1.col0 && this.isPunct(this.peek(2), '=')) {
          this.addError('Unbalanced brackets', { start: t.start, end: t.start });
          return;
        }
      }
      if (t.kind === 'punct') {
        if (t.text in OPENERS) stack.push(OPENERS[t.text]);
        else if (CLOSERS.has(t.text)) {
          if (stack.length > 0) {
            const i = stack.lastIndexOf(t.text);
            if (i !== -1) stack.length = i;
          }
        }
      }
      this.advance();
    }
  }
}

export function parseAssignments(text: string, language?: AssignmentLanguage): ParseResult {
  const { result, addError } = startResult('assignments', text);
  const lang = language ?? detectAssignmentLanguage(text);
  const parser = new AssignmentParser(new Lexer(text, lang, addError), lang, addError);
  try {
    parser.run();
  } catch (e) {
    if (!(e instanceof StopParsing)) {
      addError(`Could not be analyzed: ${e instanceof Error ? e.message : String(e)}`, { start: 0, end: 0 });
    }
  }
  result.entries = parser.entries;
  return result;
}
