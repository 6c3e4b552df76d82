// C#: System.Net.Mail `new SmtpClient(host, port) { EnableSsl = … }` / `client.Port = …; client.EnableSsl = …`, and
// MailKit `client.Connect(host, port, SecureSocketOptions.X)` / `Connect(host, port, useSsl)` with
// `Authenticate(user, password)` and `ServerCertificateValidationCallback = (s, c, h, e) => true`
// (profiles/system-net-mail.ts and profiles/mailkit.ts have the semantics). A client whose object calls Connect is
// MailKit's; one given a host, port or EnableSsl is System.Net.Mail's.
// Values are followed within reason: literals, a local or constant assigned once in the file, `X ?? fallback`
// (`Environment.GetEnvironmentVariable("X") ?? "587"`), `int.Parse(…)`, `Convert.ToInt32(…)`, and
// `Environment.GetEnvironmentVariable("X")` where the project's `.env` sets X. Anything else is a run-time value.

import type { Node, Tree } from 'web-tree-sitter';
import type { EnvironmentVariables } from '../environment';
import { environmentValue, holdsComment, listItemRemoval, statementRemoval, Definitions, enclosing, plainStringValue, rangeOf, runtimeValue, settingOf, RUNTIME_VALUE, type CodeClient, type CodeSetting, type CodeValue } from './read';

const MAX_DEPTH = 8;
const NAMES = new Set(['identifier']);
const SCOPES = new Set(['method_declaration', 'constructor_declaration', 'local_function_statement', 'accessor_declaration', 'compilation_unit']);
const CLASS_SCOPES = new Set(['class_declaration', 'record_declaration', 'struct_declaration', 'compilation_unit']);
const PARSE_CALLS = /^(?:int|Int32|System\.Int32|short|long)\.Parse$|^Convert\.ToInt32$|^Convert\.ToBoolean$|^bool\.Parse$/;
/** MailKit's SecureSocketOptions members, by their lower-case names. */
const SOCKET_OPTIONS = ['None', 'Auto', 'SslOnConnect', 'StartTls', 'StartTlsWhenAvailable'];

class Reader {
  readonly definitions = new Definitions();

  constructor(
    root: Node,
    private readonly environment?: EnvironmentVariables,
  ) {
    this.definitions.addDeclarators(root, initializerOf);
    // A name assigned again is not followed.
    for (const assignment of root.descendantsOfType('assignment_expression')) {
      const left = assignment?.childForFieldName('left');
      if (left?.type === 'identifier' && assignment!.parent?.type !== 'initializer_expression') this.definitions.add(left.text, left);
    }
  }

  resolve(node: Node, depth = 0): Node {
    const inner = (current: Node) => {
      if ((current.type === 'parenthesized_expression' || current.type === 'argument') && current.namedChildCount > 0) return current.namedChild(current.namedChildCount - 1);
      return current.type === 'cast_expression' ? current.childForFieldName('value') : undefined;
    };
    return this.definitions.resolve(node, inner, NAMES, depth);
  }

  variableOf(node: Node): string | undefined {
    return variableOfCall(node, (name) => this.value(name, MAX_DEPTH));
  }

