// The probe itself: a step-by-step state machine over one connection (two when the
// TLS mode turns out wrong for the port and the other mode is tried once).
//
//   resolve → connect → [tls] → greeting → ehlo → [starttls → ehlo-after-tls]
//           → auth → [mail-from → rcpt-to → data] → quit
//
// Every step has its own time limit (`timeoutMs`), records ok/warn/fail/skipped, its
// duration and a detail; the transcript gets every line. A fatal problem (the
// connection is unusable) ends the attempt; a non-fatal one (certificate, login) is
// noted, later steps that would need it are skipped, and QUIT is still sent.
//
// Mode detection (issue §2):
// - plain text (starttls/none/auto on other ports): if not one byte arrives within
//   `greetingSilenceMs` (default min(timeoutMs, 5 s): servers that delay their
//   greeting on purpose, like sendmail's greet_pause, mostly stay below that, and
//   Postfix postscreen sends "220-" at once), the port is taken to wait for a TLS
//   ClientHello: the probe reconnects once with implicit TLS. A greeting then →
//   `implicit-tls-expected`.
// - implicit TLS: a handshake answered in plain text ("wrong version number", or the
//   bytes start like an SMTP reply) → the probe reconnects once in plain text with
//   STARTTLS. A greeting then → `tls-not-expected`.
// In both cases the second attempt goes on to the end, and what it finds is told too.

import * as dns from 'node:dns';
import * as net from 'node:net';
import { randomUUID } from 'node:crypto';
import type * as tls from 'node:tls';
import { IMPLICIT_TLS_PORTS } from '../engine/facts/ports';
import { hostPort, isEmailAddress } from './address';
import { heloCapabilities, parseCapabilities, describeCapabilities } from './capabilities';
import { ConnectError, SmtpConnection, connectTcp, defaultClientName } from './connection';
import {
  AUTH_REPLIES,
  CLIENT_CERTIFICATE_REFUSAL,
  CONNECT_ERRORS,
  DNS_ERRORS,
  SEND_REPLIES,
  bannerIsNotSmtp,
  classifyCertError,
  classifyErrno,
  classifyTlsError,
  makeDiagnosis,
  matchReply,
  okFacts,
  recognisePeer,
  replyText,
  retryOutcome,
  situation,
  WARNINGS,
  type Finding,
} from './diagnose';
import { ReaderError, printable, type Reply } from './lineReader';
import { TlsHandshakeError, certificateNames, describeTls } from './tls';
import { Masker, MASK, Transcript, monotonicMs } from './transcript';
import type {
  Capabilities,
  CertificateVerification,
  Diagnosis,
  LookupFunction,
  ProbeOptions,
  ProbeResult,
  ProbeStep,
  ResolvedAddress,
  StepName,
  StepStatus,
  TlsInfo,
  TlsMode,
  TranscriptListener,
} from './types';

export const DEFAULT_TIMEOUT_MS = 10_000;
/** Upper bound of the default silence window before trying implicit TLS (see above). */
export const MAX_GREETING_SILENCE_MS = 5_000;
export const QUIT_TIMEOUT_MS = 2_000;
/** A certificate that expires within this many days gives a warning. */
export const CERT_EXPIRY_WARN_DAYS = 30;

type Mode = 'implicit' | 'starttls' | 'opportunistic' | 'none';
type Suspect = null | 'silent' | 'plaintext-peer';

export type ProgressListener = (step: ProbeStep) => void;

/** What `auto` and the other modes mean for a port. */
export function resolveTlsMode(tls: TlsMode, port: number): 'implicit' | 'starttls' | 'none' {
  if (tls === 'auto') return IMPLICIT_TLS_PORTS.has(port) ? 'implicit' : 'starttls';
  return tls;
}

class StepFailure extends Error {
  constructor(
    readonly finding: Finding,
    readonly detail: string,
    readonly suspect: Suspect = null,
  ) {
    super(detail);
  }
}

class Cancelled extends Error {
  constructor() {
    super('Cancelled.');
  }
}

interface Attempt {
  mode: Mode;
  isRetry: boolean;
  /** First problem found (later ones are consequences). */
  finding: Finding | null;
  reachedGreeting: boolean;
  suspect: Suspect;
  /** Credentials must not be sent (untrusted certificate, no TLS where required). */
  blockedReason: string | null;
}

interface StepRecorder {
  status: StepStatus;
  detail: string;
}

const systemLookup: LookupFunction = async (hostname) => {
  const found = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

function validate(options: ProbeOptions): void {
  const bad = (message: string): never => {
    throw new TypeError(`probe: ${message}`);
  };
  if (typeof options.host !== 'string' || !options.host.trim() || /[\s\x00-\x1f\x7f]/.test(options.host)) bad('host must be a host name or an IP address');
  if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535) bad('port must be an integer from 1 to 65535');
  if (options.tls !== undefined && !['auto', 'starttls', 'implicit', 'none'].includes(options.tls)) bad('tls must be auto, starttls, implicit or none');
  if (options.timeoutMs !== undefined && !(options.timeoutMs > 0 && Number.isFinite(options.timeoutMs))) bad('timeoutMs must be a positive number');
  if (options.greetingSilenceMs !== undefined && !(options.greetingSilenceMs > 0)) bad('greetingSilenceMs must be a positive number');
  if ((options.password || options.oauthToken) && !options.user) bad('a user is needed with a password or an OAuth token');
  if (options.user && !options.password && !options.oauthToken) bad('a password or an OAuth token is needed with a user');
  if (options.user !== undefined && /[\r\n\x00]/.test(options.user)) bad('user must not contain line breaks or NUL');
  if (options.clientName !== undefined && !/^[^\s\x00-\x1f\x7f]+$/.test(options.clientName)) bad('clientName must be one word without spaces');
  if (options.sendTest) {
    for (const address of [options.sendTest.from, options.sendTest.to]) {
      if (typeof address !== 'string' || !isEmailAddress(address)) bad(`not an email address: ${String(address)}`);
    }
  }
}

