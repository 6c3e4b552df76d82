// Spring Boot spring.mail.* (Jakarta Mail underneath; extra session properties under spring.mail.properties).
// Source: docs.spring.io/spring-boot/reference/io/email.html (smtp-facts.md, section C).
// Jakarta Mail (eclipse-ee4j/angus-mail providers/smtp/src/main/java/org/eclipse/angus/mail/smtp/SMTPTransport.java,
// protocolConnect, commit eca8e08): on an SSL socket starttls.enable/required are ignored ("STARTTLS requested but
// already using SSL"), so the implicit-TLS fix turns them off only to keep the file tidy, never for a new meaning.

import { SSL_SOCKET_FACTORIES, VERIFY_OFF_WORDS } from './shared';
import type { FrameworkProfile } from './types';

export const spring: FrameworkProfile<'spring'> = {
  id: 'spring',
  name: 'Spring Boot (Jakarta Mail)',
  docs: 'https://docs.spring.io/spring-boot/reference/io/email.html',
  prefixes: [{ words: 'spring mail' }],
  keys: [
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port', default: '25', defaultWithImplicitTls: '465' },
    { key: 'username', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'protocol', role: 'protocol', tls: { kind: 'enum', values: { smtps: 'implicit', smtp: 'auto' } } },
    { key: 'properties mail smtp starttls enable', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-opportunistic' } },
    { key: 'properties mail smtp starttls required', role: 'starttls', tls: { kind: 'require-tls-flag' } },
    { key: 'properties mail smtp ssl enable|properties mail smtps ssl enable|ssl enabled', role: 'secure', tls: { kind: 'implicit-flag' } },
    { key: 'properties mail smtp socket factory class', role: 'secure', tls: { kind: 'enum', values: SSL_SOCKET_FACTORIES } },
    { key: 'properties mail smtp ssl trust|properties mail smtps ssl trust', role: 'verify', verifyOffWhen: ['*'] },
    { key: 'properties mail smtp ssl checkserveridentity', role: 'verify', verifyOffWhen: VERIFY_OFF_WORDS },
    { key: 'properties mail smtp auth mechanisms', role: 'oauth' },
  ],
  // Jakarta Mail never starts TLS on its own: no STARTTLS without starttls.enable, no implicit TLS without ssl.enable.
  tlsDefault: { otherwise: 'none' },
  tlsRecipe: {
    starttls: {
      keys: [
        { key: 'properties mail smtp starttls enable', value: true, add: true, spelling: 'properties.mail.smtp.starttls.enable' },
        { key: 'protocol', value: 'smtp', keep: /^smtp$/i },
        { key: 'properties mail smtp ssl enable', value: false },
      ],
      // With protocol smtps Jakarta Mail reads mail.smtps.*: switching to smtp would drop those settings.
      blockedBy: /(^|\.)mail\.smtps\./,
    },
    implicit: {
      keys: [
        { key: 'properties mail smtp ssl enable', value: true, add: true, spelling: 'properties.mail.smtp.ssl.enable' },
        // Only where present: an ignored `starttls.enable: true` beside `ssl.enable: true` reads as a contradiction.
        { key: 'properties mail smtp starttls enable', value: false },
        { key: 'properties mail smtp starttls required', value: false },
      ],
    },
  },
  // Jakarta Mail: mail.smtp.starttls.enable upgrades when offered; mail.smtp.starttls.required fails without it.
  requireStarttls: { key: 'properties mail smtp starttls required', value: true, spelling: 'properties.mail.smtp.starttls.required', add: true, howTo: 'set spring.mail.properties.mail.smtp.starttls.required=true' },
  howTo: {
    starttls: 'set spring.mail.properties.mail.smtp.starttls.enable=true',
    implicit: 'set spring.mail.properties.mail.smtp.ssl.enable=true',
  },
};
