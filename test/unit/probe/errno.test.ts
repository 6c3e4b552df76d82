// classifyErrno: every row of the socket and DNS tables, with the error codes that
// real sockets on loopback produce where loopback can produce them, and constructed
// errors for the rest (no route, a DNS server's answers). Expected verdicts are
// written out here, not read from the tables, so swapped rows fail.
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { CONNECT_ERRORS, DNS_ERRORS, classifyErrno, makeDiagnosis, type ErrnoRow } from '../../../src/probe/diagnose';
import { connectTcp } from '../../../src/probe/connection';
import { closeAllServers, closedPort, startRawServer, startUnacceptingListener } from './helpers/servers';

const ctx = { host: 'smtp.example.test', port: 587 };

/** The error code a real client socket gets when connecting with `options`. */
function socketErrorCode(options: net.NetConnectOpts): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(options);
    socket.once('error', (error: Error & { code?: string }) => (error.code ? resolve(error.code) : reject(error)));
    socket.once('close', () => setImmediate(() => reject(new Error('closed without an error'))));
  });
}

function verdict(table: ErrnoRow[], errno: string | undefined): { code: string; summary: string } {
  const finding = classifyErrno(table, errno, ctx, '');
  return { code: finding.code, summary: makeDiagnosis(finding, ctx).summary };
}

// errno → [code, words of the summary]
const CONNECT_EXPECTED: Record<string, [string, RegExp]> = {
  ECONNREFUSED: ['connection-refused', /nothing accepts connections on port 587 \(connection refused\)/],
  ECONNRESET: ['connection-refused', /cut the connection at once/],
  EPIPE: ['connection-refused', /cut the connection at once/],
  EACCES: ['connection-refused', /not allowed to connect/],
  EPERM: ['connection-refused', /not allowed to connect/],
  ETIMEDOUT: ['connection-timeout', /the connection attempt timed out/],
  TIMEOUT: ['connection-timeout', /the connection attempt timed out/],
  EHOSTUNREACH: ['connection-timeout', /cannot be reached from here/],
  ENETUNREACH: ['connection-timeout', /cannot be reached from here/],
  EADDRNOTAVAIL: ['connection-timeout', /cannot be reached from here/],
  EHOSTDOWN: ['connection-timeout', /cannot be reached from here/],
  ENETDOWN: ['connection-timeout', /cannot be reached from here/],
};

const DNS_EXPECTED: Record<string, RegExp> = {
  ENOTFOUND: /does not exist in DNS/,
  EAI_NONAME: /does not exist in DNS/,
  EAI_NODATA: /does not exist in DNS/,
  ENODATA: /does not exist in DNS/,
  NXDOMAIN: /does not exist in DNS/,
  EAI_AGAIN: /DNS did not answer/,
  ESERVFAIL: /DNS did not answer/,
  ETIMEOUT: /DNS did not answer/,
  ECONNREFUSED: /DNS did not answer/,
  EREFUSED: /DNS did not answer/,
  TIMEOUT: /DNS did not answer/,
};

describe('probe / classifyErrno', function () {
  this.timeout(10_000);
  afterEach(closeAllServers);

  describe('with real socket errors on loopback', () => {
    it('a closed port: ECONNREFUSED → connection-refused', async () => {
      const errno = await socketErrorCode({ host: '127.0.0.1', port: await closedPort() });
      assert.equal(errno, 'ECONNREFUSED');
      assert.equal(verdict(CONNECT_ERRORS, errno).code, 'connection-refused');
      assert.match(verdict(CONNECT_ERRORS, errno).summary, CONNECT_EXPECTED.ECONNREFUSED[1]);
    });

    it('a server that resets the connection: ECONNRESET → connection-refused, “cut the connection”', async () => {
      const { port } = await startRawServer((socket) => socket.resetAndDestroy());
      const errno = await socketErrorCode({ host: '127.0.0.1', port });
      assert.equal(errno, 'ECONNRESET');
      assert.equal(verdict(CONNECT_ERRORS, errno).code, 'connection-refused');
      assert.match(verdict(CONNECT_ERRORS, errno).summary, /cut the connection at once/);
    });

    it('a listener that never answers the SYN: connectTcp’s ETIMEDOUT → connection-timeout', async () => {
      const listener = await startUnacceptingListener();
      const error = await connectTcp({ address: '127.0.0.1', family: 4 }, listener.port, 300, () => undefined).then(
        () => assert.fail('connected'),
        (e: { errno: string }) => e,
      );
      assert.equal(error.errno, 'ETIMEDOUT');
      assert.equal(verdict(CONNECT_ERRORS, error.errno).code, 'connection-timeout');
    });

    it('a local address this machine does not have: EADDRNOTAVAIL → cannot be reached', async () => {
      // 192.0.2.1 is TEST-NET-1 (RFC 5737): binding to it fails before any packet is sent.
      const errno = await socketErrorCode({ host: '127.0.0.1', port: await closedPort(), localAddress: '192.0.2.1' });
      assert.equal(errno, 'EADDRNOTAVAIL');
      assert.equal(verdict(CONNECT_ERRORS, errno).code, 'connection-timeout');
      assert.match(verdict(CONNECT_ERRORS, errno).summary, /cannot be reached/);
    });
  });

  describe('every row, with constructed errors where loopback cannot produce them', () => {
    for (const [errno, [code, words]] of Object.entries(CONNECT_EXPECTED)) {
      it(`connect ${errno} → ${code}`, () => {
        const v = verdict(CONNECT_ERRORS, errno);
        assert.equal(v.code, code);
        assert.match(v.summary, words);
      });
    }
    for (const [errno, words] of Object.entries(DNS_EXPECTED)) {
      it(`DNS ${errno} → dns-failed`, () => {
        const v = verdict(DNS_ERRORS, errno);
        assert.equal(v.code, 'dns-failed');
        assert.match(v.summary, words);
      });
    }

    it('unknown or missing codes fall to the last row', () => {
      assert.equal(verdict(CONNECT_ERRORS, 'EWHATEVER').code, 'connection-refused');
      assert.equal(verdict(CONNECT_ERRORS, undefined).code, 'connection-refused');
      assert.match(verdict(DNS_ERRORS, 'EWHATEVER').summary, /could not be found in DNS/);
    });

    it('the evidence is kept beside a row’s own summary', () => {
      const finding = classifyErrno(CONNECT_ERRORS, 'EHOSTUNREACH', ctx, '[::1]:587: EHOSTUNREACH');
      assert.equal(finding.evidence, '[::1]:587: EHOSTUNREACH');
      assert.match(finding.summary ?? '', /\[\[::1\]:587: EHOSTUNREACH\]$/);
    });

    it('every errno in the tables has an expectation here', () => {
      for (const errno of CONNECT_ERRORS.flatMap((r) => r.errnos)) assert.ok(errno in CONNECT_EXPECTED, `connect ${errno}`);
      for (const errno of DNS_ERRORS.flatMap((r) => r.errnos)) assert.ok(errno in DNS_EXPECTED, `DNS ${errno}`);
    });
  });
});
