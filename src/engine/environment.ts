// Values read from the environment: `${SMTP_PORT:-25}`, `os.getenv("EMAIL_PORT", "25")`,
// `ENV.fetch("SMTP_PORT", 465)`, `env('MAIL_PORT', 587)`. A variable that a file we read sets
// gives its value there; otherwise the fallback written beside the lookup is the setting. A lookup
// without a fallback stays a template (unknown) unless a file we read sets the variable.

import { parseConfig } from './formats';
import { contentStart } from './model';
import { LineIndex } from './text';
import type { ConfigEntry, FileLocation, FormatId, Range } from './types';

/** A variable set in a file we read (`SMTP_PORT=465` in the `.env` beside a compose file). */
export interface EnvironmentVariable {
  name: string;
  value: string;
  /** The file that sets it, as the analysis names files; absent for the analysed file itself. */
  file?: string;
  /** The value's range in that file. */
  range: Range;
  /** Where it is written, for related information and moved findings (absent for the analysed file itself). */
  location?: FileLocation;
}

export type EnvironmentVariables = ReadonlyMap<string, EnvironmentVariable>;

/** Where an entry's value came from when it was read from the environment. */
export interface EnvironmentSource {
  fromEnvironmentVariable: string;
  /** True when nothing we read sets the variable and the written fallback applies. */
  isFallback: boolean;
  /** The whole lookup as written (`${SMTP_PORT:-465}`), in the analysed file. */
  reference: Range;
  /** The variable's definition, when another file (or another line) sets it. */
  setBy?: EnvironmentVariable;
  /** The value is computed from the variable (`ENV["X"] == "true"`), not written: nothing to edit in place. */
  evaluated?: boolean;
}

interface Fallback {
  raw: string;
  /** Offset of `raw` in the file. */
  start: number;
  value: string | null;
  valueType: ConfigEntry['valueType'];
  quote?: ConfigEntry['quote'];
}

interface Lookup {
  variable: string;
  fallback?: Fallback;
  /** `ENV["X"] == "true"`: a boolean computed from the variable's value (range: the whole expression). */
  compare?: { equal: boolean; to: string; range: Range };
}

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
// Shell and Compose: ${X:-fb} and ${X-fb} (unset or empty / unset), ${X:=fb} and ${X=fb} (the same, assigning).
const SHELL = new RegExp(`^\\$\\{(${NAME})(?:(:?[-=])([^}]*))?\\}$`);
// Spring's placeholder: ${X:fb} (a `-` after the colon would be part of Spring's default).
const SPRING = new RegExp(`^\\$\\{(${NAME})(?::([^}]*))?\\}$`);

/** Spring reads `${X:default}`; shell-style `${X:-default}` there means the default "-default". */
function isSpringFile(filePath: string, format: FormatId): boolean {
  return format === 'properties' || /(?:^|[\\/])(?:application|bootstrap)(?:[-.][^\\/]*)?\.ya?ml$/i.test(filePath);
}

