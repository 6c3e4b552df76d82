// Healthchecks: EMAIL_* environment variables handed to Django's SMTP backend, with its own defaults.
// Source: healthchecks/healthchecks hc/settings.py (29b5ec2): SMTP is used only when EMAIL_HOST is set; then
// "port": envint("EMAIL_PORT", "587"), "use_tls": envbool("EMAIL_USE_TLS", "True"), "use_ssl":
// envbool("EMAIL_USE_SSL", "False"), "username": EMAIL_HOST_USER, "password": EMAIL_HOST_PASSWORD, passed as the
// OPTIONS of django.core.mail.backends.smtp.EmailBackend (STARTTLS for use_tls, implicit TLS for use_ssl, never
// both). Unlike Django, STARTTLS and port 587 are the defaults, so EMAIL_USE_SSL=True alone still has
// EMAIL_USE_TLS=True beside it. EMAIL_USE_VERIFICATION and EMAIL_MAIL_FROM_TMPL (same file) are Healthchecks' own.

import { DJANGO_STYLE_KEYS, djangoStyle } from './shared';
import type { FrameworkProfile, KeySpec } from './types';

const KEYS: readonly KeySpec[] = DJANGO_STYLE_KEYS.map((spec) =>
  spec.role === 'port' ? { ...spec, default: '587', defaultWithImplicitTls: '587' } : spec.key === 'use tls' ? { ...spec, default: 'True' } : spec,
);

export const healthchecks: FrameworkProfile<'healthchecks'> = {
  id: 'healthchecks',
  name: 'Healthchecks',
  docs: 'https://healthchecks.io/docs/self_hosted_configuration/#EMAIL_HOST',
  // EMAIL_* are Django's names too: Healthchecks is told by its own keys beside them.
  prefixes: [{ words: 'email', needsSignature: true }],
  keys: KEYS,
  signature: ['use verification', 'mail from tmpl'],
  tlsDefault: { otherwise: 'none' },
  exclusiveTls: 'Healthchecks (Django) raises "EMAIL_USE_TLS/EMAIL_USE_SSL are mutually exclusive"',
  tlsRecipe: {
    ...djangoStyle(false),
    // EMAIL_USE_TLS defaults to True: implicit TLS needs it written False.
    implicit: {
      keys: [
        { key: 'use ssl', value: true, add: true, spelling: 'use_ssl' },
        { key: 'use tls', value: false, add: true, spelling: 'use_tls' },
      ],
    },
  },
  spelling: { booleans: 'True' },
  howTo: {
    starttls: 'set EMAIL_USE_TLS=True and EMAIL_USE_SSL=False',
    implicit: 'set EMAIL_USE_SSL=True and EMAIL_USE_TLS=False',
  },
};
