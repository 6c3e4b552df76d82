// WordPress WP Mail SMTP: wp-config.php constants WPMS_SMTP_HOST, WPMS_SMTP_PORT, WPMS_SSL ('' | 'ssl' | 'tls'),
// WPMS_SMTP_AUTOTLS, WPMS_SMTP_USER, WPMS_SMTP_PASS, WPMS_MAILER ('smtp'), handed to PHPMailer.
// Source: awesomemotive/wp-mail-smtp wp_mail_smtp.php (the commented constants block) and its Options class
// (each option from its WPMS_* constant when defined); PHPMailer src/PHPMailer.php: SMTPSecure 'ssl' is implicit
// TLS, 'tls' is STARTTLS (required), '' with SMTPAutoTLS uses STARTTLS when offered (smtp-facts.md, section C).

import type { FrameworkProfile } from './types';

export const wpMailSmtp: FrameworkProfile<'wp-mail-smtp'> = {
  id: 'wp-mail-smtp',
  name: 'WP Mail SMTP',
  docs: 'https://wpmailsmtp.com/docs/how-to-secure-smtp-settings-by-using-constants/',
  prefixes: [{ words: 'wpms' }],
  keys: [
    { key: 'mailer', role: 'enabled', activeValues: /^smtp$/i },
    { key: 'smtp host', role: 'host' },
    { key: 'smtp port', role: 'port' },
    { key: 'smtp user', role: 'user' },
    { key: 'smtp pass', role: 'password' },
    { key: 'ssl', role: 'secure', tls: { kind: 'enum', values: { ssl: 'implicit', tls: 'starttls-required', '': 'auto' } } },
    // WPMS_SMTP_AUTOTLS=false with WPMS_SSL='' means no encryption, but beside 'tls' it changes nothing: not read for the mode.
    { key: 'smtp autotls', role: 'starttls' },
  ],
  tlsDefault: { otherwise: 'starttls-opportunistic' },
  tlsRecipe: {
    starttls: { keys: [{ key: 'ssl', value: 'tls', add: true, spelling: 'WPMS_SSL' }] },
    implicit: { keys: [{ key: 'ssl', value: 'ssl', add: true, spelling: 'WPMS_SSL' }] },
  },
  howTo: {
    starttls: "define('WPMS_SSL', 'tls')",
    implicit: "define('WPMS_SSL', 'ssl')",
  },
};
