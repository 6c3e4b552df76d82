// Go's net/smtp, as called from Go (src/engine/code/go.ts): `smtp.SendMail("host:port", …)`, `smtp.Dial("host:port")`, and
// `smtp.NewClient(conn, host)` over `tls.Dial("tcp", "host:port", cfg)` (implicit TLS, the package's only way to it).
// Source: golang/go src/net/smtp/smtp.go: Dial is `net.Dial("tcp", addr)` then NewClient, which reads the greeting in
// plain text, so against an implicit-TLS port (465) it waits until the server gives up; there is no implicit TLS in the
// package (only `tls.Dial` handed to `NewClient`). SendMail calls StartTLS when the server offers it; a Dial client
// only when the code calls `c.StartTLS(…)`. PlainAuth refuses to send credentials on an unencrypted connection except
// to localhost, so no password is read here. The TLS mode is one setting on the function name (read-only).

import type { FrameworkProfile } from './types';

export const goNetSmtp: FrameworkProfile<'go-net-smtp'> = {
  id: 'go-net-smtp',
  name: 'Go net/smtp',
  docs: 'https://pkg.go.dev/net/smtp',
  prefixes: [],
  keys: [
    { key: 'address', role: 'host', hostWithPort: true },
    { key: 'function', role: 'secure', tls: { kind: 'enum', values: { sendmail: 'starttls-opportunistic', dial: 'none', 'dial-starttls': 'starttls-required', 'tls-dial': 'implicit' } } },
    { key: 'tls config insecure skip verify', role: 'verify', verifyOffWhen: 'true' },
  ],
  tlsDefault: { otherwise: 'starttls-opportunistic' },
  // SendMail and Dial cannot start with TLS; the code must dial with tls.Dial itself.
  noImplicitTls: true,
  tlsRecipe: { starttls: { keys: [] } },
  howTo: {
    starttls: 'use smtp.SendMail, or smtp.Dial and StartTLS',
    implicit: 'dial with tls.Dial and hand the connection to smtp.NewClient (SendMail and Dial have no implicit TLS)',
  },
};
