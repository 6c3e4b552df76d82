// Docmost SMTP_* (nodemailer), used when MAIL_DRIVER=smtp.
// Source: docmost/docmost apps/server/src/integrations/environment/environment.service.ts: SMTP_SECURE and
// SMTP_IGNORETLS are true only when the value is "true" (case-insensitive; default "false"), MAIL_DRIVER defaults to
// "log"; apps/server/src/integrations/mail/providers/mail.provider.ts: createTransport({host, port, secure, ignoreTLS,
// auth when SMTP_USERNAME and SMTP_PASSWORD are set}). secure is always given, so nodemailer's implicit TLS on 465
// never applies by itself: port 465 needs SMTP_SECURE=true. Other words ("1", "yes") read as false: left unknown.

import type { FrameworkProfile } from './types';

export const docmost: FrameworkProfile<'docmost'> = {
  id: 'docmost',
  name: 'Docmost',
  docs: 'https://docmost.com/docs/self-hosting/environment-variables',
  prefixes: [{ words: 'smtp', needsSignature: true }],
  keys: [
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port' },
    { key: 'username', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'secure', role: 'secure', tls: { kind: 'enum', values: { true: 'implicit', false: 'starttls-opportunistic', '': 'starttls-opportunistic' } } },
    { key: 'ignoretls', role: 'starttls', tls: { kind: 'enum', values: { true: 'none', false: 'auto', '': 'auto' } } },
  ],
  signature: ['ignoretls'],
  transportSwitches: [{ key: 'mail driver', activeValues: /^smtp$/i }],
  tlsDefault: { otherwise: 'starttls-opportunistic' },
  tlsRecipe: {
    starttls: {
      keys: [
        { key: 'secure', value: false },
        { key: 'ignoretls', value: false },
      ],
    },
    implicit: { keys: [{ key: 'secure', value: true, add: true, spelling: 'SECURE' }] },
  },
  howTo: {
    starttls: 'set SMTP_SECURE=false',
    implicit: 'set SMTP_SECURE=true',
  },
};
