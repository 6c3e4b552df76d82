import { STARTTLS_PORTS } from '../facts/ports';
import { submitsOnPort25 } from './port-25-submission';
import { capitalize, defineRule, rangeOf, relatedTo } from './rule';

export const implicitTlsOnStarttlsPort = defineRule({
  id: 'implicit-tls-on-starttls-port',
  severity: 'error',
  title: 'Implicit TLS against a STARTTLS port (587, 2525, 2587, 25)',
  description:
    'With implicit TLS (`secure: true`, `ssl`, `smtps://`) the client opens with a TLS handshake, but on ports 587, 2525, 2587 and 25 the ' +
    'server opens with a plaintext greeting and offers STARTTLS. The handshake fails at once with "wrong version number" ' +
    '(OpenSSL\'s error for a plaintext reply). Keep the port and switch to STARTTLS, or use port 465 for implicit TLS.',
  docs: {
    whatItDoes: 'Checks for a client set up for implicit TLS (TLS from the first byte) against a port where the server greets in plaintext and offers STARTTLS: 587, 2525, 2587 or 25.',
    example: {
      file: '.env',
      bad: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\nSMTP_SECURE=true\n',
      good: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\nSMTP_SECURE=false\n',
    },
  },
  messages: {
    // {{advice}}: the framework's words for STARTTLS, capitalised ("Set MAIL_SCHEME=smtp").
    implicitOnStarttlsPort: '{{advice}}, or use port 465: port {{port}} expects STARTTLS, not implicit TLS.',
    // Port 25 from an application is port-25-submission's warning too: never advise keeping it.
    implicitOnSubmissionPort25: 'Use port 587 with STARTTLS or port 465 with implicit TLS: port 25 expects STARTTLS, and most networks block it.',
  },
  details: {
    // {{cause}}: the setting that turns implicit TLS on, or the framework when its default does.
    implicitOnStarttlsPort:
      '{{cause}} makes the client start with a TLS handshake (implicit TLS), but port {{port}} answers in plaintext and offers STARTTLS, ' +
      'so the connection fails at once with "wrong version number".',
    implicitOnSubmissionPort25:
      '{{cause}} makes the client start with a TLS handshake (implicit TLS), but port 25 answers in plaintext and offers STARTTLS, ' +
      'so the connection fails at once with "wrong version number"; port 25 is also for relay between mail servers, blocked by most ISPs and clouds.',
  },
  check(group, context) {
    const port = group.port;
    if (group.tls.mode !== 'implicit' || !port || !STARTTLS_PORTS.has(port.value)) return [];
    const flag = group.tls.sources.find((source) => source.range && !source.isDefault) ?? group.tls.sources[0];
    const onFlag = !!flag?.range && !flag.isDefault;
    return [
      {
        range: onFlag ? flag!.range! : rangeOf(port, group),
        messageId: submitsOnPort25(group, context) ? 'implicitOnSubmissionPort25' : 'implicitOnStarttlsPort',
        data: { cause: flag ? flag.label : group.profile.name, port: port.value, advice: capitalize(group.profile.howTo?.starttls ?? 'switch to STARTTLS') },
        related: onFlag ? relatedTo(port, `port ${port.value} expects STARTTLS`) : relatedTo(flag, 'this turns on implicit TLS'),
      },
    ];
  },
  fix(group, finding, context) {
    const port = group.port!.value;
    return [
      finding.messageId === 'implicitOnSubmissionPort25'
        ? { title: 'Switch to port 587 with STARTTLS', preferred: true, edits: context.switchTls(group, 'starttls', 587) }
        : { title: `Switch to STARTTLS on port ${port}`, preferred: true, edits: context.switchTls(group, 'starttls') },
      ...(context.canUseImplicitTls(group)
        ? [{ title: 'Use implicit TLS on port 465', preferred: false, edits: context.switchTls(group, 'implicit', 465) }]
        : []),
    ];
  },
});
