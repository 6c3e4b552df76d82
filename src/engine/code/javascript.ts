// nodemailer in JavaScript and TypeScript: `nodemailer.createTransport({ host, port, secure, requireTLS,
// ignoreTLS, auth: { user, pass }, tls: { rejectUnauthorized } })` and its URL form `createTransport('smtps://…')`.
// The keys and their meaning are nodemailer's own (profiles/nodemailer.ts, nodemailer.com/smtp; nodemailer
// lib/smtp-connection/index.js: `secure` is implicit TLS, and when it is not set, port 465 is).
// Values are followed within reason: literals, a `const` of the same file defined once, an object built then
// passed, `process.env.X || fallback` / `?? fallback`, `Number(…)`/`parseInt(…)`, and `process.env.X` (with or
// without a fallback; compared with a string: `=== 'true'`) where the project's `.env` sets X. Anything else is a
// run-time value.

import type { Node, Tree } from 'web-tree-sitter';
import type { EnvironmentVariables } from '../environment';
import { comparedValue, environmentValue, holdsComment, listItemRemoval, pairAddition, plainStringContent, rangeOf, runtimeValue, settingOf, singleDefinition, type CodeClient, type CodeSetting, type CodeValue } from './read';

/** nodemailer's option names (as written) → the nodemailer profile's key words. */
const OPTION_KEYS: Readonly<Record<string, string>> = {
  host: 'host',
  port: 'port',
  secure: 'secure',
  requireTLS: 'require tls',
  ignoreTLS: 'ignore tls',
  url: 'url',
  'auth.user': 'auth user',
  'auth.pass': 'auth pass',
  'auth.type': 'auth type',
  'auth.accessToken': 'auth access token',
  'auth.refreshToken': 'auth refresh token',
  'auth.clientSecret': 'auth client secret',
  'tls.rejectUnauthorized': 'tls reject unauthorized',
};

/** Top-level options a fix may add beside the others (nodemailer lib/smtp-connection/index.js reads them from the options object). */
const TOP_LEVEL_KEYS: Readonly<Record<string, string>> = { port: 'port', secure: 'secure', 'require tls': 'requireTLS', 'ignore tls': 'ignoreTLS' };

const WRAPPERS = new Set(['parenthesized_expression', 'as_expression', 'satisfies_expression', 'non_null_expression', 'type_assertion']);
const MAX_DEPTH = 8;

class Reader {
  private readonly definitions = new Map<string, Node[]>();

  constructor(
    root: Node,
    private readonly text: string,
    private readonly environment?: EnvironmentVariables,
  ) {
    for (const declarator of root.descendantsOfType('variable_declarator')) {
      const name = declarator?.childForFieldName('name');
      const value = declarator?.childForFieldName('value');
      if (name?.type === 'identifier' && value) this.define(name.text, value);
    }
    // A name assigned again is not followed.
    for (const assignment of root.descendantsOfType(['assignment_expression', 'augmented_assignment_expression'])) {
      const left = assignment?.childForFieldName('left');
      if (left?.type === 'identifier') this.define(left.text, left);
    }
  }

  private define(name: string, node: Node): void {
    if (!this.definitions.has(name)) this.definitions.set(name, []);
    this.definitions.get(name)!.push(node);
  }

  /** The node an expression stands for: through wrappers and names defined once. */
  resolve(node: Node, depth = 0): Node {
    if (depth > MAX_DEPTH) return node;
    if (WRAPPERS.has(node.type) && node.namedChildCount > 0) return this.resolve(node.namedChild(0)!, depth + 1);
    if (node.type === 'identifier' || node.type === 'shorthand_property_identifier') {
      const definition = singleDefinition(this.definitions.get(node.text) ?? []);
      if (definition && definition.type !== 'identifier') return this.resolve(definition, depth + 1);
    }
    return node;
  }

  value(node: Node, depth = 0): CodeValue {
    const resolved = this.resolve(node, depth);
    switch (resolved.type) {
      case 'string':
      case 'template_string': {
        const plain = plainStringContent(resolved);
        return plain ? { value: plain.content, valueType: 'string', range: rangeOf(resolved), quote: plain.quote, written: resolved.text } : runtimeValue(resolved);
      }
      case 'number':
        return { value: resolved.text, valueType: 'number', range: rangeOf(resolved), written: resolved.text };
      case 'true':
      case 'false':
        return { value: resolved.type, valueType: 'boolean', range: rangeOf(resolved), written: resolved.text };
      case 'member_expression':
      case 'subscript_expression':
        return environmentValue(this.environment, this.variableOf(resolved), resolved) ?? runtimeValue(resolved);
      case 'binary_expression': {
        const operator = resolved.childForFieldName('operator')?.text;
        const left = resolved.childForFieldName('left');
        const right = resolved.childForFieldName('right');
        const variable = left ? this.variableOf(this.resolve(left, depth + 1)) : undefined;
        if (variable && right && /^[!=]==?$/.test(operator ?? '')) {
          // `process.env.SMTP_SECURE === 'true'`: computed from the .env's value; unknown where it sets none.
          const set = environmentValue(this.environment, variable, resolved);
          const to = this.resolve(right, depth + 1);
          const literal = to.type === 'string' ? plainStringContent(to) : undefined;
          return set && literal ? comparedValue(set, literal.content, operator!.startsWith('='), resolved) : runtimeValue(resolved);
        }
        if ((operator === '||' || operator === '??') && right && depth < MAX_DEPTH) {
          // The variable where the .env sets it (an empty value is falsy: `||` passes over it, `??` does not).
          const set = environmentValue(this.environment, variable, resolved, operator === '||');
          if (set) return set;
          // `process.env.SMTP_PORT || 587`: the fallback is the value when the variable is not set.
          const fallback = this.value(right, depth + 1);
          return fallback.value === '${runtime}' ? runtimeValue(resolved) : { ...fallback, written: resolved.text };
        }
        return runtimeValue(resolved);
      }
      case 'call_expression': {
        const callee = resolved.childForFieldName('function')?.text;
        const first = resolved.childForFieldName('arguments')?.namedChild(0);
        if ((callee === 'Number' || callee === 'parseInt') && first && depth < MAX_DEPTH) {
          const inner = this.value(first, depth + 1);
          return { ...inner, written: resolved.text };
        }
        return runtimeValue(resolved);
      }
      default:
        return runtimeValue(resolved);
    }
  }

