// Kanboard: MAIL_SMTP_* constants of config.php (define()) or environment variables, handed to SwiftMailer.
// Source: kanboard/kanboard (2cba210) config.default.php: MAIL_TRANSPORT 'mail' ("smtp", "sendmail", "mail"),
// MAIL_SMTP_HOSTNAME '', MAIL_SMTP_PORT 25, MAIL_SMTP_USERNAME, MAIL_SMTP_PASSWORD, MAIL_SMTP_HELO_NAME,
// MAIL_SMTP_ENCRYPTION null ("null (not a string "null"), "ssl" or "tls""); app/constants.php reads the same names
// from getenv(); app/Core/Mail/Transport/Smtp.php: Swift_SmtpTransport::newInstance(HOSTNAME, PORT) then
// setEncryption(MAIL_SMTP_ENCRYPTION). SwiftMailer (libs/swiftmailer, see swiftmailer.ts): 'ssl' is TLS from the
// first byte, 'tls' is STARTTLS (fails without it), no encryption never sends STARTTLS.

import type { FrameworkProfile } from './types';

export const kanboard: FrameworkProfile<'kanboard'> = {
  id: 'kanboard',
  name: 'Kanboard',
  docs: 'https://docs.kanboard.org/v1/admin/email/',
  prefixes: [{ words: 'mail smtp', needsSignature: true }],
  keys: [
    { key: 'hostname', role: 'host' },
    { key: 'port', role: 'port', default: '25', defaultWithImplicitTls: '25' },
    { key: 'username', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'encryption', role: 'secure', tls: { kind: 'enum', values: { ssl: 'implicit', tls: 'starttls-required', '': 'none' } } },
  ],
  // MAIL_SMTP_HOSTNAME and MAIL_SMTP_HELO_NAME: Kanboard's words (generic MAIL_SMTP_* blocks say host).
  signature: ['hostname', 'helo name'],
  // MAIL_TRANSPORT beside MAIL_SMTP_*: the SMTP settings are used only when it says smtp.
  transportSwitches: [{ key: 'mail transport', activeValues: /^smtp$/i }],
  tlsDefault: { otherwise: 'none' },
  tlsRecipe: {
    starttls: { keys: [{ key: 'encryption', value: 'tls', add: true, spelling: 'encryption' }] },
    implicit: { keys: [{ key: 'encryption', value: 'ssl', add: true, spelling: 'encryption' }] },
  },
  howTo: {
    starttls: "set MAIL_SMTP_ENCRYPTION to 'tls'",
    implicit: "set MAIL_SMTP_ENCRYPTION to 'ssl'",
  },
};
