// Formbricks: SMTP_* handed to nodemailer with secure: SMTP_SECURE_ENABLED === "1".
// Source: formbricks/formbricks packages/lib/constants.ts (SMTP_SECURE_ENABLED = process.env.SMTP_SECURE_ENABLED
// === "1") and the email service's createTransport({host, port, secure: SMTP_SECURE_ENABLED, …}); the docs:
// "Enable SMTP_SECURE_ENABLED for TLS (port 465)", SMTP_REJECT_UNAUTHORIZED_TLS=0 accepts any certificate.
// secure is always given (false unless "1"), so nodemailer's implicit TLS on 465 never applies by itself, and
// SMTP_SECURE_ENABLED=true is not "1": it is left unknown rather than read as either.

import { VERIFY_OFF_WORDS } from './shared';
import type { FrameworkProfile } from './types';

export const formbricks: FrameworkProfile<'formbricks'> = {
  id: 'formbricks',
  name: 'Formbricks',
  docs: 'https://formbricks.com/docs/self-hosting/configuration/smtp',
  prefixes: [{ words: 'smtp', needsSignature: true }],
  keys: [
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port' },
    { key: 'user', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'secure enabled', role: 'secure', tls: { kind: 'enum', values: { 1: 'implicit', 0: 'starttls-opportunistic', '': 'starttls-opportunistic' } } },
    { key: 'reject unauthorized tls', role: 'verify', verifyOffWhen: VERIFY_OFF_WORDS },
  ],
  signature: ['secure enabled', 'reject unauthorized tls', 'authenticated'],
  tlsDefault: { otherwise: 'starttls-opportunistic' },
  tlsRecipe: {
    starttls: { keys: [{ key: 'secure enabled', value: '0' }] },
    implicit: { keys: [{ key: 'secure enabled', value: '1', add: true, spelling: 'SECURE_ENABLED' }] },
  },
  howTo: {
    starttls: 'set SMTP_SECURE_ENABLED=0 (nodemailer then upgrades with STARTTLS when offered)',
    implicit: 'set SMTP_SECURE_ENABLED=1',
  },
};