  /** The variable `process.env.X` / `process.env['X']` reads, if the expression is such a lookup. */
  variableOf(node: Node): string | undefined {
    const object = node.childForFieldName('object');
    if ((node.type !== 'member_expression' && node.type !== 'subscript_expression') || object?.text.replace(/\s+/g, '') !== 'process.env') return undefined;
    if (node.type === 'member_expression') return node.childForFieldName('property')?.text;
    const index = node.childForFieldName('index');
    return index?.type === 'string' ? plainStringContent(index)?.content : undefined;
  }

  /** The settings of an options object, with nested `auth` and `tls` objects; `outer` is the `tls: {…}` pair holding it. */
  options(node: Node, prefix = '', depth = 0, outer?: Node): CodeSetting[] {
    const object = this.resolve(node, depth);
    if (object.type !== 'object' || depth > MAX_DEPTH) return [];
    const settings: CodeSetting[] = [];
    const members = object.namedChildren.filter((member) => member && member.type !== 'comment');
    const quote = /'/.test(object.text) || !/"/.test(object.text) ? "'" : '"';
    for (const member of object.namedChildren) {
      if (!member) continue;
      let keyNode: Node | null;
      let valueNode: Node | null;
      if (member.type === 'pair') {
        keyNode = member.childForFieldName('key');
        valueNode = member.childForFieldName('value');
      } else if (member.type === 'shorthand_property_identifier') {
        keyNode = member;
        valueNode = member;
      } else continue;
      if (!keyNode || !valueNode) continue;
      const name = keyNode.type === 'string' ? plainStringContent(keyNode)?.content : keyNode.type === 'property_identifier' || keyNode.type === 'shorthand_property_identifier' ? keyNode.text : undefined;
      if (!name) continue;
      const path = prefix ? `${prefix}.${name}` : name;
      if (!prefix && (name === 'auth' || name === 'tls')) {
        settings.push(...this.options(valueNode, name, depth + 1, member.type === 'pair' && valueNode.type === 'object' ? member : undefined));
        continue;
      }
      const key = OPTION_KEYS[path];
      if (!key) continue;
      const setting = flagSetting(key, name, path, keyNode, this.value(valueNode));
      if (member.type === 'pair' && !holdsComment(member)) {
        // The pair goes alone, or with its `tls: {…}` when it is all that object holds.
        const only = outer && members.length === 1 && !holdsComment(outer);
        setting.entry.site = {
          remove: listItemRemoval(only ? outer : member, this.text),
          ...(prefix ? {} : { add: pairAddition(member, keyNode, valueNode, this.text, TOP_LEVEL_KEYS, quote) }),
        };
      }
      settings.push(setting);
    }
    return settings;
  }
}

/**
 * nodemailer's flags take a value's truth (lib/smtp-connection/index.js: `!!this.options.secure`, `if
 * (this.options.requireTLS)`); Node's TLS checks `rejectUnauthorized !== false`. A string from the `.env` is
 * no boolean: `secure: process.env.SMTP_SECURE` with SMTP_SECURE=false is secure, and verification stays on.
 */
const FLAGS = new Set(['secure', 'requireTLS', 'ignoreTLS', 'tls.rejectUnauthorized']);

function flagSetting(key: string, name: string, path: string, keyNode: Node, value: CodeValue): CodeSetting {
  const setBy = value.environment?.setBy;
  if (!FLAGS.has(path) || !setBy || value.environment?.evaluated || value.valueType !== 'string') return settingOf(key, name, keyNode, value);
  const truth = path === 'tls.rejectUnauthorized' ? true : value.value !== '';
  const label = `${name}: ${value.written} ("${setBy.value}" in ${setBy.file ?? '.env'}, a string: ${truth})`;
  return settingOf(key, name, keyNode, { ...value, value: String(truth), valueType: 'boolean' }, label);
}

function isCreateTransport(call: Node): boolean {
  const callee = call.childForFieldName('function');
  if (!callee) return false;
  if (callee.type === 'identifier') return callee.text === 'createTransport';
  return callee.type === 'member_expression' && callee.childForFieldName('property')?.text === 'createTransport';
}

/** nodemailer clients in a JavaScript or TypeScript file that imports nodemailer. */
export function readJavaScript(tree: Tree, text: string, environment?: EnvironmentVariables): CodeClient[] {
  if (!text.includes('nodemailer')) return [];
  const root = tree.rootNode;
  const reader = new Reader(root, text, environment);
  const clients: CodeClient[] = [];
  for (const call of root.descendantsOfType('call_expression')) {
    if (!call || !isCreateTransport(call)) continue;
    const first = call.childForFieldName('arguments')?.namedChild(0);
    if (!first) continue;
    const target = reader.resolve(first);
    let settings: CodeSetting[];
    if (target.type === 'string' || target.type === 'template_string') settings = [settingOf('url', 'url', target, reader.value(target))];
    else settings = reader.options(first);
    if (settings.length > 0) clients.push({ profile: 'nodemailer', anchor: `createTransport@${call.startIndex}`, settings });
  }
  return clients;
}
