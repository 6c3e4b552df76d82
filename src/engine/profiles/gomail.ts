// gomail (gopkg.in/gomail.v2), as called from Go (src/engine/code/go.ts): `gomail.NewDialer(host, port, user, pass)`,
// then `d.SSL = …` and `d.TLSConfig = &tls.Config{…}`.
// Source: go-gomail/gomail smtp.go: NewDialer sets `SSL: port == 465`; Dial wraps the connection in TLS when SSL is
// set (implicit TLS), otherwise calls StartTLS when the server offers it. TLSConfig is used for both.

import { AUTO_BY_PORT } from './shared';
import type { FrameworkProfile } from './types';

export const gomail: FrameworkProfile<'gomail'> = {
  id: 'gomail',
  name: 'gomail',
  docs: 'https://pkg.go.dev/gopkg.in/gomail.v2#Dialer',
  prefixes: [],
  keys: [
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port' },
    { key: 'user', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'ssl', role: 'secure', tls: { kind: 'implicit-flag' } },
    { key: 'tls config insecure skip verify', role: 'verify', verifyOffWhen: 'true' },
  ],
  tlsDefault: AUTO_BY_PORT,
  tlsWhenImplicitOff: 'starttls-opportunistic',
  tlsRecipe: {
    starttls: { keys: [{ key: 'ssl', value: false }] },
    implicit: { keys: [{ key: 'ssl', value: true }] },
  },
  howTo: {
    starttls: 'set d.SSL = false (gomail then upgrades with STARTTLS when offered)',
    implicit: 'set d.SSL = true',
  },
};
