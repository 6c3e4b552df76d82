// How each framework profile (src/engine/facts/frameworks.ts) writes "use STARTTLS"
// and "use implicit TLS": which keys to set to which values. Data only; the fix
// machinery (context.ts) applies it in the file's own spelling.
//
// A write sets every present entry of its key. `add` keys are added when absent,
// but only if the framework's defaults do not already give the mode once the
// other writes are made (a Rails app gets STARTTLS without enable_starttls_auto,
// so nothing is added there). Keys without `add` are changed only when present:
// "turn off EMAIL_USE_SSL if it is there".

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
  /** URL query options that contradict the mode, removed when present. */
  dropOptions?: RegExp;
  /** No fix when an entry of the file (same document) has a dotted path matching this: the switch would silently drop those settings. */
  blockedBy?: RegExp;
}

export interface TlsRecipe {
  /** The framework keeps every setting as a string (Keycloak's realm JSON: "port": "587", "starttls": "true"). */
  stringValues?: boolean;
  starttls: TlsWrites;
  /** Absent when the framework cannot use implicit TLS at all. */
  implicit?: TlsWrites;
}

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

/** Django's EMAIL_USE_TLS / EMAIL_USE_SSL; django-environ's EMAIL_URL schemes for Django itself. */
function djangoStyle(urlSchemes: boolean): TlsRecipe {
  return {
    starttls: {
      keys: [
        { key: 'use tls', value: true, add: true, spelling: 'use_tls' },
        { key: 'use ssl', value: false },
      ],
      scheme: urlSchemes ? 'smtp+tls' : undefined,
    },
    implicit: {
      keys: [
        { key: 'use ssl', value: true, add: true, spelling: 'use_ssl' },
        { key: 'use tls', value: false },
      ],
      scheme: urlSchemes ? 'smtp+ssl' : undefined,
    },
  };
}

/**
 * Ruby's mail gem (Rails, GitLab): enable_starttls_auto is on by default; it refuses
 * tls together with enable_starttls / enable_starttls_auto, so the other is turned off.
 */
