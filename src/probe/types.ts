// Public types of the live SMTP probe. Nothing under src/probe imports `vscode`:
// the probe runs in plain Node (CLI, unit tests) as well as in the extension.

import type { ProfileId } from '../engine/profiles';

/**
 * How to secure the connection.
 * - `auto`: implicit TLS on 465 and 2465, STARTTLS on every other port (STARTTLS is
 *   used when the server offers it; if it does not, the probe goes on in plain text
 *   with a warning and never sends credentials unless `allowPlaintextAuth`).
 * - `starttls`: plain connection upgraded with STARTTLS; a server without STARTTLS fails.
 * - `implicit`: TLS from the first byte (SMTPS, "SSL", nodemailer `secure: true`).
 * - `none`: plain text only, STARTTLS is never used even when offered.
 */
export type TlsMode = 'auto' | 'starttls' | 'implicit' | 'none';

/** One address found for the host name. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Replaces the DNS lookup (tests). Must reject with an Error carrying `code` (e.g. ENOTFOUND) on failure. */
export type LookupFunction = (hostname: string) => Promise<ResolvedAddress[]>;

export interface ProbeOptions {
  /** Host name or IP address (IPv6 may be given in brackets). */
  host: string;
  port: number;
  /** Default `auto`. */
  tls?: TlsMode;
  user?: string;
  password?: string;
  /** OAuth2 access token, sent with AUTH XOAUTH2 (needs `user`). */
  oauthToken?: string;
  /** PEM of a private CA to trust in addition to the system's CAs. */
  ca?: string | Buffer;
  /** Do not fail on certificate problems (they are still checked and reported). */
  insecure?: boolean;
  /** Send credentials even when the connection is not encrypted (reported loudly). */
  allowPlaintextAuth?: boolean;
  /** Time limit of each step in milliseconds. Default 10000. */
  timeoutMs?: number;
  /**
   * How long a plain connection may stay completely silent (not one byte) before the
   * probe concludes that the port waits for a TLS handshake and retries with implicit
   * TLS. Default: min(timeoutMs, 5000). Any byte from the server ends this early test
   * and the greeting then gets the whole step timeout.
   */
  greetingSilenceMs?: number;
  /** Name sent with EHLO/HELO. Default: this machine's host name when fully qualified, else an address literal such as [192.0.2.1]. */
  clientName?: string;
  /** Send a real test message to `to` (MAIL FROM / RCPT TO / DATA). */
  sendTest?: { from: string; to: string };
  /** Replaces DNS resolution (tests). Default: the system resolver (getaddrinfo, honours /etc/hosts). */
  lookup?: LookupFunction;
  /** The caller's own terms for the advice of the diagnosis (default: the CLI's and the library's). */
  advice?: AdviceTerms;
}

/**
 * Whose words the diagnosis's fix uses. Each field left out keeps the default words (the CLI's option names,
 * TLS advice for a few well-known frameworks); `null` leaves that hint out (the caller has no such option).
 */
export interface AdviceTerms {
  /** The framework of the settings tested: TLS advice in its own words (its keys) instead of examples of several. */
  profile?: ProfileId;
  /** How to give the CA certificate of a private CA. Default: "option `ca`, CLI `--ca FILE`". */
  caOption?: string;
  /** How to switch certificate checks off for a quick test. Default "`insecure`"; null: not offered. */
  insecureOption?: string | null;
  /** How to test several ports at once. Default "`--ports 587,465,2525,25`"; null: not offered. */
  portsOption?: string | null;
  /** How to allow a plain-text login on purpose. Default "allowPlaintextAuth / --allow-plaintext-auth"; null: not offered. */
  plaintextAuthOption?: string | null;
}

/** Receives each transcript line as it happens (masked already, like the result's transcript). */
export type TranscriptListener = (entry: TranscriptEntry) => void;

export type StepName =
  | 'resolve'
  | 'connect'
  | 'tls'
  | 'greeting'
  | 'ehlo'
  | 'starttls'
  | 'ehlo-after-tls'
  | 'auth'
  | 'mail-from'
  | 'rcpt-to'
  | 'data'
  | 'quit'
  | 'retry';

/** `running` only appears in progress events, never in a finished result. */
export type StepStatus = 'ok' | 'warn' | 'fail' | 'skipped' | 'cancelled' | 'running';

export interface ProbeStep {
  name: StepName;
  status: StepStatus;
  /** Duration in milliseconds. */
  ms: number;
  detail: string;
}

export type TranscriptDirection = 'client' | 'server' | 'info';

export interface TranscriptEntry {
  /** Milliseconds since the probe started. */
  offsetMs: number;
  direction: TranscriptDirection;
  /** One line, without CRLF. Secrets are already masked. */
  text: string;
}

export interface CertificateInfo {
  subject: string;
  subjectAltNames: string[];
  issuer: string;
  /** ISO 8601. */
  validFrom: string;
  /** ISO 8601. */
  validTo: string;
  /** Whole days until `validTo` (negative when expired). */
  daysToExpiry: number;
  selfSigned: boolean;
  serialNumber: string;
  fingerprint256: string;
}

export type CertificateVerification = 'system' | 'custom-ca' | 'insecure';

