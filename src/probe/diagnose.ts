// From what the probe saw (a reply, a socket error, a TLS error, a certificate) to a
// diagnosis a newcomer can act on. The facts are data tables, read top to bottom;
// the first row that matches wins. Sources: shared/reference/smtp-facts.md, D1–D6.

import { hostPort } from './address';
import { tlsAdvice, type ProfileId, type TlsTarget } from '../engine/profiles';
import type { Reply } from './lineReader';
import type { AdviceTerms, Diagnosis, DiagnosisCode } from './types';

/** What the probe found, before it is turned into words. */
export interface Finding {
  code: DiagnosisCode;
  /** Replaces the default summary of the code. */
  summary?: string;
  /** Replaces the default fix of the code. */
  fix?: string;
  /** The server's words or the error, quoted in the default summary. */
  evidence?: string;
}

export interface DiagnosisContext {
  /** '' when unknown (an explained error text need not name it). */
  host: string;
  /** 0 when unknown. */
  port: number;
  /** The caller's terms for the advice (ProbeOptions.advice); the defaults are the CLI's. */
  advice?: AdviceTerms;
}

type Text = (c: DiagnosisContext & { evidence: string }) => string;

const quote = (evidence: string): string => (evidence ? ` (“${evidence}”)` : '');
/** host:port for the words, IPv6 in brackets; what is known of it when a part is unknown. */
const hp = (c: DiagnosisContext): string =>
  c.host && c.port ? hostPort(c.host, c.port) : c.host || (c.port ? `port ${c.port}` : 'the server');
/** "The server on host:port", or just "The server". */
const theServer = (c: DiagnosisContext): string => (c.host || c.port ? `The server on ${hp(c)}` : 'The server');
/** "Port 465", or "This port". */
const thePort = (c: DiagnosisContext): string => (c.port ? `Port ${c.port}` : 'This port');

/** Frameworks whose words the TLS advice quotes; the words are each one's profile's (src/engine/profiles). */
const ADVICE_EXAMPLES: readonly ProfileId[] = ['nodemailer', 'laravel', 'django', 'spring'];

/**
 * The TLS switch in the framework's words when the caller knows it ("Laravel: set MAIL_SCHEME=smtps."), else
 * "For example, nodemailer: set secure: true; Laravel: set MAIL_SCHEME=smtps; …."
 */
const forExample = (target: TlsTarget, c: DiagnosisContext): string => {
  const own = c.advice?.profile && tlsAdvice(c.advice.profile, target);
  return own ? `${own}.` : `For example, ${ADVICE_EXAMPLES.map((id) => tlsAdvice(id, target)).join('; ')}.`;
};

/** The caller's option names, or the CLI's; '' for a hint the caller has no option for. */
const caOption = (c: DiagnosisContext): string => c.advice?.caOption ?? 'option `ca`, CLI `--ca FILE`';
const insecureHint = (c: DiagnosisContext): string => {
  const option = c.advice?.insecureOption === undefined ? '`insecure`' : c.advice.insecureOption;
  return option ? ` Turning verification off (${option}) is only for a quick test.` : '';
};
const portsHint = (c: DiagnosisContext): string => {
  const option = c.advice?.portsOption === undefined ? '`--ports 587,465,2525,25`' : c.advice.portsOption;
  return option ? ` (${option} checks several at once)` : '';
};

/**
 * A single-label host name (`mailpit`, `smtp`, `mailhog`): in a compose file or a Kubernetes manifest that is another
 * service's name, resolved by the container network's DNS only, so a lookup from the developer's machine fails.
 */
