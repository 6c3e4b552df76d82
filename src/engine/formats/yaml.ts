// YAML parser: flattens every document of the stream into scalar entries.
//
// - Maps give key segments; sequence items use their index as a segment.
// - Docker Compose `environment:` lists of "KEY=VALUE" strings become keyed
//   entries [..., 'environment', 'KEY'] (keyRange: KEY; valueRange: the text
//   after `=`, inside the quotes when the item is quoted, so no `quote` is set);
//   bare "KEY" items are skipped.
// - Kubernetes `env:` lists of {name, value} (also `extraEnv`, `extraEnvVars`,
//   `additionalEnv`, as used by Helm charts) become [..., 'env', NAME]
//   (keyRange: the name's value; valueRange: the value's token); items with
//   `valueFrom` and no `value` are skipped.
// - Aliases and `<<` merge keys are resolved; their entries' ranges point
//   where the text is (the anchored node). Keys written in a map override
//   merged ones; among several merged maps the first wins.
// - Scalars: value is the string form; valueType from the YAML 1.2 core
//   schema; valueRange covers the token as written (quotes included, anchor
//   and tag excluded). An empty value (`key:`) has an empty valueRange right
//   after the colon (insert " value" there, with the space).
// - Never throws: syntax errors go to `errors`, the rest is still returned.

import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Alias, Scalar, YAMLMap } from 'yaml';
import type { ConfigEntry, ParseResult, Range } from '../types';
import { startResult, type AddError } from './common';

/** Larger texts are not parsed (the yaml library reads about 1 MB/s). */
export const MAX_YAML_LENGTH = 2 * 1024 * 1024;
export const MAX_YAML_ENTRIES = 100_000;
/** Budget of nodes visited again through aliases and merges (guards against "billion laughs"). */
const MAX_ALIAS_VISITS = 100_000;
const MAX_MERGE_DEPTH = 20;
/** Collections nested deeper than this (after alias expansion) are not walked. */
const MAX_DEPTH = 256;

/** Sequence keys holding Kubernetes-style {name, value} lists. */
const ENV_LIST_KEY = /^(extra|additional)?env(vars)?$/i;

/** The collections enclosing a node, innermost first. */
interface Ancestors {
  node: unknown;
  parent: Ancestors | undefined;
  depth: number;
}

interface NodeWork {
  kind: 'node';
  node: unknown;
  path: string[];
  keyRange?: Range;
  parentKey?: string;
  viaAlias: boolean;
  ancestors: Ancestors | undefined;
}
interface EntryWork {
  kind: 'entry';
  entry: ConfigEntry;
}
type Work = NodeWork | EntryWork;

interface EffectivePair {
  key: string;
  keyRange: Range;
  value: unknown;
  merged: boolean;
}

class Budget {
  used = 0;
  exceeded = false;
}

export function parseYaml(text: string): ParseResult {
  const { result, addError } = startResult('yaml', text);
  const { entries } = result;

  if (text.length > MAX_YAML_LENGTH) {
    addError(
      `File too large to analyze (${(text.length / 1048576).toFixed(1)} MB; the limit is ${MAX_YAML_LENGTH / 1048576} MB)`,
      { start: 0, end: 0 },
    );
    return result;
  }

  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false });
  } catch (e) {
    addError(`YAML could not be parsed: ${e instanceof Error ? e.message : String(e)}`, { start: 0, end: 0 });
    return result;
  }
  if (!Array.isArray(docs)) return result;

  const budget = new Budget();
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d];
    for (const err of doc.errors) {
      const start = Math.min(Math.max(0, err.pos[0]), text.length);
      const end = Math.min(Math.max(start, err.pos[1]), text.length);
      addError(err.message, { start, end });
    }
    try {
      walkDocument(text, doc.contents, d, entries, addError, budget);
    } catch (e) {
      addError(`YAML document could not be analyzed: ${e instanceof Error ? e.message : String(e)}`, { start: 0, end: 0 });
    }
    if (entries.length >= MAX_YAML_ENTRIES) break;
  }
  return result;
}

/** Maps each alias to its anchored node: the last node with that anchor before the alias. */
function resolveAliases(root: unknown): Map<Alias, unknown> {
  const anchors = new Map<string, unknown>();
  const targets = new Map<Alias, unknown>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target !== undefined) targets.set(node, target);
      continue;
    }
    if (isScalar(node) || isMap(node) || isSeq(node)) {
      if (node.anchor) anchors.set(node.anchor, node);
    }
    if (isMap(node) || isSeq(node)) {
      const items = node.items as unknown[];
      for (let i = items.length - 1; i >= 0; i--) {
        const item = items[i];
        if (isPair(item)) {
          stack.push(item.value);
          stack.push(item.key);
        } else stack.push(item);
      }
    }
  }
  return targets;
}