  value(node: Node, depth = 0): CodeValue {
    const resolved = this.resolve(node, depth);
    switch (resolved.type) {
      case 'string_literal':
        return plainStringValue(resolved, 'string_literal_content');
      case 'integer_literal':
        return /^\d+$/.test(resolved.text) ? { value: resolved.text, valueType: 'number', range: rangeOf(resolved), written: resolved.text } : runtimeValue(resolved);
      case 'boolean_literal':
        return { value: resolved.text, valueType: 'boolean', range: rangeOf(resolved), written: resolved.text };
      case 'binary_expression': {
        const right = resolved.childForFieldName('right');
        // `Environment.GetEnvironmentVariable("SMTP_PORT") ?? "587"`: the fallback when the left side is null.
        if (resolved.childForFieldName('operator')?.text === '??' && right && depth < MAX_DEPTH) {
          const left = resolved.childForFieldName('left');
          const set = left ? environmentValue(this.environment, this.variableOf(this.resolve(left, depth + 1)), resolved) : undefined;
          if (set) return set;
          const fallback = this.value(right, depth + 1);
          return fallback.value === RUNTIME_VALUE ? runtimeValue(resolved) : { ...fallback, written: resolved.text };
        }
        return runtimeValue(resolved);
      }
      case 'invocation_expression': {
        const callee = resolved.childForFieldName('function')?.text ?? '';
        const args = argumentsOf(resolved);
        if (PARSE_CALLS.test(callee) && args.length === 1 && depth < MAX_DEPTH) return { ...this.value(args[0], depth + 1), written: resolved.text };
        return environmentValue(this.environment, this.variableOf(resolved), resolved) ?? runtimeValue(resolved);
      }
      case 'member_access_expression': {
        // SecureSocketOptions.SslOnConnect (MailKit.Security.SecureSocketOptions.…): the member, with the other members as fix tokens.
        const owner = resolved.childForFieldName('expression')?.text ?? '';
        const member = resolved.childForFieldName('name')?.text ?? '';
        if (/(^|\.)SecureSocketOptions$/.test(owner) && SOCKET_OPTIONS.includes(member)) {
          const tokens = Object.fromEntries(SOCKET_OPTIONS.map((name) => [name.toLowerCase(), `${owner}.${name}`]));
          return { value: member.toLowerCase(), valueType: 'string', range: rangeOf(resolved), written: resolved.text, tokens };
        }
        return runtimeValue(resolved);
      }
      default:
        return runtimeValue(resolved);
    }
  }
}

/** The variable `Environment.GetEnvironmentVariable("X")` reads, if the expression is that call. */
function variableOfCall(node: Node, value: (node: Node) => CodeValue): string | undefined {
  if (node.type !== 'invocation_expression' || !/^(?:System\.)?Environment\.GetEnvironmentVariable$/.test(node.childForFieldName('function')?.text ?? '')) return undefined;
  const [name] = argumentsOf(node);
  const read = name && value(name);
  return read && read.valueType === 'string' && read.quote ? read.value : undefined;
}

/** The value after `=` in a variable declarator (tree-sitter-c-sharp gives it no field name). */
function initializerOf(declarator: Node): Node | undefined {
  const children = declarator.children;
  const equals = children.findIndex((child) => child?.type === '=');
  return equals >= 0 ? (children.slice(equals + 1).find((child) => child?.isNamed) ?? undefined) : undefined;
}

function argumentsOf(call: Node): Node[] {
  const list = call.childForFieldName('arguments');
  return (list?.namedChildren ?? []).filter((node): node is Node => node?.type === 'argument');
}

/** Positional and named arguments: `Connect(host, 587, useSsl: true)`. */
function argument(args: readonly Node[], index: number, names: readonly string[]): Node | undefined {
  const named = args.find((arg) => names.includes(arg.childForFieldName('name')?.text ?? ''));
  if (named) return named;
  const positional = args.filter((arg) => !arg.childForFieldName('name'));
  return positional[index];
}

/** `(s, c, h, e) => true`, `delegate { return true; }`: a validation callback that accepts every certificate. */
function acceptsAll(node: Node): boolean {
  if (node.type !== 'lambda_expression' && node.type !== 'anonymous_method_expression') return false;
  const body = node.childForFieldName('body') ?? node.namedChildren.find((child) => child?.type === 'block');
  if (!body) return false;
  if (body.type === 'boolean_literal') return body.text === 'true';
  const statements = body.type === 'block' ? body.namedChildren.filter((child) => child?.type !== 'comment') : [];
  return statements.length === 1 && statements[0]?.type === 'return_statement' && statements[0].namedChild(0)?.text === 'true';
}

/**
 * Removing `X.ServerCertificateValidationCallback = … => true;` (its statement line) or the same assignment in an
 * object initializer (its item): the default validation then applies. Undefined when a comment is in the way.
 */
function callbackRemoval(value: Node, text: string): { start: number; end: number } | undefined {
  const assignment = value.parent;
  if (assignment?.type !== 'assignment_expression' || holdsComment(assignment)) return undefined;
  if (assignment.parent?.type === 'initializer_expression') return listItemRemoval(assignment, text);
  return assignment.parent?.type === 'expression_statement' ? statementRemoval(assignment.parent, text) : undefined;
}