/** A lookup written as a whole string value (`${SMTP_PORT:-25}`), with its fallback's place in the file. */
function templateLookup(entry: ConfigEntry, text: string, spring: boolean): Lookup | undefined {
  if (entry.value === null) return undefined;
  const value = entry.value.trim();
  const match = spring ? SPRING.exec(value) : SHELL.exec(value);
  if (!match) return undefined;
  const variable = match[1];
  const fallbackText = spring ? match[2] : match[3];
  if (fallbackText === undefined) return { variable };
  if (spring && /^[-=]/.test(fallbackText)) return undefined;
  if (/[$`\\]/.test(fallbackText)) return undefined; // a nested lookup or an escape: not a plain value
  const start = contentStart(entry) + entry.value.indexOf(value) + value.length - 1 - fallbackText.length;
  if (text.slice(start, start + fallbackText.length) !== fallbackText) return undefined; // the value was unescaped: offsets differ
  return { variable, fallback: { raw: fallbackText, start, value: fallbackText, valueType: 'string' } };
}

// Code: the lookup (group 1 is the variable), then the fallback literal. `(?<f>…)` is the fallback.
const LITERAL = String.raw`(?<f>"[^"\\$#{}]*"|'[^'\\]*'|-?\d+|True|False|None|true|false|nil|null|TRUE|FALSE|NULL)`;
/** Fallbacks that `or` / `||` / `?:` pass over. */
const FALSY = /^(?:""|''|0|False|None|nil|false|null|FALSE|NULL)$/;
const Q = String.raw`["'](${NAME})["']`;
const CODE_LOOKUPS: Readonly<Record<'python' | 'ruby' | 'php', readonly RegExp[]>> = {
  python: [
    // os.getenv("X", "25"), os.environ.get("X", "25"), getenv(…), environ.get(…)
    new RegExp(String.raw`^(?:os\.)?(?:getenv|environ\.get)\(\s*${Q}\s*(?:,\s*(?:default\s*=\s*)?${LITERAL}\s*)?\)(?:\s+or\s+${LITERAL.replace('<f>', '<g>')})?$`, 'd'),
    // django-environ: env("X", default=…), env.int/bool/str("X", default=…), env.bool("X", True)
    new RegExp(String.raw`^env(?:\.(?:str|int|bool|float))?\(\s*${Q}\s*(?:,\s*(?:default\s*=\s*)?${LITERAL}\s*)?\)$`, 'd'),
    // os.environ["X"] has no fallback
    new RegExp(String.raw`^os\.environ\[\s*${Q}\s*\]$`, 'd'),
  ],
  ruby: [
    // ENV.fetch("X", 25), ENV.fetch("X") { 25 }, ENV["X"] || 25
    new RegExp(String.raw`^ENV\.fetch\(\s*${Q}\s*(?:,\s*${LITERAL}\s*)?\)(?:\s*\{\s*${LITERAL.replace('<f>', '<g>')}\s*\})?$`, 'd'),
    new RegExp(String.raw`^ENV\[\s*${Q}\s*\](?:\s*\|\|\s*${LITERAL})?$`, 'd'),
  ],
  php: [
    // env('MAIL_PORT', 587), getenv('X') ?: 'y', $_ENV['X'] ?? 'y'
    new RegExp(String.raw`^env\(\s*${Q}\s*(?:,\s*${LITERAL}\s*)?\)$`, 'd'),
    new RegExp(String.raw`^getenv\(\s*${Q}\s*\)(?:\s*\?:\s*${LITERAL})?$`, 'd'),
    new RegExp(String.raw`^\$_(?:ENV|SERVER)\[\s*${Q}\s*\](?:\s*\?\?\s*${LITERAL})?$`, 'd'),
  ],
};

/** The environment lookups that the code readers (src/engine/code/) follow to their fallback, by language: the same vocabulary as CODE_LOOKUPS, on syntax trees. */
export interface CodeEnvironmentVocabulary {
  /** Calls that read a variable (`getenv`, `ENV.fetch`): the position of their fallback argument, or -1 when they take none. */
  calls: Readonly<Record<string, number>>;
  /** Subscripts that read a variable, without a fallback: `$_ENV['X']`, `ENV['X']`. */
  subscripts: readonly string[];
  /** Operators whose right side is the value when the lookup on their left is not set: `getenv('X') ?: 465`, `ENV['X'] || 465`. */
  fallbackOperators: readonly string[];
}

export const CODE_ENVIRONMENT: Readonly<Record<'php' | 'ruby', CodeEnvironmentVocabulary>> = {
  // Laravel's env('X', fallback); getenv('X') returns false when unset, which `?:` passes over.
  php: { calls: { getenv: -1, env: 1 }, subscripts: ['$_ENV', '$_SERVER'], fallbackOperators: ['?:', '??'] },
  // ENV.fetch('X', fallback) (or a block); ENV['X'] is nil when unset, which `||` passes over.
  ruby: { calls: { 'ENV.fetch': 1 }, subscripts: ['ENV'], fallbackOperators: ['||', 'or'] },
};

// Conversions that keep the value: int(…), Integer(…), intval(…), (int), .to_i, .to_s. Not bool(…):
// Python's bool("False") is True.
const WRAPPERS: readonly RegExp[] = [/^(?:int|Integer|intval|str|String|strval)?\((.*)\)$/s, /^\((?:int|string)\)\s*(.*)$/s, /^(.*?)\.(?:to_i|to_s)$/s];
const COMPARISON = /^(.*?)\s*(==|!=)\s*(?:"([^"\\$#{}]*)"|'([^'\\]*)')$/s;

function unwrap(expression: string): string {
  for (let unwrapped = true; unwrapped; ) {
    unwrapped = false;
    for (const wrapper of WRAPPERS) {
      const match = wrapper.exec(expression);
      if (match) {
        expression = match[1].trim();
        unwrapped = true;
      }
    }
  }
  return expression;
}

/** A lookup as a whole code expression (value null from the assignments reader), or a comparison of one with a string. */
function codeLookup(entry: ConfigEntry, text: string): Lookup | undefined {
  const raw = text.slice(entry.valueRange.start, entry.valueRange.end);
  let expression = unwrap(raw.trim());
  const comparison = COMPARISON.exec(expression);
  let compare: Lookup['compare'];
  if (comparison) {
    const start = entry.valueRange.start + raw.indexOf(expression);
    compare = { equal: comparison[2] === '==', to: comparison[3] ?? comparison[4], range: { start, end: start + expression.length } };
    expression = unwrap(comparison[1]);
  }
  const lookup = lookupIn(expression, entry.valueRange.start + raw.indexOf(expression));
  return lookup && compare ? { ...lookup, compare } : lookup;
}

function lookupIn(expression: string, offset: number): Lookup | undefined {
  for (const patterns of Object.values(CODE_LOOKUPS)) {
    for (const pattern of patterns) {
      const match = pattern.exec(expression);
      if (!match) continue;
      // The fallback argument, else the one after the lookup (`os.getenv("X") or "25"`, `ENV.fetch("X") { 25 }`).
      const name = match.groups?.g !== undefined && (match.groups.f === undefined || FALSY.test(match.groups.f)) ? 'g' : 'f';
      const literal = match.groups?.[name];
      const at = match.indices?.groups?.[name];
      if (literal === undefined || !at) return { variable: match[1] };
      return { variable: match[1], fallback: codeLiteral(literal, offset + at[0]) };
    }
  }
  return undefined;
}

function codeLiteral(raw: string, start: number): Fallback {
  if (raw.startsWith('"') || raw.startsWith("'")) return { raw, start, value: raw.slice(1, -1), valueType: 'string', quote: raw[0] as '"' | "'" };
  if (/^-?\d+$/.test(raw)) return { raw, start, value: raw, valueType: 'number' };
  const word = raw.toLowerCase();
  if (word === 'true' || word === 'false') return { raw, start, value: word, valueType: 'boolean' };
  return { raw, start, value: null, valueType: 'null' };
}

// HOCON: `${X}` and `${?X}` not naming a value of the file read the environment variable X
// (lightbend/config HOCON.md, "Substitution fallback to environment variables").
const HOCON = new RegExp(`^\\$\\{(\\?)?\\s*(${NAME})\\s*\\}$`);

/** `port = ${?SMTP_PORT}` after `port = 25`: with SMTP_PORT unset the key keeps 25, which is then the fallback. */
function hoconLookup(entry: ConfigEntry, text: string): Lookup | undefined {
  const match = entry.value === null ? null : HOCON.exec(entry.value.trim());
  if (!match) return undefined;
  const kept = match[1] ? entry.keptUnlessSet : undefined;
  if (!kept) return { variable: match[2] };
  const raw = text.slice(kept.valueRange.start, kept.valueRange.end);
  return { variable: match[2], fallback: { raw, start: kept.valueRange.start, value: kept.value, valueType: kept.valueType, quote: kept.quoteWidth && kept.quoteWidth > 1 ? undefined : kept.quote } };
}

/** The lookup an entry's value is, if any. */
export function environmentLookup(entry: ConfigEntry, text: string, format: FormatId, filePath: string): Lookup | undefined {
  if (format === 'assignments') return entry.value === null ? codeLookup(entry, text) : undefined;
  if (format === 'hocon') return hoconLookup(entry, text);
  return templateLookup(entry, text, isSpringFile(filePath, format));
}

/**
 * Entries with their environment lookups resolved: a variable set in `variables` gives its value
 * (the range stays on the lookup, the other file is named in `environment.setBy`); otherwise the
 * fallback gives the value, with the range on the fallback, so a finding and a fix land there.
 */
export function resolveEnvironment(entries: readonly ConfigEntry[], text: string, format: FormatId, filePath: string, variables: EnvironmentVariables = new Map()): ConfigEntry[] {
  const own = format === 'dotenv' ? new Map<string, EnvironmentVariable>() : undefined;
  return entries.map((entry) => {
    const lookup = environmentLookup(entry, text, format, filePath);
    const resolved = lookup ? resolveLookup(entry, lookup, own ?? variables, variables) : entry;
    // A `.env` line sets a variable for the lines after it (Compose and dotenv loaders interpolate in order).
    if (own && resolved.value !== null && entry.path.length === 1) own.set(entry.path[0], { name: entry.path[0], value: resolved.value, range: resolved.valueRange });
    return resolved;
  });
}

function resolveLookup(entry: ConfigEntry, lookup: Lookup, first: EnvironmentVariables, other: EnvironmentVariables): ConfigEntry {
  const reference = entry.valueRange;
  const set = first.get(lookup.variable) ?? other.get(lookup.variable);
  if (lookup.compare) return compared(entry, lookup, lookup.compare, set);
  if (set) {
    const environment: EnvironmentSource = { fromEnvironmentVariable: lookup.variable, isFallback: false, reference, setBy: set };
    return { ...entry, value: set.value, valueType: 'string', environment };
  }
  // Without a fallback the value is whatever the deployment sets: a template, as `${SMTP_HOST}` is.
  if (!lookup.fallback) return entry.value === null ? { ...entry, value: `\${${lookup.variable}}`, valueType: 'string' } : entry;
  const { fallback } = lookup;
  const resolved: ConfigEntry = {
    ...entry,
    value: fallback.value,
    valueType: fallback.valueType,
    valueRange: { start: fallback.start, end: fallback.start + fallback.raw.length },
    environment: { fromEnvironmentVariable: lookup.variable, isFallback: true, reference },
  };
  delete resolved.quote;
  delete resolved.quoteWidth;
  if (fallback.quote) resolved.quote = fallback.quote;
  return resolved;
}

/** `ENV["X"] == "true"` with X unset is `nil == "true"`, false; with a fallback or a set value, that value is compared. */
function compared(entry: ConfigEntry, lookup: Lookup, compare: NonNullable<Lookup['compare']>, set: EnvironmentVariable | undefined): ConfigEntry {
  const fallback = lookup.fallback;
  // A non-string fallback (`ENV.fetch("X", true) == "true"`) compares by type rules the reader does not model.
  if (!set && fallback && fallback.valueType !== 'string' && fallback.valueType !== 'null') return entry;
  const value = set ? set.value : (fallback?.value ?? null);
  const result = (value === compare.to) === compare.equal;
  const environment: EnvironmentSource = { fromEnvironmentVariable: lookup.variable, isFallback: !set, reference: entry.valueRange, setBy: set, evaluated: true };
  return { ...entry, value: String(result), valueType: 'boolean', valueRange: compare.range, environment };
}

/** Compose interpolates `${VAR}` in a compose file from the `.env` in the same folder (docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/). */
export function isComposeFile(filePath: string): boolean {
  return /(?:^|[\\/])(?:docker-)?compose(?:[-.][^\\/]*)?\.ya?ml$/i.test(filePath);
}

/** Variables a `.env` file sets, for the files that read it; `path` is the file as the adapter names it (for locations). */
export function variablesOf(file: string, text: string, path: string = file): Map<string, EnvironmentVariable> {
  const variables = new Map<string, EnvironmentVariable>();
  const { entries } = parseConfig('dotenv', text);
  const lines = new LineIndex(text);
  for (const entry of entries) {
    if (entry.path.length !== 1 || entry.value === null) continue;
    const location = { file: path, range: entry.valueRange, start: lines.positionAt(entry.valueRange.start), end: lines.positionAt(entry.valueRange.end) };
    variables.set(entry.path[0], { name: entry.path[0], value: entry.value, file, range: entry.valueRange, location });
  }
  return variables;
}

/** Hover text: where an environment value comes from. */
export function describeEnvironmentSource(entry: ConfigEntry): string | undefined {
  const source = entry.environment;
  if (!source) return undefined;
  if (source.isFallback) return `${source.fromEnvironmentVariable} is not set in the files read; the fallback ${entry.value ?? 'null'} applies.`;
  return `${source.fromEnvironmentVariable}=${entry.value ?? ''} is set in ${source.setBy?.file ?? 'this file'}.`;
}

// ---- code read on a syntax tree (src/engine/code/) ----------------------------------------------------------
// The readers there follow values themselves; which calls are lookups with a fallback is said here, once.
// A lookup without a fallback is a run-time value (unknown), never guessed.

/** Calls (as written) whose last argument is the value when the variable is not set: the fallback. */
const CODE_FALLBACK_CALLS: readonly RegExp[] = [
  // Java: System.getenv().getOrDefault("X", "fb"), Optional.ofNullable(System.getenv("X")).orElse("fb").
  /^System\.getenv\(\)\.getOrDefault$/,
  /^Optional\.ofNullable\(System\.getenv\([^()]*\)\)\.orElse$/,
  // Go 1.22: cmp.Or(os.Getenv("X"), "fb") is its first non-empty argument.
  /^cmp\.Or$/,
];

/** Whether a call with this callee (as written) gives its last argument when the environment variable is not set. */
export function isCodeFallbackCall(callee: string): boolean {
  return CODE_FALLBACK_CALLS.some((pattern) => pattern.test(callee.replace(/\s+/g, '')));
}
