// Laravel (Symfony Mailer underneath since 9): MAIL_* with MAIL_SCHEME (11+); MAIL_ENCRYPTION is
// ignored. Source: laravel.com/docs/mail, config/mail.php (smtp-facts.md, section C).

import { AUTO_BY_PORT } from './shared';
import type { FrameworkProfile } from './types';

export const laravel: FrameworkProfile<'laravel'> = {
  id: 'laravel',
  name: 'Laravel',
  docs: 'https://laravel.com/docs/mail',
  prefixes: [{ words: 'mail', needsSignature: true }],
  keys: [
    { key: 'mailer|driver', role: 'enabled', activeValues: /^(smtp|failover|roundrobin)$/i },
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port', default: '587' },
    { key: 'username', role: 'user' },
    { key: 'password', role: 'password' },
    // Laravel 11+ reads MAIL_SCHEME; with none it uses smtps on 465 and smtp (Symfony's automatic STARTTLS) elsewhere.
    { key: 'scheme', role: 'protocol', tls: { kind: 'enum', values: { smtps: 'implicit', smtp: 'auto', null: 'auto' } } },
    // MAIL_ENCRYPTION is ignored by Laravel 11+, and never forces implicit TLS on other ports in Laravel 9-10 (Symfony Mailer).
    { key: 'encryption', role: 'protocol', tls: { kind: 'enum', values: { tls: 'auto', ssl: 'auto', null: 'auto', starttls: 'auto' } } },
    { key: 'url', role: 'url' },
  ],
  signature: ['mailer', 'driver', 'encryption', 'scheme', 'from address', 'from name', 'ehlo domain', 'url'],
  tlsDefault: AUTO_BY_PORT,
  urlSchemes: { smtps: 'implicit', smtp: 'auto' },
  tlsRecipe: {
    // Laravel 11+: MAIL_SCHEME; without one, smtps on 465 and smtp (automatic STARTTLS) elsewhere.
    starttls: { keys: [{ key: 'scheme', value: 'smtp', keep: /^(smtp|null|)$/i }], scheme: 'smtp' },
    implicit: { keys: [{ key: 'scheme', value: 'smtps', add: true }], scheme: 'smtps' },
  },
  howTo: {
    starttls: 'set MAIL_SCHEME=smtp',
    implicit: 'set MAIL_SCHEME=smtps',
  },
};
