// Fluentd (td-agent) configuration reader, written for exact ranges and tolerance rather than validation.
// Follows Fluentd's config file syntax (docs.fluentd.org/configuration/config-file) and its v1 parser
// (fluent/fluentd lib/fluent/config/v1_parser.rb, literal_parser.rb):
// - directives `<source>`, `<match pattern>`, `<filter pattern>`, `<label @NAME>`, `<system>` and the sections
//   nested in them (`<store>`, `<server>`, `<buffer>`…) until `</name>`; each directive is a path segment, its
//   name then its index among its parent's directives: `<match a>` `<store>` → ['match', '0', 'store', '1', …];
// - parameters are `name value` on one line (`@type mail`, `port 587`): the value is the rest of the line,
//   up to a `#` that follows a blank (a comment; a `#` inside a word is kept, as literal_parser.rb's
//   scan_nonquoted_string does); a name alone has the empty value;
// - "double-quoted" values take backslash escapes (`\"`, `\\`, `\n`, `\t`…); 'single-quoted' ones only `\'`
//   and `\\`; `"#{…}"` embedded Ruby is kept as written;
// - `@include` lines are skipped (the included file is read as a file of its own); multi-line JSON values
//   (`[` or `{` continued on later lines) are read as the first line only.
// A line it cannot read becomes a ParseError and reading goes on at the next line; nothing throws.

import type { ConfigEntry, ParseResult } from '../types';
import { bomLength, startResult } from './common';

export const MAX_FLUENTD_ENTRIES = 100_000;
/** Directives nested deeper than this are not read (real configs nest four or five levels; each entry copies the path). */
const MAX_DEPTH = 32;

const DOUBLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', '#': '#', "'": "'", f: '\f', b: '\b', v: '\v', a: '\x07', e: '\x1b', s: ' ', '0': '\0' };

interface Open {
  name: string;
  path: string[];
  children: number;
}

export function parseFluentd(text: string): ParseResult {
  const { result, addError } = startResult('fluentd', text);
  const { entries } = result;
  const stack: Open[] = [{ name: '', path: [], children: 0 }];
  const n = text.length;
  let pos = bomLength(text);
  while (pos < n) {
    let end = pos;
    while (end < n && text[end] !== '\n' && text[end] !== '\r') end++;
    const next = text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1;
    let p = pos;
    while (p < end && (text[p] === ' ' || text[p] === '\t')) p++;
    const lineStart = p;
    pos = next;
    if (p >= end || text[p] === '#') continue;
    const line = text.slice(p, end);

    if (line.startsWith('</')) {
      const match = /^<\/([^>\s]+)\s*>/.exec(line);
      const top = stack[stack.length - 1];
      if (!match || stack.length === 1) addError(stack.length === 1 ? `Closing ${line.trim()} without an opening directive` : 'Not a closing directive', { start: lineStart, end });
      else {
        if (match[1] !== top.name) addError(`</${match[1]}> closes <${top.name}>`, { start: lineStart, end });
        stack.pop();
      }
      continue;
    }
    if (line.startsWith('<')) {
      const match = /^<([^>\s/]+)(?:\s+[^>]*)?>/.exec(line);
      if (!match) {
        addError('Not a directive: expected <name …>', { start: lineStart, end });
        continue;
      }
      if (stack.length > MAX_DEPTH) {
        addError('Directives nested too deeply', { start: lineStart, end });
        continue;
      }
      const parent = stack[stack.length - 1];
      stack.push({ name: match[1], path: [...parent.path, match[1], String(parent.children++)], children: 0 });
      continue;
    }
    if (/^@include\s/.test(line)) continue;

    if (entries.length >= MAX_FLUENTD_ENTRIES) {
      addError(`Too many entries: analysis stopped after ${MAX_FLUENTD_ENTRIES}`, { start: lineStart, end: lineStart });
      break;
    }
    let keyEnd = p;
    while (keyEnd < end && text[keyEnd] !== ' ' && text[keyEnd] !== '\t') keyEnd++;
    const key = text.slice(p, keyEnd);
    let vs = keyEnd;
    while (vs < end && (text[vs] === ' ' || text[vs] === '\t')) vs++;
    const entry: ConfigEntry = {
      path: [...stack[stack.length - 1].path, key],
      value: '',
      valueType: 'string',
      keyRange: { start: p, end: keyEnd },
      valueRange: { start: vs, end: vs },
    };
    const q = text[vs];
    if (q === '"' || q === "'") {
      let value = '';
      let i = vs + 1;
      while (i < end && text[i] !== q) {
        if (text[i] === '\\' && i + 1 < end) {
          const c = text[i + 1];
          if (q === '"' && DOUBLE_ESCAPES[c] !== undefined) value += DOUBLE_ESCAPES[c];
          else if (q === "'" && (c === "'" || c === '\\')) value += c;
          else value += q === '"' ? c : `\\${c}`;
          i += 2;
          continue;
        }
        value += text[i++];
      }
      if (text[i] !== q) {
        addError(`Unterminated ${q} quote`, { start: vs, end });
        continue;
      }
      entry.value = value;
      entry.quote = q;
      entry.valueRange = { start: vs, end: i + 1 };
    } else if (vs < end) {
      // The value ends before a `#` that follows a blank inside it (a comment; its first `#` is the value's,
      // as in example/v1_literal_example.conf's `key7  #t`), and before the blanks at its end.
      let ve = vs + 1;
      while (ve < end && !(text[ve] === '#' && (text[ve - 1] === ' ' || text[ve - 1] === '\t'))) ve++;
      while (ve > vs && (text[ve - 1] === ' ' || text[ve - 1] === '\t')) ve--;
      entry.value = text.slice(vs, ve);
      entry.valueRange = { start: vs, end: ve };
    }
    entries.push(entry);
  }
  if (stack.length > 1) addError(`Missing </${stack[stack.length - 1].name}> at the end of the file`, { start: n, end: n });
  return result;
}

/**
 * Whether a `.conf` file reads as Fluentd's configuration: a `<source>`, `<match …>`, `<filter …>` or
 * `<label @…>` directive, or an `@type` parameter (a `<match>` section quoted without its tags); and no
 * `key = value` or `key: value` statements, `;`-terminated lines or `{` blocks (HOCON, nginx, INI).
 */
export function looksLikeFluentd(text: string): boolean {
  const sample = text.slice(0, 64 * 1024);
  if (/;[ \t]*$/m.test(sample) || /\{[ \t]*$/m.test(sample) || /^[ \t]*\[[^\]\r\n]*\][ \t]*$/m.test(sample)) return false;
  if (/^[ \t]*[A-Za-z_][\w.-]*[ \t]*[=:][ \t]/m.test(sample)) return false;
  return /^[ \t]*<(?:source|match|filter|label|system)(?:[ \t][^>\r\n]*)?>[ \t]*(?:#[^\r\n]*)?$/m.test(sample) || /^[ \t]*@type[ \t]+\S/m.test(sample);
}
