// The dawidd6/action-send-mail GitHub Action (nodemailer underneath).

import { AUTO_BY_PORT } from './shared';
import type { FrameworkProfile } from './types';

export const actionSendMail: FrameworkProfile<'action-send-mail'> = {
  id: 'action-send-mail',
  name: 'action-send-mail (GitHub Actions)',
  docs: 'https://github.com/dawidd6/action-send-mail',
  prefixes: [{ words: 'with', needsSignature: true }],
  keys: [
    { key: 'server address', role: 'host' },
    { key: 'server port', role: 'port' },
    { key: 'secure', role: 'secure', tls: { kind: 'implicit-flag' } },
    { key: 'username', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'ignore cert', role: 'verify', verifyOffWhen: 'true' },
  ],
  signature: ['server address', 'server port'],
  tlsDefault: AUTO_BY_PORT,
  tlsWhenImplicitOff: 'starttls-opportunistic',
  tlsRecipe: {
    // nodemailer underneath: implicit TLS on 465, STARTTLS when offered elsewhere.
    starttls: { keys: [{ key: 'secure', value: false }] },
    implicit: { keys: [{ key: 'secure', value: true, add: true, spelling: 'secure' }] },
  },
  howTo: { starttls: 'set secure: false', implicit: 'set secure: true' },
};
