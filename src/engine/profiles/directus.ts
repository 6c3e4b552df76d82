// Directus: EMAIL_SMTP_* handed to nodemailer when EMAIL_TRANSPORT=smtp.
// Source: directus.io/docs/configuration/email and api/src/mailer.ts (smtp-facts.md, section C).

import { AUTO_BY_PORT, VERIFY_OFF_WORDS } from './shared';
import type { FrameworkProfile } from './types';

export const directus: FrameworkProfile<'directus'> = {
  id: 'directus',
  name: 'Directus',
  docs: 'https://directus.io/docs/configuration/email',
  prefixes: [{ words: 'email smtp' }],
  keys: [
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port' },
    { key: 'user', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'secure', role: 'secure', tls: { kind: 'implicit-flag' } },
    { key: 'ignore tls', role: 'starttls', tls: { kind: 'no-tls-flag' } },
    { key: 'tls reject unauthorized', role: 'verify', verifyOffWhen: VERIFY_OFF_WORDS },
  ],
  // EMAIL_TRANSPORT defaults to sendmail; EMAIL_SMTP_* only count with "smtp" (directus.io/docs/configuration/email).
  transportSwitches: [{ key: 'email transport', activeValues: /^smtp$/i }],
  tlsDefault: AUTO_BY_PORT,
  tlsWhenImplicitOff: 'starttls-opportunistic',
  tlsRecipe: {
    starttls: {
      keys: [
        { key: 'secure', value: false },
        { key: 'ignore tls', value: false },
      ],
    },
    implicit: { keys: [{ key: 'secure', value: true, add: true, spelling: 'secure' }] },
  },
  howTo: {
    starttls: 'set EMAIL_SMTP_SECURE=false and EMAIL_SMTP_IGNORE_TLS=false',
    implicit: 'set EMAIL_SMTP_SECURE=true',
  },
};
