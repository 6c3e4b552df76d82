// Mealie: SMTP_* environment variables, sent with Python's smtplib.
// Source: mealie-recipes/mealie (b5643a9) mealie/core/settings/settings.py: SMTP_HOST None, SMTP_PORT "587",
// SMTP_USER, SMTP_PASSWORD, SMTP_AUTH_STRATEGY "TLS" ("Options: 'TLS', 'SSL', 'NONE'"); mealie/services/email/
// email_senders.py: tls = SMTP_AUTH_STRATEGY.upper() == "TLS", ssl = … == "SSL" (an empty value is neither);
// ssl → smtplib.SMTP_SSL(host, port), else smtplib.SMTP(host, port) and starttls() when tls (smtplib raises
// when the server does not offer it). The port stays 587 whatever the strategy: SSL without SMTP_PORT connects to 587.

import type { FrameworkProfile } from './types';

export const mealie: FrameworkProfile<'mealie'> = {
  id: 'mealie',
  name: 'Mealie',
  docs: 'https://docs.mealie.io/documentation/getting-started/installation/backend-config/#email',
  prefixes: [{ words: 'smtp', needsSignature: true }],
  keys: [
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port', default: '587', defaultWithImplicitTls: '587' },
    { key: 'user', role: 'user' },
    { key: 'password', role: 'password' },
    {
      key: 'auth strategy',
      role: 'secure',
      tls: { kind: 'enum', values: { tls: 'starttls-required', ssl: 'implicit', none: 'none', '': 'none' } },
      default: 'TLS',
    },
  ],
  signature: ['auth strategy'],
  tlsDefault: { otherwise: 'none' },
  tlsRecipe: {
    starttls: { keys: [{ key: 'auth strategy', value: 'TLS', add: true, spelling: 'auth_strategy' }] },
    implicit: { keys: [{ key: 'auth strategy', value: 'SSL', add: true, spelling: 'auth_strategy' }] },
  },
  howTo: {
    starttls: 'set SMTP_AUTH_STRATEGY=TLS',
    implicit: 'set SMTP_AUTH_STRATEGY=SSL',
  },
};
