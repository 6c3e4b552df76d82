// Ruby: Net::SMTP (`Net::SMTP.new(address, port)` then enable_tls / enable_starttls / enable_starttls_auto /
// disable_starttls and start(helo, user, secret) on the same object; `Net::SMTP.start(address, port, helo, user,
// secret)`), the mail gem (`delivery_method :smtp, { address:, port:, … }`) and ActionMailer's smtp_settings
// assigned in code (`ActionMailer::Base.smtp_settings = { … }`, `config.action_mailer.smtp_settings = { … }`).
// Semantics: profiles/net-smtp.ts, profiles/mail-gem.ts, profiles/rails.ts. Values are followed within reason:
// literals and symbols, a constant or variable assigned once in the file, `ENV['X'] || fallback`,
// `ENV.fetch('X', fallback)`, `ENV.fetch('X') { fallback }`, `.to_i`/`.to_s`/`Integer(…)`, `.freeze`.
// `ENV['X']` and `ENV.fetch('X')` give the project's `.env` value where it sets X (not for flags: every string is true).
// Anything else is a run-time value.

import type { Node, Tree } from 'web-tree-sitter';
import { CODE_ENVIRONMENT, type EnvironmentVariables } from '../environment';
import { Definitions, environmentValue, isConditionalTo, plainStringContent, rangeOf, runtimeValue, settingOf, RUNTIME_VALUE, type CodeClient, type CodeSetting, type CodeValue } from './read';

const MAX_DEPTH = 8;
const ENVIRONMENT = CODE_ENVIRONMENT.ruby;
/** Nodes whose body runs only under a condition. */
const BRANCHES = new Set(['if', 'unless', 'if_modifier', 'unless_modifier', 'elsif', 'else', 'case', 'when', 'conditional', 'rescue', 'rescue_modifier']);

/** Net::SMTP's methods that choose the TLS mode → the net-smtp profile's key and value (lib/net/smtp.rb). */
const NET_SMTP_CALLS: Readonly<Record<string, { key: string; value: string }>> = {
  enable_tls: { key: 'tls', value: 'true' },
  enable_ssl: { key: 'tls', value: 'true' },
  disable_tls: { key: 'tls', value: 'false' },
  disable_ssl: { key: 'tls', value: 'false' },
  enable_starttls: { key: 'starttls', value: 'always' },
  enable_starttls_auto: { key: 'starttls', value: 'auto' },
  disable_starttls: { key: 'starttls', value: 'false' },
};

/** The mail gem's and ActionMailer's option names that the profiles know (RAILS_KEYS), in words. */
const MAIL_OPTIONS = new Set(['address', 'port', 'user name', 'password', 'enable starttls', 'enable starttls auto', 'tls', 'ssl', 'openssl verify mode', 'authentication']);

function argumentsOf(call: Node): Node[] {
  return (call.childForFieldName('arguments')?.namedChildren ?? []).filter((node): node is Node => !!node && node.type !== 'comment');
}

const NAMES = new Set(['identifier', 'constant']);
const LOCALS = new Set(['identifier']);

class Reader {
  private readonly definitions: Definitions;

  constructor(
    root: Node,
    private readonly environment?: EnvironmentVariables,
  ) {
    this.definitions = Definitions.ofAssignments(root, ['assignment', 'operator_assignment'], NAMES);
  }

  resolve(node: Node, depth = 0): Node {
    const inner = (current: Node) => {
      if ((current.type === 'parenthesized_statements' || current.type === 'parenthesized_expression') && current.namedChildCount === 1) return current.namedChild(0);
      // `{ … }.freeze`
      return current.type === 'call' && current.childForFieldName('method')?.text === 'freeze' ? current.childForFieldName('receiver') : undefined;
    };
    // A name defined as a local variable (`PORT = port`) is not followed; one defined as a constant (`PORT = DEFAULT_PORT`) is.
    return this.definitions.resolve(node, inner, NAMES, depth, LOCALS);
  }

