// authentik: AUTHENTIK_EMAIL__* read by Django's SMTP backend (USE_TLS = STARTTLS, USE_SSL = implicit).
// Source: shared/reference/smtp-facts.md, section C (confidence L).

import { DJANGO_STYLE_KEYS, djangoStyle } from './shared';
import type { FrameworkProfile } from './types';

export const authentik: FrameworkProfile<'authentik'> = {
  id: 'authentik',
  name: 'authentik',
  prefixes: [{ words: 'authentik email' }],
  keys: DJANGO_STYLE_KEYS,
  tlsDefault: { otherwise: 'none' },
  exclusiveTls: 'authentik (Django) refuses EMAIL USE_TLS and USE_SSL together',
  tlsRecipe: djangoStyle(false),
  howTo: {
    starttls: 'set AUTHENTIK_EMAIL__USE_TLS=true and AUTHENTIK_EMAIL__USE_SSL=false',
    implicit: 'set AUTHENTIK_EMAIL__USE_SSL=true and AUTHENTIK_EMAIL__USE_TLS=false',
  },
};
