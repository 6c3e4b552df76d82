// Framework semantics and the quiet cases, one small config at a time.
import { strict as assert } from 'node:assert';
import { analyzeText, type AnalyzeOptions } from '../../../src/engine/analyze';
import { LineIndex } from '../../../src/engine/text';

interface Case {
  name: string;
  file: string;
  text: string;
  expect: string[];
  options?: AnalyzeOptions;
}

const CASES: Case[] = [
  // Implicit TLS is decided the framework's way
  { name: 'Spring ssl.enable against 587', file: 'application.properties', text: 'spring.mail.host=smtp.example.com\nspring.mail.port=587\nspring.mail.properties.mail.smtp.ssl.enable=true\n', expect: ['implicit-tls-on-starttls-port@3'] },
  { name: 'Spring relaxed-binding env vars are Spring keys', file: '.env', text: 'SPRING_MAIL_HOST=smtp.example.com\nSPRING_MAIL_PORT=465\nSPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE=true\n', expect: ['plaintext-on-implicit-tls-port@3'] },
  { name: 'Spring smtps protocol on 465 is right', file: 'application.yml', text: 'spring:\n  mail:\n    host: smtp.example.com\n    port: 465\n    protocol: smtps\n', expect: [] },
  { name: 'Laravel on 465 without a scheme uses smtps by itself', file: '.env', text: 'MAIL_MAILER=smtp\nMAIL_HOST=smtp.example.com\nMAIL_PORT=465\nMAIL_ENCRYPTION=tls\n', expect: [] },
  { name: 'Symfony smtp:// on 465 is implicit TLS anyway', file: '.env', text: 'MAILER_DSN=smtp://user:pass@smtp.example.com:465\n', expect: [] },
  { name: 'Symfony auto_tls=false leaves the password in clear', file: '.env', text: 'MAILER_DSN=smtp://user:pass@smtp.example.com:587?auto_tls=false\n', expect: ['cleartext-auth@1'] },
  { name: 'an unknown key holding smtps:// on 587', file: '.env', text: 'NOTIFY_TRANSPORT=smtps://smtp.example.com:587\n', expect: ['implicit-tls-on-starttls-port@1'] },
  { name: 'Django on 465 with EMAIL_USE_TLS', file: 'settings.py', text: 'EMAIL_HOST = "smtp.example.com"\nEMAIL_PORT = 465\nEMAIL_USE_TLS = True\n', expect: ['plaintext-on-implicit-tls-port@3'] },
  { name: 'Django with EMAIL_USE_SSL and no port connects to 25', file: 'settings.py', text: 'EMAIL_HOST = "smtp.example.com"\nEMAIL_USE_SSL = True\nEMAIL_HOST_USER = "me"\n', expect: ['implicit-tls-on-starttls-port@2', 'port-25-submission@1'] },
  { name: 'Rails tls with enable_starttls_auto is refused', file: 'config/environments/production.rb', text: 'config.action_mailer.smtp_settings = {\n  address: "smtp.example.com",\n  port: 465,\n  tls: true,\n  enable_starttls_auto: true\n}\n', expect: ['conflicting-tls-flags@5'] },
  { name: 'System.Net.Mail cannot speak implicit TLS on 465', file: 'appsettings.json', text: '{ "Mail": { "Host": "smtp.example.com", "Port": 465, "EnableSsl": true } }\n', expect: ['plaintext-on-implicit-tls-port@1'] },
  { name: 'nodemailer object without secure on 465 is implicit', file: 'config.production.json', text: '{ "mail": { "options": { "host": "smtp.example.com", "port": 465, "auth": { "user": "u", "pass": "p" } } } }\n', expect: [] },
  { name: 'Keycloak strings', file: 'realm.json', text: '{ "smtpServer": { "host": "smtp.example.com", "port": "465", "ssl": "false", "starttls": "true" } }\n', expect: ['plaintext-on-implicit-tls-port@1'] },
  { name: 'Grafana host:port contradicting nothing is fine; MandatoryStartTLS on 465 is not', file: 'grafana.ini', text: '[smtp]\nenabled = true\nhost = smtp.example.com:465\nstartTLS_policy = MandatoryStartTLS\n', expect: ['plaintext-on-implicit-tls-port@4'] },
  { name: 'Gitea infers smtps from 465', file: 'app.ini', text: '[mailer]\nENABLED = true\nSMTP_ADDR = smtp.example.com\nSMTP_PORT = 465\n', expect: [] },
  { name: 'a disabled Grafana SMTP section is not judged', file: 'grafana.ini', text: '[smtp]\nenabled = false\nhost = smtp.example.com:25\nskip_verify = true\n', expect: [] },
  { name: 'Laravel log mailer is not judged', file: '.env', text: 'MAIL_MAILER=log\nMAIL_HOST=smtp.example.com\nMAIL_PORT=25\n', expect: [] },
  // Quiet cases
  { name: 'templates are not judged', file: 'docker-compose.yml', text: 'services:\n  app:\n    environment:\n      SMTP_HOST: ${SMTP_HOST}\n      SMTP_PORT: ${SMTP_PORT:-25}\n      SMTP_SECURE: ${SMTP_SECURE}\n', expect: [] },
  { name: 'IMAP and web server ports are not SMTP', file: 'config.yml', text: 'mail:\n  host: imap.example.com\n  port: 993\nserver:\n  port: 465\nimap:\n  host: imap.gmail.com\n  port: 465\n', expect: [] },
  { name: 'a local relay on 25 is fine', file: '.env', text: 'SMTP_HOST=postfix\nSMTP_PORT=25\nSMTP_USER=app\nSMTP_PASSWORD=x\n', expect: [] },
  { name: 'a mail server config may use 25', file: '.env', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=25\n', expect: [], options: { context: 'mail-server' } },
  { name: 'port 25 from an app', file: '.env', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=25\n', expect: ['port-25-submission@2'] },
  { name: 'NODE_TLS_REJECT_UNAUTHORIZED=0 without SMTP settings is not ours', file: '.env', text: 'NODE_TLS_REJECT_UNAUTHORIZED=0\nDATABASE_URL=postgres://db\n', expect: [] },
  { name: 'verification off for a local bridge is fine', file: '.env', text: 'SMTP_HOST=127.0.0.1\nSMTP_PORT=1025\nSMTP_TLS_REJECT_UNAUTHORIZED=false\n', expect: [] },
  { name: 'Outlook with OAuth2 is fine', file: 'application.yml', text: 'spring:\n  mail:\n    host: smtp.office365.com\n    port: 587\n    username: a@b.c\n    password: token-from-vault\n    properties:\n      mail.smtp.auth.mechanisms: XOAUTH2\n      mail.smtp.starttls.enable: true\n', expect: [] },
  { name: 'a Gmail app password written in capitals and groups is fine', file: '.env', text: 'SMTP_HOST=smtp.gmail.com\nSMTP_PORT=465\nSMTP_SECURE=true\nSMTP_USER=me@gmail.com\nSMTP_PASS=ABCD EFGH IJKL MNOP\n', expect: [] },
  { name: 'Gmail with an account password', file: '.env', text: 'SMTP_HOST=smtp.gmail.com\nSMTP_PORT=465\nSMTP_SECURE=true\nSMTP_USER=me@gmail.com\nSMTP_PASS=Summer2026!\n', expect: ['gmail-app-password@5'] },
  // Hosts
  { name: 'typos of provider hosts', file: '.env', text: 'A_SMTP_HOST=smtp.gmial.com\nB_SMTP_HOST=smtp.sendgrid.com\nC_SMTP_HOST=smtp.gmaill.com\n', expect: ['host-malformed@1', 'host-malformed@2', 'host-malformed@3'] },
  { name: 'real hosts that look like typos', file: '.env', text: 'A_SMTP_HOST=smtp.mail.com\nB_SMTP_HOST=smtp.office365.us\nC_SMTP_HOST=smtp.gmx.net\n', expect: [] },
  { name: 'a scheme in a host field', file: '.env', text: 'SMTP_HOST=smtps://smtp.example.com\n', expect: ['host-malformed@1'] },
  { name: 'host:port that contradicts the port', file: '.env', text: 'SMTP_HOST=smtp.example.com:465\nSMTP_PORT=587\n', expect: ['host-malformed@1'] },
  { name: 'localhost:1025 in production', file: '.env.production', text: 'SMTP_HOST=localhost\nSMTP_PORT=1025\n', expect: ['dev-mail-catcher-in-production@1'] },
  { name: 'Mailtrap sandbox in production', file: 'config/production.yml', text: 'smtp:\n  host: sandbox.smtp.mailtrap.io\n  port: 2525\n', expect: ['dev-mail-catcher-in-production@2'] },
  // App profiles read from each app's source (src/engine/profiles/*.ts cite it)
  { name: 'Airflow smtp_starttls (default True) on 465', file: 'airflow.cfg', text: '[smtp]\nsmtp_host = smtp.example.com\nsmtp_port = 465\nsmtp_mail_from = a@example.com\n', expect: ['plaintext-on-implicit-tls-port@3'] },
  { name: 'Airflow smtp_ssl on 465 is right', file: 'airflow.cfg', text: '[smtp]\nsmtp_host = smtp.example.com\nsmtp_port = 465\nsmtp_ssl = True\nsmtp_starttls = False\n', expect: [] },
  { name: 'Airflow smtp_ssl and smtp_starttls both on', file: 'airflow.cfg', text: '[smtp]\nsmtp_host = smtp.example.com\nsmtp_port = 465\nsmtp_ssl = True\nsmtp_starttls = True\n', expect: ['conflicting-tls-flags@5'] },
  { name: 'Superset SMTP_SSL on 587', file: 'superset_config.py', text: 'SMTP_HOST = "smtp.example.com"\nSMTP_PORT = 587\nSMTP_SSL = True\nSMTP_STARTTLS = False\nSMTP_MAIL_FROM = "a@example.com"\n', expect: ['implicit-tls-on-starttls-port@3'] },
  { name: 'Metabase MB_EMAIL_SMTP_SECURITY defaults to none: plaintext on 465', file: '.env', text: 'MB_EMAIL_SMTP_HOST=smtp.example.com\nMB_EMAIL_SMTP_PORT=465\n', expect: ['plaintext-on-implicit-tls-port@2'] },
  { name: 'Metabase security ssl on 465 is right', file: '.env', text: 'MB_EMAIL_SMTP_HOST=smtp.example.com\nMB_EMAIL_SMTP_PORT=465\nMB_EMAIL_SMTP_SECURITY=ssl\n', expect: [] },
  { name: 'Formbricks SMTP_SECURE_ENABLED=0 on 465 defeats nodemailer\'s auto-TLS', file: '.env', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=465\nSMTP_SECURE_ENABLED=0\n', expect: ['plaintext-on-implicit-tls-port@3'] },
  { name: 'Formbricks SMTP_SECURE_ENABLED=true is not "1": unknown, silent', file: '.env', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\nSMTP_SECURE_ENABLED=true\n', expect: [] },
  { name: "WP Mail SMTP WPMS_SSL 'ssl' on 587", file: 'wp-config.php', text: "<?php\ndefine( 'WPMS_SMTP_HOST', 'smtp.example.com' );\ndefine( 'WPMS_SMTP_PORT', 587 );\ndefine( 'WPMS_SSL', 'ssl' );\n", expect: ['implicit-tls-on-starttls-port@4'] },
  { name: 'Paperless-ngx USE_SSL on 587', file: 'docker-compose.env', text: 'PAPERLESS_EMAIL_HOST=smtp.example.com\nPAPERLESS_EMAIL_PORT=587\nPAPERLESS_EMAIL_USE_SSL=true\n', expect: ['implicit-tls-on-starttls-port@3'] },
  // Vikunja (pkg/mail/mail.go): forcessl is go-mail's WithSSLPort after WithPort, which moves only port 25, to 465.
  { name: 'Vikunja FORCESSL on port 25 connects to 465', file: '.env', text: 'VIKUNJA_MAILER_HOST=smtp.example.com\nVIKUNJA_MAILER_PORT=25\nVIKUNJA_MAILER_FORCESSL=true\n', expect: [] },
  { name: 'Vikunja FORCESSL keeps any other port', file: '.env', text: 'VIKUNJA_MAILER_HOST=smtp.example.com\nVIKUNJA_MAILER_PORT=2525\nVIKUNJA_MAILER_FORCESSL=true\n', expect: ['implicit-tls-on-starttls-port@3'] },
  { name: 'Vikunja on 465 without FORCESSL tries plaintext', file: '.env', text: 'VIKUNJA_MAILER_HOST=smtp.example.com\nVIKUNJA_MAILER_PORT=465\nVIKUNJA_MAILER_SKIPTLSVERIFY=false\n', expect: ['plaintext-on-implicit-tls-port@2'] },
  // Pocket ID (backend/internal/appconfig): SMTP_TLS defaults to none; the variables count only with UI_CONFIG_DISABLED=true.
  { name: 'Pocket ID without SMTP_TLS sends the password in plaintext', file: 'docker-compose.yml', text: "services:\n  pocket-id:\n    image: pocketid/pocket-id:v2\n    environment:\n      UI_CONFIG_DISABLED: \"true\"\n      SMTP_HOST: smtp.example.com\n      SMTP_PORT: 587\n      SMTP_USER: id@example.com\n      SMTP_PASSWORD: secret\n", expect: ['cleartext-auth@9'] },
  { name: 'Pocket ID ignores SMTP_* unless UI_CONFIG_DISABLED is true', file: 'docker-compose.yml', text: "services:\n  pocket-id:\n    image: pocketid/pocket-id:v2\n    environment:\n      UI_CONFIG_DISABLED: \"false\"\n      SMTP_HOST: smtp.example.com\n      SMTP_PORT: 587\n      SMTP_USER: id@example.com\n      SMTP_PASSWORD: secret\n", expect: [] },
  // Immich (server/src/config.ts): `secure` exists since immich#22833; before it nodemailer chose implicit TLS on 465.
  { name: 'Immich on 465 without secure depends on the version', file: 'immich.json', text: '{"notifications": {"smtp": {"enabled": true, "transport": {"host": "smtp.example.com", "port": 465, "password": "secret"}}}}\n', expect: [] },
  { name: 'Immich secure on 587', file: 'immich.yaml', text: 'notifications:\n  smtp:\n    enabled: true\n    transport:\n      host: smtp.example.com\n      port: 587\n      secure: true\n', expect: ['implicit-tls-on-starttls-port@7'] },
  { name: 'SMTP_SERVICE=gmail is Gmail', file: '.env', text: 'SMTP_SERVICE=gmail\nSMTP_USER=me@gmail.com\nSMTP_PASSWORD=Summer2026!\n', expect: ['gmail-app-password@3'] },
  { name: 'Spring socketFactory.class SSLSocketFactory on 587', file: 'application.properties', text: 'spring.mail.host=smtp.example.com\nspring.mail.port=587\nspring.mail.properties.mail.smtp.socketFactory.class=javax.net.ssl.SSLSocketFactory\n', expect: ['implicit-tls-on-starttls-port@3'] },
  // Unknown vocabularies say less: a .NET EmailSettings block is neither Mattermost nor ActionMailer, and no default applies.
  { name: 'appsettings.json EmailSettings with UseSsl on 465: no other app\'s defaults', file: 'appsettings.json', text: '{\n  "EmailSettings": {\n    "SmtpServer": "smtp.example.com",\n    "SmtpPort": 465,\n    "UseSsl": true\n  }\n}\n', expect: [] },
  { name: 'a generic block that says ssl and is switched off', file: 'config.yml', text: 'mail:\n  host: smtp.example.com\n  port: 25\n  secure: ssl\n  enabled: false\n', expect: [] },
  { name: 'smtp_ssl on 587 in a nested generic map', file: 'config.yml', text: 'app:\n  notifications:\n    smtp_host: smtp.example.com\n    smtp_port: 587\n    smtp_ssl: true\n', expect: ['implicit-tls-on-starttls-port@5'] },
  { name: 'port out of range', file: '.env', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=70000\n', expect: ['invalid-port@2'] },
  // UI labels are not settings (Pocket ID's frontend/messages/en.json): the words are neither a host nor a port.
  { name: 'a locale file labelling the SMTP form', file: 'frontend/messages/en.json', text: '{\n  "smtp_host": "SMTP Host",\n  "smtp_port": "SMTP Port",\n  "smtp_user": "SMTP User",\n  "smtp_password": "SMTP Password"\n}\n', expect: [] },
  { name: 'a word where the port goes is a placeholder, not a typo', file: '.env.example', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=your_smtp_port\n', expect: [] },
  { name: 'digits with a stray space are still a typo', file: '.env', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=58 7\n', expect: ['invalid-port@2'] },
  // Severity settings
  { name: 'a rule turned off', file: '.env', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=25\n', expect: [], options: { rules: { 'port-25-submission': 'off' } } },
];

function defineCases(cases: readonly Case[]): void {
  for (const c of cases) {
    it(`${c.name}: ${c.expect.length ? c.expect.join(', ') : 'silent'}`, () => {
      const analysis = analyzeText(c.file, c.text, c.options);
      const lines = new LineIndex(c.text);
      const actual = analysis.findings.map((f) => `${f.ruleId}@${lines.positionAt(f.range.start).line + 1}`);
      assert.deepEqual(actual.sort(), [...c.expect].sort(), analysis.findings.map((f) => f.message).join('\n'));
    });
  }
}

describe('framework semantics and quiet cases', () => {
  defineCases(CASES);

  it('severity settings change the reported severity', () => {
    const analysis = analyzeText('.env', 'SMTP_HOST=smtp.example.com\nSMTP_PORT=25\n', { rules: { 'port-25-submission': 'error' } });
    assert.equal(analysis.findings[0].severity, 'error');
  });

  it('never throws on hostile input', () => {
    const hostile = ['\u0000\u0001binary\u00ff', 'a: [[[[[[[[', '{"smtp": {"host": ', `${'['.repeat(10000)}`, 'SMTP_HOST=\uD800', '%'.repeat(100000)];
    for (const file of ['.env', 'a.yml', 'a.json', 'a.properties', 'a.ini', 'settings.py']) {
      for (const text of hostile) assert.doesNotThrow(() => analyzeText(file, text), `${file}: ${JSON.stringify(text.slice(0, 20))}`);
    }
  });
});

describe('settings read from code or URLs', () => {
  const cases: Case[] = [
    { name: 'Django settings read from the environment are unknown, not defaults', file: 'settings.py', text: 'EMAIL_HOST = env("EMAIL_HOST")\nEMAIL_PORT = env.int("EMAIL_PORT", default=587)\nEMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=True)\nEMAIL_HOST_USER = env("EMAIL_USER")\nEMAIL_HOST_PASSWORD = env("EMAIL_PASSWORD")\n', expect: [] },
    { name: 'Django with a literal host and a port from code', file: 'settings.py', text: 'EMAIL_HOST = "smtp.example.com"\nEMAIL_PORT = int(os.environ["EMAIL_PORT"])\nEMAIL_HOST_USER = "me"\n', expect: [] },
    { name: 'Authelia-style address URL with submission://', file: 'configuration.yml', text: 'notifier:\n  smtp:\n    address: submission://smtp.gmail.com:587\n    username: me@gmail.com\n    sender: me@gmail.com\n', expect: [] },
    { name: 'Authelia-style submissions:// on 587', file: 'configuration.yml', text: 'notifier:\n  smtp:\n    address: submissions://smtp.example.com:587\n', expect: ['implicit-tls-on-starttls-port@3'] },
    { name: 'a URL in a host key is still a malformed host', file: '.env', text: 'SMTP_HOST=smtp://smtp.example.com\n', expect: ['host-malformed@1'] },
  ];
  defineCases(cases);
});

describe('more applications', () => {
  defineCases([
    { name: 'Mattermost ConnectionSecurity TLS against 587', file: 'config.json', text: '{\n  "EmailSettings": {\n    "SMTPServer": "smtp.example.com",\n    "SMTPPort": "587",\n    "ConnectionSecurity": "TLS",\n    "SkipServerCertificateVerification": true\n  }\n}\n', expect: ['implicit-tls-on-starttls-port@5', 'tls-verify-disabled@6'] },
    { name: 'Mattermost STARTTLS on 587', file: 'config.json', text: '{ "EmailSettings": { "SMTPServer": "smtp.example.com", "SMTPPort": "587", "ConnectionSecurity": "STARTTLS" } }\n', expect: [] },
    { name: 'action-send-mail with secure: true on 587', file: '.github/workflows/notify.yml', text: 'jobs:\n  mail:\n    steps:\n      - uses: dawidd6/action-send-mail@v3\n        with:\n          server_address: smtp.gmail.com\n          server_port: 587\n          secure: true\n          username: ${{ secrets.MAIL_USERNAME }}\n          password: ${{ secrets.MAIL_PASSWORD }}\n', expect: ['implicit-tls-on-starttls-port@8'] },
    { name: 'action-send-mail on 465 without secure', file: '.github/workflows/notify.yml', text: 'jobs:\n  mail:\n    steps:\n      - uses: dawidd6/action-send-mail@v3\n        with:\n          server_address: smtp.gmail.com\n          server_port: 465\n          username: ${{ secrets.MAIL_USERNAME }}\n', expect: [] },
  ]);
});

describe('HJSON, Fluentd and INI-style .cfg: Lemmy, fluent-plugin-mail, RatticWeb', () => {
  defineCases([
    // Lemmy 0.15 use_tls: true is lettre's Tls::Wrapper; 0.16+ tls_type none|tls|starttls (profiles/lemmy.ts).
    { name: 'Lemmy 0.15 use_tls against smtp_server :587', file: 'config/config.hjson', text: '{\n  email: {\n    smtp_server: "smtp.example.com:587"\n    smtp_from_address: "noreply@example.com"\n    use_tls: true\n  }\n}\n', expect: ['implicit-tls-on-starttls-port@5'] },
    { name: 'Lemmy tls_type tls against :587', file: 'lemmy.hjson', text: 'email: {\n  smtp_server: smtp.example.com:587\n  smtp_login: me\n  smtp_password: secret\n  tls_type: tls\n}\n', expect: ['implicit-tls-on-starttls-port@5'] },
    { name: 'Lemmy tls_type starttls on :587', file: 'lemmy.hjson', text: 'email: {\n  smtp_server: "smtp.example.com:587"\n  smtp_from_address: "noreply@example.com"\n  tls_type: "starttls"\n}\n', expect: [] },
    { name: 'Lemmy tls_type tls on :465', file: 'lemmy.hjson', text: 'email: {\n  smtp_server: "smtp.example.com:465"\n  smtp_from_address: "noreply@example.com"\n  tls_type: "tls"\n}\n', expect: [] },
    { name: 'Lemmy without tls_type sends the password in clear', file: 'lemmy.hjson', text: 'email: {\n  smtp_server: "smtp.example.com:587"\n  smtp_login: "me"\n  smtp_password: "s3cret-passw0rd"\n  smtp_from_address: "noreply@example.com"\n}\n', expect: ['cleartext-auth@4'] },
    // Lemmy 1.0: connection is lettre's from_url; smtp:// depends on ?tls=, which is not read: no finding.
    { name: 'Lemmy 1.0 connection smtps:// against :587', file: 'config/config.hjson', text: 'email: {\n  connection: "smtps://user:pass@smtp.example.com:587"\n  smtp_from_address: "noreply@example.com"\n}\n', expect: ['implicit-tls-on-starttls-port@2'] },
    { name: 'Lemmy 1.0 connection smtp:// with ?tls=required on :587', file: 'config/config.hjson', text: 'email: {\n  connection: "smtp://user:pass@smtp.example.com:587?tls=required"\n  smtp_from_address: "noreply@example.com"\n}\n', expect: [] },
    // fluent-plugin-mail: enable_starttls_auto is Net::SMTP#enable_starttls, enable_tls is TLS from the first byte.
    { name: 'fluent-plugin-mail STARTTLS on 465', file: 'td-agent.conf', text: '<match alert.**>\n  @type mail\n  host smtp.example.com\n  port 465\n  user me\n  password secret\n  enable_starttls_auto true\n</match>\n', expect: ['plaintext-on-implicit-tls-port@7'] },
    { name: 'fluent-plugin-mail enable_tls on 587, in a <store> of a copy output', file: 'etc/alert.conf', text: '<match alert.**>\n  @type copy\n  <store>\n    @type mail\n    host smtp.example.com\n    port 587\n    user me\n    password secret\n    enable_tls true\n  </store>\n</match>\n', expect: ['implicit-tls-on-starttls-port@9'] },
    { name: 'fluent-plugin-mail STARTTLS on 587', file: 'fluent.conf', text: '<match **>\n  @type mail\n  host smtp.gmail.com\n  port 587\n  enable_starttls_auto true\n  enable_tls false\n</match>\n', expect: [] },
    { name: "another output's host and port are not mail", file: 'fluent.conf', text: '<match mail.**>\n  @type forward\n  <server>\n    host mail-logs.example.com\n    port 465\n  </server>\n</match>\n', expect: [] },
    // RatticWeb: [email] usetls is Django's EMAIL_USE_TLS; there is no SSL setting.
    { name: 'RatticWeb usetls on Gmail 465', file: 'conf/local.cfg', text: '[email]\nhost = smtp.gmail.com\nport = 465\nusetls = True\nuser = account@gmail.com\n', expect: ['plaintext-on-implicit-tls-port@4'] },
    { name: 'RatticWeb usetls on 587', file: 'conf/local.cfg', text: '[email]\nhost = smtp.example.com\nport = 587\nusetls = true\nuser = me\npassword = s3cret-passw0rd\n', expect: [] },
    { name: 'a .cfg that is Python (Buildbot) is not read', file: 'master.cfg', text: "c = BuildmasterConfig = {}\nc['services'] = [reporters.MailNotifier(relayhost='smtp.example.com', smtpPort=465, useTls=True)]\n", expect: [] },
  ]);

  it('a .conf that a project config includes is read as .env when it is neither HOCON nor Fluentd', () => {
    const text = 'SMTP_HOST=smtp.example.com\nSMTP_PORT=465\nSMTP_SECURE=false\n';
    assert.deepEqual(analyzeText('deploy/smtp.conf', text).findings, []);
    const included = analyzeText('deploy/smtp.conf', text, { otherwise: 'dotenv' });
    assert.equal(included.format, 'dotenv');
    assert.deepEqual(included.findings.map((finding) => finding.ruleId), ['plaintext-on-implicit-tls-port']);
    // HOCON content keeps its reader.
    assert.equal(analyzeText('deploy/smtp.conf', 'smtp.host = "smtp.example.com"\nsmtp.port = 465\n', { otherwise: 'dotenv' }).format, 'hocon');
  });
});

describe('real-world configurations: apps with their own semantics', () => {
  defineCases([
    // Vaultwarden: SMTP_SECURITY=starttls|force_tls|off; the deprecated SMTP_SSL=true means STARTTLS there.
    { name: 'Vaultwarden force_tls against 587', file: 'docker-compose.yml', text: 'services:\n  vaultwarden:\n    environment:\n      - SMTP_HOST=smtp.example.com\n      - SMTP_FROM=vault@example.com\n      - SMTP_PORT=587\n      - SMTP_SECURITY=force_tls\n', expect: ['implicit-tls-on-starttls-port@7'] },
    { name: 'Vaultwarden force_tls on 465', file: 'docker-compose.yml', text: 'services:\n  vaultwarden:\n    environment:\n      - SMTP_HOST=smtp.example.com\n      - SMTP_PORT=465\n      - SMTP_SECURITY=force_tls\n', expect: [] },
    { name: 'Vaultwarden default starttls against 465', file: '.env', text: 'SMTP_HOST=smtp.example.com\nSMTP_FROM=vault@example.com\nSMTP_PORT=465\nSMTP_USERNAME=u\nSMTP_PASSWORD=p\nSMTP_AUTH_MECHANISM=Login\n', expect: ['plaintext-on-implicit-tls-port@3'] },
    { name: 'Vaultwarden off sends the password in clear', file: '.env', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\nSMTP_SECURITY=off\nSMTP_USERNAME=u\nSMTP_PASSWORD=p\n', expect: ['cleartext-auth@3'] },
    { name: 'Vaultwarden SMTP_ACCEPT_INVALID_CERTS', file: '.env', text: 'SMTP_HOST=smtp.example.com\nSMTP_SECURITY=starttls\nSMTP_ACCEPT_INVALID_CERTS=true\n', expect: ['tls-verify-disabled@3'] },
    { name: 'Vaultwarden legacy SMTP_SSL=true on 587 is STARTTLS', file: 'docker-compose.yml', text: 'services:\n  vaultwarden:\n    environment:\n      - SMTP_HOST=smtp.example.com\n      - SMTP_PORT=587\n      - SMTP_SSL=true\n', expect: [] },
    { name: 'Vaultwarden legacy SMTP_EXPLICIT_TLS=true is implicit TLS', file: '.env', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\nSMTP_SSL=true\nSMTP_EXPLICIT_TLS=true\n', expect: ['implicit-tls-on-starttls-port@4'] },
    // Outline: SMTP_SECURE defaults to true.
    { name: 'Outline on 587 without SMTP_SECURE', file: '.env', text: 'SMTP_HOST=smtp.sendgrid.net\nSMTP_PORT=587\nSMTP_USERNAME=apikey\nSMTP_PASSWORD=SG.x\nSMTP_FROM_EMAIL=wiki@example.com\nSMTP_REPLY_EMAIL=wiki@example.com\n', expect: ['implicit-tls-on-starttls-port@2'] },
    { name: 'Outline on 587 with SMTP_SECURE=false', file: '.env', text: 'SMTP_HOST=smtp.sendgrid.net\nSMTP_PORT=587\nSMTP_SECURE=false\nSMTP_REPLY_EMAIL=wiki@example.com\n', expect: [] },
    { name: 'Outline on 465 by default', file: '.env', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=465\nSMTP_REPLY_EMAIL=wiki@example.com\n', expect: [] },
    // Words in a secure flag
    { name: 'Nextcloud image SMTP_SECURE=ssl against 587', file: 'docker-compose.yml', text: 'services:\n  app:\n    environment:\n      - SMTP_HOST=smtp.example.com\n      - SMTP_SECURE=ssl\n      - SMTP_PORT=587\n', expect: ['implicit-tls-on-starttls-port@5'] },
    { name: 'Nextcloud image SMTP_SECURE=ssl on 465', file: 'docker-compose.yml', text: 'services:\n  app:\n    environment:\n      - SMTP_HOST=smtp.example.com\n      - SMTP_SECURE=ssl\n      - SMTP_PORT=465\n', expect: [] },
    // Mattermost environment variables
    { name: 'Mattermost MM_EMAILSETTINGS_* STARTTLS against 465', file: 'docker-compose.yml', text: 'services:\n  mattermost:\n    environment:\n      MM_EMAILSETTINGS_SMTPSERVER: smtp.example.com\n      MM_EMAILSETTINGS_SMTPPORT: "465"\n      MM_EMAILSETTINGS_CONNECTIONSECURITY: STARTTLS\n', expect: ['plaintext-on-implicit-tls-port@6'] },
    // Plausible CE (Bamboo.Mua): implicit TLS on 465 when SMTP_HOST_SSL_ENABLED is unset
    { name: 'Plausible on 465 without the SSL flag', file: 'plausible-conf.env', text: 'SMTP_HOST_ADDR=smtp.example.com\nSMTP_HOST_PORT=465\nSMTP_USER_NAME=u\nSMTP_USER_PWD=p\n', expect: [] },
    { name: 'Plausible on 465 with the SSL flag off', file: 'plausible-conf.env', text: 'SMTP_HOST_ADDR=smtp.example.com\nSMTP_HOST_PORT=465\nSMTP_HOST_SSL_ENABLED=false\n', expect: ['plaintext-on-implicit-tls-port@3'] },
  ]);
});

describe('real-world configurations: mail not sent by SMTP', () => {
  defineCases([
    { name: 'Helm values with smtp.enabled: false', file: 'values.yaml', text: 'smtp:\n  enabled: false\n  host: smtp.example.com\n  port: 25\n', expect: [] },
    { name: 'Helm values with smtp.enabled: true', file: 'values.yaml', text: 'smtp:\n  enabled: true\n  host: smtp.example.com\n  port: 25\n', expect: ['port-25-submission@4'] },
    // test/fixtures/realworld/nextcloud-helm: the chart's mail.enabled switches off the mail.smtp block below it.
    { name: 'Helm values with mail.enabled: false above mail.smtp', file: 'values.yaml', text: 'mail:\n  enabled: false\n  smtp:\n    host: smtp.example.com\n    port: 465\n    password: pw\n', expect: [] },
    { name: 'generic mail.smtp with secure: ssl on 587 (not Jakarta Mail)', file: 'values.yaml', text: 'mail:\n  enabled: true\n  smtp:\n    host: smtp.example.com\n    secure: ssl\n    port: 587\n    password: pw\n', expect: ['implicit-tls-on-starttls-port@5'] },
    { name: 'Directus with the default sendmail transport', file: '.env', text: 'EMAIL_TRANSPORT="sendmail"\nEMAIL_SMTP_HOST="smtp.example.com"\nEMAIL_SMTP_PORT=465\nEMAIL_SMTP_SECURE=false\n', expect: [] },
    { name: 'Directus with the smtp transport', file: '.env', text: 'EMAIL_TRANSPORT="smtp"\nEMAIL_SMTP_HOST="smtp.example.com"\nEMAIL_SMTP_PORT=465\nEMAIL_SMTP_SECURE=false\n', expect: ['plaintext-on-implicit-tls-port@4'] },
    { name: 'n8n with N8N_EMAIL_MODE empty', file: '.env', text: 'N8N_EMAIL_MODE=\nN8N_SMTP_HOST=smtp.example.com\nN8N_SMTP_PORT=587\n', expect: [] },
    { name: 'Plausible with the Postmark adapter', file: 'plausible-conf.env', text: 'MAILER_ADAPTER=Bamboo.PostmarkAdapter\nSMTP_HOST_ADDR=smtp.example.com\nSMTP_HOST_PORT=465\nSMTP_HOST_SSL_ENABLED=false\n', expect: [] },
    { name: 'Ghost with a non-SMTP transport', file: 'config.production.json', text: '{ "mail": { "transport": "Direct", "options": { "host": "smtp.example.com", "port": 587, "secure": true, "auth": { "user": "u", "pass": "p" } } } }\n', expect: [] },
    { name: 'Ghost with the SMTP transport', file: 'config.production.json', text: '{ "mail": { "transport": "SMTP", "options": { "host": "smtp.example.com", "port": 587, "secure": true, "auth": { "user": "u", "pass": "p" } } } }\n', expect: ['implicit-tls-on-starttls-port@1'] },
  ]);
});

describe('real-world configurations: environments', () => {
  defineCases([
    { name: 'a Spring on-profile: prod document with MailHog', file: 'application.yml', text: 'spring:\n  mail:\n    host: smtp.example.com\n    port: 587\n    properties:\n      mail.smtp.starttls.enable: true\n---\nspring:\n  config:\n    activate:\n      on-profile: prod\n  mail:\n    host: mailhog\n    port: 1025\n', expect: ['dev-mail-catcher-in-production@13'] },
    { name: 'a Spring legacy spring.profiles: production document', file: 'application.yml', text: 'spring:\n  profiles: production\n  mail:\n    host: maildev\n    port: 1025\n', expect: ['dev-mail-catcher-in-production@4'] },
    { name: 'a Spring !prod document is not production', file: 'application.yml', text: 'spring:\n  config:\n    activate:\n      on-profile: "!prod"\n  mail:\n    host: mailhog\n    port: 1025\n', expect: [] },
    { name: 'a dev profile document inside application-prod.yml', file: 'application-prod.yml', text: 'spring:\n  config:\n    activate:\n      on-profile: local\n  mail:\n    host: mailhog\n    port: 1025\n', expect: [] },
    { name: 'a Gmail password in an example file is a stand-in', file: '.env.sample', text: 'SMTP_HOST=smtp.gmail.com\nSMTP_PORT=587\nSMTP_USER=you@gmail.com\nSMTP_PASS=hunter2\n', expect: [] },
  ]);
});

describe('ranges inside quoted values', () => {
  it('points at the host inside an INI triple-quoted value', () => {
    const text = '[smtp]\nenabled = true\nhost = """smtp.gmial.com:587"""\nskip_verify = false\n';
    const [finding] = analyzeText('grafana.ini', text).findings;
    assert.equal(finding.ruleId, 'host-malformed');
    assert.equal(text.slice(finding.range.start, finding.range.end), 'smtp.gmial.com');
  });
});

describe('environment from markers inside the file', () => {
  const catcher = 'MAIL_MAILER=smtp\nMAIL_HOST=mailhog\nMAIL_PORT=1025\n';
  const rules = (file: string, text: string) => analyzeText(file, text).findings.map((finding) => finding.ruleId);

  it('APP_ENV=production in a file whose path names no environment makes a mail catcher a finding', () => {
    assert.deepEqual(rules('deploy/app.env', `APP_ENV=production\n${catcher}`), ['dev-mail-catcher-in-production']);
  });

  it('without the marker, or with a development one, the same settings are quiet', () => {
    assert.deepEqual(rules('deploy/app.env', catcher), []);
    assert.deepEqual(rules('deploy/app.env', `APP_ENV=local\n${catcher}`), []);
  });

  it('a path that names an environment wins: an example file that copies APP_ENV=production stays an example', () => {
    assert.deepEqual(rules('.env.example', `APP_ENV=production\n${catcher}`), []);
  });

  const service = (name: string) => `services:\n  ${name}:\n    environment:\n      MAIL_MAILER: smtp\n      MAIL_HOST: mailhog\n      MAIL_PORT: 1025\n`;

  it('a Compose project name or service name that says prod is a marker; a neutral one is not', () => {
    assert.deepEqual(rules('deploy/compose.yaml', `name: shop-prod\n${service('app')}`), ['dev-mail-catcher-in-production']);
    assert.deepEqual(rules('deploy/compose.yaml', service('mailer-production')), ['dev-mail-catcher-in-production']);
    assert.deepEqual(rules('deploy/compose.yaml', `name: shop\n${service('app')}`), []);
    // The same words in a file that is not a compose file say nothing (a `name:` key is common).
    assert.deepEqual(rules('deploy/settings.yaml', `name: shop-prod\n${service('app')}`), []);
    // The path wins over names, as over markers.
    assert.deepEqual(rules('deploy/dev/compose.yaml', `name: shop-prod\n${service('app')}`), []);
  });

  it('a Kubernetes namespace (first) or object name that says prod is a marker', () => {
    const env = '        env:\n          - name: MAIL_MAILER\n            value: smtp\n          - name: MAIL_HOST\n            value: mailhog\n          - name: MAIL_PORT\n            value: "1025"\n';
    const deployment = (metadata: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n${metadata}spec:\n  template:\n    spec:\n      containers:\n      - name: app\n${env}`;
    assert.deepEqual(rules('k8s/app.yaml', deployment('  name: mailer\n  namespace: production\n')), ['dev-mail-catcher-in-production']);
    assert.deepEqual(rules('k8s/app.yaml', deployment('  name: mailer-prod\n')), ['dev-mail-catcher-in-production']);
    assert.deepEqual(rules('k8s/app.yaml', deployment('  name: mailer-prod\n  namespace: staging-test\n')), []);
    assert.deepEqual(rules('k8s/app.yaml', deployment('  name: mailer\n')), []);
  });

  it('DJANGO_SETTINGS_MODULE names production by its last part', () => {
    const text = 'DJANGO_SETTINGS_MODULE=shop.settings.production\nEMAIL_HOST=mailpit\nEMAIL_PORT=1025\n';
    assert.deepEqual(rules('deploy/app.env', text), ['dev-mail-catcher-in-production']);
  });
});
