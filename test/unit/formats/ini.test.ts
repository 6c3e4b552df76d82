import { strict as assert } from 'node:assert';
import { looksLikeIni, parseIni, MAX_INI_ENTRIES } from '../../../src/engine/formats/ini';
import type { ConfigEntry, ParseResult } from '../../../src/engine/types';
import { assertSurvivesSyntaxGarbage, fixture, garbage, slice } from './helpers';

function find(result: ParseResult, ...segments: string[]): ConfigEntry {
  const found = result.entries.filter((e) => e.path.join('\u0000') === segments.join('\u0000'));
  assert.equal(found.length, 1, `expected exactly one entry for ${segments.join(' / ')} (found ${found.length})`);
  return found[0];
}

function rows(text: string, result: ParseResult): unknown[][] {
  return result.entries.map((e) => [e.path, e.value, slice(text, e.keyRange), slice(text, e.valueRange), e.quote]);
}

describe('formats/ini', () => {
  describe("INI-style .cfg files (Python's configparser)", () => {
    // configparser's documented example (docs.python.org/3/library/configparser.html, "Supported INI File Structure").
    const documented = '[Simple Values]\nkey=value\nspaces in keys=allowed\nspaces in values=allowed as well\nspaces around the delimiter = obviously\nyou can also use : to delimit keys from values\n\n[Multiline Values]\nchorus: I\'m a lumberjack, and I\'m okay\n    I sleep all night and I work all day\n\n[You can use comments]\n# like this\n; or this\n';

    it('reads the documented example: `=` and `:`, blanks in keys, and a continuation line is no error', () => {
      const result = parseIni(documented);
      assert.deepEqual(result.errors, []);
      const value = (section: string, key: string) => result.entries.find((e) => e.path.join('/') === `${section}/${key}`)?.value;
      assert.equal(value('Simple Values', 'spaces around the delimiter'), 'obviously');
      assert.equal(value('Simple Values', 'you can also use'), 'to delimit keys from values');
      assert.equal(value('Multiline Values', 'chorus'), "I'm a lumberjack, and I'm okay");
      assert.ok(looksLikeIni(documented));
    });

    it('looksLikeIni wants a [section] and plain key lines', () => {
      assert.ok(looksLikeIni('[email]\nhost = smtp.gmail.com\nport = 465\nusetls = True\n'));
      assert.ok(!looksLikeIni('host = smtp.gmail.com\n'), 'no section');
      assert.ok(!looksLikeIni("[x]\nc['workers'] = []\n"), 'Python');
      assert.ok(!looksLikeIni('define host {\n  host_name mail\n}\n'), 'Nagios');
    });
  });

  describe('grafana.ini', () => {
    const text = fixture('grafana.ini');
    const result = parseIni(text);

    it('reads sections, keys and values', () => {
      assert.equal(result.format, 'ini');
      assert.equal(result.eol, '\n');
      assert.deepEqual(result.errors, []);
      assert.deepEqual(rows(text, result), [
        [['app_mode'], 'production', 'app_mode', 'production', undefined],
        [['instance_name'], '${HOSTNAME}', 'instance_name', '${HOSTNAME}', undefined],
        [['server', 'http_port'], '3000', 'http_port', '3000', undefined],
        [['smtp', 'enabled'], 'true', 'enabled', 'true', undefined],
        [['smtp', 'host'], 'smtp.gmail.com:587', 'host', 'smtp.gmail.com:587', undefined],
        [['smtp', 'user'], 'grafana@example.com', 'user', 'grafana@example.com', undefined],
        [['smtp', 'password'], '#pass;word', 'password', '"""#pass;word"""', '"'],
        [['smtp', 'skip_verify'], 'false', 'skip_verify', 'false', undefined],
        [['smtp', 'from_address'], 'admin@grafana.localhost', 'from_address', 'admin@grafana.localhost', undefined],
        [['smtp', 'from_name'], 'Grafana', 'from_name', 'Grafana', undefined],
        [['smtp', 'ehlo_identity'], 'dashboard.example.com', 'ehlo_identity', 'dashboard.example.com', undefined],
        [['smtp', 'startTLS_policy'], 'MandatoryStartTLS', 'startTLS_policy', 'MandatoryStartTLS', undefined],
        [['smtp', 'cert_file'], '', 'cert_file', '', undefined],
        [['emails', 'welcome_email_on_sign_up'], 'false', 'welcome_email_on_sign_up', 'false', undefined],
        [['emails', 'templates_pattern'], 'emails/*.html, emails/*.txt', 'templates_pattern', 'emails/*.html, emails/*.txt', undefined],
      ]);
    });

    it('puts empty values right after "="', () => {
      const e = find(result, 'smtp', 'cert_file');
      assert.equal(e.valueRange.start, e.valueRange.end);
      assert.equal(text[e.valueRange.start - 1], '=');
    });

    it('edits through valueRange give the new value', () => {
      for (const e of result.entries) {
        const edited = text.slice(0, e.valueRange.start) + 'NEW' + text.slice(e.valueRange.end);
        assert.equal(find(parseIni(edited), ...e.path).value, 'NEW');
      }
    });
  });

  describe('Gitea app.ini', () => {
    const text = fixture('gitea-app.ini');
    const result = parseIni(text);

    it('reads the mailer section, with backtick and double-quoted values', () => {
      assert.deepEqual(result.errors, []);
      assert.deepEqual(
        rows(text, result).filter((r) => (r[0] as string[])[0] === 'mailer'),
        [
          [['mailer', 'ENABLED'], 'true', 'ENABLED', 'true', undefined],
          [['mailer', 'FROM'], 'Gitea <gitea@example.com>', 'FROM', '"Gitea <gitea@example.com>"', '"'],
          [['mailer', 'PROTOCOL'], 'smtp+starttls', 'PROTOCOL', 'smtp+starttls', undefined],
          [['mailer', 'SMTP_ADDR'], 'smtp.example.com', 'SMTP_ADDR', 'smtp.example.com', undefined],
          [['mailer', 'SMTP_PORT'], '587', 'SMTP_PORT', '587', undefined],
          [['mailer', 'USER'], 'gitea@example.com', 'USER', 'gitea@example.com', undefined],
          [['mailer', 'PASSWD'], 'pa;ss#word', 'PASSWD', '`pa;ss#word`', '`'],
          [['mailer', 'FORCE_TRUST_SERVER_CERT'], 'false', 'FORCE_TRUST_SERVER_CERT', 'false', undefined],
        ],
      );
      assert.equal(find(result, 'APP_NAME').value, 'Gitea: Git with a cup of tea');
      assert.equal(find(result, 'service', 'REGISTER_EMAIL_CONFIRM').value, 'true');
    });
  });

  describe('syntax details', () => {
    it('inline comments only after whitespace and outside quotes', () => {
      const text = [
        '[a]',
        'k1 = value ; comment',
        'k2 = value # comment',
        'k3 = pa#ss;word',
        'k4 = ; only a comment',
        "k5 = 'x ; y'  ; comment",
        'k6 = "unclosed ; here',
        'k7=tight',
        'k8 : colon',
        '  k9   =   spaced   ',
        '',
      ].join('\n');
      const result = parseIni(text);
      assert.deepEqual(rows(text, result), [
        [['a', 'k1'], 'value', 'k1', 'value', undefined],
        [['a', 'k2'], 'value', 'k2', 'value', undefined],
        [['a', 'k3'], 'pa#ss;word', 'k3', 'pa#ss;word', undefined],
        [['a', 'k4'], '', 'k4', '', undefined],
        [['a', 'k5'], 'x ; y', 'k5', "'x ; y'", "'"],
        [['a', 'k6'], '"unclosed', 'k6', '"unclosed', undefined],
        [['a', 'k7'], 'tight', 'k7', 'tight', undefined],
        [['a', 'k8'], 'colon', 'k8', 'colon', undefined],
        [['a', 'k9'], 'spaced', 'k9', 'spaced', undefined],
      ]);
    });

    it('multi-line triple-quoted and backtick values', () => {
      const text = '[smtp]\r\npassword = """line1\r\nline2 ; # still\r\nend"""\r\nuser = `a\r\nb` ; comment\r\nhost = x\r\n';
      const result = parseIni(text);
      assert.equal(result.eol, '\r\n');
      assert.deepEqual(rows(text, result), [
        [['smtp', 'password'], 'line1\nline2 ; # still\nend', 'password', '"""line1\r\nline2 ; # still\r\nend"""', '"'],
        [['smtp', 'user'], 'a\nb', 'user', '`a\r\nb`', '`'],
        [['smtp', 'host'], 'x', 'host', 'x', undefined],
      ]);
    });

    it('keeps blanks inside section brackets, as go-ini does, and says so', () => {
      // go-ini's parser.go takes `line[1:closeIdx]` untrimmed: Grafana's [smtp] lookup misses `[ smtp ]`.
      const text = '  [ smtp ]  ; mail\nhost = x\n[smtp]\nport = 25\n';
      const result = parseIni(text);
      assert.deepEqual(result.entries.map((e) => e.path), [[' smtp ', 'host'], ['smtp', 'port']]);
      assert.deepEqual(
        result.errors.map((e) => [e.message, slice(text, e.range)]),
        [['Section name with blanks: go-ini reads it as " smtp ", not "smtp"', '[ smtp ]']],
      );
    });

    it('section names are one segment; errors for bad lines', () => {
      const text = '[section.sub]\nkey = v\n[broken\njust words\n= novalue\n';
      const result = parseIni(text);
      assert.deepEqual(result.entries.map((e) => e.path), [['section.sub', 'key']]);
      assert.deepEqual(
        result.errors.map((e) => [e.message, slice(text, e.range)]),
        [
          ['Section header without a closing "]"', '[broken'],
          ['Not a "key = value" line', 'just words'],
          ['Empty key', '='],
        ],
      );
    });

    it('an unterminated triple quote is reported and read as a plain value', () => {
      const text = 'password = """abc\nother = 1\n';
      const result = parseIni(text);
      assert.equal(result.errors.length, 1);
      assert.deepEqual(
        result.entries.map((e) => [e.path[0], e.value]),
        [
          ['password', '"""abc'],
          ['other', '1'],
        ],
      );
    });

    it('keeps offsets with a BOM', () => {
      const result = parseIni('\ufeffhost = smtp.example.com\n');
      assert.deepEqual(result.entries[0].keyRange, { start: 1, end: 5 });
      assert.deepEqual(result.entries[0].valueRange, { start: 8, end: 24 });
    });
  });

  describe('hostile input', function () {
    this.timeout(120_000); // a safety net on a loaded machine, not a speed check

    it('syntax-heavy garbage (several seeds)', () => assertSurvivesSyntaxGarbage(parseIni, "[]=:;#\"'`\n\r \tAK."));

    it('50 MB of binary garbage', () => {
      const text = garbage(50 * 1024 * 1024, 1);
      const result = parseIni(text);
      assert.ok(result.entries.length <= MAX_INI_ENTRIES);
      assert.equal(result.errors.length, 100);
    });

    it('50 MB of lines stops at the entry limit', () => {
      const result = parseIni('host = smtp.example.com\n'.repeat(2_200_000));
      assert.equal(result.entries.length, MAX_INI_ENTRIES);
    });

    it('a 10 MB line, many unterminated quotes, deep brackets', () => {
      const long = 'x'.repeat(10 * 1024 * 1024);
      assert.equal(parseIni(`a = ${long}`).entries[0].value, long);
      const quotes = parseIni('a = """x\n'.repeat(200_000) + 'b = `y\n'.repeat(200_000));
      assert.ok(quotes.entries.length > 0);
      const deep = parseIni('['.repeat(10000) + ']'.repeat(10000) + '\nk = v');
      assert.deepEqual(deep.entries[0].path, ['['.repeat(9999) + ']'.repeat(9999), 'k']);
    });
  });
});
