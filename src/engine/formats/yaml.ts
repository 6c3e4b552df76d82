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
// - Those entries, and the values of an `environment:` map, carry their
//   `shape`, which the fixes use to write a value the container accepts.
// - Aliases and `<<` merge keys are resolved; their entries' ranges point
//   where the text is (the anchored node). Keys written in a map override
//   merged ones; among several merged maps the first wins.
// - Scalars: value is the string form; valueType from the YAML 1.2 core
//   schema; valueRange covers the token as written (quotes included, anchor
//   and tag excluded). An empty value (`key:`) has an empty valueRange right
//   after the colon (insert " value" there, with the space).
// - Never throws: syntax errors go to `errors`, the rest is still returned.

import { Composer, isAlias, isMap, isPair, isScalar, isSeq, Lexer, Parser, parseAllDocuments, type Document } from 'yaml';
import { finish, type Steps, type YamlParseRequest } from '../steps';
import type { Alias, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { ConfigEntry, EntryShape, ParseResult, Range } from '../types';
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
  /** The shape its scalar entries get (a Compose `environment:` map's values). */
  shape?: EntryShape;
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

/** The error for a map's key that an earlier key of the map already has (reported at the later one). */
export const duplicateKeyMessage = (key: string): string => `Duplicate key "${key}"`;

export function parseYaml(text: string): ParseResult {
  return finish(parseYamlSteps(text));
}

/**
 * From this length on, parseYamlSteps first asks its driver to parse the text elsewhere (steps.ts
 * YamlParseRequest): composing the document of a 100 KB file is one block of 50 ms or more on a loaded machine.
 */
const YAML_PARSE_REQUEST_LENGTH = 16 * 1024;

/** The answer to a YamlParseRequest: what parseYamlSteps gives when run to the end, for a driver that runs it elsewhere. */
export function answerYamlParseRequest(request: YamlParseRequest): ParseResult {
  return parseYaml(request.text);
}

/** Whether `value` has the shape of a ParseResult of YAML (a driver's answer, maybe from another thread). */
const isYamlParse = (value: unknown): value is ParseResult =>
  typeof value === 'object' && value !== null && (value as ParseResult).format === 'yaml' && Array.isArray((value as ParseResult).entries) && Array.isArray((value as ParseResult).errors);

/** Lexical tokens read between two steps of parseYamlSteps. */
const LEXEMES_PER_STEP = 2048;

/**
 * parseYaml in steps, for analyze.ts analysisSteps: the yaml library's parseAllDocuments (yaml 2.x
 * dist/public-api.js: Parser, then Composer) driven a few thousand lexical tokens at a time, then each
 * document walked. Composing one document of the syntax tree is still one step, which is why a big text is
 * first offered to the driver (YamlParseRequest): the extension parses it in a worker thread.
 */
export function* parseYamlSteps(text: string): Steps<ParseResult> {
  const { result, addError } = startResult('yaml', text);
  const { entries } = result;

  if (text.length > MAX_YAML_LENGTH) {
    addError(
      `File too large to analyze (${(text.length / 1048576).toFixed(1)} MB; the limit is ${MAX_YAML_LENGTH / 1048576} MB)`,
      { start: 0, end: 0 },
    );
    return result;
  }

  if (text.length >= YAML_PARSE_REQUEST_LENGTH) {
    const request: YamlParseRequest = { request: 'parse-yaml', text };
    const answer = yield request;
    if (isYamlParse(answer)) return answer;
  }
  const docs: Document.Parsed[] = [];
  try {
    const parser = new Parser();
    const composer = new Composer({ prettyErrors: false, uniqueKeys: false });
    let count = 0;
    for (const lexeme of new Lexer().lex(text)) {
      for (const token of parser.next(lexeme)) for (const doc of composer.next(token)) docs.push(doc);
      if (++count % LEXEMES_PER_STEP === 0) yield;
    }
    for (const token of parser.end()) for (const doc of composer.next(token)) docs.push(doc);
    for (const doc of composer.end()) docs.push(doc);
  } catch (e) {
    addError(`YAML could not be parsed: ${e instanceof Error ? e.message : String(e)}`, { start: 0, end: 0 });
    return result;
  }
  yield;
  walkDocuments(text, docs, entries, addError);
  return result;
}

/** Walks the parsed documents into `entries`; whether the yaml library reported a syntax error. */
function walkDocuments(text: string, docs: ReadonlyArray<Pick<Document, 'errors' | 'contents'>>, entries: ConfigEntry[], addError: AddError, root: RootContext = TOP): boolean {
  const budget = new Budget();
  let syntax = false;
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d];
    for (const err of doc.errors) {
      syntax = true;
      const start = Math.min(Math.max(0, err.pos[0]), text.length);
      const end = Math.min(Math.max(start, err.pos[1]), text.length);
      addError(err.message, { start, end });
    }
    try {
      new DocumentWalker(text, doc.contents, d, entries, addError, budget, root).walk();
    } catch (e) {
      syntax = true;
      addError(`YAML document could not be analyzed: ${e instanceof Error ? e.message : String(e)}`, { start: 0, end: 0 });
    }
    if (entries.length >= MAX_YAML_ENTRIES) break;
  }
  return syntax;
}

