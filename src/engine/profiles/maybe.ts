// Maybe (maybe-finance/maybe, Rails): SMTP_* from the environment into ActionMailer's smtp_settings.
// Source: maybe-finance/maybe config/environments/production.rb: { address: SMTP_ADDRESS, port: SMTP_PORT,
// user_name: SMTP_USERNAME, password: SMTP_PASSWORD, tls: ENV["SMTP_TLS_ENABLED"] == "true" }; tls is the
// mail gem's implicit TLS; otherwise the mail gem's enable_starttls_auto (on by default) upgrades when offered.

import type { FrameworkProfile } from './types';

export const maybe: FrameworkProfile<'maybe'> = {
  id: 'maybe',
  name: 'Maybe',
  docs: 'https://github.com/maybe-finance/maybe/blob/main/.env.example',
  prefixes: [{ words: 'smtp', needsSignature: true }],
  keys: [
    { key: 'address', role: 'host' },
    { key: 'port', role: 'port' },
    { key: 'username', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'tls enabled', role: 'secure', tls: { kind: 'implicit-flag' } },
  ],
  signature: ['tls enabled'],
  tlsDefault: { otherwise: 'starttls-opportunistic' },
  tlsWhenImplicitOff: 'starttls-opportunistic',
  tlsRecipe: {
    starttls: { keys: [{ key: 'tls enabled', value: false }] },
    implicit: { keys: [{ key: 'tls enabled', value: true, add: true, spelling: 'tls_enabled' }] },
  },
  howTo: {
    starttls: 'set SMTP_TLS_ENABLED=false',
    implicit: 'set SMTP_TLS_ENABLED=true',
  },
};
