// The bitnami WordPress image (bitnami/wordpress): WORDPRESS_SMTP_HOST, _PORT_NUMBER (also WORDPRESS_SMTP_PORT), _USER,
// _PASSWORD, _PROTOCOL, with SMTP_* as fallbacks (bitnamiSmtpKeys). Source: bitnami/containers bitnami/wordpress/6/
// debian-12/rootfs/opt/bitnami/scripts/wordpress-env.sh (commit 2c1e89f) and libwordpress.sh (commit 2cf0b9f):
// wordpress_validate accepts an empty protocol, `ssl` or `tls`; wordpress_configure_smtp installs WP Mail SMTP and
// writes the protocol unchanged as its smtp.encryption option, so the plugin's PHPMailer meanings hold (wp-mail-smtp.ts):
// `ssl` is implicit TLS, `tls` required STARTTLS, empty leaves PHPMailer's SMTPSecure empty. The image writes no
// smtp.autotls, and whether the plugin then upgrades with STARTTLS when offered was not checked: empty is left to
// the default below, the plugin's usual one. The settings are applied at the first start only.

import { BITNAMI_SIGNATURE, bitnamiPrefixes, bitnamiSmtpKeys } from './shared';
import type { FrameworkProfile } from './types';

export const bitnamiWordpress: FrameworkProfile<'bitnami-wordpress'> = {
  id: 'bitnami-wordpress',
  name: 'WordPress (bitnami image)',
  docs: 'https://github.com/bitnami/containers/tree/main/bitnami/wordpress#smtp-configuration',
  prefixes: bitnamiPrefixes('wordpress'),
  images: /(^|\/)bitnami\/wordpress(:|@|$)/i,
  keys: bitnamiSmtpKeys({ kind: 'enum', values: { ssl: 'implicit', tls: 'starttls-required', '': 'auto' } }),
  signature: BITNAMI_SIGNATURE,
  tlsDefault: { otherwise: 'starttls-opportunistic' },
  tlsRecipe: {
    starttls: { keys: [{ key: 'protocol', value: 'tls', add: true, spelling: 'PROTOCOL' }] },
    implicit: { keys: [{ key: 'protocol', value: 'ssl', add: true, spelling: 'PROTOCOL' }] },
  },
  howTo: {
    starttls: 'set WORDPRESS_SMTP_PROTOCOL=tls',
    implicit: 'set WORDPRESS_SMTP_PROTOCOL=ssl',
  },
};
