// Gitea / Forgejo [mailer]: PROTOCOL smtp | smtps | smtp+starttls…, inferred from the port when unset (≥ 1.18);
// before 1.18, HOST = host:port and IS_TLS_ENABLED = true for implicit TLS (MAILER_TYPE smtp|sendmail|dummy).
// Source: custom/conf/app.example.ini (smtp-facts.md, section C); the pre-1.18 keys as quoted in go-gitea/gitea
// issues 17033 and 10971 (test/fixtures/realworld), whose "first record does not look like a TLS handshake"
// on :587 confirms IS_TLS_ENABLED is implicit TLS.

import type { FrameworkProfile } from './types';

export const gitea: FrameworkProfile<'gitea'> = {
  id: 'gitea',
  name: 'Gitea / Forgejo',
  docs: 'https://docs.gitea.com/administration/email-setup',
  prefixes: [
    { words: 'gitea mailer' },
    { words: 'forgejo mailer' },
    { words: 'mailer', needsSignature: true },
    // The [mailer] section quoted without its header (bug reports): only with Gitea's own words.
    { words: '', signature: ['is tls enabled & passwd', 'mailer type & passwd', 'smtp addr & passwd & protocol'] },
  ],
  keys: [
    { key: 'enabled', role: 'enabled' },
    { key: 'smtp addr', role: 'host' },
    { key: 'host', role: 'host', hostWithPort: true },
    { key: 'smtp port', role: 'port' },
    { key: 'user', role: 'user' },
    { key: 'passwd', role: 'password' },
    {
      key: 'protocol',
      role: 'protocol',
      tls: { kind: 'enum', values: { smtps: 'implicit', 'smtp+starttls': 'starttls-required', smtp: 'unknown', 'smtp+unix': 'unknown', sendmail: 'unknown', dummy: 'unknown' } },
    },
    { key: 'force trust server cert', role: 'verify', verifyOffWhen: 'true' },
    { key: 'is tls enabled', role: 'secure', tls: { kind: 'implicit-flag' } },
    { key: 'mailer type', role: 'enabled', activeValues: /^smtp$/i },
  ],
  signature: ['smtp addr', 'smtp port', 'passwd', 'protocol', 'force trust server cert'],
  // With no PROTOCOL, Gitea infers it from the port.
  tlsDefault: { byPort: { 465: 'implicit', 587: 'starttls-required' }, otherwise: 'unknown' },
  tlsRecipe: {
    starttls: {
      keys: [
        { key: 'protocol', value: 'smtp+starttls', add: true, spelling: 'protocol' },
        { key: 'is tls enabled', value: false },
      ],
    },
    implicit: { keys: [{ key: 'protocol', value: 'smtps', add: true, spelling: 'protocol' }] },
  },
  howTo: {
    starttls: 'set PROTOCOL = smtp+starttls',
    implicit: 'set PROTOCOL = smtps',
  },
};
