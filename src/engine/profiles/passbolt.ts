// Passbolt: EMAIL_TRANSPORT_DEFAULT_* environment variables, CakePHP's EmailTransport 'default' (SmtpTransport).
// Source: passbolt/passbolt_docker (7c9e247) README.md: EMAIL_TRANSPORT_DEFAULT_HOST localhost, _PORT 25,
// _USERNAME/_PASSWORD null, _TLS null, _URL null, _CLASS_NAME Smtp; passbolt's config/app.default.php maps them to
// 'host', 'port', 'username', 'password', 'tls', 'url'. cakephp/cakephp src/Mailer/Transport/SmtpTransport.php
// _connect(): after EHLO, `if ($config['tls'])` sends STARTTLS and fails with "SMTP server did not accept the
// connection or trying to connect to non TLS SMTP server using TLS"; otherwise no STARTTLS at all. Implicit TLS is
// written as an `ssl://` prefix on the host (CakePHP's Socket opens the stream with that transport). With neither,
// the connection is plaintext.

import type { FrameworkProfile } from './types';

export const passbolt: FrameworkProfile<'passbolt'> = {
  id: 'passbolt',
  name: 'Passbolt (CakePHP)',
  docs: 'https://www.passbolt.com/docs/hosting/configure/email/',
  prefixes: [{ words: 'email transport default' }],
  keys: [
    { key: 'class name', role: 'enabled', activeValues: /smtp/i },
    { key: 'host', role: 'host', default: 'localhost', hostSchemes: { ssl: 'implicit', tls: 'implicit' } },
    { key: 'port', role: 'port', default: '25' },
    { key: 'username', role: 'user' },
    { key: 'password', role: 'password' },
    // true: STARTTLS, required; false: no STARTTLS (plaintext unless the host says ssl://).
    { key: 'tls', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-required' } },
    { key: 'url', role: 'url' },
  ],
  tlsDefault: { otherwise: 'none' },
  tlsRecipe: {
    starttls: { keys: [{ key: 'tls', value: true, add: true, spelling: 'tls' }], hostScheme: '' },
    // Implicit TLS is the host's ssl:// prefix.
    implicit: { keys: [{ key: 'tls', value: false }], hostScheme: 'ssl' },
  },
  howTo: {
    starttls: 'set EMAIL_TRANSPORT_DEFAULT_TLS=true',
    implicit: 'prefix EMAIL_TRANSPORT_DEFAULT_HOST with ssl://',
  },
};
