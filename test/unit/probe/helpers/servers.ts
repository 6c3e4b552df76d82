// Real servers on loopback for the probe tests (127.0.0.1 / ::1 only, ephemeral ports).
// Everything started here is closed by closeAllServers() (call it in afterEach).

import { spawn, type ChildProcess } from 'node:child_process';
import * as http from 'node:http';
import * as net from 'node:net';
import * as tls from 'node:tls';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { testCerts, type KeyPair } from './certs';

const cleanups: Array<() => Promise<void> | void> = [];

export async function closeAllServers(): Promise<void> {
  await Promise.all(cleanups.splice(0).map((f) => f()));
}

function portOf(server: net.Server): number {
  return (server.address() as net.AddressInfo).port;
}

function listen(server: net.Server, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** An smtp-server instance; by default with the CA-signed localhost certificate. */
export async function startSmtpServer(options: SMTPServerOptions = {}): Promise<{ port: number; server: SMTPServer }> {
  const certs = testCerts();
  const server = new SMTPServer({
    logger: false,
    closeTimeout: 50,
    key: certs.localhost.key,
    cert: certs.localhost.cert,
    ...options,
  });
  server.on('error', () => undefined); // client socket errors (the probe resets connections on purpose)
  await listen(server.server, '127.0.0.1');
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { port: portOf(server.server), server };
}

export interface RawServer {
  port: number;
  /** Sockets accepted so far. */
  accepted: net.Socket[];
  /** Resolves when an accepted socket has closed. */
  closed: Promise<void>;
}

function trackSockets(server: net.Server, host: string, onConnection: (socket: net.Socket) => void, event = 'connection'): Promise<RawServer> {
  const accepted: net.Socket[] = [];
  let markClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => {
    markClosed = resolve;
  });
  server.on(event, (socket: net.Socket) => {
    accepted.push(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => markClosed());
    onConnection(socket);
  });
  server.on('tlsClientError', () => undefined);
  const all = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    all.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => all.delete(socket));
  });
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const s of accepted) s.destroy();
        for (const s of all) s.destroy();
        server.close(() => resolve());
      }),
  );
  return listen(server, host).then(() => ({ port: portOf(server), accepted, closed }));
}

/** A plain TCP server that does whatever `onConnection` does with each socket. */
export function startRawServer(onConnection: (socket: net.Socket) => void, host = '127.0.0.1'): Promise<RawServer> {
  return trackSockets(net.createServer(), host, onConnection);
}

/** A TLS server (implicit TLS from the first byte). */
export function startTlsServer(pair: KeyPair, onSecure: (socket: tls.TLSSocket) => void, extra: tls.TlsOptions = {}): Promise<RawServer> {
  const server = tls.createServer({ key: pair.key, cert: pair.cert, ...extra });
  return trackSockets(server, '127.0.0.1', (s) => onSecure(s as tls.TLSSocket), 'secureConnection');
}

/** A real HTTP server (it waits for a request and answers garbage with 400). */
export async function startHttpServer(): Promise<{ port: number }> {
  const server = http.createServer((_req, res) => res.end('hello'));
  await listen(server, '127.0.0.1');
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { port: portOf(server) };
}

/** A port on 127.0.0.1 where nothing listens (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await listen(server, '127.0.0.1');
  const port = portOf(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// ---------------------------------------------------------------------------
// A scripted SMTP server: exact replies that smtp-server cannot produce (Gmail's
// multi-line 534, echoes), STARTTLS included.

export interface ScriptSession {
  secure: boolean;
  lines: string[];
  write: (text: string) => void;
}

export interface Script {
  /** Lines of the greeting (default "220 scripted.test ESMTP ready"). */
  greeting?: string[];
  /** Extension lines of the EHLO reply before TLS (STARTTLS is added when `tls` is set). */
  ehlo?: string[];
  /** Extension lines after STARTTLS (default: same as `ehlo`). */
  ehloSecure?: string[];
  /** Certificate for STARTTLS; without it STARTTLS is not offered. */
  tls?: KeyPair;
  /** More options of the server's TLS socket after STARTTLS (e.g. requestCert). */
  tlsOptions?: tls.TLSSocketOptions;
  /** Answers a command line; return undefined for the defaults (EHLO, STARTTLS, QUIT, else 502). */
  onLine?: (line: string, session: ScriptSession) => string[] | undefined;
}

