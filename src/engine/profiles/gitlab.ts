// GitLab Omnibus gitlab.rb: gitlab_rails['smtp_*'] handed to Ruby's mail gem.
// Source: docs.gitlab.com/omnibus/settings/smtp and issue 409835 (smtp-facts.md, section C).

import { RAILS_KEYS, RAILS_EXCLUSIVE, railsStyle } from './shared';
import type { FrameworkProfile } from './types';

export const gitlab: FrameworkProfile<'gitlab'> = {
  id: 'gitlab',
  name: 'GitLab Omnibus',
  docs: 'https://docs.gitlab.com/omnibus/settings/smtp/',
  prefixes: [{ words: 'gitlab rails smtp' }],
  keys: [
    { key: 'enable', role: 'enabled' },
    ...RAILS_KEYS,
    { key: 'force ssl', role: 'secure', tls: { kind: 'implicit-flag' } },
  ],
  tlsDefault: { otherwise: 'starttls-opportunistic' },
  exclusiveTls: `${RAILS_EXCLUSIVE}; GitLab needs smtp_enable_starttls_auto = false with smtp_tls = true`,
  tlsRecipe: railsStyle([{ key: 'force ssl', value: false }]),
  howTo: {
    starttls: 'set smtp_enable_starttls_auto = true and smtp_tls = false',
    implicit: 'set smtp_tls = true and smtp_enable_starttls_auto = false',
  },
};
