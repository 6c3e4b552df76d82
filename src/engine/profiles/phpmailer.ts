// PHPMailer, as configured from code (src/engine/code/php.ts). Source: PHPMailer/PHPMailer src/PHPMailer.php
// (commit 4a48947): `$Host = 'localhost'`, `$Port = 25`, `$SMTPSecure = ''`, `$SMTPAutoTLS = true`,
// ENCRYPTION_STARTTLS = 'tls', ENCRYPTION_SMTPS = 'ssl'. In smtpConnect(), SMTPSecure is compared with `===`:
// 'ssl' (or an `ssl://` host prefix) opens the socket with TLS from the first byte; 'tls' (or `tls://`) sends
// STARTTLS and fails when it cannot; any other value, 'SSL' included, is neither: PHPMailer then connects in
// plaintext and upgrades only when SMTPAutoTLS is on and the server offers STARTTLS. SMTPOptions are the
// stream context options (`['ssl' => ['verify_peer' => false]]` switches verification off).

import type { FrameworkProfile } from './types';

export const phpmailer: FrameworkProfile<'phpmailer'> = {
  id: 'phpmailer',
  name: 'PHPMailer',
  docs: 'https://github.com/PHPMailer/PHPMailer/wiki/Troubleshooting',
  // Found by the code reader, which names its keys itself: nothing to match in config files.
  prefixes: [],
  keys: [
    // `Host = 'smtp.example.com:465'`: PHPMailer takes the port from the host entry.
    { key: 'host', role: 'host', default: 'localhost', hostWithPort: true },
    { key: 'port', role: 'port', default: '25', defaultWithImplicitTls: '25' },
    { key: 'username', role: 'user' },
    { key: 'password', role: 'password' },
    // The reader writes '' for a value PHPMailer does not recognise ('SSL'), as PHPMailer reads it.
    { key: 'smtp secure', role: 'secure', tls: { kind: 'enum', values: { ssl: 'implicit', tls: 'starttls-required', '': 'auto' } } },
    { key: 'smtp auto tls', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-opportunistic' } },
    { key: 'smtp options ssl verify peer|smtp options ssl verify peer name', role: 'verify', verifyOffWhen: 'false' },
  ],
  tlsDefault: { otherwise: 'starttls-opportunistic' },
  tlsRecipe: {
    // SMTPAutoTLS back on where SMTPSecure is not written: STARTTLS whenever the server offers it.
    starttls: { keys: [{ key: 'smtp secure', value: 'tls' }, { key: 'smtp auto tls', value: true }] },
    implicit: { keys: [{ key: 'smtp secure', value: 'ssl' }] },
  },
  // smtpConnect(): SMTPSecure 'tls' sends STARTTLS and fails without it; SMTPAutoTLS only upgrades when offered.
  requireStarttls: { key: 'smtp secure', value: 'tls', howTo: "set SMTPSecure = PHPMailer::ENCRYPTION_STARTTLS ('tls')" },
  howTo: {
    starttls: "set SMTPSecure = PHPMailer::ENCRYPTION_STARTTLS ('tls')",
    implicit: "set SMTPSecure = PHPMailer::ENCRYPTION_SMTPS ('ssl')",
  },
};
