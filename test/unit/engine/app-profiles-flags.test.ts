// App profiles whose flags do not read as their names say (src/engine/profiles/{dify,baserow,netbox}.ts cite the
// source): one flag that changes what another means (Dify), flags that any non-empty value turns on (Baserow), and
// NetBox's EMAIL dict, Django's flags under NetBox's own names in configuration.py; Mailman 3's [mta] section.
import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../src/engine/analyze';
import { applyEdits, fixesFor } from '../../../src/engine/fixes';
import { LineIndex } from '../../../src/engine/text';

interface Case {
  name: string;
  file: string;
  text: string;
  profile?: string;
  expect: string[];
}

const DIFY = 'MAIL_TYPE=smtp\nSMTP_SERVER=smtp.example.com\n';

const BASEROW = 'EMAIL_SMTP=true\nEMAIL_SMTP_HOST=smtp.example.com\n';

const PLAY_SMTP = 'smtp.host = smtp.mailgun.org\nsmtp.port = 587\nsmtp.mock = false\nsmtp.user = "me@gmail.com"\nsmtp.password = "hunter22"\n';

const CASES: Case[] = [
  // Dify: SMTP_USE_TLS alone is smtplib.SMTP_SSL; with SMTP_OPPORTUNISTIC_TLS=true it is SMTP + starttls().
  { name: 'Dify SMTP_USE_TLS alone on 465 is implicit TLS, right', file: '.env', profile: 'dify', text: `${DIFY}SMTP_PORT=465\nSMTP_USERNAME=me\nSMTP_PASSWORD=x\nSMTP_USE_TLS=true\nSMTP_OPPORTUNISTIC_TLS=false\n`, expect: [] },
  { name: 'Dify SMTP_USE_TLS alone on 587 is implicit TLS on a STARTTLS port', file: '.env', profile: 'dify', text: `${DIFY}SMTP_PORT=587\nSMTP_USE_TLS=true\nSMTP_OPPORTUNISTIC_TLS=false\n`, expect: ['implicit-tls-on-starttls-port@4'] },
  { name: 'Dify SMTP_OPPORTUNISTIC_TLS=true makes SMTP_USE_TLS STARTTLS: right on 587', file: '.env', profile: 'dify', text: `${DIFY}SMTP_PORT=587\nSMTP_USERNAME=me\nSMTP_PASSWORD=x\nSMTP_USE_TLS=true\nSMTP_OPPORTUNISTIC_TLS=true\n`, expect: [] },
  { name: 'Dify SMTP_OPPORTUNISTIC_TLS=true on 465: the finding sits on the flag that changed the mode', file: '.env', profile: 'dify', text: `${DIFY}SMTP_PORT=465\nSMTP_USE_TLS=true\nSMTP_OPPORTUNISTIC_TLS=true\n`, expect: ['plaintext-on-implicit-tls-port@5'] },
  { name: 'Dify without a port connects to 465 (its default) with implicit TLS', file: '.env', profile: 'dify', text: `${DIFY}SMTP_USE_TLS=true\nSMTP_OPPORTUNISTIC_TLS=false\n`, expect: [] },
  { name: 'Dify SMTP_USE_TLS=false with a password', file: '.env', profile: 'dify', text: `${DIFY}SMTP_PORT=587\nSMTP_USERNAME=me\nSMTP_PASSWORD=x\nSMTP_USE_TLS=false\nSMTP_OPPORTUNISTIC_TLS=false\n`, expect: ['cleartext-auth@6'] },
  { name: 'Dify with an unresolved SMTP_OPPORTUNISTIC_TLS says nothing of the mode', file: 'docker-compose.yaml', profile: 'dify', text: 'x-shared-env: &shared-api-worker-env\n  MAIL_TYPE: smtp\n  SMTP_SERVER: smtp.example.com\n  SMTP_PORT: 587\n  SMTP_USE_TLS: "true"\n  SMTP_OPPORTUNISTIC_TLS: ${DIFY_STARTTLS}\n', expect: [] },
  { name: 'Dify SMTP settings with MAIL_TYPE=resend are not used', file: '.env', profile: 'dify', text: 'MAIL_TYPE=resend\nSMTP_SERVER=smtp.example.com\nSMTP_PORT=587\nSMTP_USE_TLS=true\nSMTP_OPPORTUNISTIC_TLS=false\n', expect: [] },
  { name: 'SMTP_SERVER and SMTP_USE_TLS without SMTP_OPPORTUNISTIC_TLS are not taken for Dify', file: '.env', text: 'SMTP_SERVER=smtp.example.com\nSMTP_PORT=587\nSMTP_USE_TLS=true\n', expect: [] },
  // Baserow: bool(os.getenv(...)): any non-empty value is on; EMAIL_SMTP (any non-empty value) selects SMTP.
  { name: 'Baserow EMAIL_SMTP_USE_TLS=true on 587 is right', file: '.env', profile: 'baserow', text: `${BASEROW}EMAIL_SMTP_PORT=587\nEMAIL_SMTP_USER=me\nEMAIL_SMTP_PASSWORD=x\nEMAIL_SMTP_USE_TLS=true\n`, expect: [] },
  { name: 'Baserow EMAIL_SMTP_USE_TLS=false is still STARTTLS: on 465', file: '.env', profile: 'baserow', text: `${BASEROW}EMAIL_SMTP_PORT=465\nEMAIL_SMTP_USE_TLS=false\n`, expect: ['plaintext-on-implicit-tls-port@4'] },
  { name: 'Baserow EMAIL_SMTP_USE_TLS=false with a password is encrypted', file: '.env', profile: 'baserow', text: `${BASEROW}EMAIL_SMTP_PORT=587\nEMAIL_SMTP_USER=me\nEMAIL_SMTP_PASSWORD=x\nEMAIL_SMTP_USE_TLS=false\n`, expect: [] },
  { name: 'Baserow empty EMAIL_SMTP_USE_TLS with a password is cleartext', file: '.env', profile: 'baserow', text: `${BASEROW}EMAIL_SMTP_PORT=587\nEMAIL_SMTP_USER=me\nEMAIL_SMTP_PASSWORD=x\nEMAIL_SMTP_USE_TLS=\n`, expect: ['cleartext-auth@6'] },
  { name: 'Baserow USE_TLS "False" beside USE_SSL "True" is both on', file: 'docker-compose.yml', profile: 'baserow', text: 'services:\n  baserow:\n    environment:\n      EMAIL_SMTP: "True"\n      EMAIL_SMTP_HOST: smtp.example.com\n      EMAIL_SMTP_PORT: 465\n      EMAIL_SMTP_USE_TLS: "False"\n      EMAIL_SMTP_USE_SSL: "True"\n', expect: ['conflicting-tls-flags@7'] },
  { name: 'Baserow EMAIL_SMTP_USE_SSL on 465 is right', file: '.env', profile: 'baserow', text: `${BASEROW}EMAIL_SMTP_PORT=465\nEMAIL_SMTP_USE_SSL=1\nEMAIL_SMTP_PASSWORD=x\n`, expect: [] },
  { name: 'Baserow with an empty EMAIL_SMTP uses the console backend', file: '.env', profile: 'baserow', text: 'EMAIL_SMTP=\nEMAIL_SMTP_HOST=smtp.example.com\nEMAIL_SMTP_PORT=465\nEMAIL_SMTP_USE_TLS=true\n', expect: [] },
  // NetBox: EMAIL = {'SERVER', 'PORT', 'USE_SSL', 'USE_TLS'} in configuration.py, or netbox-docker's EMAIL_* variables.
  { name: 'NetBox EMAIL USE_TLS on 465', file: 'netbox/netbox/configuration.py', profile: 'netbox', text: "EMAIL = {\n    'SERVER': 'smtp.example.com',\n    'PORT': 465,\n    'USE_SSL': False,\n    'USE_TLS': True,\n}\n", expect: ['plaintext-on-implicit-tls-port@5'] },
  { name: 'NetBox EMAIL USE_SSL on 465 is right', file: 'netbox/netbox/configuration.py', profile: 'netbox', text: "EMAIL = {\n    'SERVER': 'smtp.example.com',\n    'PORT': 465,\n    'USERNAME': 'me',\n    'PASSWORD': 'x',\n    'USE_SSL': True,\n    'USE_TLS': False,\n}\n", expect: [] },
  { name: 'NetBox without TLS sends the password in clear', file: 'netbox/netbox/configuration.py', profile: 'netbox', text: "EMAIL = {\n    'SERVER': 'smtp.example.com',\n    'PORT': 587,\n    'USERNAME': 'me',\n    'PASSWORD': 'x',\n    'USE_SSL': False,\n    'USE_TLS': False,\n}\n", expect: ['cleartext-auth@7'] },
  { name: 'netbox-docker EMAIL_SERVER variables on 587 with EMAIL_USE_TLS', file: 'env/netbox.env', profile: 'netbox', text: 'EMAIL_SERVER=smtp.example.com\nEMAIL_PORT=587\nEMAIL_USERNAME=me\nEMAIL_PASSWORD=x\nEMAIL_USE_SSL=false\nEMAIL_USE_TLS=true\n', expect: [] },
  { name: "Django's EMAIL_HOST stays Django's", file: '.env', profile: 'django', text: 'EMAIL_HOST=smtp.example.com\nEMAIL_PORT=465\nEMAIL_USE_TLS=True\n', expect: ['plaintext-on-implicit-tls-port@3'] },
  // Mailman 3 [mta]: smtp_secure_mode smtp (default) | smtps | starttls.
  { name: 'Mailman on 465 without smtp_secure_mode: plaintext', file: 'mailman.cfg', profile: 'mailman', text: '[mta]\noutgoing: mailman.mta.deliver.deliver\nsmtp_host: smtp.example.com\nsmtp_port: 465\n', expect: ['plaintext-on-implicit-tls-port@4'] },
  { name: 'Mailman smtps on 465 is right', file: 'mailman.cfg', profile: 'mailman', text: '[mta]\noutgoing: mailman.mta.deliver.deliver\nsmtp_host: smtp.example.com\nsmtp_port: 465\nsmtp_user: me\nsmtp_pass: x\nsmtp_secure_mode: smtps\n', expect: [] },
  { name: 'Mailman smtps on 587', file: 'mailman.cfg', profile: 'mailman', text: '[mta]\nsmtp_host: smtp.example.com\nsmtp_port: 587\nsmtp_secure_mode: SMTPS\n', expect: ['implicit-tls-on-starttls-port@4'] },
  // Play's smtp.* mailer plugins (typesafehub play-plugins, schleichardt Play-2-Mailplugin): ssl is implicit TLS under both,
  // tls is STARTTLS under one and unread by the other, smtp.mock defaults differ (false / true).
  { name: 'Play smtp.* with no TLS key on 587 and mock = false: the password in plain text', file: 'conf/application.conf', profile: 'play-smtp', text: PLAY_SMTP, expect: ['cleartext-auth@5'] },
  { name: 'Play smtp.* with tls = true: STARTTLS under one plugin, nothing under the other (not judged)', file: 'conf/application.conf', profile: 'play-smtp', text: `${PLAY_SMTP}smtp.tls = true\n`, expect: [] },
  { name: 'Play smtp.* with ssl = true on 587', file: 'conf/application.conf', profile: 'play-smtp', text: `${PLAY_SMTP}smtp.ssl = true\n`, expect: ['implicit-tls-on-starttls-port@6'] },
  { name: 'Play smtp.* with ssl = true on 465 is right', file: 'conf/application.conf', profile: 'play-smtp', text: `${PLAY_SMTP.replace('587', '465')}smtp.ssl = yes\n`, expect: [] },
  { name: 'Play smtp.* with mock = true sends nothing', file: 'conf/application.conf', text: PLAY_SMTP.replace('mock = false', 'mock = true'), expect: [] },
  { name: 'Mailman starttls with a password on 587 is right', file: 'mailman.cfg', profile: 'mailman', text: '[mta]\nsmtp_host: smtp.example.com\nsmtp_port: 587\nsmtp_user: me\nsmtp_pass: x\nsmtp_secure_mode: starttls\n', expect: [] },
  { name: 'an [mta] section without Mailman\'s own keys is not Mailman', file: 'app.cfg', text: '[mta]\nsmtp_host: smtp.example.com\nsmtp_port: 465\n', expect: [] },
  { name: 'EMAIL_SMTP_* without EMAIL_SMTP are not taken for Baserow', file: '.env', text: 'EMAIL_SMTP_HOST=smtp.example.com\nEMAIL_SMTP_PORT=465\nEMAIL_SMTP_USE_TLS=false\n', expect: [] },
];

