// The probe against hostile, broken and misleading peers written with node:net,
// and the network-level failures (DNS, refused, timeout). Loopback only.
import * as assert from 'node:assert/strict';
import type * as net from 'node:net';
import { probe, MAX_LINE_BYTES, type ResolvedAddress } from '../../../src/probe';
import { renderMarkdown, renderText } from '../../../src/probe';
import { testCerts } from './helpers/certs';
import { PASSWORD, USER, assertCode, assertNoSecrets, step } from './helpers/common';
import { closeAllServers, closedPort, startHttpServer, startRawServer, startScriptedSmtp, startTlsServer, startUnacceptingListener } from './helpers/servers';

/**
 * Runs the probe and measures how long it took. Only lower bounds (a timer cannot end
 * early) and upper bounds far from the expected time are asserted: a test that needs
 * "not the step limit" uses a limit past the mocha timeout instead.
 */
async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t = performance.now();
  const value = await run();
  return { value, ms: performance.now() - t };
}

/** Answers EHLO/QUIT on an already-greeted socket (for TLS-only peers). */
function miniSmtp(socket: net.Socket, name: string): void {
  socket.write(`220 ${name} ESMTP\r\n`);
  let buffer = '';
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let nl: number;
    while ((nl = buffer.indexOf('\n')) !== -1) {
      const line = buffer.slice(0, nl).trim().toUpperCase();
      buffer = buffer.slice(nl + 1);
      if (line.startsWith('EHLO')) socket.write(`250-${name}\r\n250-8BITMIME\r\n250 AUTH PLAIN\r\n`);
      else if (line === 'QUIT') socket.end('221 bye\r\n');
      else socket.write('502 5.5.1 no\r\n');
    }
  });
}

const GMAIL_EHLO = ['SIZE 35882577', '8BITMIME', 'ENHANCEDSTATUSCODES', 'PIPELINING', 'CHUNKING', 'SMTPUTF8'];
const GMAIL_EHLO_TLS = ['SIZE 35882577', '8BITMIME', 'AUTH LOGIN PLAIN XOAUTH2 PLAIN-CLIENTTOKEN OAUTHBEARER XOAUTH', 'ENHANCEDSTATUSCODES', 'PIPELINING', 'CHUNKING', 'SMTPUTF8'];

