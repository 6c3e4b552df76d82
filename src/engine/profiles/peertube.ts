// PeerTube: the `smtp:` block of config/production.yaml (or PEERTUBE_SMTP_* in the Docker image), handed to
// nodemailer. Source: Chocobozzz/PeerTube server/core/lib/emailer.ts initSMTPTransport: createTransport({
// host: smtp.hostname, port: smtp.port, secure: smtp.tls, ignoreTLS: smtp.disable_starttls }), only when
// smtp.transport is 'smtp' ('sendmail' uses the sendmail binary). Defaults are not taken from the sample
// config (port 465, tls true), which the installer copies: an absent key is left unknown.

import { AUTO_BY_PORT } from './shared';
import type { FrameworkProfile } from './types';

export const peertube: FrameworkProfile<'peertube'> = {
  id: 'peertube',
  name: 'PeerTube',
  docs: 'https://docs.joinpeertube.org/maintain/configuration',
  prefixes: [{ words: 'smtp', needsSignature: true }, { words: 'peertube smtp' }],
  keys: [
    { key: 'transport', role: 'enabled', activeValues: /^smtp$/i },
    { key: 'hostname', role: 'host' },
    { key: 'port', role: 'port' },
    { key: 'username', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'tls', role: 'secure', tls: { kind: 'implicit-flag' } },
    { key: 'disable starttls', role: 'starttls', tls: { kind: 'no-tls-flag' } },
  ],
  // smtp.hostname with smtp.tls / smtp.disable_starttls / smtp.ca_file: PeerTube's own words (config/default.yaml).
  signature: ['hostname', 'ca file', 'from address'],
  tlsDefault: AUTO_BY_PORT,
  tlsWhenImplicitOff: 'starttls-opportunistic',
  tlsRecipe: {
    starttls: {
      keys: [
        { key: 'tls', value: false, add: true, spelling: 'tls' },
        { key: 'disable starttls', value: false },
      ],
    },
    implicit: { keys: [{ key: 'tls', value: true, add: true, spelling: 'tls' }] },
  },
  howTo: {
    starttls: 'set smtp.tls: false and smtp.disable_starttls: false',
    implicit: 'set smtp.tls: true',
  },
};