  value(node: Node, depth = 0): CodeValue {
    const resolved = this.resolve(node, depth);
    switch (resolved.type) {
      case 'string': {
        const plain = plainStringContent(resolved);
        if (!plain || plain.quote === '`' || (plain.quote === '"' && plain.content.includes('#{'))) return runtimeValue(resolved);
        return { value: plain.content, valueType: 'string', range: rangeOf(resolved), quote: plain.quote, written: resolved.text };
      }
      case 'simple_symbol':
        // :always, :none: the word, read-only (a fix would write a string over the symbol).
        return { value: resolved.text.slice(1), valueType: 'string', range: rangeOf(resolved), readOnly: true, written: resolved.text };
      case 'integer':
        return { value: resolved.text.replace(/_/g, ''), valueType: 'number', range: rangeOf(resolved), written: resolved.text };
      case 'true':
      case 'false':
        return { value: resolved.type, valueType: 'boolean', range: rangeOf(resolved), written: resolved.text };
      case 'scope_resolution':
        // OpenSSL::SSL::VERIFY_NONE: the profiles know the constant by name.
        return /^OpenSSL::SSL::VERIFY_(NONE|PEER)$/.test(resolved.text) ? { value: resolved.text, valueType: 'string', range: rangeOf(resolved), readOnly: true, written: resolved.text } : runtimeValue(resolved);
      case 'binary': {
        const operator = resolved.childForFieldName('operator')?.text;
        const right = resolved.childForFieldName('right');
        // `ENV['X'] || fallback`. A config value's fallback (`settings[:port] || 587`) is not the value: unknown.
        const left = resolved.childForFieldName('left');
        if (ENVIRONMENT.fallbackOperators.includes(operator ?? '') && right && left && isEnvLookup(this.resolve(left)) && depth < MAX_DEPTH) {
          // The .env's value, even empty: '' is true in Ruby.
          return environmentValue(this.environment, variableOf(this.resolve(left)), resolved) ?? this.fallback(resolved, right, depth);
        }
        return runtimeValue(resolved);
      }
      case 'call': {
        const method = resolved.childForFieldName('method')?.text;
        const receiver = resolved.childForFieldName('receiver');
        const args = argumentsOf(resolved);
        if ((method === 'to_i' || method === 'to_s') && receiver && depth < MAX_DEPTH) return { ...this.value(receiver, depth + 1), written: resolved.text };
        if (method === 'Integer' && !receiver && args[0] && depth < MAX_DEPTH) return { ...this.value(args[0], depth + 1), written: resolved.text };
        const set = environmentValue(this.environment, variableOf(resolved), resolved);
        if (set) return set;
        const fallbackAt = ENVIRONMENT.calls[`${receiver?.text ?? ''}.${method}`] ?? -1;
        if (fallbackAt >= 0 && depth < MAX_DEPTH) {
          // ENV.fetch('X', fallback), ENV.fetch('X') { fallback }
          if (args[fallbackAt]) return this.fallback(resolved, args[fallbackAt], depth);
          const block = resolved.childForFieldName('block');
          const body = block?.namedChildren.filter((child) => child?.type !== 'block_parameters');
          if (body?.length === 1 && body[0]) {
            const inner = body[0].type === 'block_body' && body[0].namedChildCount === 1 ? body[0].namedChild(0)! : body[0];
            return this.fallback(resolved, inner, depth);
          }
        }
        return runtimeValue(resolved);
      }
      case 'element_reference':
        return environmentValue(this.environment, variableOf(resolved), resolved) ?? runtimeValue(resolved);
      default:
        return runtimeValue(resolved);
    }
  }

  private fallback(whole: Node, fallback: Node, depth: number): CodeValue {
    const value = this.value(fallback, depth + 1);
    return value.value === RUNTIME_VALUE ? runtimeValue(whole) : { ...value, written: whole.text };
  }

  /** The mail gem's options hash (or the bare `key: value` pairs of a call), as settings in the profiles' words. */
  options(pairs: readonly Node[]): CodeSetting[] {
    const settings: CodeSetting[] = [];
    for (const pair of pairs) {
      if (pair.type !== 'pair') continue;
      const keyNode = pair.childForFieldName('key');
      const valueNode = pair.childForFieldName('value');
      if (!keyNode || !valueNode) continue;
      const name = keyNode.type === 'hash_key_symbol' ? keyNode.text : keyNode.type === 'simple_symbol' ? keyNode.text.slice(1) : keyNode.type === 'string' ? plainStringContent(keyNode)?.content : undefined;
      const words = name?.replace(/_/g, ' ');
      if (!name || !words || !MAIL_OPTIONS.has(words)) continue;
      const value = this.value(valueNode);
      // A flag takes a value's truth, and every string is true in Ruby ("false" too): a flag from the .env is not followed.
      settings.push(settingOf(words, name, keyNode, value.environment && FLAGS.has(words) ? runtimeValue(valueNode) : value));
    }
    return settings;
  }

