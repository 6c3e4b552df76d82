// Go: net/smtp `smtp.SendMail("host:port", …)` / `smtp.Dial("host:port")` (with `c.StartTLS(…)`), gomail
// `gomail.NewDialer(host, port, user, pass)` with `d.SSL = …` / `d.TLSConfig = …` (or a `gomail.Dialer{…}` literal),
// and go-mail `mail.NewClient(host, mail.WithPort(…), mail.WithSSL(), mail.WithTLSPolicy(…), mail.WithTLSConfig(…))`
// (profiles/go-net-smtp.ts, gomail.ts and go-mail.ts have the semantics), and `smtp.NewClient(conn, host)` over a
// `tls.Dial` (implicit TLS) or `net.Dial` connection. `tls.Config{InsecureSkipVerify: true}` counts only where it
// is the client's own config: the dialer's TLSConfig, WithTLSConfig, tls.Dial's or StartTLS's argument.
// Values are followed within reason: literals, a const or variable assigned once in the file, `cmp.Or(os.Getenv("X"),
// fallback)`, and `os.Getenv("X")` where the project's `.env` sets X (an empty value gives way to cmp.Or's fallback).
// Anything else is a run-time value.

import type { Node, Tree } from 'web-tree-sitter';
import { isCodeFallbackCall, type EnvironmentVariables } from '../environment';
import { Definitions, enclosing, environmentValue, holdsComment, listItemRemoval, plainStringValue, rangeOf, runtimeValue, settingOf, RUNTIME_VALUE, type CodeClient, type CodeSetting, type CodeValue } from './read';

const MAX_DEPTH = 8;
const NAMES = new Set(['identifier']);
const SCOPES = new Set(['function_declaration', 'method_declaration', 'func_literal', 'source_file']);

class Reader {
  readonly definitions = new Definitions();

  constructor(
    root: Node,
    private readonly text: string,
    private readonly environment?: EnvironmentVariables,
  ) {
    for (const spec of root.descendantsOfType(['const_spec', 'var_spec'])) {
      const names = spec?.childrenForFieldName('name') ?? [];
      const values = spec?.childForFieldName('value')?.namedChildren ?? [];
      names.forEach((name, index) => name && values[index] && this.definitions.add(name.text, values[index]!));
    }
    for (const statement of root.descendantsOfType(['short_var_declaration', 'assignment_statement'])) {
      const left = statement?.childForFieldName('left')?.namedChildren ?? [];
      const right = statement?.childForFieldName('right')?.namedChildren ?? [];
      left.forEach((name, index) => {
        if (name?.type !== 'identifier') return;
        // `x := value` defines; `x = value` assigns again, and a name assigned again is not followed.
        // `conn, err := tls.Dial(…)`: the first name is the call's first result.
        const multi = right.length === 1 && right[0]?.type === 'call_expression' && index === 0;
        const value = statement!.type === 'short_var_declaration' && (left.length === right.length || multi) ? right[multi ? 0 : index] : undefined;
        this.definitions.add(name.text, value ?? name);
      });
    }
  }

  resolve(node: Node, depth = 0): Node {
    const inner = (current: Node) => {
      if (current.type === 'parenthesized_expression') return current.namedChild(0);
      // `&tls.Config{…}`
      return current.type === 'unary_expression' && current.childForFieldName('operator')?.text === '&' ? current.childForFieldName('operand') : undefined;
    };
    return this.definitions.resolve(node, inner, NAMES, depth);
  }

