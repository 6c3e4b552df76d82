// Grafana [smtp] / GF_SMTP_*: host is host:port; startTLS_policy; implicit TLS on 465.
// Source: Grafana's conf sample (smtp-facts.md, section C).

import { AUTO_BY_PORT } from './shared';
import type { FrameworkProfile } from './types';

export const grafana: FrameworkProfile<'grafana'> = {
  id: 'grafana',
  name: 'Grafana',
  docs: 'https://grafana.com/docs/grafana/latest/setup-grafana/configure-grafana/#smtp',
  prefixes: [{ words: 'gf smtp' }, { words: 'smtp', needsSignature: true }],
  keys: [
    { key: 'enabled', role: 'enabled' },
    { key: 'host', role: 'host', default: 'localhost:25', hostWithPort: true },
    { key: 'user', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'skip verify', role: 'verify', verifyOffWhen: 'true' },
    {
      key: 'start tls policy|starttls policy',
      role: 'starttls',
      tls: {
        kind: 'enum',
        values: { mandatorystarttls: 'starttls-required', opportunisticstarttls: 'auto', nostarttls: 'none', '': 'auto' },
      },
    },
  ],
  signature: ['skip verify', 'start tls policy', 'starttls policy', 'from address', 'from name', 'ehlo identity', 'cert file'],
  // Grafana's dialer uses implicit TLS on 465 and opportunistic STARTTLS elsewhere.
  tlsDefault: AUTO_BY_PORT,
  tlsRecipe: {
    // Grafana uses implicit TLS on 465 and STARTTLS elsewhere: the port (in `host = x:587`) decides.
    starttls: { keys: [{ key: 'start tls policy', value: 'MandatoryStartTLS', keep: /^(mandatorystarttls|opportunisticstarttls)$/i }] },
    implicit: { keys: [] },
  },
  // startTLS_policy: OpportunisticStartTLS (the default), MandatoryStartTLS or NoStartTLS.
  requireStarttls: { key: 'start tls policy', value: 'MandatoryStartTLS', spelling: 'startTLS_policy', howTo: 'set startTLS_policy = MandatoryStartTLS' },
  howTo: {
    starttls: 'set startTLS_policy = MandatoryStartTLS',
    implicit: 'use port 465 (Grafana then uses implicit TLS)',
  },
};
