// Python smtplib: `smtplib.SMTP(host, port)` / `SMTP_SSL(host, port, context=…)`, then `.starttls()` and
// `.login(user, password)` on the same object in the same function (profiles/smtplib.ts has the semantics).
// Values are followed within reason: literals, a name assigned once in the file, `os.getenv('X', fallback)`,
// `os.environ.get('X', fallback)`, `os.getenv('X') or fallback`, `int(…)`, and `os.environ['X']` / `os.getenv('X')`
// (with or without a fallback) where the project's `.env` sets X. Anything else is a run-time value.

import type { Node, Tree } from 'web-tree-sitter';
import type { EnvironmentVariables } from '../environment';
import type { ConfigEntry } from '../types';
import { Definitions, environmentValue, plainStringContent, rangeOf, runtimeValue, settingOf, RUNTIME_VALUE, type CodeClient, type CodeSetting, type CodeValue } from './read';

const MAX_DEPTH = 8;
const CLIENT_CLASSES = new Set(['SMTP', 'SMTP_SSL']);
const LOOKUP_CALLS = new Set(['os.getenv', 'getenv', 'os.environ.get', 'environ.get']);

const NAMES = new Set(['identifier']);

class Reader {
  private readonly definitions: Definitions;

  constructor(
    root: Node,
    private readonly environment?: EnvironmentVariables,
  ) {
    this.definitions = Definitions.ofAssignments(root, ['assignment', 'augmented_assignment'], NAMES);
  }

  resolve(node: Node, depth = 0): Node {
    return this.definitions.resolve(node, (current) => (current.type === 'parenthesized_expression' ? current.namedChild(0) : undefined), NAMES, depth);
  }

  value(node: Node, depth = 0): CodeValue {
    const resolved = this.resolve(node, depth);
    switch (resolved.type) {
      case 'string': {
        const plain = plainStringContent(resolved);
        return plain ? { value: plain.content, valueType: 'string', range: rangeOf(resolved), quote: plain.quote === '`' ? undefined : plain.quote, written: resolved.text } : runtimeValue(resolved);
      }
      case 'integer':
        return { value: resolved.text, valueType: 'number', range: rangeOf(resolved), written: resolved.text };
      case 'true':
      case 'false':
        return { value: resolved.text, valueType: 'boolean', range: rangeOf(resolved), written: resolved.text };
      case 'subscript':
        return environmentValue(this.environment, this.variableOf(resolved), resolved) ?? runtimeValue(resolved);
      case 'boolean_operator': {
        const left = resolved.childForFieldName('left');
        const right = resolved.childForFieldName('right');
        if (resolved.childForFieldName('operator')?.text === 'or' && right && depth < MAX_DEPTH) {
          // `os.getenv('X') or fallback`: the .env's value unless it is empty.
          const set = left ? environmentValue(this.environment, this.variableOf(this.resolve(left, depth + 1)), resolved, true) : undefined;
          return set ?? this.fallback(resolved, right, depth);
        }
        return runtimeValue(resolved);
      }
      case 'call': {
        const callee = resolved.childForFieldName('function')?.text;
        const args = positional(resolved);
        if (callee === 'int' && args[0] && depth < MAX_DEPTH) return { ...this.value(args[0], depth + 1), written: resolved.text };
        const set = environmentValue(this.environment, this.variableOf(resolved), resolved);
        if (set) return set;
        // os.getenv('X', fallback), os.environ.get('X', fallback): the fallback when the variable is not set.
        const fallback = args[1] ?? keyword(resolved, 'default');
        if (callee && LOOKUP_CALLS.has(callee) && fallback && depth < MAX_DEPTH) return this.fallback(resolved, fallback, depth);
        return runtimeValue(resolved);
      }
      default:
        return runtimeValue(resolved);
    }
  }

  /** The variable `os.environ['X']`, `os.getenv('X')` or `os.environ.get('X')` reads, if the expression is such a lookup. */
  private variableOf(node: Node): string | undefined {
    let name: Node | null | undefined;
    if (node.type === 'subscript' && /^(?:os\.)?environ$/.test(node.childForFieldName('value')?.text ?? '')) name = node.childForFieldName('subscript');
    else if (node.type === 'call' && LOOKUP_CALLS.has(node.childForFieldName('function')?.text ?? '')) name = positional(node)[0];
    return name?.type === 'string' ? plainStringContent(name)?.content : undefined;
  }

  private fallback(whole: Node, fallback: Node, depth: number): CodeValue {
    const value = this.value(fallback, depth + 1);
    return value.value === RUNTIME_VALUE ? runtimeValue(whole) : { ...value, written: whole.text };
  }
}

function positional(call: Node): Node[] {
  return (call.childForFieldName('arguments')?.namedChildren ?? []).filter((node): node is Node => !!node && node.type !== 'keyword_argument' && node.type !== 'comment');
}

function keyword(call: Node, name: string): Node | undefined {
  for (const node of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (node?.type === 'keyword_argument' && node.childForFieldName('name')?.text === name) return node.childForFieldName('value') ?? undefined;
  }
  return undefined;
}

