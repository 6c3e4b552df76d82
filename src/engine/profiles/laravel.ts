// Laravel (Symfony Mailer underneath since 9): MAIL_* with MAIL_SCHEME (11+); MAIL_ENCRYPTION is
// ignored. Source: laravel.com/docs/mail, config/mail.php (smtp-facts.md, section C).
// `.env` is read through config/mail.php: its `mailers.smtp` array names the keys (host, port, username,
// password, encryption, and scheme + url since laravel/laravel eb8085cf7, 11.x, 2024-12-13) with
// `env('MAIL_PORT', 587)` fallbacks (laravel/laravel v9.0.0 and v10.0.0 config/mail.php: smtp.mailgun.org,
// 587, encryption tls; v11.0.0: 127.0.0.1, 2525). How they reach Symfony's EsmtpTransportFactory:
// laravel/framework src/Illuminate/Mail/MailManager.php createSmtpTransport: v10.0.0-v11.x (9541779dcb,
// 2022-02-10, backported to 9.x) `scheme` or else encryption 'tls' → smtps on port 465 and smtp elsewhere;
// v11.56.0 (c07f426e8b, 2024-12-06) `scheme` or else smtps on 465 and smtp elsewhere, encryption unread.
// v9.0.0 itself mapped encryption 'tls' to smtps on any port (a bug fixed by 9541779dcb): not modelled.

import { AUTO_BY_PORT } from './shared';
import type { FrameworkProfile } from './types';

export const laravel: FrameworkProfile<'laravel'> = {
  id: 'laravel',
  name: 'Laravel',
  docs: 'https://laravel.com/docs/mail',
  // MAIL_* in .env; `mailers.smtp.*` in config/mail.php (the words `mailers smtp` name no other app).
  prefixes: [{ words: 'mail', needsSignature: true }, { words: 'mailers smtp' }],
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
  // config/mail.php: `'default' => env('MAIL_MAILER', 'log')` beside `mailers` picks the mailer; another one leaves smtp unused.
  transportSwitches: [{ key: 'default', activeValues: /^(smtp|failover|roundrobin)$/i }],
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