/** Where a piece of a document sits: the key of the map it is read inside (shapes depend on it), and that map's depth. */
export interface RootContext {
  parentKey?: string;
  depth: number;
}
const TOP: RootContext = { depth: 0 };

/**
 * A piece of one document read on its own, as the partial read (yaml-outline.ts) hands it over: keys of one
 * map (at any indentation) whose parent has `root.parentKey` at `root.depth`. Paths are relative to that map,
 * ranges to `text`; `syntax` when the yaml library reported an error (the piece is then no use on its own).
 */
export function parseYamlPiece(text: string, root: RootContext): { entries: ConfigEntry[]; errors: ParseResult['errors']; syntax: boolean } {
  const { result, addError } = startResult('yaml', text);
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false });
  } catch {
    return { entries: [], errors: result.errors, syntax: true };
  }
  if (!Array.isArray(docs) || docs.length > 1) return { entries: [], errors: result.errors, syntax: true };
  const syntax = walkDocuments(text, docs, result.entries, addError, root);
  return { entries: result.entries, errors: result.errors, syntax };
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

/** Where a node itself is written (an alias: the `*name`, not its target). */
function ownRange(node: unknown): Range {
  const r = (node as { range?: [number, number, number] | null } | null | undefined)?.range;
  return r ? { start: r[0], end: r[1] } : { start: 0, end: 0 };
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && key.type === 'PLAIN' && key.value === '<<';
}

/** The string and type of a scalar, as an entry holds them. */
function scalarValue(node: Scalar): Pick<ConfigEntry, 'value' | 'valueType'> {
  const v = node.value;
  if (typeof v === 'string') return { value: v, valueType: 'string' };
  if (typeof v === 'boolean') return { value: v ? 'true' : 'false', valueType: 'boolean' };
  if (typeof v === 'number' || typeof v === 'bigint') return { value: node.source ?? String(v), valueType: 'number' };
  if (v !== null && v !== undefined) return { value: node.source ?? String(v), valueType: 'string' };
  return { value: null, valueType: 'null' };
}

/** Flattens one document into entries, iteratively (depth-first, in document order). */
class DocumentWalker {
  private readonly targets: Map<Alias, unknown>;
  private readonly stack: Work[] = [];
  private reportedDepth = false;

  constructor(
    private readonly text: string,
    private readonly rootNode: unknown,
    private readonly document: number,
    private readonly entries: ConfigEntry[],
    private readonly addError: AddError,
    private readonly budget: Budget,
    private readonly root: RootContext = TOP,
  ) {
    this.targets = resolveAliases(rootNode);
  }

  walk(): void {
    this.stack.push({ kind: 'node', node: this.rootNode, path: [], parentKey: this.root.parentKey, viaAlias: false, ancestors: undefined });
    while (this.stack.length > 0) {
      const work = this.stack.pop()!;
      if (work.kind === 'node') {
        const children = this.visit(work);
        for (let i = children.length - 1; i >= 0; i--) this.stack.push(children[i]);
      } else if (this.entries.length >= MAX_YAML_ENTRIES) {
        this.addError(`Too many entries: analysis stopped after ${MAX_YAML_ENTRIES}`, work.entry.keyRange);
        return;
      } else {
        this.entries.push(work.entry);
      }
    }
  }

  private resolve(node: unknown): unknown {
    return isAlias(node) ? this.targets.get(node) : node;
  }

  private rangeOf(node: unknown): Range | undefined {
    const r = (this.resolve(node) as { range?: [number, number, number] | null } | undefined)?.range;
    return r ? { start: r[0], end: r[1] } : undefined;
  }

