// n8n: N8N_SMTP_* (nodemailer); N8N_SMTP_SSL defaults to true, a pitfall on 587.
// Source: docs.n8n.io user-management-smtp-2fa (smtp-facts.md, section C).

import { AUTO_BY_PORT } from './shared';
import type { FrameworkProfile } from './types';

export const n8n: FrameworkProfile<'n8n'> = {
  id: 'n8n',
  name: 'n8n',
  docs: 'https://docs.n8n.io/hosting/configuration/environment-variables/user-management-smtp-2fa/',
  prefixes: [{ words: 'n8n smtp' }],
  keys: [
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port', default: '465', defaultWithImplicitTls: '465' },
    { key: 'user', role: 'user' },
    { key: 'pass', role: 'password' },
    // N8N_SMTP_SSL defaults to true: implicit TLS unless set to false.
    { key: 'ssl', role: 'secure', tls: { kind: 'implicit-flag' }, default: 'true' },
    { key: 'starttls', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-opportunistic' } },
    { key: 'oauth service client|oauth private key', role: 'oauth' },
  ],
  // N8N_EMAIL_MODE: "smtp" (the default) or empty to send no mail (same docs page).
  transportSwitches: [{ key: 'n8n email mode', activeValues: /^smtp$/i }],
  tlsDefault: AUTO_BY_PORT,
  tlsWhenImplicitOff: 'starttls-opportunistic',
  tlsRecipe: {
    // N8N_SMTP_SSL defaults to true.
    starttls: {
      keys: [
        { key: 'ssl', value: false, add: true, spelling: 'ssl' },
        { key: 'starttls', value: true },
      ],
    },
    implicit: {
      keys: [
        { key: 'ssl', value: true },
        { key: 'starttls', value: false },
      ],
    },
  },
  howTo: {
    starttls: 'set N8N_SMTP_SSL=false and N8N_SMTP_STARTTLS=true',
    implicit: 'set N8N_SMTP_SSL=true',
  },
};
