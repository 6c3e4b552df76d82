import { isLocalOrPrivateHost } from '../facts/hosts';
import { hostNameOf } from '../model';
import { isUnset } from '../values';
import { capitalize, defineRule, rangeOf, relatedTo } from './rule';

const CONSEQUENCE = 'anyone on the network path can read it, and most providers refuse it ("530 5.7.0 Must issue a STARTTLS command first")';

export const cleartextAuth = defineRule({
  id: 'cleartext-auth',
  severity: 'warning',
  title: 'Credentials on a connection that is never encrypted',
  description:
    'With TLS switched off, or STARTTLS not enabled where the framework needs a flag for it (Django, Spring/Jakarta Mail, Keycloak, ' +
    'System.Net.Mail), the user name and password cross the network in plain text, readable by anyone on the path, and most providers ' +
    'refuse AUTH before TLS ("530 5.7.0 Must issue a STARTTLS command first"). Turn on STARTTLS (port 587) or implicit TLS (port 465). ' +
    'Not reported for hosts on this machine or a private network.',
  docs: {
    whatItDoes: 'Checks for a password sent on a connection that is never encrypted: TLS switched off, or STARTTLS not turned on where the framework needs a flag for it.',
    example: {
      file: 'settings.py',
      bad: 'EMAIL_HOST = "smtp.example.com"\nEMAIL_PORT = 587\nEMAIL_HOST_USER = "app"\nEMAIL_HOST_PASSWORD = "app-password"\n',
      good: 'EMAIL_HOST = "smtp.example.com"\nEMAIL_PORT = 587\nEMAIL_USE_TLS = True\nEMAIL_HOST_USER = "app"\nEMAIL_HOST_PASSWORD = "app-password"\n',
    },
  },
  messages: {
    // {{advice}}: the framework's words for STARTTLS, capitalised.
    tlsSwitchedOff: '{{advice}}: the password goes to {{host}} unencrypted.',
    notEncryptedByDefault: '{{advice}}: {{framework}} sends the password to {{host}} unencrypted by default.',
  },
  details: {
    tlsSwitchedOff: `{{setting}} switches encryption off, so the password crosses the network in plain text: ${CONSEQUENCE}.`,
    notEncryptedByDefault: `{{framework}} does not encrypt unless told to, so the password crosses the network in plain text: ${CONSEQUENCE}.`,
  },
  check(group) {
    if (group.tls.mode !== 'none' || !group.password || isUnset(group.password.value)) return [];
    const host = hostNameOf(group);
    if (!host || isLocalOrPrivateHost(host)) return [];
    const flag = group.tls.sources.find((source) => source.range && !source.isDefault);
    const advice = capitalize(group.profile.howTo?.starttls ?? 'turn on STARTTLS');
    if (!flag) return [{ range: rangeOf(group.password, group), messageId: 'notEncryptedByDefault', data: { host, framework: group.profile.name, advice } }];
    return [
      {
        range: flag.range!,
        messageId: 'tlsSwitchedOff',
        data: { host, setting: flag.label, advice },
        related: relatedTo(group.password, 'the password sent in plain text'),
      },
    ];
  },
  fix(group, _finding, context) {
    return [{ title: 'Turn on STARTTLS', preferred: true, edits: context.switchTls(group, 'starttls') }];
  },
});