/**
 * Probes an SMTP server live. Never rejects once the options are valid (invalid
 * options reject with a TypeError): every outcome, cancellation included, is a result.
 */
/**
 * `onProgress` hears each step as it ends, `onTranscript` each transcript line as it happens (masked, as in the result).
 */
export function probe(options: ProbeOptions, signal?: AbortSignal, onProgress?: ProgressListener, onTranscript?: TranscriptListener): Promise<ProbeResult> {
  try {
    validate(options);
  } catch (error) {
    return Promise.reject(error);
  }
  return new ProbeRun(options, signal, onProgress, onTranscript).run();
}

class ProbeRun {
  private readonly masker = new Masker();
  private readonly t0 = monotonicMs();
  private readonly startedAt = new Date().toISOString();
  private readonly transcript: Transcript;
  private readonly steps: ProbeStep[] = [];
  private readonly sockets = new Set<net.Socket>();
  private readonly host: string;
  private readonly timeoutMs: number;
  private readonly silenceMs: number;
  private readonly verification: CertificateVerification;
  private readonly warnings: string[] = [];
  private cancelled = false;
  private rejectCancel: (error: Cancelled) => void = () => undefined;
  private readonly cancelPromise: Promise<never>;

  private addresses: string[] = [];
  private connectedAddress: string | null = null;
  private banner: string | null = null;
  private tls: TlsInfo | null = null;
  private capabilities: Capabilities | null = null;
  /** The server's refusal of EHLO on this connection, when HELO had to be used. */
  private ehloRefusal: string | null = null;
  private effectiveTls: ProbeResult['effectiveTls'] = null;
  private retriedWith: ProbeResult['retriedWith'] = null;
  private authenticated = false;
  private authMechanism: string | null = null;
  private plaintextAuth = false;
  private testMessage: ProbeResult['testMessage'] = null;
  private clientName = '';
  private bytesReceived = 0;
  private peakBufferedBytes = 0;

  constructor(
    private readonly opts: ProbeOptions,
    private readonly signal: AbortSignal | undefined,
    private readonly onProgress: ProgressListener | undefined,
    onTranscript?: TranscriptListener,
  ) {
    this.host = opts.host.trim().replace(/^\[(.*)\]$/, '$1');
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.silenceMs = Math.min(this.timeoutMs, opts.greetingSilenceMs ?? MAX_GREETING_SILENCE_MS);
    this.verification = opts.insecure ? 'insecure' : opts.ca ? 'custom-ca' : 'system';
    this.masker.add(opts.password);
    this.masker.add(opts.oauthToken);
    if (opts.user && opts.password) this.masker.add(`\0${opts.user}\0${opts.password}`);
    if (opts.user && opts.oauthToken) this.masker.add(xoauth2Payload(opts.user, opts.oauthToken));
    this.transcript = new Transcript(this.t0, this.masker, undefined, onTranscript);
    this.cancelPromise = new Promise<never>((_, reject) => {
      this.rejectCancel = reject;
    });
    this.cancelPromise.catch(() => undefined);
  }

  private get ctx() {
    return { host: this.host, port: this.opts.port, advice: this.opts.advice };
  }

  private readonly onAbort = () => {
    if (this.cancelled) return;
    this.cancelled = true;
    this.transcript.info('Cancelled: closing the connection.');
    for (const socket of this.sockets) socket.destroy();
    this.rejectCancel(new Cancelled());
  };

  async run(): Promise<ProbeResult> {
    let primary: Finding | null = null;
    let followUp: Finding | null = null;
    if (this.signal?.aborted) this.onAbort();
    else this.signal?.addEventListener('abort', this.onAbort, { once: true });
    try {
      if (this.cancelled) throw new Cancelled();
      const addresses = await this.resolve();
      const mode = this.initialMode();
      const first = await this.attempt(addresses, mode, false);
      primary = first.finding;
      if (first.suspect === 'silent' && mode !== 'implicit') {
        const why = `Not one byte within ${this.silenceMs} ms on a plain connection: the port may expect implicit TLS. Trying once with TLS.`;
        this.addStep('retry', 'warn', why);
        this.transcript.info(why);
        this.retriedWith = 'implicit';
        const second = await this.attempt(addresses, 'implicit', true);
        if (second.reachedGreeting) {
          primary = { code: 'implicit-tls-expected' };
          followUp = second.finding;
        } else {
          primary = second.finding ?? primary;
        }
      } else if (first.suspect === 'plaintext-peer' && mode === 'implicit') {
        const why = 'The TLS handshake was answered in plain text: the port may expect STARTTLS. Trying once with a plain connection.';
        this.addStep('retry', 'warn', why);
        this.transcript.info(why);
        this.retriedWith = 'starttls';
        const second = await this.attempt(addresses, 'opportunistic', true);
        if (second.reachedGreeting) {
          primary = { code: 'tls-not-expected', evidence: first.finding?.evidence };
          followUp = second.finding;
        } else {
          primary = second.finding ?? primary;
        }
      }
    } catch (error) {
      if (!(error instanceof Cancelled) && !this.cancelled) {
        primary =
          error instanceof StepFailure
            ? error.finding
            : { code: 'protocol-error', evidence: `unexpected error: ${(error as Error).message}` };
      }
    } finally {
      this.signal?.removeEventListener('abort', this.onAbort);
      for (const socket of this.sockets) socket.destroy();
    }
    return this.result(primary, followUp);
  }

