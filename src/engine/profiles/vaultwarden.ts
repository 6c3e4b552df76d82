// Vaultwarden (lettre). Source: dani-garcia/vaultwarden src/config.rs: SMTP_SECURITY is one of
// "starttls" (default; STARTTLS required, port 587), "force_tls" (implicit TLS, port 465) or "off"
// (no encryption, port 25); any other value is refused at start-up. The deprecated SMTP_SSL and
// SMTP_EXPLICIT_TLS convert as: SMTP_EXPLICIT_TLS=true → force_tls (despite its name), SMTP_SSL=false →
// off, otherwise starttls (smtp_convert_deprecated_ssl_options): SMTP_SSL=true means STARTTLS here.

import type { FrameworkProfile } from './types';

export const vaultwarden: FrameworkProfile<'vaultwarden'> = {
  id: 'vaultwarden',
  name: 'Vaultwarden',
  docs: 'https://github.com/dani-garcia/vaultwarden/wiki/SMTP-Configuration',
  prefixes: [{ words: 'vaultwarden environment smtp' }, { words: 'smtp', needsSignature: true }],
  keys: [
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port', default: '587', defaultWithImplicitTls: '465' },
    { key: 'username', role: 'user' },
    { key: 'password', role: 'password' },
    {
      key: 'security',
      role: 'secure',
      // Other applications' SMTP_SECURITY words (ssl, none, tls) keep their usual meaning.
      tls: { kind: 'enum', values: { starttls: 'starttls-required', force_tls: 'implicit', off: 'none', ssl: 'implicit', none: 'none', tls: 'unknown' } },
      default: 'starttls',
    },
    { key: 'ssl', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-required' } },
    { key: 'explicit tls', role: 'secure', tls: { kind: 'implicit-flag' } },
    { key: 'accept invalid certs|accept invalid hostnames', role: 'verify', verifyOffWhen: 'true' },
    { key: 'auth mechanism', role: 'oauth' },
  ],
  signature: ['security', 'explicit tls', 'accept invalid certs', 'accept invalid hostnames', 'auth mechanism', 'embed images'],
  tlsDefault: { otherwise: 'starttls-required' },
  tlsRecipe: {
    // SMTP_SECURITY: starttls (the default) | force_tls | off; the deprecated SMTP_EXPLICIT_TLS=true means force_tls.
    starttls: {
      keys: [
        { key: 'security', value: 'starttls', add: true, keep: /^starttls$/i, spelling: 'security' },
        { key: 'explicit tls', value: false },
        { key: 'ssl', value: true },
      ],
    },
    implicit: { keys: [{ key: 'security', value: 'force_tls', add: true, keep: /^force_tls$/i, spelling: 'security' }] },
  },
  howTo: {
    starttls: 'set SMTP_SECURITY=starttls',
    implicit: 'set SMTP_SECURITY=force_tls',
  },
};