describe('app profiles whose flags do not read as their names say (Dify, Baserow, NetBox, Mailman, Play smtp.*)', () => {
  for (const c of CASES) {
    it(`${c.name}: ${c.expect.length ? c.expect.join(', ') : 'silent'}`, () => {
      const analysis = analyzeText(c.file, c.text);
      const lines = new LineIndex(c.text);
      const actual = analysis.findings.map((f) => `${f.ruleId}@${lines.positionAt(f.range.start).line + 1}`);
      assert.deepEqual(actual.sort(), [...c.expect].sort(), analysis.findings.map((f) => f.message).join('\n'));
      if (c.profile) assert.deepEqual(analysis.groups.map((group) => group.profile.id).filter((id) => id === c.profile), [c.profile]);
      else assert.ok(!analysis.groups.some((group) => ['dify', 'baserow', 'netbox', 'mailman', 'play-smtp'].includes(group.profile.id) && group.active), 'not one of these apps, or not sending');
      it('Baserow: implicit TLS empties EMAIL_SMTP_USE_TLS rather than writing false, which Baserow reads as on', () => {
    const text = `${BASEROW}EMAIL_SMTP_PORT=465\nEMAIL_SMTP_USE_TLS=false\n`;
    assert.equal(fixed('.env', text, 'Turn on implicit TLS'), `${BASEROW}EMAIL_SMTP_PORT=465\nEMAIL_SMTP_USE_TLS=""\nEMAIL_SMTP_USE_SSL=true\n`);
  });
  it('Baserow: STARTTLS on 587 writes EMAIL_SMTP_USE_TLS=true over the misleading false', () => {
    const text = `${BASEROW}EMAIL_SMTP_PORT=465\nEMAIL_SMTP_USE_TLS=false\n`;
    assert.equal(fixed('.env', text, 'Switch to port 587 with STARTTLS'), `${BASEROW}EMAIL_SMTP_PORT=587\nEMAIL_SMTP_USE_TLS=true\n`);
  });
});
  }

  const fixed = (file: string, text: string, title: string): string => {
    const finding = analyzeText(file, text).findings[0];
    const fix = fixesFor(file, text, finding).find((candidate) => candidate.title === title);
    assert.ok(fix, `a fix "${title}"`);
    return applyEdits(text, fix.edits);
  };
  it('Dify: STARTTLS on 587 turns SMTP_OPPORTUNISTIC_TLS on and keeps SMTP_USE_TLS', () => {
    const text = `${DIFY}SMTP_PORT=587\nSMTP_USE_TLS=true\nSMTP_OPPORTUNISTIC_TLS=false\n`;
    assert.equal(fixed('.env', text, 'Switch to STARTTLS on port 587'), `${DIFY}SMTP_PORT=587\nSMTP_USE_TLS=true\nSMTP_OPPORTUNISTIC_TLS=true\n`);
    it('Baserow: implicit TLS empties EMAIL_SMTP_USE_TLS rather than writing false, which Baserow reads as on', () => {
    const text = `${BASEROW}EMAIL_SMTP_PORT=465\nEMAIL_SMTP_USE_TLS=false\n`;
    assert.equal(fixed('.env', text, 'Turn on implicit TLS'), `${BASEROW}EMAIL_SMTP_PORT=465\nEMAIL_SMTP_USE_TLS=""\nEMAIL_SMTP_USE_SSL=true\n`);
  });
  it('Baserow: STARTTLS on 587 writes EMAIL_SMTP_USE_TLS=true over the misleading false', () => {
    const text = `${BASEROW}EMAIL_SMTP_PORT=465\nEMAIL_SMTP_USE_TLS=false\n`;
    assert.equal(fixed('.env', text, 'Switch to port 587 with STARTTLS'), `${BASEROW}EMAIL_SMTP_PORT=587\nEMAIL_SMTP_USE_TLS=true\n`);
  });
});
  it('Dify: implicit TLS on 465 turns SMTP_OPPORTUNISTIC_TLS off', () => {
    const text = `${DIFY}SMTP_PORT=465\nSMTP_USE_TLS=true\nSMTP_OPPORTUNISTIC_TLS=true\n`;
    assert.equal(fixed('.env', text, 'Turn on implicit TLS'), `${DIFY}SMTP_PORT=465\nSMTP_USE_TLS=true\nSMTP_OPPORTUNISTIC_TLS=false\n`);
    it('Baserow: implicit TLS empties EMAIL_SMTP_USE_TLS rather than writing false, which Baserow reads as on', () => {
    const text = `${BASEROW}EMAIL_SMTP_PORT=465\nEMAIL_SMTP_USE_TLS=false\n`;
    assert.equal(fixed('.env', text, 'Turn on implicit TLS'), `${BASEROW}EMAIL_SMTP_PORT=465\nEMAIL_SMTP_USE_TLS=""\nEMAIL_SMTP_USE_SSL=true\n`);
  });
  it('Baserow: STARTTLS on 587 writes EMAIL_SMTP_USE_TLS=true over the misleading false', () => {
    const text = `${BASEROW}EMAIL_SMTP_PORT=465\nEMAIL_SMTP_USE_TLS=false\n`;
    assert.equal(fixed('.env', text, 'Switch to port 587 with STARTTLS'), `${BASEROW}EMAIL_SMTP_PORT=587\nEMAIL_SMTP_USE_TLS=true\n`);
  });
});
  it('Dify: STARTTLS for a password sent in clear turns both flags on', () => {
    const text = `${DIFY}SMTP_PORT=587\nSMTP_USERNAME=me\nSMTP_PASSWORD=x\nSMTP_USE_TLS=false\nSMTP_OPPORTUNISTIC_TLS=false\n`;
    assert.equal(fixed('.env', text, 'Turn on STARTTLS'), `${DIFY}SMTP_PORT=587\nSMTP_USERNAME=me\nSMTP_PASSWORD=x\nSMTP_USE_TLS=true\nSMTP_OPPORTUNISTIC_TLS=true\n`);
    it('Baserow: implicit TLS empties EMAIL_SMTP_USE_TLS rather than writing false, which Baserow reads as on', () => {
    const text = `${BASEROW}EMAIL_SMTP_PORT=465\nEMAIL_SMTP_USE_TLS=false\n`;
    assert.equal(fixed('.env', text, 'Turn on implicit TLS'), `${BASEROW}EMAIL_SMTP_PORT=465\nEMAIL_SMTP_USE_TLS=""\nEMAIL_SMTP_USE_SSL=true\n`);
  });
  it('Baserow: STARTTLS on 587 writes EMAIL_SMTP_USE_TLS=true over the misleading false', () => {
    const text = `${BASEROW}EMAIL_SMTP_PORT=465\nEMAIL_SMTP_USE_TLS=false\n`;
    assert.equal(fixed('.env', text, 'Switch to port 587 with STARTTLS'), `${BASEROW}EMAIL_SMTP_PORT=587\nEMAIL_SMTP_USE_TLS=true\n`);
  });
});
  it('Baserow: implicit TLS empties EMAIL_SMTP_USE_TLS rather than writing false, which Baserow reads as on', () => {
    const text = `${BASEROW}EMAIL_SMTP_PORT=465\nEMAIL_SMTP_USE_TLS=false\n`;
    assert.equal(fixed('.env', text, 'Turn on implicit TLS'), `${BASEROW}EMAIL_SMTP_PORT=465\nEMAIL_SMTP_USE_TLS=""\nEMAIL_SMTP_USE_SSL=true\n`);
  });
  it('Baserow: STARTTLS on 587 writes EMAIL_SMTP_USE_TLS=true over the misleading false', () => {
    const text = `${BASEROW}EMAIL_SMTP_PORT=465\nEMAIL_SMTP_USE_TLS=false\n`;
    assert.equal(fixed('.env', text, 'Switch to port 587 with STARTTLS'), `${BASEROW}EMAIL_SMTP_PORT=587\nEMAIL_SMTP_USE_TLS=true\n`);
  });
});
