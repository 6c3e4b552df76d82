import { isLocalOrPrivateHost } from '../facts/hosts';
import { hostNameOf } from '../model';
import { defineRule, rangeOf, relatedTo } from './rule';

const BLOCKED = 'Most ISPs and clouds block outgoing port 25, so sending to {{host}} will hang or time out. Use port 587 with STARTTLS (or 465 with implicit TLS).';

export const port25Submission = defineRule({
  id: 'port-25-submission',
  severity: 'warning',
  title: 'An application submits mail to a remote server on port 25',
  description:
    'Port 25 is for server-to-server relay. Most ISPs and cloud providers (AWS, Google Cloud, Azure, DigitalOcean…) block or throttle outgoing ' +
    'connections to port 25, so the app hangs or times out in production even when it works on your laptop. Applications should submit ' +
    'mail on port 587 with STARTTLS (RFC 6409), or 465 with implicit TLS (RFC 8314). Not reported for a relay on this machine or private ' +
    'network, or with the "mail server" context.',
  docs: {
    whatItDoes: 'Checks for an application that submits mail to a server elsewhere on port 25, written in the file or as the framework\'s default.',
    example: {
      file: '.env',
      bad: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=25\n',
      good: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\n',
    },
  },
  messages: {
    port25: `Port 25 is for relay between mail servers. ${BLOCKED}`,
    // {{reason}}: why the framework uses port 25 ("EMAIL_PORT is not set").
    defaultPort25: `{{reason}}, so {{framework}} connects to port 25, which is for relay between mail servers. ${BLOCKED}`,
  },
  check(group, context) {
    if (context.context === 'mail-server' || group.port?.value !== 25) return [];
    const host = hostNameOf(group);
    if (!host || isLocalOrPrivateHost(host)) return [];
    const range = rangeOf(group.port, group);
    if (group.port.isDefault) {
      const reason = group.port.label.replace(/ \(default 25\)$/, '');
      return [{ range, messageId: 'defaultPort25', data: { reason, framework: group.profile.name, host } }];
    }
    return [{ range, messageId: 'port25', data: { host }, related: relatedTo(group.host, `host ${host}`) }];
  },
  fix(group, _finding, context) {
    return [
      { title: 'Switch to port 587 with STARTTLS', preferred: true, edits: context.switchTls(group, 'starttls', 587) },
      ...(context.canUseImplicitTls(group)
        ? [{ title: 'Switch to port 465 with implicit TLS', preferred: false, edits: context.switchTls(group, 'implicit', 465) }]
        : []),
    ];
  },
});
