// Synapse (Matrix homeserver): homeserver.yaml `email:` block, sent with Twisted's ESMTPSenderFactory.
// Source: element-hq/synapse synapse/config/emailconfig.py (force_tls default false; smtp_port default
// 465 with force_tls, else 25; require_transport_security default false; enable_tls default true; force_tls
// or require_transport_security with enable_tls false is a ConfigError) and synapse/handlers/send_email.py
// (enable_tls: "True to enable STARTTLS", used when the server offers it; require_tls fails the request
// when TLS is not offered; force_tls wraps the connection in TLS from the first byte: implicit TLS).

import type { FrameworkProfile } from './types';

export const synapse: FrameworkProfile<'synapse'> = {
  id: 'synapse',
  name: 'Synapse',
  docs: 'https://element-hq.github.io/synapse/latest/usage/configuration/config_documentation.html#email',
  prefixes: [{ words: 'email', needsSignature: true }],
  keys: [
    { key: 'smtp host', role: 'host', default: 'localhost' },
    { key: 'smtp port', role: 'port', default: '25', defaultWithImplicitTls: '465' },
    { key: 'smtp user', role: 'user' },
    { key: 'smtp pass', role: 'password' },
    { key: 'force tls', role: 'secure', tls: { kind: 'implicit-flag' } },
    { key: 'require transport security', role: 'starttls', tls: { kind: 'require-tls-flag' } },
    { key: 'enable tls', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-opportunistic' }, default: 'true' },
  ],
  // Keys of Synapse's email block that no other profile's `email` settings have.
  signature: ['smtp pass', 'require transport security', 'force tls', 'notif from', 'enable notifs'],
  tlsDefault: { otherwise: 'starttls-opportunistic' },
  tlsWhenImplicitOff: 'starttls-opportunistic',
  tlsRecipe: {
    starttls: {
      keys: [
        { key: 'require transport security', value: true, add: true, spelling: 'require_transport_security' },
        { key: 'force tls', value: false },
        { key: 'enable tls', value: true },
      ],
    },
    implicit: {
      keys: [
        { key: 'force tls', value: true, add: true, spelling: 'force_tls' },
        { key: 'enable tls', value: true },
      ],
    },
  },
  howTo: {
    starttls: 'set require_transport_security: true and force_tls: false',
    implicit: 'set force_tls: true',
  },
};
