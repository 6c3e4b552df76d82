// Snapp (urania-dev/snapp, image uraniadev/snapp): SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASS, SMTP_FROM, SMTP_SSL
// handed to nodemailer. Source: urania-dev/snapp at commit fe2a49f: src/lib/server/db/database.ts copies the
// environment into its settings table at first start (`ENV_SMTP_SSL = env.SMTP_SSL || true`, so an unset or empty
// SMTP_SSL is stored as "true"); smtp.config.cjs builds the transport { host, port, secure: SMTP_SSL === "true",
// auth: { user: SMTP_USER, pass: SMTP_PASS } }. Before v0.8.6.3 (commit 4d535b9) the transport had `secure: true`
// written in (src/routes/api/utils/smtp-server/+server.ts), as the maintainer says in issue 46. Either way, TLS is
// implicit unless SMTP_SSL is written as something other than "true"; then nodemailer upgrades with STARTTLS only
// when the server offers it (no requireTLS is passed). Its keys are common words: it is told by its image only.

import type { FrameworkProfile } from './types';

export const snapp: FrameworkProfile<'snapp'> = {
  id: 'snapp',
  name: 'Snapp',
  docs: 'https://github.com/urania-dev/snapp#readme',
  prefixes: [{ words: 'smtp', needsSignature: true }],
  images: /(^|\/)uraniadev\/snapp(:|@|$)/i,
  keys: [
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port' },
    { key: 'user', role: 'user' },
    { key: 'pass', role: 'password' },
    // `env.SMTP_SSL || true`, then `=== "true"`: empty is true; any other written value is false.
    { key: 'ssl', role: 'secure', tls: { kind: 'enum', values: { true: 'implicit', '': 'implicit', false: 'starttls-opportunistic' } }, default: 'true' },
  ],
  signature: [],
  tlsDefault: { otherwise: 'starttls-opportunistic' },
  tlsRecipe: {
    starttls: { keys: [{ key: 'ssl', value: false, add: true, spelling: 'SSL' }] },
    implicit: { keys: [{ key: 'ssl', value: true }] },
  },
  howTo: {
    starttls: 'set SMTP_SSL=false',
    implicit: 'set SMTP_SSL=true',
  },
};
