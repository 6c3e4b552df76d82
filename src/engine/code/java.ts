// Java: JavaMail / Jakarta Mail session properties `props.put("mail.smtp.ssl.enable", "true")` /
// `props.setProperty(…)` with the password of a `new PasswordAuthentication(user, password)` in the same method, and
// Spring's `JavaMailSenderImpl` setters (`setHost/setPort/setUsername/setPassword/setProtocol("smtps")`) with
// `getJavaMailProperties().put(…)` (profiles/jakarta-mail.ts and profiles/spring.ts have the semantics).
// mail.smtps.* properties of a plain Properties object, and a file naming the "smtps" transport, are left alone: which
// transport reads them is decided elsewhere (Session.getTransport("smtps")). So are Properties that are loaded from a
// file or come from elsewhere: a key we do not see could decide the TLS mode.
// Values are followed within reason: literals, a local or field assigned once in the file, `String.valueOf(…)`,
// `Integer.parseInt(…)`, `System.getenv().getOrDefault("X", fallback)`, and `System.getenv("X")` (with or without a
// fallback) where the project's `.env` sets X. Anything else is a run-time value.

import type { Node, Tree } from 'web-tree-sitter';
import { isCodeFallbackCall, type EnvironmentVariables } from '../environment';
import { keyWords } from '../groups';
import { Definitions, enclosing, environmentValue, holdsComment, plainStringValue, statementAddition, statementRemoval, rangeOf, runtimeValue, settingOf, RUNTIME_VALUE, type CodeClient, type CodeSetting, type CodeValue } from './read';

const MAX_DEPTH = 8;
const NAMES = new Set(['identifier']);
const NOT_FOLLOWED = new Set(['identifier', 'field_access']);
const SCOPES = new Set(['method_declaration', 'constructor_declaration', 'static_initializer', 'lambda_expression', 'program']);
const CONVERSIONS = /^(?:String\.valueOf|Integer\.parseInt|Integer\.valueOf|Integer\.toString|Boolean\.parseBoolean|Boolean\.valueOf|Boolean\.toString|Objects\.toString)$/;
const SPRING_SETTERS: Readonly<Record<string, string>> = { setHost: 'host', setPort: 'port', setUsername: 'username', setPassword: 'password', setProtocol: 'protocol' };

class Reader {
  readonly definitions = new Definitions();

  constructor(
    root: Node,
    private readonly environment?: EnvironmentVariables,
  ) {
    this.definitions.addDeclarators(root, (declarator) => declarator.childForFieldName('value'));
    // A name assigned again is not followed.
    for (const assignment of root.descendantsOfType('assignment_expression')) {
      const left = assignment?.childForFieldName('left');
      if (left?.type === 'identifier') this.definitions.add(left.text, left);
      if (left?.type === 'field_access' && left.childForFieldName('object')?.type === 'this') this.definitions.add(left.childForFieldName('field')!.text, left);
    }
  }

  resolve(node: Node, depth = 0): Node {
    // `this.x = …` marks a field assigned again, as a name does.
    return this.definitions.resolve(node, (current) => (current.type === 'parenthesized_expression' ? current.namedChild(0) : undefined), NAMES, depth, NOT_FOLLOWED);
  }

  /**
   * The variable a lookup reads: `System.getenv("X")`, `System.getenv().getOrDefault("X", …)`,
   * `Optional.ofNullable(System.getenv("X")).orElse(…)`.
   */
  variableOf(call: Node): string | undefined {
    const callee = calleeOf(call).replace(/\s+/g, '');
    let name: Node | undefined;
    if (callee === 'System.getenv' || callee === 'System.getenv().getOrDefault') name = argumentsOf(call)[0];
    else if (isCodeFallbackCall(callee) && callee.startsWith('Optional.ofNullable(')) {
      const inner = call.childForFieldName('object') && argumentsOf(call.childForFieldName('object')!)[0];
      return inner?.type === 'method_invocation' ? this.variableOf(inner) : undefined;
    }
    return name?.type === 'string_literal' ? this.value(name, MAX_DEPTH).value : undefined;
  }