  value(node: Node, depth = 0): CodeValue {
    const resolved = this.resolve(node, depth);
    switch (resolved.type) {
      case 'interpreted_string_literal':
        return plainStringValue(resolved, 'interpreted_string_literal_content');
      case 'raw_string_literal': {
        const content = resolved.text.slice(1, -1);
        return /[\r\n]/.test(content) ? runtimeValue(resolved) : { value: content, valueType: 'string', range: rangeOf(resolved), quote: '`', written: resolved.text };
      }
      case 'int_literal':
        return /^\d+$/.test(resolved.text) ? { value: resolved.text, valueType: 'number', range: rangeOf(resolved), written: resolved.text } : runtimeValue(resolved);
      case 'true':
      case 'false':
        return { value: resolved.type, valueType: 'boolean', range: rangeOf(resolved), written: resolved.text };
      case 'call_expression': {
        const args = argumentsOf(resolved);
        // cmp.Or(os.Getenv("SMTP_ADDR"), "smtp.example.com:587"): the fallback when the variable is empty.
        if (isCodeFallbackCall(resolved.childForFieldName('function')?.text ?? '') && args.length > 1 && depth < MAX_DEPTH) {
          const set = environmentValue(this.environment, this.variableOf(this.resolve(args[0], depth + 1)), resolved, true);
          if (set) return set;
          const fallback = this.value(args[args.length - 1], depth + 1);
          return fallback.value === RUNTIME_VALUE ? runtimeValue(resolved) : { ...fallback, written: resolved.text };
        }
        return environmentValue(this.environment, this.variableOf(resolved), resolved) ?? runtimeValue(resolved);
      }
      default:
        return runtimeValue(resolved);
    }
  }

  /** The variable `os.Getenv("X")` reads, if the expression is that call. */
  variableOf(node: Node): string | undefined {
    if (node.type !== 'call_expression' || node.childForFieldName('function')?.text !== 'os.Getenv') return undefined;
    const [name] = argumentsOf(node);
    const value = name && (name.type === 'interpreted_string_literal' || name.type === 'raw_string_literal') ? this.value(name, MAX_DEPTH) : undefined;
    return value && value.value !== RUNTIME_VALUE ? value.value : undefined;
  }

  /** The `InsecureSkipVerify: true` element of a `tls.Config{…}` literal this expression stands for. */
  insecureSkipVerify(node: Node): CodeSetting | undefined {
    const literal = this.resolve(node);
    if (literal.type !== 'composite_literal' || !/(^|\.)Config$/.test(literal.childForFieldName('type')?.text ?? '')) return undefined;
    const elements = this.keyed(literal);
    const setting = elements.map(([key, value]) => (key.text === 'InsecureSkipVerify' ? skipVerify(key, this.value(value)) : undefined)).find(Boolean);
    // Removable where the config names the server: crypto/tls refuses a client config with neither ServerName nor
    // InsecureSkipVerify, and net/smtp's StartTLS and gomail's TLSConfig pass it on as written.
    const element = setting && elements.find(([key]) => key.text === 'InsecureSkipVerify')?.[0].parent;
    const keyed = element?.type === 'keyed_element' ? element : element?.parent;
    if (setting && keyed?.type === 'keyed_element' && !holdsComment(keyed) && elements.some(([key]) => key.text === 'ServerName')) setting.entry.site = { remove: listItemRemoval(keyed, this.text) };
    return setting;
  }

  keyed(literal: Node): [Node, Node][] {
    const elements = literal.childForFieldName('body')?.namedChildren.filter((node) => node?.type === 'keyed_element') ?? [];
    return elements.flatMap((element) => {
      const key = element!.childForFieldName('key') ?? element!.namedChild(0);
      const value = element!.childForFieldName('value') ?? element!.namedChild(1);
      const keyNode = key?.type === 'literal_element' ? key.namedChild(0) : key;
      const valueNode = value?.type === 'literal_element' ? value.namedChild(0) : value;
      return keyNode && valueNode ? [[keyNode, valueNode] as [Node, Node]] : [];
    });
  }
}

/** The address and TLS config of the connection handed to smtp.NewClient: `tls.Dial("tcp", addr, cfg)`, `net.Dial("tcp", addr)`. */
function dialedAddress(call: { pkg: string; name: Node }, args: readonly Node[], tlsPackage: string): { address: Node; tls: boolean; config?: Node } | undefined {
  if (call.pkg === tlsPackage && call.name.text === 'Dial' && args.length >= 2) return { address: args[1], tls: true, config: args[2] };
  if (call.pkg === tlsPackage && call.name.text === 'DialWithDialer' && args.length >= 3) return { address: args[2], tls: true, config: args[3] };
  if (call.pkg === 'net' && (call.name.text === 'Dial' || call.name.text === 'DialTimeout') && args.length >= 2) return { address: args[1], tls: false };
  return undefined;
}

