// Plausible CE: SMTP_HOST_* and SMTP_USER_* read by Bamboo.Mua or Bamboo.SMTPAdapter.
// Source: plausible/analytics config/runtime.exs.

import type { FrameworkProfile } from './types';

export const plausible: FrameworkProfile<'plausible'> = {
  id: 'plausible',
  name: 'Plausible',
  prefixes: [{ words: 'smtp', needsSignature: true }],
  keys: [
    { key: 'host addr', role: 'host' },
    // Bamboo.Mua (the default adapter of current Plausible CE) defaults to 587, the older Bamboo.SMTPAdapter
    // to 25: without SMTP_HOST_PORT the port is left unknown rather than guessed.
    { key: 'host port', role: 'port' },
    { key: 'user name', role: 'user' },
    { key: 'user pwd', role: 'password' },
    { key: 'host ssl enabled', role: 'secure', tls: { kind: 'implicit-flag' } },
  ],
  signature: ['host addr', 'host port', 'user pwd', 'host ssl enabled'],
  // MAILER_ADAPTER picks the transport: Bamboo.Mua (default) and Bamboo.SMTPAdapter read SMTP_*; the
  // Postmark, Mailgun, SendGrid and Mandrill adapters send over HTTP APIs (same file).
  transportSwitches: [{ key: 'mailer adapter', activeValues: /^bamboo\.(mua|smtpadapter)$/i }],
  // plausible/analytics config/runtime.exs, Bamboo.Mua: protocol :ssl when SMTP_HOST_SSL_ENABLED is true, or
  // when it is unset and the port is 465; otherwise :tcp, upgraded with STARTTLS when offered.
  tlsDefault: { byPort: { 465: 'implicit' }, otherwise: 'starttls-opportunistic' },
  tlsWhenImplicitOff: 'starttls-opportunistic',
  tlsRecipe: {
    starttls: { keys: [{ key: 'host ssl enabled', value: false }] },
    implicit: { keys: [{ key: 'host ssl enabled', value: true, add: true, spelling: 'host_ssl_enabled' }] },
  },
  howTo: {
    starttls: 'set SMTP_HOST_SSL_ENABLED=false',
    implicit: 'set SMTP_HOST_SSL_ENABLED=true',
  },
};
