// Flask-Mail: MAIL_* with Django's two flags (MAIL_USE_TLS, MAIL_USE_SSL) and MAIL_SERVER.
// Source: smtp-facts.md, section C.

import { DJANGO_STYLE_KEYS, djangoStyle } from './shared';
import type { FrameworkProfile } from './types';

export const flaskMail: FrameworkProfile<'flask-mail'> = {
  id: 'flask-mail',
  name: 'Flask-Mail',
  prefixes: [{ words: 'mail', needsSignature: true }],
  keys: DJANGO_STYLE_KEYS,
  signature: ['server', 'use tls', 'use ssl'],
  tlsDefault: { otherwise: 'none' },
  tlsRecipe: djangoStyle(false),
  spelling: { booleans: 'True' },
  howTo: {
    starttls: 'set MAIL_USE_TLS=True and MAIL_USE_SSL=False',
    implicit: 'set MAIL_USE_SSL=True and MAIL_USE_TLS=False',
  },
};
