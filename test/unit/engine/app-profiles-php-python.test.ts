// App profiles read from each app's source (src/engine/profiles/{healthchecks,kanboard,mealie,odoo,passbolt,pretix,roundcube,sentry,weblate}.ts
// cite it): their own defaults, their own words, and the apps they must not be mistaken for.
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

const CASES: Case[] = [
  // Healthchecks: EMAIL_USE_TLS defaults to True and EMAIL_PORT to 587 (hc/settings.py).
  { name: 'Healthchecks without a port or TLS flag: STARTTLS on 587', file: '.env', profile: 'healthchecks', text: 'EMAIL_HOST=smtp.example.com\nEMAIL_HOST_USER=me\nEMAIL_HOST_PASSWORD=x\nEMAIL_USE_VERIFICATION=True\n', expect: [] },
  { name: 'Healthchecks on 465 keeps its default STARTTLS', file: '.env', profile: 'healthchecks', text: 'EMAIL_HOST=smtp.example.com\nEMAIL_PORT=465\nEMAIL_USE_VERIFICATION=True\n', expect: ['plaintext-on-implicit-tls-port@2'] },
  { name: 'Healthchecks EMAIL_USE_TLS=False on 587 sends the password in clear', file: '.env', profile: 'healthchecks', text: 'EMAIL_HOST=smtp.example.com\nEMAIL_HOST_USER=me\nEMAIL_HOST_PASSWORD=x\nEMAIL_USE_TLS=False\nEMAIL_USE_VERIFICATION=True\n', expect: ['cleartext-auth@4'] },
  { name: 'without Healthchecks\' own keys, EMAIL_* stays Django\'s (no TLS by default)', file: '.env', profile: 'django', text: 'EMAIL_HOST=smtp.example.com\nEMAIL_PORT=587\nEMAIL_HOST_USER=me\nEMAIL_HOST_PASSWORD=x\n', expect: ['cleartext-auth@4'] },
  // Mealie: SMTP_AUTH_STRATEGY TLS (default) | SSL | NONE; port 587 by default.
  { name: 'Mealie SSL strategy on 587', file: '.env', profile: 'mealie', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\nSMTP_AUTH_STRATEGY=SSL\n', expect: ['implicit-tls-on-starttls-port@3'] },
  { name: 'Mealie default TLS strategy on 465', file: '.env', profile: 'mealie', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=465\nSMTP_AUTH_STRATEGY=TLS\nSMTP_FROM_EMAIL=a@example.com\n', expect: ['plaintext-on-implicit-tls-port@3'] },
  { name: 'Mealie SSL on 465 is right', file: '.env', profile: 'mealie', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=465\nSMTP_AUTH_STRATEGY=SSL\nSMTP_USER=me\nSMTP_PASSWORD=x\n', expect: [] },
  { name: 'Mealie NONE with a password to a remote host', file: '.env', profile: 'mealie', text: 'SMTP_HOST=smtp.example.com\nSMTP_AUTH_STRATEGY=NONE\nSMTP_USER=me\nSMTP_PASSWORD=x\n', expect: ['cleartext-auth@2'] },
  // Sentry: mail.use-tls / mail.use-ssl, Django's pair; port 25 by default.
  { name: 'Sentry mail.use-tls on 465', file: 'sentry/config.yml', profile: 'sentry', text: "mail.backend: 'smtp'\nmail.host: 'smtp.example.com'\nmail.port: 465\nmail.username: 'me'\nmail.password: 'x'\nmail.use-tls: true\n", expect: ['plaintext-on-implicit-tls-port@6'] },
  { name: 'Sentry mail.use-ssl on 465 is right', file: 'sentry/config.yml', profile: 'sentry', text: "mail.backend: 'smtp'\nmail.host: 'smtp.example.com'\nmail.port: 465\nmail.use-ssl: true\n", expect: [] },
  { name: 'Sentry with both flags on', file: 'sentry/config.yml', profile: 'sentry', text: "mail.backend: 'smtp'\nmail.host: 'smtp.example.com'\nmail.port: 587\nmail.use-tls: true\nmail.use-ssl: true\n", expect: ['conflicting-tls-flags@4'] },
  { name: 'a dummy Sentry backend is not judged', file: 'sentry/config.yml', profile: 'sentry', text: "mail.backend: 'dummy'\nmail.host: 'smtp.example.com'\nmail.port: 465\nmail.use-tls: true\n", expect: [] },
  // Kanboard: MAIL_SMTP_ENCRYPTION null | 'ssl' | 'tls', only with MAIL_TRANSPORT 'smtp'.
  { name: "Kanboard 'tls' on 465", file: 'config.php', profile: 'kanboard', text: "<?php\ndefine('MAIL_TRANSPORT', 'smtp');\ndefine('MAIL_SMTP_HOSTNAME', 'smtp.example.com');\ndefine('MAIL_SMTP_PORT', 465);\ndefine('MAIL_SMTP_ENCRYPTION', 'tls');\n", expect: ['plaintext-on-implicit-tls-port@5'] },
  { name: "Kanboard 'ssl' on 465 is right", file: 'config.php', profile: 'kanboard', text: "<?php\ndefine('MAIL_TRANSPORT', 'smtp');\ndefine('MAIL_SMTP_HOSTNAME', 'smtp.example.com');\ndefine('MAIL_SMTP_PORT', 465);\ndefine('MAIL_SMTP_ENCRYPTION', 'ssl');\n", expect: [] },
  { name: 'Kanboard without encryption on 465: plaintext', file: '.env', profile: 'kanboard', text: 'MAIL_TRANSPORT=smtp\nMAIL_SMTP_HOSTNAME=smtp.example.com\nMAIL_SMTP_PORT=465\n', expect: ['plaintext-on-implicit-tls-port@3'] },
  { name: 'Kanboard SMTP settings with the mail() transport are not used', file: 'config.php', profile: 'kanboard', text: "<?php\ndefine('MAIL_TRANSPORT', 'mail');\ndefine('MAIL_SMTP_HOSTNAME', 'smtp.example.com');\ndefine('MAIL_SMTP_PORT', 465);\n", expect: [] },
  // Passbolt: EMAIL_TRANSPORT_DEFAULT_TLS true is STARTTLS (CakePHP); without it the ssl:// host form is not read.
  { name: 'Passbolt TLS on 465', file: 'docker-compose.yml', profile: 'passbolt', text: 'services:\n  passbolt:\n    environment:\n      EMAIL_TRANSPORT_DEFAULT_HOST: smtp.example.com\n      EMAIL_TRANSPORT_DEFAULT_PORT: 465\n      EMAIL_TRANSPORT_DEFAULT_TLS: "true"\n', expect: ['plaintext-on-implicit-tls-port@6'] },
  { name: 'Passbolt ssl:// host on 465 is implicit TLS, a host CakePHP reads', file: 'docker-compose.yml', profile: 'passbolt', text: 'services:\n  passbolt:\n    environment:\n      EMAIL_TRANSPORT_DEFAULT_HOST: ssl://smtp.example.com\n      EMAIL_TRANSPORT_DEFAULT_PORT: 465\n      EMAIL_TRANSPORT_DEFAULT_TLS: "false"\n', expect: [] },
  { name: 'Passbolt ssl:// host on 587', file: '.env', profile: 'passbolt', text: 'EMAIL_TRANSPORT_DEFAULT_HOST=ssl://smtp.example.com\nEMAIL_TRANSPORT_DEFAULT_PORT=587\n', expect: ['implicit-tls-on-starttls-port@1'] },
  { name: 'Passbolt without TLS on 465: plaintext', file: '.env', profile: 'passbolt', text: 'EMAIL_TRANSPORT_DEFAULT_HOST=smtp.example.com\nEMAIL_TRANSPORT_DEFAULT_PORT=465\n', expect: ['plaintext-on-implicit-tls-port@2'] },
  { name: 'Passbolt TLS on 587 is right', file: '.env', profile: 'passbolt', text: 'EMAIL_TRANSPORT_DEFAULT_HOST=smtp.example.com\nEMAIL_TRANSPORT_DEFAULT_PORT=587\nEMAIL_TRANSPORT_DEFAULT_TLS=true\nEMAIL_TRANSPORT_DEFAULT_USERNAME=me\nEMAIL_TRANSPORT_DEFAULT_PASSWORD=x\n', expect: [] },
  // Odoo odoo.conf: smtp_ssl is STARTTLS (since 7.0); implicit TLS only from a mail server record.
  { name: 'Odoo smtp_ssl on 465 is STARTTLS', file: 'odoo.conf', profile: 'odoo', text: '[options]\naddons_path = /mnt/extra-addons\nsmtp_server = smtp.example.com\nsmtp_port = 465\nsmtp_ssl = True\n', expect: ['plaintext-on-implicit-tls-port@5'] },
  { name: 'Odoo smtp_ssl on 587 is right', file: 'odoo.conf', profile: 'odoo', text: '[options]\naddons_path = /mnt/extra-addons\nsmtp_server = smtp.example.com\nsmtp_port = 587\nsmtp_ssl = True\nsmtp_user = me\nsmtp_password = x\n', expect: [] },
  { name: 'Odoo without smtp_ssl sends the password in clear', file: 'odoo.conf', profile: 'odoo', text: '[options]\naddons_path = /mnt/extra-addons\nsmtp_server = smtp.example.com\nsmtp_port = 587\nsmtp_user = me\nsmtp_password = x\n', expect: ['cleartext-auth@6'] },
  { name: 'Odoo False credentials are unset', file: 'odoo.conf', profile: 'odoo', text: '[options]\ndb_host = db\nsmtp_server = smtp.example.com\nsmtp_port = 587\nsmtp_user = False\nsmtp_password = False\nsmtp_ssl = False\n', expect: [] },
  { name: 'an [options] section of another program is not Odoo', file: 'settings.ini', text: '[options]\nsmtp_server = smtp.example.com\nsmtp_port = 465\nsmtp_ssl = True\n', expect: [] },
  // Roundcube image: the scheme of ROUNDCUBEMAIL_SMTP_SERVER decides (tls:// STARTTLS, ssl:// implicit, none: plaintext).
  { name: 'Roundcube tls:// on the default 587 is right', file: '.env', profile: 'roundcube', text: 'ROUNDCUBEMAIL_SMTP_SERVER=tls://smtp.example.com\n', expect: [] },
  { name: 'Roundcube ssl:// on the default 587', file: '.env', profile: 'roundcube', text: 'ROUNDCUBEMAIL_SMTP_SERVER=ssl://smtp.example.com\n', expect: ['implicit-tls-on-starttls-port@1'] },
  { name: 'Roundcube ssl:// on 465 is right', file: '.env', profile: 'roundcube', text: 'ROUNDCUBEMAIL_SMTP_SERVER=ssl://smtp.example.com\nROUNDCUBEMAIL_SMTP_PORT=465\n', expect: [] },
  { name: 'Roundcube without a scheme on 465: plaintext', file: '.env', profile: 'roundcube', text: 'ROUNDCUBEMAIL_SMTP_SERVER=smtp.example.com\nROUNDCUBEMAIL_SMTP_PORT=465\n', expect: ['plaintext-on-implicit-tls-port@2'] },
  // Weblate image: STARTTLS on 25/587 and implicit TLS on 465 when no flag is written; USE_TLS defaults to not USE_SSL.
  { name: 'Weblate on 587 without flags: STARTTLS', file: 'docker-compose.yml', profile: 'weblate', text: 'services:\n  weblate:\n    environment:\n      WEBLATE_EMAIL_HOST: smtp.example.com\n      WEBLATE_EMAIL_PORT: 587\n      WEBLATE_EMAIL_HOST_USER: me\n      WEBLATE_EMAIL_HOST_PASSWORD: x\n', expect: [] },
  { name: 'Weblate on 465 without flags: implicit TLS', file: '.env', profile: 'weblate', text: 'WEBLATE_EMAIL_HOST=smtp.example.com\nWEBLATE_EMAIL_PORT=465\nWEBLATE_EMAIL_HOST_PASSWORD=x\n', expect: [] },
  { name: 'Weblate USE_SSL=false on 465: USE_TLS defaults to true', file: '.env', profile: 'weblate', text: 'WEBLATE_EMAIL_HOST=smtp.example.com\nWEBLATE_EMAIL_PORT=465\nWEBLATE_EMAIL_USE_SSL=false\n', expect: ['plaintext-on-implicit-tls-port@3'] },
  { name: 'Weblate USE_TLS=false with a password', file: '.env', profile: 'weblate', text: 'WEBLATE_EMAIL_HOST=smtp.example.com\nWEBLATE_EMAIL_PORT=587\nWEBLATE_EMAIL_USE_TLS=false\nWEBLATE_EMAIL_HOST_PASSWORD=x\n', expect: ['cleartext-auth@3'] },
  { name: 'Weblate without a port says nothing of TLS', file: '.env', profile: 'weblate', text: 'WEBLATE_EMAIL_HOST=smtp.example.com\nWEBLATE_EMAIL_HOST_PASSWORD=x\n', expect: [] },
  // pretix.cfg [mail]: tls is STARTTLS, ssl implicit TLS (Django's pair); a [mail] section is pretix's only with its own keys.
  { name: 'pretix tls=on on 465', file: 'pretix.cfg', profile: 'pretix', text: '[mail]\nfrom=a@example.com\nhost=smtp.example.com\nport=465\ntls=on\nssl=off\n', expect: ['plaintext-on-implicit-tls-port@5'] },
  { name: 'pretix ssl=on on 465 is right', file: 'pretix.cfg', profile: 'pretix', text: '[mail]\nfrom=a@example.com\nhost=smtp.example.com\nport=465\ntls=off\nssl=on\n', expect: [] },
  { name: 'pretix without tls sends the password in clear', file: 'pretix.cfg', profile: 'pretix', text: '[mail]\nadmins=root@example.com\nhost=smtp.example.com\nport=587\nuser=me\npassword=x\n', expect: ['cleartext-auth@6'] },
  { name: 'PRETIX_MAIL_* environment variables', file: '.env', profile: 'pretix', text: 'PRETIX_MAIL_HOST=smtp.example.com\nPRETIX_MAIL_PORT=587\nPRETIX_MAIL_SSL=true\n', expect: ['implicit-tls-on-starttls-port@3'] },
  { name: 'a [mail] section with a lone tls flag is not pretix', file: 'app.ini', text: '[mail]\nhost=smtp.example.com\nport=465\ntls=true\n', expect: [] },
];

describe('app profiles (Healthchecks, Kanboard, Mealie, Odoo, Passbolt, pretix, Roundcube, Sentry, Weblate)', () => {
  for (const c of CASES) {
    it(`${c.name}: ${c.expect.length ? c.expect.join(', ') : 'silent'}`, () => {
      const analysis = analyzeText(c.file, c.text);
      const lines = new LineIndex(c.text);
      const actual = analysis.findings.map((f) => `${f.ruleId}@${lines.positionAt(f.range.start).line + 1}`);
      assert.deepEqual(actual.sort(), [...c.expect].sort(), analysis.findings.map((f) => f.message).join('\n'));
      if (c.profile) assert.deepEqual(analysis.groups.map((group) => group.profile.id), [c.profile]);
    });
  }

  // Fixes that rewrite the scheme of a host value (TlsWrites.hostScheme), and nothing else.
  const fixed = (file: string, text: string, title: string): string => {
    const finding = analyzeText(file, text).findings[0];
    const fix = fixesFor(file, text, finding).find((candidate) => candidate.title === title);
    assert.ok(fix, `a fix "${title}"`);
    return applyEdits(text, fix.edits);
  };
  it('Roundcube: STARTTLS rewrites ssl:// to tls://', () => {
    assert.equal(fixed('.env', 'ROUNDCUBEMAIL_SMTP_SERVER=ssl://smtp.example.com\n', 'Switch to STARTTLS on port 587'), 'ROUNDCUBEMAIL_SMTP_SERVER=tls://smtp.example.com\n');
  });
  it('Passbolt: implicit TLS prefixes the host with ssl:// and turns TLS off', () => {
    const text = 'EMAIL_TRANSPORT_DEFAULT_HOST=smtp.example.com\nEMAIL_TRANSPORT_DEFAULT_PORT=465\nEMAIL_TRANSPORT_DEFAULT_TLS=true\n';
    assert.equal(fixed('.env', text, 'Turn on implicit TLS'), 'EMAIL_TRANSPORT_DEFAULT_HOST=ssl://smtp.example.com\nEMAIL_TRANSPORT_DEFAULT_PORT=465\nEMAIL_TRANSPORT_DEFAULT_TLS=false\n');
  });
  it('Passbolt: STARTTLS drops the ssl:// prefix', () => {
    const text = 'EMAIL_TRANSPORT_DEFAULT_HOST=ssl://smtp.example.com\nEMAIL_TRANSPORT_DEFAULT_PORT=587\n';
    assert.equal(fixed('.env', text, 'Switch to STARTTLS on port 587'), 'EMAIL_TRANSPORT_DEFAULT_HOST=smtp.example.com\nEMAIL_TRANSPORT_DEFAULT_PORT=587\nEMAIL_TRANSPORT_DEFAULT_TLS=true\n');
  });
});
