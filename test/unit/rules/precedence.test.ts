// Rule precedence (Rule.supersedes): a rule's finding replaces another rule's on the same
// group only while the superseding rule is enabled. Turning it off brings the other back.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText, type AnalyzeOptions, type Finding } from '../../../src/engine/analyze';
import { RULES, ruleById } from '../../../src/engine/rules';

interface PrecedenceCase {
  rule: string;
  supersedes: string;
  file: string;
  text: string;
}

/** One config per supersedes pair, where both rules find something. */
const CASES: PrecedenceCase[] = [
  { rule: 'provider-port-unsupported', supersedes: 'implicit-tls-on-starttls-port', file: '.env', text: 'SMTP_HOST=smtp.office365.com\nSMTP_PORT=2525\nSMTP_SECURE=true\n' },
  { rule: 'provider-port-unsupported', supersedes: 'plaintext-on-implicit-tls-port', file: '.env', text: 'SMTP_HOST=smtp.office365.com\nSMTP_PORT=465\nSMTP_SECURE=false\n' },
  { rule: 'provider-port-unsupported', supersedes: 'port-25-submission', file: '.env', text: 'SMTP_HOST=smtp.fastmail.com\nSMTP_PORT=25\n' },
  { rule: 'conflicting-tls-flags', supersedes: 'implicit-tls-on-starttls-port', file: 'settings.py', text: 'EMAIL_HOST = "smtp.example.com"\nEMAIL_PORT = 587\nEMAIL_USE_TLS = True\nEMAIL_USE_SSL = True\n' },
  { rule: 'plaintext-on-implicit-tls-port', supersedes: 'cleartext-auth', file: 'settings.py', text: 'EMAIL_HOST = "smtp.example.com"\nEMAIL_PORT = 465\nEMAIL_HOST_PASSWORD = "pw"\n' },
  // The password or the port is refused, or the host mistyped: hardening the STARTTLS it goes over comes second.
  { rule: 'tls-verify-disabled', supersedes: 'opportunistic-starttls', file: 'application.properties', text: 'spring.mail.host=smtp.mailgun.org\nspring.mail.port=587\nspring.mail.password=pw\nspring.mail.properties.mail.smtp.starttls.enable=true\nspring.mail.properties.mail.smtp.ssl.trust=*\n' },
  { rule: 'outlook-basic-auth', supersedes: 'opportunistic-starttls', file: '.env', text: 'MAIL_MAILER=smtp\nMAIL_HOST=smtp.office365.com\nMAIL_PORT=587\nMAIL_USERNAME=shop@example.com\nMAIL_PASSWORD=Summer-2026!\n' },
  { rule: 'gmail-app-password', supersedes: 'opportunistic-starttls', file: '.env', text: 'MAIL_MAILER=smtp\nMAIL_HOST=smtp.gmail.com\nMAIL_PORT=587\nMAIL_USERNAME=shop@gmail.com\nMAIL_PASSWORD=Summer-2026!\n' },
  { rule: 'app-password-required', supersedes: 'opportunistic-starttls', file: '.env', text: 'MAIL_MAILER=smtp\nMAIL_HOST=smtp.mail.yahoo.com\nMAIL_PORT=587\nMAIL_USERNAME=shop@yahoo.com\nMAIL_PASSWORD=Summer-2026!\n' },
  { rule: 'host-malformed', supersedes: 'opportunistic-starttls', file: '.env', text: 'MAIL_MAILER=smtp\nMAIL_HOST=smtp.gmial.com\nMAIL_PORT=587\nMAIL_USERNAME=shop@gmail.com\nMAIL_PASSWORD=Summer-2026!\n' },
  { rule: 'port-25-submission', supersedes: 'opportunistic-starttls', file: '.env', text: 'MAIL_MAILER=smtp\nMAIL_HOST=mail.acme-shop.com\nMAIL_PORT=25\nMAIL_USERNAME=shop@example.com\nMAIL_PASSWORD=Summer-2026!\n' },
  { rule: 'provider-username', supersedes: 'opportunistic-starttls', file: '.env', text: 'MAIL_MAILER=smtp\nMAIL_HOST=smtp.sendgrid.net\nMAIL_PORT=587\nMAIL_USERNAME=shop\nMAIL_PASSWORD=Summer-2026!\n' },
];

const ruleIds = (findings: readonly Finding[]) => findings.map((finding) => finding.ruleId);

describe('rule precedence', () => {
  it('names only existing rules, never the rule itself, and no two rules supersede each other', () => {
    for (const rule of RULES) {
      for (const id of rule.supersedes ?? []) {
        assert.ok(ruleById(id), `${rule.id} supersedes unknown rule ${id}`);
        assert.notEqual(id, rule.id);
        assert.ok(!(ruleById(id)!.supersedes ?? []).includes(rule.id), `${rule.id} and ${id} supersede each other`);
      }
    }
  });

  it('has a case for every supersedes pair', () => {
    const declared = RULES.flatMap((rule) => (rule.supersedes ?? []).map((id) => `${rule.id} > ${id}`));
    assert.deepEqual(CASES.map((c) => `${c.rule} > ${c.supersedes}`).sort(), declared.sort());
  });

  for (const c of CASES) {
    describe(`${c.rule} supersedes ${c.supersedes}`, () => {
      it('reports only the superseding finding while both rules are on', () => {
        const found = ruleIds(analyzeText(c.file, c.text).findings);
        assert.ok(found.includes(c.rule), found.join(', '));
        assert.ok(!found.includes(c.supersedes), found.join(', '));
      });

      it(`brings ${c.supersedes} back when ${c.rule} is off`, () => {
        const found = ruleIds(analyzeText(c.file, c.text, { rules: { [c.rule]: 'off' } }).findings);
        assert.ok(found.includes(c.supersedes), found.join(', '));
      });
    });
  }

  it('turning any rule off removes its findings and brings back only findings it superseded (every fixture, every rule)', () => {
    const root = path.resolve(__dirname, '../../../../test/fixtures/analysis');
    const list = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((item) => (item.isDirectory() ? list(path.join(dir, item.name)) : [path.join(dir, item.name)]));
    const inputs = [
      ...list(root).filter((file) => !file.endsWith('expectations.json')).map((file) => ({ file: path.relative(root, file), text: fs.readFileSync(file, 'utf8') })),
      ...CASES,
    ];
    const key = (finding: Finding) => `${finding.ruleId}@${finding.range.start}-${finding.range.end}:${finding.message}`;
    for (const { file, text } of inputs) {
      const all = analyzeText(file, text).findings.map(key);
      for (const rule of RULES) {
        const options: AnalyzeOptions = { rules: { [rule.id]: 'off' } };
        const without = analyzeText(file, text, options).findings;
        assert.deepEqual(
          without.map(key).filter((item) => all.includes(item)),
          all.filter((item) => !item.startsWith(`${rule.id}@`)),
          `${file} with ${rule.id} off keeps the other findings`,
        );
        for (const finding of without.filter((item) => !all.includes(key(item)))) {
          assert.ok((rule.supersedes ?? []).includes(finding.ruleId), `${file} with ${rule.id} off: ${finding.ruleId} is one it supersedes`);
        }
      }
    }
  });
});