  private initialMode(): Mode {
    const mode = resolveTlsMode(this.opts.tls ?? 'auto', this.opts.port);
    if (mode === 'starttls' && (this.opts.tls ?? 'auto') === 'auto') return 'opportunistic';
    return mode;
  }

  // -------------------------------------------------------------------------
  // Steps

  private async step<T>(name: StepName, body: (rec: StepRecorder) => Promise<T>): Promise<T> {
    if (this.cancelled) throw new Cancelled();
    const start = monotonicMs();
    const rec: StepRecorder = { status: 'ok', detail: '' };
    this.emit({ name, status: 'running', ms: 0, detail: '' });
    try {
      const value = await Promise.race([body(rec), this.cancelPromise]);
      this.finishStep(name, rec.status, start, rec.detail);
      return value;
    } catch (error) {
      if (this.cancelled) {
        this.finishStep(name, 'cancelled', start, 'Cancelled while this step was running.');
        throw new Cancelled();
      }
      if (error instanceof StepFailure) {
        this.finishStep(name, 'fail', start, error.detail);
        throw error;
      }
      const message = (error as Error).message;
      this.finishStep(name, 'fail', start, `Unexpected error: ${message}`);
      throw new StepFailure({ code: 'protocol-error', evidence: message }, `Unexpected error: ${message}`);
    }
  }

  private finishStep(name: StepName, status: StepStatus, start: number, detail: string): void {
    const step: ProbeStep = { name, status, ms: Math.round(monotonicMs() - start), detail: this.masker.mask(detail) };
    this.steps.push(step);
    this.emit(step);
  }

  private addStep(name: StepName, status: StepStatus, detail: string): void {
    this.finishStep(name, status, monotonicMs(), detail);
  }

  private emit(step: ProbeStep): void {
    try {
      this.onProgress?.({ ...step });
    } catch {
      // A failing listener must not break the probe.
    }
  }

  private track(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    if (this.cancelled) socket.destroy();
  }