/** The class of an smtplib client constructor call, with the node naming it. */
function clientClass(call: Node, importsFromSmtplib: boolean): Node | undefined {
  const callee = call.childForFieldName('function');
  if (callee?.type === 'attribute' && callee.childForFieldName('object')?.text === 'smtplib') {
    const attribute = callee.childForFieldName('attribute');
    return attribute && CLIENT_CLASSES.has(attribute.text) ? attribute : undefined;
  }
  return importsFromSmtplib && callee?.type === 'identifier' && CLIENT_CLASSES.has(callee.text) ? callee : undefined;
}

/** The name the client is bound to: `server = smtplib.SMTP(…)`, `with smtplib.SMTP(…) as server:`. */
function boundName(call: Node): string | undefined {
  const parent = call.parent;
  if (parent?.type === 'assignment' && parent.childForFieldName('right')?.equals(call)) return parent.childForFieldName('left')?.text;
  if (parent?.type === 'as_pattern') return parent.childForFieldName('alias')?.text;
  return undefined;
}

function scopeOf(node: Node): Node {
  let scope: Node | null = node.parent;
  while (scope && scope.type !== 'function_definition' && scope.type !== 'module') scope = scope.parent;
  return scope ?? node;
}

/** Whether an SSL context switches verification off: `ssl._create_unverified_context()`. */
function isUnverifiedContext(node: Node): boolean {
  return node.type === 'call' && /(^|\.)_create_unverified_context$/.test(node.childForFieldName('function')?.text ?? '');
}

/**
 * `ssl._create_unverified_context()` becomes `ssl.create_default_context()` (CERT_REQUIRED, host name checked: Lib/ssl.py);
 * dropping the context would not do, as SMTP_SSL and starttls() then make an unverified one. Only the bare call on the
 * `ssl` module: its arguments (cert_reqs, check_hostname) are not create_default_context()'s.
 */
function verifiedContextSite(call: Node): NonNullable<ConfigEntry['site']> | undefined {
  const callee = call.childForFieldName('function');
  const name = callee?.type === 'attribute' ? callee.childForFieldName('attribute') : undefined;
  if (!name || callee!.childForFieldName('object')?.text !== 'ssl' || (call.childForFieldName('arguments')?.namedChildCount ?? 1) > 0) return undefined;
  return { remove: rangeOf(name), removeWith: 'create_default_context' };
}

/** smtplib clients in a Python file. */
export function readPython(tree: Tree, text: string, environment?: EnvironmentVariables): CodeClient[] {
  if (!text.includes('smtplib')) return [];
  const root = tree.rootNode;
  const reader = new Reader(root, environment);
  const importsFromSmtplib = /^\s*from\s+smtplib\s+import\b/m.test(text);
  const clients: CodeClient[] = [];
  for (const call of root.descendantsOfType('call')) {
    if (!call) continue;
    const klass = clientClass(call, importsFromSmtplib);
    if (!klass) continue;
    const args = positional(call);
    const hostNode = keyword(call, 'host') ?? args[0];
    // SMTP() without a host connects later (`connect()`), elsewhere: nothing to judge here.
    if (!hostNode) continue;
    const settings: CodeSetting[] = [settingOf('host', 'host', hostNode, reader.value(hostNode))];
    let starttls: string | undefined;
    const portNode = keyword(call, 'port') ?? args[1];
    if (portNode) settings.push(settingOf('port', 'port', portNode, reader.value(portNode)));
    const contexts: Node[] = [];
    const context = keyword(call, 'context');
    if (context) contexts.push(context);
    const name = boundName(call);
    if (name) {
      for (const use of scopeOf(call).descendantsOfType('call')) {
        const callee = use?.childForFieldName('function');
        if (!use || callee?.type !== 'attribute' || callee.childForFieldName('object')?.text !== name || use.startIndex < call.startIndex) continue;
        const method = callee.childForFieldName('attribute')!;
        if (method.text === 'starttls') {
          starttls = `${name}.starttls()`;
          const starttlsContext = keyword(use, 'context');
          if (starttlsContext) contexts.push(starttlsContext);
        } else if (method.text === 'login') {
          const [user, password] = positional(use);
          if (user) settings.push(settingOf('user', 'user', user, reader.value(user)));
          if (password) settings.push(settingOf('password', 'password', password, reader.value(password)));
        }
      }
    }
    // One setting on the class name says the mode: SMTP_SSL, SMTP upgraded by starttls(), or SMTP alone.
    const mode = klass.text === 'SMTP_SSL' ? 'implicit' : starttls ? 'starttls' : 'none';
    const label = `smtplib.${klass.text}(…)${mode === 'starttls' ? ` with ${starttls}` : ''}`;
    settings.push(settingOf('class', klass.text, klass, { value: mode, valueType: 'string', range: rangeOf(klass), readOnly: true, written: klass.text }, label));
    for (const node of contexts) {
      // On the call that creates the unverified context: that is where verification is switched off.
      const resolved = reader.resolve(node);
      if (isUnverifiedContext(resolved)) {
        const setting = settingOf('context', 'context', node, { value: 'unverified', valueType: 'string', range: rangeOf(resolved), readOnly: true, written: resolved.text }, resolved.text);
        const replaced = verifiedContextSite(resolved);
        if (replaced) setting.entry.site = replaced;
        settings.push(setting);
      }
    }
    clients.push({ profile: 'smtplib', anchor: `${klass.text}@${call.startIndex}`, settings });
  }
  return clients;
}
