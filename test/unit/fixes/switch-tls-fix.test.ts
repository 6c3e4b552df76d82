// switchTlsFix: the fix the editor's probe report applies ("Apply fix") when a live test found that the port
// speaks another TLS mode than the settings use.
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/engine/analyze';
import { applyEdits, fixesFor, switchTlsFix } from '../../../src/engine/fixes';

describe('switchTlsFix (the probe report’s "Apply fix")', () => {
  it('is the editor’s own quick fix when a finding of the group already says so', () => {
    const text = 'SMTP_HOST=127.0.0.1\nSMTP_PORT=587\nSMTP_SECURE=true\n';
    const finding = analyzeText('.env', text).findings.find((item) => item.ruleId === 'implicit-tls-on-starttls-port');
    assert.ok(finding);
    const quickFix = fixesFor('.env', text, finding).find((fix) => fix.preferred);
    assert.deepEqual(switchTlsFix('.env', text, 0, 'starttls'), quickFix);
  });

  it('switches a group on a port no rule knows, in the framework’s own keys, verified by re-analysis', () => {
    const text = 'MAIL_MAILER=smtp\nMAIL_HOST=mail.example.com\nMAIL_PORT=2526\nMAIL_SCHEME=smtps\n';
    assert.deepEqual(analyzeText('.env', text).findings, [], 'no static finding: only the live test knows');
    const fix = switchTlsFix('.env', text, 0, 'starttls');
    assert.ok(fix);
    assert.equal(fix.title, 'Switch to STARTTLS on port 2526');
    const fixed = applyEdits(text, fix.edits);
    assert.equal(fixed, 'MAIL_MAILER=smtp\nMAIL_HOST=mail.example.com\nMAIL_PORT=2526\nMAIL_SCHEME=smtp\n');
    assert.equal(analyzeText('.env', fixed).groups[0].tls.mode.startsWith('starttls'), true);
  });

  it('adds the framework’s key for implicit TLS where it is absent (Spring: ssl.enable)', () => {
    const text = 'spring:\n  mail:\n    host: smtp.example.com\n    port: 4650\n';
    const fix = switchTlsFix('application.yml', text, 0, 'implicit');
    assert.ok(fix);
    const fixed = applyEdits(text, fix.edits);
    assert.match(fixed, /ssl:\n {12}enable: true\n$/);
    assert.equal(analyzeText('application.yml', fixed).groups[0].tls.mode, 'implicit');
  });

  it('offers nothing when the group already uses that mode, or there is no such group', () => {
    const text = 'MAIL_MAILER=smtp\nMAIL_HOST=mail.example.com\nMAIL_PORT=2526\nMAIL_SCHEME=smtps\n';
    assert.equal(switchTlsFix('.env', text, 0, 'implicit'), undefined);
    assert.equal(switchTlsFix('.env', text, 3, 'starttls'), undefined);
  });

  it('offers nothing for a framework that cannot do implicit TLS (System.Net.Mail)', () => {
    const text = '{ "Smtp": { "Host": "mail.example.com", "Port": 4650, "EnableSsl": true } }';
    assert.equal(analyzeText('appsettings.json', text).groups[0].profile.id, 'system-net-mail');
    assert.equal(switchTlsFix('appsettings.json', text, 0, 'implicit'), undefined);
  });
});
