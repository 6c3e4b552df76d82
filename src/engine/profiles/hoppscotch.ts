// Hoppscotch MAILER_* (nodemailer), read from the environment (or the admin settings stored from it).
// Source: hoppscotch/hoppscotch packages/hoppscotch-backend/src/mailer/mailer.module.ts (nothing is sent unless
// MAILER_SMTP_ENABLE is "true") and src/mailer/helper.ts (getTransportOption): with MAILER_USE_CUSTOM_CONFIGS not
// "true", the transport is the MAILER_SMTP_URL string (a nodemailer URL, read as any smtp(s):// URL is); with it
// "true", {host: MAILER_SMTP_HOST, port: MAILER_SMTP_PORT, secure: MAILER_SMTP_SECURE === "true", ignoreTLS:
// MAILER_SMTP_IGNORE_TLS === "true", tls.rejectUnauthorized: MAILER_TLS_REJECT_UNAUTHORIZED === "true"}. secure is
// always given, so 465 needs MAILER_SMTP_SECURE=true. The custom keys are this profile's group, active only in
// custom mode; in it, verification is off unless MAILER_TLS_REJECT_UNAUTHORIZED is "true".

import type { FrameworkProfile } from './types';

export const hoppscotch: FrameworkProfile<'hoppscotch'> = {
  id: 'hoppscotch',
  name: 'Hoppscotch',
  docs: 'https://docs.hoppscotch.io/documentation/self-host/community-edition/install-and-build',
  prefixes: [{ words: 'mailer', needsSignature: true }],
  keys: [
    { key: 'smtp enable', role: 'enabled', activeValues: /^true$/ },
    { key: 'smtp host', role: 'host' },
    { key: 'smtp port', role: 'port' },
    { key: 'smtp user', role: 'user' },
    { key: 'smtp password', role: 'password' },
    { key: 'smtp secure', role: 'secure', tls: { kind: 'enum', values: { true: 'implicit', false: 'starttls-opportunistic', '': 'starttls-opportunistic' } } },
    { key: 'smtp ignore tls', role: 'starttls', tls: { kind: 'enum', values: { true: 'none', false: 'auto', '': 'auto' } } },
    { key: 'tls reject unauthorized', role: 'verify', verifyOffWhen: ['false', ''], default: 'false' },
  ],
  signature: ['use custom configs', 'smtp enable', 'address from'],
  transportSwitches: [{ key: 'mailer use custom configs', activeValues: /^true$/ }],
  tlsDefault: { otherwise: 'starttls-opportunistic' },
  tlsRecipe: {
    starttls: {
      keys: [
        { key: 'smtp secure', value: false },
        { key: 'smtp ignore tls', value: false },
      ],
    },
    implicit: { keys: [{ key: 'smtp secure', value: true, add: true, spelling: 'SMTP_SECURE' }] },
  },
  howTo: {
    starttls: 'set MAILER_SMTP_SECURE=false',
    implicit: 'set MAILER_SMTP_SECURE=true',
  },
};