export async function startScriptedSmtp(script: Script): Promise<RawServer & { sessions: ScriptSession[] }> {
  const sessions: ScriptSession[] = [];
  const reply = (lines: string[]) => lines.map((l) => `${l}\r\n`).join('');
  const multi = (code: number, first: string, extensions: string[]) => {
    const all = [first, ...extensions];
    return all.map((text, i) => `${code}${i < all.length - 1 ? '-' : ' '}${text}`);
  };
  const raw = await startRawServer((socket) => {
    let current: net.Socket = socket;
    const session: ScriptSession = { secure: false, lines: [], write: (text) => current.write(text) };
    sessions.push(session);
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      let nl: number;
      while ((nl = buffer.indexOf('\n')) !== -1) {
        const line = buffer.slice(0, nl).replace(/\r$/, '');
        buffer = buffer.slice(nl + 1);
        session.lines.push(line);
        const custom = script.onLine?.(line, session);
        if (custom) {
          session.write(reply(custom));
          continue;
        }
        const verb = line.split(' ')[0].toUpperCase();
        if (verb === 'EHLO') {
          const ext = session.secure ? (script.ehloSecure ?? script.ehlo ?? []) : [...(script.ehlo ?? []), ...(script.tls ? ['STARTTLS'] : [])];
          session.write(reply(multi(250, 'scripted.test at your service', ext)));
        } else if (verb === 'HELO') {
          session.write(reply(['250 scripted.test']));
        } else if (verb === 'STARTTLS' && script.tls && !session.secure) {
          session.write(reply(['220 2.0.0 Ready to start TLS']));
          current.off('data', onData);
          const secure = new tls.TLSSocket(current, { isServer: true, key: script.tls.key, cert: script.tls.cert, ...script.tlsOptions });
          secure.on('error', () => undefined);
          current = secure;
          session.secure = true;
          buffer = '';
          secure.on('data', onData);
        } else if (verb === 'QUIT') {
          session.write(reply(['221 2.0.0 closing connection']));
          current.end();
        } else {
          session.write(reply(['502 5.5.1 Unrecognized command.']));
        }
      }
    };
    socket.on('data', onData);
    socket.write(reply(script.greeting ?? ['220 scripted.test ESMTP ready']));
  });
  return { ...raw, sessions };
}

// ---------------------------------------------------------------------------
// A listener that never accepts, with a full accept queue: a real TCP connect to it
// on loopback gets no SYN-ACK (Linux drops the SYN while the queue is full), so the
// probe's connect times out exactly as against a filtering firewall. The listener
// lives in a child process whose event loop is blocked (Atomics.wait), so it never
// calls accept(); backlog 1 lets two connections complete into the queue, and the
// helper fills it before returning. The child ends by itself after 30 s.

const BLACKHOLE_CHILD = `
const net = require('node:net');
const server = net.createServer();
server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
  process.stdout.write(server.address().port + '\\n', () => {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30000);
    process.exit(0);
  });
});
`;

export async function startUnacceptingListener(): Promise<{ port: number; fillers: number }> {
  const child: ChildProcess = spawn(process.execPath, ['-e', BLACKHOLE_CHILD], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
  });
  const fillers: net.Socket[] = [];
  cleanups.push(() => {
    for (const s of fillers) s.destroy();
    child.kill('SIGKILL');
  });
  // Fill the accept queue: connect until one attempt stays pending.
  let connected = 0;
  for (let i = 0; i < 8; i++) {
    const s = net.connect(port, '127.0.0.1');
    s.on('error', () => undefined);
    fillers.push(s);
    const ok = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 300);
      s.once('connect', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (!ok) break;
    connected++;
  }
  return { port, fillers: connected };
}
