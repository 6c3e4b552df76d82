// Removing and adding YAML entries as text edits, located with the `yaml`
// library's syntax tree: block and flow maps, Compose `environment:` lists
// (`- KEY=VALUE`) and maps, Kubernetes `env:` lists of {name, value}, and
// nested keys (Spring's `properties: mail: smtp:`), merging into maps that exist.

import { isMap, isPair, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { ConfigEntry } from '../types';
import type { EditEnv } from './env';
import { asIndent, lineEndOf, lineStartOf, trimEndOffset, wholeLines } from './lines';
import type { TextEdit } from './types';

type Collection = YAMLMap | YAMLSeq;
/** A map's Pair or a sequence's node. */
type Item = unknown;

/** A collection and the item of its parent that holds it. */
interface Ancestor {
  collection: Collection;
  /** The item of `collection` leading to the located node. */
  item: Item;
}

export type YamlLocation =
  | { kind: 'pair'; map: YAMLMap; pair: Pair; ancestors: Ancestor[] }
  | { kind: 'compose-item'; seq: YAMLSeq; item: Scalar; ancestors: Ancestor[] }
  | { kind: 'k8s-item'; seq: YAMLSeq; item: YAMLMap; name: Pair; value: Pair; ancestors: Ancestor[] };

function documents(env: EditEnv): Document.Parsed[] {
  let docs = env.cache.get('yaml') as Document.Parsed[] | undefined;
  if (!docs) {
    // The same options as the YAML format parser, so offsets agree.
    const parsed = parseAllDocuments(env.text, { prettyErrors: false, uniqueKeys: false });
    docs = Array.isArray(parsed) ? (parsed as Document.Parsed[]) : [];
    env.cache.set('yaml', docs);
  }
  return docs;
}

function rangeOf(node: unknown): [number, number] | undefined {
  const r = (node as { range?: [number, number, number] | null } | null)?.range;
  return r ? [r[0], r[1]] : undefined;
}

export function keyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (!isScalar(key)) return undefined;
  return key.value === null || key.value === undefined ? '' : String(key.source ?? key.value);
}

/** Finds the syntax node of an entry from its key range and shape (the key, the Compose item, or the Kubernetes name). */
export function locate(env: EditEnv, entry: ConfigEntry): YamlLocation | undefined {
  const doc = documents(env)[entry.document ?? 0];
  if (!doc) return undefined;
  const target = entry.keyRange.start;
  const visit = (node: unknown, ancestors: Ancestor[]): YamlLocation | undefined => {
    const r = rangeOf(node);
    if (!r || target < r[0] || target > r[1]) return undefined;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (rangeOf(pair.key)?.[0] === target) {
          return { kind: 'pair', map: node, pair, ancestors };
        }
        const found = visit(pair.value, [...ancestors, { collection: node, item: pair }]);
        if (found) return found;
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        const ir = rangeOf(item);
        if (entry.shape === 'compose-env-list' && isScalar(item) && ir && target >= ir[0] && target <= ir[1]) {
          return { kind: 'compose-item', seq: node, item, ancestors };
        }
        if (entry.shape === 'k8s-env-list' && isMap(item)) {
          const name = item.items.find((pair) => keyText(pair) === 'name' && rangeOf(pair.value)?.[0] === target);
          const value = item.items.find((pair) => keyText(pair) === 'value');
          if (name && value) return { kind: 'k8s-item', seq: node, item, name, value, ancestors };
        }
        const found = visit(item, [...ancestors, { collection: node, item }]);
        if (found) return found;
      }
    }
    return undefined;
  };
  return visit(doc.contents, []);
}

function itemStart(item: Item): number | undefined {
  return isPair(item) ? rangeOf(item.key)?.[0] : rangeOf(item)?.[0];
}

function itemEnd(env: EditEnv, item: Item): number | undefined {
  const start = itemStart(item);
  if (start === undefined) return undefined;
  const end = isPair(item) ? (rangeOf(item.value)?.[1] ?? rangeOf(item.key)?.[1]) : rangeOf(item)?.[1];
  return end === undefined ? undefined : trimEndOffset(env.text, end, start);
}