function walkDocument(
  text: string,
  root: unknown,
  document: number,
  entries: ConfigEntry[],
  addError: AddError,
  budget: Budget,
): void {
  const targets = resolveAliases(root);
  const resolve = (node: unknown): unknown => (isAlias(node) ? targets.get(node) : node);

  /** Where a node itself is written (an alias: the `*name`, not its target). */
  const ownRange = (node: unknown): Range => {
    const r = (node as { range?: [number, number, number] | null } | null | undefined)?.range;
    return r ? { start: r[0], end: r[1] } : { start: 0, end: 0 };
  };
  const overBudget = (node: unknown): boolean => {
    if (budget.used <= MAX_ALIAS_VISITS) return false;
    if (!budget.exceeded) {
      budget.exceeded = true;
      addError('Too many alias expansions: some aliases were not expanded', ownRange(node));
    }
    return true;
  };

  const keyString = (keyNode: unknown): string | undefined => {
    const k = resolve(keyNode);
    if (!isScalar(k)) return undefined;
    const v = k.value;
    if (v === null || v === undefined) return '';
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'bigint') return k.source ?? String(v);
    return String(v);
  };
  const rangeOf = (node: unknown): Range | undefined => {
    const n = resolve(node) as { range?: [number, number, number] | null } | undefined;
    const r = n?.range;
    return r ? { start: r[0], end: r[1] } : undefined;
  };
  const isMergeKey = (key: unknown): boolean =>
    isScalar(key) && key.type === 'PLAIN' && key.value === '<<';

  /** The pairs of a map after applying `<<` merges. */
  const effectivePairs = (map: YAMLMap, chain: Set<unknown>, reportDuplicates: boolean): EffectivePair[] => {
    const out: EffectivePair[] = [];
    const explicit = new Set<string>();
    let hasMerge = false;
    for (const item of map.items) {
      if (!isPair(item)) continue;
      if (isMergeKey(item.key)) {
        hasMerge = true;
        continue;
      }
      const k = keyString(item.key);
      if (k === undefined) continue;
      if (explicit.has(k) && reportDuplicates) {
        addError(`Duplicate key "${k}"`, rangeOf(item.key) ?? { start: 0, end: 0 });
      }
      explicit.add(k);
    }
    const mergedSeen = new Set<string>();
    for (const item of map.items) {
      if (!isPair(item)) continue;
      if (hasMerge && isMergeKey(item.key)) {
        const value = resolve(item.value);
        const sources = isSeq(value) ? value.items.map(resolve) : [value];
        for (const source of sources) {
          if (!isMap(source)) continue;
          if (chain.has(source) || chain.size >= MAX_MERGE_DEPTH) {
            addError('Recursive or too deeply nested merge key', rangeOf(item.key) ?? { start: 0, end: 0 });
            continue;
          }
          chain.add(source);
          const sub = effectivePairs(source, chain, false);
          chain.delete(source);
          for (const p of sub) {
            budget.used++;
            if (explicit.has(p.key) || mergedSeen.has(p.key)) continue;
            mergedSeen.add(p.key);
            out.push({ ...p, merged: true });
          }
        }
        continue;
      }
      const k = keyString(item.key);
      const keyRange = rangeOf(item.key);
      if (k === undefined || !keyRange) continue;
      out.push({ key: k, keyRange, value: item.value, merged: false });
    }
    return out;
  };

  const scalarEntry = (node: Scalar, path: string[], keyRange: Range | undefined): ConfigEntry | undefined => {
    const r = node.range;
    if (!r) return undefined;
    let end = r[1];
    if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
      while (end > r[0] + 1 && /\s/.test(text[end - 1])) end--;
    }
    const valueRange: Range = { start: r[0], end };
    const entry: ConfigEntry = {
      path,
      value: null,
      valueType: 'null',
      keyRange: keyRange ?? valueRange,
      valueRange,
      document,
    };
    const v = node.value;
    if (typeof v === 'string') {
      entry.value = v;
      entry.valueType = 'string';
    } else if (typeof v === 'boolean') {
      entry.value = v ? 'true' : 'false';
      entry.valueType = 'boolean';
    } else if (typeof v === 'number' || typeof v === 'bigint') {
      entry.value = node.source ?? String(v);
      entry.valueType = 'number';
    } else if (v !== null && v !== undefined) {
      entry.value = node.source ?? String(v);
      entry.valueType = 'string';
    }
    if (node.type === 'QUOTE_DOUBLE') entry.quote = '"';
    else if (node.type === 'QUOTE_SINGLE') entry.quote = "'";
    return entry;
  };

  /** A Compose "KEY=VALUE" list item, or undefined if it is not one. `null` for a bare "KEY" (skipped). */
  const composeItem = (node: Scalar, path: string[]): ConfigEntry | null | undefined => {
    if (typeof node.value !== 'string') return isScalar(node) ? null : undefined;
    const r = node.range;
    if (!r) return undefined;
    const s = node.value;
    const eq = s.indexOf('=');
    if (eq === -1) return null;
    let start = r[0];
    let end = r[1];
    if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') {
      start++;
      end--;
    } else if (node.type !== 'PLAIN') return undefined;
    const srcEq = text.indexOf('=', start);
    if (srcEq === -1 || srcEq >= end) return undefined;
    return {
      path: [...path, s.slice(0, eq)],
      value: s.slice(eq + 1),
      valueType: 'string',
      keyRange: { start, end: srcEq },
      valueRange: { start: srcEq + 1, end },
      document,
    };
  };

  let reportedDepth = false;
  const stack: Work[] = [{ kind: 'node', node: root, path: [], viaAlias: false, ancestors: undefined }];
  while (stack.length > 0) {
    const work = stack.pop()!;
    if (work.kind === 'entry') {
      if (entries.length >= MAX_YAML_ENTRIES) {
        addError(`Too many entries: analysis stopped after ${MAX_YAML_ENTRIES}`, work.entry.keyRange);
        return;
      }
      entries.push(work.entry);
      continue;
    }
    let node = work.node;
    let viaAlias = work.viaAlias;
    if (isAlias(node)) {
      node = targets.get(node);
      viaAlias = true;
      let recursive = false;
      for (let a = work.ancestors; a && !recursive; a = a.parent) recursive = a.node === node;
      if (recursive) {
        addError('Recursive alias: it refers to a node that contains it', ownRange(work.node));
        continue;
      }
    }
    if (viaAlias) {
      budget.used++;
      if (overBudget(work.node)) continue;
    }
    const { path } = work;
    const children: Work[] = [];
    let ancestors = work.ancestors;
    if (isMap(node) || isSeq(node)) {
      ancestors = { node, parent: ancestors, depth: (ancestors?.depth ?? 0) + 1 };
      if (ancestors.depth > MAX_DEPTH) {
        if (!reportedDepth) {
          reportedDepth = true;
          const r = ownRange(node);
          addError(`Nested too deeply to analyze (more than ${MAX_DEPTH} levels)`, { start: r.start, end: r.start });
        }
        continue;
      }
    }

    if (isScalar(node)) {
      if (path.length > 0) {
        const entry = scalarEntry(node, path, work.keyRange);
        if (entry) children.push({ kind: 'entry', entry });
      }
    } else if (isMap(node)) {
      for (const p of effectivePairs(node, new Set([node]), !viaAlias)) {
        const childPath = [...path, p.key];
        if (p.value === null || p.value === undefined) {
          children.push({
            kind: 'entry',
            entry: {
              path: childPath,
              value: null,
              valueType: 'null',
              keyRange: p.keyRange,
              valueRange: { start: p.keyRange.end, end: p.keyRange.end },
              document,
            },
          });
        } else {
          children.push({
            kind: 'node',
            node: p.value,
            path: childPath,
            keyRange: p.keyRange,
            parentKey: p.key,
            viaAlias: viaAlias || p.merged,
            ancestors,
          });
        }
      }
    } else if (isSeq(node)) {
      const items = node.items as unknown[];
      const composeEnv = work.parentKey === 'environment';
      const k8sEnv = work.parentKey !== undefined && ENV_LIST_KEY.test(work.parentKey);
      for (let i = 0; i < items.length; i++) {
        const raw = items[i];
        const item = resolve(raw);
        if (composeEnv && isScalar(item)) {
          const entry = composeItem(item, path);
          if (entry === null) continue;
          if (entry) {
            children.push({ kind: 'entry', entry });
            continue;
          }
        }
        if (k8sEnv && isMap(item)) {
          const pairs = effectivePairs(item, new Set([item]), false);
          const namePair = pairs.find((p) => p.key === 'name');
          const nameNode = namePair ? resolve(namePair.value) : undefined;
          if (isScalar(nameNode) && nameNode.value !== null && nameNode.value !== undefined && nameNode.range) {
            const valuePair = pairs.find((p) => p.key === 'value');
            const valueNode = valuePair ? resolve(valuePair.value) : undefined;
            if (isScalar(valueNode)) {
              const name = keyString(nameNode) ?? '';
              const entry = scalarEntry(valueNode, [...path, name], {
                start: nameNode.range[0],
                end: nameNode.range[1],
              });
              if (entry) children.push({ kind: 'entry', entry });
            }
            continue; // valueFrom, or no value: nothing to read here
          }
        }
        if (isPair(raw)) {
          // A single-pair map inside a flow sequence: `[a: 1]`.
          const k = keyString(raw.key);
          const keyRange = rangeOf(raw.key);
          if (k !== undefined && keyRange) {
            children.push({
              kind: 'node',
              node: raw.value,
              path: [...path, String(i), k],
              keyRange,
              parentKey: k,
              viaAlias: viaAlias || isAlias(raw.value),
              ancestors,
            });
          }
          continue;
        }
        children.push({ kind: 'node', node: raw, path: [...path, String(i)], parentKey: String(i), viaAlias, ancestors });
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}
