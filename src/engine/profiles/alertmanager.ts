// Prometheus Alertmanager: global smtp_* and each receiver's email_configs (smarthost, auth_*, require_tls…).
// Source: prometheus/alertmanager notify/email/email.go (Notify): implicit TLS when force_implicit_tls is true, or
// when it is unset and the smarthost port is "465"; otherwise a plain connection, upgraded with STARTTLS only when
// require_tls is true (then refused if the server does not offer it); require_tls false sends in cleartext.
// config/config.go DefaultGlobalConfig: smtp_require_tls true; config/notifiers.go EmailConfig (smarthost is
// host:port, require_tls, force_implicit_tls, tls_config). A receiver inherits the global values it does not set,
// which this profile cannot see: require_tls false is left unknown on 465 and elsewhere alike (on 465 it is still
// implicit TLS), so a global false does not make a receiver's reading wrong.

import type { FrameworkProfile } from './types';

export const alertmanager: FrameworkProfile<'alertmanager'> = {
  id: 'alertmanager',
  name: 'Alertmanager',
  docs: 'https://prometheus.io/docs/alerting/latest/configuration/#email_config',
  // `global: {smtp_smarthost: …}` and `receivers: [{email_configs: [{smarthost: …}]}]` (list items have no fixed name).
  prefixes: [{ words: '', signature: ['smtp smarthost', 'smarthost'] }],
  keys: [
    { key: 'smarthost|smtp smarthost', role: 'host', hostWithPort: true },
    { key: 'auth username|smtp auth username', role: 'user' },
    { key: 'auth password|smtp auth password', role: 'password' },
    { key: 'require tls|smtp require tls', role: 'starttls', tls: { kind: 'enum', values: { true: 'auto', false: 'unknown' } } },
    { key: 'force implicit tls|smtp force implicit tls', role: 'secure', tls: { kind: 'implicit-flag' } },
    { key: 'tls config insecure skip verify|smtp tls config insecure skip verify', role: 'verify', verifyOffWhen: 'true' },
  ],
  tlsDefault: { byPort: { 465: 'implicit' }, otherwise: 'starttls-required' },
  tlsWhenImplicitOff: 'starttls-required',
  tlsRecipe: {
    starttls: { keys: [{ key: 'force implicit tls', value: false }] },
    implicit: { keys: [{ key: 'force implicit tls', value: true }] },
  },
  howTo: {
    starttls: 'remove force_implicit_tls (or set it to false)',
    implicit: 'set force_implicit_tls: true',
  },
};
