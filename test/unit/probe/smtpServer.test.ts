// The probe against real SMTP servers (the smtp-server package) on 127.0.0.1.
import * as assert from 'node:assert/strict';
import type { SMTPServerAuthentication, SMTPServerAuthenticationResponse, SMTPServerSession } from 'smtp-server';
import { probe } from '../../../src/probe';
import { testCerts } from './helpers/certs';
import { PASSWORD, TOKEN, USER, assertCode, assertNoSecrets, step } from './helpers/common';
import { closeAllServers, startSmtpServer, startTlsServer } from './helpers/servers';

type AuthCallback = (err: Error | null | undefined, response?: SMTPServerAuthenticationResponse) => void;

/** onAuth accepting USER/PASSWORD (and TOKEN for XOAUTH2); records every attempt. */
function authRecorder() {
  const seen: Array<{ method: string; username?: string | null; password?: string | null; accessToken?: string | null }> = [];
  const onAuth = (auth: SMTPServerAuthentication, _session: SMTPServerSession, callback: AuthCallback) => {
    seen.push({ method: auth.method, username: auth.username, password: auth.password, accessToken: auth.accessToken });
    if (auth.method === 'XOAUTH2') {
      if (auth.username === USER && auth.accessToken === TOKEN) return callback(null, { user: USER });
      return callback(null, { data: { status: '401', schemes: 'bearer', scope: 'https://mail.google.com/' } });
    }
    if (auth.username === USER && auth.password === PASSWORD) return callback(null, { user: USER });
    return callback(new Error('Error: authentication failed'));
  };
  return { seen, onAuth };
}

const base = { disableReverseLookup: true };

