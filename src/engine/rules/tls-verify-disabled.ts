import { devMailCatcher, isLoopbackHost } from '../facts/hosts';
import { hostNameOf } from '../model';
import { defineRule, rangeOf, type RuleFinding } from './rule';

export const tlsVerifyDisabled = defineRule({
  id: 'tls-verify-disabled',
  severity: 'warning',
  title: 'TLS certificate verification switched off',
  description:
    'Settings such as `rejectUnauthorized: false`, `NODE_TLS_REJECT_UNAUTHORIZED=0`, `verify_peer=0`, `skip_verify = true` or ' +
    '`openssl_verify_mode: none` make the client accept any certificate, so anyone on the network path can pose as the mail server and read ' +
    'the password and every message. Fix the cause instead (use the host name on the certificate, install your private CA) and remove the ' +
    'override. Also reported where an app does not verify unless told to (the sameersbn/gitlab image\'s `SMTP_OPENSSL_VERIFY_MODE` ' +
    'defaults to `none`). Not reported for a server on this machine (a local bridge with its own certificate).',
  docs: {
    whatItDoes: 'Checks for settings that switch off verification of the mail server\'s TLS certificate.',
    example: {
      file: '.env',
      bad: 'SMTP_HOST=mail.internal.example.com\nSMTP_PORT=587\nSMTP_TLS_REJECT_UNAUTHORIZED=false\n',
      good: 'SMTP_HOST=mail.internal.example.com\nSMTP_PORT=587\nNODE_EXTRA_CA_CERTS=/etc/ssl/certs/internal-ca.pem\n',
    },
  },
  // With verification off anyone on the path can read the password whatever STARTTLS does: the downgrade hint adds nothing.
  supersedes: ['opportunistic-starttls'],
  messages: {
    verifyOff: 'Remove {{setting}} and fix the certificate problem instead: anyone on the path can impersonate {{server}}.',
    verifyOffByDefault: 'Turn certificate verification on: {{framework}} does not verify {{server}} by default; {{setting}}.',
  },
  details: {
    verifyOff:
      'Certificate verification is off ({{setting}}): the client accepts any certificate, so anyone on the network path can ' +
      'impersonate {{server}} and read the password and the mail; use the host name on the certificate, or install your private CA.',
    verifyOffByDefault:
      '{{framework}} does not verify the certificate of {{server}} unless told to, and {{setting}}: anyone on the network path can ' +
      'impersonate the server and read the password and the mail. Set it to verify the peer (for example `peer`).',
  },
  check(group) {
    const host = hostNameOf(group);
    // A development catcher's certificate is self-signed on purpose; a catcher in production is dev-mail-catcher-in-production's finding.
    if (host && (isLoopbackHost(host) || devMailCatcher(host))) return [];
    const server = host ?? 'the mail server';
    return group.verifyOff.flatMap((source): RuleFinding<'verifyOff' | 'verifyOffByDefault'>[] => {
      if (source.range) return [{ range: source.range, messageId: 'verifyOff', data: { setting: source.label, server } }];
      // Off by the framework's default: said on the host, unless nothing is encrypted anyway (cleartext rules say that).
      if (!source.isDefault || group.tls.mode === 'none' || group.tls.mode === 'unknown') return [];
      return [{ range: rangeOf(undefined, group), messageId: 'verifyOffByDefault', data: { setting: source.label, server, framework: group.profile.name } }];
    });
  },
  fix(group, finding, context) {
    const source = group.verifyOff.find((item) => item.range?.start === finding.range.start && item.range.end === finding.range.end);
    if (!source) return [];
    return [{ title: 'Remove the setting that turns off certificate verification', preferred: true, edits: context.removeSource(group, source) }];
  },
});
