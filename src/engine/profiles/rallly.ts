// Rallly SMTP_* (nodemailer), used when EMAIL_PROVIDER is "smtp" (its default).
// Source: lukevella/rallly packages/emails/src/transport.ts: createTransport({host: SMTP_HOST, port (SMTP_PORT, else
// unset), secure: SMTP_SECURE === "true", auth from SMTP_USER / SMTP_PWD, tls.rejectUnauthorized:
// SMTP_REJECT_UNAUTHORIZED !== "false"}); apps/web/src/env.ts: SMTP_SECURE and SMTP_REJECT_UNAUTHORIZED are
// "true" | "false". secure is always given, so port 465 needs SMTP_SECURE=true; without SMTP_PORT nodemailer uses 587,
// or 465 when secure. SMTP_TLS_ENABLED is deprecated and does nothing now (from commit fe2a0fad3 until a35af3947 its
// "true" turned certificate checks off): it is not read.

import type { FrameworkProfile } from './types';

export const rallly: FrameworkProfile<'rallly'> = {
  id: 'rallly',
  name: 'Rallly',
  docs: 'https://support.rallly.co/self-hosting/configuration-options',
  prefixes: [{ words: 'smtp', needsSignature: true }],
  keys: [
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port', default: '587', defaultWithImplicitTls: '465' },
    { key: 'user', role: 'user' },
    { key: 'pwd', role: 'password' },
    { key: 'secure', role: 'secure', tls: { kind: 'enum', values: { true: 'implicit', false: 'starttls-opportunistic', '': 'starttls-opportunistic' } } },
    { key: 'reject unauthorized', role: 'verify', verifyOffWhen: ['false'] },
  ],
  signature: ['pwd & secure', 'pwd & tls enabled', 'pwd & reject unauthorized'],
  transportSwitches: [{ key: 'email provider', activeValues: /^smtp$/ }],
  tlsDefault: { otherwise: 'starttls-opportunistic' },
  tlsRecipe: {
    starttls: { keys: [{ key: 'secure', value: false }] },
    implicit: { keys: [{ key: 'secure', value: true, add: true, spelling: 'SECURE' }] },
  },
  howTo: {
    starttls: 'set SMTP_SECURE=false',
    implicit: 'set SMTP_SECURE=true',
  },
};
