// Redmine: config/configuration.yml `email_delivery: {delivery_method: :smtp, smtp_settings: {…}}`, each key handed
// to ActionMailer::Base (redmine lib/redmine/configuration.rb, Configuration.load, tag 6.1.3), so the mail gem reads
// smtp_settings. Redmine 5.1 to 6.1 pin mail ~> 2.8.1 (Gemfile; 4.x and 5.0 pin ~> 2.7.1, which also takes tls/ssl
// first): tls: true beside enable_starttls_auto is implicit TLS, not refused (shared.ts mailGemFamily('2.8')).
// Redmine 7.0 (Gemfile, tag 7.0.0) moves to mail ~> 2.9.0, which refuses both. The file does not say which Redmine
// reads it: both on is read as 2.8 does, and no conflict is reported (saying less than 7.0 would).

import { mailGemFamily } from './shared';
import { rails } from './rails';
import type { FrameworkProfile } from './types';

export const redmine: FrameworkProfile<'redmine'> = {
  id: 'redmine',
  name: 'Redmine (ActionMailer)',
  docs: 'https://www.redmine.org/projects/redmine/wiki/EmailConfiguration',
  prefixes: [{ words: 'email delivery smtp settings' }],
  ...mailGemFamily('2.8'),
  // delivery_method: :sendmail (or :async_*, refused since 4.0) leaves smtp_settings unused.
  transportSwitches: [{ key: 'email delivery delivery method', activeValues: /^:?smtp$/i }],
  requireStarttls: rails.requireStarttls,
  howTo: rails.howTo,
};
