// `explain`: real error texts from public bug reports (test/fixtures/errors) map to
// the probe's diagnosis codes. The expected codes were written down before the matcher.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { explainError } from '../../../src/probe/explain';

interface RealError {
  library: string;
  code: string;
  port?: number;
  source: string;
  text: string;
}

function fixture(): RealError[] {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return JSON.parse(fs.readFileSync(path.join(dir, 'test/fixtures/errors/real-errors.json'), 'utf8')).messages;
}

describe('probe / explain: real error messages', () => {
  const messages = fixture();

  it('has at least 60 distinct real messages, each with a source', () => {
    assert.ok(new Set(messages.map((m) => m.text)).size >= 60);
    for (const m of messages) assert.match(m.source, /\S/);
  });

  it('maps at least 90 % of them to the expected diagnosis (misses listed)', () => {
    const misses = messages
      .map((m) => ({ m, got: explainError(m.text) }))
      .filter(({ m, got }) => got?.diagnosis.code !== m.code)
      .map(({ m, got }) => `${m.library}: expected ${m.code}, got ${got?.diagnosis.code ?? 'not recognised'} — ${m.text.slice(0, 90)}`);
    const rate = 1 - misses.length / messages.length;
    assert.ok(rate >= 0.9, `${(rate * 100).toFixed(1)} % right; misses:\n${misses.join('\n')}`);
    console.log(`      ${messages.length - misses.length}/${messages.length} right (${(rate * 100).toFixed(1)} %)${misses.length ? `; misses:\n        ${misses.join('\n        ')}` : ''}`);
  });

  for (const m of messages.filter((candidate) => candidate.port)) {
    it(`names port ${m.port} from the text (${m.library}: ${m.text.slice(0, 40).replace(/\s+/g, ' ')}…)`, () => {
      const result = explainError(m.text);
      assert.ok(result, 'recognised');
      assert.match(result.diagnosis.summary, new RegExp(`\\b${m.port}\\b`));
    });
  }

  it('says what in the text matched, and a library for each', () => {
    for (const m of messages) {
      const result = explainError(m.text);
      if (!result) continue;
      assert.ok(m.text.replace(/\s+/g, ' ').includes(result.matched.replace(/\s+/g, ' ')), `“${result.matched}” is in the text`);
      assert.match(result.library, /\S/);
    }
  });
});

describe('probe / explain: words', () => {
  it('uses the port and host the text names', () => {
    const result = explainError('Error: Greeting never received at smtp.example.com:465')!;
    assert.equal(result.diagnosis.code, 'implicit-tls-expected');
    assert.match(result.diagnosis.summary, /Port 465/);
  });

  it('reads a wrong version number on 587 as implicit TLS spoken to a STARTTLS port', () => {
    const result = explainError('Connection could not be established with host "ssl://smtp.gmail.com:587": stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages: error:1408F10B:SSL routines:ssl3_get_record:wrong version number')!;
    assert.equal(result.diagnosis.code, 'tls-not-expected');
    assert.match(result.diagnosis.summary, /Port 587/);
    assert.match(result.library, /Symfony/);
  });

  it('gives the fix of the probe’s table for the code', () => {
    const result = explainError('534-5.7.9 Application-specific password required. Learn more at 534 5.7.9 https://support.google.com/mail/?p=InvalidSecondFactor - gsmtp')!;
    assert.equal(result.diagnosis.code, 'app-password-required');
    assert.match(result.diagnosis.fix, /myaccount\.google\.com\/apppasswords/);
  });

  // Constructed from the libraries' sources and providers' documentation (not counted as real messages above).
  const rows: Array<[string, string]> = [
    ['535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.', 'auth-failed'],
    ['421 4.7.0 Try again later, closing connection. (EHLO)', 'no-greeting'],
    ['454 4.7.0 Too many login attempts, please try again later.', 'auth-temporary-failure'],
    ['454 Throttling failure: Maximum sending rate exceeded.', 'message-rejected'],
    ['504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname', 'ehlo-refused'],
    ['550-5.7.26 This mail is unauthenticated, which poses a security risk to the sender and Gmail users, and has been blocked.', 'message-rejected'],
    ['Error: Missing credentials for "PLAIN"', 'auth-failed'],
    ['System.Net.Mail.SmtpException: The operation has timed out. (smtp.gmail.com:465)', 'implicit-tls-expected'],
    ['javax.mail.MessagingException: Exception reading response; nested exception is: java.net.SocketTimeoutException: Read timed out', 'implicit-tls-expected'],
    ["stream_socket_enable_crypto(): Peer certificate CN=`*.hostgator.com' did not match expected CN=`mail.example.com'", 'certificate-hostname-mismatch'],
    ['smtp: server doesn\'t support AUTH', 'auth-unavailable'],
    ['Expected response code 250 but got code "530"', 'message-rejected'],
    ["Error: Client network socket disconnected before secure TLS connection was established code: 'ESOCKET'", 'tls-handshake-failed'],
  ];
  for (const [text, code] of rows) {
    it(`${code} ← ${text.slice(0, 60)}`, () => assert.equal(explainError(text)?.diagnosis.code, code));
  }

  it('does not read a 4xx as a login failure when the text is not about logging in', () => {
    assert.notEqual(explainError('451 4.3.0 Mail server temporarily rejected message.')?.diagnosis.code, 'auth-temporary-failure');
  });

  it('does not recognise text that is not an SMTP error', () => {
    for (const text of ['', 'hello world', 'TypeError: Cannot read properties of undefined (reading "map")', 'npm ERR! code ENOENT', '200 OK']) {
      assert.equal(explainError(text), null, text);
    }
  });
});

