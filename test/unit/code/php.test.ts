// The PHP reader: PHPMailer, SwiftMailer and Symfony Mailer DSNs in code, what stays unknown, and fixes in PHP's syntax.
import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../src/engine/analyze';
import { codeParserNeeded, prepareCodeFile } from '../../../src/engine/code';
import { fixesFor } from '../../../src/engine/fixes';
import { applyEdits } from '../../../src/engine/fixes/context';

async function analyze(file: string, text: string) {
  await prepareCodeFile(file, text);
  return analyzeText(file, text);
}

async function found(text: string, file = 'mail.php'): Promise<string[]> {
  const analysis = await analyze(file, text);
  return analysis.findings.map((finding) => `${finding.ruleId}:${text.slice(finding.range.start, finding.range.end)}`);
}

const PHPMAILER = "<?php\nuse PHPMailer\\PHPMailer\\PHPMailer;\n$mail = new PHPMailer(true);\n$mail->isSMTP();\n$mail->Host = 'smtp.example.com';\n";

describe('code readers: PHP', () => {
  it('parses only PHP files that name a mail library', () => {
    assert.equal(codeParserNeeded('src/index.php', '<?php echo "hello";'), undefined);
    assert.equal(codeParserNeeded('src/mail.php', PHPMAILER), 'php');
  });

  it("PHPMailer: 'ssl' on 587, on the SMTPSecure value; the STARTTLS fix writes 'tls' in place", async () => {
    const text = `${PHPMAILER}$mail->SMTPSecure = 'ssl';\n$mail->Port = 587;\n`;
    const analysis = await analyze('mail.php', text);
    assert.deepEqual(analysis.findings.map((finding) => `${finding.ruleId}:${text.slice(finding.range.start, finding.range.end)}`), ["implicit-tls-on-starttls-port:'ssl'"]);
    const [preferred] = fixesFor('mail.php', text, analysis.findings[0]);
    assert.equal(preferred.title, 'Switch to STARTTLS on port 587');
    assert.equal(applyEdits(text, preferred.edits), text.replace("'ssl'", "'tls'"));
  });

  it("PHPMailer: the class constants are read; 'SSL' is not 'ssl' (PHPMailer compares with ===)", async () => {
    assert.deepEqual(await found(`${PHPMAILER}$mail->SMTPSecure = PHPMailer::ENCRYPTION_SMTPS;\n$mail->Port = 465;\n`), []);
    assert.deepEqual(await found(`${PHPMAILER}$mail->SMTPSecure = PHPMailer::ENCRYPTION_STARTTLS;\n$mail->Port = 465;\n`), ['plaintext-on-implicit-tls-port:PHPMailer::ENCRYPTION_STARTTLS']);
    assert.deepEqual(await found(`${PHPMAILER}$mail->SMTPSecure = 'SSL';\n$mail->Port = 465;\n`), ["plaintext-on-implicit-tls-port:'SSL'"]);
  });

  it('PHPMailer: without isSMTP() the SMTP settings are not used (mail() sends)', async () => {
    assert.deepEqual(await found(PHPMAILER.replace('$mail->isSMTP();\n', '') + "$mail->SMTPSecure = 'ssl';\n$mail->Port = 587;\n"), []);
  });

  it('PHPMailer: SMTPAutoTLS = false with a password is cleartext; SMTPAuth off sends none', async () => {
    const text = `${PHPMAILER}$mail->Port = 587;\n$mail->SMTPAuth = true;\n$mail->SMTPAutoTLS = false;\n$mail->Username = 'u';\n$mail->Password = 'p';\n`;
    const analysis = await analyze('mail.php', text);
    assert.deepEqual(analysis.findings.map((finding) => finding.ruleId), ['cleartext-auth']);
    assert.equal(applyEdits(text, fixesFor('mail.php', text, analysis.findings[0])[0].edits), text.replace('SMTPAutoTLS = false', 'SMTPAutoTLS = true'));
    assert.deepEqual(await found(text.replace('SMTPAuth = true', 'SMTPAuth = false')), []);
    // SMTPAutoTLS is ignored once SMTPSecure is 'tls'.
    assert.deepEqual(await found(text.replace('$mail->SMTPAutoTLS = false;', "$mail->SMTPAutoTLS = false;\n$mail->SMTPSecure = 'tls';")), []);
  });

  it('PHPMailer: SMTPOptions verify_peer false is one finding, on the value', async () => {
    const text = `${PHPMAILER}$mail->SMTPSecure = 'tls';\n$mail->Port = 587;\n$mail->SMTPOptions = ['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]];\n`;
    assert.deepEqual(await found(text), ['tls-verify-disabled:false']);
  });

  it('PHPMailer: an ssl:// host prefix wins over SMTPSecure', async () => {
    assert.deepEqual(await found(`${PHPMAILER.replace("'smtp.example.com'", "'ssl://smtp.example.com'")}$mail->SMTPSecure = 'tls';\n$mail->Port = 587;\n`), ['implicit-tls-on-starttls-port:ssl://']);
  });

  it('values: getenv() ?: fallback, $_ENV ?? fallback, constants; config values and branches stay unknown', async () => {
    assert.deepEqual(await found(`${PHPMAILER}$mail->SMTPSecure = 'ssl';\n$mail->Port = getenv('SMTP_PORT') ?: 587;\n`), ["implicit-tls-on-starttls-port:'ssl'"]);
    assert.deepEqual(await found(`${PHPMAILER}const SECURE = 'ssl';\n$mail->SMTPSecure = SECURE;\n$mail->Port = (int) ($_ENV['SMTP_PORT'] ?? 587);\n`), ["implicit-tls-on-starttls-port:'ssl'"]);
    assert.deepEqual(await found(`${PHPMAILER}$mail->SMTPSecure = 'ssl';\n$mail->Port = $config['port'] ?? 587;\n`), []);
    assert.deepEqual(await found(`${PHPMAILER}$mail->Port = 587;\nif ($legacy) {\n  $mail->SMTPSecure = 'ssl';\n}\n`), []);
  });

  it('PHPMailer: an object handed to other code that may set SMTPSecure has an unknown TLS mode', async () => {
    assert.deepEqual(await found(`${PHPMAILER}$mail->Port = 465;\napplyDefaults($mail);\n`), []);
    assert.deepEqual(await found(`${PHPMAILER}$mail->Port = 465;\n`), ["plaintext-on-implicit-tls-port:465"]);
  });

  it("SwiftMailer: the constructor's encryption and the chained setters", async () => {
    const text = "<?php\n$transport = (new Swift_SmtpTransport('smtp.example.com', 587, 'ssl'))\n  ->setUsername('u')\n  ->setPassword('p');\n";
    const analysis = await analyze('mail.php', text);
    assert.deepEqual(analysis.findings.map((finding) => `${finding.ruleId}:${text.slice(finding.range.start, finding.range.end)}`), ["implicit-tls-on-starttls-port:'ssl'"]);
    assert.equal(applyEdits(text, fixesFor('mail.php', text, analysis.findings[0])[0].edits), text.replace("'ssl'", "'tls'"));
    assert.deepEqual(await found("<?php\n$t = new Swift_SmtpTransport('smtp.example.com', 587);\n$t->setEncryption('tls');\n"), []);
    // SwiftMailer never sends STARTTLS without an encryption.
    assert.deepEqual(await found("<?php\n$t = (new Swift_SmtpTransport('smtp.example.com', 587))->setUsername('u')->setPassword('p');\n"), ["cleartext-auth:'p'"]);
  });

  it('Symfony Mailer: Transport::fromDsn() with a literal DSN', async () => {
    assert.deepEqual(await found("<?php\n$t = Transport::fromDsn('smtps://u:p@smtp.example.com:587');\n"), ['implicit-tls-on-starttls-port:smtps']);
    assert.deepEqual(await found("<?php\n$t = Transport::fromDsn('smtp://u:p@smtp.example.com:465');\n"), []);
    assert.deepEqual(await found("<?php\n$t = Transport::fromDsn($_ENV['MAILER_DSN']);\n"), []);
  });
});
