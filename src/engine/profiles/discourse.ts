// Discourse: DISCOURSE_SMTP_* (Ruby's mail gem); STARTTLS by default, FORCE_TLS for implicit TLS.
// Source: discourse/discourse PR 11733 (FORCE_TLS), samples/standalone.yml (smtp-facts.md, section C).

import type { FrameworkProfile } from './types';

export const discourse: FrameworkProfile<'discourse'> = {
  id: 'discourse',
  name: 'Discourse',
  docs: 'https://github.com/discourse/discourse/blob/main/docs/INSTALL-email.md',
  prefixes: [{ words: 'discourse smtp' }],
  keys: [
    { key: 'address', role: 'host' },
    { key: 'port', role: 'port' },
    { key: 'user name', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'enable start tls', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-opportunistic' } },
    { key: 'force tls', role: 'secure', tls: { kind: 'implicit-flag' } },
    { key: 'openssl verify mode', role: 'verify', verifyOffWhen: ['none'] },
  ],
  tlsDefault: { otherwise: 'starttls-opportunistic' },
  tlsRecipe: {
    starttls: {
      keys: [
        { key: 'enable start tls', value: true, add: true, spelling: 'enable_start_tls' },
        { key: 'force tls', value: false },
      ],
    },
    implicit: {
      keys: [
        { key: 'force tls', value: true, add: true, spelling: 'force_tls' },
        { key: 'enable start tls', value: false },
      ],
    },
  },
  howTo: {
    starttls: 'set DISCOURSE_SMTP_ENABLE_START_TLS=true and DISCOURSE_SMTP_FORCE_TLS=false',
    implicit: 'set DISCOURSE_SMTP_FORCE_TLS=true',
  },
};
