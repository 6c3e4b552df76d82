// SMTP facts that hold across frameworks: the words an implicit-TLS flag may hold, URL
// query options, and process-wide switches. Each framework's own vocabulary and
// semantics live in its profile (src/engine/profiles).

import type { TlsMode } from '../types';

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

/** URL query options (Symfony DSN, nodemailer URL) and what they mean. */
export const URL_OPTIONS: readonly {
  name: RegExp;
  meaning: 'verify-off-when-false' | 'verify-off-when-true' | 'no-auto-tls-when-false' | 'require-tls-when-true' | 'implicit-when-true' | 'ignore-tls-when-true';
}[] = [
  { name: /^verify_peer$/i, meaning: 'verify-off-when-false' },
  { name: /^(tls\.)?rejectunauthorized$/i, meaning: 'verify-off-when-false' },
  { name: /^auto_tls$/i, meaning: 'no-auto-tls-when-false' },
  { name: /^require_?tls$/i, meaning: 'require-tls-when-true' },
  { name: /^secure$/i, meaning: 'implicit-when-true' },
  { name: /^ignore_?tls$/i, meaning: 'ignore-tls-when-true' },
  // Ory Kratos courier/smtp.go: `smtp://…/?disable_starttls=true` is cleartext, `?skip_ssl_verify=true` trusts any certificate.
  { name: /^disable_starttls$/i, meaning: 'ignore-tls-when-true' },
  { name: /^skip_ssl_verify$/i, meaning: 'verify-off-when-true' },
];

/** Environment switches that turn certificate verification off for a whole process, SMTP included. */
export const PROCESS_VERIFY_SWITCHES: readonly { key: string; offWhen: readonly string[] }[] = [
  { key: 'node tls reject unauthorized', offWhen: ['0'] },
];
