// INI parser for the dialect read by go-ini (grafana.ini, Gitea app.ini):
// - `[section]` headers (`[section.sub]` is one path segment, blanks inside the
//   brackets included); keys before any section have the path [key];
// - `key = value` (the first `=` or `:` separates; blanks around are trimmed);
// - full-line comments start with `;` or `#`; in an unquoted value, `;` or `#`
//   preceded by a blank starts an inline comment;
// - values wrapped in `"""..."""` or backticks are taken literally and may
//   span lines (that is how Grafana and Gitea spell passwords holding `#` or
//   `;`); values wrapped in `"..."` or `'...'` are unquoted (no escapes).

import type { ConfigEntry, ParseResult, Range } from '../types';
import { bomLength, startResult } from './common';

export const MAX_INI_ENTRIES = 100_000;

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12;
}

/** Index of the first `;`/`#` in text[from, to) that follows a blank (or sits at `from` if `from` follows one). */
function inlineCommentStart(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if ((c === 59 || c === 35) && i > 0 && isBlank(text.charCodeAt(i - 1))) return i;
  }
  return -1;
}

/** True if text[from, to) is blank, optionally followed by a `;`/`#` comment. */
function isBlankOrComment(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 59 || c === 35) return true;
    if (!isBlank(c)) return false;
  }
  return true;
}

