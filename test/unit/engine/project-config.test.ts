// The project config file: parsing, validation with file:line:column errors, search and resolution.
import { strict as assert } from 'node:assert';
import { FINDING_IDS } from '../../../src/engine/analyze';
import { effectiveConfig, findProjectConfig, parseProjectConfig, ProjectConfigError } from '../../../src/engine/config/project-config';

const parse = (file: string, text: string) => parseProjectConfig(file, text, FINDING_IDS);

describe('project config file', () => {
  it('reads JSON with comments and YAML alike', () => {
    const json = parse('/p/.smtp-doctor.json', '{\n  // relay\n  "context": "mail-server",\n  "rules": { "port-25-submission": "off" },\n  "exclude": ["fixtures/**"],\n}\n');
    const yaml = parse('/p/.smtp-doctor.yaml', 'context: mail-server\nrules:\n  port-25-submission: off\nexclude:\n  - fixtures/**\n');
    assert.deepEqual(json.errors, []);
    assert.deepEqual(json.config, { file: '/p/.smtp-doctor.json', overrides: [], context: 'mail-server', rules: { 'port-25-submission': 'off' }, exclude: ['fixtures/**'] });
    assert.deepEqual({ ...yaml.config, file: json.config!.file }, json.config);
  });

  it('names the file, line and column of every problem, and gives no config', () => {
    const { config, errors } = parse('/p/.smtp-doctor.json', '{\n  "rules": {\n    "port-25-submision": "off",\n    "cleartext-auth": "loud"\n  },\n  "contxt": "x"\n}');
    assert.equal(config, undefined);
    assert.deepEqual(errors.map((e) => `${e.line}:${e.column} ${e.message}`), [
      '6:3 unknown key "contxt" (expected one of $schema, root, rules, context, include, exclude, overrides)',
      '3:5 unknown rule "port-25-submision"',
      '4:5 rule "cleartext-auth" must be one of error, warning, info, hint, off, not "loud"',
    ]);
    const yaml = parse('/p/.smtp-doctor.yaml', 'overrides:\n  - rules: {}\nroot: yes please\n');
    assert.deepEqual(yaml.errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.message}`), [
      '/p/.smtp-doctor.yaml:3:1 "root" must be true or false',
      '/p/.smtp-doctor.yaml:2:5 an override needs "files", a list of glob patterns',
    ]);
    assert.match(parse('/p/.smtp-doctor.json', '{ "rules": ').errors[0].message, /^invalid JSON/);
  });

  it('takes the nearest file from the folder up, and stops at root: true', () => {
    const files: Record<string, string> = {
      '/repo/.smtp-doctor.yaml': 'rules:\n  cleartext-auth: error\n',
      '/repo/relay/.smtp-doctor.json': '{ "root": true, "context": "mail-server" }',
    };
    const read = (file: string) => files[file];
    assert.equal(findProjectConfig('/repo/app/config', read, FINDING_IDS)?.file, '/repo/.smtp-doctor.yaml');
    assert.equal(findProjectConfig('/repo/relay/conf', read, FINDING_IDS)?.context, 'mail-server');
    assert.equal(findProjectConfig('/elsewhere', read, FINDING_IDS), undefined);
    files['/repo/app/.smtp-doctor.json'] = '{ "rules": { "nope": "off" } }';
    assert.throws(() => findProjectConfig('/repo/app', read, FINDING_IDS), (error: ProjectConfigError) => /\/repo\/app\/.smtp-doctor.json:1:14: unknown rule "nope"/.test(error.message));
  });

  it('applies overrides in order to the files they match, relative to the config folder', () => {
    const { config } = parse('/repo/.smtp-doctor.yaml', [
      'rules: { port-25-submission: warning, cleartext-auth: error }',
      'exclude: [test/fixtures/**]',
      'overrides:',
      '  - files: ["relay/**"]',
      '    context: mail-server',
      '    rules: { port-25-submission: off }',
      '  - files: ["**/*.env"]',
      '    include: ["deploy/*.conf"]',
      '',
    ].join('\n'));
    assert.deepEqual(effectiveConfig(config, '/repo/relay/main.cf.env'), {
      options: { rules: { 'port-25-submission': 'off', 'cleartext-auth': 'error' }, context: 'mail-server' },
      excluded: false,
      included: false,
    });
    assert.deepEqual(effectiveConfig(config, '/repo/app/.env').options, { rules: { 'port-25-submission': 'warning', 'cleartext-auth': 'error' } });
    assert.equal(effectiveConfig(config, '/repo/test/fixtures/a/.env').excluded, true);
    assert.equal(effectiveConfig(config, '/other/.env').excluded, false);
  });
});
