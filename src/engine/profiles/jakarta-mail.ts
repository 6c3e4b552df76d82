// Jakarta Mail / JavaMail session properties mail.smtp.* (and mail.smtps.* for the smtps transport).
// Source: smtp-facts.md, section C.

import { SSL_SOCKET_FACTORIES, VERIFY_OFF_WORDS } from './shared';
import type { FrameworkProfile } from './types';

export const jakartaMail: FrameworkProfile<'jakarta-mail'> = {
  id: 'jakarta-mail',
  name: 'Jakarta Mail / JavaMail',
  prefixes: [{ words: 'mail smtp' }, { words: 'mail smtps' }],
  keys: [
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port', default: '25', defaultWithImplicitTls: '465' },
    { key: 'user', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'starttls enable', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-opportunistic' } },
    { key: 'starttls required', role: 'starttls', tls: { kind: 'require-tls-flag' } },
    { key: 'ssl enable', role: 'secure', tls: { kind: 'implicit-flag' } },
    // The older way to implicit TLS: an SSL socket factory from the first byte (JavaMail FAQ; angus-mail SocketFetcher
    // reads <prefix>.socketFactory.class). Any other factory class: unknown.
    { key: 'socket factory class', role: 'secure', tls: { kind: 'enum', values: SSL_SOCKET_FACTORIES } },
    { key: 'ssl trust', role: 'verify', verifyOffWhen: ['*'] },
    { key: 'ssl checkserveridentity', role: 'verify', verifyOffWhen: VERIFY_OFF_WORDS },
    { key: 'auth mechanisms', role: 'oauth' },
  ],
  signature: ['starttls enable', 'starttls required', 'ssl enable', 'auth', 'socket factory class'],
  tlsDefault: { otherwise: 'none' },
  tlsRecipe: {
    starttls: {
      keys: [
        { key: 'starttls enable', value: true, add: true, spelling: 'starttls.enable' },
        { key: 'ssl enable', value: false },
      ],
      // mail.smtps.* configures the smtps transport, which always starts with TLS.
      blockedBy: /(^|\.)mail\.smtps\./,
    },
    implicit: { keys: [{ key: 'ssl enable', value: true, add: true, spelling: 'ssl.enable' }] },
  },
  // mail.smtp.starttls.enable upgrades when offered; mail.smtp.starttls.required fails without it (Jakarta Mail's SMTP provider).
  requireStarttls: { key: 'starttls required', value: true, spelling: 'starttls.required', add: true, howTo: 'set mail.smtp.starttls.required=true' },
  howTo: {
    starttls: 'set mail.smtp.starttls.enable=true',
    implicit: 'set mail.smtp.ssl.enable=true',
  },
};
