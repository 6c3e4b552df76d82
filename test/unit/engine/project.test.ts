// Values a file takes from other files of the project (src/engine/project.ts).
import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../src/engine/analyze';
import { environmentFor, inputsOf, readsFrom } from '../../../src/engine/project';

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
