// Lightdash: EMAIL_SMTP_* (nodemailer); EMAIL_SMTP_SECURE defaults to true.
// Source: docs.lightdash.com, configure SMTP (smtp-facts.md, section C).

import { AUTO_BY_PORT } from './shared';
import type { FrameworkProfile } from './types';

export const lightdash: FrameworkProfile<'lightdash'> = {
  id: 'lightdash',
  name: 'Lightdash',
  prefixes: [{ words: 'email smtp', needsSignature: true }],
  keys: [
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port', default: '587', defaultWithImplicitTls: '587' },
    { key: 'user', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'access token', role: 'oauth' },
    { key: 'secure', role: 'secure', tls: { kind: 'implicit-flag' }, default: 'true' },
    { key: 'allow invalid cert', role: 'verify', verifyOffWhen: 'true' },
  ],
  signature: ['sender email', 'sender name', 'allow invalid cert', 'access token'],
  tlsDefault: AUTO_BY_PORT,
  tlsWhenImplicitOff: 'starttls-opportunistic',
  tlsRecipe: {
    // EMAIL_SMTP_SECURE defaults to true.
    starttls: { keys: [{ key: 'secure', value: false, add: true, spelling: 'secure' }] },
    implicit: { keys: [{ key: 'secure', value: true }] },
  },
  howTo: {
    starttls: 'set EMAIL_SMTP_SECURE=false',
    implicit: 'set EMAIL_SMTP_SECURE=true',
  },
};
