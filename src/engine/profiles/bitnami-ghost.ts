// The bitnami Ghost image (bitnami/ghost): GHOST_SMTP_HOST, _PORT_NUMBER, _USER, _PASSWORD, _PROTOCOL, with SMTP_* as
// fallbacks (bitnamiSmtpKeys). Source: bitnami/containers bitnami/ghost/5/debian-12/rootfs/opt/bitnami/scripts/
// ghost-env.sh (commit 2f160f5) and libghost.sh (commit 21cef62): ghost_initialize writes mail.transport "SMTP",
// mail.options.host/port/auth, and `mail.options.secure` true when GHOST_SMTP_PROTOCOL is `ssl` or `tls`, else false.
// So here `tls` is implicit TLS, unlike the bitnami Discourse image; with secure false nodemailer upgrades with
// STARTTLS only when offered (no requireTLS is written). The settings are applied at the first start only.

import { BITNAMI_SIGNATURE, bitnamiPrefixes, bitnamiSmtpKeys } from './shared';
import type { FrameworkProfile } from './types';

export const bitnamiGhost: FrameworkProfile<'bitnami-ghost'> = {
  id: 'bitnami-ghost',
  name: 'Ghost (bitnami image)',
  docs: 'https://github.com/bitnami/containers/tree/main/bitnami/ghost#smtp-configuration',
  prefixes: bitnamiPrefixes('ghost'),
  images: /(^|\/)bitnami\/ghost(:|@|$)/i,
  keys: bitnamiSmtpKeys({ kind: 'enum', values: { ssl: 'implicit', tls: 'implicit', '': 'starttls-opportunistic' } }),
  signature: BITNAMI_SIGNATURE,
  tlsDefault: { otherwise: 'starttls-opportunistic' },
  tlsRecipe: {
    starttls: { keys: [{ key: 'protocol', value: '' }] },
    implicit: { keys: [{ key: 'protocol', value: 'ssl', add: true, spelling: 'PROTOCOL' }] },
  },
  howTo: {
    starttls: 'leave GHOST_SMTP_PROTOCOL empty',
    implicit: 'set GHOST_SMTP_PROTOCOL=ssl',
  },
};
