// Roundcube (the roundcube/roundcubemail Docker image): ROUNDCUBEMAIL_SMTP_SERVER with its tls:// or ssl:// prefix,
// ROUNDCUBEMAIL_SMTP_PORT. Source: roundcube/roundcubemail-docker (ce5fe1f) apache/docker-entrypoint.sh:
// ROUNDCUBEMAIL_SMTP_SERVER:=localhost, ROUNDCUBEMAIL_SMTP_PORT:=587, written as $config['smtp_host'] =
// 'SERVER:PORT'; README.md: "prefix the host with tls:// (STARTTLS) or ssl:// (SSL/TLS)". roundcube/roundcubemail
// (28b4441) program/lib/Roundcube/rcube_smtp.php connect(): parse_host_uri(host, 587, 465), $use_tls = scheme ===
// 'tls' (passed to Net_SMTP::auth, which then sends STARTTLS), ssl:// re-added for an implicit-TLS socket; without a
// scheme no STARTTLS is sent. config.inc.php itself (`$config['smtp_host']`) is not read: its smtp_* keys are too
// generic to tell Roundcube by.

import type { FrameworkProfile } from './types';

export const roundcube: FrameworkProfile<'roundcube'> = {
  id: 'roundcube',
  name: 'Roundcube',
  docs: 'https://github.com/roundcube/roundcubemail-docker#configuration-environment-variables',
  prefixes: [{ words: 'roundcubemail smtp' }],
  keys: [
    { key: 'server', role: 'host', default: 'localhost', hostSchemes: { tls: 'starttls-required', ssl: 'implicit' } },
    // The image's default is 587 whatever the scheme: ssl:// without a port connects to 587.
    { key: 'port', role: 'port', default: '587', defaultWithImplicitTls: '587' },
  ],
  tlsDefault: { otherwise: 'none' },
  tlsRecipe: {
    starttls: { keys: [], hostScheme: 'tls' },
    implicit: { keys: [], hostScheme: 'ssl' },
  },
  howTo: {
    starttls: 'prefix ROUNDCUBEMAIL_SMTP_SERVER with tls://',
    implicit: 'prefix ROUNDCUBEMAIL_SMTP_SERVER with ssl://',
  },
};
