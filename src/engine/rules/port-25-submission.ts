import { isLocalOrPrivateHost } from '../facts/hosts';
import { hostNameOf, type SmtpGroup } from '../model';
import { defineRule, rangeOf, relatedTo, type RuleContext } from './rule';

const BLOCKED = 'most ISPs and clouds block outgoing port 25, so sending to {{host}} will hang or time out';

/** Whether this group is an application submitting to a remote host on port 25: the case this rule warns about. */
export function submitsOnPort25(group: SmtpGroup, context: RuleContext): boolean {
  if (context.context === 'mail-server' || group.port?.value !== 25) return false;
  const host = hostNameOf(group);
  return !!host && !isLocalOrPrivateHost(host);
}

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
  // The password or the port will not work at all: that comes before hardening the STARTTLS it goes over.
  supersedes: ['opportunistic-starttls'],
  messages: {
    port25: 'Use port 587 with STARTTLS or 465 with implicit TLS: most ISPs and clouds block outgoing port 25.',
    // {{reason}}: why the framework uses port 25 ("EMAIL_PORT is not set").
    defaultPort25: 'Set the port to 587 with STARTTLS: {{reason}}, so {{framework}} uses port 25, which most ISPs and clouds block.',
  },
  details: {
    port25: `Port 25 is for relay between mail servers: ${BLOCKED}.`,
    defaultPort25: `{{reason}}, so {{framework}} connects to port 25, which is for relay between mail servers: ${BLOCKED}.`,
  },
  check(group, context) {
    if (!submitsOnPort25(group, context)) return [];
    const host = hostNameOf(group)!;
    const range = rangeOf(group.port, group);
    if (group.port!.isDefault) {
      const reason = group.port!.label.replace(/ \(default 25\)$/, '');
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
