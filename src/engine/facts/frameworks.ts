// How each framework names its SMTP settings and turns them into a connection.
// Sources: shared/reference/smtp-facts.md, section C (framework source code and docs).
//
// Keys are written as lower-case words: `EMAIL_HOST_USER`, `emailHostUser` and
// `email.host-user` are all "email host user". A profile matches a setting when
// the setting's full word path ends with one of the profile's prefixes followed
// by one of its keys; everything before the prefix (a Compose service, a YAML
// parent) is the group's scope.

import type { SettingRole, TlsMode } from '../types';

/** How a key's value bears on the TLS mode. */
export type TlsMeaning =
  /** true → implicit TLS; false → explicitly not implicit. */
  | { kind: 'implicit-flag' }
  /** true → STARTTLS (`mode`); false → no STARTTLS. */
  | { kind: 'starttls-flag'; mode: 'starttls-required' | 'starttls-opportunistic' }
  /** true → STARTTLS required; false → no opinion. */
  | { kind: 'require-tls-flag' }
  /** true → never encrypt (nodemailer's ignoreTLS). */
  | { kind: 'no-tls-flag' }
  /** Values (lower case) → mode; 'auto' defers to the profile's default for the port. Unlisted values → unknown. */
  | { kind: 'enum'; values: Readonly<Record<string, TlsMode | 'auto'>> }
  /** A flag whose meaning differs between applications: when set, the mode is unknown. */
  | { kind: 'ambiguous' };

export interface KeySpec {
  /** Words after the prefix, e.g. 'host user'. Alternatives separated by '|'. */
  key: string;
  role: SettingRole;
  tls?: TlsMeaning;
  /** For role 'verify': which values switch certificate verification off. */
  verifyOffWhen?: 'true' | 'false' | readonly string[];
  /** For role 'enabled': values (lower case) that make the group active; a boolean flag when absent. */
  activeValues?: RegExp;
  /** The framework's value when the key is absent. */
  default?: string;
  /** For role 'port': the default when the connection uses implicit TLS (otherwise no default applies then). */
  defaultWithImplicitTls?: string;
  /** The host value may carry `:port` by design (Grafana's `host = smtp.x.com:587`). */
  hostWithPort?: boolean;
}

export interface Prefix {
  words: string;
  /** Match only when one of the profile's signature keys is present under this prefix. */
  needsSignature?: boolean;
}

/** The TLS mode when no key decides it, by port; `otherwise` for every other port. */
export interface TlsDefault {
  byPort?: Readonly<Record<number, TlsMode>>;
  otherwise: TlsMode;
}

export interface FrameworkProfile {
  id: string;
  name: string;
  prefixes: readonly Prefix[];
  keys: readonly KeySpec[];
  /** Keys that identify this framework rather than a generic SMTP_* convention. */
  signature?: readonly string[];
  /** TLS mode when no key decides it. */
  tlsDefault: TlsDefault;
  /** TLS mode when the implicit-TLS flag is explicitly false and nothing else decides. */
  tlsWhenImplicitOff?: TlsMode;
  /** URL schemes (lower case) → mode, for DSN-valued keys. */
  urlSchemes?: Readonly<Record<string, TlsMode | 'auto'>>;
  /** The framework refuses implicit TLS and STARTTLS together; the words say how it fails. */
  exclusiveTls?: string;
  /** The framework cannot do implicit TLS at all (System.Net.Mail). */
  noImplicitTls?: boolean;
  /** How to switch to STARTTLS and to implicit TLS in this framework's words, for messages. */
  howTo?: { starttls: string; implicit: string };
  /** Where the framework documents its mail settings. */
  docs?: string;
  /**
   * Keys beside the profile's prefix rather than under it that choose whether mail goes out by SMTP at all
   * (`EMAIL_TRANSPORT=sendmail` beside `EMAIL_SMTP_*`). Words are relative to the group's scope (the anchor
   * without the prefix); the group is inactive unless the value matches `activeValues`.
   */
  transportSwitches?: readonly { key: string; activeValues: RegExp }[];
}

/** Symfony Mailer, nodemailer, MailKit's Auto, gomail: implicit TLS on 465, opportunistic STARTTLS otherwise. */
const AUTO_BY_PORT: TlsDefault = { byPort: { 465: 'implicit' }, otherwise: 'starttls-opportunistic' };

/** Common URL schemes: smtps is implicit TLS; smtp lets the library decide by port. */
const COMMON_URL_SCHEMES: Record<string, TlsMode | 'auto'> = {
  smtps: 'implicit',
  'smtp+ssl': 'implicit',
  'smtp+tls': 'starttls-required',
  'smtp+starttls': 'starttls-required',
  submission: 'starttls-required',
  submissions: 'implicit',
  smtp: 'auto',
};

