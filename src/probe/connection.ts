// One SMTP connection: TCP connect, a bounded reply reader, commands written to the
// transcript, and the switch to TLS. The reader outlives the switch; the socket
// under it changes.

import * as net from 'node:net';
import * as os from 'node:os';
import type * as tls from 'node:tls';
import { isIPv6Literal } from './address';
import { ReaderError, ReplyReader, type Reply } from './lineReader';
import { startTls, type TlsStartOptions } from './tls';
import type { Transcript } from './transcript';
import type { ResolvedAddress } from './types';

export class ConnectError extends Error {
  constructor(
    message: string,
    readonly errno: string,
  ) {
    super(message);
    this.name = 'ConnectError';
  }
}

/** Opens a TCP connection; rejects with ConnectError (errno ECONNREFUSED, ETIMEDOUT, …). */
export function connectTcp(
  target: ResolvedAddress,
  port: number,
  timeoutMs: number,
  track: (socket: net.Socket) => void,
): Promise<net.Socket> {
  return new Promise<net.Socket>((resolve, reject) => {
    const socket = net.connect({ host: target.address, port, family: target.family });
    track(socket);
    let settled = false;
    const finish = (error?: ConnectError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.off('connect', onConnect);
      if (error) {
        socket.destroy();
        reject(error);
      } else {
        resolve(socket);
      }
    };
    const onConnect = () => finish();
    const timer = setTimeout(
      () => finish(new ConnectError(`No answer to the connection attempt within ${timeoutMs} ms.`, 'ETIMEDOUT')),
      timeoutMs,
    );
    socket.once('connect', onConnect);
    socket.on('error', (error: Error & { code?: string }) => finish(new ConnectError(error.message, error.code ?? 'ERROR')));
    socket.once('close', () => finish(new ConnectError('The connection attempt was abandoned.', 'ECANCELED')));
  });
}

export class SmtpConnection {
  readonly reader = new ReplyReader();
  socket: net.Socket | tls.TLSSocket;
  secure = false;

  private readonly onData = (chunk: Buffer) => this.reader.feed(chunk);
  private readonly onError = (error: Error & { code?: string }) => {
    this.lastError = error;
  };
  private readonly onClose = () => this.reader.close(this.lastError ?? undefined);
  private lastError: (Error & { code?: string }) | null = null;

  constructor(
    readonly raw: net.Socket,
    private readonly transcript: Transcript,
  ) {
    this.socket = raw;
    this.reader.onLine = (line) => transcript.server(line);
    this.reader.onFatal = (error) => {
      transcript.info(error.message);
      this.destroy();
    };
    this.attach(raw);
  }

  get alive(): boolean {
    return !this.socket.destroyed && !this.reader.failed;
  }

  read(timeoutMs: number, silenceMs?: number): Promise<Reply> {
    return this.reader.read(timeoutMs, silenceMs);
  }

  /** Writes one command line. `shown` is what the transcript gets when the line carries a secret. */
  send(line: string, shown?: string): void {
    this.transcript.client(line, shown);
    if (!this.socket.destroyed) this.socket.write(`${line}\r\n`);
  }

  command(line: string, timeoutMs: number, shown?: string): Promise<Reply> {
    this.send(line, shown);
    return this.read(timeoutMs);
  }

  /** Writes raw message data (DATA body), not recorded line by line. */
  writeRaw(data: string): void {
    if (!this.socket.destroyed) this.socket.write(data);
  }

  /**
   * Switches to TLS. Refuses when the server already sent bytes past its last reply:
   * they were sent in plain text and would be taken as if they came over TLS
   * (STARTTLS response injection, CVE-2011-0411 style).
   */
  async upgrade(options: TlsStartOptions): Promise<tls.TLSSocket> {
    if (this.reader.bufferedBytes > 0) {
      throw new ReaderError(
        'malformed',
        'The server sent more data right after agreeing to start TLS; it is refused, as it could be injected.',
      );
    }
    this.detach(this.raw);
    let secure: tls.TLSSocket;
    try {
      secure = await startTls(this.raw, options);
    } catch (error) {
      this.reader.close(error as Error);
      throw error;
    }
    this.socket = secure;
    this.secure = true;
    this.attach(secure);
    return secure;
  }

  destroy(error?: ReaderError): void {
    if (error) this.reader.abort(error);
    this.socket.destroy();
    this.raw.destroy();
  }

  private attach(socket: net.Socket): void {
    socket.on('data', this.onData);
    socket.on('error', this.onError);
    socket.on('close', this.onClose);
  }

  private detach(socket: net.Socket): void {
    socket.off('data', this.onData);
    socket.off('error', this.onError);
    socket.off('close', this.onClose);
  }
}

/** This machine's name when fully qualified, else an address literal (RFC 5321 §4.1.3), as nodemailer does. */
export function defaultClientName(socket: net.Socket): string {
  const name = os.hostname();
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(name)) return name;
  const local = (socket.localAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  return isIPv6Literal(local) ? `[IPv6:${local}]` : `[${local}]`;
}
