// NetBox: the EMAIL dict of configuration.py (SERVER, PORT, USERNAME, PASSWORD, USE_SSL, USE_TLS), and the
// netbox-docker image's EMAIL_* environment variables that fill it, handed to Django's SMTP backend.
// Source: netbox-community/netbox netbox/netbox/settings.py (43fe81f): EMAIL_HOST = EMAIL.get('SERVER'),
// EMAIL_HOST_USER = USERNAME, EMAIL_HOST_PASSWORD = PASSWORD, EMAIL_PORT = EMAIL.get('PORT', 25), EMAIL_USE_SSL =
// EMAIL.get('USE_SSL', False), EMAIL_USE_TLS = EMAIL.get('USE_TLS', False); configuration_example.py: SERVER
// 'localhost', PORT 25. netbox-community/netbox-docker configuration/configuration.py (27bf52c): SERVER from
// EMAIL_SERVER ('localhost'), PORT from EMAIL_PORT (25), USE_SSL/USE_TLS from EMAIL_USE_SSL/EMAIL_USE_TLS ('False'),
// USERNAME from EMAIL_USERNAME. Django: USE_TLS is STARTTLS, USE_SSL implicit TLS, both raise an error.
// EMAIL_SERVER (not Django's EMAIL_HOST) tells NetBox; with Django's semantics, misreading another app as NetBox
// changes only the names in messages.

import { DJANGO_STYLE_KEYS } from './shared';
import type { FrameworkProfile } from './types';

export const netbox: FrameworkProfile<'netbox'> = {
  id: 'netbox',
  name: 'NetBox',
  docs: 'https://netboxlabs.com/docs/netbox/configuration/miscellaneous/#email',
  prefixes: [{ words: 'email', needsSignature: true }],
  keys: DJANGO_STYLE_KEYS.filter((spec) => spec.role !== 'url' && spec.role !== 'service' && spec.role !== 'enabled'),
  signature: ['server & use tls', 'server & use ssl', 'server & username', 'server & from email'],
  tlsDefault: { otherwise: 'none' },
  exclusiveTls: 'NetBox (Django) raises "EMAIL_USE_TLS/EMAIL_USE_SSL are mutually exclusive"',
  tlsRecipe: {
    starttls: {
      keys: [
        { key: 'use tls', value: true, add: true, spelling: 'USE_TLS' },
        { key: 'use ssl', value: false },
      ],
    },
    implicit: {
      keys: [
        { key: 'use ssl', value: true, add: true, spelling: 'USE_SSL' },
        { key: 'use tls', value: false },
      ],
    },
  },
  spelling: { booleans: 'True' },
  howTo: {
    starttls: 'set EMAIL USE_TLS to True and USE_SSL to False',
    implicit: 'set EMAIL USE_SSL to True and USE_TLS to False',
  },
};
