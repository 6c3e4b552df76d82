// Which of several ports answer, and what each speaks — all ports in parallel, under
// ONE deadline for the whole check.
//
// For each port: TCP connect; then wait for a greeting. A plain-text "220" means
// SMTP (EHLO then tells whether STARTTLS is offered). Silence for `silenceMs` means
// the port may wait for a TLS ClientHello: a TLS handshake is tried on the same
// connection, then the greeting is read over TLS. No credentials are ever sent.

import * as dns from 'node:dns';
import * as net from 'node:net';
import { ConnectError, SmtpConnection, connectTcp, defaultClientName } from './connection';
import { bannerIsNotSmtp, recognisePeer, replyText } from './diagnose';
import { ReaderError, printable, type Reply } from './lineReader';
import { TlsHandshakeError } from './tls';
import { Masker, Transcript, monotonicMs } from './transcript';
import type { PortProbeResult, PortsOptions, PortsResult, ResolvedAddress } from './types';

export const DEFAULT_PORTS: readonly number[] = [587, 465, 2525, 25];
export const DEFAULT_PORTS_TIMEOUT_MS = 5_000;

export async function probePorts(
  host: string,
  ports: readonly number[] = DEFAULT_PORTS,
  options: PortsOptions = {},
  signal?: AbortSignal,
): Promise<PortsResult> {
  const cleanHost = host.trim().replace(/^\[(.*)\]$/, '$1');
  if (!cleanHost || /[\s\x00-\x1f\x7f]/.test(cleanHost)) throw new TypeError('probePorts: host must be a host name or an IP address');
  for (const port of ports) {
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new TypeError(`probePorts: bad port ${port}`);
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_PORTS_TIMEOUT_MS;
  const silenceMs = options.silenceMs ?? Math.min(2_000, Math.floor(timeoutMs / 2));
  const t0 = monotonicMs();
  const deadline = t0 + timeoutMs;
  const remaining = () => Math.max(0, Math.round(deadline - monotonicMs()));
  const sockets = new Set<net.Socket>();
  let cancelled = false;
  const onAbort = () => {
    cancelled = true;
    for (const s of sockets) s.destroy();
  };
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
    if (cancelled) s.destroy();
  };
  const unique = [...new Set(ports)];
  const base: Omit<PortsResult, 'ports' | 'durationMs' | 'status'> = { host: cleanHost, addresses: [], dnsError: null };

  try {
    let addresses: ResolvedAddress[];
    try {
      addresses = await resolveWithin(cleanHost, options.lookup, remaining());
      base.addresses = addresses.map((a) => a.address);
    } catch (error) {
      const e = error as Error & { code?: string };
      base.dnsError = e.code ?? e.message;
      return {
        ...base,
        status: cancelled ? 'cancelled' : 'completed',
        ports: unique.map((port) => portResult(port, 'error', 0, `DNS lookup failed (${base.dnsError}).`)),
        durationMs: Math.round(monotonicMs() - t0),
      };
    }
    const results = await Promise.all(
      unique.map((port) =>
        checkPort(cleanHost, addresses, port, { remaining, silenceMs, clientName: options.clientName, track }).catch(
          (error: Error) => portResult(port, 'error', 0, `Unexpected error: ${error.message}`),
        ),
      ),
    );
    return {
      ...base,
      status: cancelled ? 'cancelled' : 'completed',
      ports: cancelled ? results.map((r) => ({ ...r, detail: r.reachable ? r.detail : 'Cancelled.' })) : results,
      durationMs: Math.round(monotonicMs() - t0),
    };
  } finally {
    signal?.removeEventListener('abort', onAbort);
    for (const s of sockets) s.destroy();
  }
}

async function resolveWithin(host: string, lookup: PortsOptions['lookup'], ms: number): Promise<ResolvedAddress[]> {
  const family = net.isIP(host);
  if (family) return [{ address: host, family: family === 6 ? 6 : 4 }];
  let timer: NodeJS.Timeout | undefined;
  try {
    const run = lookup
      ? lookup(host)
      : dns.promises
          .lookup(host, { all: true, verbatim: true })
          .then((found) => found.map((a) => ({ address: a.address, family: (a.family === 6 ? 6 : 4) as 4 | 6 })));
    const found = await Promise.race([
      run,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error('DNS timeout'), { code: 'TIMEOUT' })), ms);
      }),
    ]);
    if (!found.length) throw Object.assign(new Error('no address'), { code: 'ENODATA' });
    return found;
  } finally {
    clearTimeout(timer);
  }
}

interface PortContext {
  remaining: () => number;
  silenceMs: number;
  clientName: string | undefined;
  track: (s: net.Socket) => void;
}

function portResult(port: number, speaks: PortProbeResult['speaks'], ms: number, detail: string, extra: Partial<PortProbeResult> = {}): PortProbeResult {
  return {
    port,
    reachable: !['refused', 'timeout', 'error'].includes(speaks) || extra.reachable === true,
    speaks,
    banner: null,
    starttls: null,
    tlsProtocol: null,
    suggestedTls: null,
    ms: Math.round(ms),
    detail,
    ...extra,
  };
}

