// Removing and adding JSON/JSONC properties as text edits. jsonc-parser's syntax
// tree locates properties and commas; the edits are computed here, line by line,
// because jsonc-parser's `modify` reformats neighbouring lines and drops their
// comments. Comments, indentation and the file's comma style are kept.

import { findNodeAtOffset, parseTree, type Node } from 'jsonc-parser';
import { blankBom } from '../formats/common';
import type { ConfigEntry } from '../types';
import type { EditEnv } from './env';
import { lineEndOf, lineStartOf, wholeLines } from './lines';
import type { TextEdit } from './types';

function tree(env: EditEnv): Node | undefined {
  if (!env.cache.has('json')) {
    let root: Node | undefined;
    try {
      root = parseTree(blankBom(env.text), [], { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
    } catch {
      root = undefined; // nested too deeply for the recursive parser: no edits
    }
    env.cache.set('json', root);
  }
  return env.cache.get('json') as Node | undefined;
}

/** The property node whose key starts at `keyStart`. */
function propertyAt(env: EditEnv, keyStart: number): Node | undefined {
  const root = tree(env);
  if (!root) return undefined;
  const node = findNodeAtOffset(root, keyStart, true);
  const property = node?.parent;
  return property?.type === 'property' && property.children?.[0]?.offset === keyStart ? property : undefined;
}

/** Skips blanks, line breaks and comments from `from`; the offset of the next token. */
function skipTrivia(text: string, from: number): number {
  let i = from;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text.startsWith('//', i)) {
      i = lineEndOf(text, i);
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else return i;
  }
}

/** Skips blanks on the same line only. */
function skipBlanks(text: string, from: number): number {
  let i = from;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

/** Whether the rest of the line from `from` is blank or a comment. */
function restOfLineIsTrivia(text: string, from: number): boolean {
  const i = skipBlanks(text, from);
  if (i >= text.length || text[i] === '\n' || text[i] === '\r' || text.startsWith('//', i)) return true;
  if (text.startsWith('/*', i)) {
    const close = text.indexOf('*/', i + 2);
    return close >= 0 && close < lineEndOf(text, i) && restOfLineIsTrivia(text, close + 2);
  }
  return false;
}

function end(node: Node): number {
  return node.offset + node.length;
}

function removeProperty(env: EditEnv, property: Node): TextEdit[] | undefined {
  const { text } = env;
  const object = property.parent;
  const siblings = object?.children ?? [];
  const index = siblings.indexOf(property);
  if (!object || index < 0) return undefined;
  if (siblings.length === 1 && object.parent?.type === 'property') {
    // The object would be left empty (`"tls": {}`): remove the property holding it.
    return removeProperty(env, object.parent);
  }
  const start = property.offset;
  const stop = end(property);
  const next = skipTrivia(text, stop);
  const hasComma = text[next] === ',';
  const afterComma = hasComma ? next + 1 : stop;
  const ownLine = /^[ \t]*$/.test(text.slice(lineStartOf(text, start), start)) && restOfLineIsTrivia(text, afterComma);
  const edits: TextEdit[] = [];
  if (ownLine && (!hasComma || lineStartOf(text, next) === lineStartOf(text, stop))) {
    edits.push({ range: wholeLines(text, start, afterComma), newText: '' });
    if (!hasComma && index > 0) {
      // The last property goes: the comma after the one before it goes too, unless the file writes trailing commas.
      const before = end(siblings[index - 1]);
      const comma = skipTrivia(text, before);
      if (text[comma] === ',' && comma < start) edits.unshift({ range: { start: comma, end: comma + 1 }, newText: '' });
    }
    return edits;
  }
  if (hasComma) return [{ range: { start, end: skipBlanks(text, afterComma) }, newText: '' }];
  if (index > 0) return [{ range: { start: end(siblings[index - 1]), end: stop }, newText: '' }];
  return [{ range: { start, end: stop }, newText: '' }];
}

export function removeJsonEntry(env: EditEnv, entry: ConfigEntry): TextEdit[] | undefined {
  const property = propertyAt(env, entry.keyRange.start);
  return property ? removeProperty(env, property) : undefined;
}

export interface NewJsonEntry {
  anchor: ConfigEntry;
  /** Property names, nested from the anchor's object. */
  segments: string[];
  /** The JSON value token. */
  value: string;
}

/** Adds a property after the anchor's, on its own line laid out like the anchor's, or inline when the anchor shares its line. */
export function addJsonEntry(env: EditEnv, added: NewJsonEntry): TextEdit[] | undefined {
  const { text } = env;
  const anchor = propertyAt(env, added.anchor.keyRange.start);
  const object = anchor?.parent;
  if (!anchor || !object || object.type !== 'object') return undefined;
  const existing = object.children?.find((child) => child.children?.[0]?.value === added.segments[0]);
  if (existing) return undefined;
  const [keyNode, valueNode] = anchor.children ?? [];
  if (!keyNode || !valueNode) return undefined;
  const separator = text.slice(end(keyNode), valueNode.offset);
  if (/[\r\n]/.test(separator)) return undefined;
  let value = added.value;
  for (const segment of [...added.segments.slice(1)].reverse()) value = `{ ${JSON.stringify(segment)}${separator}${value} }`;
  const property = `${JSON.stringify(added.segments[0])}${separator}${value}`;
  const stop = end(anchor);
  const next = skipBlanks(text, stop);
  const hasComma = text[next] === ',';
  const afterComma = hasComma ? next + 1 : stop;
  const lineStart = lineStartOf(text, anchor.offset);
  const ownLine = /^[ \t]*$/.test(text.slice(lineStart, anchor.offset)) && restOfLineIsTrivia(text, afterComma);
  if (!ownLine) return [{ range: { start: stop, end: stop }, newText: `, ${property}` }];
  const indent = text.slice(lineStart, anchor.offset);
  const at = lineEndOf(text, stop);
  const edits: TextEdit[] = [];
  if (!hasComma) edits.push({ range: { start: stop, end: stop }, newText: ',' });
  edits.push({ range: { start: at, end: at }, newText: `${env.eol}${indent}${property}${hasComma ? ',' : ''}` });
  return edits;
}
