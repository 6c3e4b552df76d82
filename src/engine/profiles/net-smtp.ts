// Ruby's Net::SMTP, as called from code (src/engine/code/ruby.ts). Source: ruby/net-smtp lib/net/smtp.rb
// (commit a0075eb): `new(address, port = nil, tls: false, starttls: :auto, tls_verify: true, …)` with
// `@port = (port || SMTP.default_port)`, 25 whatever the TLS mode; enable_tls/enable_ssl is TLS from the first
// byte, enable_starttls is STARTTLS required (:always), enable_starttls_auto STARTTLS when offered (:auto),
// disable_starttls none. `Net::SMTP.start(address, port, helo, user, secret, authtype)` is new(…).start(…).
// Before net-smtp 0.2.0 (commit e83bb15, "make starttls_auto the default") nothing was the default: without
// a call the connection starts in plaintext either way, so the profile says "STARTTLS when offered", the
// reading that claims less. The reader writes each call as a setting of its own (read-only: no fix edits a call).

import type { FrameworkProfile } from './types';

export const netSmtp: FrameworkProfile<'net-smtp'> = {
  id: 'net-smtp',
  name: 'Ruby Net::SMTP',
  docs: 'https://docs.ruby-lang.org/en/master/Net/SMTP.html',
  prefixes: [],
  keys: [
    { key: 'address', role: 'host' },
    { key: 'port', role: 'port', default: '25', defaultWithImplicitTls: '25' },
    { key: 'user', role: 'user' },
    { key: 'secret', role: 'password' },
    { key: 'tls', role: 'secure', tls: { kind: 'implicit-flag' } },
    { key: 'starttls', role: 'starttls', tls: { kind: 'enum', values: { always: 'starttls-required', auto: 'starttls-opportunistic', false: 'none' } } },
    { key: 'tls verify', role: 'verify', verifyOffWhen: 'false' },
  ],
  tlsDefault: { otherwise: 'starttls-opportunistic' },
  tlsRecipe: {
    starttls: { keys: [{ key: 'starttls', value: 'always' }] },
    implicit: { keys: [{ key: 'tls', value: true }] },
  },
  howTo: {
    starttls: 'call enable_starttls (not enable_tls) before start',
    implicit: 'call enable_tls before start',
  },
};
