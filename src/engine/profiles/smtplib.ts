// Python's smtplib, as called from code (src/engine/code/python.ts). Source: CPython Lib/smtplib.py:
// `SMTP(host='', port=0, …)` connects when given a host, and `connect()` uses `default_port` when the port is 0:
// SMTP_PORT = 25 for SMTP, SMTP_SSL_PORT = 465 for SMTP_SSL, which wraps the socket in TLS from the first byte.
// SMTP never upgrades by itself: STARTTLS happens only when the code calls `starttls()`, and `login()` before it
// sends the credentials in plain text. `ssl._create_unverified_context()` is a context with CERT_NONE and no
// host name check (Lib/ssl.py). The TLS mode is one setting on the class name (read-only for fixes): `implicit`
// for SMTP_SSL, `starttls` for SMTP whose object calls starttls(), `none` for SMTP alone.

import type { FrameworkProfile } from './types';

export const smtplib: FrameworkProfile<'smtplib'> = {
  id: 'smtplib',
  name: 'Python smtplib',
  docs: 'https://docs.python.org/3/library/smtplib.html',
  // Found by the code reader, which names its keys itself: nothing to match in config files.
  prefixes: [],
  keys: [
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port', default: '25', defaultWithImplicitTls: '465' },
    { key: 'user', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'class', role: 'secure', tls: { kind: 'enum', values: { implicit: 'implicit', starttls: 'starttls-required', none: 'none' } } },
    { key: 'context', role: 'verify', verifyOffWhen: ['unverified'] },
  ],
  tlsDefault: { otherwise: 'none' },
  tlsRecipe: {
    starttls: { keys: [{ key: 'class', value: 'starttls' }] },
    implicit: { keys: [{ key: 'class', value: 'implicit' }] },
  },
  howTo: {
    starttls: 'use smtplib.SMTP (not SMTP_SSL) and call starttls() before login()',
    implicit: 'use smtplib.SMTP_SSL',
  },
};
