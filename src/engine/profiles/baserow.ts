// Baserow: EMAIL_SMTP_* environment variables handed to Django's SMTP backend, used only when EMAIL_SMTP is set.
// Source: baserow/baserow backend/src/baserow/config/settings/base.py (0267eb9): `if os.getenv("EMAIL_SMTP", "")`
// selects django.core.mail.backends.smtp.EmailBackend, else the console backend; then
// EMAIL_USE_TLS = bool(os.getenv("EMAIL_SMTP_USE_TLS", "")) (or the old misspelling EMAIL_SMPT_USE_TLS, not read
// here), EMAIL_HOST = EMAIL_SMTP_HOST "localhost", EMAIL_PORT = EMAIL_SMTP_PORT "25", EMAIL_HOST_USER =
// EMAIL_SMTP_USER, EMAIL_HOST_PASSWORD = EMAIL_SMTP_PASSWORD, EMAIL_USE_SSL = bool(os.getenv("EMAIL_SMTP_USE_SSL",
// "")), and both on raises ImproperlyConfigured("EMAIL_SMTP_USE_SSL and EMAIL_SMTP_USE_TLS are mutually exclusive").
// bool() of a string: every non-empty value is on, `false` and `0` included, and so is EMAIL_SMTP=false. Django:
// use_tls is STARTTLS (an error when the server does not offer it), use_ssl implicit TLS.
// EMAIL_SMTP_* are common names (Directus, Twenty, Lightdash): Baserow is told by EMAIL_SMTP itself beside them.

import type { FrameworkProfile } from './types';

export const baserow: FrameworkProfile<'baserow'> = {
  id: 'baserow',
  name: 'Baserow',
  docs: 'https://baserow.io/docs/installation/configuration#email-configuration',
  prefixes: [{ words: 'email smtp', signature: ['. & host', '. & port', '. & use tls', '. & use ssl'] }],
  keys: [
    { key: 'host', role: 'host', default: 'localhost' },
    { key: 'port', role: 'port', default: '25', defaultWithImplicitTls: '25' },
    { key: 'user', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'use tls', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-required' }, nonEmptyIsTrue: true },
    { key: 'use ssl', role: 'secure', tls: { kind: 'implicit-flag' }, nonEmptyIsTrue: true },
  ],
  // EMAIL_SMTP at the group's own level: SMTP only when it is set to anything non-empty.
  transportSwitches: [{ key: 'email smtp', activeValues: /^.+$/s }],
  tlsDefault: { otherwise: 'none' },
  exclusiveTls: 'Baserow raises ImproperlyConfigured: "EMAIL_SMTP_USE_SSL and EMAIL_SMTP_USE_TLS are mutually exclusive"',
  tlsRecipe: {
    // Off is the empty string: Baserow reads `false` as on.
    starttls: {
      keys: [
        { key: 'use tls', value: 'true', add: true, spelling: 'USE_TLS' },
        { key: 'use ssl', value: '' },
      ],
    },
    implicit: {
      keys: [
        { key: 'use ssl', value: 'true', add: true, spelling: 'USE_SSL' },
        { key: 'use tls', value: '' },
      ],
    },
  },
  howTo: {
    starttls: 'set EMAIL_SMTP_USE_TLS=true and EMAIL_SMTP_USE_SSL empty',
    implicit: 'set EMAIL_SMTP_USE_SSL=true and EMAIL_SMTP_USE_TLS empty',
  },
};
