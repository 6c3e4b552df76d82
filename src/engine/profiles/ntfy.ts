// ntfy server.yml smtp-sender-* / NTFY_SMTP_SENDER_* (e-mail notifications), sent with Go's net/smtp.
// Source: binwiederhier/ntfy server/smtp_sender.go: smtp.SendMail(smtp-sender-addr, PlainAuth when
// smtp-sender-user is set, …): STARTTLS when the server offers it, no implicit TLS (net/smtp, see go-net-smtp.ts),
// so port 465 cannot work; server/server.yml: "smtp-sender-addr is the hostname:port of the SMTP server".
// The smtp-server-* keys are ntfy's own incoming SMTP listener, not a client setting: not read here.

import type { FrameworkProfile } from './types';

export const ntfy: FrameworkProfile<'ntfy'> = {
  id: 'ntfy',
  name: 'ntfy',
  docs: 'https://docs.ntfy.sh/config/#e-mail-notifications',
  prefixes: [{ words: 'ntfy smtp sender' }, { words: 'smtp sender', needsSignature: true }],
  keys: [
    { key: 'addr', role: 'host', hostWithPort: true },
    { key: 'user', role: 'user' },
    { key: 'pass', role: 'password' },
  ],
  signature: ['addr'],
  tlsDefault: { otherwise: 'starttls-opportunistic' },
  noImplicitTls: true,
  tlsRecipe: { starttls: { keys: [] } },
  howTo: {
    starttls: 'use port 587 in smtp-sender-addr (ntfy upgrades with STARTTLS)',
    implicit: 'use port 587 in smtp-sender-addr: ntfy (Go net/smtp) has no implicit TLS',
  },
};