  value(node: Node, depth = 0): CodeValue {
    const resolved = this.resolve(node, depth);
    switch (resolved.type) {
      case 'string_literal':
        // A text block ("""…""") keeps its indentation rules: not followed.
        return resolved.text.startsWith('"""') ? runtimeValue(resolved) : plainStringValue(resolved, 'string_fragment');
      case 'decimal_integer_literal':
        return { value: resolved.text, valueType: 'number', range: rangeOf(resolved), written: resolved.text };
      case 'true':
      case 'false':
        return { value: resolved.type, valueType: 'boolean', range: rangeOf(resolved), written: resolved.text };
      case 'method_invocation': {
        const callee = calleeOf(resolved);
        const args = argumentsOf(resolved);
        if (CONVERSIONS.test(callee) && args.length === 1 && depth < MAX_DEPTH) return { ...this.value(args[0], depth + 1), written: resolved.text };
        const set = environmentValue(this.environment, this.variableOf(resolved), resolved);
        if (set) return set;
        // System.getenv().getOrDefault("SMTP_PORT", "587"): the fallback when the variable is not set.
        if (isCodeFallbackCall(callee) && args.length > 0 && depth < MAX_DEPTH) {
          const fallback = this.value(args[args.length - 1], depth + 1);
          return fallback.value === RUNTIME_VALUE ? runtimeValue(resolved) : { ...fallback, written: resolved.text };
        }
        return runtimeValue(resolved);
      }
      default:
        return runtimeValue(resolved);
    }
  }
}

function calleeOf(call: Node): string {
  const object = call.childForFieldName('object');
  const name = call.childForFieldName('name')?.text ?? '';
  return object ? `${object.text}.${name}` : name;
}

function argumentsOf(call: Node): Node[] {
  return (call.childForFieldName('arguments')?.namedChildren ?? []).filter((node): node is Node => !!node && node.type !== 'comment' && node.type !== 'block_comment' && node.type !== 'line_comment');
}

/** The session properties a fix may add after a `put` (JavaMail's mail.smtp.* names, angus-mail SMTPTransport). */
const ADDABLE = ['starttls.enable', 'starttls.required', 'ssl.enable', 'port'];

/**
 * Where a fix may remove this `props.put(…)` statement (its line) or add one after it, a copy with another
 * property of the same transport (`mail.smtp.` or `mail.smtps.`): `props.put("mail.smtp.starttls.enable", "true");`.
 * `words` prefixes the key words (Spring's `properties`).
 */
function withSite(setting: CodeSetting, call: Node, args: readonly Node[], text: string, words: string): CodeSetting {
  const statement = call.parent;
  if (statement?.type !== 'expression_statement' || holdsComment(statement) || args[0].type !== 'string_literal') return setting;
  const prefix = /^mail\.smtps?\./.exec(setting.entry.path[0])?.[0];
  if (!prefix) return setting;
  const keys = Object.fromEntries(ADDABLE.map((name) => [`${words}${prefix === 'mail.smtps.' && words ? 'mail smtps ' : words ? 'mail smtp ' : ''}${name.replace('.', ' ')}`, `"${prefix}${name}"`]));
  const remove = statementRemoval(statement, text);
  const add = statementAddition(statement, args[0], args[1], text, keys, '"');
  setting.entry.site = { ...(remove ? { remove } : {}), ...(add ? { add } : {}) };
  return setting;
}

/** A JavaMailSenderImpl bound to a name: `JavaMailSenderImpl sender = new JavaMailSenderImpl();`. */
function senderNames(root: Node): Map<string, Node> {
  const names = new Map<string, Node>();
  for (const creation of root.descendantsOfType('object_creation_expression')) {
    if (!creation || !/(^|\.)JavaMailSenderImpl$/.test(creation.childForFieldName('type')?.text ?? '')) continue;
    const parent = creation.parent;
    const name = parent?.type === 'variable_declarator' ? parent.childForFieldName('name')?.text : parent?.type === 'assignment_expression' ? parent.childForFieldName('left')?.text : undefined;
    if (name) names.set(`${enclosing(creation, SCOPES).startIndex}:${name}`, creation);
  }
  return names;
}

interface Group {
  profile: 'jakarta-mail' | 'spring';
  anchor: Node;
  scope: Node;
  settings: CodeSetting[];
}

