// Core data types of the analysis engine. Nothing here (or anywhere under
// src/engine) may import `vscode`: the engine runs in plain Node, in the CLI
// and in unit tests.

import type { EnvironmentSource } from './environment';

/** Zero-based offsets into the document text (UTF-16 code units, as JS strings). */
export interface Range {
  start: number;
  end: number;
}

/** Zero-based line and character, as in VS Code. */
export interface Position {
  line: number;
  character: number;
}

/** A place in another file of the project: `file` as the adapter named it, `range` offsets in its text. */
export interface FileLocation {
  file: string;
  range: Range;
  start: Position;
  end: Position;
}

export type FormatId = 'dotenv' | 'yaml' | 'json' | 'properties' | 'ini' | 'toml' | 'hocon' | 'hjson' | 'fluentd' | 'assignments' | 'code';

/**
 * One scalar setting read from a config file, whatever its format.
 * `path` is the key path from the document root, e.g.
 * - `.env`:            ['MAIL_HOST']
 * - Spring YAML:       ['spring', 'mail', 'host']
 * - `.properties`:     ['spring', 'mail', 'host'] (split on dots)
 * - INI:               ['smtp', 'host'] (section, key)
 * - TOML:              ['smtp', 'host'] (tables and dotted keys; arrays of tables add their index)
 * - HOCON:             ['play', 'mailer', 'host'] (objects and dotted keys; array items use their index)
 * - Compose env list:  ['services', 'app', 'environment', 'SMTP_HOST']
 * - Kubernetes env:    [..., 'env', 'SMTP_HOST'] (from {name, value})
 * - JSON:              ['Smtp', 'Port']; array items use their index as a string
 */
export interface ConfigEntry {
  path: string[];
  /** The value as the application will read it: unquoted, unescaped. `null` for YAML/JSON null. */
  value: string | null;
  /** Whether the format typed the value (YAML/JSON numbers and booleans) rather than as a string. */
  valueType: 'string' | 'number' | 'boolean' | 'null';
  /** Range of the key token (for Compose list items and `{name, value}` pairs: the name). */
  keyRange: Range;
  /** Range of the value token as written, including quotes if any. Empty range at the insertion point when the value is empty. */
  valueRange: Range;
  /** The quote character used around the value in the source, if any. */
  quote?: '"' | "'" | '`';
  /** How many quote characters open the value (3 for INI's `"""…"""`); 1 when absent. */
  quoteWidth?: number;
  /** For multi-document YAML: index of the document. */
  document?: number;
  /** For YAML: an environment variable written in a container's shape (see EntryShape); absent for a plain key. */
  shape?: EntryShape;
  /** For code: how the setting is shown in messages (`smtplib.SMTP_SSL(…)`); `key=value` when absent. */
  label?: string;
  /** For code: the value is read from something a fix cannot rewrite as a literal (a class name, a call). */
  readOnly?: boolean;
  /** For code: the token a fix writes for each value (`starttls` → `SecureSocketOptions.StartTls`); other values are not written. */
  tokens?: Readonly<Record<string, string>>;
  /** For code: the syntax around the setting, for fixes that remove it or add a setting beside it. */
  site?: CodeEditSite;
  /** Set when the value was read from an environment variable (its fallback, or a file we read that sets it). */
  environment?: EnvironmentSource;
  /** For HOCON `key = ${?VAR}`: the key's earlier value, which stays when VAR is unset. */
  keptUnlessSet?: ConfigEntry;
  /**
   * An entry written in another file that joins this file's settings (a Compose service's `env_file`): its ranges
   * here are placeholders past the end of the text; `foreign` is where it is written. Never edited by a fix here.
   */
  foreign?: FileLocation;
}

/**
 * Where a code reader (src/engine/code/) says a setting can be removed or a sibling added, in the language's syntax:
 * the reader knows the tree, the fix machinery only writes text.
 */
export interface CodeEditSite {
  /** The text to delete to remove the setting: its pair and comma, or its statement and line. Absent: it cannot go alone. */
  remove?: Range;
  /**
   * What the removal writes in its place, where nothing would not do: smtplib's SMTP_SSL without a context uses an
   * unverified one (CPython Lib/ssl.py: `_create_stdlib_context = _create_unverified_context`), so the fix names the verified one.
   */
  removeWith?: string;
  /** A setting added after this one: `before + key + between + value + after`, inserted at `at`. */
  add?: {
    at: number;
    before: string;
    between: string;
    after: string;
    /** The key token for each profile key (in words) that the library reads at this place: `requireTLS`, `"mail.smtp.starttls.enable"`. */
    keys: Readonly<Record<string, string>>;
    /** `code`: booleans and numbers bare, strings quoted; `strings`: every value a string literal (Java Properties). */
    values: 'code' | 'strings';
    quote: '"' | "'";
  };
}

/**
 * How a YAML entry holds an environment variable, tagged by the parser so that edits need not guess:
 * - `compose-env-list`: a Compose `environment:` item `- KEY=VALUE` (valueRange: the text after `=`);
 * - `compose-env-map`:  a Compose `environment:` map value `KEY: value`;
 * - `k8s-env-list`:     a Kubernetes EnvVar `- name: KEY` / `value: v` under `env:`, or under a Helm
 *                       chart's `extraEnv`/`extraEnvVars`/`additionalEnv` (keyRange: the name's value).
 */
export type EntryShape = 'compose-env-list' | 'compose-env-map' | 'k8s-env-list';

/** What a format parser returns. Parsers never throw: problems go to `errors`. */
export interface ParseResult {
  format: FormatId;
  entries: ConfigEntry[];
  errors: ParseError[];
  /** Line ending used by the file, for edits that insert lines. */
  eol: '\n' | '\r\n';
}

export interface ParseError {
  message: string;
  range: Range;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** How a client will secure its connection, after applying the framework's rules. */
export type TlsMode =
  | 'implicit' // TLS from the first byte (SMTPS, "SSL", secure: true)
  | 'starttls-required' // plaintext connect, STARTTLS mandatory
  | 'starttls-opportunistic' // STARTTLS if the server advertises it
  | 'none' // never encrypted
  | 'unknown'; // cannot be told from the file (templates, unknown framework)

/** Roles a key can play in an SMTP setting group. */
export type SettingRole =
  | 'host'
  | 'port'
  | 'user'
  | 'password'
  | 'oauth'
  | 'secure' // a flag or enum deciding implicit TLS / STARTTLS / none
  | 'starttls'
  | 'verify' // certificate verification switch
  | 'url' // a DSN / URL holding several settings
  | 'protocol'
  | 'enabled'
  | 'service' // a library's well-known service name (nodemailer's `service: 'gmail'`): names the host
  | 'auth'; // whether the credentials are sent at all (Nextcloud's mail_smtpauth, default false)

/** A value of the model, with where it came from. */
export interface Located<T> {
  value: T;
  /** The entry it was read from, if any (absent for framework defaults). */
  entry?: ConfigEntry;
  /** A narrower range inside the entry's value (e.g. the port inside a DSN). */
  range?: Range;
  /** True when the value is the framework's default, not written in the file. */
  isDefault?: boolean;
}