  private keyString(keyNode: unknown): string | undefined {
    const k = this.resolve(keyNode);
    if (!isScalar(k)) return undefined;
    const v = k.value;
    if (v === null || v === undefined) return '';
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'bigint') return k.source ?? String(v);
    return String(v);
  }

  /** Counts a visit through an alias or merge; false once the budget is spent (reported once per file). */
  private spend(node: unknown): boolean {
    this.budget.used++;
    if (this.budget.used <= MAX_ALIAS_VISITS) return true;
    if (!this.budget.exceeded) {
      this.budget.exceeded = true;
      this.addError('Too many alias expansions: some aliases were not expanded', ownRange(node));
    }
    return false;
  }

  /** The node a work item stands for, with its ancestors; undefined when it must not be walked. */
  private enter(work: NodeWork): { node: unknown; viaAlias: boolean; ancestors: Ancestors | undefined } | undefined {
    let node = work.node;
    let viaAlias = work.viaAlias;
    if (isAlias(node)) {
      node = this.targets.get(node);
      viaAlias = true;
      for (let a = work.ancestors; a; a = a.parent) {
        if (a.node === node) {
          this.addError('Recursive alias: it refers to a node that contains it', ownRange(work.node));
          return undefined;
        }
      }
    }
    if (viaAlias && !this.spend(work.node)) return undefined;
    let ancestors = work.ancestors;
    if (isMap(node) || isSeq(node)) {
      ancestors = { node, parent: ancestors, depth: (ancestors?.depth ?? 0) + 1 };
      if (ancestors.depth + this.root.depth > MAX_DEPTH) {
        if (!this.reportedDepth) {
          this.reportedDepth = true;
          const r = ownRange(node);
          this.addError(`Nested too deeply to analyze (more than ${MAX_DEPTH} levels)`, { start: r.start, end: r.start });
        }
        return undefined;
      }
    }
    return { node, viaAlias, ancestors };
  }

  private visit(work: NodeWork): Work[] {
    const entered = this.enter(work);
    if (!entered) return [];
    const { node, viaAlias, ancestors } = entered;
    const next = { ...work, viaAlias, ancestors };
    if (isScalar(node)) {
      const entry = work.path.length > 0 ? this.scalarEntry(node, work.path, work.keyRange, work.shape) : undefined;
      return entry ? [{ kind: 'entry', entry }] : [];
    }
    if (isMap(node)) return this.mapChildren(node, next);
    if (isSeq(node)) return this.seqChildren(node, next);
    return [];
  }

  private mapChildren(map: YAMLMap, work: NodeWork): Work[] {
    // Compose's `environment:` as a map: its values are environment variables.
    const shape: EntryShape | undefined = work.parentKey === 'environment' ? 'compose-env-map' : undefined;
    return this.effectivePairs(map, new Set([map]), !work.viaAlias).map((p): Work => {
      const path = [...work.path, p.key];
      if (p.value === null || p.value === undefined) {
        const valueRange = { start: p.keyRange.end, end: p.keyRange.end };
        const entry: ConfigEntry = { path, value: null, valueType: 'null', keyRange: p.keyRange, valueRange, document: this.document };
        if (shape) entry.shape = shape;
        return { kind: 'entry', entry };
      }
      return {
        kind: 'node',
        node: p.value,
        path,
        keyRange: p.keyRange,
        parentKey: p.key,
        shape,
        viaAlias: work.viaAlias || p.merged,
        ancestors: work.ancestors,
      };
    });
  }

  private seqChildren(seq: YAMLSeq, work: NodeWork): Work[] {
    // Compose's `environment:` list, or a document that is only a list of `UPPER_CASE=value` strings (an
    // `environment:` list quoted without its service, as in bug reports). A nested list elsewhere (an `x-env:`
    // anchor) is read where it is used.
    const composeEnv = work.parentKey === 'environment' || (work.path.length === 0 && isEnvStringList(seq));
    const k8sEnv = work.parentKey !== undefined && ENV_LIST_KEY.test(work.parentKey);
    const children: Work[] = [];
    const items = seq.items as unknown[];
    for (let i = 0; i < items.length; i++) {
      const raw = items[i];
      const item = this.resolve(raw);
      if (composeEnv && isScalar(item)) {
        const entry = this.composeItem(item, work.path);
        if (entry === null) continue;
        if (entry) {
          children.push({ kind: 'entry', entry });
          continue;
        }
      }
      if (k8sEnv && isMap(item)) {
        const entry = this.k8sItem(item, work.path);
        if (entry !== undefined) {
          if (entry) children.push({ kind: 'entry', entry });
          continue;
        }
      }
      if (isPair(raw)) {
        // A single-pair map inside a flow sequence: `[a: 1]`.
        const k = this.keyString(raw.key);
        const keyRange = this.rangeOf(raw.key);
        if (k !== undefined && keyRange) {
          const viaAlias = work.viaAlias || isAlias(raw.value);
          children.push({ kind: 'node', node: raw.value, path: [...work.path, String(i), k], keyRange, parentKey: k, viaAlias, ancestors: work.ancestors });
        }
        continue;
      }
      const path = [...work.path, String(i)];
      children.push({ kind: 'node', node: raw, path, parentKey: String(i), viaAlias: work.viaAlias, ancestors: work.ancestors });
    }
    return children;
  }

  /** The pairs of a map after applying `<<` merges. */
  private effectivePairs(map: YAMLMap, chain: Set<unknown>, reportDuplicates: boolean): EffectivePair[] {
    const explicit = this.explicitKeys(map, reportDuplicates);
    const out: EffectivePair[] = [];
    const mergedSeen = new Set<string>();
    for (const item of map.items) {
      if (!isPair(item)) continue;
      if (isMergeKey(item.key)) {
        for (const p of this.mergedPairs(item, chain)) {
          this.budget.used++;
          if (explicit.has(p.key) || mergedSeen.has(p.key)) continue;
          mergedSeen.add(p.key);
          out.push({ ...p, merged: true });
        }
        continue;
      }
      const k = this.keyString(item.key);
      const keyRange = this.rangeOf(item.key);
      if (k === undefined || !keyRange) continue;
      out.push({ key: k, keyRange, value: item.value, merged: false });
    }
    return out;
  }

  /** The keys a map writes itself (not through `<<`), reporting duplicates. */
  private explicitKeys(map: YAMLMap, reportDuplicates: boolean): Set<string> {
    const explicit = new Set<string>();
    for (const item of map.items) {
      if (!isPair(item) || isMergeKey(item.key)) continue;
      const k = this.keyString(item.key);
      if (k === undefined) continue;
      if (explicit.has(k) && reportDuplicates) {
        this.addError(duplicateKeyMessage(k), this.rangeOf(item.key) ?? { start: 0, end: 0 });
      }
      explicit.add(k);
    }
    return explicit;
  }

  /** The pairs a `<<` key brings in, from one map or a sequence of maps (the first wins). */
  private mergedPairs(item: Pair, chain: Set<unknown>): EffectivePair[] {
    const value = this.resolve(item.value);
    const sources = isSeq(value) ? value.items.map((source) => this.resolve(source)) : [value];
    const out: EffectivePair[] = [];
    for (const source of sources) {
      if (!isMap(source)) continue;
      if (chain.has(source) || chain.size >= MAX_MERGE_DEPTH) {
        this.addError('Recursive or too deeply nested merge key', this.rangeOf(item.key) ?? { start: 0, end: 0 });
        continue;
      }
      chain.add(source);
      out.push(...this.effectivePairs(source, chain, false));
      chain.delete(source);
    }
    return out;
  }

  private scalarEntry(node: Scalar, path: string[], keyRange: Range | undefined, shape: EntryShape | undefined): ConfigEntry | undefined {
    const r = node.range;
    if (!r) return undefined;
    let end = r[1];
    if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
      while (end > r[0] + 1 && /\s/.test(this.text[end - 1])) end--;
    }
    const valueRange: Range = { start: r[0], end };
    const entry: ConfigEntry = { path, ...scalarValue(node), keyRange: keyRange ?? valueRange, valueRange, document: this.document };
    if (node.type === 'QUOTE_DOUBLE') entry.quote = '"';
    else if (node.type === 'QUOTE_SINGLE') entry.quote = "'";
    if (shape) entry.shape = shape;
    return entry;
  }

  /** A Compose "KEY=VALUE" list item, or undefined if it is not one. `null` for a bare "KEY" (skipped). */
  private composeItem(node: Scalar, path: string[]): ConfigEntry | null | undefined {
    if (typeof node.value !== 'string') return null;
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
    const srcEq = this.text.indexOf('=', start);
    if (srcEq === -1 || srcEq >= end) return undefined;
    return {
      path: [...path, s.slice(0, eq)],
      value: s.slice(eq + 1),
      valueType: 'string',
      keyRange: { start, end: srcEq },
      valueRange: { start: srcEq + 1, end },
      document: this.document,
      shape: 'compose-env-list',
    };
  }

  /**
   * A Kubernetes {name, value} item; null for one with a name but no value to read (`valueFrom`),
   * undefined for a map that is not such an item.
   */
  private k8sItem(item: YAMLMap, path: string[]): ConfigEntry | null | undefined {
    const pairs = this.effectivePairs(item, new Set([item]), false);
    const namePair = pairs.find((p) => p.key === 'name');
    const nameNode = namePair ? this.resolve(namePair.value) : undefined;
    if (!isScalar(nameNode) || nameNode.value === null || nameNode.value === undefined || !nameNode.range) return undefined;
    const valuePair = pairs.find((p) => p.key === 'value');
    const valueNode = valuePair ? this.resolve(valuePair.value) : undefined;
    if (!isScalar(valueNode)) return null;
    const name = this.keyString(nameNode) ?? '';
    const keyRange = { start: nameNode.range[0], end: nameNode.range[1] };
    return this.scalarEntry(valueNode, [...path, name], keyRange, 'k8s-env-list') ?? null;
  }
}

const ENV_ASSIGNMENT = /^[A-Z][A-Z0-9_]*=/;

function isEnvStringList(seq: YAMLSeq): boolean {
  return seq.items.length > 0 && seq.items.every((item) => isScalar(item) && typeof item.value === 'string' && ENV_ASSIGNMENT.test(item.value));
}