function removeItem(env: EditEnv, collection: Collection, item: Item, ancestors: Ancestor[]): TextEdit[] | undefined {
  const items = collection.items as Item[];
  const index = items.indexOf(item);
  if (index < 0) return undefined;
  if (items.length === 1 && ancestors.length > 0) {
    // The collection would be left empty (`environment:` with nothing): remove the key holding it.
    const parent = ancestors[ancestors.length - 1];
    if (!isMap(parent.collection) || !isPair(parent.item)) return undefined;
    return removeItem(env, parent.collection, parent.item, ancestors.slice(0, -1));
  }
  const start = itemStart(item);
  const end = itemEnd(env, item);
  if (start === undefined || end === undefined) return undefined;
  const { text } = env;
  if (collection.flow) {
    if (index < items.length - 1) {
      const next = itemStart(items[index + 1]);
      return next === undefined ? undefined : [{ range: { start, end: next }, newText: '' }];
    }
    if (index > 0) {
      const previous = itemEnd(env, items[index - 1]);
      return previous === undefined ? undefined : [{ range: { start: previous, end }, newText: '' }];
    }
    return [{ range: { start, end }, newText: '' }];
  }
  const lead = text.slice(lineStartOf(text, start), start);
  if (isSeq(collection)) {
    return /^[ \t]*-[ \t]*$/.test(lead) ? [{ range: wholeLines(text, start, end), newText: '' }] : undefined;
  }
  if (/^[ \t]*$/.test(lead)) return [{ range: wholeLines(text, start, end), newText: '' }];
  if (/^[ \t]*-[ \t]+$/.test(lead) && index === 0 && items.length > 1) {
    // First key of a list item (`- key: v`): the next key moves up behind the dash.
    const next = itemStart(items[1]);
    return next === undefined ? undefined : [{ range: { start, end: next }, newText: '' }];
  }
  return undefined;
}

export function removeYamlEntry(env: EditEnv, entry: ConfigEntry): TextEdit[] | undefined {
  const location = locate(env, entry);
  if (!location) return undefined;
  switch (location.kind) {
    case 'pair':
      return removeItem(env, location.map, location.pair, location.ancestors);
    case 'compose-item':
    case 'k8s-item':
      return removeItem(env, location.seq, location.item, location.ancestors);
  }
}

export interface NewYamlEntry {
  anchor: ConfigEntry;
  /** Key segments under the anchor's map: one, or several to nest (`properties`, `mail`, `smtp`, `starttls`, `enable`). */
  segments: string[];
  /** The value token for a map value (quotes included when needed). */
  value: string;
  /** The value as plain text, for Compose `KEY=VALUE` items. */
  plain: string;
}

function quoteKey(key: string, like: string): string {
  const quote = like.startsWith('"') ? '"' : like.startsWith("'") ? "'" : '';
  if (quote) return `${quote}${key}${quote}`;
  return /^[A-Za-z0-9_][A-Za-z0-9_.\-/]*$/.test(key) ? key : JSON.stringify(key);
}

function columnOf(text: string, offset: number): string {
  return asIndent(text.slice(lineStartOf(text, offset), offset));
}