const isServiceName = (host: string | undefined): host is string =>
  !!host && /^[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$/i.test(host) && !/^\d+$/.test(host) && host.toLowerCase() !== 'localhost';

/** Default words for each code. */
export const DIAGNOSES: Record<DiagnosisCode, { summary: Text; fix: Text }> = {
  ok: {
    summary: (c) => `SMTP works on ${hp(c)}.`,
    fix: () => 'Nothing to fix.',
  },
  'dns-failed': {
    summary: (c) => `The host name${c.host ? ` ${c.host}` : ''} could not be found in DNS${quote(c.evidence)}.`,
    fix: (c) =>
      isServiceName(c.host)
        ? `${c.host} has no dot: it looks like a Docker Compose or Kubernetes service name, which resolves only inside that network. ` +
          `From this machine, test the port the service publishes instead${c.port ? ` (a service published as ports "${c.port}:${c.port}" is localhost:${c.port} here)` : ''}.`
        : 'Check the host name for typos (for example smtp.gmail.com, smtp.office365.com). If it is right, check that this machine has a working network connection and DNS.',
  },
  'connection-refused': {
    summary: (c) => `${c.host || 'The server'} answered, but nothing accepts connections on ${c.port ? `port ${c.port}` : 'this port'} (connection refused).`,
    fix: () =>
      'Check the port number: 587 (STARTTLS) and 465 (implicit TLS) are the usual ones for sending mail with a login. Also check that the mail server is running and that no firewall refuses the port.',
  },
  'connection-timeout': {
    summary: (c) => `No answer from ${hp(c)}: the connection attempt timed out${quote(c.evidence)}.`,
    fix: (c) =>
      `A firewall, or your hosting provider, probably blocks this outgoing port (many cloud providers block port 25). Try port 587 or 465${portsHint(c)}, and check the host name.`,
  },
  'no-greeting': {
    summary: (c) => `Connected to ${hp(c)}, but the server never sent a proper SMTP greeting (“220 …”)${quote(c.evidence)}.`,
    fix: () =>
      'The server may be overloaded, limiting connections, or refusing your IP address, or something other than a mail server answers on this port. Try again in a few minutes, check the port, or ask the provider.',
  },
  'not-smtp': {
    summary: (c) => `Something answers on ${hp(c)}, but it is not an SMTP server${quote(c.evidence)}.`,
    fix: () =>
      'Check the host and the port: sending mail uses 587 (STARTTLS) or 465 (implicit TLS), sometimes 25 or 2525. Ports 80/443 are web servers, 110/995 (POP3) and 143/993 (IMAP) are for reading mail.',
  },
  'ehlo-refused': {
    summary: (c) =>
      `${theServer(c)} refused EHLO${quote(c.evidence)} and accepts only the old HELO: without ESMTP it offers no STARTTLS and no login (AUTH), so neither encryption nor a password login can work here.`,
    fix: () =>
      'Use the provider’s submission port (587 with STARTTLS, or 465 with implicit TLS) — this looks like an old relay-only service. If this is the right server, something on the way may mangle EHLO (a firewall’s SMTP inspection, such as Cisco “fixup smtp”/“inspect esmtp”): have it turned off, or ask the server’s administrator to enable ESMTP (RFC 5321 §4.1.1.1).',
  },
  'implicit-tls-expected': {
    summary: (c) =>
      `${thePort(c)} speaks implicit TLS (also called SSL or SMTPS): the server waits for an encrypted connection from the very first byte, so a plain connection gets no greeting.`,
    fix: (c) =>
      c.advice?.profile && tlsAdvice(c.advice.profile, 'implicit')
        ? `This port speaks implicit TLS: turn it on, or keep STARTTLS and use port 587. ${forExample('implicit', c)}`
        : `This port speaks implicit TLS: set secure to true, or keep STARTTLS and use port 587. ${forExample('implicit', c)}`,
  },
  'tls-not-expected': {
    summary: (c) =>
      `${thePort(c)} does not speak TLS right away: it expects a plain connection that is then upgraded with STARTTLS (a TLS client gets “wrong version number”).`,
    fix: (c) =>
      c.advice?.profile && tlsAdvice(c.advice.profile, 'starttls')
        ? `This port expects STARTTLS: switch to it, or use port 465 for implicit TLS. ${forExample('starttls', c)}`
        : `This port expects STARTTLS: use secure false/STARTTLS, or use port 465 for implicit TLS. ${forExample('starttls', c)}`,
  },
  'starttls-unavailable': {
    summary: (c) => `${theServer(c)} does not offer STARTTLS, so this connection cannot be encrypted.`,
    fix: () =>
      'Use the provider’s encrypted port (465 with implicit TLS, or 587 with STARTTLS). If this is a local test server (Mailpit, MailHog, MailDev…), set TLS to none for it on purpose — and never send a real password to it.',
  },
  'starttls-required': {
    summary: (c) => `The server requires encryption (STARTTLS) before login or sending${quote(c.evidence)}.`,
    fix: (c) => `Turn STARTTLS on. ${forExample('starttls', c)}`,
  },
  'tls-handshake-failed': {
    summary: (c) => `The TLS handshake with ${hp(c)} failed${quote(c.evidence)}.`,
    fix: () =>
      'Check the TLS mode of the port (465: implicit TLS, 587: STARTTLS). If the mode is right, the server and this client share no TLS version or cipher (old servers offer only TLS 1.0/1.1, which modern clients refuse), or a proxy on the way interferes.',
  },
  'tls-version-too-old': {
    summary: (c) =>
      `${theServer(c)} offers only TLS versions older than 1.2 (TLS 1.0/1.1), which this client refuses${quote(c.evidence)}.`,
    fix: () =>
      'The server’s administrator must enable TLS 1.2 or TLS 1.3: TLS 1.0 and 1.1 are deprecated (RFC 8996), and Node.js (nodemailer), current OpenSSL, Python and Java refuse them by default (Node’s minimum is TLS 1.2). Lowering the client’s minimum version only hides the problem.',
  },
  'client-certificate-required': {
    summary: (c) =>
      `${theServer(c)} requires a client certificate (mutual TLS) and ended the TLS session because none was sent${quote(c.evidence)}.`,
    fix: () =>
      'This port authenticates clients by certificate. Configure the client with a certificate and key the server trusts (nodemailer `tls: { cert, key }`); SMTP Doctor’s probe cannot present one. If you expected a password login, use the provider’s submission port (587 or 465), or ask the administrator why this port demands client certificates (Postfix smtpd_tls_req_ccert).',
  },
  'starttls-failed': {
    summary: (c) => `${theServer(c)} agreed to STARTTLS (“220”) but then did not start TLS${quote(c.evidence)}.`,
    fix: () =>
      'Your TLS mode is right; the server’s TLS is broken: it accepts STARTTLS but cannot complete the handshake — typically its certificate or key file is missing or unreadable — or a firewall or proxy on the way strips TLS. The server’s administrator must fix its TLS setup (its log tells why). Meanwhile try the provider’s implicit-TLS port (465), if it has one; do not turn encryption off to send a real password.',
  },
  'certificate-untrusted': {
    summary: (c) => `The server’s certificate is not trusted${quote(c.evidence)}.`,
    fix: (c) =>
      `If the server uses a private CA or a self-signed certificate, give its CA certificate (${caOption(c)}). If it is a public server, it probably does not send its intermediate certificate: its administrator must fix the chain.${insecureHint(c)}`,
  },
  'certificate-hostname-mismatch': {
    summary: (c) => `The certificate does not name ${c.host || 'the host the client connects to'}${quote(c.evidence)}.`,
    fix: (c) =>
      `Use a host name that the certificate covers (usually the provider’s documented SMTP host, not an IP address or an alias), or ask the server’s administrator for a certificate that includes ${c.host || 'that name'}.`,
  },
  'certificate-expired': {
    summary: (c) => `The server’s certificate is outside its validity dates${quote(c.evidence)}.`,
    fix: () =>
      'The server’s administrator must renew the certificate. (If the dates look wrong, check this machine’s clock.) Clients that verify certificates — as they should — refuse to connect until then.',
  },
  'auth-unavailable': {
    summary: (c) => `${theServer(c)} does not offer a login method this client can use${quote(c.evidence)}.`,
    fix: () =>
      'Check the port: logins are normally on 587 or 465; port 25 is usually for server-to-server mail without login. If the server trusts your IP address instead of a password, remove the user name and password from your settings.',
  },
  'auth-failed': {
    summary: (c) => `The server refused the user name or password${quote(c.evidence)}.`,
    fix: () =>
      'Check the user name (often the full email address) and the password. Many providers want an app password or an API key rather than the account password (SendGrid: user name is literally “apikey”; Amazon SES: SMTP credentials, not IAM access keys).',
  },
  'auth-temporary-failure': {
    summary: (c) =>
      `The server could not check the login just now: it answered with a temporary failure${quote(c.evidence)}, which says nothing about whether the user name and password are right.`,
    fix: () =>
      'Try again in a few minutes: a 4xx reply to AUTH is temporary (RFC 4954 §6: 454 4.7.0 “Temporary authentication failure”). If it persists, the problem is on the server side — its authentication backend (for example Dovecot SASL behind Postfix, LDAP, a database) is down or misconfigured, or it throttles this client after too many attempts — ask its administrator.',
  },
  'app-password-required': {
    summary: () =>
      'Google refused the account password: the account has 2-Step Verification, so apps must log in with an app password (534 5.7.9 “Application-specific password required”).',
    fix: () =>
      'Create an app password at https://myaccount.google.com/apppasswords and use it as the SMTP password (16 letters, without spaces) — or log in with OAuth2 (XOAUTH2).',
  },
  'basic-auth-disabled': {
    summary: (c) => `Microsoft refused login with a password (basic authentication is turned off)${quote(c.evidence)}.`,
    fix: () =>
      'Log in with OAuth2 (XOAUTH2) instead of a password. Outlook.com/Hotmail personal accounts accept only OAuth2 since 16 September 2024. For Microsoft 365, an admin can enable “Authenticated SMTP” for the mailbox (see https://aka.ms/smtp_auth_disabled), but basic authentication is being retired.',
  },
  'protocol-error': {
    summary: (c) => `The server broke the SMTP protocol: ${c.evidence || 'it sent a reply that makes no sense at this point.'}`,
    fix: () =>
      'This usually means a faulty server or proxy, or a service that is not a mail server on this port. Check the port; if it persists, send the transcript to the server’s administrator.',
  },
  'message-rejected': {
    summary: (c) => `The server refused the message${quote(c.evidence)}.`,
    fix: () =>
      'Check the sender address (it usually must be your own mailbox or a verified domain) and the recipient address.',
  },
  cancelled: {
    summary: () => 'The probe was cancelled before it finished.',
    fix: () => 'Run it again to get a verdict.',
  },
};

export function makeDiagnosis(finding: Finding, ctx: DiagnosisContext): Diagnosis {
  const text = DIAGNOSES[finding.code];
  const c = { ...ctx, evidence: finding.evidence ?? '' };
  return {
    code: finding.code,
    summary: finding.summary ?? text.summary(c),
    fix: finding.fix ?? text.fix(c),
  };
}

// ---------------------------------------------------------------------------
// Situations: the cases the probe's steps tell apart within one code, each with the
// facts its words need. The session names a situation and hands over the facts; the
// words are here, beside the defaults above.

/** The facts each situation's words need, besides the host and port. */
export interface SituationFacts {
  'starttls-refused': { reply: string };
  'tls-answered-by-peer': { peer: string; shown: string };
  'greeting-too-slow': { silenceMs: number; shown: string };
  'waits-for-client': Record<never, never>;
  'silent-in-both-modes': Record<never, never>;
  'closed-before-tls': Record<never, never>;
  'no-certificate': Record<never, never>;
  'certificate-expired-on': { date: string; daysAgo: number };
  'certificate-not-yet-valid': { date: string };
  'certificate-chain-unverified': { explain: string; verifyError: string; subject: string; issuer: string };
  'certificate-other-names': { names: string };
  'banner-of-other-service': { peer: string; shown: string };
  'greeting-refused': { shown: string };
  'greeting-incomplete': { timeoutMs: number; received: number; first: string };
  'closed-without-greeting': { first: string };
  'not-smtp-line': { peer: string | null; line: string };
  'plaintext-login-withheld-starttls-offered': Record<never, never>;
  'plaintext-login-withheld-no-starttls': Record<never, never>;
  'auth-only-after-starttls': Record<never, never>;
  'no-auth-offered': { afterTls: boolean };
  'no-usable-mechanism': { offered: string; wanted: string };
  'oauth-token-refused': Record<never, never>;
  'starttls-then-plaintext': { shown: string };
  'starttls-then-closed': Record<never, never>;
  'starttls-then-silent': Record<never, never>;
  ok: { facts: string; warnings: string[] };
}

export type Situation = keyof SituationFacts;

type Words<F> = (c: DiagnosisContext & F) => string;

/** `summary`/`fix` left out: the code's default words. */
export const SITUATIONS: { [S in Situation]: { code: DiagnosisCode; summary?: Words<SituationFacts[S]>; fix?: Words<SituationFacts[S]> } } = {
  'starttls-refused': {
    code: 'starttls-unavailable',
    summary: (c) => `${theServer(c)} advertises STARTTLS but refused to start it (“${c.reply}”).`,
  },
  'tls-answered-by-peer': {
    code: 'not-smtp',
    summary: (c) => `${hp(c)} is not an SMTP server: it answered the TLS handshake like ${c.peer} (“${c.shown}”).`,
  },
  'greeting-too-slow': {
    code: 'no-greeting',
    summary: (c) =>
      `${theServer(c)} greets in plain text, but only after more than ${c.silenceMs} ms (it answered the TLS attempt with “${c.shown}”): it is very slow to greet.`,
    fix: () =>
      'Raise the client’s greeting/connection timeout, or ask the server’s administrator why the greeting is delayed (load, greet_pause, anti-spam delays).',
  },
  'waits-for-client': {
    code: 'not-smtp',
    summary: (c) =>
      `${hp(c)} is not an SMTP server: it waits for the client to speak first (an SMTP server greets first) and does not speak TLS either.`,
  },
  'silent-in-both-modes': {
    code: 'no-greeting',
    summary: (c) => `Connected to ${hp(c)}, but the server never sent anything: no SMTP greeting in plain text, and no answer to a TLS handshake.`,
  },
  'closed-before-tls': {
    code: 'no-greeting',
    summary: (c) => `Connected to ${hp(c)}, but the server closed the connection without sending anything, not even a TLS answer.`,
  },
  'no-certificate': { code: 'certificate-untrusted', summary: () => 'The server sent no certificate.' },
  'certificate-expired-on': {
    code: 'certificate-expired',
    summary: (c) => `The server’s certificate expired on ${c.date} (${c.daysAgo} days ago).`,
  },
  'certificate-not-yet-valid': {
    code: 'certificate-expired',
    summary: (c) => `The server’s certificate is not valid before ${c.date}.`,
  },
  'certificate-chain-unverified': {
    code: 'certificate-untrusted',
    summary: (c) => `The server’s certificate is not trusted: ${c.explain} (${c.verifyError}; subject ${c.subject}; issuer ${c.issuer}).`,
  },
  'certificate-other-names': {
    code: 'certificate-hostname-mismatch',
    summary: (c) => `The certificate is for ${c.names} — not for ${c.host}.`,
  },
  'banner-of-other-service': {
    code: 'not-smtp',
    summary: (c) => `${hp(c)} is ${c.peer}, not an SMTP server (“${c.shown}”).`,
  },
  'greeting-refused': {
    code: 'no-greeting',
    summary: (c) => `${hp(c)} answered but refused to talk to this client (“${c.shown}”).`,
    fix: () =>
      'The server may block your IP address (check blocklists), be overloaded, or limit connections. Try again later, from another network, or ask the provider.',
  },
  'greeting-incomplete': {
    code: 'no-greeting',
    summary: (c) =>
      `${theServer(c)} started its greeting but did not finish it within ${c.timeoutMs} ms (received ${c.received} bytes: “${c.first}”). It is far too slow, or stalls on purpose.`,
  },
  'closed-without-greeting': {
    code: 'no-greeting',
    summary: (c) => `${hp(c)} accepted the connection and closed it without a greeting${c.first ? ` (after “${c.first}”)` : ''}.`,
    fix: () =>
      'The server may refuse your IP address or limit connections, or the service on this port is not a mail server. Try again later, check the port, or ask the provider.',
  },
  'not-smtp-line': {
    code: 'not-smtp',
    summary: (c) => `${hp(c)} is not an SMTP server${c.peer ? `: it looks like ${c.peer}` : ''} (it sent “${c.line}”).`,
  },
  'plaintext-login-withheld-starttls-offered': {
    code: 'starttls-required',
    summary: (c) => `The connection to ${hp(c)} is not encrypted, so SMTP Doctor did not send the password. The server offers STARTTLS: turn it on.`,
  },
  'plaintext-login-withheld-no-starttls': {
    code: 'starttls-unavailable',
    summary: (c) =>
      `${theServer(c)} offers no encryption (no STARTTLS), so SMTP Doctor did not send the password: it would cross the network in plain text.`,
    fix: (c) => {
      const option = c.advice?.plaintextAuthOption === undefined ? 'allowPlaintextAuth / --allow-plaintext-auth' : c.advice.plaintextAuthOption;
      return `Use the provider’s encrypted port (465 implicit TLS, or 587 with STARTTLS).${option ? ` Only for a local test server, allow a plain-text login on purpose (${option}).` : ' Never send a real password to a server without encryption.'}`;
    },
  },
  'auth-only-after-starttls': {
    code: 'starttls-required',
    summary: (c) => `${theServer(c)} offers login (AUTH) only after STARTTLS.`,
  },
  'no-auth-offered': {
    code: 'auth-unavailable',
    summary: (c) => `${theServer(c)} does not offer login (no AUTH in its EHLO reply${c.afterTls ? ', even after TLS' : ''}).`,
  },
  'no-usable-mechanism': {
    code: 'auth-unavailable',
    summary: (c) => `The server offers ${c.offered}, but not ${c.wanted}.`,
  },
  'oauth-token-refused': {
    code: 'auth-failed',
    fix: () =>
      'Get a fresh access token (they expire after about an hour) with the right scope (Google: https://mail.google.com/; Microsoft: https://outlook.office.com/SMTP.Send), for the same account as the user name.',
  },
  'starttls-then-plaintext': {
    code: 'starttls-failed',
    summary: (c) => `${theServer(c)} agreed to STARTTLS, then answered the TLS handshake in plain text (“${c.shown}”).`,
  },
  'starttls-then-closed': {
    code: 'starttls-failed',
    summary: (c) => `${theServer(c)} agreed to STARTTLS, then closed the connection instead of starting TLS.`,
  },
  'starttls-then-silent': {
    code: 'starttls-failed',
    summary: (c) => `${theServer(c)} agreed to STARTTLS, then never answered the TLS handshake.`,
  },
  ok: {
    code: 'ok',
    summary: (c) => `SMTP works on ${hp(c)}${c.facts}.${c.warnings.length ? ` Warnings: ${c.warnings.join(' ')}` : ''}`,
    fix: (c) => (c.warnings.length ? `Nothing blocks sending, but look at the warnings: ${c.warnings.join(' ')}` : 'Nothing to fix.'),
  },
};

/** The finding of a situation: its code, and its words filled in with the facts. */
export function situation<S extends Situation>(name: S, ctx: DiagnosisContext, facts: SituationFacts[S], evidence?: string): Finding {
  const row = SITUATIONS[name];
  const c = { ...ctx, ...facts };
  return { code: row.code, summary: row.summary?.(c), fix: row.fix?.(c), evidence };
}

/** Warnings: problems that do not stop sending, told in the `ok` summary. */
export const WARNINGS = {
  heloOnly: 'The server only speaks old SMTP (HELO): no encryption and no login are possible.',
  noStarttls: 'The server does not offer STARTTLS: the connection stays unencrypted.',
  starttlsNotUsed: 'The server offers STARTTLS, but TLS mode is none: the connection stays unencrypted.',
  plaintextCredentials: 'CREDENTIALS WERE SENT WITHOUT ENCRYPTION (allowPlaintextAuth): anyone on the network path could read them.',
  certificateIgnored: (summary: string) => `Certificate problem ignored because certificate checks are off (insecure): ${summary}`,
  certificateExpiresSoon: (days: number, date: string) => `The certificate expires in ${days} days (${date}).`,
};

/** What worked, for the `ok` summary (": STARTTLS (TLSv1.3), certificate valid for 80 more days, …"). */
export function okFacts(f: {
  tls: 'implicit' | 'starttls' | null;
  protocol: string | null;
  /** Days left, when the certificate verified. */
  certificateDays: number | null;
  /** The mechanism of an accepted login. */
  authMechanism: string | null;
  credentialsGiven: boolean;
  testAccepted: boolean;
}): string {
  const parts: string[] = [];
  if (f.tls) {
    parts.push(`${f.tls === 'implicit' ? 'implicit TLS' : 'STARTTLS'} (${f.protocol ?? 'TLS'})`);
    if (f.certificateDays !== null) parts.push(`certificate valid for ${f.certificateDays} more days`);
  } else {
    parts.push('no encryption');
  }
  if (f.authMechanism) parts.push(`login accepted (AUTH ${f.authMechanism})`);
  else if (!f.credentialsGiven) parts.push('login not tried (no credentials given)');
  if (f.testAccepted) parts.push('test message accepted');
  return `: ${parts.join(', ')}`;
}

/** After a retry in the other TLS mode: the words that join what the retry found. */
export function retryOutcome(primary: Diagnosis, followUp: Diagnosis | null, okFacts: string): Diagnosis {
  const how = primary.code === 'implicit-tls-expected' ? 'implicit TLS' : 'a plain connection and STARTTLS';
  return followUp
    ? {
        code: primary.code,
        summary: `${primary.summary} With ${how}, the probe went on and found another problem: ${followUp.summary}`,
        fix: `${primary.fix} Then: ${followUp.fix}`,
      }
    : { ...primary, summary: `${primary.summary} With ${how}, everything else worked${okFacts}.` };
}

// ---------------------------------------------------------------------------
// Socket and DNS errors (errno codes from node:net / node:dns).

export interface ErrnoRow {
  errnos: string[];
  code: DiagnosisCode;
  summary?: (c: DiagnosisContext) => string;
}

export const DNS_ERRORS: ErrnoRow[] = [
  {
    errnos: ['ENOTFOUND', 'EAI_NONAME', 'EAI_NODATA', 'ENODATA', 'NXDOMAIN'],
    code: 'dns-failed',
    summary: (c) => `The host name ${c.host} does not exist in DNS (no address found).`,
  },
  {
    errnos: ['EAI_AGAIN', 'ESERVFAIL', 'ETIMEOUT', 'ECONNREFUSED', 'EREFUSED', 'TIMEOUT'],
    code: 'dns-failed',
    summary: (c) => `DNS did not answer for ${c.host} (the resolver failed or timed out), so its address is unknown.`,
  },
  { errnos: [], code: 'dns-failed' },
];

export const CONNECT_ERRORS: ErrnoRow[] = [
  { errnos: ['ECONNREFUSED'], code: 'connection-refused' },
  {
    errnos: ['ECONNRESET', 'EPIPE'],
    code: 'connection-refused',
    summary: (c) => `${hp(c)} cut the connection at once (connection reset).`,
  },
  {
    errnos: ['EACCES', 'EPERM'],
    code: 'connection-refused',
    summary: (c) => `This machine is not allowed to connect to ${hp(c)} (blocked by a local firewall or policy).`,
  },
  { errnos: ['ETIMEDOUT', 'TIMEOUT'], code: 'connection-timeout' },
  {
    errnos: ['EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'EHOSTDOWN', 'ENETDOWN'],
    code: 'connection-timeout',
    summary: (c) => `${hp(c)} cannot be reached from here (no route to the host or network).`,
  },
  { errnos: [], code: 'connection-refused' },
];

export function classifyErrno(table: ErrnoRow[], errno: string | undefined, ctx: DiagnosisContext, evidence: string): Finding {
  const row = table.find((r) => r.errnos.length === 0 || (errno !== undefined && r.errnos.includes(errno)))!;
  return { code: row.code, summary: row.summary ? `${row.summary(ctx)}${evidence ? ` [${evidence}]` : ''}` : undefined, evidence };
}

// ---------------------------------------------------------------------------
// What a first line that is not an SMTP greeting says about the peer.

export const NOT_SMTP_BANNERS: Array<{ pattern: RegExp; peer: string }> = [
  { pattern: /^HTTP\/\d/, peer: 'a web server (HTTP)' },
  { pattern: /^\s*<(!doctype|html)/i, peer: 'a web server (HTML)' },
  { pattern: /^SSH-\d/, peer: 'an SSH server' },
  { pattern: /^\+OK\b/, peer: 'a POP3 server (for reading mail, not sending it)' },
  { pattern: /^\* (OK|PREAUTH)\b/, peer: 'an IMAP server (for reading mail, not sending it)' },
  { pattern: /^220[ -].*\bFTP\b/i, peer: 'an FTP server' },
  { pattern: /^\x15\x03[\x00-\x04]/, peer: 'a TLS server (it sent a TLS alert)' },
  { pattern: /^\x16\x03[\x00-\x04]/, peer: 'a TLS server (it sent a TLS record)' },
  { pattern: /^RFB \d/, peer: 'a VNC server' },
  { pattern: /^.\x00\x00\x00\x0a/s, peer: 'a MySQL server' },
];

/** The kind of peer behind a non-SMTP first line, or null when unknown. */
export function recognisePeer(firstText: string): string | null {
  return NOT_SMTP_BANNERS.find((row) => row.pattern.test(firstText))?.peer ?? null;
}

/** A 220 banner that is really something else (FTP greets with 220 too). */
export function bannerIsNotSmtp(banner: string): string | null {
  const peer = recognisePeer(banner);
  return peer && /^220/.test(banner) ? peer : null;
}

// ---------------------------------------------------------------------------
// TLS handshake errors (OpenSSL texts as Node reports them, D1).

export interface TlsErrorRow {
  pattern: RegExp;
  /** The peer answered our TLS hello with plain text: it is not a TLS port. */
  plaintextPeer: boolean;
  summary: string;
  /** The diagnosis, when the error alone names the cause (default tls-handshake-failed). */
  code?: DiagnosisCode;
}

export const TLS_ERRORS: TlsErrorRow[] = [
  {
    // TLS 1.3 alert 116 certificate_required (RFC 8446 §6.2). It arrives after the
    // client's handshake is complete, so it also ends the first read (greeting, EHLO).
    pattern: /certificate[ _]required/i,
    plaintextPeer: false,
    summary: 'the server demands a client certificate (TLS alert “certificate required”)',
    code: 'client-certificate-required',
  },
  {
    pattern: /wrong version number|packet length too long|unknown protocol|http request|record layer failure|record_layer_failure/i,
    plaintextPeer: true,
    summary: 'the server answered the TLS handshake with plain text (“wrong version number”)',
  },
  {
    // The server's protocol_version alert (RFC 8446 §6.2) to a client whose minimum is
    // TLS 1.2, or OpenSSL's own refusal of the TLS 1.0/1.1 the server chose.
    pattern: /alert protocol version|unsupported protocol|no protocols available|version too low/i,
    plaintextPeer: false,
    summary: 'the server offers only TLS 1.0/1.1, older than this client accepts',
    code: 'tls-version-too-old',
  },
  {
    pattern: /handshake failure|no shared cipher|no ciphers available|no cipher match/i,
    plaintextPeer: false,
    summary: 'the server and this client have no cipher in common',
  },
  {
    pattern: /key too small|md too weak|bad dh value/i,
    plaintextPeer: false,
    summary: 'the server uses a key or signature this client considers too weak',
  },
  {
    pattern: /ECONNRESET|socket disconnected before secure TLS|socket hang up|EPIPE|closed/i,
    plaintextPeer: false,
    summary: 'the server closed the connection during the TLS handshake',
  },
  { pattern: /timed? ?out|ETIMEDOUT/i, plaintextPeer: false, summary: 'the TLS handshake did not finish in time' },
  { pattern: /./, plaintextPeer: false, summary: 'the TLS handshake failed' },
];

/**
 * Under TLS 1.2, how a server that sent a CertificateRequest refuses a client without a
 * certificate: an alert (OpenSSL ssl/statem/statem_srvr.c sends handshake_failure, Go's
 * crypto/tls bad_certificate) or a plain close. Other failures (a weak key, a timeout)
 * keep their own words.
 */
export const CLIENT_CERTIFICATE_REFUSAL = /alert|ECONNRESET|EPIPE|socket disconnected|closed the connection/i;

export function classifyTlsError(message: string): TlsErrorRow {
  return TLS_ERRORS.find((row) => row.pattern.test(message))!;
}

// ---------------------------------------------------------------------------
// Certificate verification errors (OpenSSL verify codes as in TLSSocket.authorizationError).

export const CERT_ERRORS: Array<{ errors: string[]; code: DiagnosisCode; explain: string }> = [
  { errors: ['CERT_HAS_EXPIRED'], code: 'certificate-expired', explain: 'the certificate has expired' },
  { errors: ['CERT_NOT_YET_VALID'], code: 'certificate-expired', explain: 'the certificate is not valid yet (check the clocks)' },
  {
    errors: ['DEPTH_ZERO_SELF_SIGNED_CERT'],
    code: 'certificate-untrusted',
    explain: 'the certificate is self-signed',
  },
  {
    errors: ['SELF_SIGNED_CERT_IN_CHAIN'],
    code: 'certificate-untrusted',
    explain: 'the chain ends in a CA this machine does not trust (a private or self-signed CA)',
  },
  {
    errors: ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT'],
    code: 'certificate-untrusted',
    explain: 'the certificate was issued by a CA this machine does not know, or the server does not send its intermediate certificate',
  },
  { errors: ['CERT_REVOKED'], code: 'certificate-untrusted', explain: 'the certificate has been revoked' },
  { errors: [], code: 'certificate-untrusted', explain: 'the certificate chain could not be verified' },
];

export function classifyCertError(verifyError: string): { code: DiagnosisCode; explain: string } {
  return CERT_ERRORS.find((row) => row.errors.length === 0 || row.errors.includes(verifyError))!;
}

// ---------------------------------------------------------------------------
// Replies to AUTH (D3–D5). Matched on the reply code, the enhanced status code of the
// first line, and the whole text.
//
// Decision on Microsoft's `535 5.7.3 Authentication unsuccessful`: 5.7.3 is generic
// (wrong password, and also SMTP AUTH off for the mailbox or blocked by MFA); the
// reply alone cannot tell which, so it is `auth-failed`, with a fix that names the
// Microsoft causes. Only 5.7.139 and 5.7.30 (and their texts) are `basic-auth-disabled`.

export interface ReplyRow {
  codes?: number[];
  enhanced?: RegExp;
  text?: RegExp;
  /** Matches when any given field matches (fields left out are ignored). */
  any?: boolean;
  finding: Omit<Finding, 'evidence'>;
}

export const AUTH_REPLIES: ReplyRow[] = [
  {
    enhanced: /^5\.7\.9$/,
    text: /application-specific password required/i,
    any: true,
    finding: { code: 'app-password-required' },
  },
  {
    text: /SmtpClientAuthentication is disabled for the (Tenant|Mailbox)/i,
    finding: {
      code: 'basic-auth-disabled',
      summary:
        'Microsoft 365 refused the login: SMTP AUTH (“Authenticated SMTP”) is turned off for this mailbox or for the whole organization (535 5.7.139 SmtpClientAuthentication is disabled).',
      fix: 'An admin must turn on “Authenticated SMTP” for the mailbox (Microsoft 365 admin center → Users → the user → Mail → Manage email apps) or for the organization (Set-TransportConfig -SmtpClientAuthenticationDisabled $false); see https://aka.ms/smtp_auth_disabled. Better: log in with OAuth2 (XOAUTH2), as basic authentication is being retired.',
    },
  },
  {
    text: /basic authentication is disabled/i,
    finding: {
      code: 'basic-auth-disabled',
      summary:
        'Microsoft refused login with a password: basic authentication is disabled for this account (535 5.7.139). Outlook.com/Hotmail accounts have accepted only OAuth2 from other apps since 16 September 2024; app passwords no longer work there.',
      fix: 'Log in with OAuth2 (XOAUTH2, an access token) instead of a password, or send through another service. For a Microsoft 365 tenant, an admin may still re-enable basic SMTP AUTH for now, but it is being retired.',
    },
  },
  {
    text: /security defaults/i,
    finding: {
      code: 'basic-auth-disabled',
      summary: 'Microsoft refused the login: the organization’s Security Defaults block password logins for SMTP (535 5.7.139).',
      fix: 'Log in with OAuth2 (XOAUTH2), or have an admin change the Entra ID Security Defaults / Conditional Access for this mailbox.',
    },
  },
  {
    enhanced: /^5\.7\.30$/,
    text: /basic authentication is not supported for client submission/i,
    any: true,
    finding: {
      code: 'basic-auth-disabled',
      summary: 'Microsoft no longer accepts password logins for sending (550 5.7.30 Basic authentication is not supported for Client Submission).',
      fix: 'Switch to OAuth2 (XOAUTH2), or to Microsoft’s other ways of sending (High Volume Email, Azure Communication Services, an SMTP relay connector, Graph API).',
    },
  },
  {
    // Microsoft's wrong-password reply shares 5.7.139: "535 5.7.139 Authentication unsuccessful, the user credentials were incorrect."
    text: /user credentials were incorrect/i,
    finding: { code: 'auth-failed' },
  },
  {
    enhanced: /^5\.7\.139$/,
    finding: {
      code: 'basic-auth-disabled',
      summary: 'Microsoft refused the login because of a sign-in policy (535 5.7.139: Conditional Access, MFA or a blocked mailbox).',
    },
  },
  {
    codes: [530, 538],
    text: /STARTTLS/i,
    finding: { code: 'starttls-required' },
  },
  {
    enhanced: /^5\.7\.3$/,
    finding: {
      code: 'auth-failed',
      fix: 'Check the user name (the full email address) and the password. On Microsoft 365, this generic reply (5.7.3) also comes when SMTP AUTH is turned off for the mailbox or when MFA/Conditional Access blocks password logins: check “Authenticated SMTP” in the admin center, or use OAuth2.',
    },
  },
  {
    enhanced: /^5\.7\.8$/,
    text: /Username and Password not accepted/i,
    any: true,
    finding: {
      code: 'auth-failed',
      fix: 'Check the user name and password. For Gmail: use an app password (account passwords are refused); an app password stops working when it is revoked or the Google password is changed — create a new one.',
    },
  },
  {
    enhanced: /^5\.7\.14$/,
    text: /log in via your web browser/i,
    any: true,
    finding: {
      code: 'auth-failed',
      summary: 'Google blocked this sign-in as suspicious (534 5.7.14 “Please log in via your web browser”).',
      fix: 'Sign in to the account in a browser and confirm the activity, then use an app password or OAuth2. Logins from new networks or data centers are often blocked this way.',
    },
  },
  {
    text: /Authentication Credentials Invalid/i,
    finding: {
      code: 'auth-failed',
      fix: 'Amazon SES wants SMTP credentials created in the SES console (not the IAM access key and secret), for the same region as the SMTP host name.',
    },
  },
  {
    codes: [504],
    enhanced: /^5\.(5|7)\.4$/,
    text: /unrecognized authentication type|mechanism.*not (supported|available)|authentication not (enabled|available)/i,
    any: true,
    finding: { code: 'auth-unavailable' },
  },
  {
    // SendGrid answers a refused login with a 4xx: "451 Authentication failed: Could not authenticate"
    // (https://github.com/sendgrid/docs/issues/2191, fixed there by allowing the IP in IP Access Management).
    codes: [451],
    text: /Authentication failed: Could not authenticate/i,
    finding: {
      code: 'auth-failed',
      fix: 'SendGrid: the user name must be the literal “apikey” and the password an API key with Mail Send permission; if IP Access Management is on, allow this machine’s IP address.',
    },
  },
  // 4xx is transient (RFC 5321 §4.2.1); 454 4.7.0 is RFC 4954's temporary authentication failure.
  { codes: [421, 451, 454], finding: { code: 'auth-temporary-failure' } },
  { finding: { code: 'auth-failed' } },
];

// Replies to MAIL FROM / RCPT TO / DATA of the optional test message (D3, D5, D6).
export const SEND_REPLIES: ReplyRow[] = [
  { codes: [530, 538], text: /STARTTLS/i, finding: { code: 'starttls-required' } },
  {
    enhanced: /^5\.7\.57$/,
    // "550 Unauthenticated senders not allowed": SendGrid (https://github.com/Billionmail/BillionMail/issues/171).
    text: /authentication required|client not authenticated|not authenticated|authentication is required|unauthenticated senders? not allowed/i,
    any: true,
    finding: {
      code: 'message-rejected',
      summary: 'The server wants a login before it accepts mail (authentication required).',
      fix: 'Give the user name and password (or token) of the mailbox you send from.',
    },
  },
  {
    text: /relay access denied|unable to relay|relaying denied|relay not permitted|not permitted to relay/i,
    finding: {
      code: 'message-rejected',
      summary: 'The server refused to relay the message (relay access denied).',
      fix: 'Log in (user name and password) before sending, or send to an address the server accepts mail for. A server that takes mail without login only relays for its own domains or for allowed IP addresses.',
    },
  },
  {
    // Postfix reject_rbl_client / Barracuda: "554 5.7.1 Service unavailable; Client host [x] blocked using zen.spamhaus.org"
    // (https://github.com/nodemailer/nodemailer/issues/1089). With "open resolver" the list refused the *receiving*
    // server's DNS lookup (https://github.com/simple-login/app/issues/2675): not a verdict on the sender.
    text: /blocked using [\s\S]*open resolver/i,
    finding: {
      code: 'message-rejected',
      summary: 'The receiving server refused the message because its blocklist lookup failed (Spamhaus answers “open resolver”: that server queries Spamhaus through a public DNS resolver). This is not a listing of your address.',
      fix: 'Nothing to change on your side: the receiving server’s administrator must query Spamhaus through their own DNS resolver (or a Spamhaus DQS key). Tell them, quoting the bounce.',
    },
  },
  {
    text: /blocked using|listed (at|in|on) |blocklist|blacklist|Barracuda Reputation|spamhaus/i,
    finding: {
      code: 'message-rejected',
      summary: 'The receiving server refused the message because the sending IP address is on a blocklist (such as Spamhaus or Barracuda).',
      fix: 'Look up the address in the list named in the reply (e.g. https://check.spamhaus.org/) and follow its removal steps. On shared or cloud IPs, send through your provider’s submission server (port 587 with a login) or a mail service instead of delivering directly.',
    },
  },
  {
    text: /SendAsDenied/i,
    finding: {
      code: 'message-rejected',
      summary: 'Microsoft refused the sender address: the mailbox you logged in with may not send as this address (SendAsDenied).',
      fix: 'Use the logged-in mailbox as the From address, or have an admin grant “Send As” rights.',
    },
  },
  {
    // SendGrid: "550 The from address does not match a verified Sender Identity."
    text: /not verified|unverified|verified Sender Identity/i,
    finding: {
      code: 'message-rejected',
      summary: 'The sender (or recipient) address is not verified with the provider.',
      fix: 'Verify the sending address or domain with the provider (Amazon SES in sandbox mode also needs verified recipients).',
    },
  },
  {
    // Gmail 550-5.7.26 / 5.7.27 and other receivers: the sending domain's SPF, DKIM or DMARC does not vouch for this message.
    enhanced: /^5\.7\.2[3-7]$/,
    text: /\b(?:SPF|DKIM|DMARC)\b|This mail is unauthenticated/,
    any: true,
    finding: {
      code: 'message-rejected',
      summary: 'The receiving server refused the message: the sending domain’s SPF, DKIM or DMARC records do not authorize it.',
      fix: 'Send through the server your domain’s SPF record allows (or add it to SPF), sign with DKIM, and check the From domain’s DMARC policy — or use a From address of the account you log in with.',
    },
  },
  {
    // Mailgun sandbox domains: "421 Domain x is not allowed to send: Sandbox subdomains are for test purposes only."
    text: /Sandbox subdomains are for test purposes only/i,
    finding: {
      code: 'message-rejected',
      summary: 'Mailgun refused the message: a sandbox domain sends only to its authorized recipients.',
      fix: 'Add the recipient under Authorized Recipients of the sandbox domain, or add and verify your own sending domain in Mailgun and use its SMTP credentials.',
    },
  },
  {
    text: /Unconfigured Sending Domain/i,
    finding: {
      code: 'message-rejected',
      summary: 'The provider does not know the sending domain (Unconfigured Sending Domain).',
      fix: 'Add and verify the From address’s domain in the provider’s dashboard.',
    },
  },
  { finding: { code: 'message-rejected' } },
];

export function matchReply(table: ReplyRow[], reply: Reply): Finding {
  const row = table.find((r) => replyRowMatches(r, reply))!;
  return { ...row.finding, evidence: replyText(reply) };
}

/** Whether a row fits the reply (a row that tests nothing fits every reply). */
export function replyRowMatches(r: ReplyRow, reply: Reply): boolean {
  const tests: boolean[] = [];
  if (r.codes) tests.push(r.codes.includes(reply.code));
  if (r.enhanced) tests.push(reply.enhanced !== null && r.enhanced.test(reply.enhanced));
  if (r.text) tests.push(r.text.test(reply.raw.join('\n')));
  if (tests.length === 0) return true;
  return r.any ? tests.some(Boolean) : tests.every(Boolean);
}

/** A reply on one line, for evidence: "534-5.7.9 Application-specific … / 534 5.7.9 https://…". */
export function replyText(reply: Reply, max = 300): string {
  const text = reply.raw.join(' / ');
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
