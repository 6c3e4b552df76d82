// Any SMTP_*/MAIL_*/EMAIL_* settings no specific profile claims, and smtp:// URLs under
// any key. Matched last: every other profile wins a tie (index.ts).

import { COMMON_URL_SCHEMES, VERIFY_OFF_WORDS } from './shared';
import type { EnumChoice, FrameworkProfile } from './types';

/** `security = ssl` / `SecureSocketOptions = SslOnConnect` / `encryption = implicit`, by vocabulary. */
const SECURITY_STARTTLS: EnumChoice = {
  choose: [
    { when: /^(sslonconnect|starttlswhenavailable)$/i, write: 'StartTls' },
    { when: /^(None|Auto|StartTls)$/, write: 'StartTls' },
    { when: /^(implicit|explicit)$/i, write: 'explicit' },
  ],
  otherwise: 'starttls',
};
const SECURITY_IMPLICIT: EnumChoice = {
  choose: [
    { when: /^(sslonconnect|starttlswhenavailable)$/i, write: 'SslOnConnect' },
    { when: /^(None|Auto|StartTls)$/, write: 'SslOnConnect' },
    { when: /^(implicit|explicit)$/i, write: 'implicit' },
  ],
  otherwise: 'ssl',
};

export const generic: FrameworkProfile<'generic'> = {
  id: 'generic',
  name: 'SMTP settings',
  prefixes: [
    { words: 'smtp' },
    { words: 'mail' },
    { words: 'email' },
    { words: 'mailer' },
    { words: 'mail smtp' },
    { words: 'email smtp' },
    { words: 'smtp mail' },
    { words: 'smtp settings' },
    { words: 'email settings' },
    { words: 'mail settings' },
    { words: 'smtp config' },
    { words: 'smtp options' },
    { words: 'email options' },
    { words: 'outgoing mail' },
    { words: 'outgoing' },
    { words: 'smtp client' },
  ],
  keys: [
    // `smtp: {enabled: false}` in Helm values and app configs: nothing is sent by SMTP.
    { key: 'enabled|enable', role: 'enabled' },
    { key: 'host|server|hostname|address|addr|host name', role: 'host' },
    { key: 'port', role: 'port' },
    { key: 'secure|ssl|use ssl|ssl enabled|implicit tls|smtps', role: 'secure', tls: { kind: 'implicit-flag' } },
    // "TLS" means STARTTLS to some applications and implicit TLS to others.
    { key: 'tls|use tls|enable tls|tls enabled', role: 'starttls', tls: { kind: 'ambiguous' } },
    { key: 'starttls|use starttls|enable starttls|starttls enabled', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-opportunistic' } },
    { key: 'require tls|require starttls|starttls required', role: 'starttls', tls: { kind: 'require-tls-flag' } },
    { key: 'ignore tls|disable tls|no tls|disable starttls', role: 'starttls', tls: { kind: 'no-tls-flag' } },
    {
      key: 'secure socket options|security|encryption|tls mode|security mode|secure mode|connection security',
      role: 'secure',
      tls: {
        kind: 'enum',
        values: {
          ssl: 'implicit',
          tls: 'unknown',
          starttls: 'starttls-required',
          sslonconnect: 'implicit',
          starttlswhenavailable: 'starttls-opportunistic',
          auto: 'auto',
          none: 'none',
          implicit: 'implicit',
          explicit: 'starttls-required',
          smtps: 'implicit',
        },
      },
    },
    { key: 'user|username|user name|login|auth user|account', role: 'user' },
    { key: 'pass|password|passwd|pwd|auth pass|auth password|secret', role: 'password' },
    { key: 'oauth token|access token|oauth2 token|oauth client id|client id|refresh token', role: 'oauth' },
    {
      key: 'tls reject unauthorized|reject unauthorized|verify peer|verify certificate|tls verify|ssl verify|validate certificate',
      role: 'verify',
      verifyOffWhen: VERIFY_OFF_WORDS,
    },
    {
      key: 'skip verify|insecure skip verify|tls insecure skip verify|allow invalid cert|allow invalid certificate|allow self signed|ignore tls errors|ignore certificate errors|tls skip verify|insecure|tls insecure|skip tls verify',
      role: 'verify',
      verifyOffWhen: 'true',
    },
    { key: 'url|uri|dsn|connection url|connection string|transport', role: 'url' },
    // SMTP_SERVICE=gmail: nodemailer's well-known service names, the usual meaning of the key (facts/services.ts).
    { key: 'service', role: 'service' },
  ],
  // Without a framework to go by, a bare SMTP_PORT says nothing about TLS.
  tlsDefault: { otherwise: 'unknown' },
  tlsWhenImplicitOff: 'starttls-opportunistic',
  urlSchemes: COMMON_URL_SCHEMES,
  tlsRecipe: {
    starttls: {
      keys: [
        { key: 'secure', value: false },
        { key: 'starttls', value: true },
        { key: 'ignore tls', value: false },
        { key: 'security', value: SECURITY_STARTTLS },
      ],
      scheme: 'smtp',
      dropOptions: /^secure$/i,
    },
    implicit: {
      keys: [
        { key: 'secure', value: true, add: true, spelling: 'secure' },
        { key: 'starttls', value: false },
        { key: 'require tls', value: false },
        { key: 'security', value: SECURITY_IMPLICIT },
      ],
      scheme: 'smtps',
    },
  },
  howTo: {
    starttls: 'set the secure/SSL flag to false',
    implicit: 'set the secure/SSL flag to true',
  },
};