function railsStyle(extraOff: readonly KeyWrite[]): TlsRecipe {
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

export const TLS_RECIPES: Readonly<Record<string, TlsRecipe>> = {
  spring: {
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
      keys: [{ key: 'properties mail smtp ssl enable', value: true, add: true, spelling: 'properties.mail.smtp.ssl.enable' }],
    },
  },
  'jakarta-mail': {
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
  laravel: {
    // Laravel 11+: MAIL_SCHEME; without one, smtps on 465 and smtp (automatic STARTTLS) elsewhere.
    starttls: { keys: [{ key: 'scheme', value: 'smtp', keep: /^(smtp|null|)$/i }], scheme: 'smtp' },
    implicit: { keys: [{ key: 'scheme', value: 'smtps', add: true }], scheme: 'smtps' },
  },
  symfony: {
    starttls: { keys: [], scheme: 'smtp' },
    implicit: { keys: [], scheme: 'smtps' },
  },
  django: djangoStyle(true),
  'flask-mail': djangoStyle(false),
  authentik: djangoStyle(false),
  rails: railsStyle([]),
  gitlab: railsStyle([{ key: 'force ssl', value: false }]),
  'actionmailer-env': {
    starttls: {
      keys: [
        { key: 'enable starttls', value: 'always', keep: /^(always|auto)$/i },
        { key: 'enable starttls auto', value: true },
        { key: 'tls', value: false },
      ],
    },
    implicit: {
      keys: [
        { key: 'tls', value: true, add: true, spelling: 'tls' },
        { key: 'enable starttls', value: 'never' },
        { key: 'enable starttls auto', value: false },
      ],
    },
  },
  discourse: {
    starttls: {
      keys: [
        { key: 'enable start tls', value: true, add: true, spelling: 'enable_start_tls' },
        { key: 'force tls', value: false },
      ],
    },
    implicit: {
      keys: [
        { key: 'force tls', value: true, add: true, spelling: 'force_tls' },
        { key: 'enable start tls', value: false },
      ],
    },
  },
  nodemailer: {
    starttls: {
      keys: [
        { key: 'secure', value: false },
        { key: 'ignore tls', value: false },
      ],
      scheme: 'smtp',
      dropOptions: /^secure$/i,
    },
    implicit: { keys: [{ key: 'secure', value: true, add: true, spelling: 'secure' }], scheme: 'smtps' },
  },
  n8n: {
    // N8N_SMTP_SSL defaults to true.
    starttls: {
      keys: [
        { key: 'ssl', value: false, add: true, spelling: 'ssl' },
        { key: 'starttls', value: true },
      ],
    },
    implicit: {
      keys: [
        { key: 'ssl', value: true },
        { key: 'starttls', value: false },
      ],
    },
  },
  lightdash: {
    // EMAIL_SMTP_SECURE defaults to true.
    starttls: { keys: [{ key: 'secure', value: false, add: true, spelling: 'secure' }] },
    implicit: { keys: [{ key: 'secure', value: true }] },
  },
  directus: {
    starttls: {
      keys: [
        { key: 'secure', value: false },
        { key: 'ignore tls', value: false },
      ],
    },
    implicit: { keys: [{ key: 'secure', value: true, add: true, spelling: 'secure' }] },
  },
  // GoTrue decides by port alone.
  gotrue: { starttls: { keys: [] }, implicit: { keys: [] } },
  plausible: {
    starttls: { keys: [{ key: 'host ssl enabled', value: false }] },
    implicit: { keys: [{ key: 'host ssl enabled', value: true, add: true, spelling: 'host_ssl_enabled' }] },
  },
  nextcloud: {
    // An empty mail_smtpsecure lets Nextcloud use STARTTLS when offered.
    starttls: { keys: [{ key: 'smtpsecure', value: '', keep: /^(tls)?$/i }] },
    implicit: { keys: [{ key: 'smtpsecure', value: 'ssl', add: true, spelling: 'smtpsecure' }] },
  },
  keycloak: {
    stringValues: true,
    starttls: {
      keys: [
        { key: 'starttls', value: true, add: true, spelling: 'starttls' },
        { key: 'ssl', value: false },
      ],
    },
    implicit: {
      keys: [
        { key: 'ssl', value: true, add: true, spelling: 'ssl' },
        { key: 'starttls', value: false },
      ],
    },
  },
  grafana: {
    // Grafana uses implicit TLS on 465 and STARTTLS elsewhere: the port (in `host = x:587`) decides.
    starttls: { keys: [{ key: 'start tls policy', value: 'MandatoryStartTLS', keep: /^(mandatorystarttls|opportunisticstarttls)$/i }] },
    implicit: { keys: [] },
  },
  gitea: {
    starttls: {
      keys: [
        { key: 'protocol', value: 'smtp+starttls', add: true, spelling: 'protocol' },
        { key: 'is tls enabled', value: false },
      ],
    },
    implicit: { keys: [{ key: 'protocol', value: 'smtps', add: true, spelling: 'protocol' }] },
  },
  mattermost: {
    // EmailSettings.ConnectionSecurity: "" (none), "STARTTLS", "TLS" (implicit).
    starttls: { keys: [{ key: 'connection security', value: 'STARTTLS', add: true, keep: /^starttls$/i, spelling: 'ConnectionSecurity' }] },
    implicit: { keys: [{ key: 'connection security', value: 'TLS', add: true, keep: /^tls$/i, spelling: 'ConnectionSecurity' }] },
  },
  'action-send-mail': {
    // nodemailer underneath: implicit TLS on 465, STARTTLS when offered elsewhere.
    starttls: { keys: [{ key: 'secure', value: false }] },
    implicit: { keys: [{ key: 'secure', value: true, add: true, spelling: 'secure' }] },
  },
  'system-net-mail': {
    // EnableSsl is STARTTLS; SmtpClient cannot do implicit TLS.
    starttls: { keys: [{ key: 'enable ssl', value: true, add: true, spelling: 'enableSsl' }] },
  },
  vaultwarden: {
    // SMTP_SECURITY: starttls (the default) | force_tls | off; the deprecated SMTP_EXPLICIT_TLS=true means force_tls.
    starttls: {
      keys: [
        { key: 'security', value: 'starttls', add: true, keep: /^starttls$/i, spelling: 'security' },
        { key: 'explicit tls', value: false },
        { key: 'ssl', value: true },
      ],
    },
    implicit: { keys: [{ key: 'security', value: 'force_tls', add: true, keep: /^force_tls$/i, spelling: 'security' }] },
  },
  outline: {
    // SMTP_SECURE defaults to true.
    starttls: {
      keys: [
        { key: 'secure', value: false, add: true, spelling: 'secure' },
        { key: 'disable starttls', value: false },
      ],
    },
    implicit: { keys: [{ key: 'secure', value: true }] },
  },
  generic: {
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
};
