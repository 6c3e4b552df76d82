// Outline (nodemailer). Source: outline/outline server/env.ts: SMTP_SECURE = toBoolean(SMTP_SECURE ?? "true")
// ("If true (the default) the connection will use TLS when connecting to server"), nodemailer's `secure`;
// SMTP_DISABLE_STARTTLS (default false) stops the STARTTLS upgrade. So SMTP_PORT=587 without
// SMTP_SECURE=false speaks TLS to a plaintext port.

import { AUTO_BY_PORT } from './shared';
import type { FrameworkProfile } from './types';

export const outline: FrameworkProfile<'outline'> = {
  id: 'outline',
  name: 'Outline',
  prefixes: [{ words: 'outline environment smtp' }, { words: 'smtp', needsSignature: true }],
  keys: [
    { key: 'host', role: 'host' },
    // nodemailer's port default: 465 when secure, else 587.
    { key: 'port', role: 'port', default: '587', defaultWithImplicitTls: '465' },
    { key: 'username', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'secure', role: 'secure', tls: { kind: 'implicit-flag' }, default: 'true' },
    { key: 'disable starttls', role: 'starttls', tls: { kind: 'no-tls-flag' } },
    // SMTP_SERVICE: a nodemailer well-known service name, used instead of SMTP_HOST (server/env.ts).
    { key: 'service', role: 'service' },
  ],
  signature: ['reply email', 'tls ciphers', 'disable starttls'],
  tlsDefault: AUTO_BY_PORT,
  tlsWhenImplicitOff: 'starttls-opportunistic',
  tlsRecipe: {
    // SMTP_SECURE defaults to true.
    starttls: {
      keys: [
        { key: 'secure', value: false, add: true, spelling: 'secure' },
        { key: 'disable starttls', value: false },
      ],
    },
    implicit: { keys: [{ key: 'secure', value: true }] },
  },
  howTo: {
    starttls: 'set SMTP_SECURE=false',
    implicit: 'set SMTP_SECURE=true',
  },
};
