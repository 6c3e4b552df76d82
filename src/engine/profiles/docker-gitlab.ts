// sameersbn/docker-gitlab (and sameersbn/docker-redmine): SMTP_* variables written into ActionMailer's
// smtp_settings. Source: sameersbn/docker-gitlab assets/runtime/config/gitlabhq/smtp_settings.rb (04ce7c9):
// enable_starttls_auto: {{SMTP_STARTTLS}}, tls: {{SMTP_TLS}}, openssl_verify_mode: "{{SMTP_OPENSSL_VERIFY_MODE}}";
// assets/runtime/env-defaults (0001125): SMTP_PORT 587, SMTP_STARTTLS true, SMTP_TLS false and
// SMTP_OPENSSL_VERIFY_MODE none, so the server's certificate is not checked unless the variable is set.
// SMTP_STARTTLS and SMTP_PASS are common names: the image is told by them together with its other words.

import { RAILS_EXCLUSIVE } from './shared';
import type { FrameworkProfile } from './types';

export const dockerGitlab: FrameworkProfile<'docker-gitlab'> = {
  id: 'docker-gitlab',
  name: 'sameersbn/docker-gitlab',
  docs: 'https://github.com/sameersbn/docker-gitlab#mail',
  prefixes: [{ words: 'smtp', needsSignature: true }],
  keys: [
    { key: 'enabled', role: 'enabled' },
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port', default: '587', defaultWithImplicitTls: '587' },
    { key: 'user', role: 'user' },
    { key: 'pass', role: 'password' },
    { key: 'starttls', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-opportunistic' }, default: 'true' },
    { key: 'tls', role: 'secure', tls: { kind: 'implicit-flag' } },
    { key: 'openssl verify mode', role: 'verify', verifyOffWhen: ['none'], default: 'none' },
    { key: 'authentication', role: 'oauth' },
  ],
  signature: ['starttls & authentication', 'starttls & domain & pass', 'openssl verify mode & pass', 'ca enabled'],
  tlsDefault: { otherwise: 'starttls-opportunistic' },
  exclusiveTls: RAILS_EXCLUSIVE,
  tlsRecipe: {
    starttls: {
      keys: [
        { key: 'starttls', value: true },
        { key: 'tls', value: false },
      ],
    },
    implicit: {
      keys: [
        { key: 'tls', value: true, add: true, spelling: 'tls' },
        { key: 'starttls', value: false, add: true, spelling: 'starttls' },
      ],
    },
  },
  howTo: {
    starttls: 'set SMTP_STARTTLS=true and SMTP_TLS=false',
    implicit: 'set SMTP_TLS=true and SMTP_STARTTLS=false',
  },
};
