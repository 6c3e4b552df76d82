// GoToSocial smtp-* (config.yaml) / GTS_SMTP_*, sent with Go's net/smtp.
// Source: superseriousbusiness/gotosocial internal/email/sender.go (host and port joined as host:port, PlainAuth
// when a username is set) and internal/email/common.go (smtp.SendMail): STARTTLS when the server offers it, and no
// implicit TLS at all (net/smtp, see go-net-smtp.ts), so port 465 cannot work; PlainAuth refuses to send the
// password unencrypted except to localhost. example/config.yaml: smtp-host "", smtp-port 0, smtp-username,
// smtp-password, smtp-from, smtp-disclose-recipients.

import type { FrameworkProfile } from './types';

export const gotosocial: FrameworkProfile<'gotosocial'> = {
  id: 'gotosocial',
  name: 'GoToSocial',
  docs: 'https://docs.gotosocial.org/en/latest/configuration/smtp/',
  prefixes: [{ words: 'gts smtp' }, { words: 'smtp', needsSignature: true }],
  keys: [
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port' },
    { key: 'username', role: 'user' },
    { key: 'password', role: 'password' },
  ],
  signature: ['disclose recipients'],
  tlsDefault: { otherwise: 'starttls-opportunistic' },
  noImplicitTls: true,
  tlsRecipe: { starttls: { keys: [] } },
  howTo: {
    starttls: 'use port 587 (GoToSocial upgrades with STARTTLS)',
    implicit: 'use port 587: GoToSocial (Go net/smtp) has no implicit TLS',
  },
};
