// Inline suppressions: each format's comment syntax, the three directives, and unused ones reported.
import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../src/engine/analyze';
import { applyEdits } from '../../../src/engine/fixes';
import { parseConfig } from '../../../src/engine/formats';
import { disableFileEdit, disableLineEdit } from '../../../src/engine/suppressions';

const ENV = 'MAIL_HOST=smtp.example.com\nMAIL_PORT=25\n';
const rules = (file: string, text: string) => analyzeText(file, text).findings.map((f) => `${f.ruleId}@${text.slice(0, f.range.start).split('\n').length}`);

describe('inline suppressions', () => {
  it('reports the finding without a directive (the cases below would pass vacuously otherwise)', () => {
    assert.deepEqual(rules('.env', ENV), ['port-25-submission@2']);
  });

  const cases: { name: string; file: string; text: string }[] = [
    { name: 'dotenv, next line', file: '.env', text: 'MAIL_HOST=smtp.example.com\n# smtp-doctor-disable-next-line port-25-submission\nMAIL_PORT=25\n' },
    { name: 'dotenv, same line', file: '.env', text: 'MAIL_HOST=smtp.example.com\nMAIL_PORT=25 # smtp-doctor-disable-line port-25-submission\n' },
    { name: 'dotenv, whole file, no rule named', file: '.env', text: '# smtp-doctor-disable\n' + ENV },
    { name: 'YAML', file: 'application.yml', text: 'spring:\n  mail:\n    host: smtp.example.com\n    port: 25 # smtp-doctor-disable-line port-25-submission -- our relay\n' },
    { name: 'properties', file: 'application.properties', text: 'spring.mail.host=smtp.example.com\n! smtp-doctor-disable-next-line\nspring.mail.port=25\n' },
    { name: 'INI', file: 'app.ini', text: '[mailer]\nPROTOCOL = smtp\nSMTP_ADDR = smtp.example.com\n; smtp-doctor-disable-next-line port-25-submission\nSMTP_PORT = 25\n' },
    { name: 'TOML', file: 'config.toml', text: '[smtp]\nhost = "smtp.example.com"\nport = 25 # smtp-doctor-disable-line port-25-submission\n' },
    { name: 'JSONC', file: 'appsettings.json', text: '{\n  "Smtp": {\n    "Host": "smtp.example.com",\n    // smtp-doctor-disable-next-line port-25-submission\n    "Port": 25\n  }\n}\n' },
    { name: 'Python', file: 'settings.py', text: 'EMAIL_HOST = "smtp.example.com"\nEMAIL_PORT = 25  # smtp-doctor-disable-line port-25-submission\n' },
    { name: 'PHP', file: 'config/config.php', text: "<?php\n$CONFIG = array(\n  'mail_smtphost' => 'smtp.example.com',\n  // smtp-doctor-disable-next-line port-25-submission\n  'mail_smtpport' => 25,\n);\n" },
  ];
  for (const { name, file, text } of cases) {
    it(`silences the finding: ${name}`, () => {
      const unsuppressed = text.replace(/[ \t]*(#|\/\/|;|!) smtp-doctor-disable[^\n]*/g, '');
      assert.ok(rules(file, unsuppressed).some((item) => item.startsWith('port-25-submission@')), `without the comment: ${rules(file, unsuppressed)}`);
      assert.deepEqual(rules(file, text), []);
    });
  }

  it('keeps findings of other rules and other lines', () => {
    const text = '# smtp-doctor-disable-next-line cleartext-auth\nMAIL_HOST=smtp.example.com\nMAIL_PORT=25\n';
    assert.deepEqual(rules('.env', text), ['unused-suppression@1', 'port-25-submission@3']);
  });

  it('reports a directive that suppresses nothing, a rule that found nothing and an unknown rule, as info', () => {
    const text = 'MAIL_HOST=smtp.example.com # smtp-doctor-disable-line\n# smtp-doctor-disable-next-line port-25-submission cleartext-auth no-such-rule\nMAIL_PORT=25\n';
    const findings = analyzeText('.env', text).findings.filter((f) => f.ruleId === 'unused-suppression');
    assert.deepEqual(findings.map((f) => [f.messageId, f.severity, text.slice(f.range.start, f.range.end)]), [
      ['unused', 'info', '# smtp-doctor-disable-line'],
      ['unusedRule', 'info', 'cleartext-auth'],
      ['unknownRule', 'info', 'no-such-rule'],
    ]);
    assert.equal(findings[1].message, 'Remove cleartext-auth from this smtp-doctor-disable-next-line comment: it reports nothing on the next line.');
    assert.deepEqual(analyzeText('.env', text, { rules: { 'unused-suppression': 'off' } }).findings, []);
  });

  it('does not read a directive inside a value (a quoted password, a .properties value)', () => {
    assert.deepEqual(rules('.env', 'MAIL_HOST=smtp.example.com\nMAIL_PORT=25\nMAIL_PASSWORD="a # smtp-doctor-disable"\n'), ['port-25-submission@2']);
    assert.deepEqual(rules('application.properties', 'spring.mail.host=smtp.example.com\nspring.mail.port=25 # smtp-doctor-disable-line\n').filter((r) => r.startsWith('unused')), []);
  });

  it('writes a next-line comment with the line indentation, and adds a rule to one already there', () => {
    const yaml = 'spring:\n  mail:\n    host: smtp.example.com\n    port: 25\n';
    const once = applyEdits(yaml, [disableLineEdit('yaml', yaml, parseConfig('yaml', yaml).entries, 3, 'port-25-submission')!]);
    assert.equal(once, 'spring:\n  mail:\n    host: smtp.example.com\n    # smtp-doctor-disable-next-line port-25-submission\n    port: 25\n');
    assert.deepEqual(rules('application.yml', once), []);
    const twice = applyEdits(once, [disableLineEdit('yaml', once, parseConfig('yaml', once).entries, 4, 'cleartext-auth')!]);
    assert.match(twice, /# smtp-doctor-disable-next-line port-25-submission cleartext-auth\n {4}port: 25/);
  });

  it('writes a whole-file comment first, after a PHP opening tag, and never into a strict .json file', () => {
    const fixed = applyEdits(ENV, [disableFileEdit('dotenv', ENV, parseConfig('dotenv', ENV).entries, 'port-25-submission')!]);
    assert.equal(fixed, '# smtp-doctor-disable port-25-submission\n' + ENV);
    assert.deepEqual(rules('.env', fixed), []);
    const php = "<?php\n$CONFIG = array('mail_smtphost' => 'smtp.example.com', 'mail_smtpport' => 25);\n";
    assert.ok(applyEdits(php, [disableFileEdit('assignments', php, [], 'port-25-submission')!]).startsWith('<?php\n// smtp-doctor-disable port-25-submission\n'));
    assert.equal(disableFileEdit('json', '{"Smtp": {"Port": 25}}', [], 'port-25-submission'), undefined);
  });
});
