// Documenso: NEXT_PRIVATE_SMTP_* handed to nodemailer. Source: documenso/documenso packages/email/mailer.ts
// (commit 7533016) getTransport(): NEXT_PRIVATE_SMTP_TRANSPORT picks the transport (`env(…) ?? 'smtp-auth'`;
// 'mailchannels' and 'resend' send by HTTP API, 'smtp-api' and anything else by SMTP); createTransport({ host:
// NEXT_PRIVATE_SMTP_HOST ?? '127.0.0.1:2500', port: Number(NEXT_PRIVATE_SMTP_PORT) || 587, secure:
// NEXT_PRIVATE_SMTP_SECURE === 'true', ignoreTLS: NEXT_PRIVATE_SMTP_UNSAFE_IGNORE_TLS === 'true', auth: { user:
// NEXT_PRIVATE_SMTP_USERNAME, pass: NEXT_PRIVATE_SMTP_PASSWORD }, service: NEXT_PRIVATE_SMTP_SERVICE }); with
// 'smtp-api' the user is NEXT_PRIVATE_SMTP_APIKEY_USER (default 'apikey') and the password NEXT_PRIVATE_SMTP_APIKEY.
// `secure` is always given (false unless the string 'true'), so nodemailer's implicit TLS on 465 never applies by
// itself: without NEXT_PRIVATE_SMTP_SECURE=true, nodemailer upgrades with STARTTLS only when the server offers it.
// Documenso passes no `requireTLS`: no setting of it makes STARTTLS mandatory.

import type { FrameworkProfile } from './types';

export const documenso: FrameworkProfile<'documenso'> = {
  id: 'documenso',
  name: 'Documenso',
  docs: 'https://docs.documenso.com/developers/self-hosting/setting-up-smtp',
  prefixes: [{ words: 'next private smtp' }],
  keys: [
    // An empty or unset transport is 'smtp-auth'.
    { key: 'transport', role: 'enabled', activeValues: /^(smtp-auth|smtp-api)?$/i },
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port', default: '587' },
    { key: 'username|apikey user', role: 'user' },
    { key: 'password|apikey', role: 'password' },
    { key: 'secure', role: 'secure', tls: { kind: 'enum', values: { true: 'implicit', '': 'auto', false: 'auto' } } },
    { key: 'unsafe ignore tls', role: 'starttls', tls: { kind: 'no-tls-flag' } },
    { key: 'service', role: 'service' },
  ],
  tlsDefault: { otherwise: 'starttls-opportunistic' },
  tlsRecipe: {
    starttls: {
      keys: [
        { key: 'secure', value: false },
        { key: 'unsafe ignore tls', value: false },
      ],
    },
    implicit: { keys: [{ key: 'secure', value: true, add: true, spelling: 'SECURE' }] },
  },
  howTo: {
    starttls: 'set NEXT_PRIVATE_SMTP_SECURE=false',
    implicit: 'set NEXT_PRIVATE_SMTP_SECURE=true',
  },
};
