// The bitnami Discourse image (bitnami/discourse): DISCOURSE_SMTP_HOST, _PORT_NUMBER, _USER, _PASSWORD, _PROTOCOL,
// _AUTH, with the older names SMTP_HOST, SMTP_PORT (also DISCOURSE_SMTP_PORT), SMTP_USER, SMTP_PASSWORD,
// SMTP_PROTOCOL, SMTP_AUTH as fallbacks. Source: bitnami/containers, bitnami/discourse/3/debian-12/rootfs/opt/
// bitnami/scripts/discourse-env.sh (commit 27f49a3; `DISCOURSE_SMTP_HOST="${DISCOURSE_SMTP_HOST:-"${SMTP_HOST:-}"}"`
// and so on) and libdiscourse.sh (same commit): DISCOURSE_SMTP_PROTOCOL must be empty, `ssl` or `tls`;
// discourse_create_conf_file writes smtp_address, smtp_port, smtp_user_name, smtp_password and
// `smtp_enable_start_tls = true` only when the protocol is `tls` (else `false`), and never smtp_force_tls. So `tls`
// is Discourse's STARTTLS when offered (the mail gem's enable_starttls_auto), while `ssl` or nothing means no
// encryption at all, not implicit TLS: the image's own words cannot reach port 465. Discourse reads smtp_force_tls
// from discourse.conf (discourse/discourse PR 11733), which the image appends DISCOURSE_EXTRA_CONF_CONTENT to.
// The SMTP_* names are common words: they are read as the image's only where the service's image says so.

import { BITNAMI_SIGNATURE, bitnamiPrefixes, bitnamiSmtpKeys } from './shared';
import type { FrameworkProfile } from './types';

export const bitnamiDiscourse: FrameworkProfile<'bitnami-discourse'> = {
  id: 'bitnami-discourse',
  name: 'Discourse (bitnami image)',
  docs: 'https://github.com/bitnami/containers/tree/main/bitnami/discourse#smtp-configuration',
  prefixes: bitnamiPrefixes('discourse'),
  images: /(^|\/)bitnami\/discourse(:|@|$)/i,
  keys: bitnamiSmtpKeys({ kind: 'enum', values: { tls: 'starttls-opportunistic', ssl: 'none', '': 'none' } }),
  // The official image spells the host DISCOURSE_SMTP_ADDRESS and has no protocol: these words are bitnami's.
  signature: ['host', ...BITNAMI_SIGNATURE],
  tlsDefault: { otherwise: 'none' },
  noImplicitTls: true,
  tlsRecipe: {
    starttls: { keys: [{ key: 'protocol', value: 'tls', add: true, spelling: 'PROTOCOL' }] },
  },
  howTo: {
    starttls: 'set DISCOURSE_SMTP_PROTOCOL=tls',
    implicit: 'add smtp_force_tls = true to DISCOURSE_EXTRA_CONF_CONTENT (the image never sets it)',
  },
};
