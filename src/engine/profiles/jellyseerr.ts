// Jellyseerr / Overseerr settings.json notifications.agents.email.options (nodemailer).
// Source: Fallenbagel/jellyseerr server/lib/email/index.ts: createTransport({host: smtpHost, port: smtpPort, secure,
// ignoreTLS: ignoreTls, requireTLS: requireTls, tls.rejectUnauthorized false when allowSelfSigned, auth from authUser
// and authPass}); server/lib/settings/index.ts: defaults smtpPort 587, secure false, ignoreTls, requireTls and
// allowSelfSigned false, and the agent's `enabled` false. secure is always given, so port 465 needs secure: true.
// Overseerr (sct/overseerr), which Jellyseerr forked, writes the same settings (not checked separately).

import type { FrameworkProfile } from './types';

export const jellyseerr: FrameworkProfile<'jellyseerr'> = {
  id: 'jellyseerr',
  name: 'Jellyseerr / Overseerr',
  docs: 'https://docs.jellyseerr.dev/using-jellyseerr/notifications/email',
  prefixes: [{ words: 'email options', needsSignature: true }],
  keys: [
    { key: 'smtp host', role: 'host' },
    { key: 'smtp port', role: 'port', default: '587' },
    { key: 'auth user', role: 'user' },
    { key: 'auth pass', role: 'password' },
    { key: 'secure', role: 'secure', tls: { kind: 'implicit-flag' }, default: 'false' },
    { key: 'require tls', role: 'starttls', tls: { kind: 'require-tls-flag' } },
    { key: 'ignore tls', role: 'starttls', tls: { kind: 'no-tls-flag' } },
    { key: 'allow self signed', role: 'verify', verifyOffWhen: 'true' },
  ],
  signature: ['smtp host & allow self signed', 'smtp host & ignore tls', 'smtp host & sender name'],
  // `notifications.agents.email.enabled` beside `options`.
  transportSwitches: [{ key: 'email enabled', activeValues: /^true$/i }],
  tlsDefault: { otherwise: 'starttls-opportunistic' },
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
  // server/lib/email/index.ts passes requireTls as nodemailer's requireTLS; settings.json writes it beside the others.
  requireStarttls: { key: 'require tls', value: true, spelling: 'requireTls', add: true, howTo: 'set "requireTls": true' },
  howTo: {
    starttls: 'set "secure": false',
    implicit: 'set "secure": true',
  },
};
