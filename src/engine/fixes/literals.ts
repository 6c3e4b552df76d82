// Writing a value the way the file writes values: `True` in Python, `"false"` in a
// Compose environment map, `yes` where the file says `no`, inside the quotes
// that are already there.

import type { AssignmentLanguage } from '../formats';
import type { FormatId } from '../types';
import type { Literal } from './types';

/** Spellings of a boolean, so a flag is flipped within its own vocabulary. */
const BOOLEAN_FAMILIES: readonly [string, string][] = [
  ['true', 'false'],
  ['yes', 'no'],
  ['on', 'off'],
  ['1', '0'],
  ['y', 'n'],
];

/** `value` spelled like `like` (`False` → `True`, `no` → `yes`, `0` → `1`), else like `fallback`. */
export function spellBoolean(value: boolean, like: string | null | undefined, fallback = 'true'): string {
  const sample = (like ?? '').trim();
  const family = BOOLEAN_FAMILIES.find((pair) => pair.includes(sample.toLowerCase()));
  if (!family) return applyCase(value ? 'true' : 'false', fallback);
  return applyCase(family[value ? 0 : 1], sample);
}

/** Applies the letter case of `sample` (UPPER, Capitalized, lower) to `word`. */
export function applyCase(word: string, sample: string): string {
  if (!/[a-z]/i.test(sample)) return word;
  if (sample === sample.toUpperCase() && sample.length > 1) return word.toUpperCase();
  if (sample[0] === sample[0].toUpperCase() && sample.slice(1) === sample.slice(1).toLowerCase()) return word.charAt(0).toUpperCase() + word.slice(1);
  if (sample === sample.toLowerCase()) return word.toLowerCase();
  return word;
}

/** The value as plain text: what goes inside quotes, or into a format without types. */
export function plainText(literal: Literal, booleanLike?: string | null, fallback?: string): string {
  switch (literal.kind) {
    case 'boolean':
      return spellBoolean(literal.value, booleanLike, fallback);
    case 'number':
      return String(literal.value);
    case 'string':
      return literal.value;
  }
}

/** A string YAML reads back as the same string without quotes (no booleans, numbers, nulls, indicators). */
export function isPlainYamlString(value: string): boolean {
  if (!/^[A-Za-z_./][A-Za-z0-9_.+\-/@]*$/.test(value)) return false;
  if (/^(true|false|yes|no|on|off|y|n|null|~)$/i.test(value)) return false;
  return !/^[-+]?(\d|\.\d)/.test(value) && !/^\.(inf|nan)$/i.test(value);
}

/** Characters that cannot go inside a quoted value without escaping. */
export function fitsInQuotes(value: string, quote: string): boolean {
  return !value.includes(quote) && !/[\\\r\n]/.test(value) && !(quote === '"' && value.includes('$'));
}

export interface TokenOptions {
  format: FormatId;
  /** A boolean written in the file, to spell the new one alike. */
  booleanLike?: string | null;
  /** How to spell booleans when nothing in the file shows it. */
  booleanFallback?: string;
  /** Quote booleans too: where values are strings (Compose environment maps, Kubernetes env values). */
  quoteBooleans?: string;
  /** Quote numbers too: where values are strings, or the group writes its numbers as strings (`"port": "25"`). */
  quoteNumbers?: string;
  /** Quote character for strings in code (assignments) and for quoted siblings. */
  stringQuote?: string;
  language?: AssignmentLanguage;
}

/** A complete value token for a new or unquoted value, or undefined when it cannot be written safely. */
export function valueToken(literal: Literal, options: TokenOptions): string | undefined {
  const text = plainText(literal, options.booleanLike, options.booleanFallback);
  const quoted = (quote: string): string | undefined => (fitsInQuotes(text, quote) ? `${quote}${text}${quote}` : undefined);
  switch (options.format) {
    case 'dotenv':
      if (/^[A-Za-z0-9_.:+\-/@]+$/.test(text)) return text;
      return quoted('"');
    case 'properties':
      return /^[^\s\\#!][^\\]*$/.test(text) ? text : text === '' ? '' : undefined;
    case 'ini':
      if (text === '' || /^[^\s;#"'`][^;#]*$/.test(text)) return text.trimEnd() === text ? text : quoted('"');
      return quoted('"');
    case 'yaml': {
      if (literal.kind === 'boolean') return options.quoteBooleans ? quoted(options.quoteBooleans) : text;
      if (literal.kind === 'number') return options.quoteNumbers ? quoted(options.quoteNumbers) : text;
      if (options.quoteBooleans) return quoted(options.quoteBooleans);
      return isPlainYamlString(text) ? text : quoted('"');
    }
    case 'toml':
      if (literal.kind === 'boolean') return literal.value ? 'true' : 'false'; // TOML has no other spelling
      return literal.kind === 'number' ? text : quoted('"');
    case 'hocon':
      // Booleans as the file spells them (`yes`/`no` read by getBoolean); strings quoted, with JSON's escapes.
      return literal.kind === 'string' ? JSON.stringify(literal.value) : text;
    case 'hjson':
      // Strings quoted (a quoteless string would swallow a comment after it), with JSON's escapes.
      return literal.kind === 'string' ? JSON.stringify(literal.value) : text;
    case 'fluentd':
      // A bare word where it reads back the same; otherwise double-quoted, where `\` and `"` are escapes.
      if (literal.kind !== 'string' || /^[^\s#"'<@][^\s#]*$/.test(text)) return text;
      return JSON.stringify(text);
    case 'json':
      if (literal.kind === 'string') return JSON.stringify(literal.value);
      if (literal.kind === 'number' && options.quoteNumbers) return JSON.stringify(text);
      if (literal.kind === 'boolean') return options.quoteBooleans ? JSON.stringify(String(literal.value)) : String(literal.value);
      return text;
    case 'code':
    case 'assignments': {
      if (literal.kind === 'number') return text;
      if (literal.kind === 'boolean') {
        if (options.language === 'python') return literal.value ? 'True' : 'False';
        return literal.value ? 'true' : 'false';
      }
      return quoted(options.stringQuote ?? (options.language === 'php' ? "'" : '"'));
    }
  }
}
