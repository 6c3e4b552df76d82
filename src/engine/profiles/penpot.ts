// Penpot PENPOT_SMTP_* (Jakarta Mail, from Clojure).
// Source: penpot/penpot backend/src/app/main.clj (::email/sendmail reads :smtp-host, -port, -ssl, -tls, -username,
// -password); backend/src/app/email.clj: PENPOT_SMTP_TLS sets mail.smtp.starttls.enable and .required (STARTTLS
// required), PENPOT_SMTP_SSL opens the "smtps" transport (implicit TLS; the STARTTLS properties are then not read),
// the port is passed to Transport.connect as written (none: Jakarta's 25 for smtp, 465 for smtps); neither flag has a
// default (backend/src/app/config.clj), so without them mail goes in cleartext. Nothing is sent unless PENPOT_FLAGS
// has enable-smtp (docs/technical-guide/configuration.md; otherwise e-mails are only logged); before that flag,
// PENPOT_SMTP_ENABLED (default false) was the switch (deprecated in 8a0bba3c7a, 2021, removed in f9447029f3, 2022).

import { tlsFlagPair } from './shared';
import type { FrameworkProfile } from './types';

export const penpot: FrameworkProfile<'penpot'> = {
  id: 'penpot',
  name: 'Penpot',
  docs: 'https://help.penpot.app/technical-guide/configuration/#smtp',
  prefixes: [{ words: 'penpot smtp' }],
  keys: [
    { key: 'enabled', role: 'enabled' },
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port', default: '25', defaultWithImplicitTls: '465' },
    { key: 'username', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'tls', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-required' } },
    { key: 'ssl', role: 'secure', tls: { kind: 'implicit-flag' } },
  ],
  transportSwitches: [{ key: 'penpot flags', activeValues: /(^|\s)enable-smtp(\s|$)/i }],
  tlsDefault: { otherwise: 'none' },
  tlsRecipe: tlsFlagPair('tls', 'ssl'),
  howTo: {
    starttls: 'set PENPOT_SMTP_TLS=true and PENPOT_SMTP_SSL=false',
    implicit: 'set PENPOT_SMTP_SSL=true and PENPOT_SMTP_TLS=false',
  },
};
