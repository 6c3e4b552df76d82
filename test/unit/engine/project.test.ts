// Values a file takes from other files of the project (src/engine/project.ts).
import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../src/engine/analyze';
import { lensOffset } from '../../../src/engine/explain';
import { applyEdits } from '../../../src/engine/fixes';
import { analyzeInProject, envFilesOf, fixesInProject, environmentFor, inputsOf, projectOptions, readersOf, readsFrom } from '../../../src/engine/project';

const COMPOSE = 'services:\n  app:\n    environment:\n      SMTP_HOST: smtp.example.com\n      SMTP_PORT: ${SMTP_PORT:-587}\n      SMTP_SECURE: "false"\n';

describe('project: values from other files', () => {
  it('a compose file reads the .env in its own folder, whatever the separators', () => {
    assert.deepEqual(inputsOf('deploy/docker-compose.yml'), ['deploy/.env']);
    assert.deepEqual(inputsOf('compose.yaml'), ['.env']);
    assert.deepEqual(inputsOf('deploy/.env'), []);
    assert.ok(readsFrom('C:\\app\\deploy\\compose.prod.yml', 'C:/app/deploy/.env'));
    assert.ok(!readsFrom('deploy/docker-compose.yml', '.env'), 'not the .env of another folder');
  });

  it('builds the variables from the texts the adapter gives, named as the adapter names them', () => {
    const texts: Record<string, string> = { 'deploy/.env': 'SMTP_PORT=465\n' };
    const variables = environmentFor('deploy/docker-compose.yml', (input) => texts[input], (input) => `./${input}`);
    assert.equal(variables?.get('SMTP_PORT')?.value, '465');
    assert.equal(variables?.get('SMTP_PORT')?.file, './deploy/.env');
    assert.equal(environmentFor('deploy/docker-compose.yml', () => undefined), undefined, 'no .env: nothing');
    assert.equal(environmentFor('deploy/.env', () => 'X=1\n'), undefined, 'a .env reads no other file');
  });

  it('the compose file is judged with the .env: its fallback 587 is fine, 465 from .env is not', () => {
    assert.deepEqual(analyzeText('docker-compose.yml', COMPOSE).findings, []);
    const environment = environmentFor('docker-compose.yml', () => 'SMTP_PORT=465\n');
    const { findings } = analyzeText('docker-compose.yml', COMPOSE, { environment });
    assert.deepEqual(findings.map((finding) => finding.ruleId), ['plaintext-on-implicit-tls-port']);
    const inDotenv = findings[0].related.find((item) => item.file);
    assert.deepEqual(inDotenv && { ...inDotenv.file, message: inDotenv.message }, { path: '.env', start: { line: 0, character: 10 }, end: { line: 0, character: 13 }, message: 'SMTP_PORT=465 is set here' });
  });
});

