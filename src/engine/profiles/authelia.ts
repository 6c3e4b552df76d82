// Authelia notifier.smtp (AUTHELIA_NOTIFIER_SMTP_*), sent with go-mail.
// Source: authelia/authelia internal/notification/smtp_notifier.go (NewSMTPNotifier): the submissions:// scheme is
// implicit TLS (IsExplicitlySecure → WithSSLPort, TLSMandatory); otherwise disable_starttls → NoTLS,
// disable_require_tls → TLSOpportunistic, else TLSMandatory (STARTTLS required), for smtp:// and submission:// alike.
// internal/configuration/decode_hooks.go: an address without a scheme is smtp:// (NewAddressDefault).
// internal/configuration/schema/types_address.go: no port → 25 (smtp), 587 (submission), 465 (submissions); the
// deprecated host/port become an address whose scheme follows the port (NewSMTPAddress: 465 → submissions,
// 587 → submission, else smtp). internal/configuration/schema/notifier.go: default address smtp://localhost:25,
// tls.skip_verify, disable_starttls and disable_require_tls default false.
// So a scheme-less `address: x:465` is STARTTLS on 465 while the legacy `port: 465` is implicit TLS: port 465
// without a scheme is left unknown, and a port is not assumed when the address has none.

import { VERIFY_OFF_WORDS } from './shared';
import type { FrameworkProfile } from './types';

export const authelia: FrameworkProfile<'authelia'> = {
  id: 'authelia',
  name: 'Authelia',
  docs: 'https://www.authelia.com/configuration/notifications/smtp/',
  prefixes: [{ words: 'notifier smtp', needsSignature: true }],
  keys: [
    // The Helm chart's own switch (authelia/chartrepo charts/authelia/values.yaml: notifier.smtp.enabled).
    { key: 'enabled', role: 'enabled' },
    // `address: submission://smtp.example.com:587` is read as a URL (model.ts); `smtp.example.com:587` as host:port.
    { key: 'address', role: 'host', hostWithPort: true },
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port' },
    { key: 'username', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'disable starttls', role: 'starttls', tls: { kind: 'no-tls-flag' } },
    { key: 'disable require tls', role: 'starttls', tls: { kind: 'enum', values: { true: 'starttls-opportunistic', false: 'auto' } } },
    { key: 'tls skip verify', role: 'verify', verifyOffWhen: 'true' },
    { key: 'tls reject unauthorized', role: 'verify', verifyOffWhen: VERIFY_OFF_WORDS },
  ],
  signature: ['sender', 'disable require tls', 'disable starttls', 'startup check address', 'identifier', 'disable html emails', 'subject'],
  urlSchemes: { smtp: 'starttls-required', submission: 'starttls-required', submissions: 'implicit' },
  tlsDefault: { byPort: { 465: 'unknown' }, otherwise: 'starttls-required' },
  tlsRecipe: {
    starttls: { keys: [{ key: 'disable starttls', value: false }], scheme: 'submission' },
    implicit: { keys: [], scheme: 'submissions' },
  },
  howTo: {
    starttls: 'write the address as submission://host:587',
    implicit: 'write the address as submissions://host:465',
  },
};