describe('probe / against smtp-server on loopback', function () {
  this.timeout(10_000);
  afterEach(closeAllServers);

  it('STARTTLS + AUTH PLAIN accepted, private CA verified → ok', async () => {
    const certs = testCerts();
    const auth = authRecorder();
    const { port } = await startSmtpServer({ ...base, authMethods: ['PLAIN', 'LOGIN'], onAuth: auth.onAuth, size: 10 * 1024 * 1024 });
    const result = await probe({ host: 'localhost', port, tls: 'starttls', user: USER, password: PASSWORD, ca: certs.ca, timeoutMs: 3000 });
    assertCode(result, 'ok');
    assert.equal(result.status, 'completed');
    assert.equal(result.effectiveTls, 'starttls');
    assert.deepEqual(
      result.steps.map((s) => s.name),
      ['resolve', 'connect', 'greeting', 'ehlo', 'starttls', 'ehlo-after-tls', 'auth', 'quit'],
    );
    assert.ok(result.steps.every((s) => s.status === 'ok'), JSON.stringify(result.steps));
    assert.ok(result.addresses.includes('127.0.0.1'));
    assert.equal(result.authMechanism, 'PLAIN');
    assert.deepEqual(auth.seen, [{ method: 'PLAIN', username: USER, password: PASSWORD, accessToken: undefined }]);
    assert.ok(result.tls);
    assert.equal(result.tls.chainVerified, true);
    assert.equal(result.tls.hostnameMatch, true);
    assert.equal(result.tls.verification, 'custom-ca');
    assert.match(result.tls.protocol ?? '', /^TLSv1\.[23]$/);
    assert.match(result.tls.certificate?.issuer ?? '', /SMTP Doctor Test CA/);
    assert.ok(result.tls.certificate!.subjectAltNames.includes('DNS:localhost'));
    assert.ok(result.tls.certificate!.daysToExpiry >= 360);
    assert.equal(result.capabilities?.size, 10 * 1024 * 1024);
    assert.deepEqual(result.capabilities?.authMechanisms, ['PLAIN', 'LOGIN']);
    assert.equal(result.capabilities?.starttls, false, 'after TLS, STARTTLS is no longer offered');
    assert.ok(result.transcript.some((t) => t.direction === 'client' && t.text.startsWith('AUTH PLAIN ********')));
    assert.ok(result.transcript.some((t) => t.direction === 'server' && t.text.startsWith('235')));
    assertNoSecrets(JSON.stringify(result));
  });

  it('AUTH LOGIN when the server offers only LOGIN', async () => {
    const auth = authRecorder();
    const { port } = await startSmtpServer({ ...base, authMethods: ['LOGIN'], onAuth: auth.onAuth });
    const result = await probe({ host: '127.0.0.1', port, tls: 'starttls', user: USER, password: PASSWORD, ca: testCerts().ca, timeoutMs: 3000 });
    assertCode(result, 'ok');
    assert.equal(result.authMechanism, 'LOGIN');
    assert.equal(auth.seen[0].password, PASSWORD);
    const client = result.transcript.filter((t) => t.direction === 'client').map((t) => t.text);
    assert.deepEqual(client.slice(-4), ['AUTH LOGIN', '******** (user name, base64)', '******** (password, base64)', 'QUIT']);
    assertNoSecrets(JSON.stringify(result));
  });

  it('AUTH XOAUTH2 with a token: accepted, then a refused token → auth-failed with the token fix', async () => {
    const auth = authRecorder();
    const { port } = await startSmtpServer({ ...base, authMethods: ['PLAIN', 'XOAUTH2'], onAuth: auth.onAuth });
    const ok = await probe({ host: '127.0.0.1', port, tls: 'starttls', user: USER, oauthToken: TOKEN, ca: testCerts().ca, timeoutMs: 3000 });
    assertCode(ok, 'ok');
    assert.equal(ok.authMechanism, 'XOAUTH2');
    assert.equal(auth.seen[0].accessToken, TOKEN);
    assertNoSecrets(JSON.stringify(ok));

    const bad = await probe({ host: '127.0.0.1', port, tls: 'starttls', user: USER, oauthToken: `${TOKEN}-expired`, ca: testCerts().ca, timeoutMs: 3000 });
    assertCode(bad, 'auth-failed');
    assert.match(bad.diagnosis.fix, /access token/);
    assert.ok(bad.transcript.some((t) => t.text.includes('XOAUTH2 error details') && t.text.includes('401')));
    assert.ok(!JSON.stringify(bad).includes(`${TOKEN}-expired`));
  });

  it('implicit TLS (secure: true) → ok', async () => {
    const auth = authRecorder();
    const { port } = await startSmtpServer({ ...base, secure: true, authMethods: ['PLAIN'], onAuth: auth.onAuth });
    const result = await probe({ host: 'localhost', port, tls: 'implicit', user: USER, password: PASSWORD, ca: testCerts().ca, timeoutMs: 3000 });
    assertCode(result, 'ok');
    assert.equal(result.effectiveTls, 'implicit');
    assert.deepEqual(
      result.steps.map((s) => s.name),
      ['resolve', 'connect', 'tls', 'greeting', 'ehlo', 'auth', 'quit'],
    );
    assert.equal(result.tls?.mode, 'implicit');
    assert.equal(result.retriedWith, null);
  });

  it('STARTTLS required before AUTH: the server answers 538 to a plain-text AUTH → starttls-required', async () => {
    const auth = authRecorder();
    const { port } = await startSmtpServer({ ...base, authMethods: ['PLAIN'], onAuth: auth.onAuth });
    const result = await probe({ host: '127.0.0.1', port, tls: 'none', user: USER, password: PASSWORD, allowPlaintextAuth: true, timeoutMs: 3000 });
    assertCode(result, 'starttls-required');
    assert.ok(result.transcript.some((t) => t.direction === 'server' && /^538 .*STARTTLS/.test(t.text)));
    assert.equal(result.plaintextAuth, true, 'credentials were put on the wire: the result says so');
    assert.equal(auth.seen.length, 0);
    assertNoSecrets(JSON.stringify(result));
  });

  it('never sends AUTH in plain text without allowPlaintextAuth (server offers STARTTLS → starttls-required)', async () => {
    const auth = authRecorder();
    const { port } = await startSmtpServer({ ...base, authMethods: ['PLAIN'], onAuth: auth.onAuth, allowInsecureAuth: true });
    const result = await probe({ host: '127.0.0.1', port, tls: 'none', user: USER, password: PASSWORD, timeoutMs: 3000 });
    assertCode(result, 'starttls-required');
    assert.equal(step(result, 'auth').status, 'fail');
    assert.ok(!result.transcript.some((t) => t.direction === 'client' && t.text.startsWith('AUTH')));
    assert.equal(result.plaintextAuth, false);
    assert.equal(auth.seen.length, 0);
  });

  describe('a server without STARTTLS', () => {
    it('tls starttls → starttls-unavailable', async () => {
      const { port } = await startSmtpServer({ ...base, hideSTARTTLS: true, authOptional: true });
      const result = await probe({ host: '127.0.0.1', port, tls: 'starttls', timeoutMs: 3000 });
      assertCode(result, 'starttls-unavailable');
      assert.equal(step(result, 'starttls').status, 'fail');
      assert.equal(step(result, 'quit').status, 'ok');
    });

    it('tls auto without credentials → ok, with a warning', async () => {
      const { port } = await startSmtpServer({ ...base, hideSTARTTLS: true, authOptional: true });
      const result = await probe({ host: '127.0.0.1', port, tls: 'auto', timeoutMs: 3000 });
      assertCode(result, 'ok');
      assert.equal(step(result, 'starttls').status, 'warn');
      assert.equal(result.effectiveTls, 'none');
      assert.match(result.diagnosis.summary, /unencrypted/);
    });

    it('tls auto with credentials → starttls-unavailable, password not sent', async () => {
      const auth = authRecorder();
      const { port } = await startSmtpServer({ ...base, hideSTARTTLS: true, authMethods: ['PLAIN'], onAuth: auth.onAuth, allowInsecureAuth: true });
      const result = await probe({ host: '127.0.0.1', port, user: USER, password: PASSWORD, timeoutMs: 3000 });
      assertCode(result, 'starttls-unavailable');
      assert.match(result.diagnosis.summary, /did not send the password/);
      assert.equal(auth.seen.length, 0);
    });

    it('allowPlaintextAuth → logs in, and says so loudly', async () => {
      const auth = authRecorder();
      const { port } = await startSmtpServer({ ...base, hideSTARTTLS: true, authMethods: ['PLAIN'], onAuth: auth.onAuth, allowInsecureAuth: true });
      const result = await probe({ host: '127.0.0.1', port, tls: 'none', user: USER, password: PASSWORD, allowPlaintextAuth: true, timeoutMs: 3000 });
      assertCode(result, 'ok');
      assert.equal(result.plaintextAuth, true);
      assert.equal(step(result, 'auth').status, 'warn');
      assert.match(result.diagnosis.summary, /WITHOUT ENCRYPTION/);
      assert.equal(auth.seen.length, 1);
      assertNoSecrets(JSON.stringify(result));
    });
  });

  it('a server without AUTH → auth-unavailable', async () => {
    const { port } = await startSmtpServer({ ...base, disabledCommands: ['AUTH'] });
    const result = await probe({ host: '127.0.0.1', port, tls: 'starttls', user: USER, password: PASSWORD, ca: testCerts().ca, timeoutMs: 3000 });
    assertCode(result, 'auth-unavailable');
    assert.match(result.diagnosis.summary, /does not offer login/);
    assert.ok(!result.transcript.some((t) => t.direction === 'client' && t.text.startsWith('AUTH')));
  });

  it('an OAuth token but no XOAUTH2 offered → auth-unavailable', async () => {
    const { port } = await startSmtpServer({ ...base, authMethods: ['PLAIN', 'LOGIN'], onAuth: authRecorder().onAuth });
    const result = await probe({ host: '127.0.0.1', port, tls: 'starttls', user: USER, oauthToken: TOKEN, ca: testCerts().ca, timeoutMs: 3000 });
    assertCode(result, 'auth-unavailable');
    assert.match(result.diagnosis.summary, /XOAUTH2/);
  });

  it('a wrong password → auth-failed', async () => {
    const { port } = await startSmtpServer({ ...base, authMethods: ['PLAIN'], onAuth: authRecorder().onAuth });
    const result = await probe({ host: '127.0.0.1', port, tls: 'starttls', user: USER, password: 'wrong-password-123', ca: testCerts().ca, timeoutMs: 3000 });
    assertCode(result, 'auth-failed');
    assert.equal(step(result, 'quit').status, 'ok', 'QUIT is still sent after a refused login');
    assert.ok(!JSON.stringify(result).includes('wrong-password-123'));
  });

  const microsoft = (message: string) => (_a: SMTPServerAuthentication, _s: SMTPServerSession, callback: AuthCallback) =>
    callback(Object.assign(new Error(message), { responseCode: 535 }));

  it("Microsoft's exact 535 5.7.139 basic-auth reply → basic-auth-disabled", async () => {
    const text = '5.7.139 Authentication unsuccessful, basic authentication is disabled. [BN9PR03CA0123.namprd03.prod.outlook.com 2024-11-20T10:00:00.000Z 08DD0A1B2C3D4E5F]';
    const { port } = await startSmtpServer({ ...base, authMethods: ['LOGIN', 'PLAIN'], onAuth: microsoft(text) });
    const result = await probe({ host: '127.0.0.1', port, tls: 'starttls', user: USER, password: PASSWORD, ca: testCerts().ca, timeoutMs: 3000 });
    assertCode(result, 'basic-auth-disabled');
    assert.ok(result.transcript.some((t) => t.direction === 'server' && t.text === `535 ${text}`), 'the exact line was received');
    assert.match(result.diagnosis.fix, /OAuth2/);
  });

  it("Microsoft's 535 5.7.139 SmtpClientAuthentication disabled for the Mailbox → basic-auth-disabled with the admin fix", async () => {
    const text = '5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.';
    const { port } = await startSmtpServer({ ...base, authMethods: ['LOGIN'], onAuth: microsoft(text) });
    const result = await probe({ host: '127.0.0.1', port, tls: 'starttls', user: USER, password: PASSWORD, ca: testCerts().ca, timeoutMs: 3000 });
    assertCode(result, 'basic-auth-disabled');
    assert.match(result.diagnosis.fix, /Authenticated SMTP/);
  });

  it("Microsoft's generic 535 5.7.3 → auth-failed (documented decision)", async () => {
    const { port } = await startSmtpServer({ ...base, authMethods: ['LOGIN'], onAuth: microsoft('5.7.3 Authentication unsuccessful [SN4PR0501CA0036.namprd05.prod.outlook.com]') });
    const result = await probe({ host: '127.0.0.1', port, tls: 'starttls', user: USER, password: PASSWORD, ca: testCerts().ca, timeoutMs: 3000 });
    assertCode(result, 'auth-failed');
  });

  describe('a real test message', () => {
    it('MAIL FROM / RCPT TO / DATA accepted → ok, and the server got the message', async () => {
      let received = '';
      const { port } = await startSmtpServer({
        ...base,
        authMethods: ['PLAIN'],
        onAuth: authRecorder().onAuth,
        onData(stream, _session, callback) {
          stream.on('data', (c: Buffer) => (received += c.toString()));
          stream.on('end', () => callback(null, 'Queued as TEST123'));
        },
      });
      const result = await probe({
        host: 'localhost',
        port,
        user: USER,
        password: PASSWORD,
        ca: testCerts().ca,
        sendTest: { from: USER, to: 'alice@example.test' },
        timeoutMs: 3000,
      });
      assertCode(result, 'ok');
      assert.equal(result.testMessage?.accepted, true);
      assert.match(result.testMessage?.reply ?? '', /^250 .*Queued as TEST123/);
      assert.match(received, /^Subject: SMTP Doctor test message\r$/m);
      assert.match(received, /^To: <alice@example\.test>\r$/m);
      assert.match(result.diagnosis.summary, /test message accepted/);
    });

    it('relay refused at RCPT TO → message-rejected', async () => {
      const { port } = await startSmtpServer({
        ...base,
        authOptional: true,
        onRcptTo(address, _session, callback) {
          callback(Object.assign(new Error(`5.7.1 <${address.address}>: Relay access denied`), { responseCode: 554 }));
        },
      });
      const result = await probe({ host: '127.0.0.1', port, ca: testCerts().ca, sendTest: { from: 'me@example.test', to: 'you@elsewhere.test' }, timeoutMs: 3000 });
      assertCode(result, 'message-rejected');
      assert.match(result.diagnosis.summary, /relay/i);
      assert.equal(step(result, 'rcpt-to').status, 'fail');
      assert.equal(step(result, 'quit').status, 'ok');
    });
  });

  describe('certificates', () => {
    it('self-signed → certificate-untrusted, and the password is not sent', async () => {
      const certs = testCerts();
      const auth = authRecorder();
      const { port } = await startSmtpServer({ ...base, key: certs.selfSigned.key, cert: certs.selfSigned.cert, authMethods: ['PLAIN'], onAuth: auth.onAuth });
      const result = await probe({ host: 'localhost', port, tls: 'starttls', user: USER, password: PASSWORD, timeoutMs: 3000 });
      assertCode(result, 'certificate-untrusted');
      assert.match(result.diagnosis.summary, /self-signed/);
      assert.equal(result.tls?.verifyError, 'DEPTH_ZERO_SELF_SIGNED_CERT');
      assert.equal(result.tls?.certificate?.selfSigned, true);
      assert.equal(step(result, 'auth').status, 'skipped');
      assert.equal(auth.seen.length, 0);
      assert.equal(step(result, 'ehlo-after-tls').status, 'ok', 'EHLO still runs, to report capabilities');
    });

    it('streams the transcript while it runs: the listener hears every line, masked, before the result is there', async () => {
      const certs = testCerts();
      const { port } = await startSmtpServer({ ...base, key: certs.localhost.key, cert: certs.localhost.cert, authMethods: ['PLAIN'], onAuth: authRecorder().onAuth });
      const heard: string[] = [];
      let settled = false;
      const running = probe({ host: 'localhost', port, tls: 'starttls', user: USER, password: PASSWORD, ca: certs.ca, timeoutMs: 3000 }, undefined, undefined, (entry) => {
        if (!settled) heard.push(`${entry.direction} ${entry.text}`);
      });
      void running.then(() => { settled = true; });
      const result = await running;
      assertCode(result, 'ok');
      assert.deepEqual(heard, result.transcript.map((entry) => `${entry.direction} ${entry.text}`));
      assert.ok(heard.some((line) => line.startsWith('client AUTH PLAIN')), heard.join('\n'));
      assertNoSecrets(heard.join('\n'));
    });

    it('self-signed with insecure → ok with a warning, verification reported as insecure', async () => {
      const certs = testCerts();
      const { port } = await startSmtpServer({ ...base, key: certs.selfSigned.key, cert: certs.selfSigned.cert, authMethods: ['PLAIN'], onAuth: authRecorder().onAuth });
      const result = await probe({ host: 'localhost', port, tls: 'starttls', user: USER, password: PASSWORD, insecure: true, timeoutMs: 3000 });
      assertCode(result, 'ok');
      assert.equal(result.certificateVerification, 'insecure');
      assert.equal(result.tls?.verification, 'insecure');
      assert.equal(step(result, 'starttls').status, 'warn');
      assert.match(result.diagnosis.summary, /insecure/);
    });

    it('a name the certificate does not cover → certificate-hostname-mismatch', async () => {
      const certs = testCerts();
      const { port } = await startSmtpServer({ ...base, key: certs.wrongName.key, cert: certs.wrongName.cert, authOptional: true });
      const result = await probe({ host: 'localhost', port, tls: 'starttls', ca: certs.ca, timeoutMs: 3000 });
      assertCode(result, 'certificate-hostname-mismatch');
      assert.equal(result.tls?.chainVerified, true);
      assert.equal(result.tls?.hostnameMatch, false);
      assert.match(result.diagnosis.summary, /mail\.example\.test.*not for localhost/);
    });

    it('an expired certificate → certificate-expired', async () => {
      const certs = testCerts();
      const { port } = await startSmtpServer({ ...base, secure: true, key: certs.expired.key, cert: certs.expired.cert, authOptional: true });
      const result = await probe({ host: 'localhost', port, tls: 'implicit', ca: certs.ca, timeoutMs: 3000 });
      assertCode(result, 'certificate-expired');
      assert.match(result.diagnosis.summary, /expired on 2020-02-01/);
      assert.ok((result.tls?.certificate?.daysToExpiry ?? 0) < -365);
    });

    it('a certificate that expires in 10 days → ok with a warning', async () => {
      const certs = testCerts();
      const { port } = await startSmtpServer({ ...base, key: certs.expiringSoon.key, cert: certs.expiringSoon.cert, authOptional: true });
      const result = await probe({ host: 'localhost', port, tls: 'starttls', ca: certs.ca, timeoutMs: 3000 });
      assertCode(result, 'ok');
      assert.equal(step(result, 'starttls').status, 'warn');
      assert.match(result.diagnosis.summary, /expires in (9|10) days/);
    });

    it('without the private CA, a CA-signed certificate is untrusted', async () => {
      const { port } = await startSmtpServer({ ...base, authOptional: true });
      const result = await probe({ host: 'localhost', port, tls: 'starttls', timeoutMs: 3000 });
      assertCode(result, 'certificate-untrusted');
      assert.equal(result.certificateVerification, 'system');
    });
  });

  describe('the wrong TLS mode for the port', () => {
    it('plain text to an implicit-TLS port → no greeting, retry with TLS → implicit-tls-expected', async () => {
      const { port } = await startSmtpServer({ ...base, secure: true, authMethods: ['PLAIN'], onAuth: authRecorder().onAuth });
      // A step limit past the mocha timeout: only the short silence window can end the plain attempt in time.
      const result = await probe({ host: 'localhost', port, tls: 'starttls', user: USER, password: PASSWORD, ca: testCerts().ca, timeoutMs: 60_000, greetingSilenceMs: 400 });
      assertCode(result, 'implicit-tls-expected');
      assert.equal(result.retriedWith, 'implicit');
      assert.equal(result.effectiveTls, 'implicit');
      assert.equal(result.authenticated, true, 'the retry went on to the end');
      assert.match(result.diagnosis.fix, /secure to true/);
      assert.match(result.diagnosis.summary, /everything else worked/);
      assert.equal(step(result, 'retry').status, 'warn');
      assert.match(step(result, 'retry').detail, /Not one byte within 400 ms/, 'the detection used the short silence window, not the step timeout');
    });

    it('TLS to a plain-text port → "wrong version number", retry in plain text → tls-not-expected', async () => {
      const { port } = await startSmtpServer({ ...base, authMethods: ['PLAIN'], onAuth: authRecorder().onAuth });
      const result = await probe({ host: 'localhost', port, tls: 'implicit', user: USER, password: PASSWORD, ca: testCerts().ca, timeoutMs: 3000 });
      assertCode(result, 'tls-not-expected');
      assert.equal(result.retriedWith, 'starttls');
      assert.equal(result.effectiveTls, 'starttls');
      assert.match(step(result, 'tls').detail, /wrong version number|packet length/);
      assert.match(result.diagnosis.fix, /secure false\/STARTTLS/);
      assert.equal(result.authenticated, true);
    });

    it('a problem found after the retry is told too', async () => {
      const { port } = await startSmtpServer({ ...base, secure: true, authMethods: ['PLAIN'], onAuth: authRecorder().onAuth });
      const result = await probe({ host: 'localhost', port, tls: 'none', user: USER, password: 'nope-nope', ca: testCerts().ca, timeoutMs: 3000, greetingSilenceMs: 300 });
      assertCode(result, 'implicit-tls-expected');
      assert.equal(result.followUp?.code, 'auth-failed');
      assert.match(result.diagnosis.summary, /another problem/);
    });
  });

  // Was tls-handshake-failed, whose fix did not say that the server must change (issue 16).
  it('a server with only TLS 1.0/1.1 → tls-version-too-old: the server must enable TLS 1.2+', async () => {
    const certs = testCerts();
    const { port } = await startTlsServer(certs.localhost, (s) => s.write('220 old.test ESMTP\r\n'), {
      minVersion: 'TLSv1',
      maxVersion: 'TLSv1.1',
      ciphers: 'DEFAULT@SECLEVEL=0',
    });
    const result = await probe({ host: 'localhost', port, tls: 'implicit', ca: certs.ca, timeoutMs: 2000 });
    assertCode(result, 'tls-version-too-old');
    assert.match(result.diagnosis.summary, /TLS 1\.0\/1\.1/);
    assert.match(result.diagnosis.fix, /must enable TLS 1\.2/);
    assert.equal(result.retriedWith, null, 'a TLS answer is no reason to try plain text');
  });
});
