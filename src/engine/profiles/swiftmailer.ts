// SwiftMailer's `new Swift_SmtpTransport($host = 'localhost', $port = 25, $encryption = null)` and its setters
// (src/engine/code/php.ts). Source: swiftmailer/swiftmailer (commit 47a4491) lib/classes/Swift/SmtpTransport.php
// and Transport/EsmtpTransport.php: setEncryption() lower-cases its value; 'tls' sends STARTTLS and fails
// without it, any other value ('ssl', 'tlsv1.2') is the stream transport, TLS from the first byte; without
// an encryption SwiftMailer never sends STARTTLS. setStreamOptions() takes the stream context options.

import type { FrameworkProfile } from './types';

export const swiftmailer: FrameworkProfile<'swiftmailer'> = {
  id: 'swiftmailer',
  name: 'SwiftMailer',
  docs: 'https://swiftmailer.symfony.com/docs/sending.html',
  prefixes: [],
  keys: [
    { key: 'host', role: 'host', default: 'localhost' },
    { key: 'port', role: 'port', default: '25', defaultWithImplicitTls: '25' },
    { key: 'username', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'encryption', role: 'secure', tls: { kind: 'enum', values: { ssl: 'implicit', tls: 'starttls-required', 'tlsv1.2': 'implicit', 'tlsv1.3': 'implicit' } } },
    { key: 'stream options ssl verify peer|stream options ssl verify peer name', role: 'verify', verifyOffWhen: 'false' },
  ],
  tlsDefault: { otherwise: 'none' },
  tlsRecipe: {
    starttls: { keys: [{ key: 'encryption', value: 'tls' }] },
    implicit: { keys: [{ key: 'encryption', value: 'ssl' }] },
  },
  howTo: {
    starttls: "use the encryption 'tls' (STARTTLS)",
    implicit: "use the encryption 'ssl'",
  },
};
