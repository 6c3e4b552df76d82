// What several profiles share: common TLS defaults, and the keys and recipe of a library
// that apps hand their settings to (nodemailer, Django, Ruby's mail gem).

import type { TlsMode } from '../types';
import type { FrameworkProfile, KeySpec, KeyWrite, Prefix, TlsDefault, TlsMeaning, TlsRecipe } from './types';

/** Symfony Mailer, nodemailer, MailKit's Auto, gomail: implicit TLS on 465, opportunistic STARTTLS otherwise. */
export const AUTO_BY_PORT: TlsDefault = { byPort: { 465: 'implicit' }, otherwise: 'starttls-opportunistic' };

/** Common URL schemes: smtps is implicit TLS; smtp lets the library decide by port. */
export const COMMON_URL_SCHEMES: Record<string, TlsMode | 'auto'> = {
  smtps: 'implicit',
  'smtp+ssl': 'implicit',
  'smtp+tls': 'starttls-required',
  'smtp+starttls': 'starttls-required',
  submission: 'starttls-required',
  submissions: 'implicit',
  smtp: 'auto',
};

/** JavaMail's mail.smtp.socketFactory.class values that open an SSL socket: implicit TLS (lower case). */
export const SSL_SOCKET_FACTORIES: Readonly<Record<string, TlsMode>> = {
  'javax.net.ssl.sslsocketfactory': 'implicit',
  'com.sun.mail.util.mailsslsocketfactory': 'implicit',
  'org.eclipse.angus.mail.util.mailsslsocketfactory': 'implicit',
};

/** Values that switch a certificate-verification flag off (`rejectUnauthorized: false`). */
export const VERIFY_OFF_WORDS = ['false', '0', 'no', 'off'];

/** nodemailer's transport options, as an object (Ghost's mail.options, n8n, Directus…). */
export const NODEMAILER_KEYS: readonly KeySpec[] = [
  { key: 'host', role: 'host' },
  { key: 'port', role: 'port' },
  { key: 'secure', role: 'secure', tls: { kind: 'implicit-flag' } },
  { key: 'require tls', role: 'starttls', tls: { kind: 'require-tls-flag' } },
  { key: 'ignore tls', role: 'starttls', tls: { kind: 'no-tls-flag' } },
  { key: 'auth user|user', role: 'user' },
  { key: 'auth pass|pass|password', role: 'password' },
  { key: 'auth type', role: 'oauth' },
  { key: 'auth access token|auth refresh token|auth client secret', role: 'oauth' },
  { key: 'tls reject unauthorized', role: 'verify', verifyOffWhen: VERIFY_OFF_WORDS },
  { key: 'url', role: 'url' },
  // A well-known service name (`service: 'gmail'`) stands for its host (facts/services.ts).
  { key: 'service', role: 'service' },
];

