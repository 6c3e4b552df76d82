import { isLocalOrPrivateHost } from '../facts/hosts';
import { hostNameOf } from '../model';
import { isUnset } from '../values';
import { rangeOf, relatedTo, type Rule } from './rule';

export const cleartextAuth: Rule = {
  id: 'cleartext-auth',
  severity: 'warning',
  title: 'Credentials on a connection that is never encrypted',
  description:
    'With TLS switched off, or STARTTLS not enabled where the framework needs a flag for it (Django, Spring/Jakarta Mail, Keycloak, ' +
    'System.Net.Mail), the user name and password cross the network in plain text, readable by anyone on the path, and most providers ' +
    'refuse AUTH before TLS ("530 5.7.0 Must issue a STARTTLS command first"). Turn on STARTTLS (port 587) or implicit TLS (port 465). ' +
    'Not reported for hosts on this machine or a private network.',
  check(group) {
    if (group.tls.mode !== 'none' || !group.password || isUnset(group.password.value)) return [];
    const host = hostNameOf(group);
    if (!host || isLocalOrPrivateHost(host)) return [];
    const flag = group.tls.sources.find((source) => source.range && !source.isDefault);
    const why = flag ? `${flag.label} switches encryption off` : `${group.profile.name} does not encrypt unless told to`;
    return [
      {
        range: flag ? flag.range! : rangeOf(group.password, group),
        message:
          `The password is sent to ${host} unencrypted: ${why}. Anyone on the network path can read it, and most providers refuse it ` +
          `("530 5.7.0 Must issue a STARTTLS command first"). ${capitalize(group.profile.howTo?.starttls ?? 'turn on STARTTLS')}.`,
        related: flag ? relatedTo(group.password, 'the password sent in plain text') : [],
      },
    ];
  },
  fix(group, _finding, context) {
    return [{ title: 'Turn on STARTTLS', preferred: true, edits: context.switchTls(group, 'starttls') }];
  },
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
