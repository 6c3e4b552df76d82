// Cal.com EMAIL_SERVER_HOST / _PORT / _USER / _PASSWORD (nodemailer).
// Source: calcom/cal.com packages/lib/serverConfig.ts (detectTransport, commit 2348d21): EMAIL_SERVER (a nodemailer
// URL) wins when set; else with EMAIL_SERVER_HOST, createTransport({host, port: parseInt(EMAIL_SERVER_PORT), auth,
// secure: port === 465, tls.rejectUnauthorized: false only in development}); without either, sendmail. So the TLS
// mode always follows the port: implicit TLS on 465, STARTTLS when offered elsewhere; there is no switch to get wrong,
// only the port. EMAIL_SERVER itself is read as any smtp(s):// URL is.

import type { FrameworkProfile } from './types';

export const calcom: FrameworkProfile<'calcom'> = {
  id: 'calcom',
  name: 'Cal.com',
  docs: 'https://cal.com/docs/self-hosting/installation',
  prefixes: [{ words: 'email server' }],
  keys: [
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port' },
    { key: 'user', role: 'user' },
    { key: 'password', role: 'password' },
  ],
  tlsDefault: { byPort: { 465: 'implicit' }, otherwise: 'starttls-opportunistic' },
  tlsRecipe: { starttls: { keys: [] }, implicit: { keys: [] } },
  howTo: {
    starttls: 'use EMAIL_SERVER_PORT=587 (Cal.com uses implicit TLS only on 465)',
    implicit: 'use EMAIL_SERVER_PORT=465 (Cal.com then uses implicit TLS)',
  },
};