/** The name a new client is bound to: `var client = new SmtpClient(…)`, `_client = new SmtpClient(…)`. */
function boundName(creation: Node): string | undefined {
  const parent = creation.parent;
  if (parent?.type === 'variable_declarator') return parent.childForFieldName('name')?.text;
  if (parent?.type === 'assignment_expression' && parent.childForFieldName('right')?.equals(creation)) return parent.childForFieldName('left')?.text.replace(/^this\./, '');
  return undefined;
}

interface Use {
  method?: string;
  property?: string;
  node: Node;
}

/** What the code does with the client named `name` in a scope: `name.Method(…)` calls and `name.Property = value` assignments. */
function usesOf(scope: Node, name: string): Use[] {
  const uses: Use[] = [];
  for (const member of scope.descendantsOfType('member_access_expression')) {
    if (!member || member.childForFieldName('expression')?.text.replace(/^this\./, '') !== name) continue;
    const memberName = member.childForFieldName('name')?.text;
    const parent = member.parent;
    if (parent?.type === 'invocation_expression' && parent.childForFieldName('function')?.equals(member)) uses.push({ method: memberName, node: parent });
    else if (parent?.type === 'assignment_expression' && parent.childForFieldName('left')?.equals(member)) uses.push({ property: memberName, node: parent });
  }
  return uses;
}

