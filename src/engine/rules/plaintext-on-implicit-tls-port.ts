import { IMPLICIT_TLS_PORTS } from '../facts/ports';
import { describeMode } from '../model';
import { capitalize, defineRule, rangeOf, relatedTo } from './rule';

const PLAINTEXT_MODES = new Set(['none', 'starttls-required', 'starttls-opportunistic']);

// {{settings}}: the TLS mode, and the setting that chose it when it is written.
const HANG =
  'Port {{port}} expects a TLS handshake first (implicit TLS), but these settings give {{settings}}: the client waits for a greeting ' +
  'that never comes, until it times out ("Greeting never received").';

export const plaintextOnImplicitTlsPort = defineRule({
  id: 'plaintext-on-implicit-tls-port',
  severity: 'error',
  title: 'A plaintext or STARTTLS client against an implicit-TLS port (465, 2465)',
  description:
    'Ports 465 and 2465 expect a TLS handshake from the first byte (implicit TLS, RFC 8314). A client set up for plaintext or STARTTLS ' +
    'connects and waits for the server\'s greeting, which never comes: the app hangs until a timeout ("Greeting never received", ' +
    '`SMTPServerDisconnected`). Turn on implicit TLS for this port, or switch to port 587 with STARTTLS.',
  docs: {
    whatItDoes: 'Checks for a client set up for plaintext or STARTTLS against port 465 or 2465, where the server expects a TLS handshake first.',
    example: {
      file: '.env',
      bad: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=465\nSMTP_SECURE=false\n',
      good: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=465\nSMTP_SECURE=true\n',
    },
  },
  // No password is sent on a connection that never gets past the greeting: the hang is the problem.
  supersedes: ['cleartext-auth'],
  messages: {
    // {{advice}}: the framework's words for implicit TLS, capitalised.
    plaintextOnImplicitPort: '{{advice}}, or use port 587 with STARTTLS: port {{port}} expects TLS from the first byte, so this connection hangs.',
    frameworkCannotImplicitTls: 'Use port 587 with STARTTLS: port {{port}} expects implicit TLS, which {{framework}} cannot speak, so this connection hangs.',
  },
  details: {
    plaintextOnImplicitPort: HANG,
    frameworkCannotImplicitTls: `${HANG} {{framework}} cannot speak implicit TLS at all.`,
  },
  check(group) {
    const port = group.port;
    if (!port || !IMPLICIT_TLS_PORTS.has(port.value) || !PLAINTEXT_MODES.has(group.tls.mode)) return [];
    const flag = group.tls.sources.find((source) => source.range && !source.isDefault);
    const settings = `${describeMode(group.tls.mode)}${flag ? ` (${flag.label})` : ''}`;
    return [
      {
        range: flag ? flag.range! : rangeOf(port, group),
        messageId: group.profile.noImplicitTls ? 'frameworkCannotImplicitTls' : 'plaintextOnImplicitPort',
        data: { port: port.value, settings, framework: group.profile.name, advice: capitalize(group.profile.howTo?.implicit ?? 'turn on implicit TLS') },
        related: relatedTo(flag ? port : undefined, `port ${port.value}`),
      },
    ];
  },
  fix(group, _finding, context) {
    const implicit = context.canUseImplicitTls(group);
    return [
      ...(implicit ? [{ title: 'Turn on implicit TLS', preferred: true, edits: context.switchTls(group, 'implicit') }] : []),
      { title: 'Switch to port 587 with STARTTLS', preferred: !implicit, edits: context.switchTls(group, 'starttls', 587) },
    ];
  },
});