/** Django's EMAIL_* settings; Flask-Mail, authentik and Sentry use the same two flags. */
export const DJANGO_STYLE_KEYS: readonly KeySpec[] = [
  { key: 'host|server', role: 'host', default: 'localhost' },
  // Django passes EMAIL_PORT (default 25) to SMTP_SSL too: EMAIL_USE_SSL without a port connects to 25.
  { key: 'port', role: 'port', default: '25', defaultWithImplicitTls: '25' },
  { key: 'host user|username|user', role: 'user' },
  { key: 'host password|password', role: 'password' },
  { key: 'use tls', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-required' } },
  { key: 'use ssl', role: 'secure', tls: { kind: 'implicit-flag' } },
  { key: 'backend', role: 'enabled', activeValues: /smtp/i },
  { key: 'url', role: 'url' },
  // A well-known service name (`service: 'gmail'`) stands for its host (facts/services.ts).
  { key: 'service', role: 'service' },
];

/** Django's EMAIL_USE_TLS / EMAIL_USE_SSL; django-environ's EMAIL_URL schemes for Django itself. */
export function djangoStyle(urlSchemes: boolean): TlsRecipe {
  return tlsFlagPair('use tls', 'use ssl', urlSchemes ? { starttls: 'smtp+tls', implicit: 'smtp+ssl' } : undefined);
}

/**
 * A STARTTLS flag and an implicit-TLS flag that must not both be on (Django's pair, Penpot's, pretix's):
 * switching to one turns the other off; a missing flag is added, spelt with its words joined by "_".
 */
export function tlsFlagPair(starttls: string, implicit: string, schemes?: { starttls: string; implicit: string }): TlsRecipe {
  const spelt = (words: string) => words.replace(/ /g, '_');
  return {
    starttls: {
      keys: [
        { key: starttls, value: true, add: true, spelling: spelt(starttls) },
        { key: implicit, value: false },
      ],
      scheme: schemes?.starttls,
    },
    implicit: {
      keys: [
        { key: implicit, value: true, add: true, spelling: spelt(implicit) },
        { key: starttls, value: false },
      ],
      scheme: schemes?.implicit,
    },
  };
}

/** Ruby's mail gem (ActionMailer smtp_settings, and the apps that pass settings straight to it). */
/**
 * The Play mailers' keys that Apache Commons Email reads the same way in each (play-mailer.ts, play-smtp.ts): port 25
 * unless set, `ssl` is setSSLOnConnect (implicit TLS), and `mock` (HOCON's getBoolean: true/false, yes/no, on/off)
 * sends nothing when on.
 */
export const PLAY_COMMONS_EMAIL_KEYS: readonly KeySpec[] = [
  { key: 'host', role: 'host' },
  { key: 'port', role: 'port', default: '25', defaultWithImplicitTls: '25' },
  { key: 'user', role: 'user' },
  { key: 'password', role: 'password' },
  { key: 'ssl', role: 'secure', tls: { kind: 'implicit-flag' } },
  { key: 'mock', role: 'enabled', activeValues: /^(?:false|no|off)$/i },
];

export const RAILS_KEYS: readonly KeySpec[] = [
  { key: 'address', role: 'host', default: 'localhost' },
  // The mail gem's port is 25 whatever the TLS mode.
  { key: 'port', role: 'port', default: '25', defaultWithImplicitTls: '25' },
  { key: 'user name', role: 'user' },
  { key: 'password', role: 'password' },
  {
    key: 'enable starttls',
    role: 'starttls',
    tls: { kind: 'enum', values: { true: 'starttls-required', always: 'starttls-required', ':always': 'starttls-required', auto: 'starttls-opportunistic', ':auto': 'starttls-opportunistic', false: 'auto' } },
  },
  { key: 'enable starttls auto', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-opportunistic' } },
  { key: 'tls|ssl', role: 'secure', tls: { kind: 'implicit-flag' } },
  { key: 'openssl verify mode', role: 'verify', verifyOffWhen: ['none', ':none', 'verify_none', 'openssl::ssl::verify_none'] },
  { key: 'authentication', role: 'oauth' },
];

export const RAILS_EXCLUSIVE = 'the mail gem raises ":enable_starttls and :tls are mutually exclusive"';

/**
 * Ruby's mail gem as the version an app bundles reads its settings (mikel/mail
 * lib/mail/network/delivery_methods/smtp.rb, build_smtp_session). 2.9 (tag 2.9.1) raises when tls/ssl and
 * enable_starttls* are both on. 2.8 (tags 2.8.0, 2.8.1) takes tls/ssl first and then reads no enable_starttls*, so
 * implicit TLS wins (the engine's reading of both on) and nothing is refused; its enable_starttls takes only
 * true/false (anything else raises "Unrecognized :enable_starttls value") and false turns STARTTLS off even beside
 * enable_starttls_auto. Both default to STARTTLS when offered (2.8: enable_starttls_auto true in DEFAULTS; 2.9: :auto).
 */
export function mailGemFamily(version: '2.8' | '2.9'): Pick<FrameworkProfile, 'keys' | 'tlsDefault' | 'exclusiveTls' | 'tlsRecipe'> {
  const keys = version === '2.9' ? RAILS_KEYS : RAILS_KEYS.map((spec) => (spec.key === 'enable starttls' ? MAIL_28_ENABLE_STARTTLS : spec));
  return { keys, tlsDefault: { otherwise: 'starttls-opportunistic' }, exclusiveTls: version === '2.9' ? RAILS_EXCLUSIVE : undefined, tlsRecipe: railsStyle([]) };
}

const MAIL_28_ENABLE_STARTTLS: KeySpec = {
  key: 'enable starttls',
  role: 'starttls',
  tls: { kind: 'enum', values: { true: 'starttls-required', false: 'none' } },
};

/**
 * Ruby's mail gem (Rails, GitLab): enable_starttls_auto is on by default; it refuses
 * tls together with enable_starttls / enable_starttls_auto, so the other is turned off.
 */
export function railsStyle(extraOff: readonly KeyWrite[]): TlsRecipe {
  return {
    starttls: {
      keys: [
        { key: 'enable starttls auto', value: true, add: true, spelling: 'enable_starttls_auto' },
        { key: 'tls', value: false },
        ...extraOff,
      ],
    },
    implicit: {
      keys: [
        { key: 'tls', value: true, add: true, spelling: 'tls' },
        { key: 'enable starttls auto', value: false },
        { key: 'enable starttls', value: false },
      ],
    },
  };
}

/**
 * The bitnami images' SMTP variables (bitnami/containers, `<app>-env.sh` of each app): <APP>_SMTP_HOST, _PORT_NUMBER
 * (also _PORT), _USER, _PASSWORD, _PROTOCOL (empty, `ssl` or `tls`), each falling back to SMTP_HOST, SMTP_PORT,
 * SMTP_USER, SMTP_PASSWORD, SMTP_PROTOCOL. What `_PROTOCOL` means is each app's own (its lib<app>.sh): `protocol`.
 */
export function bitnamiSmtpKeys(protocol: TlsMeaning): readonly KeySpec[] {
  return [
    { key: 'host', role: 'host' },
    { key: 'port number|port', role: 'port' },
    { key: 'user', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'protocol', role: 'secure', tls: protocol, default: '' },
  ];
}

/** A bitnami image's prefixes: `<app> smtp` told by the image's own words, bare `smtp` only with the image. */
export function bitnamiPrefixes(app: string): readonly Prefix[] {
  return [
    { words: `${app} smtp`, needsSignature: true },
    // SMTP_HOST and the like: only with the image (an empty stricter signature matches nothing else).
    { words: 'smtp', signature: [] },
  ];
}

/** The words that tell a bitnami image's variables from another app's `<APP>_SMTP_*`. */
export const BITNAMI_SIGNATURE: readonly string[] = ['port number', 'protocol'];
