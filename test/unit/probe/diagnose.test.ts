import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  AUTH_REPLIES,
  DIAGNOSES,
  SEND_REPLIES,
  classifyCertError,
  classifyTlsError,
  makeDiagnosis,
  matchReply,
  recognisePeer,
} from '../../../src/probe/diagnose';
import { ReplyReader, type Reply } from '../../../src/probe/lineReader';
import { tlsAdvice } from '../../../src/engine/profiles';
import { resolveTlsMode } from '../../../src/probe';
import { Masker } from '../../../src/probe/transcript';
import { parseCapabilities } from '../../../src/probe/capabilities';

async function reply(text: string): Promise<Reply> {
  const r = new ReplyReader();
  r.feed(Buffer.from(text.endsWith('\n') ? text : `${text}\r\n`));
  return r.read(100);
}

describe('probe / diagnosis tables', () => {
  // Exact server texts from shared/reference/smtp-facts.md, D3–D6.
  const authCases: Array<[string, string]> = [
    [
      '534-5.7.9 Application-specific password required. Learn more at\r\n534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor d2e1a72fcca58-7a0f1c3b1c0sm1234567b3a.12 - gsmtp',
      'app-password-required',
    ],
    ['535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [BN9PR03CA0123.namprd03.prod.outlook.com 2024-11-20T10:00:00.000Z 08DD0A1B2C3D4E5F]', 'basic-auth-disabled'],
    ['535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.', 'basic-auth-disabled'],
    ['535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.', 'basic-auth-disabled'],
    ["535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy.", 'basic-auth-disabled'],
    ['535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully.', 'basic-auth-disabled'],
    ['550 5.7.30 Basic authentication is not supported for Client Submission.', 'basic-auth-disabled'],
    ['535 5.7.3 Authentication unsuccessful [SN4PR0501CA0036.namprd05.prod.outlook.com]', 'auth-failed'],
    ['535-5.7.8 Username and Password not accepted. For more information, go to\r\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials x - gsmtp', 'auth-failed'],
    ['534-5.7.14 <https://accounts.google.com/signin/continue?x> Please log in via your web browser and\r\n534 5.7.14 then try again. - gsmtp', 'auth-failed'],
    ['535 Authentication Credentials Invalid', 'auth-failed'],
    ['530 5.7.0 Must issue a STARTTLS command first. x - gsmtp', 'starttls-required'],
    ['538 Error: Must issue a STARTTLS command first', 'starttls-required'],
    ['504 5.7.4 Unrecognized authentication type [AM0PR02CA0001.eurprd02.prod.outlook.com]', 'auth-unavailable'],
    // Temporary (RFC 4954 §6); was auth-failed, "refused the user name or password" (issue 16).
    ['454 4.7.0 Temporary authentication failure', 'auth-temporary-failure'],
    ['454 4.7.0 Too many login attempts, please try again later. x - gsmtp', 'auth-temporary-failure'],
    ['421 4.7.0 Try again later, closing connection.', 'auth-temporary-failure'],
    ['535 Error: authentication failed', 'auth-failed'],
  ];
  for (const [text, code] of authCases) {
    it(`AUTH reply ${text.slice(0, 50)}… → ${code}`, async () => {
      const finding = matchReply(AUTH_REPLIES, await reply(text));
      assert.equal(finding.code, code);
      assert.ok(finding.evidence && finding.evidence.length > 0);
    });
  }

  it('5.7.3 (generic) is auth-failed, with a fix that names the Microsoft causes', async () => {
    const finding = matchReply(AUTH_REPLIES, await reply('535 5.7.3 Authentication unsuccessful [X]'));
    assert.equal(finding.code, 'auth-failed');
    assert.match(finding.fix ?? '', /SMTP AUTH/);
  });

  const sendCases: Array<[string, string, RegExp]> = [
    ['554 5.7.1 <a@b.test>: Relay access denied', 'message-rejected', /relay/i],
    ['530 5.7.57 Client not authenticated to send mail.', 'message-rejected', /login/i],
    ['530-5.7.0 Authentication Required. Learn more at\r\n530 5.7.0  https://support.google.com/mail/?p=WantAuthError x - gsmtp', 'message-rejected', /login/i],
    ['554 Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: a@b.test', 'message-rejected', /verif/i],
    ['550 5.7.1 Unconfigured Sending Domain <localhost>', 'message-rejected', /domain/i],
    ['530 5.7.0 Must issue a STARTTLS command first.', 'starttls-required', /STARTTLS/],
  ];
  for (const [text, code, words] of sendCases) {
    it(`send reply ${text.slice(0, 40)}… → ${code}`, async () => {
      const finding = matchReply(SEND_REPLIES, await reply(text));
      assert.equal(finding.code, code);
      assert.match(makeDiagnosis(finding, { host: 'h', port: 1 }).summary + (finding.fix ?? ''), words);
    });
  }

  it('TLS errors: plain-text answers are told apart from real TLS failures', () => {
    assert.equal(classifyTlsError('wrong version number (ERR_SSL_WRONG_VERSION_NUMBER)').plaintextPeer, true);
    assert.equal(classifyTlsError('packet length too long').plaintextPeer, true);
    assert.equal(classifyTlsError('tlsv1 alert protocol version').plaintextPeer, false);
    assert.equal(classifyTlsError('tlsv1 alert protocol version (ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION)').code, 'tls-version-too-old');
    assert.equal(classifyTlsError('unsupported protocol (ERR_SSL_UNSUPPORTED_PROTOCOL)').code, 'tls-version-too-old');
    assert.equal(classifyTlsError('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED').code, 'client-certificate-required');
    // Other alerts are not blamed on the TLS version any more.
    assert.equal(classifyTlsError('tlsv1 alert internal error').code, undefined);
    assert.match(classifyTlsError('sslv3 alert handshake failure').summary, /cipher/);
  });

  it('certificate errors map to their codes', () => {
    assert.equal(classifyCertError('CERT_HAS_EXPIRED').code, 'certificate-expired');
    assert.equal(classifyCertError('DEPTH_ZERO_SELF_SIGNED_CERT').code, 'certificate-untrusted');
    assert.equal(classifyCertError('UNABLE_TO_VERIFY_LEAF_SIGNATURE').code, 'certificate-untrusted');
    assert.equal(classifyCertError('SOMETHING_NEW').code, 'certificate-untrusted');
  });

  it('recognises common non-SMTP peers', () => {
    assert.match(recognisePeer('HTTP/1.1 400 Bad Request') ?? '', /HTTP/);
    assert.match(recognisePeer('SSH-2.0-OpenSSH_9.6') ?? '', /SSH/);
    assert.match(recognisePeer('+OK Dovecot ready.') ?? '', /POP3/);
    assert.match(recognisePeer('* OK [CAPABILITY IMAP4rev1] ready') ?? '', /IMAP/);
    assert.match(recognisePeer('220 (vsFTPd 3.0.5) FTP server ready') ?? '', /FTP/);
    assert.equal(recognisePeer('220 mx.google.com ESMTP x - gsmtp'), null);
  });

  it('every code has words, and the words name the host and port where they should', () => {
    for (const [code, text] of Object.entries(DIAGNOSES)) {
      const d = makeDiagnosis({ code: code as keyof typeof DIAGNOSES }, { host: 'smtp.example.test', port: 587 });
      assert.ok(d.summary.length > 10 && d.fix.length > 5, code);
      assert.equal(typeof text.fix, 'function');
    }
    assert.match(makeDiagnosis({ code: 'connection-refused' }, { host: 'smtp.example.test', port: 587 }).summary, /smtp\.example\.test.*587/);
  });

  it('TLS advice is the framework profiles’ own (not Laravel’s ignored MAIL_ENCRYPTION)', () => {
    const fix = (code: 'implicit-tls-expected' | 'tls-not-expected' | 'starttls-required') => makeDiagnosis({ code }, { host: 'h', port: 587 }).fix;
    assert.ok(fix('implicit-tls-expected').includes(tlsAdvice('laravel', 'implicit')!));
    assert.ok(fix('implicit-tls-expected').includes(tlsAdvice('spring', 'implicit')!));
    assert.ok(fix('tls-not-expected').includes(tlsAdvice('django', 'starttls')!));
    assert.ok(fix('starttls-required').includes(tlsAdvice('nodemailer', 'starttls')!));
    for (const code of ['implicit-tls-expected', 'tls-not-expected', 'starttls-required'] as const) {
      assert.doesNotMatch(fix(code), /MAIL_ENCRYPTION|Spring mail\.smtp|undefined/);
    }
  });

  it('advice in the caller’s terms: the framework of the settings only, its own CA option, no hint it has no option for', () => {
    const editor = { profile: 'laravel' as const, caOption: 'the setting `smtpDoctor.probe.caFile`', insecureOption: null, portsOption: null, plaintextAuthOption: null };
    const fix = (code: keyof typeof DIAGNOSES) => makeDiagnosis({ code }, { host: 'h', port: 587, advice: editor }).fix;
    assert.ok(fix('tls-not-expected').includes(`${tlsAdvice('laravel', 'starttls')!}.`));
    assert.ok(fix('implicit-tls-expected').includes(`${tlsAdvice('laravel', 'implicit')!}.`));
    for (const code of ['implicit-tls-expected', 'tls-not-expected', 'starttls-required'] as const) {
      assert.doesNotMatch(fix(code), /nodemailer|Django|Spring|secure false|For example/, code);
    }
    assert.match(fix('certificate-untrusted'), /smtpDoctor\.probe\.caFile/);
    assert.doesNotMatch(fix('certificate-untrusted'), /--ca|insecure|option `ca`/);
    assert.doesNotMatch(fix('connection-timeout'), /--ports/);
    // The defaults are the CLI's words, unchanged.
    const cli = (code: keyof typeof DIAGNOSES) => makeDiagnosis({ code }, { host: 'h', port: 587 }).fix;
    assert.match(cli('certificate-untrusted'), /CLI `--ca FILE`.*\(`insecure`\)/);
    assert.match(cli('connection-timeout'), /`--ports 587,465,2525,25` checks several at once/);
  });

  it('host:port in the default words brackets an IPv6 address', () => {
    for (const code of Object.keys(DIAGNOSES) as Array<keyof typeof DIAGNOSES>) {
      const { summary, fix } = makeDiagnosis({ code }, { host: '2001:db8::25', port: 587 });
      assert.doesNotMatch(`${summary} ${fix}`, /[^[]2001:db8::25:587/, code);
    }
    assert.match(makeDiagnosis({ code: 'connection-timeout' }, { host: '2001:db8::25', port: 587 }).summary, /\[2001:db8::25\]:587/);
  });

  it('the README lists every diagnosis code of the CLI’s JSON', () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../../../README.md'), 'utf8');
    const line = /^Diagnosis codes: (.*)$/m.exec(readme);
    assert.ok(line, 'a “Diagnosis codes:” line in README.md');
    const listed = [...line[1].matchAll(/`([a-z-]+)`/g)].map((m) => m[1]);
    assert.deepEqual([...listed].sort(), Object.keys(DIAGNOSES).sort());
  });

  it('auto means implicit TLS on 465/2465 and STARTTLS elsewhere', () => {
    assert.equal(resolveTlsMode('auto', 465), 'implicit');
    assert.equal(resolveTlsMode('auto', 2465), 'implicit');
    assert.equal(resolveTlsMode('auto', 587), 'starttls');
    assert.equal(resolveTlsMode('auto', 25), 'starttls');
    assert.equal(resolveTlsMode('none', 465), 'none');
  });

  it('parses capabilities, including the old AUTH= form', async () => {
    const caps = parseCapabilities(
      await reply('250-mx.test\r\n250-SIZE 35882577\r\n250-8BITMIME\r\n250-AUTH=LOGIN PLAIN\r\n250-AUTH LOGIN PLAIN XOAUTH2\r\n250-ENHANCEDSTATUSCODES\r\n250-PIPELINING\r\n250-SMTPUTF8\r\n250 STARTTLS\r\n'),
    );
    assert.deepEqual(caps.authMechanisms, ['LOGIN', 'PLAIN', 'XOAUTH2']);
    assert.equal(caps.size, 35882577);
    assert.ok(caps.starttls && caps.eightBitMime && caps.pipelining && caps.smtpUtf8 && caps.enhancedStatusCodes);
  });

  it('masks secrets and their base64 forms, also inside longer text', () => {
    const m = new Masker();
    m.add('s3cret-pass');
    m.add('\0bob\0s3cret-pass');
    const b64 = Buffer.from('\0bob\0s3cret-pass').toString('base64');
    const out = m.mask(`535 bad ${b64} and s3cret-pass and ${Buffer.from('s3cret-pass').toString('base64')}`);
    assert.ok(!out.includes('s3cret-pass') && !out.includes(b64) && !out.includes(Buffer.from('s3cret-pass').toString('base64')), out);
    assert.deepEqual(m.maskDeep({ a: ['x s3cret-pass'], n: 1 }), { a: ['x ********'], n: 1 });
  });
});
