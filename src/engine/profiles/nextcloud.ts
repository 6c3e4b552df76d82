// Nextcloud config.php mail_smtp* (Symfony Mailer: STARTTLS when offered; 'ssl' = implicit TLS).
// Source: nextcloud/docker .config/smtp.config.php, nextcloud/server issue 50633 (smtp-facts.md, section C).

import { AUTO_BY_PORT } from './shared';
import type { FrameworkProfile } from './types';

export const nextcloud: FrameworkProfile<'nextcloud'> = {
  id: 'nextcloud',
  name: 'Nextcloud',
  docs: 'https://docs.nextcloud.com/server/latest/admin_manual/configuration_server/email_configuration.html',
  prefixes: [{ words: 'mail', needsSignature: true }],
  keys: [
    { key: 'smtpmode', role: 'enabled', activeValues: /^smtp$/i },
    { key: 'smtphost', role: 'host' },
    { key: 'smtpport', role: 'port', default: '25' },
    { key: 'smtpname', role: 'user' },
    { key: 'smtppassword', role: 'password' },
    { key: 'smtpsecure', role: 'secure', tls: { kind: 'enum', values: { ssl: 'implicit', '': 'auto', tls: 'auto' } } },
  ],
  signature: ['smtphost', 'smtpport', 'smtpsecure', 'smtpname', 'smtpmode'],
  tlsDefault: AUTO_BY_PORT,
  tlsRecipe: {
    // An empty mail_smtpsecure lets Nextcloud use STARTTLS when offered.
    starttls: { keys: [{ key: 'smtpsecure', value: '', keep: /^(tls)?$/i }] },
    implicit: { keys: [{ key: 'smtpsecure', value: 'ssl', add: true, spelling: 'smtpsecure' }] },
  },
  howTo: {
    starttls: 'leave mail_smtpsecure empty',
    implicit: "set mail_smtpsecure to 'ssl'",
  },
};
