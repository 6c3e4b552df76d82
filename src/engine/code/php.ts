// PHP: PHPMailer (`$mail->Host/Port/SMTPSecure/SMTPAutoTLS/SMTPAuth/Username/Password/SMTPOptions` on an
// object that calls isSMTP()), SwiftMailer (`new Swift_SmtpTransport(host, port, encryption)` and its setters)
// and Symfony Mailer DSNs in code (`Transport::fromDsn('smtp://…')`). The libraries' semantics are in
// profiles/phpmailer.ts, profiles/swiftmailer.ts and profiles/symfony.ts (symfony/symfony
// src/Symfony/Component/Mailer/Transport/Smtp/EsmtpTransportFactory.php: smtps is TLS, smtp lets the port decide).
// Values are followed within reason: literals, `const X = …` / `define('X', …)` / a variable assigned once in
// the file, `getenv('X') ?: fallback`, `$_ENV['X'] ?? fallback`, `env('X', fallback)`, `(int)`/`intval()`, and
// `getenv('X')`, `env('X')`, `$_ENV['X']` (with or without a fallback) where the project's `.env` sets X. Anything
// else is a run-time value. Laravel's config/mail.php is a settings file (formats/assignments.ts).

import type { Node, Tree } from 'web-tree-sitter';
import { CODE_ENVIRONMENT, type EnvironmentVariables } from '../environment';
import type { Range } from '../types';
import { environmentValue, holdsComment, isConditionalTo, listItemRemoval, plainStringContent, rangeOf, runtimeValue, settingOf, singleDefinition, statementRemoval, RUNTIME_VALUE, type CodeClient, type CodeSetting, type CodeValue } from './read';

const MAX_DEPTH = 8;
const ENVIRONMENT = CODE_ENVIRONMENT.php;
/** Nodes whose body runs only under a condition. */
const BRANCHES = new Set(['if_statement', 'else_clause', 'else_if_clause', 'switch_statement', 'case_statement', 'conditional_expression', 'match_expression']);

/** PHPMailer's properties (as written) → the phpmailer profile's key words. */
const PHPMAILER_PROPERTIES: Readonly<Record<string, string>> = {
  Host: 'host',
  Port: 'port',
  Username: 'username',
  Password: 'password',
  SMTPSecure: 'smtp secure',
  SMTPAutoTLS: 'smtp auto tls',
};

/** PHPMailer's class constants for SMTPSecure (src/PHPMailer.php). */
const PHPMAILER_CONSTANTS: Readonly<Record<string, string>> = { ENCRYPTION_STARTTLS: 'tls', ENCRYPTION_SMTPS: 'ssl' };

/** SwiftMailer setters → the swiftmailer profile's key words. */
const SWIFT_SETTERS: Readonly<Record<string, string>> = {
  sethost: 'host',
  setport: 'port',
  setusername: 'username',
  setpassword: 'password',
  setencryption: 'encryption',
};

/** Names are case-insensitive in PHP for functions, methods and classes; the last segment of a qualified name. */
function simpleName(node: Node | null | undefined): string {
  return (node?.text ?? '').split('\\').pop()!.toLowerCase();
}

function args(call: Node): Node[] {
  const list = call.childForFieldName('arguments') ?? call.namedChildren.find((child) => child?.type === 'arguments') ?? null;
  return (list?.namedChildren ?? [])
    .map((argument) => (argument?.type === 'argument' ? argument.namedChild(argument.namedChildCount - 1) : null))
    .filter((node): node is Node => !!node);
}

class Reader {
  private readonly definitions = new Map<string, Node[]>();

  constructor(
    root: Node,
    private readonly environment?: EnvironmentVariables,
  ) {
    for (const element of root.descendantsOfType('const_element')) {
      const name = element?.namedChild(0);
      const value = element?.namedChild(element.namedChildCount - 1);
      if (name?.type === 'name' && value && !value.equals(name)) this.define(name.text, value);
    }
    for (const call of root.descendantsOfType('function_call_expression')) {
      if (!call || simpleName(call.childForFieldName('function')) !== 'define') continue;
      const [name, value] = args(call);
      const plain = name && plainStringContent(name);
      if (plain && value) this.define(plain.content, value);
    }
    for (const assignment of root.descendantsOfType(['assignment_expression', 'augmented_assignment_expression'])) {
      const left = assignment?.childForFieldName('left');
      const right = assignment?.childForFieldName('right');
      // A variable assigned again is not followed: it holds the last node, itself (never resolved).
      if (left?.type === 'variable_name') this.define(left.text, assignment!.type === 'assignment_expression' && right ? right : left);
    }
  }

