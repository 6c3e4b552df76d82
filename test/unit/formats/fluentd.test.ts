import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { looksLikeFluentd, parseFluentd } from '../../../src/engine/formats/fluentd';
import { looksLikeHocon } from '../../../src/engine/formats/hocon';
import { FIXTURES, assertSurvivesSyntaxGarbage, slice, find } from './helpers';

const EXAMPLES = path.join(FIXTURES, 'fluentd-examples');

describe('formats/fluentd', () => {
  it("fluentd's example/*.conf read without errors, and look like Fluentd, not HOCON", () => {
    for (const file of fs.readdirSync(EXAMPLES).filter((name) => name.endsWith('.conf'))) {
      const text = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
      assert.deepEqual(parseFluentd(text).errors, [], file);
      if (file !== 'v1_literal_example.conf') assert.ok(looksLikeFluentd(text) && !looksLikeHocon(text), file);
    }
  });

  it("reads values as example/v1_literal_example.conf's comments say", () => {
    const result = parseFluentd(fs.readFileSync(path.join(EXAMPLES, 'v1_literal_example.conf'), 'utf8'));
    const values = (section: string) => Array.from({ length: 10 }, (_, i) => find(result, `${section}.key${i + 1}`).value);
    assert.deepEqual(values('section1.0'), ['text', "'", '\\', '\\t', '\\[', '\\[', '#t', '\\#{test}', '#{test}', '\\[(?<time>[^\\]]*)\\] (?<message>.*)']);
    // key9 "#{test}" is Ruby evaluated by Fluentd: kept as written.
    assert.deepEqual(values('section2.1'), ['text', '"', '\\', '\t', '[', '\\[', '#t', '#{test}', '#{test}', '\\[(?<time>[^\\]]*)\\] (?<message>.*)']);
    assert.deepEqual(values('section3.2'), ['text', '\\', '\\\\', '\\t', '\\[', '\\\\[', '#t', '\\#{test}', '#{test}', '\\[(?<time>[^\\]]*)\\] (?<message>.*)']);
  });

  it('nests directives by name and index, with exact ranges', () => {
    const text = '<match error.**>\n  @type copy\n  <store>\n    @type stdout\n  </store>\n  <store>\n    @type mail\n    host smtp.gmail.com        # comment\n    port 587\n    subject \'HTTP SERVER ERROR\'\n  </store>\n</match>\n';
    const result = parseFluentd(text);
    assert.deepEqual(result.errors, []);
    assert.equal(find(result, 'match.0.store.1.@type').value, 'mail');
    const host = find(result, 'match.0.store.1.host');
    assert.deepEqual([slice(text, host.keyRange), slice(text, host.valueRange), host.value], ['host', 'smtp.gmail.com', 'smtp.gmail.com']);
    const subject = find(result, 'match.0.store.1.subject');
    assert.deepEqual([subject.value, subject.quote, slice(text, subject.valueRange)], ['HTTP SERVER ERROR', "'", "'HTTP SERVER ERROR'"]);
  });

  it('a <match> section quoted without its tags (fluent-plugin-mail issue 45) still reads and looks like Fluentd', () => {
    const text = '@type mail\nhost smtp22.gmoserver.jp\nport 465\nenable_starttls_auto true\n';
    assert.ok(looksLikeFluentd(text));
    assert.equal(find(parseFluentd(text), 'port').value, '465');
  });

  it('other .conf files do not look like Fluentd', () => {
    assert.ok(!looksLikeFluentd('server {\n  listen 80;\n  server_name mail.example.com;\n}\n'), 'nginx');
    assert.ok(!looksLikeFluentd('<VirtualHost *:80>\n  ServerAdmin webmaster@example.com\n</VirtualHost>\n'), 'Apache');
    assert.ok(!looksLikeFluentd('play.mailer {\n  host = "smtp.example.com"\n}\n'), 'HOCON');
    assert.ok(!looksLikeFluentd('[program:mailer]\ncommand=/usr/bin/mailer\n'), 'supervisord');
    assert.ok(!looksLikeFluentd('SMTP_HOST=smtp.example.com\nSMTP_PORT=587\n'), 'KEY=value');
  });

  it('reports unbalanced directives and goes on', () => {
    const result = parseFluentd('</match>\n<match a>\n  @type mail\n  port 25\n');
    assert.equal(result.errors.length, 2);
    assert.equal(find(result, 'match.0.port').value, '25');
  });

  it('survives garbage made of its own syntax', function () {
    this.timeout(60_000);
    assertSurvivesSyntaxGarbage(parseFluentd, '<>/ @"\'\\#\n\tab1', 1024 * 1024);
  });
});
