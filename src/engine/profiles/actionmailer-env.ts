// Apps that hand SMTP_* variables to ActionMailer: Mastodon, Chatwoot…

import type { FrameworkProfile } from './types';

export const actionmailerEnv: FrameworkProfile<'actionmailer-env'> = {
  id: 'actionmailer-env',
  name: 'ActionMailer (Mastodon, Chatwoot…)',
  docs: 'https://docs.joinmastodon.org/admin/config/#email',
  prefixes: [{ words: 'smtp', needsSignature: true }],
  keys: [
    { key: 'server|address', role: 'host' },
    { key: 'port', role: 'port' },
    { key: 'login|username|user name', role: 'user' },
    { key: 'password', role: 'password' },
    {
      key: 'enable starttls',
      role: 'starttls',
      tls: { kind: 'enum', values: { always: 'starttls-required', never: 'none', auto: 'starttls-opportunistic' } },
    },
    { key: 'enable starttls auto', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-opportunistic' } },
    { key: 'tls|ssl', role: 'secure', tls: { kind: 'implicit-flag' } },
    { key: 'openssl verify mode', role: 'verify', verifyOffWhen: ['none'] },
    { key: 'auth method|authentication', role: 'oauth' },
  ],
  signature: ['server & from address', 'login', 'enable starttls', 'enable starttls auto', 'openssl verify mode', 'delivery method', 'auth method', 'authentication'],
  tlsDefault: { otherwise: 'starttls-opportunistic' },
  tlsRecipe: {
    starttls: {
      keys: [
        { key: 'enable starttls', value: 'always', keep: /^(always|auto)$/i },
        { key: 'enable starttls auto', value: true },
        { key: 'tls', value: false },
      ],
    },
    implicit: {
      keys: [
        { key: 'tls', value: true, add: true, spelling: 'tls' },
        { key: 'enable starttls', value: 'never' },
        { key: 'enable starttls auto', value: false },
      ],
    },
  },
  // The mail gem's enable_starttls :always fails without STARTTLS; :auto (enable_starttls_auto) goes on in plaintext.
  requireStarttls: { key: 'enable starttls', value: 'always', spelling: 'ENABLE_STARTTLS', add: true, howTo: 'set SMTP_ENABLE_STARTTLS=always' },
  howTo: {
    starttls: 'set SMTP_ENABLE_STARTTLS=always and SMTP_TLS=false',
    implicit: 'set SMTP_TLS=true and SMTP_ENABLE_STARTTLS=never',
  },
};
