// Weblate (the weblate/weblate Docker image): WEBLATE_EMAIL_* environment variables, handed to Django's SMTP backend.
// Source: WeblateOrg/weblate weblate/settings_docker.py ("# Email server"): EMAIL_HOST from WEBLATE_EMAIL_HOST
// (default localhost), EMAIL_HOST_USER / _PASSWORD from WEBLATE_EMAIL_HOST_USER (or _USER) / _HOST_PASSWORD (or
// _PASSWORD); EMAIL_PORT defaults to 25, 587 when WEBLATE_EMAIL_USE_TLS is set, 465 when only WEBLATE_EMAIL_USE_SSL
// is; with either flag set, USE_SSL = the flag and USE_TLS = the flag, defaulting to `not USE_SSL`; with neither,
// ports 25 and 587 get STARTTLS and 465 implicit TLS. Older images (settings_docker.py before that change) had
// USE_TLS True and port 25 by default: the same reading on 25 and 587. Because the default port depends on which
// flag is written, no port default is assumed here.

import { djangoStyle } from './shared';
import type { FrameworkProfile } from './types';

export const weblate: FrameworkProfile<'weblate'> = {
  id: 'weblate',
  name: 'Weblate',
  docs: 'https://docs.weblate.org/en/latest/admin/install/docker.html#mail-server-setup',
  prefixes: [{ words: 'weblate email' }],
  keys: [
    { key: 'host', role: 'host', default: 'localhost' },
    { key: 'port', role: 'port' },
    { key: 'host user|user', role: 'user' },
    { key: 'host password|password', role: 'password' },
    { key: 'use tls', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-required' } },
    { key: 'use ssl', role: 'secure', tls: { kind: 'implicit-flag' } },
    { key: 'backend', role: 'enabled', activeValues: /smtp/i },
  ],
  tlsDefault: { byPort: { 25: 'starttls-required', 587: 'starttls-required', 465: 'implicit' }, otherwise: 'unknown' },
  // WEBLATE_EMAIL_USE_SSL=false alone: USE_TLS defaults to `not USE_SSL`, STARTTLS.
  tlsWhenImplicitOff: 'starttls-required',
  exclusiveTls: 'Weblate (Django) raises "EMAIL_USE_TLS/EMAIL_USE_SSL are mutually exclusive"',
  tlsRecipe: djangoStyle(false),
  howTo: {
    starttls: 'set WEBLATE_EMAIL_USE_TLS=true and WEBLATE_EMAIL_USE_SSL=false',
    implicit: 'set WEBLATE_EMAIL_USE_SSL=true and WEBLATE_EMAIL_USE_TLS=false',
  },
};