export function parseIni(text: string): ParseResult {
  const { result, addError } = startResult('ini', text);
  const { entries } = result;

  const n = text.length;
  let section: string | undefined;
  let pos = bomLength(text);

  /** End of the line starting at or containing `from` (before the line break). */
  const lineEndAt = (from: number): number => {
    let k = from;
    while (k < n) {
      const c = text.charCodeAt(k);
      if (c === 10 || c === 13) break;
      k++;
    }
    return k;
  };
  const afterLineBreak = (end: number): number =>
    end >= n ? n : text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;

  while (pos < n) {
    const end = lineEndAt(pos);
    let next = afterLineBreak(end);
    let p = pos;
    while (p < end && isBlank(text.charCodeAt(p))) p++;
    const c = text.charCodeAt(p);
    if (p >= end || c === 59 /* ; */ || c === 35 /* # */) {
      pos = next;
      continue;
    }

    if (c === 91 /* [ */) {
      const close = text.lastIndexOf(']', end - 1);
      if (close <= p) {
        addError('Section header without a closing "]"', { start: p, end });
      } else {
        // go-ini keeps the blanks: `name := string(line[1:closeIdx])` in parser.go (go-ini/ini@b2f570e),
        // so Grafana's `cfg.Section("smtp")` does not see `[ smtp ]`. Python's configparser agrees.
        section = text.slice(p + 1, close);
        if (section !== section.trim()) {
          addError(`Section name with blanks: go-ini reads it as "${section}", not "${section.trim()}"`, { start: p, end: close + 1 });
        }
      }
      pos = next;
      continue;
    }

    if (entries.length >= MAX_INI_ENTRIES) {
      addError(`Too many entries: analysis stopped after ${MAX_INI_ENTRIES}`, { start: p, end: p });
      break;
    }

    // Key (possibly quoted with " or `), then the delimiter.
    let keyStart = p;
    let keyEnd: number;
    let searchFrom = p;
    if (c === 34 || c === 96) {
      const closeKey = text.indexOf(text[p], p + 1);
      if (closeKey !== -1 && closeKey < end) {
        keyStart = p + 1;
        keyEnd = closeKey;
        searchFrom = closeKey + 1;
      } else keyEnd = -1;
    } else keyEnd = -1;
    let delim = -1;
    for (let i = searchFrom; i < end; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 61 || ch === 58) {
        delim = i;
        break;
      }
    }
    if (delim === -1) {
      // An indented line after an entry continues its value in Python's configparser (setup.cfg's
      // `exclude =` lists); go-ini does not read it either way. Not an error, and not read.
      if (p > pos && entries.length > 0 && section !== undefined) {
        pos = next;
        continue;
      }
      addError('Not a "key = value" line', { start: p, end });
      pos = next;
      continue;
    }
    if (keyEnd === -1) {
      keyEnd = delim;
      while (keyEnd > keyStart && isBlank(text.charCodeAt(keyEnd - 1))) keyEnd--;
    }
    const key = text.slice(keyStart, keyEnd);
    const keyRange: Range = c === 34 || c === 96 ? { start: p, end: keyEnd + 1 } : { start: keyStart, end: keyEnd };
    if (keyStart === keyEnd && !(c === 34 || c === 96)) {
      addError('Empty key', { start: p, end: delim + 1 });
      pos = next;
      continue;
    }

    let vs = delim + 1;
    while (vs < end && isBlank(text.charCodeAt(vs))) vs++;

    const entry: ConfigEntry = {
      path: section === undefined ? [key] : [section, key],
      value: '',
      valueType: 'string',
      keyRange,
      valueRange: { start: delim + 1, end: delim + 1 },
    };

    let done = false;
    const triple = text.startsWith('"""', vs);
    if (triple || text.charCodeAt(vs) === 96 /* ` */) {
      const q = triple ? '"""' : '`';
      const contentStart = vs + q.length;
      const sameLine = text.lastIndexOf(q, end - q.length);
      if (sameLine >= contentStart) {
        entry.value = text.slice(contentStart, sameLine);
        entry.valueRange = { start: vs, end: sameLine + q.length };
        entry.quote = triple ? '"' : '`';
        if (triple) entry.quoteWidth = 3;
        done = true;
      } else {
        // Multi-line: the first later line holding the quote closes the value (its last occurrence).
        const first = next < n ? text.indexOf(q, next) : -1;
        if (first !== -1) {
          const lEnd = lineEndAt(first);
          const close = text.lastIndexOf(q, lEnd - q.length);
          entry.value = text.slice(contentStart, close).replace(/\r\n?/g, '\n');
          entry.valueRange = { start: vs, end: close + q.length };
          entry.quote = triple ? '"' : '`';
          if (triple) entry.quoteWidth = 3;
          next = afterLineBreak(lEnd);
          done = true;
        } else {
          addError(`Unterminated ${q} quote`, { start: vs, end });
        }
      }
    } else if (text.charCodeAt(vs) === 34 || text.charCodeAt(vs) === 39) {
      const q = text[vs];
      for (let close = text.lastIndexOf(q, end - 1); close > vs; close = text.lastIndexOf(q, close - 1)) {
        if (isBlankOrComment(text, close + 1, end)) {
          entry.value = text.slice(vs + 1, close);
          entry.valueRange = { start: vs, end: close + 1 };
          entry.quote = q as '"' | "'";
          done = true;
          break;
        }
      }
    }
    if (!done) {
      const comment = inlineCommentStart(text, vs, end);
      let ve = comment === -1 ? end : comment;
      while (ve > vs && isBlank(text.charCodeAt(ve - 1))) ve--;
      if (ve > vs) {
        entry.value = text.slice(vs, ve);
        entry.valueRange = { start: vs, end: ve };
      }
    }
    entries.push(entry);
    pos = next;
  }
  return result;
}

/**
 * Whether a `.cfg` file reads as INI (Python's configparser files such as RatticWeb's conf/local.cfg, setup.cfg):
 * at least one `[section]` header, and every other line a comment, a `key = value` or `key: value` line with a
 * plain key, or an indented continuation line. Not Buildbot's master.cfg (Python: `c['workers'] = …`), Nagios'
 * `define host {` blocks or HAProxy's `global` / `frontend` sections.
 */
export function looksLikeIni(text: string): boolean {
  const sample = text.slice(bomLength(text), 64 * 1024);
  let headers = 0;
  for (const line of sample.split(/\r\n?|\n/)) {
    if (/^[ \t]*(?:[;#]|$)/.test(line)) continue;
    if (/^[ \t]+\S/.test(line)) continue; // a continuation line
    if (/^\[[^\]\r\n]+\][ \t]*(?:[;#].*)?$/.test(line)) headers++;
    else if (!/^[A-Za-z0-9_.@$%-][\w.@$%\- ]*[=:]/.test(line)) return false;
  }
  return headers > 0;
}
