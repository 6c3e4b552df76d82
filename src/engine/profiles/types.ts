// What a framework profile is: everything SMTP Doctor knows about one framework, app
// or library, in one object (one module per profile in this folder, listed in index.ts).
// Sources: shared/reference/smtp-facts.md, section C (framework source code and docs),
// and the comments of each profile.
//
// Keys are written as lower-case words: `EMAIL_HOST_USER`, `emailHostUser` and
// `email.host-user` are all "email host user". A profile matches a setting when
// the setting's full word path ends with one of the profile's prefixes followed
// by one of its keys; everything before the prefix (a Compose service, a YAML
// parent) is the group's scope.

import type { SettingRole, TlsMode } from '../types';

/** Every profile's id; index.ts maps each to its profile, so a missing one does not compile. */
export type ProfileId =
  | 'spring'
  | 'jakarta-mail'
  | 'laravel'
  | 'symfony'
  | 'django'
  | 'flask-mail'
  | 'authentik'
  | 'rails'
  | 'redmine'
  | 'gitlab'
  | 'actionmailer-env'
  | 'discourse'
  | 'bitnami-discourse'
  | 'bitnami-ghost'
  | 'bitnami-wordpress'
  | 'nodemailer'
  | 'n8n'
  | 'lightdash'
  | 'directus'
  | 'gotrue'
  | 'plausible'
  | 'nextcloud'
  | 'keycloak'
  | 'grafana'
  | 'gitea'
  | 'mattermost'
  | 'action-send-mail'
  | 'system-net-mail'
  | 'vaultwarden'
  | 'outline'
  | 'synapse'
  | 'peertube'
  | 'maybe'
  | 'play-mailer'
  | 'play-smtp'
  | 'smtplib'
  | 'phpmailer'
  | 'swiftmailer'
  | 'net-smtp'
  | 'mail-gem'
  | 'docker-gitlab'
  | 'airflow'
  | 'superset'
  | 'metabase'
  | 'paperless'
  | 'formbricks'
  | 'documenso'
  | 'snapp'
  | 'wp-mail-smtp'
  | 'mailkit'
  | 'go-net-smtp'
  | 'gomail'
  | 'go-mail'
  | 'alertmanager'
  | 'authelia'
  | 'calcom'
  | 'docmost'
  | 'gotosocial'
  | 'healthchecks'
  | 'hoppscotch'
  | 'jellyseerr'
  | 'kanboard'
  | 'keila'
  | 'lldap'
  | 'mealie'
  | 'ntfy'
  | 'odoo'
  | 'ory-kratos'
  | 'passbolt'
  | 'penpot'
  | 'pretix'
  | 'rallly'
  | 'roundcube'
  | 'roundcube-config'
  | 'matomo'
  | 'sentry'
  | 'twenty'
  | 'weblate'
  | 'lemmy'
  | 'dify'
  | 'baserow'
  | 'netbox'
  | 'mailman'
  | 'ratticweb'
  | 'fluent-plugin-mail'
  | 'vikunja'
  | 'pocket-id'
  | 'immich'
  | 'icloud-docker'
  | 'generic';

/** The TLS modes a fix can switch to, and advice can be given for. */
export type TlsTarget = 'starttls' | 'implicit';

