// Code values joined to the project's `.env` (src/engine/project-code.ts and the readers' environment lookups):
// a lookup takes the value the nearest `.env` sets, the finding stays on the code's line, related information
// points at the `.env` line, and no fix rewrites a value that the `.env` gives.
import { strict as assert } from 'node:assert';
import { analyzeText, type Finding } from '../../../src/engine/analyze';
import { prepareCodeFile } from '../../../src/engine/code';
import { fixesFor } from '../../../src/engine/fixes';
import { analyzeInProject, environmentFor, inputsOf, readersOf, readsFrom } from '../../../src/engine/project';
import { codeInputsOf, inputsMatter } from '../../../src/engine/project-code';

async function analyze(file: string, text: string, dotenv?: string) {
  await prepareCodeFile(file, text);
  const environment = dotenv === undefined ? undefined : environmentFor(file, (input) => (input === '.env' ? dotenv : undefined));
  return analyzeText(file, text, environment ? { environment } : {});
}

const shown = (text: string, findings: readonly Finding[]) => findings.map((finding) => `${finding.ruleId}:${text.slice(finding.range.start, finding.range.end)}`);

describe('code values from the project .env', () => {
  it('a source file reads the nearest .env above it, up to the project root', () => {
    assert.deepEqual(codeInputsOf('src/mail/send.js'), ['src/mail/.env', 'src/.env', '.env']);
    assert.deepEqual(codeInputsOf('/home/u/app/src/send.py', '/home/u/app'), ['/home/u/app/src/.env', '/home/u/app/.env']);
    assert.deepEqual(codeInputsOf('/send.py'), ['/.env']);
    assert.deepEqual(codeInputsOf('C:\\app\\Mail.cs', 'C:\\app'), ['C:\\app\\.env']);
    assert.deepEqual(codeInputsOf('docker-compose.yml'), [], 'not code');
    assert.deepEqual(inputsOf('deploy/docker-compose.yml'), ['deploy/.env'], 'compose files keep their own input');
    assert.ok(readsFrom('src/mail.ts', '.env'));
    const texts: Record<string, string> = { 'src/.env': 'SMTP_PORT=2525\n', '.env': 'SMTP_PORT=465\n' };
    assert.equal(environmentFor('src/mail/send.js', (input) => texts[input])?.get('SMTP_PORT')?.value, '2525', 'the nearest, not a merge');
    assert.equal(environmentFor('src/mail/send.js', () => undefined), undefined);
    assert.ok(inputsMatter('src/mail.js', "require('nodemailer')"));
    assert.ok(!inputsMatter('src/server.js', 'app.listen(process.env.PORT)'), 'a source file naming no mail library: its .env is not looked for');
    assert.ok(inputsMatter('docker-compose.yml', 'services: {}'), 'other files keep their inputs');
  });

  it('nodemailer: process.env values from the .env, the finding on the code, related information on the .env line', async () => {
    const text = "const nodemailer = require('nodemailer');\nmodule.exports = nodemailer.createTransport({\n  host: process.env.SMTP_HOST,\n  port: Number(process.env.SMTP_PORT),\n  secure: process.env.SMTP_SECURE === 'true',\n});\n";
    assert.deepEqual((await analyze('src/mail.js', text)).findings, [], 'without a .env: unknown');
    const analysis = await analyze('src/mail.js', text, 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\nSMTP_SECURE=true\n');
    assert.deepEqual(shown(text, analysis.findings), ["implicit-tls-on-starttls-port:process.env.SMTP_SECURE === 'true'"]);
    const inEnv = analysis.findings[0].related.filter((item) => item.file);
    assert.deepEqual(
      inEnv.map((item) => `${item.file!.path}:${item.file!.start.line + 1}:${item.message}`).sort(),
      ['.env:2:SMTP_PORT=587 is set here', '.env:3:SMTP_SECURE=true is set here'],
    );
    assert.deepEqual(fixesFor('src/mail.js', text, analysis.findings[0], { environment: environmentFor('src/mail.js', () => 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\nSMTP_SECURE=true\n') }), [], 'a value from the .env is not rewritten in the code');
  });

  it("in the project: the code's finding on a lookup the .env sets stays on the code (not moved into the .env, as config joins are)", async () => {
    const text = "import nodemailer from 'nodemailer';\nnodemailer.createTransport({ host: 'smtp.example.com', port: 587, secure: process.env.SMTP_SECURE });\n";
    const dotenv = 'SMTP_SECURE=true\n';
    const texts: Record<string, string> = { '/app/src/mail.ts': text, '/app/.env': dotenv };
    const files = { read: (file: string) => texts[file], list: (folder: string) => (folder === '/app/' ? ['.env', 'src'] : folder === '/app/src/' ? ['mail.ts'] : []), root: () => '/app' };
    await prepareCodeFile('/app/src/mail.ts', text);
    const analysis = analyzeInProject('/app/src/mail.ts', text, files);
    assert.deepEqual(shown(text, analysis.findings), ['implicit-tls-on-starttls-port:process.env.SMTP_SECURE']);
    assert.equal(analysis.elsewhere, undefined);
    assert.deepEqual(analysis.findings[0].related.filter((item) => item.file).map((item) => `${item.file!.path}:${item.file!.start.line + 1}:${item.message}`), ['/app/.env:1:SMTP_SECURE=true is set here']);
    assert.deepEqual(readersOf('/app/.env', files), [], 'source code is not a reader whose findings go into the .env');
    assert.deepEqual(analyzeInProject('/app/.env', dotenv, files).findings, []);
  });

  it('nodemailer: a string from the .env is true in a flag ("false" too), and the fallback gives way to a set variable', async () => {
    const text = "import nodemailer from 'nodemailer';\nnodemailer.createTransport({ host: 'smtp.example.com', port: process.env.SMTP_PORT || 587, secure: process.env.SMTP_SECURE });\n";
    assert.deepEqual(shown(text, (await analyze('mail.ts', text, 'SMTP_SECURE=false\n')).findings), ['implicit-tls-on-starttls-port:process.env.SMTP_SECURE']);
    assert.deepEqual(shown(text, (await analyze('mail.ts', text, 'SMTP_SECURE=\n')).findings), [], 'an empty string is false');
    assert.deepEqual(shown(text, (await analyze('mail.ts', text, 'SMTP_PORT=465\nSMTP_SECURE=\n')).findings), ['plaintext-on-implicit-tls-port:process.env.SMTP_SECURE']);
    assert.deepEqual(shown(text, (await analyze('mail.ts', text, 'SMTP_PORT=\nSMTP_SECURE=\n')).findings), [], "`||` passes over an empty value: 587");
  });

  it('Python: os.environ["X"] and os.getenv("X", fallback) read the .env', async () => {
    const text = 'import os, smtplib\nserver = smtplib.SMTP_SSL(os.environ["EMAIL_HOST"], int(os.getenv("EMAIL_PORT", "465")))\n';
    assert.deepEqual(shown(text, (await analyze('app/mail.py', text)).findings), []);
    assert.deepEqual(shown(text, (await analyze('app/mail.py', text, 'EMAIL_HOST=smtp.example.com\nEMAIL_PORT=587\n')).findings), ['implicit-tls-on-starttls-port:SMTP_SSL']);
  });

  it('PHP: getenv() and $_ENV read the .env; a PHPMailer flag from getenv() is not followed', async () => {
    const text = "<?php\nuse PHPMailer\\PHPMailer\\PHPMailer;\n$mail = new PHPMailer();\n$mail->isSMTP();\n$mail->Host = $_ENV['MAIL_HOST'];\n$mail->Port = getenv('MAIL_PORT') ?: 587;\n$mail->SMTPSecure = 'ssl';\n";
    assert.deepEqual(shown(text, (await analyze('mail.php', text, 'MAIL_HOST=smtp.example.com\n')).findings), ['implicit-tls-on-starttls-port:\'ssl\'']);
    assert.deepEqual(shown(text, (await analyze('mail.php', text, 'MAIL_HOST=smtp.example.com\nMAIL_PORT=465\n')).findings), []);
  });

  it('Ruby: ENV["X"] reads the .env; a flag from the .env is not followed (every string is true)', async () => {
    const text = "ActionMailer::Base.smtp_settings = {\n  address: ENV['SMTP_HOST'],\n  port: ENV.fetch('SMTP_PORT', 587).to_i,\n  tls: ENV['SMTP_TLS'],\n}\n";
    assert.deepEqual(shown(text, (await analyze('lib/mailer.rb', text, 'SMTP_HOST=smtp.example.com\nSMTP_PORT=465\nSMTP_TLS=false\n')).findings), []);
    const plain = "ActionMailer::Base.smtp_settings = {\n  address: ENV['SMTP_HOST'],\n  port: ENV.fetch('SMTP_PORT', 587).to_i,\n  tls: true,\n}\n";
    assert.deepEqual(shown(plain, (await analyze('lib/mailer.rb', plain, 'SMTP_HOST=smtp.example.com\n')).findings), ['implicit-tls-on-starttls-port:true']);
    assert.deepEqual(shown(plain, (await analyze('lib/mailer.rb', plain, 'SMTP_HOST=smtp.example.com\nSMTP_PORT=465\n')).findings), []);
  });

  it('C#: Environment.GetEnvironmentVariable reads the .env, before its ?? fallback', async () => {
    const text = 'using System.Net.Mail;\nvar client = new SmtpClient(Environment.GetEnvironmentVariable("SMTP_HOST"), int.Parse(Environment.GetEnvironmentVariable("SMTP_PORT") ?? "587")) { EnableSsl = true };\n';
    assert.deepEqual(shown(text, (await analyze('Mail.cs', text, 'SMTP_HOST=smtp.example.com\n')).findings), []);
    assert.equal((await analyze('Mail.cs', text, 'SMTP_HOST=smtp.example.com\nSMTP_PORT=465\n')).findings.length, 1);
  });

  it('Java: System.getenv reads the .env', async () => {
    const text = 'class Mail {\n  void send() {\n    Properties props = new Properties();\n    props.put("mail.smtp.host", System.getenv("SMTP_HOST"));\n    props.put("mail.smtp.port", System.getenv("SMTP_PORT"));\n    props.put("mail.smtp.ssl.enable", "true");\n  }\n}\n';
    assert.deepEqual(shown(text, (await analyze('Mail.java', text)).findings), []);
    assert.deepEqual(shown(text, (await analyze('Mail.java', text, 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\n')).findings).map((item) => item.split(':')[0]), ['implicit-tls-on-starttls-port']);
  });

  it('Go: os.Getenv reads the .env', async () => {
    const text = 'package main\n\nimport (\n\t"net/smtp"\n\t"os"\n)\n\nfunc send() error {\n\treturn smtp.SendMail(os.Getenv("SMTP_ADDR"), nil, "a@example.com", nil, nil)\n}\n';
    assert.deepEqual(shown(text, (await analyze('main.go', text)).findings), []);
    assert.equal((await analyze('main.go', text, 'SMTP_ADDR=smtp.example.com:465\n')).findings.length, 1);
    assert.deepEqual((await analyze('main.go', text, 'SMTP_ADDR=smtp.example.com:587\n')).findings, []);
  });
});