/** System.Net.Mail and MailKit clients in a C# file. */
export function readCSharp(tree: Tree, text: string, environment?: EnvironmentVariables): CodeClient[] {
  if (!text.includes('SmtpClient')) return [];
  const root = tree.rootNode;
  const reader = new Reader(root, environment);
  const clients: CodeClient[] = [];
  // ServicePointManager's callback is process-wide: it applies to every System.Net.Mail client.
  const globalCallbacks = root
    .descendantsOfType('assignment_expression')
    .filter((node): node is Node => !!node && /(^|\.)ServicePointManager\.ServerCertificateValidationCallback$/.test(node.childForFieldName('left')?.text ?? ''));
  for (const creation of root.descendantsOfType('object_creation_expression')) {
    if (!creation || !/(^|\.)SmtpClient$/.test(creation.childForFieldName('type')?.text ?? '')) continue;
    const name = boundName(creation);
    // A field (`_client = new SmtpClient(…)` in a constructor) is configured anywhere in its class.
    const scope = creation.parent?.type === 'variable_declarator' ? enclosing(creation, SCOPES) : enclosing(creation, CLASS_SCOPES);
    const uses = name ? usesOf(scope, name).filter((use) => use.node.startIndex > creation.startIndex) : [];
    const initializers = (creation.childForFieldName('initializer')?.namedChildren ?? []).filter((node): node is Node => node?.type === 'assignment_expression');
    const property = (use: Use | Node): { name: string; value: Node } | undefined => {
      const node = 'node' in use ? use.node : use;
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      const key = left?.type === 'member_access_expression' ? left.childForFieldName('name')?.text : left?.text;
      return key && right ? { name: key, value: right } : undefined;
    };
    const assignments = [...initializers.map(property), ...uses.filter((use) => use.property).map(property)].filter((item): item is { name: string; value: Node } => !!item);
    const callbacks = assignments.filter((item) => item.name === 'ServerCertificateValidationCallback');
    const connects = uses.filter((use) => use.method === 'Connect' || use.method === 'ConnectAsync');
    const credentials: CodeSetting[] = [];
    for (const use of uses.filter((item) => item.method === 'Authenticate' || item.method === 'AuthenticateAsync')) {
      const args = argumentsOf(use.node);
      // Authenticate(user, password[, token]); Authenticate(saslMechanism) is OAuth or another mechanism: no password read.
      if (args.length < 2 || /CancellationToken|ct$|token$/i.test(args[1].text)) continue;
      credentials.push(settingOf('user', 'userName', args[0], reader.value(args[0])), settingOf('password', 'password', args[1], reader.value(args[1])));
    }
    const verify = (nodes: readonly Node[]): CodeSetting[] =>
      nodes
        .filter((node) => acceptsAll(reader.resolve(node)))
        .map((node) => {
          const setting = settingOf('server certificate validation callback', 'ServerCertificateValidationCallback', node, { value: 'accept-all', valueType: 'string', range: rangeOf(node), readOnly: true, written: node.text }, 'ServerCertificateValidationCallback => true');
          const remove = callbackRemoval(node, text);
          if (remove) setting.entry.site = { remove };
          return setting;
        });

    if (connects.length > 0) {
      for (const connect of connects) {
        const args = argumentsOf(connect.node);
        const host = argument(args, 0, ['host']);
        if (!host) continue;
        const settings: CodeSetting[] = [settingOf('host', 'host', host, reader.value(host))];
        const port = argument(args, 1, ['port']);
        // Connect(socket, host, port, options) and Connect(Uri): not the (host, port) overloads read here.
        const portValue = port && reader.value(port);
        if (/^new\s+Uri\b/.test(host.text) || (portValue && portValue.valueType === 'string' && !/^\d+$/.test(portValue.value) && portValue.value !== RUNTIME_VALUE)) continue;
        // Connect(host, port, options) and Connect(host, port, useSsl): the third argument, unless it is the cancellation token.
        const options = argument(args, 2, ['options', 'useSsl']);
        if (port && !/CancellationToken/.test(port.text)) settings.push(settingOf('port', 'port', port, reader.value(port)));
        if (options && !/cancellationToken|^ct$|token$/i.test(options.text)) {
          const value = reader.value(options);
          const flag = value.valueType === 'boolean' ? { ...value, tokens: { starttls: 'false', sslonconnect: 'true' } } : value;
          settings.push(settingOf('secure socket options', 'options', options, flag));
        }
        settings.push(...credentials, ...verify(callbacks.map((item) => item.value)));
        clients.push({ profile: 'mailkit', anchor: `Connect@${connect.node.startIndex}`, settings });
      }
      continue;
    }
    if (/MailKit/.test(creation.childForFieldName('type')?.text ?? '')) continue;
    // DeliveryMethod = SpecifiedPickupDirectory (or PickupDirectoryFromIis) writes files: no connection at all.
    if (assignments.some((item) => item.name === 'DeliveryMethod' && !/(^|\.)Network$/.test(item.value.text))) continue;
    const settings: CodeSetting[] = [];
    const args = argumentsOf(creation);
    const host = argument(args, 0, ['host']);
    const port = argument(args, 1, ['port']);
    if (host) settings.push(settingOf('host', 'host', host, reader.value(host)));
    if (port) settings.push(settingOf('port', 'port', port, reader.value(port)));
    for (const item of assignments) {
      if (item.name === 'Host') settings.push(settingOf('host', 'Host', item.value, reader.value(item.value)));
      else if (item.name === 'Port') settings.push(settingOf('port', 'Port', item.value, reader.value(item.value)));
      else if (item.name === 'EnableSsl') settings.push(settingOf('enable ssl', 'EnableSsl', item.value, reader.value(item.value)));
      else if (item.name === 'Credentials') {
        const credential = reader.resolve(item.value);
        const credentialArgs = credential.type === 'object_creation_expression' && /NetworkCredential$/.test(credential.childForFieldName('type')?.text ?? '') ? argumentsOf(credential) : [];
        if (credentialArgs.length >= 2) {
          settings.push(settingOf('user', 'userName', credentialArgs[0], reader.value(credentialArgs[0])), settingOf('password', 'password', credentialArgs[1], reader.value(credentialArgs[1])));
        }
      }
    }
    // Without a host, port or EnableSsl written this is not a System.Net.Mail client we can judge (a MailKit client connected elsewhere).
    if (settings.length === 0) continue;
    settings.push(...verify(globalCallbacks.map((node) => node.childForFieldName('right')!).filter(Boolean)));
    clients.push({ profile: 'system-net-mail', anchor: `SmtpClient@${creation.startIndex}`, settings });
  }
  return clients;
}
