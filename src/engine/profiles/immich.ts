// Immich notifications.smtp (the config file named by IMMICH_CONFIG_FILE, or the admin UI), sent with nodemailer.
// Source: immich-app/immich server/src/config.ts (commit 01809e30) defaults notifications.smtp.enabled false and
// transport { ignoreCert false, host '', port 587, secure false }; server/src/repositories/email.repository.ts
// (commit 170a2b84) createTransport({ host, port, secure, tls: { rejectUnauthorized: !ignoreCert }, auth }).
// `secure` came with immich#22833 (Oct 2025): before it nodemailer chose implicit TLS on 465 by itself, since then
// the default false is passed, so port 465 without `secure` depends on the version and is left unknown.
// notifications.smtp.enabled sits above the prefix: the groups' parent switch (`smtp: {enabled: false}`) reads it.

import type { FrameworkProfile } from './types';

export const immich: FrameworkProfile<'immich'> = {
  id: 'immich',
  name: 'Immich',
  docs: 'https://immich.app/docs/install/config-file/',
  prefixes: [{ words: 'notifications smtp transport' }],
  keys: [
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port', default: '587', defaultWithImplicitTls: '587' },
    { key: 'username', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'secure', role: 'secure', tls: { kind: 'implicit-flag' } },
    { key: 'ignore cert', role: 'verify', verifyOffWhen: 'true' },
  ],
  tlsDefault: { byPort: { 465: 'unknown' }, otherwise: 'starttls-opportunistic' },
  tlsWhenImplicitOff: 'starttls-opportunistic',
  tlsRecipe: {
    starttls: { keys: [{ key: 'secure', value: false }] },
    implicit: { keys: [{ key: 'secure', value: true, add: true, spelling: 'secure' }] },
  },
  howTo: {
    starttls: 'set notifications.smtp.transport.secure to false',
    implicit: 'set notifications.smtp.transport.secure to true',
  },
};
