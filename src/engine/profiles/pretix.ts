// pretix: the [mail] section of pretix.cfg, handed to Django's SMTP backend under Django's names.
// Source: pretix/pretix src/pretix/settings.py: EMAIL_HOST = config.get('mail', 'host', fallback='localhost'),
// EMAIL_PORT = config.getint('mail', 'port', fallback=25), EMAIL_HOST_USER 'user', EMAIL_HOST_PASSWORD 'password',
// EMAIL_USE_TLS = config.getboolean('mail', 'tls', fallback=False) (STARTTLS), EMAIL_USE_SSL = … 'ssl' (implicit TLS);
// getboolean reads on/off, yes/no, true/false, 1/0. Not re-read here: pretix's EnvOrParserConfig also takes each option
// from PRETIX_<SECTION>_<OPTION> (PRETIX_MAIL_TLS), hence the second prefix.
// A [mail] section is common: pretix is told by its `admins` option, or by from, tls and ssl written together.

import { tlsFlagPair } from './shared';
import type { FrameworkProfile } from './types';

export const pretix: FrameworkProfile<'pretix'> = {
  id: 'pretix',
  name: 'pretix',
  docs: 'https://docs.pretix.eu/en/latest/admin/config.html#mail',
  prefixes: [{ words: 'pretix mail' }, { words: 'mail', needsSignature: true }],
  keys: [
    { key: 'host', role: 'host', default: 'localhost' },
    { key: 'port', role: 'port', default: '25', defaultWithImplicitTls: '25' },
    { key: 'user', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'tls', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-required' } },
    { key: 'ssl', role: 'secure', tls: { kind: 'implicit-flag' } },
  ],
  signature: ['admins', 'from & tls & ssl'],
  tlsDefault: { otherwise: 'none' },
  exclusiveTls: 'pretix (Django) raises "EMAIL_USE_TLS/EMAIL_USE_SSL are mutually exclusive"',
  tlsRecipe: tlsFlagPair('tls', 'ssl'),
  howTo: {
    starttls: 'set tls=on and ssl=off in [mail]',
    implicit: 'set ssl=on and tls=off in [mail]',
  },
};
