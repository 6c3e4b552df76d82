import { isLoopbackHost } from '../facts/hosts';
import { hostNameOf } from '../model';
import { defineRule } from './rule';

export const tlsVerifyDisabled = defineRule({
  id: 'tls-verify-disabled',
  severity: 'warning',
  title: 'TLS certificate verification switched off',
  description:
    'Settings such as `rejectUnauthorized: false`, `NODE_TLS_REJECT_UNAUTHORIZED=0`, `verify_peer=0`, `skip_verify = true` or ' +
    '`openssl_verify_mode: none` make the client accept any certificate, so anyone on the network path can pose as the mail server and read ' +
    'the password and every message. Fix the cause instead (use the host name on the certificate, install your private CA) and remove the ' +
    'override. Not reported for a server on this machine (a local bridge with its own certificate).',
  docs: {
    whatItDoes: 'Checks for settings that switch off verification of the mail server\'s TLS certificate.',
    example: {
      file: '.env',
      bad: 'SMTP_HOST=mail.internal.example.com\nSMTP_PORT=587\nSMTP_TLS_REJECT_UNAUTHORIZED=false\n',
      good: 'SMTP_HOST=mail.internal.example.com\nSMTP_PORT=587\nNODE_EXTRA_CA_CERTS=/etc/ssl/certs/internal-ca.pem\n',
    },
  },
  messages: {
    verifyOff: 'Remove {{setting}} and fix the certificate problem instead: anyone on the path can impersonate {{server}}.',
  },
  details: {
    verifyOff:
      'Certificate verification is off ({{setting}}): the client accepts any certificate, so anyone on the network path can ' +
      'impersonate {{server}} and read the password and the mail; use the host name on the certificate, or install your private CA.',
  },
  check(group) {
    const host = hostNameOf(group);
    if (host && isLoopbackHost(host)) return [];
    return group.verifyOff
      .filter((source) => source.range)
      .map((source) => ({ range: source.range!, messageId: 'verifyOff' as const, data: { setting: source.label, server: host ?? 'the mail server' } }));
  },
  fix(group, finding, context) {
    const source = group.verifyOff.find((item) => item.range?.start === finding.range.start && item.range.end === finding.range.end);
    if (!source) return [];
    return [{ title: 'Remove the setting that turns off certificate verification', preferred: true, edits: context.removeSource(group, source) }];
  },
});
