// Symfony Mailer MAILER_DSN: smtp:// (STARTTLS when offered, implicit TLS on 465) or smtps://.
// Source: symfony.com/doc/current/mailer.html (smtp-facts.md, section C).

import { AUTO_BY_PORT } from './shared';
import type { FrameworkProfile } from './types';

export const symfony: FrameworkProfile<'symfony'> = {
  id: 'symfony',
  name: 'Symfony Mailer',
  docs: 'https://symfony.com/doc/current/mailer.html',
  prefixes: [{ words: '' }],
  keys: [{ key: 'mailer dsn|mailer url', role: 'url' }],
  tlsDefault: AUTO_BY_PORT,
  urlSchemes: { smtps: 'implicit', smtp: 'auto' },
  tlsRecipe: {
    starttls: { keys: [], scheme: 'smtp' },
    implicit: { keys: [], scheme: 'smtps' },
  },
  // The DSN option require_tls (symfony-docs PR 20701, smtp-facts.md section C) makes EsmtpTransport fail without TLS.
  requireStarttls: { howTo: 'add require_tls=true to the DSN' },
  howTo: {
    starttls: 'use the smtp:// scheme',
    implicit: 'use the smtps:// scheme',
  },
};
