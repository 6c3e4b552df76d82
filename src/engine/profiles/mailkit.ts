// MailKit's SmtpClient, as called from C# (src/engine/code/csharp.ts): `Connect(host, port, SecureSocketOptions)`
// or `Connect(host, port, bool useSsl)`, then `Authenticate(user, password)`.
// Source: jstedfast/MailKit MailKit/Net/Smtp/SmtpClient.cs, ComputeDefaultValues: `Auto` on port 465 becomes
// SslOnConnect, on any other port StartTlsWhenAvailable; port 0 becomes 25 (465 with SslOnConnect).
// MailKit/MailService.cs: `Connect(host, port, useSsl)` is SslOnConnect when true, StartTlsWhenAvailable when
// false; `Connect(host, port = 0, options = Auto)`. `None` never encrypts; `StartTls` refuses a server without it.
// `ServerCertificateValidationCallback = (s, c, h, e) => true` accepts every certificate.

import { AUTO_BY_PORT } from './shared';
import type { FrameworkProfile } from './types';

export const mailkit: FrameworkProfile<'mailkit'> = {
  id: 'mailkit',
  name: 'MailKit',
  docs: 'https://mimekit.net/docs/html/T_MailKit_Security_SecureSocketOptions.htm',
  // Found by the code reader, which names its keys itself: nothing to match in config files.
  prefixes: [],
  keys: [
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port', default: '25', defaultWithImplicitTls: '465' },
    { key: 'user', role: 'user' },
    { key: 'password', role: 'password' },
    {
      key: 'secure socket options',
      role: 'secure',
      tls: {
        kind: 'enum',
        values: { none: 'none', auto: 'auto', sslonconnect: 'implicit', starttls: 'starttls-required', starttlswhenavailable: 'starttls-opportunistic', true: 'implicit', false: 'starttls-opportunistic' },
      },
    },
    { key: 'server certificate validation callback', role: 'verify', verifyOffWhen: ['accept-all'] },
  ],
  tlsDefault: AUTO_BY_PORT,
  tlsRecipe: {
    starttls: { keys: [{ key: 'secure socket options', value: 'starttls' }] },
    implicit: { keys: [{ key: 'secure socket options', value: 'sslonconnect' }] },
  },
  // SecureSocketOptions.StartTls throws when STARTTLS is not offered; StartTlsWhenAvailable (and Auto off 465) goes on in plain text.
  requireStarttls: { key: 'secure socket options', value: 'starttls', howTo: 'connect with SecureSocketOptions.StartTls' },
  howTo: {
    starttls: 'connect with SecureSocketOptions.StartTls',
    implicit: 'connect with SecureSocketOptions.SslOnConnect',
  },
};