/** JavaMail / Jakarta Mail sessions and Spring JavaMailSenderImpl beans in a Java file. */
export function readJava(tree: Tree, text: string, environment?: EnvironmentVariables): CodeClient[] {
  const root = tree.rootNode;
  const reader = new Reader(root, environment);
  const senders = senderNames(root);
  const groups = new Map<string, Group>();
  const group = (key: string, profile: Group['profile'], anchor: Node, scope: Node): Group => {
    let found = groups.get(key);
    if (!found) groups.set(key, (found = { profile, anchor, scope, settings: [] }));
    return found;
  };
  /** The Spring sender a Properties object belongs to: `sender.getJavaMailProperties()`, directly or through a local. */
  const senderOf = (receiver: Node, scope: Node): string | undefined => {
    const target = reader.resolve(receiver);
    if (target.type !== 'method_invocation' || target.childForFieldName('name')?.text !== 'getJavaMailProperties') return undefined;
    const owner = target.childForFieldName('object')?.text;
    return owner && senders.has(`${scope.startIndex}:${owner}`) ? `${scope.startIndex}:${owner}` : undefined;
  };
  const smtpsTransport = /"smtps"/.test(text);
  /** `sender.setJavaMailProperties(props)`: props belongs to that sender. */
  const handedTo = new Map<string, string>();
  for (const call of root.descendantsOfType('method_invocation')) {
    const [props] = call ? argumentsOf(call) : [];
    const owner = call?.childForFieldName('object')?.text;
    if (!call || call.childForFieldName('name')?.text !== 'setJavaMailProperties' || props?.type !== 'identifier' || !owner) continue;
    const scope = enclosing(call, SCOPES);
    if (senders.has(`${scope.startIndex}:${owner}`)) handedTo.set(`${scope.startIndex}:${props.text}`, `${scope.startIndex}:${owner}`);
  }
  /**
   * Properties this code builds whole: `new Properties()` or `System.getProperties()`, never loaded from a file
   * (`load`, `putAll`), where a setting we do not see could decide the TLS mode.
   */
  const ownProperties = (receiver: Node, scope: Node): boolean => {
    const origin = reader.resolve(receiver);
    const built = (origin.type === 'object_creation_expression' && /(^|\.)Properties$/.test(origin.childForFieldName('type')?.text ?? '')) || origin.text.replace(/\s+/g, '') === 'System.getProperties()';
    if (!built) return false;
    return !scope
      .descendantsOfType('method_invocation')
      .some((use) => use?.childForFieldName('object')?.text === receiver.text && /^(load|loadFromXML|putAll)$/.test(use.childForFieldName('name')?.text ?? ''));
  };

  for (const call of root.descendantsOfType('method_invocation')) {
    if (!call) continue;
    const method = call.childForFieldName('name')?.text ?? '';
    const receiver = call.childForFieldName('object');
    const args = argumentsOf(call);
    if (!receiver) continue;
    const scope = enclosing(call, SCOPES);
    if ((method === 'put' || method === 'setProperty') && args.length === 2) {
      const name = reader.value(args[0]);
      if (name.valueType !== 'string' || !/^mail\.smtps?\./.test(name.value)) continue;
      const sender = senderOf(receiver, scope) ?? handedTo.get(`${scope.startIndex}:${receiver.text}`);
      if (sender) {
        const spring = group(sender, 'spring', senders.get(sender)!, scope);
        spring.settings.push(withSite(settingOf(`properties ${keyWords(name.value).join(' ')}`, name.value, args[0], reader.value(args[1])), call, args, text, 'properties '));
        continue;
      }
      // mail.smtps.* is read by the smtps transport only; a file naming it chooses the transport where we do not look.
      if (name.value.startsWith('mail.smtps.') || smtpsTransport || !ownProperties(receiver, scope)) continue;
      const session = group(`${scope.startIndex}:${receiver.text}`, 'jakarta-mail', receiver, scope);
      session.settings.push(withSite(settingOf(keyWords(name.value).slice(2).join(' '), name.value, args[0], reader.value(args[1])), call, args, text, ''));
      continue;
    }
    const setter = SPRING_SETTERS[method];
    const sender = setter ? `${scope.startIndex}:${receiver.text}` : undefined;
    if (setter && sender && senders.has(sender) && args.length === 1) {
      group(sender, 'spring', senders.get(sender)!, scope).settings.push(settingOf(setter, method, call.childForFieldName('name')!, reader.value(args[0])));
    }
  }

  const clients: CodeClient[] = [];
  for (const found of groups.values()) {
    if (found.profile === 'jakarta-mail') {
      // The password a Session's Authenticator hands over, in the same method.
      for (const creation of found.scope.descendantsOfType('object_creation_expression')) {
        if (!creation || !/(^|\.)PasswordAuthentication$/.test(creation.childForFieldName('type')?.text ?? '')) continue;
        const [user, password] = argumentsOf(creation);
        if (user && password) found.settings.push(settingOf('user', 'user', user, reader.value(user)), settingOf('password', 'password', password, reader.value(password)));
      }
      // transport.connect(host, port, user, password) / connect(host, user, password): the values given there win.
      for (const connect of found.scope.descendantsOfType('method_invocation')) {
        const args = connect && connect.childForFieldName('name')?.text === 'connect' ? argumentsOf(connect) : [];
        if (args.length < 3 || args.length > 4) continue;
        const [host, port, user, password] = args.length === 4 ? args : [args[0], undefined, args[1], args[2]];
        found.settings.push(settingOf('host', 'host', host, reader.value(host)), settingOf('user', 'user', user!, reader.value(user!)), settingOf('password', 'password', password!, reader.value(password!)));
        if (port) found.settings.push(settingOf('port', 'port', port, reader.value(port)));
      }
    }
    if (found.settings.length) clients.push({ profile: found.profile, anchor: `${found.profile}@${found.anchor.startIndex}`, settings: found.settings });
  }
  return clients;
}