  /** The pairs of a hash argument, followed through a constant or variable. */
  hashPairs(node: Node): Node[] | undefined {
    const hash = this.resolve(node);
    return hash.type === 'hash' ? hash.namedChildren.filter((child): child is Node => !!child) : undefined;
  }
}

const FLAGS = new Set(['enable starttls', 'enable starttls auto', 'tls', 'ssl']);

/** The variable `ENV['X']` or `ENV.fetch('X')` reads, if the expression is such a lookup. */
function variableOf(node: Node): string | undefined {
  if (!isEnvLookup(node)) return undefined;
  const name = node.type === 'element_reference' ? node.namedChild(1) : argumentsOf(node)[0];
  return name ? plainStringContent(name)?.content : undefined;
}

/** `ENV['X']` or `ENV.fetch('X')`: the left of `|| fallback` that is an environment lookup, not a computed value. */
function isEnvLookup(node: Node): boolean {
  if (node.type === 'element_reference') return ENVIRONMENT.subscripts.includes(node.childForFieldName('object')?.text ?? '');
  return node.type === 'call' && `${node.childForFieldName('receiver')?.text ?? ''}.${node.childForFieldName('method')?.text ?? ''}` in ENVIRONMENT.calls;
}

function isNetSmtp(node: Node | null): boolean {
  return !!node && /^(::)?Net::SMTP$/.test(node.text);
}

function scopeOf(node: Node): Node {
  let scope: Node | null = node.parent;
  while (scope && !['method', 'singleton_method', 'program', 'block', 'do_block'].includes(scope.type)) scope = scope.parent;
  return scope ?? node;
}

/**
 * The name a Net::SMTP object is bound to and where its calls are looked for: `smtp = Net::SMTP.new(…)` (its
 * method or block), `@smtp = Net::SMTP.new(…)` (the whole file: other methods use it), `Net::SMTP.new(…).tap do |smtp|` (the block).
 */
function boundName(call: Node): { name: string; scope: Node } | undefined {
  const parent = call.parent;
  if (parent?.type === 'assignment' && parent.childForFieldName('right')?.equals(call)) {
    const left = parent.childForFieldName('left');
    if (left?.type === 'identifier') return { name: left.text, scope: scopeOf(call) };
    if (left?.type === 'instance_variable') {
      let root: Node = call;
      while (root.parent) root = root.parent;
      return { name: left.text, scope: root };
    }
    return undefined;
  }
  if (parent?.type === 'call' && parent.childForFieldName('receiver')?.equals(call) && parent.childForFieldName('method')?.text === 'tap') {
    const block = parent.childForFieldName('block');
    const parameter = block?.childForFieldName('parameters')?.namedChild(0);
    if (block && parameter?.type === 'identifier') return { name: parameter.text, scope: block };
  }
  return undefined;
}

