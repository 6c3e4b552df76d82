// Keila MAILER_SMTP_* with MAILER_ENABLE_SSL / MAILER_ENABLE_STARTTLS (Swoosh's SMTP adapter, gen_smtp).
// Source: pentacent/keila config/runtime.exs: used when MAILER_TYPE is "smtp" (its default); port
// MAILER_SMTP_PORT, default 587 whatever the TLS mode; MAILER_ENABLE_SSL → ssl: true (implicit TLS) and
// MAILER_ENABLE_STARTTLS → tls: :always (STARTTLS required), each true only for "1", "true" or "TRUE" (default
// "FALSE"; "True" is false too, which the case-blind reading here does not see). Without either, gen_smtp's own default tls: :if_available applies (STARTTLS when offered; gen_smtp
// gen_smtp_client.erl DEFAULT_OPTIONS, not checked here). MAILER_SMTP_USER defaults to MAILER_SMTP_FROM_EMAIL.

import type { FrameworkProfile } from './types';

export const keila: FrameworkProfile<'keila'> = {
  id: 'keila',
  name: 'Keila',
  docs: 'https://www.keila.io/docs/configuration',
  prefixes: [{ words: 'mailer', needsSignature: true }],
  keys: [
    { key: 'smtp host', role: 'host' },
    { key: 'smtp port', role: 'port', default: '587', defaultWithImplicitTls: '587' },
    { key: 'smtp user', role: 'user' },
    { key: 'smtp password', role: 'password' },
    { key: 'enable ssl', role: 'secure', tls: { kind: 'enum', values: { 1: 'implicit', true: 'implicit', false: 'auto', '': 'auto' } } },
    { key: 'enable starttls', role: 'starttls', tls: { kind: 'enum', values: { 1: 'starttls-required', true: 'starttls-required', false: 'auto', '': 'auto' } } },
    { key: 'type', role: 'enabled', activeValues: /^smtp$/ },
  ],
  signature: ['enable ssl', 'enable starttls', 'smtp from email'],
  tlsDefault: { otherwise: 'starttls-opportunistic' },
  tlsRecipe: {
    starttls: {
      keys: [
        { key: 'enable starttls', value: true, add: true, spelling: 'ENABLE_STARTTLS' },
        { key: 'enable ssl', value: false },
      ],
    },
    implicit: {
      keys: [
        { key: 'enable ssl', value: true, add: true, spelling: 'ENABLE_SSL' },
        { key: 'enable starttls', value: false },
      ],
    },
  },
  howTo: {
    starttls: 'set MAILER_ENABLE_STARTTLS=true and MAILER_ENABLE_SSL=false',
    implicit: 'set MAILER_ENABLE_SSL=true and MAILER_ENABLE_STARTTLS=false',
  },
};
