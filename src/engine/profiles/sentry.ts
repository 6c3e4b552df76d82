// Sentry (self-hosted): the mail.* options of config.yml (and SENTRY_OPTIONS["mail.*"] in sentry.conf.py), handed to
// Django's SMTP backend. Source: getsentry/sentry src/sentry/options/defaults.py: mail.backend "smtp", mail.host
// "127.0.0.1", mail.port 25, mail.use-tls False, mail.use-ssl False; src/sentry/utils/email/send.py get_connection():
// django.core.mail.get_connection(host=…, port=…, username=…, password=…, use_tls=mail.use-tls, use_ssl=mail.use-ssl)
// (STARTTLS for use-tls, implicit TLS for use-ssl, never both). getsentry/self-hosted (89a143f)
// sentry/config.example.yml: "mail.use-tls and mail.use-ssl are mutually exclusive".
// `mail.use-tls` alone is common in other apps' YAML: config.yml is told by Sentry's own mail.* options beside it.

import type { FrameworkProfile } from './types';

export const sentry: FrameworkProfile<'sentry'> = {
  id: 'sentry',
  name: 'Sentry',
  docs: 'https://develop.sentry.dev/self-hosted/email/',
  prefixes: [{ words: 'sentry options mail' }, { words: 'mail', needsSignature: true }],
  keys: [
    { key: 'host', role: 'host', default: '127.0.0.1' },
    { key: 'port', role: 'port', default: '25', defaultWithImplicitTls: '25' },
    { key: 'username', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'use tls', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-required' } },
    { key: 'use ssl', role: 'secure', tls: { kind: 'implicit-flag' } },
    { key: 'backend', role: 'enabled', activeValues: /smtp/i },
  ],
  signature: ['list namespace', 'enable replies', 'mailgun api key', 'reply hostname', 'backend & use tls', 'backend & use ssl'],
  tlsDefault: { otherwise: 'none' },
  exclusiveTls: 'Sentry (Django) raises "EMAIL_USE_TLS/EMAIL_USE_SSL are mutually exclusive"',
  tlsRecipe: {
    starttls: {
      keys: [
        { key: 'use tls', value: true, add: true, spelling: 'use-tls' },
        { key: 'use ssl', value: false },
      ],
    },
    implicit: {
      keys: [
        { key: 'use ssl', value: true, add: true, spelling: 'use-ssl' },
        { key: 'use tls', value: false },
      ],
    },
  },
  howTo: {
    starttls: 'set mail.use-tls: true and mail.use-ssl: false',
    implicit: 'set mail.use-ssl: true and mail.use-tls: false',
  },
};
