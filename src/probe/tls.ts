// TLS on top of an open TCP socket (implicit TLS right after connect, or after
// STARTTLS), and the certificate facts the probe reports.
//
// The handshake never rejects a certificate by itself (rejectUnauthorized: false):
// the probe reads the verification result (chain, host name, dates) and decides,
// so that it can say exactly what is wrong. Nothing is sent over a connection whose
// certificate failed, except EHLO and QUIT, unless `insecure` is set.
//
// The TLS socket runs over a small pass-through stream that keeps the first bytes
// the server sent: when a handshake fails, they show what the peer really speaks
// (an SMTP greeting "220 …", "HTTP/1.1 400 …").

import * as net from 'node:net';
import * as tls from 'node:tls';
import { Duplex } from 'node:stream';
import { SNIFF_BYTES } from './lineReader';
import type { CertificateInfo, CertificateVerification, TlsInfo } from './types';

/**
 * Reads the server's cleartext handshake records (up to its first non-handshake
 * record: ChangeCipherSpec, alert or encrypted data) and notes a CertificateRequest
 * (handshake type 13, RFC 5246 §7.4.4). Under TLS 1.2 it is the only sign that a
 * later "handshake failure" alert means "no client certificate"; TLS 1.3 encrypts it
 * and names the cause with its own alert instead.
 */
class HandshakeWatcher {
  certificateRequested = false;
  private done = false;
  private recordHeader: number[] = [];
  private recordLeft = 0;
  private messageHeader: number[] = [];
  private messageLeft = 0;

  feed(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length && !this.done) {
      if (this.recordLeft === 0) {
        this.recordHeader.push(chunk[i++]);
        if (this.recordHeader.length < 5) continue;
        const [type, , , high, low] = this.recordHeader;
        this.recordHeader = [];
        if (type !== 22) this.done = true; // 22 = handshake (RFC 5246 §6.2.1)
        this.recordLeft = (high << 8) | low;
        continue;
      }
      const end = i + Math.min(this.recordLeft, chunk.length - i);
      this.recordLeft -= end - i;
      while (i < end) {
        if (this.messageLeft > 0) {
          const skip = Math.min(this.messageLeft, end - i);
          this.messageLeft -= skip;
          i += skip;
          continue;
        }
        this.messageHeader.push(chunk[i++]);
        if (this.messageHeader.length === 4) {
          const [type, a, b, c] = this.messageHeader;
          this.messageHeader = [];
          if (type === 13) this.certificateRequested = true;
          this.messageLeft = (a << 16) | (b << 8) | c;
        }
      }
    }
  }
}

/** Keeps the first bytes read from `raw` while passing everything through. */
class SniffingStream extends Duplex {
  private readonly kept: Buffer[] = [];
  private keptBytes = 0;
  readonly handshake = new HandshakeWatcher();

  constructor(private readonly raw: net.Socket) {
    super();
    raw.on('data', (chunk: Buffer) => {
      this.handshake.feed(chunk);
      if (this.keptBytes < SNIFF_BYTES) {
        const part = chunk.subarray(0, SNIFF_BYTES - this.keptBytes);
        this.kept.push(Buffer.from(part));
        this.keptBytes += part.length;
      }
      if (!this.push(chunk)) raw.pause();
    });
    raw.on('end', () => this.push(null));
    raw.on('error', (error) => this.destroy(error));
    raw.on('close', () => {
      if (!this.destroyed) this.destroy();
    });
  }

  get firstBytes(): Buffer {
    return Buffer.concat(this.kept);
  }

