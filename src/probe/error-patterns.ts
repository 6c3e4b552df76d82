// What the common mail libraries and servers write when sending fails, and the
// probe's diagnosis each text stands for. Server replies quoted in an error go
// through the probe's own reply tables (diagnose.ts); these rows cover what the
// client libraries say themselves, plus the replies whose meaning depends on the
// stage (the probe knows the stage, a pasted text does not). First match wins.
// Light on purpose: nothing here may load the config readers (src/engine/formats).
//
// Each row cites where the text comes from: the library file that raises it, or a
// public bug report quoting it (more in test/fixtures/errors/real-errors.json).

import { IMPLICIT_TLS_PORTS } from '../engine/facts/ports';
import { hostPort } from './address';
import type { ReplyRow } from './diagnose';
import type { DiagnosisCode } from './types';

/** What the text says about where it happened. */
export interface ErrorContext {
  host: string;
  /** 0 when the text names no port. */
  port: number;
}

export interface ErrorPattern {
  pattern: RegExp;
  /** The diagnosis, or how the context decides it. */
  code: DiagnosisCode | ((c: ErrorContext) => DiagnosisCode);
  /** Where the text is raised, or a report quoting it. */
  source: string;
  /** Also required somewhere in the text. */
  with?: RegExp;
  /** The row does not apply when the text also says this. */
  unless?: RegExp;
  /** Replaces the code's default words. */
  summary?: (c: ErrorContext) => string;
  fix?: string;
}

/**
 * A plain connection that hears nothing: on an implicit-TLS port (or when the text
 * names none, the most common cause by far) the server waits for a TLS handshake;
 * on a known other port the server is just silent.
 */
const silentGreeting = (c: ErrorContext): DiagnosisCode => (c.port && !IMPLICIT_TLS_PORTS.has(c.port) ? 'no-greeting' : 'implicit-tls-expected');

/** " with smtp.example.com:465", or what the text names of it. */
const withServer = (c: ErrorContext): string =>
  c.host || c.port ? ` with ${c.host && c.port ? hostPort(c.host, c.port) : c.host || `port ${c.port}`}` : '';

const timeoutHint = (c: ErrorContext): string =>
  c.port
    ? ''
    : ' The text names no port; this is what a client that connects in plain text to an implicit-TLS port (465) sees: the server waits for a TLS handshake and never greets.';

