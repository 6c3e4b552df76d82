// Pocket ID: SMTP_HOST, _PORT, _USER, _PASSWORD, _TLS, _SKIP_CERT_VERIFY, read from the environment only with
// UI_CONFIG_DISABLED=true (PUBLIC_UI_CONFIG_DISABLED before v1); otherwise the admin UI's values are used.
// Source: pocket-id/pocket-id backend/internal/appconfig/model.go (env tags; SmtpTls default "none", no port default),
// appconfig/service.go NewService (env only when UiConfigDisabled), dto/app_config_dto.go (smtpTls oneof none starttls
// tls). email/module.go hands them to italypaleale/go-kit's emailer (not read here); before that (commit f68ad426^,
// service/email_service.go): none → smtp.Dial (plaintext), tls → DialTLS (implicit), starttls → DialStartTLS.
// Before v0.36 SMTP_TLS was a boolean and TLS followed the port (pocket-id#264): `true`/`false` stay unknown.

import type { FrameworkProfile } from './types';

export const pocketId: FrameworkProfile<'pocket-id'> = {
  id: 'pocket-id',
  name: 'Pocket ID',
  docs: 'https://pocket-id.org/docs/configuration/environment-variables',
  prefixes: [{ words: 'smtp', needsSignature: true }],
  keys: [
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port' },
    { key: 'user', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'tls', role: 'secure', default: 'none', tls: { kind: 'enum', values: { none: 'none', starttls: 'starttls-required', tls: 'implicit' } } },
    { key: 'skip cert verify', role: 'verify', verifyOffWhen: ['true', '1', 't'] },
  ],
  signature: ['skip cert verify'],
  images: /(^|\/)(pocket-id|pocketid|stonith404)\/pocket-id(:|@|$)/i,
  transportSwitches: [
    { key: 'ui config disabled', activeValues: /^(1|t|true)$/i },
    { key: 'public ui config disabled', activeValues: /^(1|t|true)$/i },
  ],
  tlsDefault: { otherwise: 'none' },
  tlsRecipe: {
    starttls: { keys: [{ key: 'tls', value: 'starttls', add: true, spelling: 'tls' }] },
    implicit: { keys: [{ key: 'tls', value: 'tls', add: true, spelling: 'tls' }] },
  },
  howTo: {
    starttls: 'set SMTP_TLS=starttls',
    implicit: 'set SMTP_TLS=tls',
  },
};
