// GNU Mailman 3 core: the [mta] section of mailman.cfg (lazr.config, `key: value`).
// Source: mailman's src/mailman/mta/connection.py (read in the adbenitez/mailman mirror, 5add4f4): SecureMode
// INSECURE 'smtp', IMPLICIT 'smtps', STARTTLS 'starttls' (any case; another value raises InvalidConfigurationError);
// IMPLICIT is smtplib.SMTP_SSL(host, port), otherwise smtplib.SMTP then starttls() for STARTTLS; the default is
// INSECURE; login only with both smtp_user and smtp_pass; verify_cert False sets CERT_NONE. Defaults
// (src/mailman/config/schema.cfg [mta], read in wikimedia/operations-debs-mailman3 96e43dd): smtp_host localhost,
// smtp_port 25; that older copy has no smtp_secure_mode, so its default `smtp` is taken from connection.py, not
// re-read in a newer schema.cfg. smtp_host/smtp_port are common words: Mailman is told by the [mta] section's
// own keys (incoming, outgoing, lmtp_host, smtp_secure_mode).

import { VERIFY_OFF_WORDS } from './shared';
import type { FrameworkProfile } from './types';

export const mailman: FrameworkProfile<'mailman'> = {
  id: 'mailman',
  name: 'Mailman 3',
  docs: 'https://docs.mailman3.org/projects/mailman/en/latest/src/mailman/config/docs/config.html',
  prefixes: [{ words: 'mta', needsSignature: true }],
  keys: [
    { key: 'smtp host', role: 'host', default: 'localhost' },
    { key: 'smtp port', role: 'port', default: '25', defaultWithImplicitTls: '25' },
    { key: 'smtp user', role: 'user' },
    { key: 'smtp pass', role: 'password' },
    { key: 'smtp secure mode', role: 'secure', tls: { kind: 'enum', values: { smtp: 'none', smtps: 'implicit', starttls: 'starttls-required' } } },
    { key: 'smtp verify cert', role: 'verify', verifyOffWhen: VERIFY_OFF_WORDS },
  ],
  signature: ['smtp secure mode', 'incoming', 'outgoing', 'lmtp host', 'lmtp port'],
  tlsDefault: { otherwise: 'none' },
  tlsRecipe: {
    starttls: { keys: [{ key: 'smtp secure mode', value: 'starttls', add: true, spelling: 'smtp_secure_mode' }] },
    implicit: { keys: [{ key: 'smtp secure mode', value: 'smtps', add: true, spelling: 'smtp_secure_mode' }] },
  },
  howTo: {
    starttls: 'set smtp_secure_mode: starttls in [mta]',
    implicit: 'set smtp_secure_mode: smtps in [mta]',
  },
};
