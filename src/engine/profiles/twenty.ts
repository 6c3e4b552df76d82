// Twenty CRM EMAIL_SMTP_* (nodemailer), used when EMAIL_DRIVER is smtp (the default is the logger).
// Source: twentyhq/twenty packages/twenty-server/src/engine/core-modules/email/email-driver.factory.ts (commit
// 8f04c8d): createTransport({host, port, auth when user and password are set}) with no `secure` unless
// EMAIL_SMTP_NO_TLS, which sets secure: false and ignoreTLS: true (cleartext). So nodemailer's own choice applies:
// implicit TLS on 465, STARTTLS when offered elsewhere. EMAIL_SMTP_PORT defaults to 587 (Twenty's config variables,
// as read in an indexed copy; the file's path not checked).

import { AUTO_BY_PORT } from './shared';
import type { FrameworkProfile } from './types';

export const twenty: FrameworkProfile<'twenty'> = {
  id: 'twenty',
  name: 'Twenty',
  docs: 'https://twenty.com/developers/section/self-hosting/setup',
  prefixes: [{ words: 'email smtp', needsSignature: true }],
  keys: [
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port', default: '587' },
    { key: 'user', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'no tls', role: 'starttls', tls: { kind: 'no-tls-flag' } },
  ],
  signature: ['no tls'],
  transportSwitches: [{ key: 'email driver', activeValues: /^smtp$/i }],
  tlsDefault: AUTO_BY_PORT,
  tlsRecipe: {
    starttls: { keys: [{ key: 'no tls', value: false }] },
    implicit: { keys: [{ key: 'no tls', value: false }] },
  },
  howTo: {
    starttls: 'set EMAIL_SMTP_NO_TLS=false (Twenty then upgrades with STARTTLS)',
    implicit: 'set EMAIL_SMTP_NO_TLS=false (Twenty then uses implicit TLS on 465)',
  },
};