export interface TlsInfo {
  /** How TLS was started. */
  mode: 'implicit' | 'starttls';
  protocol: string | null;
  cipher: string | null;
  /** SNI sent (null when the host is an IP address). */
  servername: string | null;
  certificate: CertificateInfo | null;
  /** The chain leads to a trusted CA (system CAs plus `ca`). */
  chainVerified: boolean;
  /** OpenSSL's verification error code when the chain is not verified, e.g. DEPTH_ZERO_SELF_SIGNED_CERT. */
  verifyError: string | null;
  /** The certificate names the host that was probed. */
  hostnameMatch: boolean;
  /** Which trust store was used, or `insecure` when problems are ignored. */
  verification: CertificateVerification;
}

export interface Capabilities {
  /** Extension lines as advertised by the last EHLO, e.g. ["PIPELINING", "SIZE 10240000", "AUTH PLAIN LOGIN"]. */
  raw: string[];
  /** False when EHLO was refused and HELO was used. */
  esmtp: boolean;
  starttls: boolean;
  authMechanisms: string[];
  /** SIZE limit in bytes, 0 = no limit announced with SIZE, null = no SIZE. */
  size: number | null;
  eightBitMime: boolean;
  pipelining: boolean;
  smtpUtf8: boolean;
  enhancedStatusCodes: boolean;
}

/**
 * Machine-readable verdict. `cancelled` and `message-rejected` extend the list of the
 * issue: the first when the caller aborted, the second when MAIL FROM / RCPT TO / DATA
 * of the optional test message is refused.
 */
export type DiagnosisCode =
  | 'ok'
  | 'dns-failed'
  | 'connection-refused'
  | 'connection-timeout'
  | 'no-greeting'
  | 'not-smtp'
  | 'ehlo-refused'
  | 'implicit-tls-expected'
  | 'tls-not-expected'
  | 'starttls-unavailable'
  | 'starttls-required'
  | 'tls-handshake-failed'
  | 'tls-version-too-old'
  | 'client-certificate-required'
  | 'starttls-failed'
  | 'certificate-untrusted'
  | 'certificate-hostname-mismatch'
  | 'certificate-expired'
  | 'auth-unavailable'
  | 'auth-failed'
  | 'auth-temporary-failure'
  | 'app-password-required'
  | 'basic-auth-disabled'
  | 'protocol-error'
  | 'message-rejected'
  | 'cancelled';

export interface Diagnosis {
  code: DiagnosisCode;
  /** What happened, in plain words. */
  summary: string;
  /** What to do about it, in plain words. */
  fix: string;
}

export interface ProbeResult {
  status: 'completed' | 'cancelled';
  host: string;
  port: number;
  /** Mode asked for. */
  requestedTls: TlsMode;
  /** Mode the last connection actually used. */
  effectiveTls: 'implicit' | 'starttls' | 'none' | null;
  /** Set when the first mode did not fit the port and the other one was tried. */
  retriedWith: 'implicit' | 'starttls' | null;
  addresses: string[];
  connectedAddress: string | null;
  banner: string | null;
  diagnosis: Diagnosis;
  /** The problem found after a retry in the corrected mode, if any (also told in `diagnosis.summary`). */
  followUp: Diagnosis | null;
  steps: ProbeStep[];
  transcript: TranscriptEntry[];
  tls: TlsInfo | null;
  capabilities: Capabilities | null;
  authenticated: boolean;
  authMechanism: string | null;
  /** Credentials crossed the network without encryption (only with allowPlaintextAuth). */
  plaintextAuth: boolean;
  certificateVerification: CertificateVerification;
  /** Server reply to the end of DATA when a test message was accepted. */
  testMessage: { accepted: boolean; reply: string } | null;
  /** What the reply reader took in: bytes received (all attempts) and the most it ever held at once (bounded by the reader's limits). */
  stats: { bytesReceived: number; peakBufferedBytes: number };
  startedAt: string;
  durationMs: number;
}

/** What one port answered, from probePorts. */
export type PortSpeaks =
  | 'smtp' // plain-text SMTP greeting (use STARTTLS if offered)
  | 'smtp-tls' // implicit TLS, then an SMTP greeting
  | 'tls' // TLS handshake works but no SMTP greeting came in time
  | 'not-smtp' // sent something that is not SMTP
  | 'silent' // connected, but neither a greeting nor a TLS handshake
  | 'refused'
  | 'timeout'
  | 'error';

export interface PortProbeResult {
  port: number;
  reachable: boolean;
  speaks: PortSpeaks;
  /** First line the server sent (masked of nothing: no credentials are used here). */
  banner: string | null;
  /** For plain-text SMTP: whether EHLO lists STARTTLS (null when not learnt in time). */
  starttls: boolean | null;
  /** TLS protocol when a handshake succeeded. */
  tlsProtocol: string | null;
  /** Suggested setting for this port, or null when it is not usable. */
  suggestedTls: 'starttls' | 'implicit' | 'none' | null;
  ms: number;
  detail: string;
}

export interface PortsOptions {
  /** One deadline for the whole check, all ports together. Default 5000. */
  timeoutMs?: number;
  /** Silence after connect before trying a TLS handshake. Default min(2000, timeoutMs / 2). */
  silenceMs?: number;
  clientName?: string;
  lookup?: LookupFunction;
}

export interface PortsResult {
  status: 'completed' | 'cancelled';
  host: string;
  addresses: string[];
  /** Set when the host name did not resolve (then every port is `error`). */
  dnsError: string | null;
  ports: PortProbeResult[];
  durationMs: number;
}