// ---- vocabulary and how the framework reads it ------------------------------

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
  /**
   * Another key of the profile that changes what this key means (Dify's SMTP_OPPORTUNISTIC_TLS=true turns
   * SMTP_USE_TLS from implicit TLS into STARTTLS). The first condition whose key reads `is` (written, else its
   * default) gives the meaning; a condition key whose value cannot be read makes this key's meaning unknown.
   */
  tlsIf?: readonly { key: string; is: boolean; tls: TlsMeaning }[];
  /** The app reads the flag as Python's `bool(os.getenv(…))` (Baserow): any non-empty value, `false` included, is on. */
  nonEmptyIsTrue?: boolean;
  /** For role 'verify': which values switch certificate verification off. */
  verifyOffWhen?: 'true' | 'false' | readonly string[];
  /**
   * For role 'verify': a narrower switch (PHP's verify_peer_name beside verify_peer), reported only when no other
   * verification switch of the group is off: one block that switches verification off is one finding.
   */
  narrowerVerify?: boolean;
  /** For role 'enabled': values (lower case) that make the group active; a boolean flag when absent. */
  activeValues?: RegExp;
  /** The framework's value when the key is absent. */
  default?: string;
  /** For role 'port': the default when the connection uses implicit TLS (otherwise no default applies then). */
  defaultWithImplicitTls?: string;
  /** For role 'port': a written port the app replaces when it uses implicit TLS (go-mail's WithSSLPort turns 25 into 465). */
  implicitTlsMovesPort?: Readonly<Record<number, number>>;
  /** For role 'port': a fix never adds this key (Roundcube 1.6 no longer reads smtp_port); the port goes into a host that carries one. */
  neverAdd?: boolean;
  /** The host value may carry `:port` by design (Grafana's `host = smtp.x.com:587`). */
  hostWithPort?: boolean;
  /**
   * For role 'host': schemes the application reads in the host value by design (lower case) and the TLS mode each
   * gives (CakePHP's `ssl://smtp.example.com` is implicit TLS). Such a scheme is not a malformed host.
   */
  hostSchemes?: Readonly<Record<string, TlsMode>>;
}

export interface Prefix {
  words: string;
  /** Match only when one of the profile's signature keys is present under this prefix. */
  needsSignature?: boolean;
  /**
   * Match only when one of these keys is present under this prefix (a stricter signature, for an empty prefix);
   * `.` is the prefix itself written as a key (Baserow's EMAIL_SMTP beside EMAIL_SMTP_HOST).
   */
  signature?: readonly string[];
  /**
   * A signature key that counts only with a value matching this (fluent-plugin-mail's `type mail`: a database block's
   * `type: postgres` beside its `host` is not the plugin).
   */
  signatureValues?: Readonly<Record<string, RegExp>>;
}

/** The TLS mode when no key decides it, by port; `otherwise` for every other port. */
export interface TlsDefault {
  byPort?: Readonly<Record<number, TlsMode>>;
  otherwise: TlsMode;
}

// ---- fix recipes --------------------------------------------------------------
//
// How the profile writes "use STARTTLS" and "use implicit TLS": which keys to set to
// which values. Data only; the fix machinery (fixes/context.ts) applies it in the
// file's own spelling. A write sets every present entry of its key. `add` keys are
// added when absent, but only if the framework's defaults do not already give the
// mode once the other writes are made (a Rails app gets STARTTLS without
// enable_starttls_auto, so nothing is added there). Keys without `add` are changed
// only when present: "turn off EMAIL_USE_SSL if it is there".

/** A value chosen from the existing one, for enum-valued keys whose vocabulary differs between applications. */
export interface EnumChoice {
  choose: readonly { when: RegExp; write: string }[];
  otherwise: string;
}

export interface KeyWrite {
  /** One alternative of a KeySpec key of the profile, in words: 'use tls', 'properties mail smtp starttls enable'. */
  key: string;
  value: boolean | string | EnumChoice;
  /** Add the key when absent, if the framework's defaults do not already give the mode. */
  add?: boolean;
  /** An existing value matching this is already right and is left alone. */
  keep?: RegExp;
  /**
   * How the key is spelled when added to a file whose sibling keys do not show a style
   * (lower-case single words such as `host`): `requireTLS`, `use_tls`; dots nest.
   */
  spelling?: string;
}

export interface TlsWrites {
  keys: readonly KeyWrite[];
  /** The scheme of a URL-valued setting (MAILER_DSN, EMAIL_URL). */
  scheme?: string;
  /**
   * The scheme the host value carries for this mode, for a host key with `hostSchemes` (Roundcube's `tls://`,
   * CakePHP's `ssl://`); '' removes a scheme. No fix when the host is not written.
   */
  hostScheme?: string;
  /** URL query options that contradict the mode, removed when present. */
  dropOptions?: RegExp;
  /** No fix when an entry of the file (same document) has a dotted path matching this: the switch would silently drop those settings. */
  blockedBy?: RegExp;
}