  override _read(): void {
    this.raw.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.raw.write(chunk, callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.raw.end();
    callback();
  }

  override _destroy(error: Error | null, callback: (error: Error | null) => void): void {
    this.raw.destroy();
    callback(error);
  }
}

export interface TlsStartOptions {
  /** The host the user asked for; used for SNI (unless an IP) and the name check. */
  host: string;
  ca?: string | Buffer;
  timeoutMs: number;
}

export class TlsHandshakeError extends Error {
  constructor(
    message: string,
    /** What the server sent during the failed handshake (may be empty). */
    readonly firstBytes: Buffer,
    readonly timedOut: boolean,
    /** The server asked for a client certificate (seen in a TLS 1.2 handshake). */
    readonly certificateRequested: boolean,
    readonly errno?: string,
  ) {
    super(message);
    this.name = 'TlsHandshakeError';
  }
}

/**
 * The system CAs plus `ca`. Node's default context already holds the system CAs, parsed once in native
 * code; adding one certificate to it costs a millisecond, where a `ca` list of every root certificate
 * (`[...tls.rootCertificates, ca]`) is parsed again certificate by certificate, about 60 ms (bench/run.mjs,
 * probe vs swaks). The list is the fallback where the context lacks addCACert.
 */
function trustOptions(ca: Buffer | string | undefined): Pick<tls.ConnectionOptions, 'ca' | 'secureContext'> {
  if (!ca) return {};
  const secureContext = tls.createSecureContext();
  const native = (secureContext as { context?: { addCACert?: (pem: string) => void } }).context;
  if (typeof native?.addCACert !== 'function') return { ca: [...tls.rootCertificates, ca.toString()] };
  native.addCACert(ca.toString());
  return { secureContext };
}

/**
 * Starts TLS over `raw` (which must have no other 'data' listener). Resolves once the
 * handshake is done; rejects with TlsHandshakeError on failure or timeout (the socket
 * is then destroyed).
 */
export function startTls(raw: net.Socket, options: TlsStartOptions): Promise<tls.TLSSocket> {
  const sniffer = new SniffingStream(raw);
  const servername = net.isIP(options.host) ? undefined : options.host;
  return new Promise<tls.TLSSocket>((resolve, reject) => {
    let settled = false;
    const socket = tls.connect({
      socket: sniffer,
      servername,
      rejectUnauthorized: false,
      // Chain only: the host name is checked separately, so both facts are known.
      checkServerIdentity: () => undefined,
      ...trustOptions(options.ca),
    });
    const fail = (message: string, timedOut: boolean, errno?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      raw.destroy();
      reject(new TlsHandshakeError(message, sniffer.firstBytes, timedOut, sniffer.handshake.certificateRequested, errno));
    };
    const timer = setTimeout(() => fail(`The TLS handshake did not finish within ${options.timeoutMs} ms.`, true), options.timeoutMs);
    socket.once('secureConnect', () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(socket);
    });
    // OpenSSL messages carry internal file paths; its `reason` ("wrong version number") is what matters.
    socket.on('error', (error: Error & { code?: string; reason?: string }) =>
      fail(error.reason ? `${error.reason}${error.code ? ` (${error.code})` : ''}` : error.message.trim(), false, error.code),
    );
    sniffer.on('error', () => undefined); // reported through the TLS socket
    socket.once('close', () => fail('The server closed the connection during the TLS handshake.', false, 'ECONNRESET'));
  });
}

/** The verification facts of an established TLS socket. */
export function describeTls(
  socket: tls.TLSSocket,
  host: string,
  mode: 'implicit' | 'starttls',
  verification: CertificateVerification,
  now = new Date(),
): TlsInfo {
  const cert = socket.getPeerCertificate(false);
  const hasCert = cert && Object.keys(cert).length > 0;
  const cipher = socket.getCipher();
  const chainError = socket.authorized ? null : String(socket.authorizationError ?? 'UNKNOWN');
  const hostnameMatch = hasCert ? tls.checkServerIdentity(host, cert) === undefined : false;
  return {
    mode,
    protocol: socket.getProtocol() ?? null,
    cipher: cipher ? cipher.standardName || cipher.name : null,
    servername: net.isIP(host) ? null : host,
    certificate: hasCert ? describeCertificate(cert, now) : null,
    chainVerified: chainError === null,
    verifyError: chainError,
    hostnameMatch,
    verification,
  };
}

export function describeCertificate(cert: tls.PeerCertificate, now = new Date()): CertificateInfo {
  const validTo = new Date(cert.valid_to);
  const subject = formatName(cert.subject);
  const issuer = formatName(cert.issuer);
  return {
    subject,
    subjectAltNames: (cert.subjectaltname ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    issuer,
    validFrom: new Date(cert.valid_from).toISOString(),
    validTo: validTo.toISOString(),
    daysToExpiry: Math.floor((validTo.getTime() - now.getTime()) / 86_400_000),
    selfSigned: subject === issuer,
    serialNumber: cert.serialNumber ?? '',
    fingerprint256: cert.fingerprint256 ?? '',
  };
}

function formatName(name: tls.Certificate | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : String(v)}`)
    .join(', ');
}

/** Names the certificate covers, for messages: the DNS/IP SANs, else the CN. */
export function certificateNames(info: CertificateInfo): string[] {
  const sans = info.subjectAltNames.map((s) => s.replace(/^(DNS|IP Address):/, ''));
  if (sans.length) return sans;
  const cn = /(?:^|, )CN=([^,]+)/.exec(info.subject);
  return cn ? [cn[1]] : [];
}