  private resolve(): Promise<ResolvedAddress[]> {
    return this.step('resolve', async (rec) => {
      const family = net.isIP(this.host);
      if (family) {
        this.addresses = [this.host];
        rec.detail = `${this.host} is an IP address: no DNS lookup needed.`;
        return [{ address: this.host, family: family === 6 ? 6 : 4 }];
      }
      const lookup = this.opts.lookup ?? systemLookup;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(Object.assign(new Error(`DNS did not answer within ${this.timeoutMs} ms`), { code: 'TIMEOUT' })),
          this.timeoutMs,
        );
      });
      try {
        const found = await Promise.race([lookup(this.host), timeout]);
        if (!found.length) throw Object.assign(new Error('no address found'), { code: 'ENODATA' });
        this.addresses = found.map((a) => a.address);
        rec.detail = `${this.host} → ${this.addresses.join(', ')}`;
        this.transcript.info(`Resolved ${this.host} to ${this.addresses.join(', ')}`);
        return found;
      } catch (error) {
        if (this.cancelled) throw error;
        const e = error as Error & { code?: string };
        const finding = classifyErrno(DNS_ERRORS, e.code, this.ctx, e.code ?? e.message);
        this.transcript.info(`DNS lookup of ${this.host} failed: ${e.code ?? ''} ${e.message}`);
        throw new StepFailure(finding, `DNS lookup of ${this.host} failed (${e.code ?? e.message}).`);
      } finally {
        clearTimeout(timer);
      }
    });
  }

  private connect(addresses: ResolvedAddress[]): Promise<SmtpConnection> {
    return this.step('connect', async (rec) => {
      const deadline = monotonicMs() + this.timeoutMs;
      const tried: string[] = [];
      let last: ConnectError | null = null;
      for (const target of addresses) {
        const remaining = Math.round(deadline - monotonicMs());
        if (remaining <= 0) break;
        const where = hostPort(target.address, this.opts.port);
        this.transcript.info(`Connecting to ${where}`);
        try {
          const socket = await connectTcp(target, this.opts.port, remaining, (s) => this.track(s));
          socket.setNoDelay(true);
          this.connectedAddress = target.address;
          this.clientName = this.opts.clientName ?? defaultClientName(socket);
          rec.detail = `Connected to ${where}${tried.length ? ` (after ${tried.join('; ')})` : ''}.`;
          this.transcript.info(`Connected to ${where}`);
          return new SmtpConnection(socket, this.transcript);
        } catch (error) {
          if (this.cancelled) throw error;
          last = error as ConnectError;
          tried.push(`${where}: ${last.errno}`);
          this.transcript.info(`Could not connect to ${where}: ${last.errno} (${last.message})`);
        }
      }
      const errno = last?.errno ?? 'ETIMEDOUT';
      const finding = classifyErrno(CONNECT_ERRORS, errno, this.ctx, tried.join('; '));
      if (finding.code === 'connection-timeout' && !finding.summary) {
        finding.evidence = `no answer within ${this.timeoutMs} ms`;
      }
      throw new StepFailure(finding, `Could not connect: ${tried.join('; ') || `no answer within ${this.timeoutMs} ms`}.`);
    });
  }

  private async attempt(addresses: ResolvedAddress[], mode: Mode, isRetry: boolean): Promise<Attempt> {
    const attempt: Attempt = { mode, isRetry, finding: null, reachedGreeting: false, suspect: null, blockedReason: null };
    const note = (finding: Finding) => {
      attempt.finding ??= finding;
    };
    let conn: SmtpConnection | null = null;
    try {
      const c = await this.connect(addresses);
      conn = c;
      this.effectiveTls = null;
      this.tls = null;
      this.capabilities = null;
      this.ehloRefusal = null;
      if (mode === 'implicit') {
        await this.step('tls', (rec) => this.handshake(c, attempt, 'implicit', rec, note));
      }
      await this.greeting(c, attempt);
      attempt.reachedGreeting = true;
      this.effectiveTls = c.secure ? 'implicit' : 'none';
      let caps = await this.step('ehlo', (rec) => this.ehlo(c, rec));
      this.capabilities = caps;
      if (mode === 'starttls' || mode === 'opportunistic') {
        if (caps.starttls) {
          await this.step('starttls', async (rec) => {
            const reply = await this.command(c, 'STARTTLS');
            if (reply.code !== 220) {
              rec.status = 'fail';
              rec.detail = `The server advertised STARTTLS but refused it: ${replyText(reply)}`;
              attempt.blockedReason = 'the connection could not be encrypted';
              note(situation('starttls-refused', this.ctx, { reply: replyText(reply) }, replyText(reply)));
              return;
            }
            await this.handshake(c, attempt, 'starttls', rec, note);
          });
          if (c.secure) {
            this.effectiveTls = 'starttls';
            caps = await this.step('ehlo-after-tls', (rec) => this.ehlo(c, rec));
            this.capabilities = caps;
          }
        } else if (mode === 'starttls') {
          this.addStep('starttls', 'fail', 'The server does not offer STARTTLS (not in the EHLO reply).');
          attempt.blockedReason = 'the connection is not encrypted';
          note(this.ehloRefusedFinding() ?? { code: 'starttls-unavailable' });
        } else {
          this.addStep('starttls', 'warn', WARNINGS.noStarttls);
          this.warnings.push(WARNINGS.noStarttls);
        }
      } else if (mode === 'none') {
        if (caps.starttls) {
          this.addStep('starttls', 'warn', WARNINGS.starttlsNotUsed);
          this.warnings.push(WARNINGS.starttlsNotUsed);
        } else {
          this.addStep('starttls', 'skipped', 'TLS mode none (and the server does not offer STARTTLS).');
        }
      }
      await this.auth(c, attempt, caps, note);
      await this.sendTest(c, attempt, note);
      await this.quit(c);
    } catch (error) {
      if (error instanceof Cancelled || this.cancelled) throw new Cancelled();
      if (!(error instanceof StepFailure)) throw error;
      if (!attempt.finding) attempt.suspect = error.suspect;
      note(error.finding);
    } finally {
      if (conn) {
        conn.destroy();
        this.bytesReceived += conn.reader.totalBytes;
        this.peakBufferedBytes = Math.max(this.peakBufferedBytes, conn.reader.peakBufferedBytes);
      }
    }
    return attempt;
  }

  private async handshake(
    conn: SmtpConnection,
    attempt: Attempt,
    mode: 'implicit' | 'starttls',
    rec: StepRecorder,
    note: (finding: Finding) => void,
  ): Promise<void> {
    this.transcript.info(`Starting the TLS handshake${net.isIP(this.host) ? '' : ` (SNI ${this.host})`}`);
    try {
      await conn.upgrade({ host: this.host, ca: this.opts.ca, timeoutMs: this.timeoutMs });
    } catch (error) {
      if (this.cancelled) throw error;
      if (error instanceof TlsHandshakeError) {
        this.transcript.info(`TLS handshake failed: ${error.message}`);
        if (error.firstBytes.length && error.firstBytes[0] !== 0x15 && error.firstBytes[0] !== 0x16) this.transcript.info(`The server sent instead: “${printable(error.firstBytes)}”`);
        throw this.handshakeFailure(error, attempt, mode);
      }
      if (error instanceof ReaderError) {
        throw new StepFailure({ code: 'protocol-error', evidence: error.message }, error.message);
      }
      throw error;
    }
    const info = describeTls(conn.socket as tls.TLSSocket, this.host, mode, this.verification);
    this.tls = info;
    this.transcript.info(`TLS established: ${info.protocol ?? '?'}, ${info.cipher ?? '?'}`);
    const verdict = this.judgeCertificate(info);
    rec.status = verdict.status;
    rec.detail = `${info.protocol ?? 'TLS'} (${info.cipher ?? 'unknown cipher'}). ${verdict.detail}`;
    if (verdict.finding) {
      attempt.blockedReason = 'the server’s certificate failed verification, so credentials were not sent';
      note(verdict.finding);
    }
  }

  private handshakeFailure(error: TlsHandshakeError, attempt: Attempt, mode: 'implicit' | 'starttls'): StepFailure {
    const bytes = error.firstBytes;
    const text = bytes.toString('latin1');
    const shown = printable(bytes.subarray(0, 100));
    const row = classifyTlsError(`${error.errno ?? ''} ${error.message}`);
    const tlsRecord = bytes.length > 0 && (bytes[0] === 0x15 || bytes[0] === 0x16);
    // TLS records are binary: quoting them helps nobody. Plain text is the evidence.
    const quoted = bytes.length && !tlsRecord ? shown : '';
    const evidence = `${row.summary}: ${error.message}${quoted ? ` — the server sent “${quoted}”` : ''}`;
    const detail = `TLS handshake failed: ${error.message}${quoted ? ` (server sent “${quoted}”)` : ''}`;
    if (mode === 'starttls') {
      // The server said 220 to STARTTLS: whatever comes instead of a handshake is its fault.
      if (quoted) return new StepFailure(situation('starttls-then-plaintext', this.ctx, { shown: quoted }, quoted), detail);
      if (bytes.length === 0 && error.timedOut) return new StepFailure(situation('starttls-then-silent', this.ctx, {}, error.message), detail);
      if (bytes.length === 0 && (error.errno === 'ECONNRESET' || error.errno === 'EPIPE')) {
        return new StepFailure(situation('starttls-then-closed', this.ctx, {}, error.message), detail);
      }
    }
    if (row.code) return new StepFailure({ code: row.code, evidence }, detail);
    if (error.certificateRequested && CLIENT_CERTIFICATE_REFUSAL.test(`${error.errno ?? ''} ${error.message}`)) {
      return new StepFailure({ code: 'client-certificate-required', evidence: `the server asked for a client certificate, then: ${error.message}` }, detail);
    }
    const peer = bytes.length && !tlsRecord ? recognisePeer(text) : null;
    const smtpLike = /^\d{3}[ -]/.test(text);
    if (peer && !smtpLike) {
      return new StepFailure(situation('tls-answered-by-peer', this.ctx, { peer, shown }, shown), detail);
    }
    if (mode === 'implicit' && !attempt.isRetry && (smtpLike || (row.plaintextPeer && !tlsRecord))) {
      return new StepFailure({ code: 'tls-handshake-failed', evidence }, detail, 'plaintext-peer');
    }
    if (mode === 'implicit' && attempt.isRetry) {
      // Plain text was silent, and TLS does not work either.
      if (smtpLike) {
        return new StepFailure(situation('greeting-too-slow', this.ctx, { silenceMs: this.silenceMs, shown }, shown), detail);
      }
      if (row.plaintextPeer && !tlsRecord) {
        return new StepFailure(situation('waits-for-client', this.ctx, {}, shown || error.message), detail);
      }
    }
    if (bytes.length === 0 && mode === 'implicit' && (error.timedOut || error.errno === 'ECONNRESET')) {
      return new StepFailure(situation(error.timedOut ? 'silent-in-both-modes' : 'closed-before-tls', this.ctx, {}, error.message), detail);
    }
    return new StepFailure({ code: 'tls-handshake-failed', evidence }, detail);
  }

  private judgeCertificate(info: TlsInfo): { status: StepStatus; detail: string; finding?: Finding } {
    const cert = info.certificate;
    let problem: Finding | null = null;
    if (!cert) {
      problem = situation('no-certificate', this.ctx, {});
    } else if (!info.chainVerified) {
      const verifyError = info.verifyError ?? '';
      const c = classifyCertError(verifyError);
      if (c.code === 'certificate-expired') {
        problem =
          cert.daysToExpiry < 0
            ? situation('certificate-expired-on', this.ctx, { date: cert.validTo.slice(0, 10), daysAgo: -cert.daysToExpiry }, verifyError)
            : situation('certificate-not-yet-valid', this.ctx, { date: cert.validFrom.slice(0, 10) }, verifyError);
      } else {
        const facts = { explain: c.explain, verifyError, subject: cert.subject, issuer: cert.issuer };
        problem = situation('certificate-chain-unverified', this.ctx, facts, verifyError);
      }
    } else if (!info.hostnameMatch) {
      const names = certificateNames(cert);
      problem = situation('certificate-other-names', this.ctx, { names: names.join(', ') || cert.subject }, names.join(', '));
    }
    const facts = cert
      ? `Certificate ${cert.subject}, issued by ${cert.issuer}, valid until ${cert.validTo.slice(0, 10)} (${cert.daysToExpiry >= 0 ? `${cert.daysToExpiry} days left` : `expired ${-cert.daysToExpiry} days ago`}).` +
        ` Chain ${info.chainVerified ? `verified (${this.verification === 'custom-ca' ? 'system CAs + the given CA' : 'system CAs'})` : `NOT verified (${info.verifyError})`};` +
        ` name ${info.hostnameMatch ? `matches ${this.host}` : `does NOT match ${this.host}`}.`
      : 'No certificate.';
    if (problem) {
      if (this.opts.insecure) {
        const warning = WARNINGS.certificateIgnored(problem.summary ?? '');
        this.warnings.push(warning);
        return { status: 'warn', detail: `${facts} ${warning}` };
      }
      return { status: 'fail', detail: `${facts} ${problem.summary}`, finding: problem };
    }
    if (cert && cert.daysToExpiry <= CERT_EXPIRY_WARN_DAYS) {
      const warning = WARNINGS.certificateExpiresSoon(cert.daysToExpiry, cert.validTo.slice(0, 10));
      this.warnings.push(warning);
      return { status: 'warn', detail: `${facts} ${warning}` };
    }
    return { status: 'ok', detail: facts };
  }

  private greeting(conn: SmtpConnection, attempt: Attempt): Promise<Reply> {
    return this.step('greeting', async (rec) => {
      const detect = attempt.mode !== 'implicit' && !attempt.isRetry;
      let reply: Reply;
      try {
        reply = await conn.read(this.timeoutMs, detect ? this.silenceMs : undefined);
      } catch (error) {
        if (this.cancelled || !(error instanceof ReaderError)) throw error;
        throw this.greetingFailure(error, conn, detect);
      }
      const shown = replyText(reply);
      if (reply.code === 220) {
        const peer = bannerIsNotSmtp(reply.raw[0]);
        if (peer) {
          throw new StepFailure(situation('banner-of-other-service', this.ctx, { peer, shown }, shown), `Greeting from ${peer}: ${shown}`);
        }
        this.banner = reply.lines.join(' ').trim();
        rec.detail = shown;
        return reply;
      }
      throw new StepFailure(situation('greeting-refused', this.ctx, { shown }, shown), `Refused instead of greeting: ${shown}`);
    });
  }

  private greetingFailure(error: ReaderError, conn: SmtpConnection, detect: boolean): StepFailure {
    const received = conn.reader.totalBytes;
    const first = printable(conn.reader.firstBytes.subarray(0, 100));
    switch (error.kind) {
      case 'silent':
      case 'timeout':
        if (received === 0) {
          return new StepFailure(
            { code: 'no-greeting', evidence: `nothing received within ${error.kind === 'silent' ? this.silenceMs : this.timeoutMs} ms` },
            error.message,
            detect ? 'silent' : null,
          );
        }
        return new StepFailure(
          situation('greeting-incomplete', this.ctx, { timeoutMs: this.timeoutMs, received, first }, first),
          `Greeting incomplete after ${this.timeoutMs} ms (${received} bytes received).`,
        );
      case 'closed':
        return this.alertFailure(error) ?? new StepFailure(
          situation('closed-without-greeting', this.ctx, { first: received ? first : '' }, error.evidence ?? 'closed'),
          `Connection closed before a greeting${error.evidence ? ` (${error.evidence})` : ''}.`,
        );
      case 'malformed':
      case 'line-too-long': {
        const line = error.evidence ?? first;
        if (/^\d{3}/.test(line)) {
          return new StepFailure({ code: 'protocol-error', evidence: readerEvidence(error) }, error.message);
        }
        const peer = recognisePeer(line);
        return new StepFailure(
          situation('not-smtp-line', this.ctx, { peer, line: line.slice(0, 100) }, line.slice(0, 100)),
          `Not an SMTP greeting: “${line.slice(0, 100)}”${error.kind === 'line-too-long' ? ' (and the line went past the size limit)' : ''}`,
        );
      }
      default:
        return new StepFailure({ code: 'protocol-error', evidence: readerEvidence(error) }, error.message);
    }
  }

  /** A TLS alert that ended an established TLS connection (TLS 1.3 sends certificate_required only then). */
  private alertFailure(error: ReaderError): StepFailure | null {
    if (error.kind !== 'closed' || !error.evidence) return null;
    const row = classifyTlsError(error.evidence);
    if (!row.code) return null;
    return new StepFailure({ code: row.code, evidence: `${row.summary}: ${error.evidence}` }, `The server ended the TLS connection: ${error.evidence}.`);
  }

  /** Sends a command and reads the reply; transport problems become protocol-error. */
  private async command(conn: SmtpConnection, line: string, shown?: string, timeoutMs = this.timeoutMs): Promise<Reply> {
    const label = (shown ?? line).split(' ')[0];
    try {
      return await conn.command(line, timeoutMs, shown);
    } catch (error) {
      if (this.cancelled || !(error instanceof ReaderError)) throw error;
      const alert = this.alertFailure(error);
      if (alert) throw alert;
      const what =
        error.kind === 'timeout'
          ? `no complete reply to ${label} within ${timeoutMs} ms`
          : error.kind === 'closed'
            ? `the server closed the connection after ${label}${error.evidence ? ` (${error.evidence})` : ''}`
            : readerEvidence(error);
      throw new StepFailure({ code: 'protocol-error', evidence: what }, `${label}: ${what}`);
    }
  }

  private async ehlo(conn: SmtpConnection, rec: StepRecorder): Promise<Capabilities> {
    const reply = await this.command(conn, `EHLO ${this.clientName}`);
    if (reply.code === 250) {
      const caps = parseCapabilities(reply);
      rec.detail = `Capabilities: ${describeCapabilities(caps)}.`;
      return caps;
    }
    if (reply.code >= 500 && reply.code < 600) {
      const helo = await this.command(conn, `HELO ${this.clientName}`);
      if (helo.code === 250) {
        rec.status = 'warn';
        rec.detail = `EHLO was refused (${replyText(reply)}); HELO works, so the server offers no extensions (no STARTTLS, no AUTH).`;
        this.warnings.push(WARNINGS.heloOnly);
        this.ehloRefusal = replyText(reply);
        return heloCapabilities();
      }
      throw new StepFailure(
        { code: 'protocol-error', evidence: `EHLO and HELO refused: ${replyText(reply)} / ${replyText(helo)}` },
        `EHLO refused (${replyText(reply)}), HELO refused (${replyText(helo)}).`,
      );
    }
    throw new StepFailure({ code: 'protocol-error', evidence: `unexpected reply to EHLO: ${replyText(reply)}` }, `Unexpected reply to EHLO: ${replyText(reply)}`);
  }

  private async auth(conn: SmtpConnection, attempt: Attempt, caps: Capabilities, note: (f: Finding) => void): Promise<void> {
    const { user, password, oauthToken, allowPlaintextAuth } = this.opts;
    if (!user || (!password && !oauthToken)) {
      this.addStep(
        'auth',
        'skipped',
        `No credentials given${caps.authMechanisms.length ? ` (the server offers ${caps.authMechanisms.join(' ')})` : ''}.`,
      );
      return;
    }
    if (attempt.finding) {
      this.addStep('auth', 'skipped', `Not attempted: ${attempt.blockedReason ?? 'an earlier step failed'}.`);
      return;
    }
    await this.step('auth', async (rec) => {
      const ehloRefused = this.ehloRefusedFinding();
      if (ehloRefused) {
        rec.status = 'fail';
        rec.detail = 'Not sent: without EHLO the server offers no login (AUTH).';
        note(ehloRefused);
        return;
      }
      if (!conn.secure && !allowPlaintextAuth) {
        rec.status = 'fail';
        rec.detail = 'Not sent: the connection is not encrypted (allowPlaintextAuth is off).';
        note(situation(caps.starttls ? 'plaintext-login-withheld-starttls-offered' : 'plaintext-login-withheld-no-starttls', this.ctx, {}));
        return;
      }
      if (!conn.secure && caps.starttls && caps.authMechanisms.length === 0) {
        rec.status = 'fail';
        rec.detail = 'Not sent: the server offers login only after STARTTLS.';
        note(situation('auth-only-after-starttls', this.ctx, {}));
        return;
      }
      const mechanism = chooseMechanism(caps.authMechanisms, Boolean(oauthToken), Boolean(password));
      if (!mechanism) {
        rec.status = 'fail';
        const offered = caps.authMechanisms.length ? `it offers ${caps.authMechanisms.join(' ')}` : 'the EHLO reply lists no AUTH';
        rec.detail = `No usable login method: ${offered}.`;
        const wanted = oauthToken ? 'XOAUTH2 (needed for an OAuth token)' : 'PLAIN or LOGIN';
        note(
          caps.authMechanisms.length === 0
            ? situation('no-auth-offered', this.ctx, { afterTls: conn.secure }, offered)
            : situation('no-usable-mechanism', this.ctx, { offered: caps.authMechanisms.join(' '), wanted }, offered),
        );
        return;
      }
      if (!conn.secure) {
        this.plaintextAuth = true;
        this.warnings.push(WARNINGS.plaintextCredentials);
        this.transcript.info(`⚠ ${WARNINGS.plaintextCredentials}`);
      }
      const reply = await this.runAuth(conn, mechanism, user, password, oauthToken);
      if (reply.code === 235) {
        this.authenticated = true;
        this.authMechanism = mechanism;
        rec.detail = `Logged in with AUTH ${mechanism} as ${user}: ${replyText(reply)}`;
        if (!conn.secure) {
          rec.status = 'warn';
          rec.detail = `⚠ Logged in with AUTH ${mechanism} WITHOUT ENCRYPTION: the credentials crossed the network in plain text.`;
        }
        return;
      }
      rec.status = 'fail';
      rec.detail = `AUTH ${mechanism} refused: ${replyText(reply)}`;
      const finding = matchReply(AUTH_REPLIES, reply);
      note(mechanism === 'XOAUTH2' && finding.code === 'auth-failed' ? { ...finding, fix: situation('oauth-token-refused', this.ctx, {}).fix } : finding);
    });
  }

  /** Without EHLO there are no extensions: that, not a missing STARTTLS or AUTH, is the cause. */
  private ehloRefusedFinding(): Finding | null {
    return this.ehloRefusal === null ? null : { code: 'ehlo-refused', evidence: this.ehloRefusal };
  }

  private async runAuth(conn: SmtpConnection, mechanism: string, user: string, password?: string, token?: string): Promise<Reply> {
    const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
    if (mechanism === 'XOAUTH2') {
      const reply = await this.command(conn, `AUTH XOAUTH2 ${b64(xoauth2Payload(user, token ?? ''))}`, `AUTH XOAUTH2 ${MASK} (user name and access token)`);
      if (reply.code !== 334) return reply;
      // The server explains the failure in a base64 JSON challenge; an empty line ends the exchange.
      const explained = Buffer.from(reply.lines.join(''), 'base64').toString('utf8');
      if (explained.trim()) this.transcript.info(`XOAUTH2 error details: ${explained}`);
      return this.command(conn, '', '(empty line: ends the failed XOAUTH2 exchange)');
    }
    if (mechanism === 'PLAIN') {
      return this.command(conn, `AUTH PLAIN ${b64(`\0${user}\0${password ?? ''}`)}`, `AUTH PLAIN ${MASK} (user name and password)`);
    }
    // LOGIN
    const first = await this.command(conn, 'AUTH LOGIN');
    if (first.code !== 334) return first;
    const second = await this.command(conn, b64(user), `${MASK} (user name, base64)`);
    if (second.code !== 334) return second;
    return this.command(conn, b64(password ?? ''), `${MASK} (password, base64)`);
  }

  private async sendTest(conn: SmtpConnection, attempt: Attempt, note: (f: Finding) => void): Promise<void> {
    const test = this.opts.sendTest;
    if (!test) return;
    if (attempt.finding) {
      for (const name of ['mail-from', 'rcpt-to', 'data'] as const) {
        this.addStep(name, 'skipped', 'Not attempted: an earlier step failed.');
      }
      return;
    }
    const refuse = (rec: StepRecorder, reply: Reply) => {
      rec.status = 'fail';
      rec.detail = `Refused: ${replyText(reply)}`;
      note(matchReply(SEND_REPLIES, reply));
    };
    const fromOk = await this.step('mail-from', async (rec) => {
      const reply = await this.command(conn, `MAIL FROM:<${test.from}>`);
      if (reply.code !== 250) {
        refuse(rec, reply);
        return false;
      }
      rec.detail = replyText(reply);
      return true;
    });
    if (!fromOk) return;
    const toOk = await this.step('rcpt-to', async (rec) => {
      const reply = await this.command(conn, `RCPT TO:<${test.to}>`);
      if (reply.code !== 250 && reply.code !== 251) {
        refuse(rec, reply);
        return false;
      }
      rec.detail = replyText(reply);
      return true;
    });
    if (!toOk) return;
    await this.step('data', async (rec) => {
      const go = await this.command(conn, 'DATA');
      if (go.code !== 354) return refuse(rec, go);
      const message = buildTestMessage(test.from, test.to, this.host, this.opts.port);
      this.transcript.info(`(message of ${Buffer.byteLength(message)} bytes: headers and a short text)`);
      conn.writeRaw(message);
      const done = await this.command(conn, '.');
      if (done.code !== 250) return refuse(rec, done);
      this.testMessage = { accepted: true, reply: replyText(done) };
      rec.detail = `Test message accepted for ${test.to}: ${replyText(done)}`;
    });
  }

  private quit(conn: SmtpConnection): Promise<void> {
    return this.step('quit', async (rec) => {
      if (!conn.alive) {
        rec.status = 'skipped';
        rec.detail = 'The connection was already closed.';
        return;
      }
      try {
        const reply = await this.command(conn, 'QUIT', undefined, Math.min(this.timeoutMs, QUIT_TIMEOUT_MS));
        rec.status = reply.code === 221 ? 'ok' : 'warn';
        rec.detail = replyText(reply);
      } catch (error) {
        if (this.cancelled) throw error;
        rec.status = 'warn';
        rec.detail = `No proper reply to QUIT (${(error as Error).message}); closed anyway.`;
      }
      conn.socket.end();
    });
  }

  // -------------------------------------------------------------------------
  // Result

  private result(primary: Finding | null, followUp: Finding | null): ProbeResult {
    let diagnosis: Diagnosis;
    let followUpDiagnosis: Diagnosis | null = null;
    if (this.cancelled) {
      diagnosis = makeDiagnosis({ code: 'cancelled' }, this.ctx);
    } else if (primary) {
      diagnosis = makeDiagnosis(primary, this.ctx);
      if (primary.code === 'implicit-tls-expected' || primary.code === 'tls-not-expected') {
        followUpDiagnosis = followUp && makeDiagnosis(followUp, this.ctx);
        diagnosis = retryOutcome(diagnosis, followUpDiagnosis, this.okFacts());
      }
    } else {
      diagnosis = makeDiagnosis(situation('ok', this.ctx, { facts: this.okFacts(), warnings: this.warnings }), this.ctx);
    }
    const result: ProbeResult = {
      status: this.cancelled ? 'cancelled' : 'completed',
      host: this.host,
      port: this.opts.port,
      requestedTls: this.opts.tls ?? 'auto',
      effectiveTls: this.effectiveTls,
      retriedWith: this.retriedWith,
      addresses: this.addresses,
      connectedAddress: this.connectedAddress,
      banner: this.banner,
      diagnosis,
      followUp: followUpDiagnosis,
      steps: this.steps,
      transcript: this.transcript.entries,
      tls: this.tls,
      capabilities: this.capabilities,
      authenticated: this.authenticated,
      authMechanism: this.authMechanism,
      plaintextAuth: this.plaintextAuth,
      certificateVerification: this.verification,
      testMessage: this.testMessage,
      stats: { bytesReceived: this.bytesReceived, peakBufferedBytes: this.peakBufferedBytes },
      startedAt: this.startedAt,
      durationMs: Math.round(monotonicMs() - this.t0),
    };
    // Last line of defence: no registered secret leaves the probe, whatever path it took.
    return this.masker.maskDeep(result);
  }

  private okFacts(): string {
    const tls = this.effectiveTls === 'implicit' || this.effectiveTls === 'starttls' ? this.effectiveTls : null;
    const days = this.tls?.certificate?.daysToExpiry;
    return okFacts({
      tls,
      protocol: this.tls?.protocol ?? null,
      certificateDays: days !== undefined && this.tls?.chainVerified && this.tls.hostnameMatch ? days : null,
      authMechanism: this.authenticated ? this.authMechanism : null,
      credentialsGiven: Boolean(this.opts.user),
      testAccepted: Boolean(this.testMessage?.accepted),
    });
  }
}