function skipVerify(key: Node, value: CodeValue): CodeSetting {
  return settingOf('tls config insecure skip verify', 'InsecureSkipVerify', key, value, `InsecureSkipVerify: ${value.written}`);
}

function argumentsOf(call: Node): Node[] {
  return (call.childForFieldName('arguments')?.namedChildren ?? []).filter((node): node is Node => !!node && node.type !== 'comment');
}

/** `pkg.Name(…)`: the package identifier and the function's name node. */
function qualifiedCall(call: Node): { pkg: string; name: Node } | undefined {
  const callee = call.childForFieldName('function');
  if (callee?.type !== 'selector_expression') return undefined;
  const operand = callee.childForFieldName('operand');
  const field = callee.childForFieldName('field');
  return operand?.type === 'identifier' && field ? { pkg: operand.text, name: field } : undefined;
}

/** The name a call's result is bound to: `c, err := smtp.Dial(…)`, `d := gomail.NewDialer(…)`. */
function boundName(call: Node): string | undefined {
  const list = call.parent;
  const statement = list?.parent;
  if (list?.type !== 'expression_list' || !statement || !['short_var_declaration', 'assignment_statement', 'var_spec'].includes(statement.type)) return undefined;
  if (!statement.childForFieldName(statement.type === 'var_spec' ? 'value' : 'right')?.equals(list)) return undefined;
  const first = statement.type === 'var_spec' ? statement.childForFieldName('name') : statement.childForFieldName('left')?.namedChild(0);
  return first?.type === 'identifier' ? first.text : undefined;
}

/** `name.Field = value` assignments and `name.Method(…)` calls in a scope, after `from`. */
function fieldAssignments(scope: Node, name: string, from: number): { field: string; value: Node }[] {
  const found: { field: string; value: Node }[] = [];
  for (const statement of scope.descendantsOfType('assignment_statement')) {
    const left = statement?.childForFieldName('left')?.namedChildren ?? [];
    const right = statement?.childForFieldName('right')?.namedChildren ?? [];
    left.forEach((target, index) => {
      if (target?.type !== 'selector_expression' || target.childForFieldName('operand')?.text !== name || !right[index] || statement!.startIndex < from) return;
      found.push({ field: target.childForFieldName('field')!.text, value: right[index]! });
    });
  }
  return found;
}

function methodCalls(scope: Node, name: string, from: number): Node[] {
  return scope.descendantsOfType('call_expression').filter((call): call is Node => !!call && call.startIndex > from && qualifiedCall(call)?.pkg === name);
}

function readOnlyValue(node: Node, value: string, written = node.text): CodeValue {
  return { value, valueType: 'string', range: rangeOf(node), readOnly: true, written };
}

