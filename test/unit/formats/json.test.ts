import { strict as assert } from 'node:assert';
import { parseJson, MAX_JSON_ENTRIES, MAX_JSON_LENGTH } from '../../../src/engine/formats/json';
import type { ConfigEntry } from '../../../src/engine/types';
import { assertSurvivesSyntaxGarbage, fixture, slice, find } from './helpers';

function describeEntry(text: string, e: ConfigEntry): [string | null, string, string, string, string | undefined] {
  return [e.value, e.valueType, slice(text, e.keyRange), slice(text, e.valueRange), e.quote];
}

describe('formats/json', () => {
  describe('Ghost config.production.json', () => {
    const text = fixture('ghost-config.production.json');
    const result = parseJson(text);

    it('flattens nested objects', () => {
      assert.equal(result.format, 'json');
      assert.equal(result.eol, '\n');
      assert.deepEqual(result.errors, []);
      assert.deepEqual(
        result.entries.filter((e) => e.path[0] === 'mail').map((e) => [e.path.join('.'), ...describeEntry(text, e)]),
        [
          ['mail.transport', 'SMTP', 'string', '"transport"', '"SMTP"', '"'],
          ['mail.from', "'Blog' <noreply@example.com>", 'string', '"from"', '"\'Blog\' <noreply@example.com>"', '"'],
          ['mail.options.service', 'Mailgun', 'string', '"service"', '"Mailgun"', '"'],
          ['mail.options.host', 'smtp.eu.mailgun.org', 'string', '"host"', '"smtp.eu.mailgun.org"', '"'],
          ['mail.options.port', '465', 'number', '"port"', '465', undefined],
          ['mail.options.secure', 'true', 'boolean', '"secure"', 'true', undefined],
          ['mail.options.auth.user', 'postmaster@example.com', 'string', '"user"', '"postmaster@example.com"', '"'],
          ['mail.options.auth.pass', '1234567890', 'string', '"pass"', '"1234567890"', '"'],
        ],
      );
    });

    it('uses indexes for arrays; array items have keyRange = valueRange', () => {
      const e = find(result, 'logging.transports.1');
      assert.deepEqual(describeEntry(text, e), ['stdout', 'string', '"stdout"', '"stdout"', '"']);
      assert.deepEqual(e.keyRange, e.valueRange);
      assert.equal(find(result, 'server.port').value, '2368');
    });
  });

  describe('appsettings.json with comments and trailing commas', () => {
    const text = fixture('appsettings.json');
    const result = parseJson(text);

    it('parses without errors', () => {
      assert.deepEqual(result.errors, []);
      assert.deepEqual(
        result.entries.map((e) => [e.path.join('.'), e.value, e.valueType]),
        [
          ['Smtp.Host', 'smtp.office365.com', 'string'],
          ['Smtp.Port', '587', 'number'],
          ['Smtp.UseSsl', 'false', 'boolean'],
          ['Smtp.Username', 'app@example.com', 'string'],
          ['Smtp.Password', 's3cr"et\\x', 'string'],
          ['Smtp.Timeout', null, 'null'],
          ['Logging.LogLevel.Default', 'Information', 'string'],
          ['AllowedHosts', '*', 'string'],
        ],
      );
    });

    it('keeps escaped strings as written in valueRange', () => {
      assert.equal(slice(text, find(result, 'Smtp.Password').valueRange), '"s3cr\\"et\\\\x"');
      assert.equal(slice(text, find(result, 'Smtp.Timeout').valueRange), 'null');
      assert.equal(slice(text, find(result, 'Smtp.UseSsl').valueRange), 'false');
    });

    it('edits through valueRange give valid JSON', () => {
      const port = find(result, 'Smtp.Port');
      const edited = text.slice(0, port.valueRange.start) + '465' + text.slice(port.valueRange.end);
      const again = parseJson(edited);
      assert.deepEqual(again.errors, []);
      assert.equal(find(again, 'Smtp.Port').value, '465');
    });
  });

  describe('Keycloak realm export', () => {
    const text = fixture('keycloak-realm.json');
    const result = parseJson(text);

    it('reads smtpServer, where every value is a string', () => {
      assert.deepEqual(result.errors, []);
      const smtp = result.entries.filter((e) => e.path[0] === 'smtpServer');
      assert.deepEqual(
        smtp.map((e) => [e.path[1], e.value, e.valueType]),
        [
          ['password', '**********', 'string'],
          ['replyToDisplayName', '', 'string'],
          ['starttls', 'true', 'string'],
          ['auth', 'true', 'string'],
          ['port', '587', 'string'],
          ['host', 'smtp.sendgrid.net', 'string'],
          ['replyTo', '', 'string'],
          ['from', 'keycloak@example.com', 'string'],
          ['fromDisplayName', 'Keycloak', 'string'],
          ['ssl', 'false', 'string'],
          ['user', 'apikey', 'string'],
        ],
      );
      assert.equal(slice(text, find(result, 'smtpServer.replyTo').valueRange), '""');
    });

    it('walks arrays of objects', () => {
      assert.equal(find(result, 'clients.1.clientId').value, 'admin-cli');
      assert.equal(find(result, 'clients.0.redirectUris.0').value, '/realms/myrealm/account/*');
      assert.equal(find(result, 'enabled').valueType, 'boolean');
    });
  });

  describe('errors and hostile input', function () {
    this.timeout(120_000); // a safety net on a loaded machine, not a speed check

    it('syntax-heavy garbage (several seeds)', () => assertSurvivesSyntaxGarbage(parseJson, "{}[],:\"\\/*tfn01.-e\n \t"));

    it('reports syntax errors with ranges and keeps what parsed', () => {
      const text = '{\n  "a": 1,\n  "b": ,\n  "c": "x"\n  "d": true\n}';
      const result = parseJson(text);
      assert.deepEqual(
        result.entries.map((e) => [e.path.join('.'), e.value]),
        [
          ['a', '1'],
          ['c', 'x'],
          ['d', 'true'],
        ],
      );
      assert.deepEqual(
        result.errors.map((e) => [e.message, slice(text, e.range)]),
        [
          ['JSON syntax error: ValueExpected', ','],
          ['JSON syntax error: CommaExpected', '"d"'],
        ],
      );
    });

    it('detects CRLF, reads a scalar document as nothing', () => {
      assert.equal(parseJson('{\r\n"a": 1\r\n}').eol, '\r\n');
      assert.deepEqual(parseJson('"just a string"').entries, []);
      assert.deepEqual(parseJson('').errors, []);
    });

    it('10,000-deep arrays and objects do not overflow the stack', () => {
      const arrays = parseJson('['.repeat(10000) + '1' + ']'.repeat(10000));
      assert.equal(arrays.errors.length, 1);
      assert.match(arrays.errors[0].message, /nested too deeply/);
      const objects = parseJson('{"a":'.repeat(10000) + '1' + '}'.repeat(10000));
      assert.match(objects.errors[0].message, /nested too deeply/);
      // Moderate depth still works.
      const ok = parseJson('{"a":'.repeat(500) + '587' + '}'.repeat(500));
      assert.deepEqual(ok.errors, []);
      assert.equal(ok.entries[0].path.length, 500);
      assert.equal(ok.entries[0].value, '587');
    });

    it('refuses texts over the size limit; stops at the entry limit', () => {
      const big = ' '.repeat(50 * 1024 * 1024);
      const result = parseJson(big);
      assert.ok(big.length > MAX_JSON_LENGTH);
      assert.match(result.errors[0].message, /too large/);
      const many = parseJson('[' + '1,'.repeat(2_000_000) + '1]');
      assert.equal(many.entries.length, MAX_JSON_ENTRIES);
      assert.match(many.errors[0].message, /Too many entries/);
    });

    it('a 10 MB string and binary garbage', () => {
      const long = 'x'.repeat(10 * 1000 * 1000);
      const result = parseJson(`{"a": "${long}"}`);
      assert.equal(result.entries[0].value, long);
      let garbage = '';
      for (let i = 0; i < 1_000_000; i++) garbage += String.fromCharCode((i * 7919) % 65536);
      const g = parseJson(garbage);
      assert.ok(g.errors.length > 0);
    });
  });
});
