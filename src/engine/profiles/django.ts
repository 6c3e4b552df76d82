// Django's EMAIL_* settings (django.core.mail.backends.smtp): EMAIL_USE_TLS is STARTTLS,
// EMAIL_USE_SSL implicit TLS, never both. Source: Django settings docs (smtp-facts.md, section C).

import { DJANGO_STYLE_KEYS, djangoStyle } from './shared';
import type { FrameworkProfile } from './types';

export const django: FrameworkProfile<'django'> = {
  id: 'django',
  name: 'Django',
  docs: 'https://docs.djangoproject.com/en/stable/ref/settings/#email-host',
  prefixes: [{ words: 'email', needsSignature: true }],
  keys: DJANGO_STYLE_KEYS,
  signature: ['host user', 'host password', 'use tls', 'use ssl', 'backend'],
  // Django only encrypts when told: EMAIL_USE_TLS (STARTTLS) or EMAIL_USE_SSL (implicit TLS).
  tlsDefault: { otherwise: 'none' },
  // django-environ's EMAIL_URL schemes.
  urlSchemes: { smtp: 'none', 'smtp+tls': 'starttls-required', 'smtp+ssl': 'implicit', smtps: 'implicit', 'submission': 'starttls-required' },
  exclusiveTls: 'Django raises "EMAIL_USE_TLS/EMAIL_USE_SSL are mutually exclusive"',
  tlsRecipe: djangoStyle(true),
  spelling: { booleans: 'True' },
  howTo: {
    starttls: 'set EMAIL_USE_TLS=True and EMAIL_USE_SSL=False',
    implicit: 'set EMAIL_USE_SSL=True and EMAIL_USE_TLS=False',
  },
};