/** net/smtp, gomail and go-mail clients in a Go file. */
export function readGo(tree: Tree, text: string, environment?: EnvironmentVariables): CodeClient[] {
  if (!/net\/smtp|gomail|mail\.v2|go-mail/.test(text)) return [];
  const root = tree.rootNode;
  const reader = new Reader(root, text, environment);
  const imports = root.descendantsOfType('import_spec').map((spec) => ({ path: spec?.childForFieldName('path')?.text.slice(1, -1) ?? '', alias: spec?.childForFieldName('name')?.text }));
  /** The name a package is used under: its alias, else its own name (gopkg.in/gomail.v2 is gomail, gopkg.in/mail.v2 is mail). */
  const packageName = (pattern: RegExp): string | undefined => {
    const spec = imports.find((candidate) => pattern.test(candidate.path));
    return spec ? (spec.alias ?? /([a-z]+)(?:\.v\d+)?(?:\/v\d+)?$/.exec(spec.path.replace(/^.*\/go-mail$/, 'mail'))?.[1]) : undefined;
  };
  const netSmtp = packageName(/^net\/smtp$/);
  const gomailPackage = packageName(/^gopkg\.in\/(?:gomail|mail)\.v2$|^github\.com\/go-(?:gomail\/gomail|mail\/mail)(?:\/v2)?$/);
  const goMailPackage = packageName(/^github\.com\/wneessen\/go-mail$/);
  const tlsPackage = packageName(/^crypto\/tls$/) ?? 'tls';
  const clients: CodeClient[] = [];

  for (const call of root.descendantsOfType('call_expression')) {
    const callee = call && qualifiedCall(call);
    if (!call || !callee) continue;
    const scope = enclosing(call, SCOPES);
    const args = argumentsOf(call);
    if (netSmtp && callee.pkg === netSmtp && ['SendMail', 'Dial', 'NewClient'].includes(callee.name.text) && args[0]) {
      // NewClient(conn, host) over tls.Dial("tcp", addr, cfg) is implicit TLS; over net.Dial it is Dial's plaintext.
      const conn = callee.name.text === 'NewClient' ? reader.resolve(args[0]) : undefined;
      const connCall = conn?.type === 'call_expression' ? qualifiedCall(conn) : undefined;
      const dialed = connCall && conn ? dialedAddress(connCall, argumentsOf(conn), tlsPackage) : undefined;
      if (callee.name.text === 'NewClient' && !dialed) continue;
      const address = dialed ? dialed.address : args[0];
      const name = boundName(call);
      const starttls = callee.name.text !== 'SendMail' && name !== undefined ? methodCalls(scope, name, call.startIndex).find((use) => qualifiedCall(use)?.name.text === 'StartTLS') : undefined;
      const mode = callee.name.text === 'SendMail' ? 'sendmail' : dialed?.tls ? 'tls-dial' : starttls ? 'dial-starttls' : 'dial';
      const written = callee.name.text === 'NewClient' ? `smtp.NewClient(…) over ${connCall!.pkg}.${connCall!.name.text}(…)` : `smtp.${callee.name.text}(…)`;
      const settings: CodeSetting[] = [
        settingOf('address', 'addr', address, reader.value(address)),
        settingOf('function', callee.name.text, callee.name, readOnlyValue(callee.name, mode), `${written}${starttls ? ` with ${name}.StartTLS(…)` : ''}`),
      ];
      // The tls.Config the connection uses: tls.Dial's, or StartTLS's (SendMail uses its own, which verifies).
      const config = dialed?.config ?? (starttls ? argumentsOf(starttls)[0] : undefined);
      const insecure = config && reader.insecureSkipVerify(config);
      if (insecure) settings.push(insecure);
      clients.push({ profile: 'go-net-smtp', anchor: `${callee.name.text}@${call.startIndex}`, settings });
    } else if (gomailPackage && callee.pkg === gomailPackage && (callee.name.text === 'NewDialer' || callee.name.text === 'NewPlainDialer') && args.length >= 2) {
      const settings: CodeSetting[] = [settingOf('host', 'host', args[0], reader.value(args[0])), settingOf('port', 'port', args[1], reader.value(args[1]))];
      if (args[2]) settings.push(settingOf('user', 'username', args[2], reader.value(args[2])));
      if (args[3]) settings.push(settingOf('password', 'password', args[3], reader.value(args[3])));
      const name = boundName(call);
      for (const { field, value } of name ? fieldAssignments(scope, name, call.startIndex) : []) settings.push(...dialerField(reader, field, value));
      clients.push({ profile: 'gomail', anchor: `NewDialer@${call.startIndex}`, settings });
    } else if (goMailPackage && callee.pkg === goMailPackage && callee.name.text === 'NewClient' && args[0]) {
      clients.push({ profile: 'go-mail', anchor: `NewClient@${call.startIndex}`, settings: goMailSettings(reader, call, args, goMailPackage, scope) });
    }
  }
  // gomail.Dialer{Host: …, Port: …, SSL: …} literals.
  for (const literal of root.descendantsOfType('composite_literal')) {
    if (!literal || !gomailPackage || literal.childForFieldName('type')?.text !== `${gomailPackage}.Dialer`) continue;
    const settings = reader.keyed(literal).flatMap(([key, value]) => dialerField(reader, key.text, value, key));
    if (settings.length) clients.push({ profile: 'gomail', anchor: `Dialer@${literal.startIndex}`, settings });
  }
  return clients;
}