  private define(name: string, node: Node): void {
    if (!this.definitions.has(name)) this.definitions.set(name, []);
    this.definitions.get(name)!.push(node);
  }

  resolve(node: Node, depth = 0): Node {
    if (depth > MAX_DEPTH) return node;
    if (node.type === 'parenthesized_expression' && node.namedChildCount > 0) return this.resolve(node.namedChild(0)!, depth + 1);
    const name = node.type === 'name' ? node.text : node.type === 'variable_name' ? node.text : node.type === 'class_constant_access_expression' && /^(self|static)$/i.test(node.namedChild(0)?.text ?? '') ? node.namedChild(1)?.text : undefined;
    if (name) {
      const definition = singleDefinition(this.definitions.get(name) ?? []);
      if (definition && !definition.equals(node) && definition.type !== 'variable_name') return this.resolve(definition, depth + 1);
    }
    return node;
  }

  value(node: Node, depth = 0): CodeValue {
    const resolved = this.resolve(node, depth);
    switch (resolved.type) {
      case 'string':
      case 'encapsed_string': {
        const plain = plainStringContent(resolved);
        // "…" interpolates `$x` and `{$x}`.
        if (!plain || (resolved.type === 'encapsed_string' && plain.content.includes('$'))) return runtimeValue(resolved);
        return { value: plain.content, valueType: 'string', range: rangeOf(resolved), quote: plain.quote, written: resolved.text };
      }
      case 'integer':
        return { value: resolved.text, valueType: 'number', range: rangeOf(resolved), written: resolved.text };
      case 'boolean':
        return { value: resolved.text.toLowerCase(), valueType: 'boolean', range: rangeOf(resolved), written: resolved.text };
      case 'class_constant_access_expression': {
        // PHPMailer::ENCRYPTION_SMTPS: its value, read-only (a fix would write a string over the constant).
        const constant = PHPMAILER_CONSTANTS[resolved.namedChild(1)?.text ?? ''];
        return constant && simpleName(resolved.namedChild(0)) === 'phpmailer' ? { value: constant, valueType: 'string', range: rangeOf(resolved), readOnly: true, written: resolved.text } : runtimeValue(resolved);
      }
      case 'conditional_expression': {
        // `getenv('X') ?: fallback` (no middle operand): the fallback when the variable is not set.
        const alternative = resolved.childForFieldName('alternative');
        const condition = resolved.childForFieldName('condition');
        if (!resolved.childForFieldName('body') && ENVIRONMENT.fallbackOperators.includes('?:') && condition && this.isLookup(condition) && alternative && depth < MAX_DEPTH) {
          // The .env's value unless PHP finds it false ('' or '0').
          const set = environmentValue(this.environment, this.variableOf(condition), resolved, true);
          return set && set.value !== '0' ? set : this.fallback(resolved, alternative, depth);
        }
        return runtimeValue(resolved);
      }
      case 'binary_expression': {
        // `$_ENV['X'] ?? fallback`. A config value's fallback (`$config['port'] ?? 587`) is not the value: unknown.
        const left = resolved.childForFieldName('left');
        const right = resolved.childForFieldName('right');
        const operator = resolved.childForFieldName('operator')?.text ?? '';
        if (ENVIRONMENT.fallbackOperators.includes(operator) && left && this.isLookup(left) && right && depth < MAX_DEPTH) {
          const set = environmentValue(this.environment, this.variableOf(left), resolved, operator === '?:');
          return set ?? this.fallback(resolved, right, depth);
        }
        return runtimeValue(resolved);
      }
      case 'cast_expression': {
        const inner = resolved.childForFieldName('value');
        return inner && /^\(\s*(int|integer|string)\s*\)/i.test(resolved.text) && depth < MAX_DEPTH ? { ...this.value(inner, depth + 1), written: resolved.text } : runtimeValue(resolved);
      }
      case 'function_call_expression': {
        const callee = simpleName(resolved.childForFieldName('function'));
        const [first] = args(resolved);
        if ((callee === 'intval' || callee === 'strval') && first && depth < MAX_DEPTH) return { ...this.value(first, depth + 1), written: resolved.text };
        const set = environmentValue(this.environment, this.variableOf(resolved), resolved);
        if (set) return set;
        // Laravel's env('X', fallback).
        const fallbackAt = ENVIRONMENT.calls[callee] ?? -1;
        const fallback = fallbackAt >= 0 ? args(resolved)[fallbackAt] : undefined;
        if (fallback && depth < MAX_DEPTH) return this.fallback(resolved, fallback, depth);
        return runtimeValue(resolved);
      }
      case 'subscript_expression':
        return environmentValue(this.environment, this.variableOf(resolved), resolved) ?? runtimeValue(resolved);
      default:
        return runtimeValue(resolved);
    }
  }

