// What a code reader returns, and the pieces the readers share: entries with exact ranges for the
// existing rules, fixes and hovers, and the values followed within reason.

import type { Node } from 'web-tree-sitter';
import type { EnvironmentSource, EnvironmentVariables } from '../environment';
import type { ProfileId } from '../profiles';
import type { ConfigEntry, Range } from '../types';

/** A value as far as the file tells it. A value computed at run time reads as a template: the rules never judge it. */
export interface CodeValue {
  value: string;
  valueType: ConfigEntry['valueType'];
  /** The literal's range (the fallback of `process.env.X || 587`), or the expression's when unknown. */
  range: Range;
  quote?: ConfigEntry['quote'];
  /** Not a literal a fix could rewrite. */
  readOnly?: boolean;
  /** The expression as written, for messages. */
  written: string;
  /** The token a fix writes for each value, where a literal of the profile's vocabulary is not the language's (an enum member). */
  tokens?: ConfigEntry['tokens'];
  /** Read from the project's `.env` (project-code.ts): where it is set. */
  environment?: EnvironmentSource;
}

/** A run-time value (an environment variable without a fallback, a function's argument, a config object). */
export const RUNTIME_VALUE = '${runtime}';

export function runtimeValue(node: Node): CodeValue {
  return { value: RUNTIME_VALUE, valueType: 'string', range: rangeOf(node), readOnly: true, written: node.text };
}

/**
 * A double-quoted string literal whose parts are all plain content (no interpolation, no escapes): its value;
 * any other part makes it a run-time value. `contentType` is the grammar's node type for plain content.
 */
export function plainStringValue(node: Node, contentType: string): CodeValue {
  const parts = node.namedChildren;
  if (parts.some((part) => part?.type !== contentType)) return runtimeValue(node);
  return { value: parts.map((part) => part!.text).join(''), valueType: 'string', range: rangeOf(node), quote: '"', written: node.text };
}

export function rangeOf(node: Node): Range {
  return { start: node.startIndex, end: node.endIndex };
}

/**
 * The value of the environment variable `name` that `lookup` (`process.env.SMTP_PORT`, `os.getenv("X")`) reads,
 * where the project's `.env` sets it; undefined when it does not (the lookup is then a run-time value, or its
 * fallback). `whole` is the expression as a setting's value (`process.env.SMTP_PORT || 587`), where the finding goes.
 * `emptyIsUnset`: an empty value gives way to the fallback (`||`, `or`, `?:`, `cmp.Or`), as it does not for `??`.
 */
export function environmentValue(variables: EnvironmentVariables | undefined, name: string | undefined, whole: Node, emptyIsUnset = false): CodeValue | undefined {
  const set = name === undefined ? undefined : variables?.get(name);
  if (!set || (emptyIsUnset && set.value === '')) return undefined;
  const range = rangeOf(whole);
  return { value: set.value, valueType: 'string', range, readOnly: true, written: whole.text, environment: { fromEnvironmentVariable: set.name, isFallback: false, reference: range, setBy: set } };
}

/** `process.env.SMTP_SECURE === 'true'` with SMTP_SECURE set: the comparison's result, computed (never rewritten). */
export function comparedValue(set: CodeValue, to: string, equal: boolean, whole: Node): CodeValue {
  const range = rangeOf(whole);
  return { value: String((set.value === to) === equal), valueType: 'boolean', range, readOnly: true, written: whole.text, environment: { ...set.environment!, reference: range, evaluated: true } };
}

/** One setting of a client: the profile's key in words ('tls reject unauthorized') and its entry. */
export interface CodeSetting {
  key: string;
  entry: ConfigEntry;
}

/** One SMTP client found in code: its library's profile and its settings; the anchor tells clients apart. */
export interface CodeClient {
  profile: ProfileId;
  anchor: string;
  settings: CodeSetting[];
}

/** An entry for a setting written as `name` (its key token at `keyNode`) with a value. */
export function settingOf(key: string, name: string, keyNode: Node, value: CodeValue, label?: string): CodeSetting {
  const written = value.written.length > 60 ? `${value.written.slice(0, 57)}…` : value.written;
  const setBy = value.environment?.setBy;
  const shown = setBy && !value.environment?.evaluated ? `${written} (${setBy.value} in ${setBy.file ?? '.env'})` : written;
  return {
    key,
    entry: {
      path: [name],
      value: value.value,
      valueType: value.valueType,
      keyRange: rangeOf(keyNode),
      valueRange: value.range,
      ...(value.quote ? { quote: value.quote } : {}),
      ...(value.readOnly ? { readOnly: true } : {}),
      ...(value.tokens ? { tokens: value.tokens } : {}),
      ...(value.environment ? { environment: value.environment } : {}),
      label: label ?? `${name}: ${shown}`,
    },
  };
}

/** A string literal's content when it has no escapes or interpolation; undefined otherwise. */
export function plainStringContent(node: Node, quoteAt = 0): { content: string; quote: CodeValue['quote'] } | undefined {
  const text = node.text;
  const quote = text[quoteAt];
  if (quote !== '"' && quote !== "'" && quote !== '`') return undefined;
  if (text.length < quoteAt + 2 || text[text.length - 1] !== quote || text.startsWith(quote.repeat(3), quoteAt)) return undefined;
  const content = text.slice(quoteAt + 1, -1);
  if (/[\\\r\n]/.test(content) || (quote === '`' && content.includes('${'))) return undefined;
  return { content, quote };
}

/** The single definition of a name in the file (`const PORT = 587`, `PORT = 587`), or undefined when there are none or several. */
export function singleDefinition(definitions: readonly Node[]): Node | undefined {
  return definitions.length === 1 ? definitions[0] : undefined;
}

/**
 * Whether `node` runs only under a condition that `anchor` (the client's creation) does not: a branch between
 * `node` and `scope` that does not also hold the anchor (`if ($port == 465) { $mail->SMTPSecure = 'ssl'; }`).
 * Such a setting is a run-time value: which branch runs is not known.
 */
export function isConditionalTo(node: Node, anchor: Node, scope: Node, branchTypes: ReadonlySet<string>): boolean {
  for (let current = node.parent; current && !current.equals(scope); current = current.parent) {
    if (branchTypes.has(current.type) && !(anchor.startIndex >= current.startIndex && anchor.endIndex <= current.endIndex)) return true;
  }
  return false;
}

/** The innermost enclosing node of one of these types (a function, a method), else the tree's root. */
export function enclosing(node: Node, types: ReadonlySet<string>): Node {
  let scope: Node | null = node.parent;
  while (scope && !types.has(scope.type) && scope.parent) scope = scope.parent;
  return scope ?? node;
}

/** Names defined in a file, each with every node that defines it: a name defined once is followed, others are not. */
export class Definitions {
  private readonly byName = new Map<string, Node[]>();

  add(name: string, node: Node): void {
    if (!this.byName.has(name)) this.byName.set(name, []);
    this.byName.get(name)!.push(node);
  }

  /** The single definition of a name, or undefined when there are none or several. */
  of(name: string): Node | undefined {
    return singleDefinition(this.byName.get(name) ?? []);
  }
}
