// LLDAP [smtp_options] (lldap_config.toml) / LLDAP_SMTP_OPTIONS__*, sent with lettre.
// Source: lldap/lldap server/src/configuration.rs MailOptions: server "localhost", port 587, smtp_encryption TLS by
// default (and enable_password_reset false: no mail at all unless true); server/src/cli.rs SmtpEncryption NONE | TLS |
// STARTTLS (case-insensitive). server/src/mail.rs: NONE → builder_dangerous (cleartext), TLS →
// AsyncSmtpTransport::relay (implicit TLS), STARTTLS → starttls_relay (STARTTLS required). So port 587 without
// smtp_encryption = "STARTTLS" is implicit TLS against a STARTTLS port (the default since smtp_encryption came,
// commit cd0ab37, 2022; before it every connection used relay). tls_required is deprecated and "never did anything".

import type { FrameworkProfile } from './types';

export const lldap: FrameworkProfile<'lldap'> = {
  id: 'lldap',
  name: 'LLDAP',
  docs: 'https://github.com/lldap/lldap/blob/main/lldap_config.docker_template.toml',
  prefixes: [{ words: 'lldap smtp options' }, { words: 'smtp options', needsSignature: true }],
  keys: [
    { key: 'enable password reset', role: 'enabled' },
    { key: 'server', role: 'host', default: 'localhost' },
    { key: 'port', role: 'port', default: '587', defaultWithImplicitTls: '587' },
    { key: 'user', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'smtp encryption', role: 'secure', default: 'TLS', tls: { kind: 'enum', values: { none: 'none', tls: 'implicit', starttls: 'starttls-required' } } },
  ],
  signature: ['smtp encryption', 'enable password reset', 'tls required'],
  tlsDefault: { otherwise: 'implicit' },
  tlsRecipe: {
    starttls: { keys: [{ key: 'smtp encryption', value: 'STARTTLS', add: true, spelling: 'smtp_encryption' }] },
    implicit: { keys: [{ key: 'smtp encryption', value: 'TLS', add: true, spelling: 'smtp_encryption' }] },
  },
  howTo: {
    starttls: 'set smtp_encryption = "STARTTLS"',
    implicit: 'set smtp_encryption = "TLS"',
  },
};
