// icloud-docker (mandarons/icloud-docker) config.yaml `app: smtp: {email, username, to, password, host, port, no_tls}`.
// Source: src/config_parser.py (get_smtp_* read app.smtp.<key>; no_tls defaults to False; commit a6d562b) and
// src/notify.py (_create_smtp_connection: smtplib.SMTP(host, port), then starttls() unless no_tls; login with
// username, else email). So STARTTLS is required (starttls() raises when the server does not offer it), no_tls is
// plain SMTP, and there is no implicit TLS: on 465 the plain greeting never comes. No port default (SMTP counts as
// configured only with email, host and port). `email` beside `no_tls` tells these keys from other apps' `smtp:` blocks.

import type { FrameworkProfile } from './types';

export const icloudDocker: FrameworkProfile<'icloud-docker'> = {
  id: 'icloud-docker',
  name: 'icloud-docker',
  docs: 'https://github.com/mandarons/icloud-docker#configuration',
  prefixes: [{ words: 'smtp', needsSignature: true }],
  keys: [
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port' },
    { key: 'username|email', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'no tls', role: 'starttls', tls: { kind: 'enum', values: { true: 'none', false: 'starttls-required' } } },
  ],
  signature: ['no tls & email'],
  tlsDefault: { otherwise: 'starttls-required' },
  noImplicitTls: true,
  tlsRecipe: {
    starttls: { keys: [{ key: 'no tls', value: false }] },
  },
  howTo: {
    starttls: 'set no_tls: false',
    implicit: 'use port 587 with no_tls: false (icloud-docker has no implicit TLS)',
  },
};