export function addYamlEntry(env: EditEnv, added: NewYamlEntry): TextEdit[] | undefined {
  const location = locate(env, added.anchor);
  if (!location) return undefined;
  const { text, eol } = env;
  if (location.kind === 'compose-item') {
    if (added.segments.length !== 1) return undefined;
    const { item, seq } = location;
    const quote = item.type === 'QUOTE_DOUBLE' ? '"' : item.type === 'QUOTE_SINGLE' ? "'" : '';
    const pair = `${added.segments[0]}=${added.plain}`;
    if ((quote && pair.includes(quote)) || (!quote && /(: |\s#|^[-?:,[\]{}#&*!|>'"%@`])/.test(pair)) || /[\\\r\n]/.test(pair)) return undefined;
    const end = itemEnd(env, item)!;
    if (seq.flow) return [{ range: { start: end, end }, newText: `, ${quote}${pair}${quote}` }];
    const lead = text.slice(lineStartOf(text, rangeOf(item)![0]), rangeOf(item)![0]);
    if (!/^[ \t]*-[ \t]+$/.test(lead)) return undefined;
    const at = lineEndOf(text, end);
    return [{ range: { start: at, end: at }, newText: `${eol}${lead}${quote}${pair}${quote}` }];
  }
  if (location.kind === 'k8s-item') {
    if (added.segments.length !== 1 || location.seq.flow) return undefined;
    const { item, name, value } = location;
    const end = itemEnd(env, item)!;
    const at = lineEndOf(text, end);
    const nameNode = name.value as Scalar;
    const valueNode = value.value;
    const nameToken = quoteKey(added.segments[0], text.slice(rangeOf(nameNode)![0]));
    if (item.flow) {
      // `- {name: X, value: "1"}`: the same line with both tokens replaced.
      const itemRange = rangeOf(item)!;
      const nameRange = rangeOf(nameNode)!;
      const valueRange = rangeOf(valueNode);
      if (!valueRange || lineStartOf(text, itemRange[0]) !== lineStartOf(text, end)) return undefined;
      const parts = [
        { range: nameRange, text: nameToken },
        { range: valueRange, text: added.value },
      ].sort((a, b) => a.range[0] - b.range[0]);
      let line = text.slice(lineStartOf(text, itemRange[0]), parts[0].range[0]) + parts[0].text;
      line += text.slice(parts[0].range[1], parts[1].range[0]) + parts[1].text + text.slice(parts[1].range[1], end);
      return [{ range: { start: at, end: at }, newText: `${eol}${line}` }];
    }
    const first = rangeOf(item)![0];
    const lead = text.slice(lineStartOf(text, first), first);
    if (!/^[ \t]*-[ \t]+$/.test(lead)) return undefined;
    const inner = asIndent(lead);
    const nameFirst = item.items.indexOf(name) < item.items.indexOf(value);
    const lines = nameFirst ? [`${lead}name: ${nameToken}`, `${inner}value: ${added.value}`] : [`${lead}value: ${added.value}`, `${inner}name: ${nameToken}`];
    return [{ range: { start: at, end: at }, newText: eol + lines.join(eol) }];
  }

  // A key in a map: merge into the nested maps that exist (Spring's properties: mail: smtp:).
  const { map, pair: anchorPair, ancestors } = location;
  const anchorKeyText = text.slice(added.anchor.keyRange.start, added.anchor.keyRange.end);
  let target: YAMLMap = map;
  let targetKeyOffset: number | undefined = ancestors.length ? itemStart(ancestors[ancestors.length - 1].item) : undefined;
  let consumed = 0;
  while (consumed < added.segments.length - 1) {
    const pair = target.items.find((candidate) => keyText(candidate) === added.segments[consumed]);
    if (!pair) break;
    if (!isMap(pair.value)) return undefined;
    targetKeyOffset = itemStart(pair);
    target = pair.value;
    consumed++;
  }
  if (target.items.some((candidate) => keyText(candidate) === added.segments[consumed])) return undefined;
  const rest = added.segments.slice(consumed);
  const after: Item = consumed === 0 ? anchorPair : target.items[target.items.length - 1];
  const afterEnd = itemEnd(env, after);
  const firstKey = itemStart(target.items[0]);
  if (afterEnd === undefined || firstKey === undefined) return undefined;
  if (target.flow) {
    const key = quoteKey(rest.join('.'), anchorKeyText);
    return [{ range: { start: afterEnd, end: afterEnd }, newText: `, ${key}: ${added.value}` }];
  }
  const indent = columnOf(text, firstKey);
  const parentIndent = targetKeyOffset === undefined ? undefined : columnOf(text, targetKeyOffset);
  const step = parentIndent !== undefined && indent.length > parentIndent.length ? indent.length - parentIndent.length : 2;
  const lines = rest.map((segment, i) => {
    const key = quoteKey(segment, anchorKeyText);
    const last = i === rest.length - 1;
    return `${indent}${' '.repeat(step * i)}${key}:${last ? ` ${added.value}` : ''}`;
  });
  const at = lineEndOf(text, afterEnd);
  return [{ range: { start: at, end: at }, newText: eol + lines.join(eol) }];
}