  /** The variable an environment lookup reads (`getenv('X')`, `env('X')`, `$_ENV['X']`), directly or through a variable assigned once. */
  private variableOf(node: Node): string | undefined {
    if (!this.isLookup(node)) return undefined;
    const lookup = this.resolve(node);
    const name = lookup.type === 'function_call_expression' ? args(lookup)[0] : lookup.namedChild(1);
    return name ? plainStringContent(name)?.content : undefined;
  }

  /** An environment lookup (`getenv('X')`, `$_ENV['X']`), directly or through a variable assigned once. */
  private isLookup(node: Node): boolean {
    const resolved = this.resolve(node);
    if (resolved.type === 'function_call_expression') return simpleName(resolved.childForFieldName('function')) in ENVIRONMENT.calls;
    return resolved.type === 'subscript_expression' && ENVIRONMENT.subscripts.includes(resolved.namedChild(0)?.text ?? '');
  }

  private fallback(whole: Node, fallback: Node, depth: number): CodeValue {
    const value = this.value(fallback, depth + 1);
    return value.value === RUNTIME_VALUE ? runtimeValue(whole) : { ...value, written: whole.text };
  }

  /**
   * `['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]]`: the verification switch of a stream context
   * array, as a setting under `prefix`: verify_peer, else verify_peer_name (one block switching it off is one finding).
   */
  streamOptions(node: Node, prefix: string): CodeSetting[] {
    const array = this.resolve(node);
    if (array.type !== 'array_creation_expression') return [];
    const settings: CodeSetting[] = [];
    for (const element of array.namedChildren) {
      if (element?.type !== 'array_element_initializer' || element.namedChildCount !== 2) continue;
      const [key, value] = [element.namedChild(0)!, element.namedChild(1)!];
      if (plainStringContent(key)?.content !== 'ssl') continue;
      const options = this.resolve(value);
      if (options.type !== 'array_creation_expression') continue;
      for (const option of options.namedChildren) {
        if (option?.type !== 'array_element_initializer' || option.namedChildCount !== 2) continue;
        const name = plainStringContent(option.namedChild(0)!)?.content;
        if (name === 'verify_peer' || name === 'verify_peer_name') {
          settings.push(settingOf(`${prefix} ssl ${name.replace(/_/g, ' ')}`, name, option.namedChild(0)!, this.value(option.namedChild(1)!)));
        }
      }
    }
    const peer = settings.filter((setting) => setting.entry.path[0] === 'verify_peer');
    return (peer.length ? peer : settings).slice(-1);
  }
}

/** The scope a variable lives in: its function or method, else the file. `$this->…` lives in the whole file (the class). */
function scopeOf(node: Node, object: string): Node {
  let scope: Node | null = node.parent;
  if (!/^\$this\b/.test(object)) {
    while (scope && !['function_definition', 'method_declaration', 'anonymous_function', 'arrow_function', 'program'].includes(scope.type)) scope = scope.parent;
  } else while (scope?.parent) scope = scope.parent;
  return scope ?? node;
}