/** An in-memory project for analyzeInProject: paths relative to its root. */
function project(texts: Record<string, string>) {
  return {
    read: (file: string) => texts[file.replace(/^\.\//, '')],
    list: (folder: string) => {
      const prefix = folder === '.' || folder === '' ? '' : folder.replace(/\/?$/, '/');
      return Object.keys(texts)
        .filter((name) => name.startsWith(prefix) && !name.slice(prefix.length).includes('/'))
        .map((name) => name.slice(prefix.length));
    },
  };
}
const line = (text: string, offset: number) => text.slice(0, offset).split('\n').length;
const summary = (text: string, findings: readonly { ruleId: string; range: { start: number } }[]) => findings.map((finding) => `${finding.ruleId}@${line(text, finding.range.start)}`);

const MAIL_PHP = [
  '<?php', '', 'return [', "    'default' => env('MAIL_MAILER', 'log'),", "    'mailers' => [", "        'smtp' => [", "            'transport' => 'smtp',",
  "            'scheme' => env('MAIL_SCHEME'),", "            'host' => env('MAIL_HOST', '127.0.0.1'),", "            'port' => env('MAIL_PORT', 465),", '        ],', '    ],', '];', '',
].join('\n');

describe('project: findings on the combination, on the line to change', () => {
  it("config/mail.php reads the .env of the folder above config/ (Laravel's base path)", () => {
    assert.deepEqual(inputsOf('app/config/mail.php'), ['app/.env']);
    assert.deepEqual(inputsOf('config/mail.php'), ['.env']);
    assert.deepEqual(inputsOf('app/mail.php'), ['app/.env', '.env'], "only config/mail.php: other PHP is source code, whose lookups read the nearest .env (project-code.ts)");
    assert.deepEqual(readersOf('.env', project({ '.env': 'X=1\n', 'config/mail.php': MAIL_PHP })), ['config/mail.php']);
    assert.deepEqual(readersOf('.env.example', project({ '.env.example': 'X=1\n', 'config/mail.php': MAIL_PHP })), [], '.env.example is read by nothing');
  });

  it(".env without MAIL_PORT takes config/mail.php's fallback: smtps on 465 is right", () => {
    const dotenv = 'MAIL_MAILER=smtp\nMAIL_HOST=smtp.example.com\nMAIL_SCHEME=smtps\n';
    const files = project({ '.env': dotenv, 'config/mail.php': MAIL_PHP });
    assert.deepEqual(analyzeInProject('.env', dotenv, files).findings, []);
    assert.deepEqual(analyzeInProject('config/mail.php', MAIL_PHP, files).findings, []);
  });

  it('a finding on a value .env sets moves to .env, with config/mail.php as related information; one on a fallback stays in mail.php', () => {
    const mail = MAIL_PHP.replace("env('MAIL_PORT', 465)", "env('MAIL_PORT', 587)");
    const dotenv = 'MAIL_MAILER=smtp\nMAIL_HOST=smtp.example.com\nMAIL_SCHEME=smtps\n';
    const files = project({ '.env': dotenv, 'config/mail.php': mail });
    const onEnv = analyzeInProject('.env', dotenv, files).findings;
    assert.deepEqual(summary(dotenv, onEnv), ['implicit-tls-on-starttls-port@3']);
    assert.ok(onEnv[0].related.some((item) => item.file?.path === 'config/mail.php' && item.file.start.line === 7), JSON.stringify(onEnv[0].related));
    assert.deepEqual(analyzeInProject('config/mail.php', mail, files).findings, [], 'not reported twice');
    // The scheme as a fallback in mail.php, the port from .env: the line to change is mail.php's.
    const mail2 = MAIL_PHP.replace("env('MAIL_SCHEME')", "env('MAIL_SCHEME', 'smtps')");
    const dotenv2 = 'MAIL_MAILER=smtp\nMAIL_PORT=587\n';
    const files2 = project({ '.env': dotenv2, 'config/mail.php': mail2 });
    const onMail = analyzeInProject('config/mail.php', mail2, files2).findings;
    assert.deepEqual(summary(mail2, onMail), ['implicit-tls-on-starttls-port@8']);
    assert.ok(onMail[0].related.some((item) => item.file?.path === '.env' && item.message === 'MAIL_PORT=587 is set here'), JSON.stringify(onMail[0].related));
    assert.deepEqual(analyzeInProject('.env', dotenv2, files2).findings, []);
  });

  it("a key config/mail.php does not read changes nothing: no scheme key, MAIL_SCHEME=smtps is inert", () => {
    const mail = MAIL_PHP.replace("            'scheme' => env('MAIL_SCHEME'),\n", '').replace("env('MAIL_PORT', 465)", "env('MAIL_PORT', 587)");
    const dotenv = 'MAIL_MAILER=smtp\nMAIL_HOST=smtp.example.com\nMAIL_SCHEME=smtps\n';
    assert.deepEqual(analyzeInProject('.env', dotenv, project({ '.env': dotenv, 'config/mail.php': mail })).findings, []);
  });

  it("Compose env_file (string, list, long form with required: false) joins the service's environment, below it; never ${VAR} interpolation", () => {
    const compose = [
      'services:', '  app:', '    image: ghcr.io/example/app', '    env_file:', '      - path: ./mail.env', '      - path: ./missing.env', '        required: false',
      '    environment:', '      SMTP_HOST: smtp.example.com', '      SMTP_PORT: ${SMTP_PORT:-587}', '',
    ].join('\n');
    const mailEnv = 'SMTP_PORT=465\nSMTP_SECURE=false\n';
    assert.deepEqual([...envFilesOf('deploy/compose.yaml', compose).entries()], [['app', ['deploy/mail.env', 'deploy/missing.env']]]);
    assert.deepEqual([...envFilesOf('compose.yaml', 'services:\n  a:\n    env_file: a.env\n  b:\n    env_file:\n      - ./b.env\n').entries()], [['a', ['a.env']], ['b', ['b.env']]]);
    const files = project({ 'compose.yaml': compose, 'mail.env': mailEnv });
    // SMTP_PORT=465 in the env_file does not feed ${SMTP_PORT:-587} (that is the project .env's job), and environment overrides it: 587 stays.
    assert.deepEqual(analyzeInProject('compose.yaml', compose, files).findings, []);
    assert.deepEqual(analyzeInProject('mail.env', mailEnv, files).findings, []);
    // SMTP_SECURE=true from the env_file with the compose file's port 587: the line to change is the env_file's.
    const secure = 'SMTP_SECURE=true\n';
    const files2 = project({ 'compose.yaml': compose, 'mail.env': secure });
    assert.deepEqual(analyzeInProject('compose.yaml', compose, files2).findings, []);
    const moved = analyzeInProject('mail.env', secure, files2).findings;
    assert.deepEqual(summary(secure, moved), ['implicit-tls-on-starttls-port@1']);
    assert.ok(moved[0].related.some((item) => item.file?.path === 'compose.yaml'), JSON.stringify(moved[0].related));
    assert.ok(readsFrom('compose.yaml', 'mail.env', files2.read));
  });

  it('a service whose SMTP settings all come from its env_file has its CodeLens at the top, not past the end of the text', () => {
    const compose = 'services:\n  app:\n    image: ghcr.io/example/app\n    env_file: mail.env\n';
    const files = project({ 'compose.yaml': compose, 'mail.env': 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\n' });
    const analysis = analyzeText('compose.yaml', compose, projectOptions('compose.yaml', compose, files));
    assert.equal(analysis.groups.length, 1);
    assert.ok(analysis.groups[0].matches.every((match) => match.entry.foreign?.file === 'mail.env'));
    assert.equal(lensOffset(analysis.groups[0], compose, analysis.format), 0);
  });

  it("config/mail.php's default mailer decides: MAIL_MAILER=log (or the fallback 'log') leaves the smtp mailer unused", () => {
    const mail = MAIL_PHP.replace("env('MAIL_PORT', 465)", "env('MAIL_PORT', 587)");
    const wrong = 'MAIL_HOST=smtp.example.com\nMAIL_SCHEME=smtps\n';
    assert.deepEqual(analyzeInProject('.env', wrong, project({ '.env': wrong, 'config/mail.php': mail })).findings, [], "no MAIL_MAILER: the fallback 'log'");
    const used = `MAIL_MAILER=smtp\n${wrong}`;
    assert.deepEqual(summary(used, analyzeInProject('.env', used, project({ '.env': used, 'config/mail.php': mail })).findings), ['implicit-tls-on-starttls-port@3']);
  });
});

describe('project: fixes of a finding moved into the file where the value is set', () => {
  const titles = (file: string, text: string, files: ReturnType<typeof project>) =>
    analyzeInProject(file, text, files).findings.map((finding) => [finding.ruleId, fixesInProject(file, text, finding, files).map((fix) => `${fix.preferred ? '*' : ''}${fix.title}`)]);

  it("config/mail.php's fallback port 587 with .env's MAIL_SCHEME=smtps: MAIL_SCHEME=smtp, or MAIL_PORT=465, in .env", () => {
    const mail = MAIL_PHP.replace("env('MAIL_PORT', 465)", "env('MAIL_PORT', 587)");
    const dotenv = 'MAIL_MAILER=smtp\nMAIL_HOST=smtp.example.com\nMAIL_SCHEME=smtps\n';
    const files = project({ '.env': dotenv, 'config/mail.php': mail });
    assert.deepEqual(analyzeText('.env', dotenv).findings, [], '.env alone has nothing to fix');
    const [finding] = analyzeInProject('.env', dotenv, files).findings;
    const fixes = fixesInProject('.env', dotenv, finding, files);
    assert.deepEqual(fixes.map((fix) => [fix.title, fix.preferred]), [['Switch to STARTTLS on port 587', true], ['Use implicit TLS on port 465', false]]);
    for (const fix of fixes) assert.deepEqual(analyzeInProject('.env', applyEdits(dotenv, fix.edits), files).findings, [], fix.title);
    assert.equal(applyEdits(dotenv, fixes[1].edits), `${dotenv}MAIL_PORT=465\n`);
  });

  it("an env_file's SMTP_SECURE=true beside the service's environment port 587: SMTP_SECURE=false there; no port 465 in the env_file, which environment overrides", () => {
    const compose = 'services:\n  app:\n    image: ghcr.io/example/app\n    env_file: mail.env\n    environment:\n      SMTP_PORT: 587\n';
    const mailEnv = 'SMTP_HOST=smtp.example.com\nSMTP_SECURE=true\n';
    const files = project({ 'compose.yaml': compose, 'mail.env': mailEnv });
    assert.deepEqual(titles('mail.env', mailEnv, files), [['implicit-tls-on-starttls-port', ['*Switch to STARTTLS on port 587']]]);
    // An env_file with nothing else SMTP Doctor groups: no key of a framework to write, so no fix (said less, not guessed).
    const bare = 'SMTP_SECURE=true\n';
    assert.deepEqual(titles('mail.env', bare, project({ 'compose.yaml': compose, 'mail.env': bare })), [['implicit-tls-on-starttls-port', []]]);
  });

  it("a compose file's ${SMTP_SECURE:-false} that its .env sets to true, port 587 in the compose file: a fix in .env only where .env has its own group", () => {
    const compose = 'services:\n  app:\n    environment:\n      SMTP_HOST: smtp.example.com\n      SMTP_PORT: 587\n      SMTP_SECURE: ${SMTP_SECURE:-false}\n';
    // .env sets the flag alone: nothing SMTP Doctor groups in it, so no framework key to write there (not guessed).
    const bare = 'SMTP_SECURE=true\n';
    assert.deepEqual(titles('.env', bare, project({ 'docker-compose.yml': compose, '.env': bare })), [['implicit-tls-on-starttls-port', []]]);
    // With the host beside it, .env has its own group: the flag is turned off there, verified on the compose file.
    const dotenv = 'SMTP_HOST=smtp.example.com\nSMTP_SECURE=true\n';
    const files = project({ 'docker-compose.yml': compose, '.env': dotenv });
    const [finding] = analyzeInProject('.env', dotenv, files).findings;
    const fixes = fixesInProject('.env', dotenv, finding, files);
    assert.deepEqual(fixes.map((fix) => [fix.title, applyEdits(dotenv, fix.edits)]), [['Switch to STARTTLS on port 587', dotenv.replace('SMTP_SECURE=true', 'SMTP_SECURE=false')]]);
  });
});
