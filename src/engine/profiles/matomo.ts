// Matomo: the [mail] section of config/config.ini.php (over config/global.ini.php), handed to PHPMailer.
// Source: matomo-org/matomo (f09912c) core/Mail/Transport.php initSmtpTransport(): SMTP only when `host` is set and
// `transport` is 'smtp' (else PHP's mail()); `type` non-empty sets SMTPAuth (credentials are sent only then);
// `encryption` 'none' sets SMTPAutoTLS = false (no TLS), any other non-empty value goes to SMTPSecure as written
// ('ssl' implicit TLS, 'tls' STARTTLS, see phpmailer.ts), empty leaves PHPMailer's defaults (STARTTLS when the
// server offers it); `port` empty leaves PHPMailer's Port 25, also with 'ssl' (global.ini.php's comment "465 for
// ssl" is not what the code does). send(): SMTPOptions ssl verify_peer / verify_peer_name = (int) ssl_verify_peer /
// ssl_verify_peer_name (global.ini.php: 1): 0 accepts any certificate.

import type { FrameworkProfile } from './types';

export const matomo: FrameworkProfile<'matomo'> = {
  id: 'matomo',
  name: 'Matomo',
  docs: 'https://matomo.org/faq/how-to-install/faq_55/',
  prefixes: [{ words: 'mail', needsSignature: true }],
  keys: [
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port', default: '25', defaultWithImplicitTls: '25' },
    { key: 'username', role: 'user' },
    { key: 'password', role: 'password' },
    // Empty or absent: no SMTP AUTH, the credentials are not sent.
    { key: 'type', role: 'auth', default: '' },
    { key: 'encryption', role: 'secure', tls: { kind: 'enum', values: { ssl: 'implicit', tls: 'starttls-required', none: 'none', '': 'auto' } } },
    { key: 'ssl verify peer', role: 'verify', verifyOffWhen: ['0'] },
    { key: 'ssl verify peer name', role: 'verify', verifyOffWhen: ['0'], narrowerVerify: true },
  ],
  // Matomo's own words in [mail] (global.ini.php has them all; a config.ini.php override the SMTP ones).
  signature: ['default hostname if empty', 'ssl disallow self signed', 'ssl verify peer', 'transport & type & encryption'],
  transportSwitches: [{ key: 'mail transport', activeValues: /^smtp$/i }],
  tlsDefault: { otherwise: 'starttls-opportunistic' },
  tlsRecipe: {
    starttls: { keys: [{ key: 'encryption', value: 'tls', add: true, spelling: 'encryption' }] },
    implicit: { keys: [{ key: 'encryption', value: 'ssl', add: true, spelling: 'encryption' }] },
  },
  requireStarttls: { key: 'encryption', value: 'tls', howTo: 'set encryption = tls in [mail]' },
  howTo: {
    starttls: 'set encryption = tls in [mail]',
    implicit: 'set encryption = ssl in [mail]',
  },
};