describe('probe / hostile and broken peers on loopback', function () {
  this.timeout(10_000);
  afterEach(closeAllServers);

  it('silent after connect → no-greeting, after one TLS retry, within the time limits', async () => {
    const peer = await startRawServer(() => undefined);
    const { value: result, ms } = await timed(() => probe({ host: '127.0.0.1', port: peer.port, tls: 'starttls', timeoutMs: 600, greetingSilenceMs: 300 }));
    assertCode(result, 'no-greeting');
    assert.match(result.diagnosis.summary, /never sent anything/);
    assert.equal(result.retriedWith, 'implicit');
    assert.equal(peer.accepted.length, 2, 'plain attempt + TLS attempt');
    assert.match(step(result, 'retry').detail, /within 300 ms/);
    assert.ok(ms >= 300 + 600 - 20 && ms < 5000, `took ${ms} ms: the silence window, then the TLS step limit`);
  });

  it('silent, probed with implicit TLS → no-greeting (no plain-text retry without evidence)', async () => {
    const peer = await startRawServer(() => undefined);
    const result = await probe({ host: '127.0.0.1', port: peer.port, tls: 'implicit', timeoutMs: 400 });
    assertCode(result, 'no-greeting');
    assert.equal(result.retriedWith, null);
  });

  it('an HTTP server → not-smtp (it waits, then answers the TLS hello with HTTP/1.1 400)', async () => {
    const { port } = await startHttpServer();
    const result = await probe({ host: '127.0.0.1', port, tls: 'starttls', timeoutMs: 800, greetingSilenceMs: 300 });
    assertCode(result, 'not-smtp');
    assert.match(result.diagnosis.summary, /HTTP/);
  });

  it('an HTTP server probed with implicit TLS → not-smtp at once', async () => {
    const { port } = await startHttpServer();
    const result = await probe({ host: '127.0.0.1', port, tls: 'implicit', timeoutMs: 800 });
    assertCode(result, 'not-smtp');
    assert.equal(result.retriedWith, null);
  });

  it('an SSH banner → not-smtp', async () => {
    const peer = await startRawServer((s) => s.write('SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13\r\n'));
    const result = await probe({ host: '127.0.0.1', port: peer.port, timeoutMs: 800 });
    assertCode(result, 'not-smtp');
    assert.match(result.diagnosis.summary, /SSH/);
  });

  it('an FTP server (greets with 220 too) → not-smtp', async () => {
    const peer = await startRawServer((s) => s.write('220 (vsFTPd 3.0.5) FTP server ready\r\n'));
    const result = await probe({ host: '127.0.0.1', port: peer.port, timeoutMs: 800 });
    assertCode(result, 'not-smtp');
  });

  it('an endless line (megabytes, no newline) → protocol-error, reader refused past 4 KiB', async () => {
    let written = 0;
    const peer = await startRawServer((socket) => {
      socket.write('220 ');
      const chunk = Buffer.alloc(64 * 1024, 0x78);
      const pump = () => {
        while (written < 16 * 1024 * 1024 && !socket.destroyed) {
          written += chunk.length;
          if (!socket.write(chunk)) return void socket.once('drain', pump);
        }
      };
      pump();
    });
    const result = await probe({ host: '127.0.0.1', port: peer.port, timeoutMs: 60_000 });
    assertCode(result, 'protocol-error');
    assert.match(result.diagnosis.summary, /longer than 4096 bytes/);
    assert.ok(result.stats.peakBufferedBytes <= MAX_LINE_BYTES + 1, `reader held ${result.stats.peakBufferedBytes} bytes`);
    assert.ok(result.stats.bytesReceived < 1024 * 1024, `read ${result.stats.bytesReceived} bytes before stopping`);
    await peer.closed;
    assert.ok(written < 16 * 1024 * 1024, 'the probe hung up before the peer could send everything');
  });

  it('endless binary garbage → not-smtp', async () => {
    const peer = await startRawServer((socket) => socket.write(Buffer.alloc(200 * 1024, 0x00)));
    const result = await probe({ host: '127.0.0.1', port: peer.port, timeoutMs: 1000 });
    assertCode(result, 'not-smtp');
    assert.ok(result.stats.peakBufferedBytes <= MAX_LINE_BYTES + 1);
  });

  it('a drip-fed banner (one byte every 100 ms) → no-greeting at the step time limit', async () => {
    const peer = await startRawServer((socket) => {
      const banner = Buffer.from('220 slow.test ESMTP drip drip drip\r\n');
      let i = 0;
      const timer = setInterval(() => {
        if (socket.destroyed || i >= banner.length) return clearInterval(timer);
        socket.write(banner.subarray(i, ++i));
      }, 100);
      socket.on('close', () => clearInterval(timer));
    });
    const { value: result, ms } = await timed(() => probe({ host: '127.0.0.1', port: peer.port, tls: 'starttls', timeoutMs: 700, greetingSilenceMs: 300 }));
    assertCode(result, 'no-greeting');
    assert.match(result.diagnosis.summary, /did not finish it within 700 ms/);
    assert.equal(result.retriedWith, null, 'bytes arrived: not a TLS port');
    assert.ok(ms >= 650 && ms < 5000, `took ${ms} ms`);
  });

  it('a TLS-only port spoken to in plain text → implicit-tls-expected', async () => {
    const certs = testCerts();
    const peer = await startTlsServer(certs.localhost, (s) => miniSmtp(s, 'tlsonly.test'));
    const result = await probe({ host: 'localhost', port: peer.port, tls: 'none', ca: certs.ca, timeoutMs: 1500, greetingSilenceMs: 300 });
    assertCode(result, 'implicit-tls-expected');
    assert.equal(result.banner, 'tlsonly.test ESMTP');
    assert.equal(result.tls?.chainVerified, true);
  });

  it('a server that closes at once → no-greeting, without a retry', async () => {
    const peer = await startRawServer((socket) => socket.end());
    const result = await probe({ host: '127.0.0.1', port: peer.port, timeoutMs: 800 });
    assertCode(result, 'no-greeting');
    assert.match(result.diagnosis.summary, /closed it without a greeting/);
    assert.equal(result.retriedWith, null);
  });

  it('a multi-line reply of more than 512 lines → protocol-error', async () => {
    const peer = await startRawServer((socket) => {
      const lines = Array.from({ length: 600 }, (_, i) => `220-line ${i} of a very long greeting\r\n`).join('');
      socket.write(lines + '220 done\r\n');
    });
    const result = await probe({ host: '127.0.0.1', port: peer.port, timeoutMs: 1000 });
    assertCode(result, 'protocol-error');
    assert.match(result.diagnosis.summary, /more than 512 lines/);
  });

  it('a greeting that refuses the client (554) → no-greeting with the server words', async () => {
    const peer = await startRawServer((s) => s.end('554 5.7.1 Service unavailable; Client host [127.0.0.1] blocked using zen.spamhaus.org\r\n'));
    const result = await probe({ host: '127.0.0.1', port: peer.port, timeoutMs: 800 });
    assertCode(result, 'no-greeting');
    assert.match(result.diagnosis.summary, /refused to talk.*spamhaus/);
  });

  it('data injected after "220 Ready to start TLS" → protocol-error, no TLS', async () => {
    const server = await startScriptedSmtp({
      ehlo: ['STARTTLS'],
      onLine: (line) => (line === 'STARTTLS' ? ['220 Ready to start TLS', '250 injected'] : undefined),
    });
    const result = await probe({ host: '127.0.0.1', port: server.port, tls: 'starttls', timeoutMs: 800 });
    assertCode(result, 'protocol-error');
    assert.match(result.diagnosis.summary, /injected/);
  });

  it('the server hangs up in the middle of the session → protocol-error', async () => {
    const peer = await startRawServer((socket) => {
      socket.write('220 hangup.test ESMTP\r\n');
      socket.once('data', () => socket.end('250-hangup.test\r\n250 AUTH PLAIN\r\n'));
    });
    const result = await probe({ host: '127.0.0.1', port: peer.port, tls: 'auto', user: USER, password: PASSWORD, allowPlaintextAuth: true, timeoutMs: 800 });
    assertCode(result, 'protocol-error');
    assert.match(result.diagnosis.summary, /closed the connection after AUTH/);
  });

  it('EHLO refused → HELO fallback, ok with a warning', async () => {
    const server = await startScriptedSmtp({ onLine: (line) => (line.startsWith('EHLO') ? ['500 5.5.1 Command unrecognized: EHLO'] : undefined) });
    const result = await probe({ host: '127.0.0.1', port: server.port, tls: 'auto', timeoutMs: 800 });
    assertCode(result, 'ok');
    assert.equal(step(result, 'ehlo').status, 'warn');
    assert.equal(result.capabilities?.esmtp, false);
    assert.ok(server.sessions[0].lines.some((l) => l.startsWith('HELO ')));
  });

  it("Gmail's exact multi-line 534-5.7.9 → app-password-required", async () => {
    const certs = testCerts();
    const server = await startScriptedSmtp({
      greeting: ['220 smtp.gmail.com ESMTP d2e1a72fcca58-7a0f1c3b1c0sm1234567b3a.12 - gsmtp'],
      ehlo: GMAIL_EHLO,
      ehloSecure: GMAIL_EHLO_TLS,
      tls: certs.localhost,
      onLine: (line) =>
        line.startsWith('AUTH PLAIN ')
          ? [
              '534-5.7.9 Application-specific password required. Learn more at',
              '534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor d2e1a72fcca58-7a0f1c3b1c0sm1234567b3a.12 - gsmtp',
            ]
          : undefined,
    });
    const result = await probe({ host: 'localhost', port: server.port, tls: 'starttls', user: USER, password: PASSWORD, ca: certs.ca, timeoutMs: 1500 });
    assertCode(result, 'app-password-required');
    assert.match(result.diagnosis.fix, /myaccount\.google\.com\/apppasswords/);
    assert.deepEqual(result.capabilities?.authMechanisms, ['LOGIN', 'PLAIN', 'XOAUTH2', 'PLAIN-CLIENTTOKEN', 'OAUTHBEARER', 'XOAUTH']);
    assert.ok(server.sessions[0].secure, 'AUTH went over TLS');
    assertNoSecrets(JSON.stringify(result));
  });

  it("Gmail's 530 5.7.0 Must issue a STARTTLS command first (test message in plain text) → starttls-required", async () => {
    const certs = testCerts();
    const server = await startScriptedSmtp({
      greeting: ['220 smtp.gmail.com ESMTP x - gsmtp'],
      ehlo: GMAIL_EHLO,
      tls: certs.localhost,
      onLine: (line) => (line.startsWith('MAIL FROM') ? ['530 5.7.0 Must issue a STARTTLS command first. d2e1a72fcca58 - gsmtp'] : undefined),
    });
    const result = await probe({ host: 'localhost', port: server.port, tls: 'none', sendTest: { from: USER, to: 'x@example.test' }, timeoutMs: 1500 });
    assertCode(result, 'starttls-required');
    assert.equal(step(result, 'mail-from').status, 'fail');
  });

  it('a server echoing the credentials back: nothing secret in the result, text or Markdown', async () => {
    const certs = testCerts();
    const server = await startScriptedSmtp({
      ehlo: ['AUTH PLAIN LOGIN'],
      ehloSecure: ['AUTH PLAIN LOGIN'],
      tls: certs.localhost,
      onLine: (line) => {
        if (!line.startsWith('AUTH PLAIN ')) return undefined;
        const payload = line.slice('AUTH PLAIN '.length);
        const decoded = Buffer.from(payload, 'base64').toString('latin1').replace(/\0/g, ' ');
        return [`535-5.7.8 Bad credentials ${payload}`, `535 5.7.8 you sent ${decoded} / ${Buffer.from(PASSWORD).toString('base64')}`];
      },
    });
    const result = await probe({ host: 'localhost', port: server.port, tls: 'starttls', user: USER, password: PASSWORD, ca: certs.ca, timeoutMs: 1500 });
    assertCode(result, 'auth-failed');
    assert.ok(server.sessions[0].lines.some((l) => l.startsWith('AUTH PLAIN ')), 'the credentials were really sent');
    assertNoSecrets(JSON.stringify(result));
    assertNoSecrets(renderText(result, { transcript: true }));
    assertNoSecrets(renderMarkdown(result));
    assert.ok(result.transcript.some((t) => t.text.includes('Bad credentials ********')));
  });

  it('IPv6 loopback (::1) works', async () => {
    const peer = await startRawServer((s) => miniSmtp(s, 'v6.test'), '::1');
    const result = await probe({ host: '::1', port: peer.port, tls: 'auto', timeoutMs: 800 });
    assertCode(result, 'ok');
    assert.equal(result.connectedAddress, '::1');
  });

  describe('network-level failures', () => {
    it('a closed port → connection-refused, at once', async () => {
      const port = await closedPort();
      // A step limit past the mocha timeout: only the refusal itself can end the probe in time.
      const result = await probe({ host: '127.0.0.1', port, timeoutMs: 60_000 });
      assertCode(result, 'connection-refused');
      assert.match(step(result, 'connect').detail, /ECONNREFUSED/);
    });

    it('a listener whose accept queue is full (SYN dropped) → connection-timeout at the step limit', async () => {
      const listener = await startUnacceptingListener();
      assert.ok(listener.fillers >= 1, 'the accept queue was filled');
      const { value: result, ms } = await timed(() => probe({ host: '127.0.0.1', port: listener.port, timeoutMs: 500 }));
      assertCode(result, 'connection-timeout');
      assert.ok(ms >= 480 && ms < 5000, `took ${ms} ms`);
      assert.match(result.diagnosis.fix, /firewall/);
    });

    it('nonexistent.invalid through the real system resolver → dns-failed, fast', async () => {
      const { value: result, ms } = await timed(() => probe({ host: 'nonexistent.invalid', port: 587, timeoutMs: 3000 }));
      assertCode(result, 'dns-failed');
      assert.equal(result.steps.length, 1);
      // RFC 6761 .invalid: the resolver answers NXDOMAIN at once here; a machine without
      // a reachable resolver still ends at the step limit.
      assert.ok(ms < 3000 + 5000, `took ${ms} ms`);
    });

    it('a single-label host (a Compose service name) that DNS does not know: the localhost hint, not "typo"', async () => {
      const notFound = () => Promise.reject(Object.assign(new Error('queryA ENOTFOUND mailpit'), { code: 'ENOTFOUND' }));
      const service = await probe({ host: 'mailpit', port: 1025, timeoutMs: 500, lookup: notFound });
      assertCode(service, 'dns-failed');
      assert.match(service.diagnosis.fix, /service name/);
      assert.match(service.diagnosis.fix, /localhost:1025/);
      assert.doesNotMatch(service.diagnosis.fix, /typo/);
      const dotted = await probe({ host: 'smtp.example.test', port: 587, timeoutMs: 500, lookup: notFound });
      assert.match(dotted.diagnosis.fix, /typo/);
      assert.doesNotMatch(dotted.diagnosis.fix, /service name/);
    });

    it('an injected lookup: NXDOMAIN, and a resolver that never answers (timeout)', async () => {
      const nx = await probe({
        host: 'smtp.example.test',
        port: 587,
        timeoutMs: 500,
        lookup: () => Promise.reject(Object.assign(new Error('queryA ENOTFOUND smtp.example.test'), { code: 'ENOTFOUND' })),
      });
      assertCode(nx, 'dns-failed');
      assert.match(nx.diagnosis.summary, /does not exist/);
      const slow = await probe({ host: 'smtp.example.test', port: 587, timeoutMs: 300, lookup: () => new Promise<ResolvedAddress[]>(() => undefined) });
      assertCode(slow, 'dns-failed');
      assert.match(slow.diagnosis.summary, /did not answer/);
      assert.match(step(slow, 'resolve').detail, /TIMEOUT/, 'ended by the step limit');
    });

    it('several addresses: a refused one is skipped for the next', async () => {
      const peer = await startRawServer((s) => miniSmtp(s, 'second.test'));
      const dead = await closedPort();
      void dead;
      const result = await probe({
        host: 'mx.example.test',
        port: peer.port,
        timeoutMs: 800,
        lookup: async () => [
          { address: '::1', family: 6 },
          { address: '127.0.0.1', family: 4 },
        ],
      });
      assertCode(result, 'ok');
      assert.deepEqual(result.addresses, ['::1', '127.0.0.1']);
      assert.equal(result.connectedAddress, '127.0.0.1');
      assert.match(step(result, 'connect').detail, /\[::1\]:\d+: ECONNREFUSED/);
    });
  });
});