const VERIFY_OFF_WORDS = ['false', '0', 'no', 'off'];

/**
 * Words an implicit-TLS flag sometimes holds instead of a boolean: the Nextcloud image's `SMTP_SECURE=ssl`,
 * PHPMailer-style `SMTPSecure = 'ssl' | 'tls'`. "tls" means STARTTLS to some applications and implicit TLS
 * to others, so it stays unknown.
 */
export const IMPLICIT_FLAG_WORDS: Readonly<Record<string, TlsMode>> = {
  ssl: 'implicit',
  smtps: 'implicit',
  implicit: 'implicit',
  starttls: 'starttls-required',
};

/** nodemailer's transport options, as an object (Ghost's mail.options, n8n, Directus…). */
const NODEMAILER_KEYS: readonly KeySpec[] = [
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
];

/** Django's EMAIL_* settings; Flask-Mail, authentik and Sentry use the same two flags. */
const DJANGO_STYLE_KEYS: readonly KeySpec[] = [
  { key: 'host|server', role: 'host', default: 'localhost' },
  // Django passes EMAIL_PORT (default 25) to SMTP_SSL too: EMAIL_USE_SSL without a port connects to 25.
  { key: 'port', role: 'port', default: '25', defaultWithImplicitTls: '25' },
  { key: 'host user|username|user', role: 'user' },
  { key: 'host password|password', role: 'password' },
  { key: 'use tls', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-required' } },
  { key: 'use ssl', role: 'secure', tls: { kind: 'implicit-flag' } },
  { key: 'backend', role: 'enabled', activeValues: /smtp/i },
  { key: 'url', role: 'url' },
];

/** Ruby's mail gem (ActionMailer smtp_settings, and the apps that pass settings straight to it). */
const RAILS_KEYS: readonly KeySpec[] = [
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

const RAILS_EXCLUSIVE = 'the mail gem raises ":enable_starttls and :tls are mutually exclusive"';

export const FRAMEWORKS: readonly FrameworkProfile[] = [
  {
    id: 'spring',
    howTo: {
      starttls: 'set spring.mail.properties.mail.smtp.starttls.enable=true (and .starttls.required=true)',
      implicit: 'set spring.mail.protocol=smtps or spring.mail.properties.mail.smtp.ssl.enable=true',
    },
    name: 'Spring Boot (Jakarta Mail)',
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
      { key: 'properties mail smtp ssl trust|properties mail smtps ssl trust', role: 'verify', verifyOffWhen: ['*'] },
      { key: 'properties mail smtp ssl checkserveridentity', role: 'verify', verifyOffWhen: VERIFY_OFF_WORDS },
      { key: 'properties mail smtp auth mechanisms', role: 'oauth' },
    ],
    // Jakarta Mail never starts TLS on its own: no STARTTLS without starttls.enable, no implicit TLS without ssl.enable.
    tlsDefault: { otherwise: 'none' },
    docs: 'https://docs.spring.io/spring-boot/reference/io/email.html',
  },
  {
    id: 'jakarta-mail',
    howTo: {
      starttls: 'set mail.smtp.starttls.enable=true (and mail.smtp.starttls.required=true)',
      implicit: 'set mail.smtp.ssl.enable=true',
    },
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
      { key: 'ssl trust', role: 'verify', verifyOffWhen: ['*'] },
      { key: 'ssl checkserveridentity', role: 'verify', verifyOffWhen: VERIFY_OFF_WORDS },
      { key: 'auth mechanisms', role: 'oauth' },
    ],
    signature: ['starttls enable', 'starttls required', 'ssl enable', 'auth'],
    tlsDefault: { otherwise: 'none' },
  },
  {
    id: 'laravel',
    howTo: {
      starttls: 'set MAIL_SCHEME=smtp (Symfony Mailer then uses STARTTLS when the server offers it)',
      implicit: 'set MAIL_SCHEME=smtps',
    },
    name: 'Laravel',
    prefixes: [{ words: 'mail', needsSignature: true }],
    keys: [
      { key: 'mailer|driver', role: 'enabled', activeValues: /^(smtp|failover|roundrobin)$/i },
      { key: 'host', role: 'host' },
      { key: 'port', role: 'port', default: '587' },
      { key: 'username', role: 'user' },
      { key: 'password', role: 'password' },
      // Laravel 11+ reads MAIL_SCHEME; with none it uses smtps on 465 and smtp (Symfony's automatic STARTTLS) elsewhere.
      { key: 'scheme', role: 'protocol', tls: { kind: 'enum', values: { smtps: 'implicit', smtp: 'auto', null: 'auto' } } },
      // MAIL_ENCRYPTION is ignored by Laravel 11+, and never forces implicit TLS on other ports in Laravel 9-10 (Symfony Mailer).
      { key: 'encryption', role: 'protocol', tls: { kind: 'enum', values: { tls: 'auto', ssl: 'auto', null: 'auto', starttls: 'auto' } } },
      { key: 'url', role: 'url' },
    ],
    signature: ['mailer', 'driver', 'encryption', 'scheme', 'from address', 'from name', 'ehlo domain', 'url'],
    tlsDefault: AUTO_BY_PORT,
    urlSchemes: { smtps: 'implicit', smtp: 'auto' },
    docs: 'https://laravel.com/docs/mail',
  },
  {
    id: 'symfony',
    howTo: {
      starttls: 'use the smtp:// scheme (STARTTLS is automatic when offered)',
      implicit: 'use the smtps:// scheme',
    },
    name: 'Symfony Mailer',
    prefixes: [{ words: '' }],
    keys: [{ key: 'mailer dsn|mailer url', role: 'url' }],
    tlsDefault: AUTO_BY_PORT,
    urlSchemes: { smtps: 'implicit', smtp: 'auto' },
    docs: 'https://symfony.com/doc/current/mailer.html',
  },
  {
    id: 'django',
    howTo: {
      starttls: 'set EMAIL_USE_TLS=True and EMAIL_USE_SSL=False',
      implicit: 'set EMAIL_USE_SSL=True and EMAIL_USE_TLS=False',
    },
    name: 'Django',
    prefixes: [{ words: 'email', needsSignature: true }],
    keys: DJANGO_STYLE_KEYS,
    signature: ['host user', 'host password', 'use tls', 'use ssl', 'backend'],
    // Django only encrypts when told: EMAIL_USE_TLS (STARTTLS) or EMAIL_USE_SSL (implicit TLS).
    tlsDefault: { otherwise: 'none' },
    exclusiveTls: 'Django raises "EMAIL_USE_TLS/EMAIL_USE_SSL are mutually exclusive"',
    // django-environ's EMAIL_URL schemes.
    urlSchemes: { smtp: 'none', 'smtp+tls': 'starttls-required', 'smtp+ssl': 'implicit', smtps: 'implicit', 'submission': 'starttls-required' },
    docs: 'https://docs.djangoproject.com/en/stable/ref/settings/#email-host',
  },
  {
    id: 'flask-mail',
    howTo: {
      starttls: 'set MAIL_USE_TLS=True and MAIL_USE_SSL=False',
      implicit: 'set MAIL_USE_SSL=True and MAIL_USE_TLS=False',
    },
    name: 'Flask-Mail',
    prefixes: [{ words: 'mail', needsSignature: true }],
    keys: DJANGO_STYLE_KEYS,
    signature: ['server', 'use tls', 'use ssl'],
    tlsDefault: { otherwise: 'none' },
  },
  {
    id: 'authentik',
    howTo: {
      starttls: 'set AUTHENTIK_EMAIL__USE_TLS=true and AUTHENTIK_EMAIL__USE_SSL=false',
      implicit: 'set AUTHENTIK_EMAIL__USE_SSL=true and AUTHENTIK_EMAIL__USE_TLS=false',
    },
    name: 'authentik',
    prefixes: [{ words: 'authentik email' }],
    keys: DJANGO_STYLE_KEYS,
    tlsDefault: { otherwise: 'none' },
    exclusiveTls: 'authentik (Django) refuses EMAIL USE_TLS and USE_SSL together',
  },
  {
    id: 'rails',
    howTo: {
      starttls: 'set enable_starttls_auto: true (or enable_starttls: true) and remove tls/ssl',
      implicit: 'set tls: true and remove enable_starttls/enable_starttls_auto',
    },
    name: 'Ruby on Rails (ActionMailer)',
    prefixes: [{ words: 'smtp settings' }],
    keys: RAILS_KEYS,
    // The mail gem tries STARTTLS when offered (enable_starttls_auto defaults to true); implicit TLS needs tls: true.
    tlsDefault: { otherwise: 'starttls-opportunistic' },
    exclusiveTls: RAILS_EXCLUSIVE,
    docs: 'https://guides.rubyonrails.org/action_mailer_basics.html#action-mailer-configuration',
  },
  {
    id: 'gitlab',
    howTo: {
      starttls: 'set smtp_enable_starttls_auto = true and smtp_tls = false',
      implicit: 'set smtp_tls = true and smtp_enable_starttls_auto = false',
    },
    name: 'GitLab Omnibus',
    prefixes: [{ words: 'gitlab rails smtp' }],
    keys: [
      { key: 'enable', role: 'enabled' },
      ...RAILS_KEYS,
      { key: 'force ssl', role: 'secure', tls: { kind: 'implicit-flag' } },
    ],
    tlsDefault: { otherwise: 'starttls-opportunistic' },
    exclusiveTls: `${RAILS_EXCLUSIVE}; GitLab needs smtp_enable_starttls_auto = false with smtp_tls = true`,
    docs: 'https://docs.gitlab.com/omnibus/settings/smtp/',
  },
  {
    // Apps that hand SMTP_* variables to ActionMailer: Mastodon, Chatwoot…
    id: 'actionmailer-env',
    howTo: {
      starttls: 'set SMTP_ENABLE_STARTTLS=always (or auto) and SMTP_TLS=false',
      implicit: 'set SMTP_TLS=true and SMTP_ENABLE_STARTTLS=never',
    },
    name: 'ActionMailer (Mastodon, Chatwoot…)',
    prefixes: [{ words: 'smtp', needsSignature: true }],
    keys: [
      { key: 'server|address', role: 'host' },
      { key: 'port', role: 'port' },
      { key: 'login|username|user name', role: 'user' },
      { key: 'password', role: 'password' },
      {
        key: 'enable starttls',
        role: 'starttls',
        tls: { kind: 'enum', values: { always: 'starttls-required', never: 'none', auto: 'starttls-opportunistic' } },
      },
      { key: 'enable starttls auto', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-opportunistic' } },
      { key: 'tls|ssl', role: 'secure', tls: { kind: 'implicit-flag' } },
      { key: 'openssl verify mode', role: 'verify', verifyOffWhen: ['none'] },
      { key: 'auth method|authentication', role: 'oauth' },
    ],
    signature: ['server', 'login', 'enable starttls', 'enable starttls auto', 'openssl verify mode', 'delivery method', 'auth method', 'authentication'],
    tlsDefault: { otherwise: 'starttls-opportunistic' },
    docs: 'https://docs.joinmastodon.org/admin/config/#email',
  },
  {
    id: 'discourse',
    howTo: {
      starttls: 'set DISCOURSE_SMTP_ENABLE_START_TLS=true and DISCOURSE_SMTP_FORCE_TLS=false',
      implicit: 'set DISCOURSE_SMTP_FORCE_TLS=true',
    },
    name: 'Discourse',
    prefixes: [{ words: 'discourse smtp' }],
    keys: [
      { key: 'address', role: 'host' },
      { key: 'port', role: 'port' },
      { key: 'user name', role: 'user' },
      { key: 'password', role: 'password' },
      { key: 'enable start tls', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-opportunistic' } },
      { key: 'force tls', role: 'secure', tls: { kind: 'implicit-flag' } },
      { key: 'openssl verify mode', role: 'verify', verifyOffWhen: ['none'] },
    ],
    tlsDefault: { otherwise: 'starttls-opportunistic' },
    docs: 'https://github.com/discourse/discourse/blob/main/docs/INSTALL-email.md',
  },
  {
    id: 'nodemailer',
    howTo: {
      starttls: 'set secure: false (nodemailer then upgrades with STARTTLS; add requireTLS: true to insist)',
      implicit: 'set secure: true',
    },
    name: 'nodemailer',
    prefixes: [
      { words: 'mail options' },
      { words: 'transport', needsSignature: true },
      { words: 'smtp', needsSignature: true },
      { words: 'mail', needsSignature: true },
      { words: 'email', needsSignature: true },
      { words: 'mailer', needsSignature: true },
      { words: 'transport options', needsSignature: true },
    ],
    keys: NODEMAILER_KEYS,
    signature: ['auth user', 'auth pass', 'require tls', 'ignore tls', 'tls reject unauthorized', 'auth type'],
    // Ghost: mail.transport "SMTP" uses mail.options; other transports ignore them (ghost.org/docs/config/#mail).
    transportSwitches: [{ key: 'mail transport', activeValues: /^smtp$/i }],
    tlsDefault: AUTO_BY_PORT,
    tlsWhenImplicitOff: 'starttls-opportunistic',
    urlSchemes: COMMON_URL_SCHEMES,
    docs: 'https://nodemailer.com/smtp/',
  },
  {
    id: 'n8n',
    howTo: {
      starttls: 'set N8N_SMTP_SSL=false and N8N_SMTP_STARTTLS=true',
      implicit: 'set N8N_SMTP_SSL=true',
    },
    name: 'n8n',
    prefixes: [{ words: 'n8n smtp' }],
    keys: [
      { key: 'host', role: 'host' },
      { key: 'port', role: 'port', default: '465', defaultWithImplicitTls: '465' },
      { key: 'user', role: 'user' },
      { key: 'pass', role: 'password' },
      // N8N_SMTP_SSL defaults to true: implicit TLS unless set to false.
      { key: 'ssl', role: 'secure', tls: { kind: 'implicit-flag' }, default: 'true' },
      { key: 'starttls', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-opportunistic' } },
      { key: 'oauth service client|oauth private key', role: 'oauth' },
    ],
    tlsDefault: AUTO_BY_PORT,
    tlsWhenImplicitOff: 'starttls-opportunistic',
    // N8N_EMAIL_MODE: "smtp" (the default) or empty to send no mail (same docs page).
    transportSwitches: [{ key: 'n8n email mode', activeValues: /^smtp$/i }],
    docs: 'https://docs.n8n.io/hosting/configuration/environment-variables/user-management-smtp-2fa/',
  },
  {
    id: 'lightdash',
    howTo: {
      starttls: 'set EMAIL_SMTP_SECURE=false',
      implicit: 'set EMAIL_SMTP_SECURE=true',
    },
    name: 'Lightdash',
    prefixes: [{ words: 'email smtp', needsSignature: true }],
    keys: [
      { key: 'host', role: 'host' },
      { key: 'port', role: 'port', default: '587', defaultWithImplicitTls: '587' },
      { key: 'user', role: 'user' },
      { key: 'password', role: 'password' },
      { key: 'access token', role: 'oauth' },
      { key: 'secure', role: 'secure', tls: { kind: 'implicit-flag' }, default: 'true' },
      { key: 'allow invalid cert', role: 'verify', verifyOffWhen: 'true' },
    ],
    signature: ['sender email', 'sender name', 'allow invalid cert', 'access token'],
    tlsDefault: AUTO_BY_PORT,
    tlsWhenImplicitOff: 'starttls-opportunistic',
  },
  {
    id: 'directus',
    howTo: {
      starttls: 'set EMAIL_SMTP_SECURE=false and EMAIL_SMTP_IGNORE_TLS=false',
      implicit: 'set EMAIL_SMTP_SECURE=true',
    },
    name: 'Directus',
    prefixes: [{ words: 'email smtp' }],
    keys: [
      { key: 'host', role: 'host' },
      { key: 'port', role: 'port' },
      { key: 'user', role: 'user' },
      { key: 'password', role: 'password' },
      { key: 'secure', role: 'secure', tls: { kind: 'implicit-flag' } },
      { key: 'ignore tls', role: 'starttls', tls: { kind: 'no-tls-flag' } },
      { key: 'tls reject unauthorized', role: 'verify', verifyOffWhen: VERIFY_OFF_WORDS },
    ],
    tlsDefault: AUTO_BY_PORT,
    tlsWhenImplicitOff: 'starttls-opportunistic',
    // EMAIL_TRANSPORT defaults to sendmail; EMAIL_SMTP_* only count with "smtp" (directus.io/docs/configuration/email).
    transportSwitches: [{ key: 'email transport', activeValues: /^smtp$/i }],
    docs: 'https://directus.io/docs/configuration/email',
  },
  {
    id: 'gotrue',
    name: 'Supabase Auth (GoTrue)',
    prefixes: [{ words: 'gotrue smtp' }, { words: 'smtp', needsSignature: true }],
    keys: [
      { key: 'host', role: 'host' },
      { key: 'port', role: 'port' },
      { key: 'user', role: 'user' },
      { key: 'pass', role: 'password' },
    ],
    signature: ['admin email', 'sender name', 'max frequency'],
    tlsDefault: AUTO_BY_PORT,
  },
  {
    id: 'plausible',
    howTo: {
      starttls: 'set SMTP_HOST_SSL_ENABLED=false',
      implicit: 'set SMTP_HOST_SSL_ENABLED=true',
    },
    name: 'Plausible',
    prefixes: [{ words: 'smtp', needsSignature: true }],
    keys: [
      { key: 'host addr', role: 'host' },
      // Bamboo.Mua (the default adapter of current Plausible CE) defaults to 587, the older Bamboo.SMTPAdapter
      // to 25: without SMTP_HOST_PORT the port is left unknown rather than guessed.
      { key: 'host port', role: 'port' },
      { key: 'user name', role: 'user' },
      { key: 'user pwd', role: 'password' },
      { key: 'host ssl enabled', role: 'secure', tls: { kind: 'implicit-flag' } },
    ],
    signature: ['host addr', 'host port', 'user pwd', 'host ssl enabled'],
    // plausible/analytics config/runtime.exs, Bamboo.Mua: protocol :ssl when SMTP_HOST_SSL_ENABLED is true, or
    // when it is unset and the port is 465; otherwise :tcp, upgraded with STARTTLS when offered.
    tlsDefault: { byPort: { 465: 'implicit' }, otherwise: 'starttls-opportunistic' },
    tlsWhenImplicitOff: 'starttls-opportunistic',
    // MAILER_ADAPTER picks the transport: Bamboo.Mua (default) and Bamboo.SMTPAdapter read SMTP_*; the
    // Postmark, Mailgun, SendGrid and Mandrill adapters send over HTTP APIs (same file).
    transportSwitches: [{ key: 'mailer adapter', activeValues: /^bamboo\.(mua|smtpadapter)$/i }],
  },
  {
    id: 'nextcloud',
    howTo: {
      starttls: 'leave mail_smtpsecure empty (STARTTLS is automatic when offered)',
      implicit: "set mail_smtpsecure to 'ssl'",
    },
    name: 'Nextcloud',
    prefixes: [{ words: 'mail', needsSignature: true }],
    keys: [
      { key: 'smtpmode', role: 'enabled', activeValues: /^smtp$/i },
      { key: 'smtphost', role: 'host' },
      { key: 'smtpport', role: 'port', default: '25' },
      { key: 'smtpname', role: 'user' },
      { key: 'smtppassword', role: 'password' },
      { key: 'smtpsecure', role: 'secure', tls: { kind: 'enum', values: { ssl: 'implicit', '': 'auto', tls: 'auto' } } },
    ],
    signature: ['smtphost', 'smtpport', 'smtpsecure', 'smtpname', 'smtpmode'],
    tlsDefault: AUTO_BY_PORT,
    docs: 'https://docs.nextcloud.com/server/latest/admin_manual/configuration_server/email_configuration.html',
  },
  {
    id: 'keycloak',
    howTo: {
      starttls: 'set starttls to true and ssl to false',
      implicit: 'set ssl to true and starttls to false',
    },
    name: 'Keycloak',
    prefixes: [{ words: 'smtp server' }],
    keys: [
      { key: 'host', role: 'host' },
      { key: 'port', role: 'port', default: '25' },
      { key: 'user', role: 'user' },
      { key: 'password', role: 'password' },
      { key: 'ssl', role: 'secure', tls: { kind: 'implicit-flag' } },
      { key: 'starttls', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-required' } },
      { key: 'auth type', role: 'oauth' },
    ],
    tlsDefault: { otherwise: 'none' },
    docs: 'https://www.keycloak.org/docs/latest/server_admin/#_email',
  },
  {
    id: 'grafana',
    howTo: {
      starttls: 'set startTLS_policy = MandatoryStartTLS',
      implicit: 'use port 465 (Grafana then uses implicit TLS)',
    },
    name: 'Grafana',
    prefixes: [{ words: 'gf smtp' }, { words: 'smtp', needsSignature: true }],
    keys: [
      { key: 'enabled', role: 'enabled' },
      { key: 'host', role: 'host', default: 'localhost:25', hostWithPort: true },
      { key: 'user', role: 'user' },
      { key: 'password', role: 'password' },
      { key: 'skip verify', role: 'verify', verifyOffWhen: 'true' },
      {
        key: 'start tls policy|starttls policy',
        role: 'starttls',
        tls: {
          kind: 'enum',
          values: { mandatorystarttls: 'starttls-required', opportunisticstarttls: 'auto', nostarttls: 'none', '': 'auto' },
        },
      },
    ],
    signature: ['skip verify', 'start tls policy', 'starttls policy', 'from address', 'from name', 'ehlo identity', 'cert file'],
    // Grafana's dialer uses implicit TLS on 465 and opportunistic STARTTLS elsewhere.
    tlsDefault: AUTO_BY_PORT,
    docs: 'https://grafana.com/docs/grafana/latest/setup-grafana/configure-grafana/#smtp',
  },
  {
    id: 'gitea',
    howTo: {
      starttls: 'set PROTOCOL = smtp+starttls',
      implicit: 'set PROTOCOL = smtps',
    },
    name: 'Gitea / Forgejo',
    prefixes: [{ words: 'gitea mailer' }, { words: 'forgejo mailer' }, { words: 'mailer', needsSignature: true }],
    keys: [
      { key: 'enabled', role: 'enabled' },
      { key: 'smtp addr', role: 'host' },
      { key: 'host', role: 'host', hostWithPort: true },
      { key: 'smtp port', role: 'port' },
      { key: 'user', role: 'user' },
      { key: 'passwd', role: 'password' },
      {
        key: 'protocol',
        role: 'protocol',
        tls: { kind: 'enum', values: { smtps: 'implicit', 'smtp+starttls': 'starttls-required', smtp: 'unknown', 'smtp+unix': 'unknown', sendmail: 'unknown', dummy: 'unknown' } },
      },
      { key: 'force trust server cert', role: 'verify', verifyOffWhen: 'true' },
      { key: 'is tls enabled', role: 'secure', tls: { kind: 'implicit-flag' } },
    ],
    signature: ['smtp addr', 'smtp port', 'passwd', 'protocol', 'force trust server cert'],
    // With no PROTOCOL, Gitea infers it from the port.
    tlsDefault: { byPort: { 465: 'implicit', 587: 'starttls-required' }, otherwise: 'unknown' },
    docs: 'https://docs.gitea.com/administration/email-setup',
  },
  {
    id: 'mattermost',
    name: 'Mattermost',
    howTo: { starttls: 'set "ConnectionSecurity": "STARTTLS"', implicit: 'set "ConnectionSecurity": "TLS"' },
    // config.json's EmailSettings, and the same settings as environment variables, where each name is one
    // upper-case word: MM_EMAILSETTINGS_SMTPSERVER, MM_EMAILSETTINGS_CONNECTIONSECURITY (Mattermost docs,
    // "Environment configuration settings": every setting lists its MM_<SECTION>_<SETTING> variable).
    prefixes: [{ words: 'email settings' }, { words: 'mm emailsettings' }],
    keys: [
      { key: 'smtp server|smtpserver', role: 'host' },
      { key: 'smtp port|smtpport', role: 'port' },
      { key: 'smtp username|smtpusername', role: 'user' },
      { key: 'smtp password|smtppassword', role: 'password' },
      {
        key: 'connection security|connectionsecurity',
        role: 'secure',
        tls: { kind: 'enum', values: { '': 'none', tls: 'implicit', starttls: 'starttls-required' } },
      },
      { key: 'skip server certificate verification|skipservercertificateverification', role: 'verify', verifyOffWhen: 'true' },
    ],
    tlsDefault: { otherwise: 'none' },
    docs: 'https://docs.mattermost.com/configure/environment-configuration-settings.html#smtp-email-server',
  },
  {
    // The dawidd6/action-send-mail GitHub Action (nodemailer underneath).
    id: 'action-send-mail',
    name: 'action-send-mail (GitHub Actions)',
    howTo: { starttls: 'set secure: false', implicit: 'set secure: true' },
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
    docs: 'https://github.com/dawidd6/action-send-mail',
  },
  {
    id: 'system-net-mail',
    howTo: {
      starttls: 'set EnableSsl to true',
      implicit: "not possible: System.Net.Mail's SmtpClient has no implicit TLS, use port 587 with EnableSsl",
    },
    name: '.NET System.Net.Mail',
    prefixes: [
      { words: 'smtp', needsSignature: true },
      { words: 'email', needsSignature: true },
      { words: 'mail', needsSignature: true },
      { words: 'smtp settings', needsSignature: true },
      { words: 'email settings', needsSignature: true },
      { words: 'mail settings', needsSignature: true },
      { words: 'smtp options', needsSignature: true },
      { words: 'email options', needsSignature: true },
      { words: 'smtp client', needsSignature: true },
      { words: 'smtp config', needsSignature: true },
    ],
    keys: [
      { key: 'host|server', role: 'host' },
      { key: 'port', role: 'port' },
      { key: 'user name|username|user', role: 'user' },
      { key: 'password', role: 'password' },
      // EnableSsl means STARTTLS (RFC 3207); SmtpClient cannot speak implicit TLS at all.
      { key: 'enable ssl', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-required' } },
    ],
    signature: ['enable ssl', 'default credentials', 'use default credentials', 'delivery method'],
    tlsDefault: { otherwise: 'none' },
    noImplicitTls: true,
    docs: 'https://learn.microsoft.com/dotnet/api/system.net.mail.smtpclient.enablessl',
  },
  {
    // Vaultwarden (lettre). Source: dani-garcia/vaultwarden src/config.rs: SMTP_SECURITY is one of
    // "starttls" (default; STARTTLS required, port 587), "force_tls" (implicit TLS, port 465) or "off"
    // (no encryption, port 25); any other value is refused at start-up. The deprecated SMTP_SSL and
    // SMTP_EXPLICIT_TLS convert as: SMTP_EXPLICIT_TLS=true → force_tls (despite its name), SMTP_SSL=false →
    // off, otherwise starttls (smtp_convert_deprecated_ssl_options): SMTP_SSL=true means STARTTLS here.
    id: 'vaultwarden',
    howTo: {
      starttls: 'set SMTP_SECURITY=starttls',
      implicit: 'set SMTP_SECURITY=force_tls',
    },
    name: 'Vaultwarden',
    prefixes: [{ words: 'vaultwarden environment smtp' }, { words: 'smtp', needsSignature: true }],
    keys: [
      { key: 'host', role: 'host' },
      { key: 'port', role: 'port', default: '587', defaultWithImplicitTls: '465' },
      { key: 'username', role: 'user' },
      { key: 'password', role: 'password' },
      {
        key: 'security',
        role: 'secure',
        // Other applications' SMTP_SECURITY words (ssl, none, tls) keep their usual meaning.
        tls: { kind: 'enum', values: { starttls: 'starttls-required', force_tls: 'implicit', off: 'none', ssl: 'implicit', none: 'none', tls: 'unknown' } },
        default: 'starttls',
      },
      { key: 'ssl', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-required' } },
      { key: 'explicit tls', role: 'secure', tls: { kind: 'implicit-flag' } },
      { key: 'accept invalid certs|accept invalid hostnames', role: 'verify', verifyOffWhen: 'true' },
      { key: 'auth mechanism', role: 'oauth' },
    ],
    signature: ['security', 'explicit tls', 'accept invalid certs', 'accept invalid hostnames', 'auth mechanism', 'embed images'],
    tlsDefault: { otherwise: 'starttls-required' },
    docs: 'https://github.com/dani-garcia/vaultwarden/wiki/SMTP-Configuration',
  },
  {
    // Outline (nodemailer). Source: outline/outline server/env.ts: SMTP_SECURE = toBoolean(SMTP_SECURE ?? "true")
    // ("If true (the default) the connection will use TLS when connecting to server"), nodemailer's `secure`;
    // SMTP_DISABLE_STARTTLS (default false) stops the STARTTLS upgrade. So SMTP_PORT=587 without
    // SMTP_SECURE=false speaks TLS to a plaintext port.
    id: 'outline',
    howTo: {
      starttls: 'set SMTP_SECURE=false (nodemailer then upgrades with STARTTLS)',
      implicit: 'set SMTP_SECURE=true (the default)',
    },
    name: 'Outline',
    prefixes: [{ words: 'outline environment smtp' }, { words: 'smtp', needsSignature: true }],
    keys: [
      { key: 'host', role: 'host' },
      // nodemailer's port default: 465 when secure, else 587.
      { key: 'port', role: 'port', default: '587', defaultWithImplicitTls: '465' },
      { key: 'username', role: 'user' },
      { key: 'password', role: 'password' },
      { key: 'secure', role: 'secure', tls: { kind: 'implicit-flag' }, default: 'true' },
      { key: 'disable starttls', role: 'starttls', tls: { kind: 'no-tls-flag' } },
    ],
    signature: ['reply email', 'tls ciphers', 'disable starttls'],
    tlsDefault: AUTO_BY_PORT,
    tlsWhenImplicitOff: 'starttls-opportunistic',
  },
  {
    id: 'generic',
    howTo: {
      starttls: 'set the secure/SSL flag to false so the client upgrades with STARTTLS',
      implicit: 'set the secure/SSL flag to true',
    },
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
    ],
    // Without a framework to go by, a bare SMTP_PORT says nothing about TLS.
    tlsDefault: { otherwise: 'unknown' },
    tlsWhenImplicitOff: 'starttls-opportunistic',
    urlSchemes: COMMON_URL_SCHEMES,
  },
];

/** URL query options (Symfony DSN, nodemailer URL) and what they mean. */
export const URL_OPTIONS: readonly {
  name: RegExp;
  meaning: 'verify-off-when-false' | 'no-auto-tls-when-false' | 'require-tls-when-true' | 'implicit-when-true' | 'ignore-tls-when-true';
}[] = [
  { name: /^verify_peer$/i, meaning: 'verify-off-when-false' },
  { name: /^(tls\.)?rejectunauthorized$/i, meaning: 'verify-off-when-false' },
  { name: /^auto_tls$/i, meaning: 'no-auto-tls-when-false' },
  { name: /^require_?tls$/i, meaning: 'require-tls-when-true' },
  { name: /^secure$/i, meaning: 'implicit-when-true' },
  { name: /^ignore_?tls$/i, meaning: 'ignore-tls-when-true' },
];

/** Environment switches that turn certificate verification off for a whole process, SMTP included. */
export const PROCESS_VERIFY_SWITCHES: readonly { key: string; offWhen: readonly string[] }[] = [
  { key: 'node tls reject unauthorized', offWhen: ['0'] },
];