export interface TlsRecipe {
  starttls: TlsWrites;
  /** Absent when the framework cannot use implicit TLS at all. */
  implicit?: TlsWrites;
}

/** How the framework's users write literals, where the file itself shows no example to copy. */
export interface Spelling {
  /** The letter case of a new boolean (`True`: Python's, also in the .env files of Django apps). Default `true`. */
  booleans?: 'True' | 'true';
  /** The framework keeps every setting as a string (Keycloak's realm JSON: "port": "587", "starttls": "true"). */
  stringValues?: boolean;
}

// ---- the profile --------------------------------------------------------------

export interface FrameworkProfile<Id extends ProfileId = ProfileId> {
  id: Id;
  /** The name shown to users: hovers, CodeLens, messages. */
  name: string;
  /** Where the framework documents its mail settings (linked from the hover). */
  docs?: string;

  // Vocabulary
  prefixes: readonly Prefix[];
  keys: readonly KeySpec[];
  /** Keys that identify this framework rather than a generic SMTP_* convention; `a & b` needs both keys. */
  signature?: readonly string[];
  /**
   * The container images that run this app (`uraniadev/snapp`, `bitnami/discourse`), tested on the `image:` of the
   * Compose service or Kubernetes container whose environment holds the settings: a match identifies the app even
   * where its keys are common words (SMTP_HOST, SMTP_PORT), and wins over every other profile's signature.
   */
  images?: RegExp;
  /**
   * Keys beside the profile's prefix rather than under it that choose whether mail goes out by SMTP at all
   * (`EMAIL_TRANSPORT=sendmail` beside `EMAIL_SMTP_*`). Words are relative to the group's scope (the anchor
   * without the prefix); the group is inactive unless the value matches `activeValues`.
   */
  transportSwitches?: readonly { key: string; activeValues: RegExp }[];

  // How it chooses TLS
  /** TLS mode when no key decides it. */
  tlsDefault: TlsDefault;
  /** TLS mode when the implicit-TLS flag is explicitly false and nothing else decides. */
  tlsWhenImplicitOff?: TlsMode;
  /** URL schemes (lower case) → mode, for DSN-valued keys. */
  urlSchemes?: Readonly<Record<string, TlsMode | 'auto'>>;
  /** The framework refuses implicit TLS and STARTTLS together; the words say how it fails. */
  exclusiveTls?: string;
  /** The framework cannot do implicit TLS at all (System.Net.Mail); its recipe then has no `implicit`. */
  noImplicitTls?: boolean;

  // Fixes, and the words for them
  /** The edits that switch TLS (quick fixes). */
  tlsRecipe: TlsRecipe;
  spelling?: Spelling;
  /**
   * The setting that makes STARTTLS mandatory where the framework otherwise upgrades only when the server offers it
   * (nodemailer's requireTLS, Play's tlsRequired, the mail gem's enable_starttls): `howTo` the action ("set
   * requireTLS: true"); a fix sets `key` (a KeySpec alternative, so a key the software reads) to `value`; with `add`, it
   * is added where absent, spelled like its siblings (`spelling` where they show no style). `add` only where that
   * spelling is what the software reads: not for camelCase keys (requireTLS) that an env-style file would misspell. `add: 'code'`:
   * added only in code, where the reader gives the library's own options object and spells the key (code/javascript.ts).
   * No `key`: a setting no fix can write (a DSN option). Absent where the framework has no such setting (Documenso, Nextcloud, Discourse).
   */
  requireStarttls?: { key?: string; value?: boolean | string; spelling?: string; add?: boolean | 'code'; howTo: string };
  /** The same switches in the framework's own words, for rule messages and the probe's advice ("set MAIL_SCHEME=smtps"). */
  /** The action only, without why ("set MAIL_SCHEME=smtp"): rule messages start with it and must stay within 160 characters. */
  howTo?: { starttls: string; implicit: string };
}