/** A reader error as evidence: its message and how the offending line began. */
function readerEvidence(error: ReaderError): string {
  const begin = error.evidence && error.kind !== 'closed' ? ` It began: “${error.evidence.slice(0, 60)}${error.evidence.length > 60 ? '…' : ''}”.` : '';
  return `${error.message}${begin}`;
}

function chooseMechanism(offered: string[], hasToken: boolean, hasPassword: boolean): string | null {
  if (hasToken && offered.includes('XOAUTH2')) return 'XOAUTH2';
  if (hasPassword && offered.includes('PLAIN')) return 'PLAIN';
  if (hasPassword && offered.includes('LOGIN')) return 'LOGIN';
  return null;
}

function xoauth2Payload(user: string, token: string): string {
  return `user=${user}\x01auth=Bearer ${token}\x01\x01`;
}

function buildTestMessage(from: string, to: string, host: string, port: number): string {
  const domain = from.split('@')[1] ?? 'smtp-doctor.invalid';
  const lines = [
    `From: <${from}>`,
    `To: <${to}>`,
    'Subject: SMTP Doctor test message',
    `Date: ${new Date().toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${randomUUID()}@${domain}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 7bit',
    'X-Mailer: SMTP Doctor probe',
    '',
    `This is a test message sent by SMTP Doctor through ${hostPort(host, port)}.`,
    'If you can read it, sending mail with these settings works.',
  ];
  // Dot-stuffing (RFC 5321 §4.5.2); the closing "." is sent as its own command.
  return lines.map((l) => (l.startsWith('.') ? `.${l}` : l)).join('\r\n') + '\r\n';
}
