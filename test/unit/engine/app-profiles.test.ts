// App profiles read from each app's own source (src/engine/profiles/<app>.ts cites the files): Authelia,
// Alertmanager, Ory Kratos, LLDAP, Penpot, Docmost, Keila, Rallly, GoToSocial, ntfy, Twenty, Hoppscotch, Cal.com,
// Jellyseerr. Each case is one small config, with the findings (rule@line) the app's semantics give, and the
// profile that must claim it.
import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../src/engine/analyze';
import { fixesFor, applyEdits } from '../../../src/engine/fixes';
import { LineIndex } from '../../../src/engine/text';

interface Case {
  name: string;
  file: string;
  text: string;
  profile?: string;
  expect: string[];
}

const lines = (...rows: string[]): string => `${rows.join('\n')}\n`;

const CASES: Case[] = [
  // Authelia: smtp:// and submission:// are STARTTLS (required) on any port, submissions:// implicit TLS.
  { name: 'Authelia smtp:// on 465', file: 'configuration.yml', profile: 'authelia', text: lines('notifier:', '  smtp:', "    address: 'smtp://smtp.example.com:465'", '    username: me', '    password: secret', "    sender: 'Authelia <me@example.com>'"), expect: ['plaintext-on-implicit-tls-port@3'] },
  { name: 'Authelia submissions:// on 587', file: 'configuration.yml', profile: 'authelia', text: lines('notifier:', '  smtp:', "    address: 'submissions://smtp.example.com:587'", '    username: me', '    password: secret', "    sender: 'Authelia <me@example.com>'"), expect: ['implicit-tls-on-starttls-port@3'] },
  { name: 'Authelia submission:// on 587 is right', file: 'configuration.yml', profile: 'authelia', text: lines('notifier:', '  smtp:', "    address: 'submission://smtp.example.com:587'", '    username: me', '    password: secret', "    sender: 'Authelia <me@example.com>'"), expect: [] },
  { name: 'Authelia legacy port 465 (submissions by port) stays quiet', file: 'configuration.yml', profile: 'authelia', text: lines('notifier:', '  smtp:', '    host: smtp.example.com', '    port: 465', '    username: me', '    password: secret', "    sender: 'Authelia <me@example.com>'"), expect: [] },
  { name: 'Authelia disable_starttls with a password', file: 'configuration.yml', profile: 'authelia', text: lines('notifier:', '  smtp:', "    address: 'smtp://smtp.example.com:587'", '    username: me', '    password: secret', "    sender: 'Authelia <me@example.com>'", '    disable_starttls: true'), expect: ['cleartext-auth@7'] },
  { name: 'Authelia as environment variables', file: '.env', profile: 'authelia', text: lines('AUTHELIA_NOTIFIER_SMTP_ADDRESS=smtp://smtp.example.com:465', 'AUTHELIA_NOTIFIER_SMTP_SENDER=me@example.com'), expect: ['plaintext-on-implicit-tls-port@1'] },
  { name: 'Authelia chart with the SMTP notifier disabled', file: 'values.yaml', profile: 'authelia', text: lines('configMap:', '  notifier:', '    smtp:', '      enabled: false', "      address: 'smtp://smtp.example.com:465'", "      sender: 'me@example.com'"), expect: [] },
  // Alertmanager: implicit TLS on 465 unless force_implicit_tls says otherwise; require_tls decides STARTTLS elsewhere.
  { name: 'Alertmanager global smarthost on 465 is implicit TLS', file: 'alertmanager.yml', profile: 'alertmanager', text: lines('global:', "  smtp_smarthost: 'smtp.example.com:465'", "  smtp_auth_username: 'me'", "  smtp_auth_password: 'secret'"), expect: [] },
  { name: 'Alertmanager receiver force_implicit_tls on 587', file: 'alertmanager.yml', profile: 'alertmanager', text: lines('receivers:', '  - name: team', '    email_configs:', '      - to: ops@example.com', '        smarthost: smtp.example.com:587', '        auth_username: me', '        auth_password: secret', '        force_implicit_tls: true'), expect: ['implicit-tls-on-starttls-port@8'] },
  { name: 'Alertmanager force_implicit_tls false on 465', file: 'alertmanager.yml', profile: 'alertmanager', text: lines('global:', "  smtp_smarthost: 'smtp.example.com:465'", '  smtp_force_implicit_tls: false'), expect: ['plaintext-on-implicit-tls-port@3'] },
  { name: 'Alertmanager require_tls false is left unknown (receivers inherit, 465 stays implicit)', file: 'alertmanager.yml', profile: 'alertmanager', text: lines('global:', "  smtp_smarthost: 'smtp.example.com:465'", '  smtp_auth_password: secret', '  smtp_require_tls: false'), expect: [] },
  // Ory Kratos: the connection URI's scheme and query.
  { name: 'Kratos smtp:// on 465', file: 'kratos.yml', profile: 'ory-kratos', text: lines('courier:', '  smtp:', '    connection_uri: smtp://me:secret@smtp.example.com:465/'), expect: ['plaintext-on-implicit-tls-port@3'] },
  { name: 'Kratos smtps:// on 587', file: 'kratos.yml', profile: 'ory-kratos', text: lines('courier:', '  smtp:', '    connection_uri: smtps://me:secret@smtp.example.com:587/'), expect: ['implicit-tls-on-starttls-port@3'] },
  { name: 'Kratos skip_ssl_verify=true', file: 'kratos.yml', profile: 'ory-kratos', text: lines('courier:', '  smtp:', '    connection_uri: smtps://me:secret@smtp.example.com:465/?skip_ssl_verify=true'), expect: ['tls-verify-disabled@3'] },
  { name: 'Kratos disable_starttls=true with credentials', file: '.env', profile: 'ory-kratos', text: lines('COURIER_SMTP_CONNECTION_URI=smtp://me:secret@smtp.example.com:587/?disable_starttls=true'), expect: ['cleartext-auth@1'] },
  { name: 'Kratos quickstart: skip_ssl_verify against the MailSlurper catcher', file: 'kratos.yml', profile: 'ory-kratos', text: lines('courier:', '  smtp:', '    connection_uri: smtps://test:test@mailslurper:1025/?skip_ssl_verify=true'), expect: [] },
  // LLDAP: smtp_encryption defaults to TLS (implicit) while the port defaults to 587.
  { name: 'LLDAP without smtp_encryption on 587', file: 'lldap_config.toml', profile: 'lldap', text: lines('[smtp_options]', 'enable_password_reset = true', 'server = "smtp.example.com"', 'port = 587', 'user = "me@example.com"', 'password = "secret"'), expect: ['implicit-tls-on-starttls-port@4'] },
  { name: 'LLDAP STARTTLS on 587 is right', file: 'lldap_config.toml', profile: 'lldap', text: lines('[smtp_options]', 'enable_password_reset = true', 'server = "smtp.example.com"', 'port = 587', 'smtp_encryption = "STARTTLS"'), expect: [] },
  { name: 'LLDAP STARTTLS on 465', file: '.env', profile: 'lldap', text: lines('LLDAP_SMTP_OPTIONS__ENABLE_PASSWORD_RESET=true', 'LLDAP_SMTP_OPTIONS__SERVER=smtp.example.com', 'LLDAP_SMTP_OPTIONS__PORT=465', 'LLDAP_SMTP_OPTIONS__SMTP_ENCRYPTION=STARTTLS'), expect: ['plaintext-on-implicit-tls-port@4'] },
  { name: 'LLDAP with password reset off sends nothing', file: 'lldap_config.toml', profile: 'lldap', text: lines('[smtp_options]', 'enable_password_reset = false', 'server = "smtp.example.com"', 'port = 587'), expect: [] },
  // Penpot: PENPOT_SMTP_SSL is implicit TLS, PENPOT_SMTP_TLS STARTTLS; neither means cleartext.
  { name: 'Penpot PENPOT_SMTP_SSL on 587', file: '.env', profile: 'penpot', text: lines('PENPOT_FLAGS=enable-smtp', 'PENPOT_SMTP_HOST=smtp.example.com', 'PENPOT_SMTP_PORT=587', 'PENPOT_SMTP_SSL=true'), expect: ['implicit-tls-on-starttls-port@4'] },
  { name: 'Penpot PENPOT_SMTP_TLS on 465', file: '.env', profile: 'penpot', text: lines('PENPOT_SMTP_HOST=smtp.example.com', 'PENPOT_SMTP_PORT=465', 'PENPOT_SMTP_TLS=true'), expect: ['plaintext-on-implicit-tls-port@3'] },
  { name: 'Penpot without enable-smtp only logs e-mails', file: '.env', profile: 'penpot', text: lines('PENPOT_FLAGS=enable-registration', 'PENPOT_SMTP_HOST=smtp.example.com', 'PENPOT_SMTP_PORT=465', 'PENPOT_SMTP_TLS=true'), expect: [] },
  { name: 'Penpot before the flags: PENPOT_SMTP_ENABLED=false', file: '.env', profile: 'penpot', text: lines('PENPOT_SMTP_ENABLED=false', 'PENPOT_SMTP_HOST=smtp.example.com', 'PENPOT_SMTP_PORT=465', 'PENPOT_SMTP_TLS=true'), expect: [] },
  // Docmost: secure is always passed to nodemailer, so 465 needs SMTP_SECURE=true.
  { name: 'Docmost 465 with SMTP_SECURE=false', file: '.env', profile: 'docmost', text: lines('MAIL_DRIVER=smtp', 'SMTP_HOST=smtp.example.com', 'SMTP_PORT=465', 'SMTP_SECURE=false', 'SMTP_IGNORETLS=false'), expect: ['plaintext-on-implicit-tls-port@4'] },
  { name: 'Docmost SMTP_SECURE=1 is not "true": unknown, quiet', file: '.env', profile: 'docmost', text: lines('SMTP_HOST=smtp.example.com', 'SMTP_PORT=587', 'SMTP_SECURE=1', 'SMTP_IGNORETLS=false'), expect: [] },
  { name: 'Docmost with the log driver', file: '.env', profile: 'docmost', text: lines('MAIL_DRIVER=log', 'SMTP_HOST=smtp.example.com', 'SMTP_PORT=465', 'SMTP_SECURE=false', 'SMTP_IGNORETLS=false'), expect: [] },
  // Keila: the port stays 587 when MAILER_ENABLE_SSL is on.
  { name: 'Keila MAILER_ENABLE_SSL without a port', file: '.env', profile: 'keila', text: lines('MAILER_SMTP_HOST=smtp.example.com', 'MAILER_SMTP_USER=me', 'MAILER_SMTP_PASSWORD=secret', 'MAILER_SMTP_FROM_EMAIL=me@example.com', 'MAILER_ENABLE_SSL=true'), expect: ['implicit-tls-on-starttls-port@5'] },
  { name: 'Keila MAILER_ENABLE_SSL on 465 is right', file: '.env', profile: 'keila', text: lines('MAILER_SMTP_HOST=smtp.example.com', 'MAILER_SMTP_PORT=465', 'MAILER_SMTP_FROM_EMAIL=me@example.com', 'MAILER_ENABLE_SSL=TRUE'), expect: [] },
  // Rallly: secure only when SMTP_SECURE is "true"; SMTP_REJECT_UNAUTHORIZED=false trusts any certificate.
  { name: 'Rallly 465 with SMTP_SECURE=false', file: '.env', profile: 'rallly', text: lines('SMTP_HOST=smtp.example.com', 'SMTP_PORT=465', 'SMTP_SECURE=false', 'SMTP_USER=me', 'SMTP_PWD=secret'), expect: ['plaintext-on-implicit-tls-port@3'] },
  { name: 'Rallly SMTP_REJECT_UNAUTHORIZED=false', file: '.env', profile: 'rallly', text: lines('SMTP_HOST=smtp.example.com', 'SMTP_PORT=587', 'SMTP_SECURE=false', 'SMTP_PWD=secret', 'SMTP_REJECT_UNAUTHORIZED=false'), expect: ['tls-verify-disabled@5'] },
  // GoToSocial and ntfy send with Go's net/smtp: STARTTLS when offered, never implicit TLS.
  { name: 'GoToSocial on 465', file: 'config.yaml', profile: 'gotosocial', text: lines('smtp-host: smtp.example.com', 'smtp-port: 465', 'smtp-username: me', 'smtp-password: secret', 'smtp-disclose-recipients: false'), expect: ['plaintext-on-implicit-tls-port@2'] },
  { name: 'GoToSocial on 587 is right', file: '.env', profile: 'gotosocial', text: lines('GTS_SMTP_HOST=smtp.example.com', 'GTS_SMTP_PORT=587', 'GTS_SMTP_USERNAME=me', 'GTS_SMTP_PASSWORD=secret'), expect: [] },
  { name: 'ntfy smtp-sender-addr on 465', file: 'server.yml', profile: 'ntfy', text: lines('smtp-sender-addr: smtp.example.com:465', 'smtp-sender-user: me', 'smtp-sender-pass: secret', 'smtp-sender-from: ntfy@example.com'), expect: ['plaintext-on-implicit-tls-port@1'] },
  { name: 'ntfy smtp-sender-addr on 587 is right', file: 'server.yml', profile: 'ntfy', text: lines('smtp-sender-addr: smtp.example.com:587', 'smtp-sender-user: me', 'smtp-sender-pass: secret'), expect: [] },
  // Twenty: nodemailer's own choice (implicit TLS on 465) unless EMAIL_SMTP_NO_TLS.
  { name: 'Twenty on 465 without EMAIL_SMTP_NO_TLS is implicit TLS', file: '.env', profile: 'twenty', text: lines('EMAIL_DRIVER=smtp', 'EMAIL_SMTP_HOST=smtp.example.com', 'EMAIL_SMTP_PORT=465', 'EMAIL_SMTP_USER=me', 'EMAIL_SMTP_PASSWORD=secret', 'EMAIL_SMTP_NO_TLS=false'), expect: [] },
  { name: 'Twenty EMAIL_SMTP_NO_TLS=true on 465', file: '.env', profile: 'twenty', text: lines('EMAIL_DRIVER=smtp', 'EMAIL_SMTP_HOST=smtp.example.com', 'EMAIL_SMTP_PORT=465', 'EMAIL_SMTP_NO_TLS=true'), expect: ['plaintext-on-implicit-tls-port@4'] },
  { name: 'Twenty with the logger driver', file: '.env', profile: 'twenty', text: lines('EMAIL_DRIVER=logger', 'EMAIL_SMTP_HOST=smtp.example.com', 'EMAIL_SMTP_PORT=465', 'EMAIL_SMTP_NO_TLS=true'), expect: [] },
  // Hoppscotch: the MAILER_SMTP_* block is read only with MAILER_USE_CUSTOM_CONFIGS=true.
  { name: 'Hoppscotch custom configs: 465 with MAILER_SMTP_SECURE=false', file: '.env', profile: 'hoppscotch', text: lines('MAILER_SMTP_ENABLE=true', 'MAILER_USE_CUSTOM_CONFIGS=true', 'MAILER_SMTP_HOST=smtp.example.com', 'MAILER_SMTP_PORT=465', 'MAILER_SMTP_SECURE=false', 'MAILER_TLS_REJECT_UNAUTHORIZED=true'), expect: ['plaintext-on-implicit-tls-port@5'] },
  { name: 'Hoppscotch custom configs verify nothing unless MAILER_TLS_REJECT_UNAUTHORIZED=true', file: '.env', profile: 'hoppscotch', text: lines('MAILER_SMTP_ENABLE=true', 'MAILER_USE_CUSTOM_CONFIGS=true', 'MAILER_SMTP_HOST=smtp.example.com', 'MAILER_SMTP_PORT=465', 'MAILER_SMTP_SECURE=true'), expect: ['tls-verify-disabled@3'] },
  { name: 'Hoppscotch without custom configs uses MAILER_SMTP_URL only', file: '.env', profile: 'hoppscotch', text: lines('MAILER_SMTP_ENABLE=true', 'MAILER_USE_CUSTOM_CONFIGS=false', 'MAILER_SMTP_URL=smtps://me:secret@smtp.example.com', 'MAILER_SMTP_HOST=smtp.example.com', 'MAILER_SMTP_PORT=587', 'MAILER_SMTP_SECURE=true'), expect: [] },
  // Cal.com: secure is port === 465, so only the port can be wrong.
  { name: 'Cal.com on 465 is implicit TLS by itself', file: '.env', profile: 'calcom', text: lines('EMAIL_SERVER_HOST=smtp.example.com', 'EMAIL_SERVER_PORT=465', 'EMAIL_SERVER_USER=me', 'EMAIL_SERVER_PASSWORD=secret'), expect: [] },
  { name: 'Cal.com submitting on port 25', file: '.env', profile: 'calcom', text: lines('EMAIL_SERVER_HOST=smtp.example.com', 'EMAIL_SERVER_PORT=25', 'EMAIL_SERVER_USER=me', 'EMAIL_SERVER_PASSWORD=secret'), expect: ['port-25-submission@2'] },
  // Jellyseerr / Overseerr settings.json.
  { name: 'Jellyseerr secure false on 465', file: 'settings.json', profile: 'jellyseerr', text: lines('{ "notifications": { "agents": { "email": { "enabled": true, "options": {', '  "smtpHost": "smtp.example.com",', '  "smtpPort": 465,', '  "secure": false,', '  "ignoreTls": false,', '  "allowSelfSigned": false', '} } } } }'), expect: ['plaintext-on-implicit-tls-port@4'] },
  { name: 'Jellyseerr with the email agent disabled', file: 'settings.json', profile: 'jellyseerr', text: lines('{ "notifications": { "agents": { "email": { "enabled": false, "options": {', '  "smtpHost": "smtp.example.com",', '  "smtpPort": 465,', '  "secure": false,', '  "ignoreTls": false,', '  "allowSelfSigned": true', '} } } } }'), expect: [] },
];

