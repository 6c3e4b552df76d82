// RatticWeb: the [email] section of conf/local.cfg or /etc/ratticweb.cfg (INI, Python's RawConfigParser over
// conf/defaults.cfg), handed to Django's SMTP backend. Source: tildaslash/RatticWeb ratticweb/settings.py
// (commit 6525949): EMAIL_BACKEND = [email] backend, EMAIL_HOST = host, EMAIL_PORT = port, EMAIL_HOST_USER = user,
// EMAIL_HOST_PASSWORD = password, EMAIL_USE_TLS = confgetbool('email', 'usetls', False); there is no key for
// EMAIL_USE_SSL, so implicit TLS cannot be set (Django's default, False, stays). conf/defaults.cfg: backend
// django.core.mail.backends.smtp.EmailBackend, host localhost, port 25, usetls false. Booleans are read by
// RawConfigParser.getboolean (1/yes/true/on, 0/no/false/off).

import type { FrameworkProfile } from './types';

export const ratticweb: FrameworkProfile<'ratticweb'> = {
  id: 'ratticweb',
  name: 'RatticWeb',
  docs: 'https://github.com/tildaslash/RatticWeb/wiki',
  prefixes: [{ words: 'email', needsSignature: true }],
  keys: [
    { key: 'backend', role: 'enabled', activeValues: /smtp\.EmailBackend$/i },
    { key: 'host', role: 'host', default: 'localhost' },
    { key: 'port', role: 'port', default: '25', defaultWithImplicitTls: '25' },
    { key: 'user', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'usetls', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-required' } },
  ],
  // `usetls` in one word: RatticWeb's own.
  signature: ['usetls'],
  tlsDefault: { otherwise: 'none' },
  noImplicitTls: true,
  tlsRecipe: {
    starttls: { keys: [{ key: 'usetls', value: true, add: true, spelling: 'usetls' }] },
  },
  howTo: {
    starttls: 'set usetls = true',
    implicit: 'use port 587 with usetls = true (RatticWeb has no implicit-TLS setting)',
  },
};