async function checkPort(host: string, addresses: ResolvedAddress[], port: number, ctx: PortContext): Promise<PortProbeResult> {
  const t = monotonicMs();
  const elapsed = () => monotonicMs() - t;
  let socket: net.Socket | null = null;
  let lastError: ConnectError | null = null;
  for (const target of addresses) {
    if (ctx.remaining() <= 0) break;
    try {
      socket = await connectTcp(target, port, ctx.remaining(), ctx.track);
      break;
    } catch (error) {
      lastError = error as ConnectError;
    }
  }
  if (!socket) {
    const errno = lastError?.errno ?? 'ETIMEDOUT';
    if (errno === 'ECONNREFUSED') return portResult(port, 'refused', elapsed(), 'Connection refused: nothing listens on this port.');
    if (errno === 'ETIMEDOUT') return portResult(port, 'timeout', elapsed(), 'No answer in time: the port is probably blocked by a firewall.');
    return portResult(port, 'error', elapsed(), `Could not connect (${errno}).`);
  }
  const conn = new SmtpConnection(socket, new Transcript(monotonicMs(), new Masker(), 100));
  try {
    let reply: Reply | null = null;
    try {
      reply = await conn.read(Math.max(1, ctx.remaining()), Math.min(ctx.silenceMs, ctx.remaining()));
    } catch (error) {
      if (!(error instanceof ReaderError)) throw error;
      const silent = error.kind === 'silent' || (error.kind === 'timeout' && conn.reader.totalBytes === 0);
      if (!silent) {
        const seen = error.evidence ?? printable(conn.reader.firstBytes.subarray(0, 100));
        if (error.kind === 'malformed' || error.kind === 'line-too-long') {
          const peer = recognisePeer(seen);
          return portResult(port, 'not-smtp', elapsed(), `Not SMTP${peer ? `: looks like ${peer}` : ''}.`, { banner: seen.slice(0, 200) });
        }
        if (error.kind === 'closed') return portResult(port, 'error', elapsed(), 'Accepted, then closed without a greeting.', { reachable: true });
        return portResult(port, 'silent', elapsed(), `Incomplete greeting (${error.message})`, { banner: seen.slice(0, 200) });
      }
      return await tryImplicitTls(host, port, conn, ctx, elapsed);
    }
    const banner = reply.raw[0] ?? '';
    const peer = bannerIsNotSmtp(banner);
    if (peer) return portResult(port, 'not-smtp', elapsed(), `Not SMTP: ${peer}.`, { banner });
    if (reply.code !== 220) {
      return portResult(port, 'smtp', elapsed(), `SMTP in plain text, but it refuses this client: ${replyText(reply)}`, { banner });
    }
    let starttls: boolean | null = null;
    if (ctx.remaining() > 0) {
      try {
        const ehlo = await conn.command(`EHLO ${ctx.clientName ?? defaultClientName(conn.raw)}`, Math.max(1, ctx.remaining()));
        if (ehlo.code === 250) starttls = ehlo.lines.slice(1).some((l) => /^STARTTLS\b/i.test(l.trim()));
        conn.send('QUIT');
      } catch {
        // No EHLO reply in time: STARTTLS stays unknown.
      }
    }
    const detail =
      starttls === true
        ? 'Plain-text SMTP with STARTTLS: use STARTTLS (secure: false).'
        : starttls === false
          ? 'Plain-text SMTP without STARTTLS: only unencrypted connections (no login should be sent here).'
          : 'Plain-text SMTP (whether STARTTLS is offered was not learnt in time).';
    return portResult(port, 'smtp', elapsed(), detail, {
      banner,
      starttls,
      suggestedTls: starttls === false ? 'none' : 'starttls',
    });
  } finally {
    conn.destroy();
  }
}

async function tryImplicitTls(host: string, port: number, conn: SmtpConnection, ctx: PortContext, elapsed: () => number): Promise<PortProbeResult> {
  if (ctx.remaining() <= 0) return portResult(port, 'silent', elapsed(), 'Connected, but no greeting in time (and no time left to try TLS).');
  let protocol: string | null;
  try {
    const secure = await conn.upgrade({ host, timeoutMs: Math.max(1, ctx.remaining()) });
    protocol = secure.getProtocol() ?? null;
  } catch (error) {
    if (error instanceof TlsHandshakeError) {
      const seen = error.firstBytes.toString('latin1');
      const peer = error.firstBytes.length && error.firstBytes[0] !== 0x15 && error.firstBytes[0] !== 0x16 ? recognisePeer(seen) : null;
      if (peer) return portResult(port, 'not-smtp', elapsed(), `Not SMTP: looks like ${peer}.`, { banner: printable(error.firstBytes.subarray(0, 200)) });
      if (/^\d{3}[ -]/.test(seen)) {
        return portResult(port, 'smtp', elapsed(), 'Plain-text SMTP, but its greeting came late (after the silence window).', {
          banner: printable(error.firstBytes.subarray(0, 200)),
          suggestedTls: 'starttls',
        });
      }
      return portResult(port, 'silent', elapsed(), `Connected, but no SMTP greeting and no TLS (${error.message}).`);
    }
    throw error;
  }
  try {
    const reply = await conn.read(Math.max(1, ctx.remaining()));
    const banner = reply.raw[0] ?? '';
    if (reply.code === 220 && !bannerIsNotSmtp(banner)) {
      conn.send('QUIT');
      return portResult(port, 'smtp-tls', elapsed(), `Implicit TLS (${protocol ?? 'TLS'}), then SMTP: use implicit TLS (secure: true).`, {
        banner,
        tlsProtocol: protocol,
        suggestedTls: 'implicit',
      });
    }
    return portResult(port, 'tls', elapsed(), `Speaks TLS (${protocol ?? 'TLS'}), but answered “${replyText(reply)}” instead of an SMTP greeting.`, {
      banner,
      tlsProtocol: protocol,
    });
  } catch {
    return portResult(port, 'tls', elapsed(), `Speaks TLS (${protocol ?? 'TLS'}), but no SMTP greeting came in time.`, { tlsProtocol: protocol });
  }
}
