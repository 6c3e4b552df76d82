// Fixes in code that remove a setting or add one (ConfigEntry.site, given by the readers): where they are offered
// and where not. The golden files in test/fixtures/fixes/code-* hold the exact outputs.
import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../src/engine/analyze';
import { prepareCodeFile } from '../../../src/engine/code';
import { fixesFor } from '../../../src/engine/fixes';
import { applyEdits } from '../../../src/engine/fixes/context';

async function fixed(file: string, text: string, rule: string): Promise<string[]> {
  await prepareCodeFile(file, text);
  const finding = analyzeText(file, text).findings.find((item) => item.ruleId === rule);
  assert.ok(finding, `a ${rule} finding`);
  return fixesFor(file, text, finding).map((fix) => applyEdits(text, fix.edits));
}

describe('code fixes that remove or add settings', () => {
  it('nodemailer: rejectUnauthorized goes with its comma, with its `tls: {…}` when alone there; a comment after it stays', async () => {
    const text = "const nodemailer = require('nodemailer');\nnodemailer.createTransport({ host: 'smtp.example.com', port: 587, tls: { rejectUnauthorized: false, minVersion: 'TLSv1.2' } });\n";
    assert.deepEqual(await fixed('a.js', text, 'tls-verify-disabled'), [text.replace('rejectUnauthorized: false, ', '')]);
    const commented = "const nodemailer = require('nodemailer');\nnodemailer.createTransport({\n  host: 'smtp.example.com',\n  port: 587,\n  tls: {\n    rejectUnauthorized: false, // self-signed on staging\n  },\n});\n";
    assert.deepEqual(await fixed('b.js', commented, 'tls-verify-disabled'), [commented.replace('rejectUnauthorized: false, ', '')]);
    const alone = commented.replace(' // self-signed on staging', '');
    assert.deepEqual(await fixed('c.js', alone, 'tls-verify-disabled'), [alone.replace('  tls: {\n    rejectUnauthorized: false,\n  },\n', '')]);
  });

  it('Go: InsecureSkipVerify is removed only where the config names the server (crypto/tls needs one of them)', async () => {
    const text = 'package main\n\nimport (\n\t"crypto/tls"\n\t"net/smtp"\n)\n\nfunc send() error {\n\tc, _ := smtp.Dial("smtp.example.com:587")\n\treturn c.StartTLS(&tls.Config{InsecureSkipVerify: true})\n}\n';
    assert.deepEqual(await fixed('main.go', text, 'tls-verify-disabled'), []);
    const named = text.replace('{InsecureSkipVerify: true}', '{ServerName: "smtp.example.com", InsecureSkipVerify: true}');
    assert.deepEqual(await fixed('main.go', named, 'tls-verify-disabled'), [text.replace('{InsecureSkipVerify: true}', '{ServerName: "smtp.example.com"}')]);
  });

  it('C#: a callback in an object initializer goes as an item; one sharing its line with other code stays', async () => {
    const text = 'using MailKit.Net.Smtp;\nclass M {\n  void Send() {\n    var client = new SmtpClient { ServerCertificateValidationCallback = (s, c, h, e) => true, Timeout = 5000 };\n    client.Connect("smtp.example.com", 587, MailKit.Security.SecureSocketOptions.StartTls);\n  }\n}\n';
    assert.deepEqual(await fixed('M.cs', text, 'tls-verify-disabled'), [text.replace('ServerCertificateValidationCallback = (s, c, h, e) => true, ', '')]);
    const shared = text.replace('var client = new SmtpClient { ServerCertificateValidationCallback = (s, c, h, e) => true, Timeout = 5000 };', 'var client = new SmtpClient(); client.ServerCertificateValidationCallback = (s, c, h, e) => true;');
    assert.deepEqual(await fixed('M.cs', shared, 'tls-verify-disabled'), []);
  });

  it('JavaMail: STARTTLS is added as a put after the last put, for the transport the puts name', async () => {
    const text = 'class M {\n  void s() {\n    java.util.Properties props = new java.util.Properties();\n    props.setProperty("mail.smtp.host", "smtp.example.com");\n    props.setProperty("mail.smtp.port", "587");\n    props.setProperty("mail.smtp.ssl.enable", "true");\n  }\n}\n';
    const [starttls] = await fixed('M.java', text, 'implicit-tls-on-starttls-port');
    assert.equal(starttls, text.replace('"mail.smtp.ssl.enable", "true");\n', '"mail.smtp.ssl.enable", "false");\n    props.setProperty("mail.smtp.starttls.enable", "true");\n'));
  });

  it('PHPMailer: the verify-off SSL options go together, with their statement when they are all it holds; apart or commented they stay', async () => {
    const head = "<?php\n$mail = new PHPMailer\\PHPMailer\\PHPMailer();\n$mail->isSMTP();\n$mail->Host = 'smtp.example.com';\n$mail->Port = 587;\n$mail->SMTPSecure = 'tls';\n";
    const inline = `${head}$mail->SMTPOptions = ['ssl' => ['peer_name' => 'mx.example.com', 'verify_peer' => false, 'verify_peer_name' => false]];\n`;
    assert.deepEqual(await fixed('a.php', inline, 'tls-verify-disabled'), [inline.replace(", 'verify_peer' => false, 'verify_peer_name' => false", '')]);
    const both = `${head}$mail->SMTPOptions = ['ssl' => ['verify_peer' => false], 'http' => ['timeout' => 5]];\n`;
    assert.deepEqual(await fixed('b.php', both, 'tls-verify-disabled'), [both.replace("'ssl' => ['verify_peer' => false], ", '')]);
    const apart = `${head}$mail->SMTPOptions = ['ssl' => ['verify_peer' => false, 'peer_name' => 'mx.example.com', 'verify_peer_name' => false]];\n`;
    assert.deepEqual(await fixed('c.php', apart, 'tls-verify-disabled'), []);
    const commented = `${head}$mail->SMTPOptions = ['ssl' => ['verify_peer' => false /* staging */]];\n`;
    assert.deepEqual(await fixed('d.php', commented, 'tls-verify-disabled'), []);
  });

  it('smtplib: ssl._create_unverified_context() becomes ssl.create_default_context(), only when called bare on ssl', async () => {
    const text = "import smtplib, ssl\nwith smtplib.SMTP('smtp.example.com', 587) as s:\n    s.starttls(context=ssl._create_unverified_context())\n";
    assert.deepEqual(await fixed('a.py', text, 'tls-verify-disabled'), [text.replace('ssl._create_unverified_context()', 'ssl.create_default_context()')]);
    const argued = text.replace('_create_unverified_context()', '_create_unverified_context(cafile=CA)');
    assert.deepEqual(await fixed('b.py', argued, 'tls-verify-disabled'), []);
  });
});
