// Dify (API and worker): SMTP_* environment variables, used when MAIL_TYPE=smtp, sent with Python's smtplib.
// Source: langgenius/dify api/configs/feature/__init__.py MailConfig: MAIL_TYPE None ('smtp', 'resend' or
// 'sendgrid'), SMTP_SERVER None, SMTP_PORT 465, SMTP_USERNAME, SMTP_PASSWORD, SMTP_USE_TLS False,
// SMTP_OPPORTUNISTIC_TLS False. api/libs/smtp.py (87122bd) and api/libs/mail/smtp.py (1434131) SMTPClient:
// smtplib.SMTP_SSL(server, port) when use_tls and not opportunistic_tls (implicit TLS); smtplib.SMTP then
// starttls() when use_tls and opportunistic_tls (STARTTLS, an error when the server does not offer it); plain
// smtplib.SMTP otherwise. So SMTP_OPPORTUNISTIC_TLS changes what SMTP_USE_TLS means (KeySpec.tlsIf).
// api/extensions/ext_mail.py: "SMTP_OPPORTUNISTIC_TLS is not supported without enabling SMTP_USE_TLS".
// SMTP_SERVER/SMTP_USE_TLS are common names: Dify is told by SMTP_OPPORTUNISTIC_TLS beside them.

import type { FrameworkProfile } from './types';

export const dify: FrameworkProfile<'dify'> = {
  id: 'dify',
  name: 'Dify',
  docs: 'https://docs.dify.ai/getting-started/install-self-hosted/environments',
  prefixes: [{ words: 'smtp', needsSignature: true }],
  keys: [
    { key: 'server', role: 'host' },
    { key: 'port', role: 'port', default: '465', defaultWithImplicitTls: '465' },
    { key: 'username', role: 'user' },
    { key: 'password', role: 'password' },
    {
      key: 'use tls',
      role: 'secure',
      tls: { kind: 'implicit-flag' },
      tlsIf: [{ key: 'opportunistic tls', is: true, tls: { kind: 'starttls-flag', mode: 'starttls-required' } }],
      default: 'false',
    },
    { key: 'opportunistic tls', role: 'starttls', default: 'false' },
  ],
  signature: ['opportunistic tls & use tls', 'opportunistic tls & server'],
  // MAIL_TYPE beside SMTP_*: the SMTP settings are used only when it says smtp.
  transportSwitches: [{ key: 'mail type', activeValues: /^smtp$/i }],
  tlsDefault: { otherwise: 'none' },
  // SMTP_USE_TLS=false is plain smtplib.SMTP, whatever SMTP_OPPORTUNISTIC_TLS says.
  tlsWhenImplicitOff: 'none',
  tlsRecipe: {
    starttls: {
      keys: [
        { key: 'use tls', value: true, add: true, spelling: 'USE_TLS' },
        { key: 'opportunistic tls', value: true, add: true, spelling: 'OPPORTUNISTIC_TLS' },
      ],
    },
    implicit: {
      keys: [
        { key: 'use tls', value: true, add: true, spelling: 'USE_TLS' },
        { key: 'opportunistic tls', value: false },
      ],
    },
  },
  howTo: {
    starttls: 'set SMTP_USE_TLS=true and SMTP_OPPORTUNISTIC_TLS=true',
    implicit: 'set SMTP_USE_TLS=true and SMTP_OPPORTUNISTIC_TLS=false',
  },
};