describe('probe / explain: secrets', () => {
  const PASSWORD = 'S3cret-Passw0rd!';
  const plain = Buffer.from(`\0me@example.com\0${PASSWORD}`).toString('base64');

  it('masks an AUTH PLAIN payload and what it decodes to', () => {
    const result = explainError(`C: AUTH PLAIN ${plain}\nS: 535 5.7.8 Username and Password not accepted`)!;
    const out = JSON.stringify(result);
    assert.equal(result.diagnosis.code, 'auth-failed');
    assert.ok(!out.includes(plain) && !out.includes(PASSWORD), out);
  });

  it('leaves the server’s words alone after a 334 prompt', () => {
    const result = explainError('S: 334 UGFzc3dvcmQ6\nS: 535 5.7.8 Error: authentication failed')!;
    assert.match(result.matched, /authentication failed$/);
  });

  it('masks AUTH LOGIN answers after the 334 prompts, and password settings', () => {
    const user64 = Buffer.from('me@example.com').toString('base64');
    const pass64 = Buffer.from(PASSWORD).toString('base64');
    const text = `CLIENT -> SERVER: AUTH LOGIN\nSERVER -> CLIENT: 334 VXNlcm5hbWU6\nCLIENT -> SERVER: ${user64}\nSERVER -> CLIENT: 334 UGFzc3dvcmQ6\nCLIENT -> SERVER: ${pass64}\nSERVER -> CLIENT: 535 5.7.3 Authentication unsuccessful\nMAIL_PASSWORD=${PASSWORD}`;
    const out = JSON.stringify(explainError(text));
    assert.ok(!out.includes(pass64) && !out.includes(PASSWORD), out);
  });

  it('speaks the caller’s terms when given (the editor’s setting, no CLI flags), and the CLI’s by default', () => {
    const text = 'Error: self-signed certificate in certificate chain (code SELF_SIGNED_CERT_IN_CHAIN)';
    const cli = explainError(text);
    assert.equal(cli?.diagnosis.code, 'certificate-untrusted');
    assert.match(cli.diagnosis.fix, /--ca FILE/);
    const editor = explainError(text, { caOption: 'the setting `smtpDoctor.probe.caFile`', insecureOption: null });
    assert.match(editor?.diagnosis.fix ?? '', /smtpDoctor\.probe\.caFile/);
    assert.doesNotMatch(editor?.diagnosis.fix ?? '', /--ca|insecure/);
    assert.deepEqual(editor?.context, cli.context, 'the context reported is the text’s');
  });
});
