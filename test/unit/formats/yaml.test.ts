import { strict as assert } from 'node:assert';
import { parseYaml, MAX_YAML_LENGTH } from '../../../src/engine/formats/yaml';
import type { ConfigEntry, ParseResult } from '../../../src/engine/types';
import { assertSurvivesSyntaxGarbage, fixture, slice } from './helpers';

function find(result: ParseResult, dotted: string, document?: number): ConfigEntry {
  const found = result.entries.filter(
    (e) => e.path.join('.') === dotted && (document === undefined || e.document === document),
  );
  assert.equal(found.length, 1, `expected exactly one entry for ${dotted} (found ${found.length})`);
  return found[0];
}

/** [value, valueType, key as written, value as written, quote] */
function describeEntry(text: string, e: ConfigEntry): [string | null, string, string, string, string | undefined] {
  return [e.value, e.valueType, slice(text, e.keyRange), slice(text, e.valueRange), e.quote];
}

describe('formats/yaml', () => {
  describe('docker-compose.yml: both environment styles, anchors and merge keys', () => {
    const text = fixture('docker-compose.yml');
    const result = parseYaml(text);

    it('parses without errors', () => {
      assert.equal(result.format, 'yaml');
      assert.equal(result.eol, '\n');
      assert.deepEqual(result.errors, []);
    });

    it('turns a list of KEY=VALUE strings into keyed entries', () => {
      const env = result.entries.filter((e) => e.path.slice(0, 3).join('.') === 'services.app.environment');
      assert.deepEqual(
        env.map((e) => [e.path[3], ...describeEntry(text, e)]),
        [
          ['NODE_ENV', 'production', 'string', 'NODE_ENV', 'production', undefined],
          ['SMTP_HOST', 'smtp.sendgrid.net', 'string', 'SMTP_HOST', 'smtp.sendgrid.net', undefined],
          ['SMTP_PORT', '465', 'string', 'SMTP_PORT', '465', undefined],
          ['SMTP_PASSWORD', '${SMTP_PASSWORD}', 'string', 'SMTP_PASSWORD', '${SMTP_PASSWORD}', undefined],
          ['SMTP_FROM', 'App <noreply@example.com>', 'string', 'SMTP_FROM', 'App <noreply@example.com>', undefined],
          ['EMPTY_VAR', '', 'string', 'EMPTY_VAR', '', undefined],
        ],
      );
      // Quoted items: the ranges are inside the quotes.
      const host = find(result, 'services.app.environment.SMTP_HOST');
      assert.equal(text[host.keyRange.start - 1], '"');
      assert.equal(text[host.valueRange.end], '"');
      const from = find(result, 'services.app.environment.SMTP_FROM');
      assert.equal(text.slice(from.keyRange.start - 1, from.valueRange.end + 1), "'SMTP_FROM=App <noreply@example.com>'");
      // `- EMPTY_VAR=`: empty range right after `=`.
      const empty = find(result, 'services.app.environment.EMPTY_VAR');
      assert.equal(empty.valueRange.start, empty.valueRange.end);
      assert.equal(text[empty.valueRange.start - 1], '=');
    });

    it('skips bare "- KEY" items', () => {
      assert.equal(result.entries.filter((e) => e.path.includes('DEBUG')).length, 0);
    });

    it('resolves merge keys, with explicit keys winning, ranges pointing at the anchored text', () => {
      // `app` merges *common but writes its own environment: only its own list counts.
      assert.equal(find(result, 'services.app.restart').value, 'unless-stopped');
      assert.equal(result.entries.filter((e) => e.path.join('.') === 'services.app.environment.LOG_LEVEL').length, 0);
      // `worker` gets environment through *common, which itself merges *smtp-env.
      const worker = result.entries.filter((e) => e.path.slice(0, 3).join('.') === 'services.worker.environment');
      assert.deepEqual(
        worker.map((e) => [e.path[3], e.value, e.valueType]),
        [
          ['SMTP_HOST', 'smtp.mailgun.org', 'string'],
          ['SMTP_PORT', '587', 'number'],
          ['SMTP_SECURE', 'false', 'string'],
          ['LOG_LEVEL', 'info', 'string'],
        ],
      );
      const source = find(result, 'x-smtp-env.SMTP_PORT');
      const merged = find(result, 'services.worker.environment.SMTP_PORT');
      assert.deepEqual(merged.keyRange, source.keyRange);
      assert.deepEqual(merged.valueRange, source.valueRange);
      assert.equal(slice(text, merged.valueRange), '587');
      // `mailhog` overrides one merged key.
      const mailhog = result.entries.filter((e) => e.path.slice(0, 3).join('.') === 'services.mailhog.environment');
      assert.deepEqual(
        mailhog.map((e) => [e.path[3], e.value]),
        [
          ['SMTP_HOST', 'smtp.mailgun.org'],
          ['SMTP_SECURE', 'false'],
          ['SMTP_PORT', '1025'],
        ],
      );
      assert.equal(slice(text, find(result, 'services.mailhog.environment.SMTP_PORT').valueRange), '1025');
    });

    it('uses indexes for other sequences', () => {
      assert.deepEqual(describeEntry(text, find(result, 'services.worker.command.1')), [
        'worker.js', 'string', '"worker.js"', '"worker.js"', '"',
      ]);
      assert.deepEqual(describeEntry(text, find(result, 'services.mailhog.ports.1')), [
        '8025:8025', 'string', '8025:8025', '8025:8025', undefined,
      ]);
    });
  });

  describe('Kubernetes Deployment', () => {
    const text = fixture('k8s-deployment.yaml');
    const result = parseYaml(text);
    const prefix = 'spec.template.spec.containers.0.env';

    it('turns env {name, value} items into keyed entries and skips valueFrom', () => {
      assert.deepEqual(result.errors, []);
      const env = result.entries.filter((e) => e.path.slice(0, 6).join('.') === prefix);
      assert.deepEqual(
        env.map((e) => [e.path[6], ...describeEntry(text, e)]),
        [
          ['SMTP_HOST', 'smtp.sendgrid.net', 'string', 'SMTP_HOST', 'smtp.sendgrid.net', undefined],
          ['SMTP_PORT', '587', 'string', 'SMTP_PORT', '"587"', '"'],
          ['SMTP_SECURE', 'false', 'string', 'SMTP_SECURE', "'false'", "'"],
          ['SMTP_USER', 'apikey', 'string', 'SMTP_USER', 'apikey', undefined],
        ],
      );
      assert.equal(result.entries.filter((e) => e.path.includes('SMTP_PASSWORD')).length, 0);
      assert.ok(env.every((e) => e.document === 0));
    });

    it('reads the second document with its index', () => {
      assert.deepEqual(describeEntry(text, find(result, 'data.SMTP_TLS_REJECT_UNAUTHORIZED', 1)), [
        'false', 'string', 'SMTP_TLS_REJECT_UNAUTHORIZED', '"false"', '"',
      ]);
      assert.equal(find(result, 'kind', 0).value, 'Deployment');
      assert.equal(find(result, 'kind', 1).value, 'ConfigMap');
      assert.equal(find(result, 'spec.replicas').valueType, 'number');
      assert.equal(find(result, 'spec.template.spec.containers.0.ports.0.containerPort').value, '8080');
    });

    it('keeps block scalars as strings, with the range ending at the last content line', () => {
      const e = find(result, 'data.config.yaml', 1);
      assert.equal(e.value, 'smtp:\n  host: smtp.internal\n');
      assert.equal(slice(text, e.valueRange), '|\n    smtp:\n      host: smtp.internal');
    });
  });

  describe('Spring application.yml with several documents', () => {
    const text = fixture('spring-application.yml');
    const result = parseYaml(text);

    it('reads every document', () => {
      assert.deepEqual(result.errors, []);
      assert.deepEqual(
        result.entries.filter((e) => e.path.join('.') === 'spring.mail.host').map((e) => [e.document, e.value]),
        [
          [0, 'smtp.gmail.com'],
          [1, 'smtp.prod.example.com'],
          [2, 'localhost'],
        ],
      );
      assert.equal(find(result, 'spring.config.activate.on-profile', 1).value, 'prod');
    });

    it('types scalars and keeps tokens as written', () => {
      assert.deepEqual(describeEntry(text, find(result, 'spring.mail.port', 0)), ['587', 'number', 'port', '587', undefined]);
      assert.deepEqual(describeEntry(text, find(result, 'spring.mail.properties.mail.smtp.starttls.enable', 0)), [
        'true', 'boolean', 'enable', 'true', undefined,
      ]);
      assert.deepEqual(describeEntry(text, find(result, 'spring.mail.password', 0)), [
        '${MAIL_PASSWORD}', 'string', 'password', '${MAIL_PASSWORD}', undefined,
      ]);
      assert.deepEqual(describeEntry(text, find(result, 'spring.mail.properties.[mail.smtp.ssl.trust]', 0)), [
        'smtp.gmail.com', 'string', '"[mail.smtp.ssl.trust]"', 'smtp.gmail.com', undefined,
      ]);
      assert.deepEqual(describeEntry(text, find(result, 'spring.mail.properties.mail.smtp.ssl.enable', 1)), [
        'true', 'boolean', 'mail.smtp.ssl.enable', 'true', undefined,
      ]);
      // A comment after the value is not part of it.
      assert.deepEqual(describeEntry(text, find(result, 'spring.mail.host', 2)), ['localhost', 'string', 'host', 'localhost', undefined]);
    });

    it('reads ~ and empty values as null', () => {
      assert.deepEqual(describeEntry(text, find(result, 'spring.mail.default-encoding', 2)), [null, 'null', 'default-encoding', '~', undefined]);
      const empty = find(result, 'spring.mail.protocol', 2);
      assert.equal(empty.value, null);
      assert.equal(empty.valueType, 'null');
      assert.equal(empty.valueRange.start, empty.valueRange.end);
      assert.equal(text.slice(empty.keyRange.start, empty.valueRange.start), 'protocol:');
    });
  });

  describe('scalars, aliases and edge cases', () => {
    it('reports string forms and quotes', () => {
      const text = [
        'a: 587',
        'b: "587"',
        "c: 'it''s'",
        'd: "tab\\there"',
        'e: True',
        'f: null',
        'g: !!str 25',
        'h: &anchor 0x1F',
        'i: >',
        '  folded',
        '  text',
        'j: 1.5e3',
        '',
      ].join('\n');
      const result = parseYaml(text);
      assert.deepEqual(result.errors, []);
      assert.deepEqual(
        result.entries.map((e) => [e.path[0], ...describeEntry(text, e)]),
        [
          ['a', '587', 'number', 'a', '587', undefined],
          ['b', '587', 'string', 'b', '"587"', '"'],
          ['c', "it's", 'string', 'c', "'it''s'", "'"],
          ['d', 'tab\there', 'string', 'd', '"tab\\there"', '"'],
          ['e', 'true', 'boolean', 'e', 'True', undefined],
          ['f', null, 'null', 'f', 'null', undefined],
          ['g', '25', 'string', 'g', '25', undefined],
          ['h', '0x1F', 'number', 'h', '0x1F', undefined],
          ['i', 'folded text\n', 'string', 'i', '>\n  folded\n  text', undefined],
          ['j', '1.5e3', 'number', 'j', '1.5e3', undefined],
        ],
      );
    });

    it('resolves scalar and map aliases to the anchored text', () => {
      const text = 'port: &p 587\nalias_port: *p\nbase: &b {host: smtp.x.com}\ncopy: *b\nlist: [*p, 2]\n';
      const result = parseYaml(text);
      const aliasPort = find(result, 'alias_port');
      assert.equal(aliasPort.value, '587');
      assert.equal(slice(text, aliasPort.keyRange), 'alias_port');
      assert.deepEqual(aliasPort.valueRange, find(result, 'port').valueRange);
      assert.equal(slice(text, aliasPort.valueRange), '587');
      const copy = find(result, 'copy.host');
      assert.deepEqual(copy.valueRange, find(result, 'base.host').valueRange);
      assert.equal(find(result, 'list.0').value, '587');
      assert.equal(find(result, 'list.1').value, '2');
    });

    it('merges a list of maps: the first one wins', () => {
      const text = 'a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nm:\n  <<: [*a, *b]\n  z: 3\n';
      const result = parseYaml(text);
      assert.deepEqual(
        result.entries.filter((e) => e.path[0] === 'm').map((e) => [e.path[1], e.value]),
        [
          ['x', '1'],
          ['y', '1'],
          ['z', '3'],
        ],
      );
    });

    it('applies the env conventions through aliases', () => {
      const text = [
        'x-env: &env',
        '  - SMTP_HOST=smtp.x.com',
        'services:',
        '  a:',
        '    environment: *env',
        'k8s:',
        '  extraEnv:',
        '    - {name: SMTP_PORT, value: 2525}',
        '    - {name: NO_VALUE}',
        '',
      ].join('\n');
      const result = parseYaml(text);
      const host = find(result, 'services.a.environment.SMTP_HOST');
      assert.equal(host.value, 'smtp.x.com');
      assert.equal(slice(text, host.keyRange), 'SMTP_HOST');
      // The anchored list itself is not under an `environment` key.
      assert.equal(find(result, 'x-env.0').value, 'SMTP_HOST=smtp.x.com');
      const port = find(result, 'k8s.extraEnv.SMTP_PORT');
      assert.deepEqual(describeEntry(text, port), ['2525', 'number', 'SMTP_PORT', '2525', undefined]);
      assert.equal(result.entries.filter((e) => e.path.includes('NO_VALUE')).length, 0);
    });

    it('tags each container env shape on its entries, and nothing else', () => {
      const text = [
        'services:',
        '  app:',
        '    environment:',
        '      - SMTP_HOST=smtp.x.com',
        '  worker:',
        '    environment:',
        '      SMTP_PORT: 587',
        '      SMTP_USER:',
        'spec:',
        '  env:',
        '    - name: SMTP_SECURE',
        '      value: "false"',
        'extraEnvVars:',
        '  - {name: SMTP_FROM, value: a@x.com}',
        'mail:',
        '  port: &p 25',
        '  again: *p',
        '  environment: {nested: {port: 25}}',
        '',
      ].join('\n');
      assert.deepEqual(
        parseYaml(text).entries.map((e) => [e.path.join('.'), e.shape]),
        [
          ['services.app.environment.SMTP_HOST', 'compose-env-list'],
          ['services.worker.environment.SMTP_PORT', 'compose-env-map'],
          ['services.worker.environment.SMTP_USER', 'compose-env-map'],
          ['spec.env.SMTP_SECURE', 'k8s-env-list'],
          ['extraEnvVars.SMTP_FROM', 'k8s-env-list'],
          ['mail.port', undefined],
          ['mail.again', undefined],
          ['mail.environment.nested.port', undefined],
        ],
      );
    });

    it('reports duplicate keys', () => {
      const text = 'smtp:\n  port: 25\n  port: 587\n';
      const result = parseYaml(text);
      assert.deepEqual(
        result.errors.map((e) => [e.message, slice(text, e.range)]),
        [['Duplicate key "port"', 'port']],
      );
      assert.deepEqual(
        result.entries.map((e) => e.value),
        ['25', '587'],
      );
    });

    it('detects CRLF', () => {
      const result = parseYaml('a: 1\r\nb: 2\r\n');
      assert.equal(result.eol, '\r\n');
      assert.deepEqual(
        result.entries.map((e) => [e.path[0], e.value]),
        [
          ['a', '1'],
          ['b', '2'],
        ],
      );
    });
  });

  describe('malformed and hostile input', function () {
    this.timeout(120_000); // a safety net on a loaded machine, not a speed check

    it('syntax-heavy garbage (several seeds)', () => assertSurvivesSyntaxGarbage(parseYaml, "{}[],:-?&*!|>'\"#%@`\n\r \taK1~<", 1024 * 1024));

    it('reports errors with ranges and keeps the documents that parsed', () => {
      const text = 'good: 1\n---\nbad: [1, 2\nalso: {x: \n  - y\n---\nmail:\n  port: 465\n';
      const result = parseYaml(text);
      assert.equal(result.errors.length, 3);
      assert.equal(result.errors[0].range.start, text.indexOf('also'));
      for (const e of result.errors) assert.ok(e.range.start >= 0 && e.range.end <= text.length && e.range.start <= e.range.end);
      assert.equal(find(result, 'good', 0).value, '1');
      assert.equal(find(result, 'mail.port', 2).value, '465');
    });

    it('refuses texts over the size limit without parsing them', () => {
      const text = 'a: b\n'.repeat(10 * 1024 * 1024);
      const result = parseYaml(text);
      assert.ok(text.length > MAX_YAML_LENGTH);
      assert.equal(result.entries.length, 0);
      assert.match(result.errors[0].message, /too large/);
    });

    it('10,000-deep flow nesting', () => {
      const result = parseYaml('['.repeat(10000) + 'x' + ']'.repeat(10000));
      assert.ok(result.errors.length >= 1);
    });

    it('10,000-deep compact sequences and 1,500-deep indentation', () => {
      const compact = parseYaml('- '.repeat(10000) + 'x\n');
      assert.ok(compact.errors.some((e) => /deep|stack/i.test(e.message)));
      let indented = '';
      for (let i = 0; i < 1500; i++) indented += ' '.repeat(i) + `k${i}:\n`;
      const deep = parseYaml(indented);
      assert.ok(deep.errors.length >= 1);
    });

    it('a billion laughs is cut short', () => {
      const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let i = 1; i < 9; i++) {
        const prev = String.fromCharCode(96 + i);
        const name = String.fromCharCode(97 + i);
        lines.push(`${name}: &${name} [${Array(9).fill('*' + prev).join(',')}]`);
      }
      const result = parseYaml(lines.join('\n'));
      assert.ok(result.entries.length < 200_000);
      assert.ok(result.errors.some((e) => /alias/i.test(e.message)));
    });

    it('a recursive alias does not loop', () => {
      const text = 'a: &a [1, *a]\n';
      const result = parseYaml(text);
      assert.deepEqual(
        result.entries.map((e) => [e.path.join('.'), e.value]),
        [['a.0', '1']],
      );
      assert.deepEqual(
        result.errors.map((e) => [e.message, slice(text, e.range)]),
        [['Recursive alias: it refers to a node that contains it', '*a']],
      );
    });

    it('a 1 MB line and binary garbage', () => {
      const long = 'x'.repeat(1024 * 1024);
      const result = parseYaml(`a: ${long}\n`);
      assert.equal(result.entries[0].value, long);
      let garbage = '';
      for (let i = 0; i < 200_000; i++) garbage += String.fromCharCode((i * 7919) % 256);
      const g = parseYaml(garbage);
      assert.ok(Array.isArray(g.entries));
    });
  });
});