/** Replies whose meaning the stage decides: tried before the probe's AUTH and MAIL tables. */
export const STAGED_REPLIES: ErrorPattern[] = [
  {
    // 454 to STARTTLS: Postfix without a usable certificate/key (smtpd_tls_* broken).
    pattern: /\b454(?:[ -]|, b?['"])(?:4\.\d\.\d+ )?TLS not available[^\n"']*/i,
    code: 'starttls-unavailable',
    source: 'Postfix smtpd.c "454 4.7.0 TLS not available due to local problem"; https://github.com/hardware/mailserver/issues/236',
    summary: () => 'The server advertises STARTTLS but refused to start it (“454 TLS not available”): its own TLS setup is broken.',
    fix: 'The server’s administrator must fix its TLS certificate and key (Postfix logs the reason as “warning: TLS library problem” or a missing smtpd_tls_cert_file). Meanwhile use its implicit-TLS port (465) if it has one; do not send a password without encryption.',
  },
  {
    // 421 = closing the transmission channel (RFC 5321 §4.2.2), e.g. Gmail rate limits; 451 "server busy" (Exchange) alike.
    pattern: /\b4[25]1(?:[ -]|, b?['"])(?:4\.\d\.\d+ )?[^\n"']*(?:try again later|try later|too many|closing|service not available|temporarily|rate|busy)[^\n"']*/i,
    code: 'no-greeting',
    source: 'RFC 5321 §4.2.2 (421); https://github.com/dawidd6/action-send-mail/issues/196 (Gmail "421-4.7.0 Try again later, closing connection. (EHLO)")',
    summary: () => 'The server refused to talk to this client for now and closed the connection (421: try again later).',
    fix: 'This is temporary. The server limits connections or messages from your address (too many at once, a sending rate limit, or a reputation block; Gmail’s smtp-relay also answers so for IP addresses its relay settings do not allow). Send less often or reuse one connection (pooling), retry later with backoff, and check the provider’s sending limits.',
  },
  {
    // Amazon SES: "454 Throttling failure: Maximum sending rate exceeded." / "Daily message quota exceeded."
    pattern: /\b454(?:[ -]|, b?['"])[^\n"']*(?:Throttling failure|sending rate exceeded|quota exceeded)[^\n"']*/i,
    code: 'message-rejected',
    source: 'https://docs.aws.amazon.com/ses/latest/dg/troubleshoot-smtp.html (454 Throttling failure)',
    summary: () => 'The provider refused the message for now: the account’s sending rate or daily quota is used up (454 Throttling failure).',
    fix: 'Send more slowly (respect the provider’s maximum send rate), wait for the daily quota to reset, or ask the provider to raise the limits (Amazon SES: request production access / a higher quota).',
  },
  {
    // Postfix smtpd_helo_restrictions (reject_non_fqdn_helo_hostname): "504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname".
    pattern: /Helo command rejected[^\n"']*/i,
    code: 'ehlo-refused',
    source: 'Postfix smtpd_check.c (reject_non_fqdn_helo_hostname, reject_invalid_helo_hostname)',
    summary: () => 'The server refused the name the client introduced itself with in EHLO/HELO (“Helo command rejected”).',
    fix: 'Set the client’s EHLO name to this machine’s fully qualified domain name (nodemailer `name`, Django/Python local_hostname, Spring mail.smtp.localhost, PHPMailer Hostname), not “localhost” or a bare name.',
  },
  {
    // nodemailer lib/smtp-connection/index.js _actionGreeting: 'Invalid greeting. response=' + str.
    pattern: /Invalid greeting\. response=[^\n]*/,
    code: 'no-greeting',
    source: 'nodemailer lib/smtp-connection/index.js (_actionGreeting)',
  },
];

/** What the client libraries say themselves. */
export const ERROR_PATTERNS: ErrorPattern[] = [
  // --- TLS spoken to a plain (STARTTLS) port: the client's TLS hello got SMTP text back ---
  {
    // MailKit's own hint (SslHandshakeException.cs), and .NET's IOException under it.
    pattern: /port 587 is typically reserved for plain-text connections|The handshake failed due to an unexpected packet format/,
    code: 'tls-not-expected',
    source: 'MailKit Security/SslHandshakeException.cs; https://github.com/datalust/seq-app-htmlemail/issues/85',
  },
  {
    pattern: /host name did not match the name given in the server's SSL certificate/,
    code: 'certificate-hostname-mismatch',
    source: 'MailKit Security/SslHandshakeException.cs; https://github.com/jstedfast/MailKit/issues/1207',
  },
  {
    // MailKit's generic text lists every cause (self-signed, CRL, protocols): it decides nothing by itself.
    pattern: /An error occurred while attempting to establish an SSL or TLS connection\.?/,
    unless: /could not be validated|certificate has the following errors|RemoteCertificateValidationCallback/,
    code: 'tls-handshake-failed',
    source: 'MailKit Security/SslHandshakeException.cs; https://github.com/jstedfast/MailKit/issues/1029',
  },
  {
    pattern:
      /\[SSL: (?:WRONG_VERSION_NUMBER|UNKNOWN_PROTOCOL)\][^\n]*|wrong version number|Unrecognized SSL message, plaintext connection\?|first record does not look like a TLS handshake|state=(?:unknown state|SSLv2\/v3 read server hello A): unknown protocol|SSL23_GET_SERVER_HELLO:unknown protocol|packet length too long/i,
    code: 'tls-not-expected',
    source:
      'OpenSSL ssl/record (SSL_R_WRONG_VERSION_NUMBER, Node/Python/Ruby/PHP); JDK sun.security.ssl.SSLSocketInputRecord ("Unrecognized SSL message, plaintext connection?"); Go crypto/tls conn.go ("tls: first record does not look like a TLS handshake")',
  },

  // --- TLS versions and certificates ---
  {
    pattern: /No appropriate protocol \(protocol is disabled or cipher suites are inappropriate\)|alert protocol version|unsupported protocol|tlsv1 alert protocol version|protocol version not supported/i,
    code: 'tls-version-too-old',
    source: 'JDK sun.security.ssl.HandshakeContext; https://github.com/byzer-org/byzer-lang/issues/1659 (JavaMail 1.4.7 against TLS 1.2+), https://github.com/linagora/linshare/issues/238 (a TLS 1.1 relay)',
    summary: (c) =>
      `The client and the server${withServer(c)} have no TLS version in common: one side offers only TLS 1.0/1.1, which the other refuses (Java disables TLS 1.0 and 1.1 since 8u291).`,
    fix: 'If the server offers only TLS 1.0/1.1, its administrator must enable TLS 1.2 or 1.3. If the client is old (JavaMail 1.4, .NET Framework before 4.7), update it or allow TLS 1.2 explicitly (JavaMail mail.smtp.ssl.protocols=TLSv1.2; .NET ServicePointManager.SecurityProtocol = Tls12). Do not re-enable TLS 1.0.',
  },
  {
    pattern:
      /Hostname mismatch[^\n]*|does not match certificate's altnames[^\n]*|Peer certificate CN=`[^'\n]*' did not match expected CN=`[^'\n]*'|doesn't contain any IP SANs|certificate is valid for [^\n]*?, not [\w.-]+|No subject alternative (?:DNS )?names? matching[^\n]*|doesn't match any of the subject alternative names|does not match the server certificate/i,
    code: 'certificate-hostname-mismatch',
    source: 'Python ssl.match_hostname/OpenSSL ("Hostname mismatch, certificate is not valid for"), Node tls.checkServerIdentity, Go crypto/x509 HostnameError, JDK HostnameChecker; https://github.com/pretix/pretix/issues/5653',
  },
  {
    pattern: /certificate has expired[^\n]*|CERT_HAS_EXPIRED|certificate expired/i,
    code: 'certificate-expired',
    source: 'OpenSSL X509_V_ERR_CERT_HAS_EXPIRED as Node/Python/PHP print it; Go crypto/x509 ("certificate has expired or is not yet valid")',
  },
  {
    pattern:
      /self[- ]signed certificate(?: in certificate chain)?|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|unable to get local issuer certificate|unable to verify the first certificate|UNABLE_TO_VERIFY_LEAF_SIGNATURE|certificate signed by unknown authority|CERTIFICATE_VERIFY_FAILED|certificate verify failed|PKIX path building failed|unable to find valid certification path to requested target|certificate could not be validated|unable to get certificate CRL|RemoteCertificateValidationCallback|remote certificate is invalid/i,
    code: 'certificate-untrusted',
    source:
      'OpenSSL X509_V_ERR_* texts (Node, Python ssl, PHP stream_socket_enable_crypto), Go crypto/x509 UnknownAuthorityError, JDK PKIX; https://github.com/nodemailer/nodemailer/issues/1040, https://github.com/amborle/featmap/issues/66',
  },

  // --- Silence where a greeting should be ---
  {
    // nodemailer lib/smtp-connection/index.js: greetingTimeout (30 s) → 'Greeting never received', ETIMEDOUT, command CONN.
    pattern: /Greeting never received/,
    code: silentGreeting,
    source: 'nodemailer lib/smtp-connection/index.js (_greetingTimeout); maintainer: https://github.com/nodemailer/nodemailer/issues/441',
    summary: (c) =>
      c.port && !IMPLICIT_TLS_PORTS.has(c.port)
        ? `nodemailer connected${withServer(c).replace(' with ', ' to ')} but the server never sent its greeting within 30 seconds.`
        : `nodemailer connected${withServer(c).replace(' with ', ' to ')} but never got the server’s “220” greeting (after 30 seconds).${timeoutHint(c)}${c.port ? ` Port ${c.port} expects implicit TLS (the server waits for an encrypted connection from the very first byte); your client spoke plaintext.` : ''}`,
  },
  {
    // Python Lib/smtplib.py getreply(): raise SMTPServerDisconnected("Connection unexpectedly closed") — during login:
    // the server hung up on the credentials (QQ, 163 and others close instead of answering 535).
    pattern: /Connection unexpectedly closed/,
    with: /\bin login\b|docmd\("AUTH"|AUTH_PLAIN|auth_plain|auth_login/,
    code: 'auth-failed',
    source: 'CPython Lib/smtplib.py (getreply); https://github.com/NeloF4/brutegmail/issues/1, https://github.com/TideDra/zotero-arxiv-daily/issues/63',
    summary: () => 'The server closed the connection in answer to the login instead of replying: it refused the user name or password.',
  },
  {
    pattern: /Connection unexpectedly closed(?:: timed out)?/,
    code: silentGreeting,
    source: 'CPython Lib/smtplib.py (getreply); https://github.com/FeeiCN/GSIL/pull/29 (smtplib.SMTP on port 465)',
    summary: (c) =>
      c.port && !IMPLICIT_TLS_PORTS.has(c.port)
        ? `Python’s smtplib lost the connection to port ${c.port} before the server answered.`
        : `Python’s smtplib waited for the server’s greeting and the connection closed (or timed out) first.${timeoutHint(c)}`,
    fix: 'On port 465 use smtplib.SMTP_SSL (Django EMAIL_USE_SSL=True); on 587 use smtplib.SMTP and then starttls() (Django EMAIL_USE_TLS=True). If the port is right, the server may refuse your IP address: check with `smtp-doctor probe HOST --port N`.',
  },
  {
    // Ruby net/protocol.rb rbuf_fill: Net::ReadTimeout; on 465 without ssl/tls the greeting never comes
    // (https://github.com/loomio/loomio/pull/4655, https://github.com/mikel/mail/issues/639).
    pattern: /Net::ReadTimeout(?: with #<[^>]*>)?/,
    code: silentGreeting,
    source: 'Ruby net/protocol.rb (rbuf_fill); https://github.com/loomio/loomio/pull/4655',
    summary: (c) =>
      `Ruby’s Net::SMTP waited for the server’s reply and timed out (Net::ReadTimeout).${timeoutHint(c)}${c.port && IMPLICIT_TLS_PORTS.has(c.port) ? ` Port ${c.port} speaks implicit TLS: set ssl: true (ActionMailer tls: true) and enable_starttls_auto: false.` : ''}`,
    fix: 'On port 465 set ssl: true / tls: true (and enable_starttls_auto: false); on 587 keep them false and use enable_starttls_auto: true. If the port is right, raise read_timeout: the server may be slow to accept the message.',
  },

  // --- The library refused to log in, or the server offers no login ---
  {
    // CPython smtplib.login(): SMTPNotSupportedError("SMTP AUTH extension not supported by server.").
    pattern: /SMTP AUTH extension not supported by server\.?/,
    code: (c) => (c.port === 25 ? 'auth-unavailable' : 'starttls-required'),
    source: 'CPython Lib/smtplib.py (login); https://github.com/cole/aiosmtplib/issues/122 (maintainer: "set start_tls=True when using port 587")',
    summary: (c) =>
      c.port === 25
        ? 'The server on port 25 does not offer login (no AUTH in its EHLO reply): port 25 is for server-to-server mail, usually without login.'
        : `The server did not list AUTH in its EHLO reply${c.port ? ` on port ${c.port}` : ''}: most servers offer login only after STARTTLS, which the client did not start.`,
    fix: 'Call starttls() (then ehlo()) before login() — Django EMAIL_USE_TLS=True, aiosmtplib start_tls=True — or use port 465 with SMTP_SSL. On port 25 or a relay that trusts your IP address, remove the user name and password instead.',
  },
  {
    // System.Net.Mail: the server closed the connection, typically port 465 (which SmtpClient cannot do) with EnableSsl.
    pattern: /net_io_connectionclosed/,
    code: silentGreeting,
    source: 'System.Net.Mail SmtpReplyReaderFactory (SR.net_io_connectionclosed); https://learn.microsoft.com/dotnet/api/system.net.mail.smtpclient.enablessl (no implicit TLS)',
    summary: (c) =>
      `System.Net.Mail: the server closed the connection${c.port ? ` on port ${c.port}` : ''} before it answered.${c.port && !IMPLICIT_TLS_PORTS.has(c.port) ? '' : ' System.Net.Mail cannot speak implicit TLS (port 465): it waits for a plain greeting the server never sends.'}`,
    fix: 'Use port 587 with EnableSsl = true (STARTTLS) — System.Net.Mail does not support port 465 — or switch to MailKit (SecureSocketOptions.SslOnConnect for 465). If the port is already 587, the server may refuse your IP address.',
  },
  {
    // jakarta.mail SMTPTransport.readServerResponse: "Exception reading response" over SocketTimeoutException, the
    // classic result of a plain connection to port 465 (mail.smtp.ssl.enable not set).
    pattern: /SocketTimeoutException: Read timed out|Exception reading response/,
    code: silentGreeting,
    source: 'jakarta.mail com/sun/mail/smtp/SMTPTransport.java (readServerResponse)',
    summary: (c) => `JavaMail waited for the server’s reply and timed out${c.port ? ` on port ${c.port}` : ''}.${timeoutHint(c)}`,
    fix: 'On port 465 set mail.smtp.ssl.enable=true (Spring spring.mail.properties.mail.smtp.ssl.enable=true); on 587 use mail.smtp.starttls.enable=true instead. If the mode is right, raise mail.smtp.timeout: the server is slow.',
  },
  {
    // Ruby net/protocol: EOFError "end of file reached" — the server closed the connection: usually a TLS mode that does not fit the port.
    pattern: /EOFError(?: \(end of file reached\))?|end of file reached/,
    code: silentGreeting,
    source: 'Ruby net/protocol.rb (rbuf_fill raises EOFError); ActionMailer reports',
    summary: (c) => `The server closed the connection before answering (Ruby EOFError: end of file reached).${c.port && !IMPLICIT_TLS_PORTS.has(c.port) ? '' : timeoutHint(c)}`,
    fix: 'On port 465 set ssl: true / tls: true and enable_starttls_auto: false; on 587 keep them false and use enable_starttls_auto: true. If the port and mode are right, the server may refuse your IP address.',
  },
  {
    // nodemailer lib/smtp-connection/index.js _onClose: 'Connection closed unexpectedly' (ECONNECTION); MailKit SmtpProtocolException.
    pattern: /Connection closed unexpectedly|Unexpected socket close|The SMTP server has unexpectedly disconnected\.?/,
    code: 'no-greeting',
    source: 'nodemailer lib/smtp-connection/index.js (_onClose)',
  },
  {
    // nodemailer lib/mailer/index.js and smtp-connection: EENVELOPE 'No recipients defined'.
    pattern: /No recipients defined|\bEENVELOPE\b|SMTP Error: data not accepted\.?|SMTP Error: The following recipients failed[^\n]*/,
    code: 'message-rejected',
    source: 'nodemailer lib/smtp-connection/index.js (EENVELOPE); PHPMailer language/phpmailer.lang-en.php (data_not_accepted, recipients_failed)',
  },
  {
    // MailKit SmtpClient: "The SMTP server does not support authentication." / "…does not support the STARTTLS extension."; Go net/smtp: "smtp: server doesn't support AUTH".
    pattern: /The SMTP server does not support authentication\.?|smtp: server doesn't support AUTH|No suitable authentication method found\.?/,
    code: 'auth-unavailable',
    source: 'MailKit Net/Smtp/SmtpClient.cs; Go net/smtp smtp.go (Auth); CPython Lib/smtplib.py (login); https://github.com/jstedfast/MailKit/issues/1049',
  },
  {
    pattern: /STARTTLS extension not supported by server\.?|does not support the STARTTLS extension\.?|server doesn't support STARTTLS/,
    code: 'starttls-unavailable',
    source: 'CPython Lib/smtplib.py (starttls); https://pastebin.com/4pSCgU3N (smtp-facts D3)',
  },
  {
    // Go net/smtp auth.go plainAuth.Start: errors.New("unencrypted connection") unless TLS or localhost.
    pattern: /(?:\*?smtp\.plainAuth failed: )?unencrypted connection/,
    code: 'starttls-unavailable',
    source: 'Go net/smtp auth.go (plainAuth.Start); https://github.com/prometheus/alertmanager/issues/1358',
    summary: (c) =>
      `Go’s net/smtp refused to send the password: the connection${c.port ? ` to port ${c.port}` : ''} is not encrypted (the server did not offer STARTTLS, or the client did not use it).`,
    fix: 'Use the provider’s encrypted port: 465 with implicit TLS (gomail d.SSL = true) or 587 with STARTTLS (Alertmanager smtp_require_tls: true). For a relay on localhost that needs no login, remove the user name and password.',
  },
  {
    // SwiftMailer Esmtp/AuthHandler.php: no authenticator fits the server's AUTH list — usually because the server
    // advertised none (AUTH only after STARTTLS, or a relay port). https://github.com/kanboard/kanboard/issues/345
    pattern: /Failed to authenticate on SMTP server with username "[^"\n]*" using 0 possible authenticators/,
    code: 'auth-unavailable',
    source: 'SwiftMailer lib/classes/Swift/Transport/Esmtp/AuthHandler.php (afterEhlo); https://github.com/freescout-help-desk/freescout/issues/4391',
    summary: () => 'The server offered no login method the mailer could use (“using 0 possible authenticators”): its EHLO reply listed no AUTH it supports.',
    fix: 'Most servers list AUTH only after STARTTLS: turn encryption on (Laravel MAIL_ENCRYPTION=tls with port 587, or ssl with 465). On port 25 or a relay that trusts your IP address, remove the user name and password instead.',
  },
  {
    // nodemailer lib/smtp-connection/index.js login(): 'Missing credentials for "' + method + '"' (EAUTH, no password set).
    pattern: /Missing credentials for "[\w-]+"/,
    code: 'auth-failed',
    source: 'nodemailer lib/smtp-connection/index.js (login)',
    summary: () => 'nodemailer did not log in: the user name or the password is missing (“Missing credentials”), usually an environment variable that is not set where the app runs.',
    fix: 'Set auth.user and auth.pass (check that the variables they come from are defined in this environment); for OAuth2 set auth.type "OAuth2" with its tokens.',
  },
  {
    // PHPMailer language/phpmailer.lang-en.php 'authenticate' => 'SMTP Error: Could not authenticate.'
    pattern: /SMTP Error: Could not authenticate\.?|Failed to authenticate on SMTP server[^\n]*|AuthenticationFailedException|SMTPAuthenticationError|Net::SMTPAuthenticationError|\bEAUTH\b|Invalid login|Incorrect authentication data|Authentication unsuccessful/,
    code: 'auth-failed',
    source: 'PHPMailer language/phpmailer.lang-en.php; Symfony Mailer EsmtpTransport::handleAuth; jakarta.mail SMTPTransport; CPython smtplib; nodemailer EAUTH',
  },
  {
    // System.Net.Mail SmtpStatusCode.MustIssueStartTlsFirst / ClientNotPermitted text; the server's reply follows when given.
    pattern: /The SMTP server requires a secure connection or the client was not\s+authenticated\.?/,
    code: 'starttls-required',
    source: 'System.Net.Mail SmtpException (Strings.resx SmtpMustIssueStartTlsFirst); https://github.com/harlam357/hfm-net/issues/152',
    summary: () => 'System.Net.Mail: the server wants an encrypted connection (STARTTLS) or a login, or both, before it accepts mail.',
    fix: 'Set EnableSsl = true with port 587 (System.Net.Mail can only do STARTTLS, not port 465), set UseDefaultCredentials = false before Credentials = new NetworkCredential(user, password). Microsoft recommends MailKit for new code.',
  },

  // --- Connection and DNS failures, by the errno the text names (the probe's CONNECT/DNS tables) ---
  {
    pattern: /\bENOTFOUND\b[^\n]*|\bEAI_AGAIN\b[^\n]*|getaddrinfo[^\n]*failed[^\n]*|Name or service not known|nodename nor servname provided|UnknownHostException[^\n]*|no such host|Temporary failure in name resolution/i,
    code: 'dns-failed',
    source: 'getaddrinfo(3) messages as Node (ENOTFOUND), PHP (php_network_getaddresses), Python (socket.gaierror), Java (UnknownHostException) and Go ("no such host") print them',
  },
  {
    pattern: /\bECONNREFUSED\b[^\n]*|Connection refused[^\n)\]]*|actively refused it/i,
    code: 'connection-refused',
    source: 'ECONNREFUSED as printed by Node, PHP stream_socket_client, Python, Java ConnectException, .NET ("actively refused it"); https://github.com/dunglas/symfony-docker/issues/723',
  },
  {
    pattern:
      /\bETIMEDOUT\b[^\n]*|Connection timed out|connect timed out|Connection timeout|did not properly respond after a period of time|Net::OpenTimeout|i\/o timeout|socket\.timeout: timed out|TimeoutError: timed out/i,
    code: 'connection-timeout',
    source: 'ETIMEDOUT as printed by Node ("connect ETIMEDOUT ip:port"), PHP, Java, .NET (WSAETIMEDOUT), Ruby Net::OpenTimeout, Go ("i/o timeout"); https://github.com/dawidd6/action-send-mail/issues/124',
  },
  {
    // System.Net.Mail SmtpException "The operation has timed out.": on 465 it waits for a plain greeting that never
    // comes (SmtpClient cannot speak implicit TLS); elsewhere the server did not answer in time.
    pattern: /The operation has timed out\.?/,
    code: (c) => (IMPLICIT_TLS_PORTS.has(c.port) ? 'implicit-tls-expected' : 'connection-timeout'),
    source: 'System.Net.Mail SmtpClient (SR.net_timeout); https://learn.microsoft.com/dotnet/api/system.net.mail.smtpclient.enablessl',
    fix: 'System.Net.Mail cannot use port 465 (implicit TLS): use port 587 with EnableSsl = true, or MailKit with SecureSocketOptions.SslOnConnect for 465. Otherwise check that a firewall does not block the port, and raise Timeout if the server is slow.',
  },
  {
    // Node _tls_wrap.js: the peer closed the socket during the TLS handshake (nodemailer ESOCKET).
    pattern: /Client network socket disconnected before secure TLS connection was established/,
    code: 'tls-handshake-failed',
    source: 'Node.js lib/_tls_wrap.js (onSocketClose, ECONNRESET); the probe’s TLS_ERRORS row for the same text',
    summary: (c) => `The server${withServer(c).replace(' with ', ' on ')} closed the connection during the TLS handshake.`,
  },
  {
    // .NET: "An existing connection was forcibly closed by the remote host" (WSAECONNRESET).
    pattern: /An existing connection was forcibly closed by the remote host/,
    code: 'connection-refused',
    source: 'WSAECONNRESET / ECONNRESET texts (.NET SocketException, Node, Linux)',
    summary: () =>
      'The server cut the connection (connection reset). With System.Net.Mail on port 465 or an old .NET Framework this is usually the TLS step: the server wants implicit TLS, or TLS 1.2, which the client does not speak.',
    fix: 'With System.Net.Mail use port 587 and EnableSsl = true (it cannot do port 465), and on .NET Framework enable TLS 1.2 (ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12). Otherwise check the port and whether a firewall or the server refuses your IP address.',
  },

  {
    pattern: /\bECONNRESET\b|Connection reset by peer/,
    code: 'connection-refused',
    source: 'ECONNRESET as printed by Node ("read ECONNRESET"), PHP ("fgets(): SSL: Connection reset by peer"), Python',
    summary: (c) => `${c.host || c.port ? `${c.host && c.port ? hostPort(c.host, c.port) : c.host || `Port ${c.port}`}` : 'The server'} cut the connection (connection reset).`,
  },

  // --- Library-level connect failures that say nothing more ---
  {
    // PHPMailer lang 'connect_host' => 'SMTP Error: Could not connect to SMTP host.'; SMTP.php "SMTP connect() failed."
    pattern: /SMTP connect\(\) failed\.?|SMTP Error: Could not connect to SMTP host\.?|Could not connect to SMTP host[^\n;]*|Connection could not be established with host[^\n]*/,
    code: 'connection-timeout',
    source: 'PHPMailer PHPMailer.php (smtpConnect) and language/phpmailer.lang-en.php; jakarta.mail SMTPTransport.openServer; SwiftMailer StreamBuffer',
    summary: (c) =>
      `The client could not open an SMTP session${withServer(c) || ' with the server'}: the connection failed or the server did not answer.`,
    fix: 'Check the host and port, and that this machine may connect out on that port: many hosting and cloud providers block outgoing SMTP ports (run `smtp-doctor probe HOST --ports 587,465,2525,25` to see which answer). Then check the TLS mode: 465 needs implicit TLS (PHPMailer ENCRYPTION_SMTPS), 587 STARTTLS (ENCRYPTION_STARTTLS).',
  },
  {
    pattern: /Could not convert socket to TLS|Unable to connect with STARTTLS|Error initiating TLS|\bETLS\b|SSLHandshakeException[^\n]*|handshake failure|no shared cipher/i,
    code: 'tls-handshake-failed',
    source: 'jakarta.mail SMTPTransport.startTLS; Symfony Mailer EsmtpTransport ("Unable to connect with STARTTLS"); nodemailer ETLS',
  },
];

/** Where the text names a server reply but none of the reply tables has a row for it: its class decides. */
export const REPLY_FALLBACKS: ReplyRow[] = [
  { codes: [534, 535], finding: { code: 'auth-failed' } },
  { codes: [454], finding: { code: 'auth-temporary-failure' } },
  { codes: [421], finding: { code: 'no-greeting' } },
  {
    // 530: "Authentication required" (RFC 4954 §6) or "Must issue a STARTTLS command first" (RFC 3207 §4), when the text says neither.
    codes: [530],
    finding: {
      code: 'message-rejected',
      summary: 'The server refused to go on without a login or without encryption (530: authentication required, or STARTTLS first).',
      fix: 'Turn STARTTLS on for port 587 (or implicit TLS for 465) and give the user name and password of the mailbox you send from.',
    },
  },
  { codes: [450, 451, 452, 550, 551, 552, 553, 554], finding: { code: 'message-rejected' } },
];

/** Client libraries, told apart by the words they wrap errors in (the first that fits is named). */
export const CLIENT_LIBRARIES: Array<{ pattern: RegExp; name: string }> = [
  { pattern: /nodemailer|SMTPConnection\._|code: '(?:EAUTH|ESOCKET|ETIMEDOUT|ECONNECTION|EENVELOPE|EMESSAGE|ETLS|EPROTOCOL|EDNS)'|Greeting never received|Invalid login:|Can't send mail - all recipients were rejected|Error upgrading connection with STARTTLS|Server terminates connection|Missing credentials for "|Invalid greeting\. response=/, name: 'nodemailer' },
  { pattern: /aiosmtplib/, name: 'Python aiosmtplib' },
  { pattern: /smtplib|SMTP(?:ServerDisconnected|Authentication|NotSupported|SenderRefused|Recipients?Refused|Data|Connect)Error|SMTPServerDisconnected|SMTPSenderRefused|Connection unexpectedly closed|fastapi_mail/, name: 'Python smtplib' },
  { pattern: /\[SSL: [A-Z_]+\]|SSLCertVerificationError|ssl\.SSLError|_ssl\.c:\d+/, name: 'Python ssl' },
  { pattern: /PHPMailer|SMTP connect\(\) failed|SMTP Error: |SMTP ERROR:|CLIENT -> SERVER|SERVER -> CLIENT/, name: 'PHPMailer' },
  { pattern: /Swift_\w+|swiftmailer|Expected response code(?:\(s\))? \[?\d{3}\]? but got/i, name: 'SwiftMailer' },
  { pattern: /Symfony\\|symfony\/mailer|Connection could not be established with host "|Unable to connect with STARTTLS|Expected response code "|Failed to authenticate on SMTP server/, name: 'Symfony Mailer' },
  { pattern: /stream_socket_(?:client|enable_crypto)\(\)|php_network_getaddresses/, name: 'PHP streams (OpenSSL)' },
  { pattern: /MailKit|SslHandshakeException|jstedfast/, name: 'MailKit' },
  { pattern: /System\.Net\.Mail|SmtpException|The SMTP server requires a secure connection|net_io_connectionclosed/, name: 'System.Net.Mail' },
  { pattern: /javax\.mail|jakarta\.mail|com\.sun\.mail|org\.springframework\.mail|AuthenticationFailedException|Could not connect to SMTP host|Could not convert socket to TLS|jodd\.mail|simplejavamail/, name: 'JavaMail / Spring' },
  { pattern: /javax\.net\.ssl|PKIX path|sun\.security/, name: 'Java TLS (JSSE)' },
  { pattern: /gomail|go-mail|mailyak/, name: 'Go gomail' },
  { pattern: /tls: first record|x509: |smtp\.plainAuth|unencrypted connection|i\/o timeout|no such host/, name: 'Go net/smtp, crypto/tls' },
  { pattern: /Net::[A-Z]\w+|Errno::E[A-Z]+|OpenSSL::SSL|SSL_connect returned|ActionMailer|\.rb:\d+/, name: 'Ruby Net::SMTP / ActionMailer' },
  { pattern: /^(?:\w*Error: )?(?:connect|getaddrinfo|read|write) E[A-Z]+\b|TLSSocket\.|node:internal|_tls_wrap/m, name: 'Node.js net/tls' },
  { pattern: /\[Errno -?\d+\]|socket\.gaierror|ConnectionRefusedError|TimeoutError:/, name: 'Python' },
  { pattern: /postfix\/|status=deferred|\(in reply to [A-Z ]+ command\)/, name: 'Postfix' },
  { pattern: /\bexim\b/i, name: 'Exim' },
];

/** Servers and providers whose replies have a recognisable signature. */
export const SERVERS: Array<{ pattern: RegExp; name: string }> = [
  { pattern: /gsmtp|support\.google\.com|smtp(?:-relay)?\.gmail\.com|googlemail/i, name: 'Gmail' },
  { pattern: /outlook\.(?:com|cn)|office365|aka\.ms\/smtp|5\.7\.139|5\.7\.57|5\.7\.30|5\.7\.3 Authentication unsuccessful|SendAsDenied/i, name: 'Microsoft 365 / Exchange' },
  { pattern: /amazonaws|Authentication Credentials Invalid|identities failed the check|SimpleEmailService/i, name: 'Amazon SES' },
  { pattern: /sendgrid|Unauthenticated senders not allowed/i, name: 'SendGrid' },
  { pattern: /mailgun/i, name: 'Mailgun' },
  { pattern: /spamhaus/i, name: 'a Spamhaus blocklist' },
  { pattern: /barracuda/i, name: 'Barracuda' },
];
