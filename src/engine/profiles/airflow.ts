// Apache Airflow [smtp] (airflow.cfg, or AIRFLOW__SMTP__SMTP_HOST…), sent with Python's smtplib.
// Source: apache/airflow airflow/utils/email.py (0381d08) send_mime_email: smtplib.SMTP_SSL(host, port) when
// smtp_ssl, else smtplib.SMTP(host, port), then conn.starttls() when smtp_starttls, so both on calls STARTTLS on
// a TLS connection ("STARTTLS extension not supported by server"). Defaults (airflow/config_templates/config.yml
// [smtp], as in the issue brief; not re-read here): smtp_host localhost, smtp_port 25, smtp_starttls True,
// smtp_ssl False. SMTP_SSL is given the port too: smtp_ssl alone connects to 25.

import type { FrameworkProfile } from './types';

export const airflow: FrameworkProfile<'airflow'> = {
  id: 'airflow',
  name: 'Apache Airflow',
  docs: 'https://airflow.apache.org/docs/apache-airflow/stable/howto/email-config.html',
  prefixes: [{ words: 'airflow smtp' }, { words: 'smtp', needsSignature: true }],
  keys: [
    { key: 'smtp host', role: 'host', default: 'localhost' },
    { key: 'smtp port', role: 'port', default: '25', defaultWithImplicitTls: '25' },
    { key: 'smtp user', role: 'user' },
    { key: 'smtp password', role: 'password' },
    { key: 'smtp starttls', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-required' }, default: 'True' },
    { key: 'smtp ssl', role: 'secure', tls: { kind: 'implicit-flag' } },
  ],
  // [smtp] smtp_host: the key repeats its section's name, as only Airflow does.
  signature: ['smtp host', 'smtp starttls', 'smtp ssl', 'smtp mail from'],
  tlsDefault: { otherwise: 'none' },
  exclusiveTls: 'Airflow calls starttls() on the SMTP_SSL connection: "STARTTLS extension not supported by server"',
  tlsRecipe: {
    starttls: {
      keys: [
        { key: 'smtp starttls', value: true },
        { key: 'smtp ssl', value: false },
      ],
    },
    implicit: {
      keys: [
        { key: 'smtp ssl', value: true, add: true, spelling: 'smtp_ssl' },
        { key: 'smtp starttls', value: false, add: true, spelling: 'smtp_starttls' },
      ],
    },
  },
  spelling: { booleans: 'True' },
  howTo: {
    starttls: 'set smtp_starttls = True and smtp_ssl = False',
    implicit: 'set smtp_ssl = True and smtp_starttls = False',
  },
};
