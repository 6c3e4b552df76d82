// Paperless-ngx: PAPERLESS_EMAIL_* are handed to Django's SMTP backend under Django's names.
// Source: paperless-ngx docs/configuration.md, "Email sending" (host localhost, port 25, both flags false).

import { DJANGO_STYLE_KEYS, djangoStyle } from './shared';
import type { FrameworkProfile } from './types';

export const paperless: FrameworkProfile<'paperless'> = {
  id: 'paperless',
  name: 'Paperless-ngx',
  docs: 'https://docs.paperless-ngx.com/configuration/#email-sending',
  prefixes: [{ words: 'paperless email' }],
  keys: DJANGO_STYLE_KEYS,
  tlsDefault: { otherwise: 'none' },
  exclusiveTls: 'Paperless-ngx (Django) raises "EMAIL_USE_TLS/EMAIL_USE_SSL are mutually exclusive"',
  tlsRecipe: djangoStyle(false),
  howTo: {
    starttls: 'set PAPERLESS_EMAIL_USE_TLS=true and PAPERLESS_EMAIL_USE_SSL=false',
    implicit: 'set PAPERLESS_EMAIL_USE_SSL=true and PAPERLESS_EMAIL_USE_TLS=false',
  },
};
