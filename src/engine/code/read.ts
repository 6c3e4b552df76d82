// What a code reader returns, and the pieces the readers share: entries with exact ranges for the
// existing rules, fixes and hovers, and the values followed within reason.

import type { Node } from 'web-tree-sitter';
import type { EnvironmentSource, EnvironmentVariables } from '../environment';
import type { ProfileId } from '../profiles';
import type { CodeEditSite, ConfigEntry, Range } from '../types';

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

  /**
   * The definitions of a language whose names are defined by assignment (Python's `x = …`, Ruby's `X = …`): an
   * `assignment` node defines its left name with its right side; another type (`x += 1`) assigns it again,
   * recorded as the name itself, so that it is never followed.
   */
  static ofAssignments(root: Node, types: readonly string[], nameTypes: ReadonlySet<string>): Definitions {
    const definitions = new Definitions();
    for (const assignment of root.descendantsOfType([...types])) {
      const left = assignment?.childForFieldName('left');
      const right = assignment?.childForFieldName('right');
      if (left && nameTypes.has(left.type)) definitions.add(left.text, assignment!.type === 'assignment' && right ? right : left);
    }
    return definitions;
  }

  /** `Type name = value` declarators (C#, Java): each defines its name with its value (`valueOf`: where the grammar puts it). */
  addDeclarators(root: Node, valueOf: (declarator: Node) => Node | null | undefined): this {
    for (const declarator of root.descendantsOfType('variable_declarator')) {
      const name = declarator?.childForFieldName('name');
      const value = declarator && valueOf(declarator);
      if (name && value) this.add(name.text, value);
    }
    return this;
  }

  add(name: string, node: Node): void {
    if (!this.byName.has(name)) this.byName.set(name, []);
    this.byName.get(name)!.push(node);
  }

  /** The single definition of a name, or undefined when there are none or several. */
  of(name: string): Node | undefined {
    return singleDefinition(this.byName.get(name) ?? []);
  }

  /**
   * The node an expression stands for: through the language's wrappers (`inner` gives a wrapper's inside, else
   * undefined) and names (of `nameTypes`) defined once, as far as that goes within `MAX_RESOLVE_DEPTH` steps. A
   * definition that is a name itself (an alias, or the mark of a name assigned again) or of a `notFollowed` type is not followed.
   */
  resolve(node: Node, inner: (node: Node) => Node | null | undefined, nameTypes: ReadonlySet<string>, depth = 0, notFollowed: ReadonlySet<string> = nameTypes): Node {
    let current = node;
    for (let step = depth; step <= MAX_RESOLVE_DEPTH; step++) {
      const wrapped = inner(current);
      if (wrapped) {
        current = wrapped;
        continue;
      }
      const definition = nameTypes.has(current.type) ? this.of(current.text) : undefined;
      if (!definition || definition.equals(current) || notFollowed.has(definition.type)) return current;
      current = definition;
    }
    return current;
  }
}

/** How many wrappers and names an expression is followed through. */
export const MAX_RESOLVE_DEPTH = 8;

// ---- where fixes may edit (ConfigEntry.site) ------------------------------------------------------------------

/** The whitespace before `offset` on its line, when only whitespace precedes it there; undefined otherwise. */
function indentBefore(text: string, offset: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

/** The end of `offset`'s line, after its line break, when only whitespace (or a comment-free nothing) follows; undefined otherwise. */
function lineEndAfter(text: string, offset: number): number | undefined {
  const match = /^[ \t]*(\r?\n|$)/.exec(text.slice(offset));
  return match ? offset + match[0].length : undefined;
}

/** The line break the file uses. */
function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * Removing an item of a comma-separated list (an object's pair, a literal's element), or a run of neighbouring
 * items from `item` to `last`: with its comma, and with its lines when it is alone on them. The items' own text must
 * hold no comment (a comment could be about its neighbours).
 */
export function listItemRemoval(item: Node, text: string, last: Node = item): Range {
  const next = last.nextSibling;
  const comma = next?.type === ',' ? next : undefined;
  const end = comma ? comma.endIndex : last.endIndex;
  const indent = indentBefore(text, item.startIndex);
  const lineEnd = lineEndAfter(text, end);
  if (indent !== undefined && lineEnd !== undefined && text.slice(lineEnd - 1, lineEnd) === '\n') return { start: item.startIndex - indent.length, end: lineEnd };
  if (comma) return { start: item.startIndex, end: comma.endIndex + (/^[ \t]*/.exec(text.slice(comma.endIndex))?.[0].length ?? 0) };
  const previous = item.previousSibling;
  if (previous?.type === ',') return { start: previous.startIndex, end: last.endIndex };
  return { start: item.startIndex, end: last.endIndex };
}

/** Removing a statement that is alone on its lines: the lines. Undefined when it shares a line with other code. */
export function statementRemoval(statement: Node, text: string): Range | undefined {
  const indent = indentBefore(text, statement.startIndex);
  const lineEnd = lineEndAfter(text, statement.endIndex);
  return indent !== undefined && lineEnd !== undefined && text.slice(lineEnd - 1, lineEnd) === '\n' ? { start: statement.startIndex - indent.length, end: lineEnd } : undefined;
}

/** Adding a pair after `pair` in the same object, in its layout: on a line of its own when `pair` is, else after `, `. */
export function pairAddition(pair: Node, key: Node, value: Node, text: string, keys: Readonly<Record<string, string>>, quote: '"' | "'"): NonNullable<CodeEditSite['add']> {
  const indent = indentBefore(text, pair.startIndex);
  const alone = indent !== undefined && lineEndAfter(text, pair.nextSibling?.type === ',' ? pair.nextSibling.endIndex : pair.endIndex) !== undefined;
  return { at: pair.endIndex, before: alone ? `,${eolOf(text)}${indent}` : ', ', between: text.slice(key.endIndex, value.startIndex), after: '', keys, values: 'code', quote };
}

/** Adding a statement after `statement`, a copy of it with another key and value: `props.put("mail.smtp.starttls.enable", "true");`. */
export function statementAddition(statement: Node, key: Node, value: Node, text: string, keys: Readonly<Record<string, string>>, quote: '"' | "'"): CodeEditSite['add'] {
  const indent = indentBefore(text, statement.startIndex);
  if (indent === undefined || lineEndAfter(text, statement.endIndex) === undefined || /[\r\n]/.test(statement.text)) return undefined;
  return {
    at: statement.endIndex,
    before: `${eolOf(text)}${indent}${text.slice(statement.startIndex, key.startIndex)}`,
    between: text.slice(key.endIndex, value.startIndex),
    after: text.slice(value.endIndex, statement.endIndex),
    keys,
    values: 'strings',
    quote,
  };
}

/** Whether a node's text holds a comment, where an edit could drop or orphan it. */
export function holdsComment(node: Node): boolean {
  return node.descendantsOfType(['comment', 'line_comment', 'block_comment']).length > 0;
}
