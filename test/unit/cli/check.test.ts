// The CLI contract of `smtp-doctor check`, run as a real child process on the built bundle.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../../../..');
const CLI = path.join(REPO, 'dist', 'cli.js');

function run(args: string[], cwd = REPO): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('smtp-doctor check (CLI)', () => {
  before(() => assert.ok(fs.existsSync(CLI), 'dist/cli.js is built (npm run build)'));

  it('package.json points "bin" at the built CLI', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    assert.equal(path.resolve(REPO, pkg.bin['smtp-doctor']), CLI);
    assert.match(fs.readFileSync(CLI, 'utf8').split('\n')[0], /^#!\/usr\/bin\/env node/);
  });

  it('prints JSON findings with 1-based positions, paths relative to the working directory, and exits 1 on errors', () => {
    const { code, stdout } = run(['check', 'test/fixtures/analysis/laravel', '--format', 'json']);
    assert.equal(code, 1);
    const findings = JSON.parse(stdout);
    assert.deepEqual(findings[0], {
      file: 'test/fixtures/analysis/laravel/.env',
      line: 5,
      column: 13,
      endLine: 5,
      endColumn: 18,
      rule: 'implicit-tls-on-starttls-port',
      severity: 'error',
      messageId: 'implicitOnStarttlsPort',
      message: findings[0].message,
      detail: findings[0].detail,
      related: [{ line: 7, column: 11, message: 'port 587 expects STARTTLS' }],
    });
    assert.deepEqual(Object.keys(findings[1]), ['file', 'line', 'column', 'endLine', 'endColumn', 'rule', 'severity', 'messageId', 'message', 'detail', 'related']);
    assert.equal(findings[1].rule, 'gmail-app-password');
    assert.equal(findings[1].severity, 'warning');
  });

  it('carries the related settings of a finding in JSON (conflicting-tls-flags points at the other switch)', () => {
    const { stdout } = run(['check', 'test/fixtures/analysis/django/settings.py', '--format', 'json']);
    const conflict = JSON.parse(stdout).find((f: { rule: string }) => f.rule === 'conflicting-tls-flags');
    assert.equal(conflict.line, 9);
    assert.equal(conflict.messageId, 'bothOn');
    assert.deepEqual(conflict.related, [{ line: 10, column: 17, message: 'EMAIL_USE_SSL=true turns on implicit TLS' }]);
  });

  it("joins a source file's process.env lookups to the project's .env, with the .env line as related information", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-doctor-code-env-'));
    try {
      fs.mkdirSync(path.join(dir, '.git'));
      fs.mkdirSync(path.join(dir, 'src'));
      fs.writeFileSync(path.join(dir, '.env'), '# local\nSMTP_PORT=587\n');
      fs.writeFileSync(
        path.join(dir, 'src', 'mail.js'),
        "const nodemailer = require('nodemailer');\nmodule.exports = nodemailer.createTransport({\n  host: 'smtp.example.com',\n  port: process.env.SMTP_PORT,\n  secure: true,\n});\n",
      );
      const findings = JSON.parse(run(['check', 'src', '--format', 'json'], dir).stdout);
      assert.deepEqual(
        findings.map((f: { file: string; line: number; rule: string }) => `${f.file}:${f.line}:${f.rule}`),
        [`src${path.sep}mail.js:5:implicit-tls-on-starttls-port`],
      );
      assert.deepEqual(findings[0].related.find((item: { file?: string }) => item.file), { file: '.env', line: 2, column: 11, message: 'SMTP_PORT=587 is set here' });
      fs.writeFileSync(path.join(dir, '.env'), 'SMTP_PORT=465\n');
      assert.deepEqual(JSON.parse(run(['check', 'src', '--format', 'json'], dir).stdout), [], 'secure: true on 465 is right');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 0 on a clean tree and says so', () => {
    const { code, stdout } = run(['check', 'test/fixtures/analysis/correct']);
    assert.equal(code, 0);
    assert.match(stdout, /No SMTP problems found in 13 config files\./);
  });

  it('exits 0 with warnings only', () => {
    const { code, stdout } = run(['check', 'test/fixtures/analysis/django/.env', '--format', 'json']);
    assert.equal(code, 0);
    assert.equal(JSON.parse(stdout)[0].rule, 'outlook-basic-auth');
  });

  it('writes SARIF 2.1.0 with rule metadata for code scanning', () => {
    const { code, stdout } = run(['check', 'test/fixtures/analysis/symfony', '--format', 'sarif']);
    assert.equal(code, 1);
    const sarif = JSON.parse(stdout);
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    assert.equal(run0.tool.driver.name, 'SMTP Doctor');
    assert.ok(run0.tool.driver.rules.some((rule: { id: string; helpUri: string }) => rule.id === 'tls-verify-disabled' && rule.helpUri.includes('#tls-verify-disabled')));
    const result = run0.results.find((item: { ruleId: string }) => item.ruleId === 'implicit-tls-on-starttls-port');
    assert.equal(result.level, 'error');
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'test/fixtures/analysis/symfony/.env.prod');
    assert.equal(result.locations[0].physicalLocation.region.startLine, 2);
    assert.equal(result.message.id, 'implicitOnStarttlsPort');
    // The message string with SARIF's numbered placeholders, filled in with the arguments, is the text.
    const rule = run0.tool.driver.rules[result.ruleIndex];
    assert.equal(rule.id, 'implicit-tls-on-starttls-port');
    const template: string = rule.messageStrings[result.message.id].text;
    assert.equal(template.replace(/\{(\d+)\}/g, (_: string, i: string) => result.message.arguments[Number(i)]), result.message.text);
  });

  it('writes related settings as SARIF relatedLocations', () => {
    const { stdout } = run(['check', 'test/fixtures/analysis/django/settings.py', '--format', 'sarif']);
    const result = JSON.parse(stdout).runs[0].results.find((item: { ruleId: string }) => item.ruleId === 'conflicting-tls-flags');
    assert.equal(result.message.id, 'bothOn');
    assert.deepEqual(result.relatedLocations, [
      {
        id: 1,
        message: { text: 'EMAIL_USE_SSL=true turns on implicit TLS' },
        physicalLocation: {
          artifactLocation: { uri: 'test/fixtures/analysis/django/settings.py', uriBaseId: '%SRCROOT%' },
          region: { startLine: 10, startColumn: 17 },
        },
      },
    ]);
  });

  it('honours --rule ID=off and --context mail-server', () => {
    const off = run(['check', 'test/fixtures/analysis/laravel/.env', '--format', 'json', '--rule', 'implicit-tls-on-starttls-port=off']);
    assert.equal(off.code, 0);
    assert.deepEqual(JSON.parse(off.stdout).map((f: { rule: string }) => f.rule), ['gmail-app-password']);
    const relay = run(['check', 'test/fixtures/analysis/keycloak', '--format', 'json', '--context', 'mail-server']);
    assert.deepEqual(JSON.parse(relay.stdout).map((f: { rule: string }) => f.rule), ['cleartext-auth']);
  });

  it('honours the nearest project config file (rules, exclude, overrides), --rule on top, and inline suppressions', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-doctor-config-'));
    try {
      fs.mkdirSync(path.join(dir, 'relay'));
      fs.mkdirSync(path.join(dir, 'fixtures'));
      const env = 'MAIL_HOST=smtp.example.com\nMAIL_PORT=25\n';
      for (const file of ['.env', 'relay/.env', 'fixtures/.env']) fs.writeFileSync(path.join(dir, file), env);
      const rulesOf = (args: string[] = []) => {
        const result = run(['check', '.', '--format', 'json', ...args], dir);
        return { code: result.code, found: JSON.parse(result.stdout).map((f: { file: string; rule: string; severity: string }) => `${f.file} ${f.rule} ${f.severity}`) };
      };
      assert.equal(rulesOf().found.length, 3);
      fs.writeFileSync(
        path.join(dir, '.smtp-doctor.json'),
        '{\n  // the team\'s choices\n  "rules": { "port-25-submission": "error" },\n  "exclude": ["fixtures/**"],\n  "overrides": [{ "files": ["relay/**"], "context": "mail-server" }]\n}\n',
      );
      assert.deepEqual(rulesOf(), { code: 1, found: ['.env port-25-submission error'] });
      assert.deepEqual(rulesOf(['--rule', 'port-25-submission=info']).found, ['.env port-25-submission info']);
      // An excluded file named on the command line (as pre-commit passes them) is not read either.
      assert.match(run(['check', 'fixtures/.env'], dir).stdout, /No SMTP problems found in 0 config files/);
      fs.writeFileSync(path.join(dir, '.env'), 'MAIL_HOST=smtp.example.com\nMAIL_PORT=25 # smtp-doctor-disable-line port-25-submission cleartext-auth\n');
      const sarif = JSON.parse(run(['check', '.', '--format', 'sarif'], dir).stdout).runs[0];
      assert.deepEqual(sarif.results.map((r: { ruleId: string; level: string }) => `${r.ruleId} ${r.level}`), ['unused-suppression note']);
      assert.ok(sarif.tool.driver.rules[sarif.results[0].ruleIndex].id === 'unused-suppression');
      // A malformed config file stops the run with its file, line and column.
      fs.writeFileSync(path.join(dir, '.smtp-doctor.json'), '{\n  "rules": { "port-25-submission": "of" }\n}\n');
      const broken = run(['check', '.'], dir);
      assert.equal(broken.code, 2);
      assert.equal(broken.stdout, '');
      assert.match(broken.stderr, /invalid project config: \.smtp-doctor\.json:2:14: rule "port-25-submission" must be one of error, warning, info, hint, off, not "of"/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads an included .conf as .env when it is neither HOCON nor Fluentd, and a Fluentd .conf as Fluentd", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-doctor-include-'));
    try {
      fs.mkdirSync(path.join(dir, 'deploy'));
      fs.writeFileSync(path.join(dir, 'deploy', 'smtp.conf'), 'SMTP_HOST=smtp.example.com\nSMTP_PORT=465\nSMTP_SECURE=false\n');
      fs.writeFileSync(path.join(dir, 'deploy', 'alert.conf'), '<match alert.**>\n  @type mail\n  host smtp.example.com\n  port 465\n  user me\n  password secret\n  enable_starttls_auto true\n</match>\n');
      const found = () => JSON.parse(run(['check', '.', '--format', 'json'], dir).stdout).map((f: { file: string; rule: string; line: number }) => `${f.file}:${f.line} ${f.rule}`);
      assert.deepEqual(found(), ['deploy/alert.conf:7 plaintext-on-implicit-tls-port']);
      fs.writeFileSync(path.join(dir, '.smtp-doctor.json'), '{ "include": ["deploy/*.conf"] }\n');
      assert.deepEqual(found().sort(), ['deploy/alert.conf:7 plaintext-on-implicit-tls-port', 'deploy/smtp.conf:3 plaintext-on-implicit-tls-port']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 on bad usage', () => {
    assert.equal(run(['check', '--format', 'xml']).code, 2);
    assert.equal(run(['check', '--bogus']).code, 2);
    assert.equal(run(['check', 'no/such/path']).code, 2);
    assert.equal(run(['check', '--rule', 'no-such-rule=off']).code, 2);
    assert.equal(run(['frobnicate']).code, 2);
    assert.equal(run([]).code, 2);
  });

  it('skips dependency folders, binary files and files over 1 MB, and still reports the rest', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-doctor-cli-'));
    try {
      fs.mkdirSync(path.join(dir, 'node_modules', 'pkg'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'node_modules', 'pkg', '.env'), 'SMTP_HOST=smtp.gmail.com\nSMTP_PORT=2525\n');
      fs.writeFileSync(path.join(dir, 'binary.env'), Buffer.from([0x53, 0x4d, 0x54, 0x50, 0x00, 0x01, 0x02]));
      fs.writeFileSync(path.join(dir, 'huge.env'), `SMTP_HOST=smtp.gmail.com\nSMTP_PORT=2525\n${'# padding\n'.repeat(120000)}`);
      fs.writeFileSync(path.join(dir, '.env'), 'SMTP_HOST=smtp.gmail.com\nSMTP_PORT=2525\n');
      const { code, stdout, stderr } = run(['check', '.', '--format', 'json'], dir);
      assert.equal(code, 1);
      assert.deepEqual(JSON.parse(stdout).map((f: { file: string; rule: string }) => `${f.file}:${f.rule}`), ['.env:provider-port-unsupported']);
      assert.match(stderr, /skipped binary\.env: binary file/);
      assert.match(stderr, /skipped huge\.env: larger than 1 MB/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('smtp-doctor check --fix (CLI)', () => {
  const FIXTURES = path.join(REPO, 'test', 'fixtures', 'analysis');
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-doctor-fix-'));
    for (const [from, to] of [
      ['nodemailer/.env', 'node/.env'],
      ['symfony/.env.prod', 'symfony/.env.prod'],
      ['django/settings.py', 'django/settings.py'],
      ['dotnet/appsettings.json', 'dotnet/appsettings.json'],
    ]) {
      fs.mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
      fs.copyFileSync(path.join(FIXTURES, from), path.join(dir, to));
    }
    fs.mkdirSync(path.join(dir, 'bom'));
    fs.writeFileSync(path.join(dir, 'bom', '.env'), '\uFEFFSMTP_HOST=smtp.sendgrid.net\r\nSMTP_PORT=587\r\nSMTP_SECURE=true\r\n');
    fs.mkdirSync(path.join(dir, 'typo'));
    fs.writeFileSync(path.join(dir, 'typo', '.env'), 'MAIL_HOST=smtp.example.com\nMAIL_PORT=58a7x\n');
    fs.writeFileSync(path.join(dir, 'binary.env'), Buffer.from([0x53, 0x4d, 0x54, 0x50, 0x00, 0x01]));
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('fixes the files in place, keeping BOM and CRLF, lists the fixes on stderr and reports what is left', () => {
    const { code, stdout, stderr } = run(['check', '.', '--fix', '--format', 'json'], dir);
    assert.equal(code, 1, 'the invalid port has no safe fix and is an error');
    assert.deepEqual(
      JSON.parse(stdout).map((f: { file: string; rule: string }) => `${f.file}:${f.rule}`),
      // The Symfony DSN fixed to smtp:// on 587 keeps a hint: STARTTLS is used only if offered (no fix writes a DSN option).
      ['dotnet/appsettings.json:outlook-basic-auth', 'symfony/.env.prod:opportunistic-starttls', 'typo/.env:invalid-port'],
    );
    assert.equal(fs.readFileSync(path.join(dir, 'node', '.env'), 'utf8'), 'SMTP_HOST=smtp.sendgrid.net\nSMTP_PORT=465\nSMTP_SECURE=true\nSMTP_USER=apikey\nSMTP_PASS=SG.xxxxxxxx\n');
    assert.equal(fs.readFileSync(path.join(dir, 'symfony', '.env.prod'), 'utf8'), 'APP_ENV=prod\nMAILER_DSN=smtp://apikey:SG.key@smtp.sendgrid.net:587\n');
    assert.equal(fs.readFileSync(path.join(dir, 'bom', '.env'), 'utf8'), '\uFEFFSMTP_HOST=smtp.sendgrid.net\r\nSMTP_PORT=587\r\nSMTP_SECURE=false\r\n');
    assert.match(fs.readFileSync(path.join(dir, 'django', 'settings.py'), 'utf8'), /EMAIL_USE_SSL = False\nEMAIL_HOST_USER = "apikey"\nEMAIL_HOST_PASSWORD = os\.environ\["SENDGRID_API_KEY"\]\nEMAIL_PORT = 587\n/);
    assert.match(fs.readFileSync(path.join(dir, 'dotnet', 'appsettings.json'), 'utf8'), /"Port": 587,/);
    assert.equal(fs.readFileSync(path.join(dir, 'typo', '.env'), 'utf8'), 'MAIL_HOST=smtp.example.com\nMAIL_PORT=58a7x\n');
    assert.match(stderr, /fixed node\/\.env: Turn on implicit TLS \(plaintext-on-implicit-tls-port\)/);
    assert.match(stderr, /fixed node\/\.env: Remove the setting that turns off certificate verification \(tls-verify-disabled\)/);
    assert.match(stderr, /fixed symfony\/\.env\.prod: Switch to STARTTLS on port 587 \(implicit-tls-on-starttls-port\)/);
    assert.match(stderr, /fixed bom\/\.env: Switch to STARTTLS on port 587/);
    assert.match(stderr, /skipped binary\.env: binary file/);
    assert.doesNotMatch(stderr, /fixed typo/);

    // A second run finds nothing more to fix and changes nothing.
    const before = fs.readFileSync(path.join(dir, 'django', 'settings.py'));
    const again = run(['check', '.', '--fix'], dir);
    assert.equal(again.code, 1);
    assert.doesNotMatch(again.stderr, /fixed/);
    assert.ok(fs.readFileSync(path.join(dir, 'django', 'settings.py')).equals(before));
    assert.match(again.stdout, /invalid-port/);
  });

  it('exits 0 when the fixes leave no errors, and leaves files alone without --fix', () => {
    const plain = run(['check', 'symfony', '--format', 'json'], dir);
    assert.equal(plain.code, 1);
    assert.equal(fs.readFileSync(path.join(dir, 'symfony', '.env.prod'), 'utf8'), fs.readFileSync(path.join(FIXTURES, 'symfony', '.env.prod'), 'utf8'));
    const fixed = run(['check', 'symfony', '--fix', '--format', 'json'], dir);
    assert.equal(fixed.code, 0);
    // What is left is advice, not a problem: a hint that STARTTLS is used only if offered.
    assert.deepEqual(JSON.parse(fixed.stdout).map((f: { rule: string; severity: string }) => `${f.rule}:${f.severity}`), ['opportunistic-starttls:hint']);
  });

  it('interpolates a compose file from the .env beside it, as Compose does; without it the fallback applies', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-doctor-compose-'));
    fs.writeFileSync(
      path.join(dir, 'docker-compose.yml'),
      'services:\n  app:\n    environment:\n      SMTP_HOST: smtp.gmail.com\n      SMTP_PORT: ${SMTP_PORT:-587}\n      SMTP_SECURE: "false"\n',
    );
    assert.deepEqual(JSON.parse(run(['check', '.', '--format', 'json'], dir).stdout), []);
    fs.writeFileSync(path.join(dir, '.env'), 'SMTP_PORT=465\n');
    const findings = JSON.parse(run(['check', '.', '--format', 'json'], dir).stdout);
    assert.deepEqual(
      findings.map((finding: { file: string; line: number; rule: string }) => `${finding.file}:${finding.line}:${finding.rule}`),
      ['docker-compose.yml:6:plaintext-on-implicit-tls-port'],
    );
  });

  it('judges paths from the project root: `check production/` and `cd production && check .` agree', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-doctor-root-'));
    fs.writeFileSync(path.join(dir, 'package.json'), '{}\n');
    fs.mkdirSync(path.join(dir, 'production'));
    fs.writeFileSync(path.join(dir, 'production', '.env'), 'MAIL_MAILER=smtp\nMAIL_HOST=mailhog\nMAIL_PORT=1025\n');
    const rules = (stdout: string) => JSON.parse(stdout).map((finding: { line: number; rule: string }) => `${finding.line}:${finding.rule}`);
    const fromAbove = rules(run(['check', 'production/', '--format', 'json'], dir).stdout);
    const fromInside = rules(run(['check', '.', '--format', 'json'], path.join(dir, 'production')).stdout);
    assert.deepEqual(fromAbove, ['2:dev-mail-catcher-in-production']);
    assert.deepEqual(fromInside, fromAbove);
    // The file is still named from the working directory.
    assert.equal(JSON.parse(run(['check', '.', '--format', 'json'], path.join(dir, 'production')).stdout)[0].file, '.env');
  });

  it('judges config/mail.php with the .env above it: the finding is on .env, with mail.php as a related location (JSON and SARIF), even when only mail.php is checked', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-doctor-laravel-'));
    fs.writeFileSync(path.join(dir, 'composer.json'), '{}\n');
    fs.mkdirSync(path.join(dir, 'config'));
    fs.writeFileSync(
      path.join(dir, 'config', 'mail.php'),
      "<?php\n\nreturn [\n    'mailers' => [\n        'smtp' => [\n            'scheme' => env('MAIL_SCHEME'),\n            'host' => env('MAIL_HOST', '127.0.0.1'),\n            'port' => env('MAIL_PORT', 587),\n        ],\n    ],\n];\n",
    );
    fs.writeFileSync(path.join(dir, '.env'), 'MAIL_MAILER=smtp\nMAIL_HOST=smtp.example.com\nMAIL_SCHEME=smtps\n');
    for (const args of [['check', '.'], ['check', 'config/mail.php']]) {
      const findings = JSON.parse(run([...args, '--format', 'json'], dir).stdout);
      assert.deepEqual(findings.map((finding: { file: string; line: number; rule: string }) => `${finding.file}:${finding.line}:${finding.rule}`), ['.env:3:implicit-tls-on-starttls-port'], args.join(' '));
      assert.ok(findings[0].related.some((item: { file?: string; line: number }) => item.file === path.join('config', 'mail.php') && item.line === 8), JSON.stringify(findings[0].related));
    }
    const sarif = JSON.parse(run(['check', '.', '--format', 'sarif'], dir).stdout);
    const result = sarif.runs[0].results[0];
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, '.env');
    assert.ok(result.relatedLocations.some((item: { physicalLocation: { artifactLocation: { uri: string } } }) => item.physicalLocation.artifactLocation.uri === 'config/mail.php'));
  });
  it("--fix fixes a finding config/mail.php moved into .env in .env (MAIL_SCHEME), and one in a service's env_file there", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-doctor-moved-fix-'));
    fs.writeFileSync(path.join(dir, 'composer.json'), '{}\n');
    fs.mkdirSync(path.join(dir, 'config'));
    const mail = "<?php\n\nreturn [\n    'mailers' => [\n        'smtp' => [\n            'scheme' => env('MAIL_SCHEME'),\n            'port' => env('MAIL_PORT', 587),\n        ],\n    ],\n];\n";
    fs.writeFileSync(path.join(dir, 'config', 'mail.php'), mail);
    fs.writeFileSync(path.join(dir, '.env'), 'MAIL_MAILER=smtp\nMAIL_HOST=smtp.example.com\nMAIL_SCHEME=smtps\n');
    fs.mkdirSync(path.join(dir, 'deploy'));
    fs.writeFileSync(path.join(dir, 'deploy', 'compose.yaml'), 'services:\n  app:\n    image: ghcr.io/example/app\n    env_file: mail.env\n    environment:\n      SMTP_PORT: 587\n');
    fs.writeFileSync(path.join(dir, 'deploy', 'mail.env'), 'SMTP_HOST=smtp.example.com\nSMTP_SECURE=true\n');
    const before = JSON.parse(run(['check', '.', '--format', 'json'], dir).stdout);
    assert.deepEqual(before.map((finding: { file: string; line: number; rule: string }) => `${finding.file}:${finding.line}:${finding.rule}`).sort(), [
      '.env:3:implicit-tls-on-starttls-port',
      `${path.join('deploy', 'mail.env')}:2:implicit-tls-on-starttls-port`,
    ]);
    const { code, stdout, stderr } = run(['check', '.', '--fix', '--format', 'json'], dir);
    assert.equal(code, 0, stderr);
    assert.deepEqual(JSON.parse(stdout), []);
    assert.match(stderr, /fixed \.env: Switch to STARTTLS on port 587 \(implicit-tls-on-starttls-port\)/);
    assert.equal(fs.readFileSync(path.join(dir, '.env'), 'utf8'), 'MAIL_MAILER=smtp\nMAIL_HOST=smtp.example.com\nMAIL_SCHEME=smtp\n');
    assert.equal(fs.readFileSync(path.join(dir, 'deploy', 'mail.env'), 'utf8'), 'SMTP_HOST=smtp.example.com\nSMTP_SECURE=false\n');
    assert.equal(fs.readFileSync(path.join(dir, 'config', 'mail.php'), 'utf8'), mail, 'the reader is left alone');
  });
});
