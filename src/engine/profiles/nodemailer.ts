// nodemailer transport options, as written in app configs (Ghost's mail.options and others):
// `secure` is implicit TLS, else STARTTLS when offered. Source: nodemailer.com/smtp (smtp-facts.md, section C).

import { AUTO_BY_PORT, COMMON_URL_SCHEMES, NODEMAILER_KEYS } from './shared';
import type { FrameworkProfile } from './types';

export const nodemailer: FrameworkProfile<'nodemailer'> = {
  id: 'nodemailer',
  name: 'nodemailer',
  docs: 'https://nodemailer.com/smtp/',
  prefixes: [
    { words: 'mail options' },
    { words: 'transport', needsSignature: true },
    { words: 'smtp', needsSignature: true },
    { words: 'mail', needsSignature: true },
    { words: 'email', needsSignature: true },
    { words: 'mailer', needsSignature: true },
    { words: 'transport options', needsSignature: true },
  ],
  keys: NODEMAILER_KEYS,
  signature: ['auth user', 'auth pass', 'require tls', 'ignore tls', 'tls reject unauthorized', 'auth type'],
  // Ghost: mail.transport "SMTP" uses mail.options; other transports ignore them (ghost.org/docs/config/#mail).
  transportSwitches: [{ key: 'mail transport', activeValues: /^smtp$/i }],
  tlsDefault: AUTO_BY_PORT,
  tlsWhenImplicitOff: 'starttls-opportunistic',
  urlSchemes: COMMON_URL_SCHEMES,
  tlsRecipe: {
    starttls: {
      keys: [
        { key: 'secure', value: false },
        { key: 'ignore tls', value: false },
      ],
      scheme: 'smtp',
      dropOptions: /^secure$/i,
    },
    implicit: { keys: [{ key: 'secure', value: true, add: true, spelling: 'secure' }], scheme: 'smtps' },
  },
  // lib/smtp-connection/index.js: without requireTLS a missing STARTTLS offer is not an error; with it, the connection fails.
  // Added only in code (createTransport's own options): an app's config that looks like nodemailer's may not pass it on.
  requireStarttls: { key: 'require tls', value: true, spelling: 'requireTLS', add: 'code', howTo: 'set requireTLS: true' },
  howTo: {
    starttls: 'set secure: false',
    implicit: 'set secure: true',
  },
};
