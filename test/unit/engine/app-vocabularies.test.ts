// Each app's own meaning, on the real files of test/fixtures/realworld (corpus.json names their sources): the
// findings there, and what changes when the word that tells the app apart is taken away, so each test can fail.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../../../src/engine/analyze';
import { describeConnection } from '../../../src/engine/explain';
import { LineIndex } from '../../../src/engine/text';
import { REALWORLD } from './realworld-score';

function read(file: string): string {
  return fs.readFileSync(path.join(REALWORLD, file), 'utf8');
}

function findings(file: string, text = read(file)): string[] {
  const lines = new LineIndex(text);
  return analyzeText(file, text).findings.map((finding) => `${finding.ruleId}@${lines.positionAt(finding.range.start).line + 1}`);
}

function profiles(file: string, text = read(file)): string[] {
  return analyzeText(file, text).groups.map((group) => group.profile.id);
}

describe('app vocabularies on real files', () => {
  it("Nextcloud: mail_smtpstreamoptions 'verify_peer' => false in a config.php excerpt is one finding, on verify_peer", () => {
    const file = 'issues/nextcloud-server-37329/config.php';
    assert.deepEqual(findings(file), ['tls-verify-disabled@12']);
    // verify_peer_name alone still accepts a certificate for another host: reported on its own line.
    const narrower = read(file).replace("      'verify_peer' => false,\n", '');
    assert.deepEqual(findings(file, narrower), ['tls-verify-disabled@12']);
    assert.deepEqual(findings(file, read(file).replace(/'verify_peer(_name)?' => false/g, "'verify_peer$1' => true")), []);
  });

  it('Nextcloud sends the credentials only with mail_smtpauth on (default off): the STARTTLS hint follows it', () => {
    const file = 'issues/nextcloud-server-37329/config.php';
    // The thread's redaction broke the quote of mail_smtpname; a plain address in its place.
    const text = read(file).replace("***@***.***'", "'cloud@domain.com'").replace("'smtp.domain.com'", "'smtp.mailgun.org'");
    const verifyOn = text.replace("'verify_peer' => false", "'verify_peer' => true").replace("'verify_peer_name' => false", "'verify_peer_name' => true");
    assert.deepEqual(findings(file, verifyOn), ['opportunistic-starttls@5']);
    assert.deepEqual(findings(file, verifyOn.replace("  'mail_smtpauth' => 1,\n", '')), []);
    assert.deepEqual(findings(file, verifyOn.replace("'mail_smtpauth' => 1", "'mail_smtpauth' => false")), []);
  });

  it("Snapp: told by the service's image, SMTP_SSL unset is implicit TLS against 587", () => {
    const file = 'issues/snapp-46/docker-compose.yml';
    assert.deepEqual(profiles(file), ['snapp']);
    assert.deepEqual(findings(file), ['implicit-tls-on-starttls-port@11']);
    // Without the image the SMTP_* words are anyone's: nothing is said.
    const noImage = read(file).replace('    image: uraniadev/snapp:latest\n', '');
    assert.deepEqual(profiles(file, noImage), ['generic']);
    assert.deepEqual(findings(file, noImage), []);
    // SMTP_SSL written as false: STARTTLS when offered, right for 587; Snapp cannot require it, so only the hint is left.
    assert.deepEqual(findings(file, read(file).replace('      SMTP_PORT: 587 \n', '      SMTP_PORT: 587 \n      SMTP_SSL: "false"\n')), ['opportunistic-starttls@11']);
  });

  it('the bitnami Discourse image: SMTP_PROTOCOL=ssl is no encryption, tls is STARTTLS when offered', () => {
    // The excerpt names no image: it stays unjudged (generic keys on 465 say nothing for certain).
    const file = 'issues/bitnami-docker-discourse-108/docker-compose.yml';
    assert.deepEqual(findings(file), []);
    const withImage = `services:\n  discourse:\n    image: docker.io/bitnami/discourse:3\n    environment:\n${read(file)}`;
    assert.deepEqual(profiles(file, withImage), ['bitnami-discourse']);
    assert.deepEqual(findings(file, withImage), ['plaintext-on-implicit-tls-port@8']);
    const starttls = withImage.replace('SMTP_PORT=465', 'SMTP_PORT=587\n      - SMTP_PROTOCOL=tls');
    assert.deepEqual(findings(file, starttls), []);
  });

  it('the bitnami WordPress image: SMTP_PROTOCOL goes to WP Mail SMTP (ssl implicit, tls STARTTLS), told by the image', () => {
    const file = 'issues/bitnami-docker-wordpress-30/docker-compose.yml';
    assert.deepEqual(profiles(file), ['bitnami-wordpress']);
    assert.deepEqual(findings(file), []);
    assert.deepEqual(findings(file, read(file).replace('SMTP_PROTOCOL=tls', 'SMTP_PROTOCOL=ssl')), ['implicit-tls-on-starttls-port@21']);
    // The image's own names, and port 465 with tls: STARTTLS against an implicit-TLS port.
    const own = read(file).replace(/- SMTP_(HOST|PORT|PROTOCOL)=/g, '- WORDPRESS_SMTP_$1=').replace('PORT=587', 'PORT=465');
    assert.deepEqual(findings(file, own), ['plaintext-on-implicit-tls-port@21']);
    // Without the image the SMTP_* words are anyone's: ssl on 587 is not judged as WordPress's.
    const noImage = read(file).replace("    image: 'bitnami/wordpress:latest'\n", '').replace('SMTP_PROTOCOL=tls', 'SMTP_PROTOCOL=ssl');
    assert.notDeepEqual(profiles(file, noImage), ['bitnami-wordpress']);
  });

  it("Documenso: NEXT_PRIVATE_SMTP_* are Documenso's, so SendGrid on 2500 is refused", () => {
    const file = 'planted/documenso-sendgrid-port-2500/.env.example';
    assert.deepEqual(profiles(file), ['documenso']);
    assert.deepEqual(findings(file), ['provider-port-unsupported@111']);
    assert.deepEqual(findings(file, read(file).replace('NEXT_PRIVATE_SMTP_TRANSPORT="smtp-auth"', 'NEXT_PRIVATE_SMTP_TRANSPORT="resend"')), []);
  });

  it("Outline: SMTP_SERVICE=gmail is Gmail; an example's typed password is judged, a stand-in is not", () => {
    const file = 'planted/outline-gmail-account-password/.env.sample';
    assert.deepEqual(findings(file), ['gmail-app-password@220']);
    assert.deepEqual(findings(file, read(file).replace('Acme-Wiki-2024!', 'hunter2')), []);
    assert.deepEqual(findings(file, read(file).replace('SMTP_SERVICE=gmail', 'SMTP_SERVICE=postmark')), []);
  });

  it('wger: django-environ defaults True for both flags, under if ENABLE_EMAIL after a DEBUG console backend', () => {
    const file = 'planted/wger-use-ssl-default-true/settings/main.py';
    assert.deepEqual(findings(file), ['conflicting-tls-flags@167']);
    assert.deepEqual(findings(file, read(file).replace("env.bool('EMAIL_USE_SSL', True)", "env.bool('EMAIL_USE_SSL', False)")), []);
    // The console backend written last wins: nothing goes out by SMTP.
    assert.deepEqual(findings(file, read(file).replace("# Sender address used for sent emails\n", "EMAIL_BACKEND = 'django.core.mail.backends.console.EmailBackend'\n# Sender address used for sent emails\n")), []);
  });

  it('opportunistic STARTTLS with a password to a real host is a hint; to the test catcher it is silent', () => {
    const planted = 'planted/documenso-testing-mailgun-587/docker/testing/compose.yml';
    const hint = analyzeText(planted, read(planted)).findings.find((finding) => finding.ruleId === 'opportunistic-starttls');
    assert.equal(hint?.severity, 'hint');
    assert.deepEqual(findings(planted), ['opportunistic-starttls@45']);
    assert.deepEqual(findings('documenso/docker/testing/compose.yml'), []);
  });

  it('UI labels and a lone switched-off `type:` build no SMTP group (Pocket ID locale, Helm values); @type mail does', () => {
    const locale = 'pocket-id/frontend/messages/en.json';
    assert.deepEqual(profiles(locale), []);
    assert.deepEqual(findings(locale), []);
    // The same keys with values are settings again.
    const settings = '{\n  "smtp_host": "smtp.example.com",\n  "smtp_port": "58 7"\n}\n';
    assert.deepEqual(findings('frontend/messages/en.json', settings), ['invalid-port@3']);
    assert.deepEqual(profiles('values.yaml', 'service:\n  type: ClusterIP\n  port: 80\nimage:\n  tag: latest\n'), []);
    assert.deepEqual(profiles('issues/fluent-plugin-mail-45/fluent.conf'), ['fluent-plugin-mail']);
  });

  it('Baserow: EMAIL_SMTP_USE_TLS: "False" is explained as Baserow reads it, on (elestio docker-compose.yml)', () => {
    const file = 'elestio-baserow/docker-compose.yml';
    const [group] = analyzeText(file, read(file)).groups;
    assert.equal(group.tls.mode, 'starttls-required');
    assert.match(describeConnection(group), /because EMAIL_SMTP_USE_TLS=False, which Baserow reads as on: any non-empty value is\)\.$/);
    // A value that already says on needs no gloss.
    const [plain] = analyzeText(file, read(file).replace('EMAIL_SMTP_USE_TLS: "False"', 'EMAIL_SMTP_USE_TLS: "true"')).groups;
    assert.match(describeConnection(plain), /because EMAIL_SMTP_USE_TLS=true\)\.$/);
  });

  it("configuration/configuration.py is NetBox's only with its EMAIL dict (netbox-docker); Frappe code of that name is code", () => {
    const netbox = 'netbox-docker/configuration/configuration.py';
    assert.equal(analyzeText(netbox, read(netbox)).format, 'assignments');
    assert.deepEqual(profiles(netbox), ['netbox']);
    const other = 'erpnext-autoinstall/configuration/configuration.py';
    assert.equal(analyzeText(other, read(other)).format, 'code');
    assert.deepEqual(profiles(other), []);
    // NetBox's dict under that name is read as NetBox's settings.
    assert.deepEqual(profiles(other, "EMAIL = {\n    'SERVER': 'smtp.example.com',\n    'PORT': 587,\n    'USE_TLS': True,\n}\n"), ['netbox']);
  });

  it("a database block's `type:` beside its host is not fluent-plugin-mail (Wiki.js config.sample.yml); `type: mail` is", () => {
    const file = 'wikijs/config.sample.yml';
    assert.deepEqual(profiles(file), []);
    // The same block named as the plugin: a group (type mail, host, port, user, password).
    assert.deepEqual(profiles(file, read(file).replace('  type: postgres\n', '  type: mail\n')), ['fluent-plugin-mail']);
    // Fluentd's `<match>` with the old `type mail`: still the plugin; another output's host and port are not.
    const example = 'fluent-plugin-mail/example/example.conf';
    assert.deepEqual(profiles(example), ['fluent-plugin-mail']);
    assert.deepEqual(profiles(example, read(example).replace('  type mail\n', '  type forward\n')), []);
  });

  it("Roundcube config.inc.php: ssl:// is implicit TLS on the host's port, 465 without one; tls:// is STARTTLS", () => {
    const file = 'issues/roundcubemail-9051/config.inc.php';
    assert.deepEqual(profiles(file), ['roundcube-config']);
    assert.deepEqual(findings(file), []);
    const host = (value: string) => read(file).replace("'ssl://mail.example.com:465'", `'${value}'`);
    assert.deepEqual(findings(file, host('ssl://mail.example.com:587')), ['implicit-tls-on-starttls-port@1']);
    // parse_host_uri(host, 587, 465): ssl:// without a port connects to 465, anything else to 587.
    assert.deepEqual(findings(file, host('ssl://mail.example.com')), []);
    assert.deepEqual(findings(file, host('tls://mail.example.com:465')), ['plaintext-on-implicit-tls-port@1']);
    assert.deepEqual(findings(file, host('mail.example.com:465')), ['plaintext-on-implicit-tls-port@1']);
    // Without Roundcube's own words beside them, smtp_host and friends are anyone's: not read as Roundcube's.
    const bare = "$config['smtp_host'] = 'ssl://mail.example.com:587';\n";
    assert.ok(!profiles(file, bare).includes('roundcube-config'));
  });

  it("Roundcube: the logged-in user's %u/%p still go out in clear without tls://, and are not judged as typed credentials", () => {
    const file = 'roundcubemail/config/config.inc.php.sample';
    // localhost:587 without a scheme: plain SMTP to this machine, silent.
    assert.deepEqual(findings(file), []);
    const remote = read(file).replace("'localhost:587'", "'smtp.gmail.com:587'");
    assert.deepEqual(findings(file, remote), ['cleartext-auth@44']);
    // tls:// is STARTTLS. As the live config.inc.php copied from the sample: '%p' is the user's own password, not one
    // typed here, so no "use an app password"; a typed one is judged.
    const live = remote.replace("'smtp.gmail.com:587'", "'tls://smtp.gmail.com:587'");
    assert.deepEqual(findings('config/config.inc.php', live), []);
    assert.deepEqual(findings('config/config.inc.php', live.replace("'%p'", "'Hunter2hunter!'")), ['gmail-app-password@44']);
  });

  it("Roundcube: smtp_conn_options 'verify_peer' => false is one finding, but not to the default localhost", () => {
    const file = 'issues/roundcubemail-8889/config.inc.php';
    assert.deepEqual(findings(file), []);
    const remote = `$config['smtp_host'] = 'tls://mail.example.com';\n${read(file)}`;
    assert.deepEqual(findings(file, remote), ['tls-verify-disabled@8']);
    assert.deepEqual(findings(file, remote.replace("'verify_peer' => false", "'verify_peer' => true")), ['tls-verify-disabled@9']);
  });

  it('Roundcube before 1.6: smtp_server carries the scheme, smtp_port the port', () => {
    const file = 'issues/roundcubemail-5965/config.inc.php';
    assert.deepEqual(profiles(file), ['roundcube-config']);
    assert.deepEqual(findings(file), []);
    // The finding sits on what sets the mode: tls:// in smtp_server.
    assert.deepEqual(findings(file, read(file).replace('= 587;', '= 465;')), ['plaintext-on-implicit-tls-port@1']);
  });
  it("Matomo [mail]: PHPMailer's port 25 and STARTTLS when offered; 'ssl' implicit, 'none' no TLS; credentials only with type", () => {
    const file = 'matomo/config/global.ini.php';
    // transport empty: PHP's mail(), nothing to judge.
    assert.deepEqual(findings(file), []);
    const set = (text: string, key: string, value: string) => text.replace(new RegExp(`^${key} = ;`, 'm'), `${key} = ${value} ;`);
    const smtp = set(set(set(read(file), 'transport', 'smtp'), 'host', 'smtp.example.com'), 'port', '587');
    assert.ok(profiles(file, smtp).includes('matomo'));
    assert.deepEqual(findings(file, smtp), []);
    assert.deepEqual(findings(file, set(smtp, 'encryption', 'ssl')), ['implicit-tls-on-starttls-port@1140']);
    // Empty encryption on 465: PHPMailer never opens TLS from the first byte by itself.
    assert.deepEqual(findings(file, smtp.replace(/^port = 587 ;/m, 'port = 465 ;')), ['plaintext-on-implicit-tls-port@1140']);
    // The same SMTP settings with transport left empty are not used.
    assert.deepEqual(findings(file, set(set(set(read(file), 'host', 'smtp.example.com'), 'port', '465'), 'encryption', 'tls')), []);
    // encryption = none: the password goes out in clear, but only when `type` turns SMTP AUTH on.
    const none = set(set(set(smtp, 'encryption', 'none'), 'username', 'me'), 'password', 'hunter2');
    assert.deepEqual(findings(file, none), []);
    assert.deepEqual(findings(file, set(none, 'type', 'LOGIN')), ['cleartext-auth@1140']);
    assert.deepEqual(findings(file, smtp.replace('ssl_verify_peer = 1', 'ssl_verify_peer = 0')), ['tls-verify-disabled@1142']);
  });

  it("Redmine's configuration.yml (mail 2.8): tls/ssl win over enable_starttls_auto, nothing is refused; Rails' mail 2.9 refuses both", () => {
    const file = 'issues/docker-redmine-395/configuration.yml';
    assert.deepEqual(profiles(file), ['redmine']);
    assert.deepEqual(findings(file), ['implicit-tls-on-starttls-port@11']);
    assert.deepEqual(findings('issues/docker-redmine-149/configuration.yml'), []);
    // The same smtp_settings without Redmine's email_delivery are ActionMailer's, read as mail 2.9.
    const bare = read(file).replace(/^ {2}email_delivery:\n {4}delivery_method: :smtp\n/, '');
    assert.deepEqual(profiles(file, bare), ['rails']);
    assert.deepEqual(findings(file, bare), ['conflicting-tls-flags@2']);
    // mail 2.8's enable_starttls takes true or false only; false turns STARTTLS off beside enable_starttls_auto.
    const noTls = read(file).replace('      tls: true\n', '');
    assert.deepEqual(findings(file, noTls), ['opportunistic-starttls@6']);
    assert.deepEqual(findings(file, noTls.replace('enable_starttls_auto: true', 'enable_starttls_auto: true\n      enable_starttls: false')), ['cleartext-auth@5']);
    // delivery_method: :sendmail leaves smtp_settings unused.
    assert.deepEqual(findings(file, read(file).replace(':smtp', ':sendmail')), []);
  });
  it('icloud-docker: plain smtplib.SMTP then starttls() unless no_tls, so 465 never answers; no_tls: true sends the password in clear', () => {
    const file = 'issues/icloud-docker-72/config.yaml';
    assert.deepEqual(profiles(file), ['icloud-docker']);
    assert.deepEqual(findings(file), ['plaintext-on-implicit-tls-port@8']);
    assert.deepEqual(findings(file, read(file).replace('port: 465', 'port: 587')), []);
    assert.deepEqual(findings(file, read(file).replace('port: 465', 'port: 587').replace('no_tls: false', 'no_tls: true')), ['cleartext-auth@8']);
    // Without no_tls beside email these are anyone's smtp: keys, and 465 says nothing for certain.
    const noSwitch = read(file).replace('  no_tls: false\n', '');
    assert.deepEqual(profiles(file, noSwitch), ['generic']);
    assert.deepEqual(findings(file, noSwitch), []);
  });
  it("Omnibus GitLab's gitlab_rails['smtp_*'] lines in a file not named gitlab.rb are read as gitlab.rb; other Ruby stays code", () => {
    const file = 'issues/gitlabhq-9236/config.rb';
    assert.deepEqual(profiles(file), ['gitlab']);
    assert.deepEqual(findings(file), ['port-25-submission@6']);
    assert.equal(analyzeText(file, read(file)).format, 'assignments');
    // One such line is no gitlab.rb: the file is Ruby source again, where these lines name no mail library.
    const oneLine = read(file).split('\n').filter((line) => !/smtp_/.test(line) || /smtp_port/.test(line)).join('\n');
    assert.equal(analyzeText(file, oneLine).format, 'code');
    assert.deepEqual(findings(file, oneLine), []);
  });
});