function found(file: string, text: string): string[] {
  const index = new LineIndex(text);
  return analyzeText(file, text)
    .findings.map((finding) => `${finding.ruleId}@${index.positionAt(finding.range.start).line + 1}`)
    .sort();
}

describe('app profiles read from the apps’ own source', () => {
  for (const testCase of CASES) {
    it(testCase.name, () => {
      assert.deepEqual(found(testCase.file, testCase.text), [...testCase.expect].sort());
      if (testCase.profile) {
        const profiles = analyzeText(testCase.file, testCase.text).groups.map((group) => group.profile.id);
        assert.ok(profiles.includes(testCase.profile as never), `${testCase.profile} claims the settings (got ${profiles.join(', ')})`);
      }
    });
  }
});

describe('app profiles’ fixes write the app’s own keys', () => {
  const preferred = (file: string, text: string): string => {
    const [finding] = analyzeText(file, text).findings;
    const fix = fixesFor(file, text, finding).find((candidate) => candidate.preferred);
    assert.ok(fix, 'a preferred fix');
    return applyEdits(text, fix.edits);
  };

  it('LLDAP: adds LLDAP_SMTP_OPTIONS__SMTP_ENCRYPTION=STARTTLS with the double underscore', () => {
    const text = lines('LLDAP_SMTP_OPTIONS__SERVER=smtp.example.com', 'LLDAP_SMTP_OPTIONS__PORT=587');
    assert.equal(preferred('.env', text), `${text}LLDAP_SMTP_OPTIONS__SMTP_ENCRYPTION=STARTTLS\n`);
  });

  it('Authelia: switches the address scheme to submissions://', () => {
    const text = lines('notifier:', '  smtp:', "    address: 'smtp://smtp.example.com:465'", "    sender: 'me@example.com'");
    assert.equal(preferred('configuration.yml', text), text.replace('smtp://', 'submissions://'));
  });

  it('Penpot: turns PENPOT_SMTP_SSL off and adds PENPOT_SMTP_TLS=true', () => {
    const text = lines('PENPOT_SMTP_HOST=smtp.example.com', 'PENPOT_SMTP_PORT=587', 'PENPOT_SMTP_SSL=true');
    assert.equal(preferred('.env', text), lines('PENPOT_SMTP_HOST=smtp.example.com', 'PENPOT_SMTP_PORT=587', 'PENPOT_SMTP_SSL=false', 'PENPOT_SMTP_TLS=true'));
  });
});
