// Roundcube, in its two places for SMTP settings; both end in rcube_smtp.php, so the host-scheme facts are shared.
// Source: roundcube/roundcubemail (28b4441) program/lib/Roundcube/rcube_smtp.php connect(): smtp_host (default
// 'localhost:587') goes through rcube_utils::parse_host_uri(host, 587, 465): a port written in the host is kept, else
// 465 for ssl:// and 587 otherwise (tls:// or no scheme); $use_tls = scheme === 'tls' sends STARTTLS (and fails
// without it), ssl:// is re-added for an implicit-TLS socket, no scheme never sends STARTTLS. smtp_conn_options is
// handed to Net_SMTP as the socket's stream context (rcube_utils::parse_socket_options also takes it per host):
// `'ssl' => ['verify_peer' => false]` accepts any certificate. smtp_user '%u' and smtp_pass '%p' (the defaults) are
// replaced by the logged-in user's name and password (str_replace('%u', …), `== '%p'`).
//
// 1. config/config.inc.php (over config/defaults.inc.php; config.inc.php.sample is the shipped start):
//    `$config['smtp_host'] = 'tls://mail.example.com:587'`. Before 1.6 (commit 893216c, "Unified and simplified
//    services connection options"): smtp_server plus smtp_port (default 587, also for ssl://; a port in smtp_server
//    wins). 1.6 reads a leftover smtp_server as smtp_host (program/lib/Roundcube/rcube_config.php $legacy_props) but
//    no longer reads smtp_port: a fix writes the port in the host, never smtp_port.
// 2. The roundcube/roundcubemail Docker image: ROUNDCUBEMAIL_SMTP_SERVER with its tls:// or ssl:// prefix,
//    ROUNDCUBEMAIL_SMTP_PORT. Source: roundcube/roundcubemail-docker (ce5fe1f) apache/docker-entrypoint.sh:
//    ROUNDCUBEMAIL_SMTP_SERVER:=localhost, ROUNDCUBEMAIL_SMTP_PORT:=587, written as $config['smtp_host'] =
//    'SERVER:PORT', so 587 whatever the scheme; README.md: "prefix the host with tls:// (STARTTLS) or ssl:// (SSL/TLS)".

import type { KeySpec, FrameworkProfile, TlsRecipe } from './types';
import type { TlsMode } from '../types';

/** The schemes rcube_smtp.php reads in the host: tls:// is STARTTLS, ssl:// implicit TLS. */
const HOST_SCHEMES: Readonly<Record<string, TlsMode>> = { tls: 'starttls-required', ssl: 'implicit' };

/** Switching TLS is switching the host's scheme. */
const RECIPE: TlsRecipe = {
  starttls: { keys: [], hostScheme: 'tls' },
  implicit: { keys: [], hostScheme: 'ssl' },
};

const CONFIG_KEYS: readonly KeySpec[] = [
  { key: 'smtp host|smtp server', role: 'host', default: 'localhost', hostSchemes: HOST_SCHEMES, hostWithPort: true },
  // smtp_port is read before 1.6 only: never added by a fix (the port goes into the host instead).
  { key: 'smtp port', role: 'port', default: '587', defaultWithImplicitTls: '465', neverAdd: true },
  { key: 'smtp user', role: 'user' },
  { key: 'smtp pass', role: 'password' },
  { key: 'smtp conn options ssl verify peer', role: 'verify', verifyOffWhen: 'false' },
  { key: 'smtp conn options ssl verify peer name', role: 'verify', verifyOffWhen: 'false', narrowerVerify: true },
];

export const roundcubeConfig: FrameworkProfile<'roundcube-config'> = {
  id: 'roundcube-config',
  name: 'Roundcube',
  docs: 'https://github.com/roundcube/roundcubemail/blob/master/config/defaults.inc.php',
  // smtp_host, smtp_user and smtp_pass are anyone's words (SMTP_HOST=… in .env files): only beside Roundcube's own
  // (config.inc.php.sample has imap_host and des_key; excerpts in issues smtp_auth_type with smtp_pass or smtp_log).
  // Not DES_KEY or DEFAULT_HOST alone: the Docker image's ROUNDCUBEMAIL_* variables (below) have them too.
  prefixes: [
    { words: '', signature: ['imap host & des key', 'smtp conn options ssl verify peer', 'smtp auth type & smtp pass', 'smtp auth type & smtp log'] },
  ],
  keys: CONFIG_KEYS,
  tlsDefault: { otherwise: 'none' },
  tlsRecipe: RECIPE,
  howTo: {
    starttls: 'prefix smtp_host with tls://',
    implicit: 'prefix smtp_host with ssl://',
  },
};

export const roundcube: FrameworkProfile<'roundcube'> = {
  id: 'roundcube',
  name: 'Roundcube',
  docs: 'https://github.com/roundcube/roundcubemail-docker#configuration-environment-variables',
  prefixes: [{ words: 'roundcubemail smtp' }],
  keys: [
    { key: 'server', role: 'host', default: 'localhost', hostSchemes: HOST_SCHEMES },
    // The image's default is 587 whatever the scheme: ssl:// without a port connects to 587.
    { key: 'port', role: 'port', default: '587', defaultWithImplicitTls: '587' },
  ],
  tlsDefault: { otherwise: 'none' },
  tlsRecipe: RECIPE,
  howTo: {
    starttls: 'prefix ROUNDCUBEMAIL_SMTP_SERVER with tls://',
    implicit: 'prefix ROUNDCUBEMAIL_SMTP_SERVER with ssl://',
  },
};