/** The stream context's SSL options that loosen certificate checks (php.net/manual/en/context.ssl.php): what the fix removes. */
const VERIFY_OFF_OPTIONS = new Set(['verify_peer', 'verify_peer_name', 'allow_self_signed']);

/**
 * Removing the verify-off options of `$mail->SMTPOptions = array('ssl' => array(…))` written in place: the statement
 * when they are all it holds, else the 'ssl' entry when they are all it holds, else those options when they stand
 * together. None where a comment is in the way or the array is built elsewhere.
 */
function verifyOffRemoval(assignment: Node, text: string): Range | undefined {
  const array = assignment.childForFieldName('right');
  if (array?.type !== 'array_creation_expression' || holdsComment(assignment)) return undefined;
  const elements = (node: Node) => node.namedChildren.filter((child): child is Node => !!child);
  const outer = elements(array);
  const ssl = outer.find((element) => element.type === 'array_element_initializer' && element.namedChildCount === 2 && plainStringContent(element.namedChild(0)!)?.content === 'ssl');
  const options = ssl?.namedChild(1);
  if (!ssl || options?.type !== 'array_creation_expression') return undefined;
  const items = elements(options);
  const off = items.filter((item) => item.type === 'array_element_initializer' && item.namedChildCount === 2 && VERIFY_OFF_OPTIONS.has(plainStringContent(item.namedChild(0)!)?.content ?? ''));
  if (off.length === 0) return undefined;
  if (off.length === items.length) {
    if (outer.length > 1) return listItemRemoval(ssl, text);
    return assignment.parent?.type === 'expression_statement' ? statementRemoval(assignment.parent, text) : undefined;
  }
  const first = items.indexOf(off[0]);
  const together = off.every((item, index) => item.equals(items[first + index]));
  return together ? listItemRemoval(off[0], text, off[off.length - 1]) : undefined;
}

