// Vikunja mailer (config.yml `mailer:` / VIKUNJA_MAILER_*), sent with go-mail.
// Source: go-vikunja/vikunja pkg/config/config.go (mailer.enabled false, port 587, forcessl false, skiptlsverify
// false) and pkg/mail/mail.go getClient: WithTLSPortPolicy(TLSOpportunistic, TLSMandatory with forcessl), then
// WithPort(mailer.port), then with forcessl WithSSLPort(true). wneessen/go-mail v0.8.1 client.go: SetTLSPortPolicy and
// SetSSLPort change the port only while it is 25, and WithSSLPort turns on implicit TLS. So forcessl is implicit TLS
// on the configured port (587 when unset), except that port 25 becomes 465; without it, opportunistic STARTTLS.

import type { FrameworkProfile } from './types';

export const vikunja: FrameworkProfile<'vikunja'> = {
  id: 'vikunja',
  name: 'Vikunja',
  docs: 'https://vikunja.io/docs/config-options#mailer',
  prefixes: [{ words: 'vikunja mailer' }, { words: 'mailer', needsSignature: true }],
  keys: [
    { key: 'enabled', role: 'enabled' },
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port', default: '587', defaultWithImplicitTls: '587', implicitTlsMovesPort: { 25: 465 } },
    { key: 'username', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'forcessl', role: 'secure', tls: { kind: 'implicit-flag' } },
    { key: 'skiptlsverify', role: 'verify', verifyOffWhen: 'true' },
  ],
  signature: ['forcessl', 'skiptlsverify', 'queuelength', 'queuetimeout', 'authtype'],
  tlsDefault: { otherwise: 'starttls-opportunistic' },
  tlsRecipe: {
    starttls: { keys: [{ key: 'forcessl', value: false }] },
    implicit: { keys: [{ key: 'forcessl', value: true, add: true, spelling: 'forcessl' }] },
  },
  howTo: {
    starttls: 'set forcessl to false (VIKUNJA_MAILER_FORCESSL=false)',
    implicit: 'set forcessl to true (VIKUNJA_MAILER_FORCESSL=true)',
  },
};
