// Ruby's mail gem, `delivery_method :smtp, { … }` in code (src/engine/code/ruby.ts); ActionMailer hands its
// smtp_settings to the same class (profiles/rails.ts). Source: mikel/mail (commit d645d7b)
// lib/mail/network/delivery_methods/smtp.rb: DEFAULTS port 25; tls/ssl is TLS from the first byte; without
// tls, ssl and enable_starttls* the fallback is enable_starttls :auto; tls with enable_starttls raises (the 2.9 reading of shared.ts mailGemFamily).

import { mailGemFamily } from './shared';
import { rails } from './rails';
import type { FrameworkProfile } from './types';

export const mailGem: FrameworkProfile<'mail-gem'> = {
  id: 'mail-gem',
  name: 'Ruby mail gem',
  docs: 'https://github.com/mikel/mail#sending-an-email',
  prefixes: [],
  ...mailGemFamily('2.9'),
  howTo: rails.howTo,
  requireStarttls: rails.requireStarttls,
};
