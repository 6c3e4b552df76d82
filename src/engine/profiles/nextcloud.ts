// Nextcloud config.php mail_smtp* (Symfony Mailer: STARTTLS when offered; 'ssl' = implicit TLS).
// Source: nextcloud/docker .config/smtp.config.php, nextcloud/server issue 50633 (smtp-facts.md, section C);
// nextcloud/server lib/private/Mail/Mailer.php (commit 007be83) getSmtpInstance(): `new EsmtpTransport(mail_smtphost
// ?? '127.0.0.1', mail_smtpport ?? 25, mail_smtpsecure === 'ssl' ? true : null)` ("starttls is not enforcable with
// Symfony Mailer but might be available via the automatic config"); mail_smtpname/mail_smtppassword only when
// mail_smtpauth is true; mail_smtpstreamoptions, when a non-empty array, is merged into the socket stream's options
// (array_merge_recursive + setStreamOptions), so `'ssl' => ['verify_peer' => false]` reaches PHP's TLS context.

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
    // getSmtpInstance(): setUsername/setPassword only `if (getSystemValueBool('mail_smtpauth', false))`.
    { key: 'smtpauth', role: 'auth', default: 'false' },
    { key: 'smtpsecure', role: 'secure', tls: { kind: 'enum', values: { ssl: 'implicit', '': 'auto', tls: 'auto' } } },
    // The stream context options, merged into Symfony's socket stream: `'ssl' => ['verify_peer' => false]` accepts any
    // certificate. verify_peer_name alone accepts a certificate for another host; beside verify_peer it adds nothing.
    { key: 'smtpstreamoptions ssl verify peer', role: 'verify', verifyOffWhen: 'false' },
    { key: 'smtpstreamoptions ssl verify peer name', role: 'verify', verifyOffWhen: 'false', narrowerVerify: true },
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
