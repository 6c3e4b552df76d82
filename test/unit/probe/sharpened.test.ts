// Diagnoses named by their real cause (issue 16, item 4), each against a real server
// on loopback that behaves the way the case describes.
import * as assert from 'node:assert/strict';
import { probe, renderText } from '../../../src/probe';
import { testCerts } from './helpers/certs';
import { PASSWORD, USER, assertCode, assertNoSecrets, step } from './helpers/common';
import { closeAllServers, startRawServer, startScriptedSmtp, startTlsServer } from './helpers/servers';

describe('probe / diagnoses named by their real cause', function () {
  this.timeout(10_000);
  afterEach(closeAllServers);

  describe('a server that demands a client certificate', () => {
    const demanding = (maxVersion: 'TLSv1.2' | 'TLSv1.3') =>
      startTlsServer(testCerts().localhost, (s) => s.write('220 mtls.test ESMTP\r\n'), {
        requestCert: true,
        rejectUnauthorized: true,
        ca: testCerts().ca,
        maxVersion,
      });

    it('TLS 1.3 (alert after the client’s handshake) → client-certificate-required, not no-greeting', async () => {
      const { port } = await demanding('TLSv1.3');
      const result = await probe({ host: 'localhost', port, tls: 'implicit', ca: testCerts().ca, timeoutMs: 3000 });
      assertCode(result, 'client-certificate-required');
      assert.equal(step(result, 'tls').status, 'ok', 'the client’s side of the handshake completed');
      assert.equal(step(result, 'greeting').status, 'fail');
      assert.match(result.diagnosis.summary, /client certificate/);
      assert.match(result.diagnosis.fix, /certificate and key/);
      assert.doesNotMatch(result.diagnosis.fix, /IP address/);
    });

    it('TLS 1.2 (handshake failure after a CertificateRequest) → client-certificate-required, not “no cipher in common”', async () => {
      const { port } = await demanding('TLSv1.2');
      const result = await probe({ host: 'localhost', port, tls: 'implicit', ca: testCerts().ca, timeoutMs: 3000 });
      assertCode(result, 'client-certificate-required');
      assert.equal(step(result, 'tls').status, 'fail');
      assert.doesNotMatch(result.diagnosis.summary, /cipher/);
      assert.match(result.diagnosis.summary, /asked for a client certificate/);
    });

    it('after STARTTLS (TLS 1.3: the alert ends the EHLO after TLS) → client-certificate-required', async () => {
      const certs = testCerts();
      const { port } = await startScriptedSmtp({ tls: certs.localhost, tlsOptions: { requestCert: true, rejectUnauthorized: true, ca: certs.ca } });
      const result = await probe({ host: 'localhost', port, tls: 'starttls', ca: certs.ca, timeoutMs: 3000 });
      assertCode(result, 'client-certificate-required');
      assert.equal(step(result, 'ehlo-after-tls').status, 'fail');
    });
  });

  describe('EHLO refused (500/502), HELO accepted', () => {
    for (const refusal of ['500 5.5.1 Command unrecognized: "XXXX"', '502 5.5.2 Error: command not recognized']) {
      it(`${refusal.slice(0, 3)} with credentials → ehlo-refused, no advice to allow a plain-text login`, async () => {
        const { port, sessions } = await startScriptedSmtp({ onLine: (l) => (/^EHLO /i.test(l) ? [refusal] : undefined) });
        const result = await probe({ host: '127.0.0.1', port, user: USER, password: PASSWORD, timeoutMs: 3000 });
        assertCode(result, 'ehlo-refused');
        assert.match(result.diagnosis.summary, /refused EHLO/);
        assert.ok(result.diagnosis.summary.includes(refusal.slice(0, 20)), 'the refusal is quoted');
        assert.doesNotMatch(`${result.diagnosis.summary} ${result.diagnosis.fix}`, /plain-?text login|allowPlaintextAuth|allow-plaintext-auth|no AUTH in its EHLO/i);
        assert.equal(step(result, 'ehlo').status, 'warn');
        assert.ok(!sessions[0].lines.some((l) => /^AUTH/i.test(l)), 'no password sent');
        assertNoSecrets(JSON.stringify(result));
      });
    }

    it('with tls starttls → ehlo-refused rather than “does not offer STARTTLS”', async () => {
      const { port } = await startScriptedSmtp({ onLine: (l) => (/^EHLO /i.test(l) ? ['502 5.5.2 Error: command not recognized'] : undefined) });
      const result = await probe({ host: '127.0.0.1', port, tls: 'starttls', timeoutMs: 3000 });
      assertCode(result, 'ehlo-refused');
      assert.equal(step(result, 'starttls').status, 'fail');
    });
  });

  it('454 4.7.0 to AUTH → auth-temporary-failure: retry later, not “refused the user name or password”', async () => {
    const certs = testCerts();
    const { port } = await startScriptedSmtp({
      tls: certs.localhost,
      ehlo: ['AUTH PLAIN LOGIN'],
      onLine: (l) => (/^AUTH /i.test(l) ? ['454 4.7.0 Temporary authentication failure'] : undefined),
    });
    const result = await probe({ host: 'localhost', port, ca: certs.ca, user: USER, password: PASSWORD, timeoutMs: 3000 });
    assertCode(result, 'auth-temporary-failure');
    assert.equal(step(result, 'auth').status, 'fail');
    assert.doesNotMatch(result.diagnosis.summary, /refused the user name or password/);
    assert.match(result.diagnosis.summary, /454 4\.7\.0/);
    assert.match(result.diagnosis.fix, /Try again/);
    assert.match(result.diagnosis.fix, /server side/);
  });

  describe('STARTTLS accepted (220), then no TLS', () => {
    /** Plain SMTP offering STARTTLS; after its 220, `onClientHello` gets the client's first TLS bytes (or the socket closes at once). */
    const brokenStarttls = (onClientHello: (socket: import('node:net').Socket) => void, closeAtOnce = false) =>
      startRawServer((socket) => {
        let upgraded = false;
        socket.write('220 broken.test ESMTP\r\n');
        socket.on('data', (data) => {
          const text = data.toString('latin1');
          if (upgraded) return onClientHello(socket);
          if (/^EHLO /i.test(text)) socket.write('250-broken.test\r\n250 STARTTLS\r\n');
          else if (/^STARTTLS/i.test(text)) {
            upgraded = true;
            if (closeAtOnce) socket.end('220 2.0.0 Ready to start TLS\r\n');
            else socket.write('220 2.0.0 Ready to start TLS\r\n');
          }
        });
      });

    it('the server answers the ClientHello in plain text → starttls-failed, quoting it', async () => {
      const { port } = await brokenStarttls((s) => s.end('454 4.7.0 TLS not available due to local problem\r\n'));
      const result = await probe({ host: '127.0.0.1', port, timeoutMs: 3000 });
      assertCode(result, 'starttls-failed');
      assert.equal(step(result, 'starttls').status, 'fail');
      assert.match(result.diagnosis.summary, /agreed to STARTTLS, then answered the TLS handshake in plain text/);
      assert.match(result.diagnosis.summary, /454 4\.7\.0 TLS not available/);
      assert.doesNotMatch(result.diagnosis.fix, /Check the TLS mode/);
      assert.match(result.diagnosis.fix, /server’s TLS is broken/);
    });

    it('the server closes the connection → starttls-failed', async () => {
      const { port } = await brokenStarttls(() => undefined, true);
      const result = await probe({ host: '127.0.0.1', port, tls: 'starttls', timeoutMs: 3000 });
      assertCode(result, 'starttls-failed');
      assert.match(result.diagnosis.summary, /then closed the connection/);
    });

    it('the server never answers the handshake → starttls-failed', async () => {
      const { port } = await brokenStarttls(() => undefined);
      const result = await probe({ host: '127.0.0.1', port, tls: 'starttls', timeoutMs: 600 });
      assertCode(result, 'starttls-failed');
      assert.match(result.diagnosis.summary, /never answered the TLS handshake/);
    });
  });

  it('IPv6: the address is printed in brackets in the summary, steps, transcript and report', async () => {
    const { port } = await startRawServer((socket) => socket.end('554 5.7.1 go away\r\n'), '::1');
    const result = await probe({ host: '::1', port, timeoutMs: 3000 });
    assertCode(result, 'no-greeting');
    const where = `[::1]:${port}`;
    assert.ok(result.diagnosis.summary.includes(where), result.diagnosis.summary);
    assert.ok(step(result, 'connect').detail.includes(where));
    assert.ok(result.transcript.some((t) => t.text.includes(where)));
    assert.ok(renderText(result).includes(where));
    const everything = JSON.stringify(result) + renderText(result, { transcript: true });
    assert.doesNotMatch(everything, new RegExp(`[^[]::1:${port}`), 'no unbracketed ::1:port');
  });
});
