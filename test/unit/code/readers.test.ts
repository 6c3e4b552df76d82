// The code readers: what is read from nodemailer and smtplib calls, what stays unknown, and that fixes
// in code are written in place and verified.
import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../src/engine/analyze';
import { codeParserNeeded, prepareCodeFile } from '../../../src/engine/code';
import { fixesFor } from '../../../src/engine/fixes';
import { applyEdits } from '../../../src/engine/fixes/context';

async function analyze(file: string, text: string) {
  await prepareCodeFile(file, text);
  return analyzeText(file, text);
}

describe('code readers', () => {
  it('needs no parser for code that names no mail library, nor for config files', () => {
    assert.equal(codeParserNeeded('src/server.js', 'const port = 3000; app.listen(port);'), undefined);
    assert.equal(codeParserNeeded('.env', 'SMTP_PORT=587'), undefined);
    assert.equal(codeParserNeeded('src/mail.ts', "import nodemailer from 'nodemailer';"), 'typescript');
    assert.equal(codeParserNeeded('app/mail.py', 'import smtplib'), 'python');
  });

  it('reads nothing before the parser is loaded, and says so', () => {
    const analysis = analyzeText('never-loaded.tsx', "import nodemailer from 'nodemailer';\nnodemailer.createTransport({ port: 587, secure: true });\n");
    // No test loads the TSX grammar before this one.
    assert.equal(analysis.parserMissing, 'tsx');
    assert.deepEqual(analysis.findings, []);
  });

  it('nodemailer: a constant object passed to createTransport, and the fix writes secure: false in place', async () => {
    const text = "const nodemailer = require('nodemailer');\nconst options = { host: 'smtp.example.com', port: 587, secure: true };\nnodemailer.createTransport(options);\n";
    const analysis = await analyze('mail.js', text);
    assert.deepEqual(analysis.findings.map((finding) => `${finding.ruleId}:${text.slice(finding.range.start, finding.range.end)}`), ['implicit-tls-on-starttls-port:true']);
    const [preferred] = fixesFor('mail.js', text, analysis.findings[0]);
    assert.equal(preferred.title, 'Switch to STARTTLS on port 587');
    assert.equal(applyEdits(text, preferred.edits), text.replace('secure: true', 'secure: false'));
  });

  it('nodemailer: values computed at run time are unknown, never guessed', async () => {
    const text = "import nodemailer from 'nodemailer';\nexport const t = nodemailer.createTransport({ host: cfg.host, port: cfg.port, secure: cfg.secure });\n";
    assert.deepEqual((await analyze('mail.ts', text)).findings, []);
  });

  it('smtplib: os.getenv fallback followed; SMTP_SSL on 587 offers only the port fix', async () => {
    const text = "import os, smtplib\nPORT = int(os.getenv('SMTP_PORT', '587'))\nserver = smtplib.SMTP_SSL('smtp.example.com', PORT)\n";
    const analysis = await analyze('mail.py', text);
    assert.deepEqual(analysis.findings.map((finding) => finding.ruleId), ['implicit-tls-on-starttls-port']);
    const fixes = fixesFor('mail.py', text, analysis.findings[0]);
    assert.deepEqual(fixes.map((fix) => fix.title), ['Use implicit TLS on port 465']);
    assert.equal(applyEdits(text, fixes[0].edits), text.replace("'587'", "'465'"));
  });

  it('smtplib: starttls() on the same object makes 587 right; login() without it is cleartext', async () => {
    const good = "import smtplib\nwith smtplib.SMTP('smtp.example.com', 587) as s:\n    s.starttls()\n    s.login(user, password)\n";
    assert.deepEqual((await analyze('ok.py', good)).findings, []);
    const bad = "import smtplib\ns = smtplib.SMTP('smtp.example.com', 587)\ns.login(user, password)\n";
    assert.deepEqual((await analyze('bad.py', bad)).findings.map((finding) => finding.ruleId), ['cleartext-auth']);
  });
});
