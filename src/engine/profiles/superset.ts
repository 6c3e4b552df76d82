// Apache Superset superset_config.py SMTP_* (alerts and reports), sent with Python's smtplib as Airflow does.
// Source: apache/superset superset/config.py: SMTP_HOST "localhost", SMTP_STARTTLS True, SMTP_SSL False,
// SMTP_PORT 25, SMTP_SSL_SERVER_AUTH False (True in newer releases); superset/utils/core.py send_mime_email:
// smtplib.SMTP_SSL(host, port) when SMTP_SSL, else smtplib.SMTP, then starttls() when SMTP_STARTTLS.
// SMTP_SSL/SMTP_STARTTLS are common names: Superset is told by SMTP_MAIL_FROM or SMTP_SSL_SERVER_AUTH beside them.

import type { FrameworkProfile } from './types';

export const superset: FrameworkProfile<'superset'> = {
  id: 'superset',
  name: 'Apache Superset',
  docs: 'https://superset.apache.org/docs/configuration/alerts-reports/',
  prefixes: [{ words: 'smtp', needsSignature: true }],
  keys: [
    { key: 'host', role: 'host', default: 'localhost' },
    { key: 'port', role: 'port', default: '25', defaultWithImplicitTls: '25' },
    { key: 'user', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'starttls', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-required' }, default: 'True' },
    { key: 'ssl', role: 'secure', tls: { kind: 'implicit-flag' } },
  ],
  signature: ['ssl server auth', 'mail from & starttls', 'mail from & ssl'],
  tlsDefault: { otherwise: 'none' },
  exclusiveTls: 'Superset calls starttls() on the SMTP_SSL connection: "STARTTLS extension not supported by server"',
  tlsRecipe: {
    starttls: {
      keys: [
        { key: 'starttls', value: true },
        { key: 'ssl', value: false },
      ],
    },
    implicit: {
      keys: [
        { key: 'ssl', value: true, add: true, spelling: 'SSL' },
        { key: 'starttls', value: false, add: true, spelling: 'STARTTLS' },
      ],
    },
  },
  spelling: { booleans: 'True' },
  howTo: {
    starttls: 'set SMTP_STARTTLS = True and SMTP_SSL = False',
    implicit: 'set SMTP_SSL = True and SMTP_STARTTLS = False',
  },
};