function readNetSmtp(root: Node, reader: Reader): CodeClient[] {
  const clients: CodeClient[] = [];
  for (const call of root.descendantsOfType('call')) {
    if (!call || !isNetSmtp(call.childForFieldName('receiver'))) continue;
    const method = call.childForFieldName('method');
    if (method?.text !== 'new' && method?.text !== 'start') continue;
    const args = argumentsOf(call);
    const positional = args.filter((node) => node.type !== 'pair' && node.type !== 'block_argument');
    const keywords = new Map(args.filter((node) => node.type === 'pair').map((pair) => [pair.childForFieldName('key')?.text.replace(/:$/, '') ?? '', pair]));
    const host = positional[0];
    if (!host) continue;
    const settings: CodeSetting[] = [settingOf('address', 'address', host, reader.value(host))];
    if (positional[1]) settings.push(settingOf('port', 'port', positional[1], reader.value(positional[1])));
    const credentials = (user: Node | undefined, secret: Node | undefined) => {
      if (user) settings.push(settingOf('user', 'user', user, reader.value(user)));
      if (secret) settings.push(settingOf('secret', 'secret', secret, reader.value(secret)));
    };
    const keyword = (name: string) => keywords.get(name)?.childForFieldName('value') ?? undefined;
    for (const [name, key] of [['tls', 'tls'], ['ssl', 'tls'], ['starttls', 'starttls'], ['tls_verify', 'tls verify']] as const) {
      const node = keyword(name);
      const value = node && reader.value(node);
      if (node && value) settings.push(settingOf(key, name, keywords.get(name)!.childForFieldName('key')!, value.environment ? runtimeValue(node) : value));
    }
    if (method.text === 'start') credentials(positional[3] ?? keyword('user'), positional[4] ?? keyword('secret') ?? keyword('password'));
    const bound = method.text === 'new' ? boundName(call) : undefined;
    // A Net::SMTP.new not bound to a name we follow (`@smtp ||= …`, returned, passed on) is configured elsewhere: its TLS mode is unknown.
    if (method.text === 'new' && !bound) settings.push(settingOf('starttls', 'new', method, { ...runtimeValue(call), range: rangeOf(method) }, `${call.text.slice(0, 40)}… configured elsewhere`));
    if (bound) {
      const { name, scope } = bound;
      for (const use of scope.descendantsOfType('call')) {
        if (!use || use.startIndex < call.endIndex || use.childForFieldName('receiver')?.text !== name) continue;
        const used = use.childForFieldName('method');
        if (!used) continue;
        const mode = NET_SMTP_CALLS[used.text];
        // `smtp.enable_starttls if settings[:starttls]`: whether it runs is not known.
        const value = isConditionalTo(use, call, scope, BRANCHES) ? RUNTIME_VALUE : mode?.value;
        if (mode && value) settings.push(settingOf(mode.key, used.text, used, { value, valueType: 'string', range: rangeOf(used), readOnly: true, written: `${name}.${used.text}` }, `${name}.${used.text}`));
        if (used.text === 'start') {
          const startArgs = argumentsOf(use);
          const startPositional = startArgs.filter((node) => node.type !== 'pair' && node.type !== 'block_argument');
          const startKeywords = new Map(startArgs.filter((node) => node.type === 'pair').map((pair) => [pair.childForFieldName('key')?.text.replace(/:$/, '') ?? '', pair.childForFieldName('value')]));
          credentials(startPositional[1] ?? startKeywords.get('user') ?? undefined, startPositional[2] ?? startKeywords.get('secret') ?? startKeywords.get('password') ?? undefined);
        }
      }
    }
    clients.push({ profile: 'net-smtp', anchor: `Net::SMTP.${method.text}@${call.startIndex}`, settings });
  }
  return clients;
}

/** `delivery_method :smtp, { … }` (the mail gem) and `….smtp_settings = { … }` (ActionMailer, in code). */
function readMailOptions(root: Node, reader: Reader): CodeClient[] {
  const clients: CodeClient[] = [];
  for (const call of root.descendantsOfType('call')) {
    if (call?.childForFieldName('method')?.text !== 'delivery_method') continue;
    const [kind, ...rest] = argumentsOf(call);
    if (kind?.text !== ':smtp') continue;
    const pairs = rest.length === 1 && rest[0].type !== 'pair' ? reader.hashPairs(rest[0]) : rest.every((node) => node.type === 'pair') ? rest : undefined;
    const settings = pairs ? reader.options(pairs) : [];
    if (settings.length) clients.push({ profile: 'mail-gem', anchor: `delivery_method@${call.startIndex}`, settings });
  }
  for (const assignment of root.descendantsOfType('assignment')) {
    const left = assignment?.childForFieldName('left');
    const right = assignment?.childForFieldName('right');
    if (left?.type !== 'call' || left.childForFieldName('method')?.text !== 'smtp_settings' || !right) continue;
    const pairs = reader.hashPairs(right);
    const settings = pairs ? reader.options(pairs) : [];
    if (settings.length) clients.push({ profile: 'rails', anchor: `smtp_settings@${assignment!.startIndex}`, settings });
  }
  return clients;
}

/** Net::SMTP, mail gem and ActionMailer clients in a Ruby file. */
export function readRuby(tree: Tree, text: string, environment?: EnvironmentVariables): CodeClient[] {
  const root = tree.rootNode;
  const reader = new Reader(root, environment);
  return [...(text.includes('Net::SMTP') ? readNetSmtp(root, reader) : []), ...(/delivery_method|smtp_settings/.test(text) ? readMailOptions(root, reader) : [])];
}
