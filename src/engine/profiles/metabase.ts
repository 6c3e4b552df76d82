// Metabase MB_EMAIL_SMTP_* (email-smtp-* settings), sent with postal (Jakarta Mail underneath).
// Source: metabase/metabase src/metabase/email.clj (047680e): email-smtp-security is one of tls, ssl, starttls,
// none, default none; add-ssl-settings maps :tls to postal's {:tls true}, :ssl to {:ssl true} (the smtps
// protocol), :starttls to {:starttls.enable true :starttls.required true}; none adds nothing, and Jakarta Mail
// then never encrypts. postal's :tls sets mail.smtp.starttls.enable (STARTTLS when offered; drewr/postal, recalled).
// No port default (the setting is required).

import type { FrameworkProfile } from './types';

export const metabase: FrameworkProfile<'metabase'> = {
  id: 'metabase',
  name: 'Metabase',
  docs: 'https://www.metabase.com/docs/latest/configuring-metabase/email',
  prefixes: [{ words: 'mb email smtp' }],
  keys: [
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port' },
    { key: 'username', role: 'user' },
    { key: 'password', role: 'password' },
    {
      key: 'security',
      role: 'secure',
      tls: { kind: 'enum', values: { ssl: 'implicit', starttls: 'starttls-required', tls: 'starttls-opportunistic', none: 'none' } },
      default: 'none',
    },
  ],
  tlsDefault: { otherwise: 'none' },
  tlsRecipe: {
    starttls: { keys: [{ key: 'security', value: 'starttls', add: true, spelling: 'security' }] },
    implicit: { keys: [{ key: 'security', value: 'ssl', add: true, spelling: 'security' }] },
  },
  howTo: {
    starttls: 'set MB_EMAIL_SMTP_SECURITY=starttls',
    implicit: 'set MB_EMAIL_SMTP_SECURITY=ssl',
  },
};