/** PHPMailer objects: settings assigned to `$x->Property` in a scope where `$x->isSMTP()` is called (else PHPMailer uses mail()). */
function readPhpMailer(root: Node, reader: Reader, text: string): CodeClient[] {
  const clients = new Map<string, { scope: Node; object: string; assignments: Node[]; smtp?: Node }>();
  const clientOf = (node: Node, object: string) => {
    const scope = scopeOf(node, object);
    const id = `${scope.startIndex}:${object}`;
    if (!clients.has(id)) clients.set(id, { scope, object, assignments: [] });
    return clients.get(id)!;
  };
  for (const assignment of root.descendantsOfType('assignment_expression')) {
    const left = assignment?.childForFieldName('left');
    const right = assignment?.childForFieldName('right');
    if (left?.type !== 'member_access_expression' || !right) continue;
    const object = left.childForFieldName('object')?.text;
    const property = left.childForFieldName('name')?.text ?? '';
    if (!object) continue;
    if (property in PHPMAILER_PROPERTIES || property === 'SMTPOptions' || property === 'SMTPAuth') clientOf(assignment!, object).assignments.push(assignment!);
    // `$mail->Mailer = 'smtp'` is what isSMTP() does.
    if (property === 'Mailer' && plainStringContent(right)?.content === 'smtp') clientOf(assignment!, object).smtp ??= assignment!;
  }
  for (const call of root.descendantsOfType('member_call_expression')) {
    const object = call?.childForFieldName('object')?.text;
    if (object && simpleName(call!.childForFieldName('name')) === 'issmtp') clientOf(call!, object).smtp ??= call!;
  }
  const result: CodeClient[] = [];
  for (const client of clients.values()) {
    if (!client.smtp || client.assignments.length === 0) continue;
    const last = new Map<string, Node>();
    for (const assignment of client.assignments) last.set(assignment.childForFieldName('left')!.childForFieldName('name')!.text, assignment);
    const settings: CodeSetting[] = [];
    const auth = last.get('SMTPAuth');
    const authOn = !!auth && !isConditionalTo(auth, client.smtp, client.scope, BRANCHES) && reader.value(auth.childForFieldName('right')!).value === 'true';
    let secureKnown = false;
    for (const [property, assignment] of last) {
      const key = PHPMAILER_PROPERTIES[property];
      const nameNode = assignment.childForFieldName('left')!.childForFieldName('name')!;
      const valueNode = assignment.childForFieldName('right')!;
      if (property === 'SMTPOptions' && !isConditionalTo(assignment, client.smtp, client.scope, BRANCHES)) {
        const verify = reader.streamOptions(valueNode, 'smtp options');
        const remove = verifyOffRemoval(assignment, text);
        if (remove) for (const setting of verify) setting.entry.site = { remove };
        settings.push(...verify);
      }
      if (!key) continue;
      // Credentials are sent only with SMTPAuth = true.
      if ((key === 'username' || key === 'password') && !authOn) continue;
      let value = isConditionalTo(assignment, client.smtp, client.scope, BRANCHES) ? runtimeValue(valueNode) : reader.value(valueNode);
      // SMTPAutoTLS takes a value's truth: getenv()'s string "false" is true in PHP. Laravel's env() converts it; others are not followed.
      if (key === 'smtp auto tls' && value.environment && !/^env\(/i.test(value.written)) value = runtimeValue(valueNode);
      if (key === 'smtp secure' && value.value !== RUNTIME_VALUE) {
        // PHPMailer compares with === 'ssl' / 'tls': anything else ('SSL', 'TLS') is neither, read as ''.
        if (value.value !== 'ssl' && value.value !== 'tls') value = { ...value, value: '' };
        else secureKnown = true;
      }
      if (key === 'host' && value.value !== RUNTIME_VALUE) {
        const prefix = /^\s*(ssl|tls):\/\//i.exec(value.value);
        if (value.value.includes(';')) value = runtimeValue(valueNode); // several hosts: which one answers is not known
        else if (prefix) {
          // `ssl://host` overrides SMTPSecure (smtpConnect): the prefix is the TLS setting, the rest the host.
          secureKnown = true;
          const start = value.range.start + (value.quote ? 1 : 0);
          settings.push(settingOf('smtp secure', 'Host', nameNode, { value: prefix[1].toLowerCase(), valueType: 'string', range: { start, end: start + prefix[0].length }, readOnly: true, written: prefix[0] }, `Host: ${value.written}`));
          value = { ...value, value: value.value.slice(prefix[0].length), readOnly: true };
        }
      }
      settings.push(settingOf(key, property, nameNode, value));
    }
    // `configure($mail)`: the object is handed to code that may set SMTPSecure; unless this scope sets it, its TLS mode is unknown.
    const handedOn = client.scope.descendantsOfType('argument').find((argument) => argument?.text === client.object);
    if (handedOn && !settings.some((setting) => setting.key === 'smtp secure')) settings.push(settingOf('smtp secure', 'SMTPSecure', handedOn, runtimeValue(handedOn), `${client.object} handed to ${handedOn.parent?.parent?.text.slice(0, 40) ?? 'a call'}`));
    // SMTPAutoTLS matters only when SMTPSecure is not 'ssl' or 'tls' (smtpConnect).
    const kept = secureKnown ? settings.filter((setting) => setting.key !== 'smtp auto tls') : settings;
    // A host prefix wins over SMTPSecure.
    const prefixed = kept.some((setting) => setting.key === 'smtp secure' && setting.entry.path[0] === 'Host');
    const final = prefixed ? kept.filter((setting) => !(setting.key === 'smtp secure' && setting.entry.path[0] === 'SMTPSecure')) : kept;
    if (final.some((setting) => setting.key === 'host' || setting.key === 'port')) result.push({ profile: 'phpmailer', anchor: `PHPMailer@${client.scope.startIndex}:${client.object}`, settings: final });
  }
  return result;
}

/** `new Swift_SmtpTransport(host, port, encryption)` / `Swift_SmtpTransport::newInstance(…)`, its chained setters and those on the variable it is assigned to. */
function readSwift(root: Node, reader: Reader): CodeClient[] {
  const clients: CodeClient[] = [];
  const creations = [
    ...root.descendantsOfType('object_creation_expression').filter((node): node is Node => !!node && simpleName(node.namedChildren.find((child) => child?.type === 'name' || child?.type === 'qualified_name')) === 'swift_smtptransport'),
    ...root.descendantsOfType('scoped_call_expression').filter((node): node is Node => !!node && simpleName(node.childForFieldName('scope')) === 'swift_smtptransport' && simpleName(node.childForFieldName('name')) === 'newinstance'),
  ];
  for (const creation of creations) {
    const [host, port, encryption] = args(creation);
    const settings: CodeSetting[] = [];
    const klass = creation.namedChildren.find((child) => child?.type === 'name' || child?.type === 'qualified_name') ?? creation;
    if (host) settings.push(settingOf('host', 'host', host, reader.value(host)));
    if (port) settings.push(settingOf('port', 'port', port, reader.value(port)));
    if (encryption) settings.push(settingOf('encryption', 'encryption', encryption, reader.value(encryption)));
    // Setters chained on the creation: `(new Swift_SmtpTransport(…))->setEncryption('tls')`.
    const calls: Node[] = [];
    let outer: Node = creation;
    while (outer.parent && (outer.parent.type === 'parenthesized_expression' || (outer.parent.type === 'member_call_expression' && outer.parent.childForFieldName('object')?.equals(outer)))) {
      outer = outer.parent;
      if (outer.type === 'member_call_expression') calls.push(outer);
    }
    // Setters on the variable: `$transport = new Swift_SmtpTransport(…); $transport->setEncryption('ssl');`.
    const assignment = outer.parent?.type === 'assignment_expression' ? outer.parent : undefined;
    const variable = assignment?.childForFieldName('left');
    if (variable?.type === 'variable_name') {
      for (const call of scopeOf(assignment!, variable.text).descendantsOfType('member_call_expression')) {
        if (call && call.startIndex > assignment!.startIndex && call.childForFieldName('object')?.text === variable.text) calls.push(call);
      }
    }
    for (const call of calls) {
      const method = simpleName(call.childForFieldName('name'));
      const [first] = args(call);
      if (!first) continue;
      const conditional = isConditionalTo(call, creation, scopeOf(creation, ''), BRANCHES);
      if (method === 'setstreamoptions' && !conditional) settings.push(...reader.streamOptions(first, 'stream options'));
      const key = SWIFT_SETTERS[method];
      if (!key) continue;
      const value = conditional ? runtimeValue(first) : reader.value(first);
      settings.push(settingOf(key, call.childForFieldName('name')!.text, call.childForFieldName('name')!, key === 'encryption' && value.value !== RUNTIME_VALUE ? { ...value, value: value.value.toLowerCase() } : value));
    }
    // A later setter wins: keep the last setting of each key.
    const last = new Map(settings.map((setting) => [setting.key, setting]));
    if (last.size > 0) clients.push({ profile: 'swiftmailer', anchor: `Swift_SmtpTransport@${klass.startIndex}`, settings: [...last.values()] });
  }
  return clients;
}

/** `Transport::fromDsn('smtp://…')`: Symfony Mailer's DSN, read as the symfony profile's MAILER_DSN. */
function readSymfonyDsn(root: Node, reader: Reader): CodeClient[] {
  const clients: CodeClient[] = [];
  for (const call of root.descendantsOfType('scoped_call_expression')) {
    if (!call || simpleName(call.childForFieldName('scope')) !== 'transport' || simpleName(call.childForFieldName('name')) !== 'fromdsn') continue;
    const [dsn] = args(call);
    if (!dsn) continue;
    const value = reader.value(dsn);
    if (value.value === RUNTIME_VALUE || !/^smtps?:\/\//i.test(value.value)) continue;
    clients.push({ profile: 'symfony', anchor: `fromDsn@${call.startIndex}`, settings: [settingOf('mailer dsn', 'dsn', dsn, value, `Transport::fromDsn(${value.written})`)] });
  }
  return clients;
}

/** PHPMailer, SwiftMailer and Symfony Mailer clients in a PHP file. */
export function readPhp(tree: Tree, text: string, environment?: EnvironmentVariables): CodeClient[] {
  const root = tree.rootNode;
  const reader = new Reader(root, environment);
  return [
    ...(/PHPMailer/i.test(text) ? readPhpMailer(root, reader, text) : []),
    ...(/Swift_SmtpTransport/i.test(text) ? readSwift(root, reader) : []),
    ...(/fromDsn/i.test(text) ? readSymfonyDsn(root, reader) : []),
  ];
}