/** A field of a gomail Dialer: `d.SSL = true`, `d.TLSConfig = &tls.Config{…}`, `Host: "…"` in a literal. */
function dialerField(reader: Reader, field: string, value: Node, keyNode: Node = value): CodeSetting[] {
  switch (field) {
    case 'Host':
      return [settingOf('host', 'Host', keyNode, reader.value(value))];
    case 'Port':
      return [settingOf('port', 'Port', keyNode, reader.value(value))];
    case 'Username':
      return [settingOf('user', 'Username', keyNode, reader.value(value))];
    case 'Password':
      return [settingOf('password', 'Password', keyNode, reader.value(value))];
    case 'SSL':
      return [settingOf('ssl', 'SSL', keyNode, reader.value(value))];
    case 'TLSConfig': {
      const insecure = reader.insecureSkipVerify(value);
      return insecure ? [insecure] : [];
    }
    default:
      return [];
  }
}

/** go-mail's options, as written in the NewClient call; options passed as a slice, or set later by Set… methods, are unknown. */
function goMailSettings(reader: Reader, call: Node, args: readonly Node[], pkg: string, scope: Node): CodeSetting[] {
  const settings: CodeSetting[] = [settingOf('host', 'host', args[0], reader.value(args[0]))];
  const name = boundName(call);
  const later = name ? methodCalls(scope, name, call.startIndex).map((use) => qualifiedCall(use)!.name.text) : [];
  const spread = args.some((arg) => arg.type === 'variadic_argument');
  let port: CodeSetting | undefined;
  let ssl: CodeSetting | undefined;
  let policy: CodeSetting | undefined;
  for (const option of args.slice(1)) {
    const optionCall = option.type === 'call_expression' ? qualifiedCall(option) : undefined;
    if (!optionCall || optionCall.pkg !== pkg) continue;
    const [first] = argumentsOf(option);
    switch (optionCall.name.text) {
      case 'WithPort':
        if (first) port = settingOf('port', 'WithPort', optionCall.name, reader.value(first));
        break;
      case 'WithSSL':
        ssl = settingOf('ssl', 'WithSSL', optionCall.name, readOnlyValue(option, 'true'), `${option.text}`);
        break;
      case 'WithSSLPort':
        // WithSSLPort sets port 465 and implicit TLS (with an optional fallback to 587 STARTTLS).
        ssl = settingOf('ssl', 'WithSSLPort', optionCall.name, readOnlyValue(option, 'true'), option.text);
        port = settingOf('port', 'WithSSLPort', optionCall.name, { ...readOnlyValue(option, '465'), valueType: 'number' }, option.text);
        break;
      case 'WithTLSPolicy':
      case 'WithTLSPortPolicy': {
        const member = first?.type === 'selector_expression' && first.childForFieldName('operand')?.text === pkg ? first.childForFieldName('field')?.text.toLowerCase() : undefined;
        policy = settingOf('tls policy', optionCall.name.text, optionCall.name, member && first ? readOnlyValue(first, member) : runtimeValue(first ?? option), option.text);
        // WithTLSPortPolicy also picks the port from the policy (587, or 25 for NoTLS): not followed.
        if (optionCall.name.text === 'WithTLSPortPolicy') port = settingOf('port', 'WithTLSPortPolicy', optionCall.name, runtimeValue(option));
        break;
      }
      case 'WithTLSConfig': {
        const insecure = first && reader.insecureSkipVerify(first);
        if (insecure) settings.push(insecure);
        break;
      }
    }
  }
  const unknownLater = (methods: readonly string[]) => spread || later.some((method) => methods.includes(method));
  if (unknownLater(['SetPort', 'SetSSLPort', 'SetTLSPortPolicy'])) port = settingOf('port', 'port', call, runtimeValue(call));
  if (unknownLater(['SetSSL', 'SetSSLPort'])) ssl = settingOf('ssl', 'ssl', call, runtimeValue(call));
  if (unknownLater(['SetTLSPolicy', 'SetTLSPortPolicy'])) policy = settingOf('tls policy', 'tlsPolicy', call, runtimeValue(call));
  return [...settings, ...[port, ssl, policy].filter((setting): setting is CodeSetting => !!setting)];
}
