// Ory Kratos courier.smtp.connection_uri (COURIER_SMTP_CONNECTION_URI), sent with ory/mail (a gomail fork).
// Source: ory/kratos courier/smtp.go (NewSMTPClient): smtp:// enforces STARTTLS (MandatoryStartTLS) unless the
// query has disable_starttls=true (then cleartext); smtps:// is implicit TLS (dialer.SSL); skip_ssl_verify=true
// turns certificate verification off on both (the URL query options, facts/frameworks.ts). The port is the URL's
// own (no default: an URL without one dials port 0). embedx/config.schema.json: the pattern ^smtps?://.

import type { FrameworkProfile } from './types';

export const oryKratos: FrameworkProfile<'ory-kratos'> = {
  id: 'ory-kratos',
  name: 'Ory Kratos',
  docs: 'https://www.ory.sh/docs/kratos/self-hosted/email-http',
  prefixes: [{ words: 'courier smtp' }],
  keys: [{ key: 'connection uri', role: 'url' }],
  urlSchemes: { smtp: 'starttls-required', smtps: 'implicit' },
  tlsDefault: { otherwise: 'unknown' },
  tlsRecipe: {
    starttls: { keys: [], scheme: 'smtp', dropOptions: /^disable_starttls$/i },
    implicit: { keys: [], scheme: 'smtps' },
  },
  howTo: {
    starttls: 'use smtp:// in connection_uri (STARTTLS)',
    implicit: 'use smtps:// in connection_uri',
  },
};
