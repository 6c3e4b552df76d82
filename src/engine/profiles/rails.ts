// Ruby on Rails ActionMailer smtp_settings (Ruby's mail gem, read as mail 2.9: shared.ts mailGemFamily).
// Source: Rails guides, Action Mailer configuration (smtp-facts.md, section C).

import { mailGemFamily } from './shared';
import type { FrameworkProfile } from './types';

export const rails: FrameworkProfile<'rails'> = {
  id: 'rails',
  name: 'Ruby on Rails (ActionMailer)',
  docs: 'https://guides.rubyonrails.org/action_mailer_basics.html#action-mailer-configuration',
  prefixes: [{ words: 'smtp settings' }],
  // The mail gem tries STARTTLS when offered (enable_starttls_auto defaults to true); implicit TLS needs tls: true.
  ...mailGemFamily('2.9'),
  // mikel/mail lib/mail/network/delivery_methods/smtp.rb: enable_starttls true/:always requires STARTTLS; enable_starttls_auto does not.
  requireStarttls: { key: 'enable starttls', value: true, spelling: 'enable_starttls', add: true, howTo: 'set enable_starttls: true' },
  howTo: {
    starttls: 'set enable_starttls_auto: true and remove tls/ssl',
    implicit: 'set tls: true and remove the enable_starttls keys',
  },
};
