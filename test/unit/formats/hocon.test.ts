import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { looksLikeHocon, parseHocon } from '../../../src/engine/formats/hocon';
import { FIXTURES, assertSurvivesSyntaxGarbage, slice, find } from './helpers';

const SPEC = path.join(FIXTURES, 'hocon-spec');

/** A JSON document as [path, value] leaves, values as the reader gives them (strings, null). */
function leaves(value: unknown, prefix: string[] = [], out = new Map<string, string | null>()): Map<string, string | null> {
  if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) leaves(item, [...prefix, key], out);
  else out.set(JSON.stringify(prefix), value === null ? null : String(value));
  return out;
}

describe('formats/hocon', () => {
  describe("lightbend/config's equivalence tests: each file reads as its folder's original.json", () => {
    for (const folder of ['equiv01', 'equiv05']) {
      const expected = leaves(JSON.parse(fs.readFileSync(path.join(SPEC, folder, 'original.json'), 'utf8')));
      for (const file of fs.readdirSync(path.join(SPEC, folder)).filter((name) => name.endsWith('.conf'))) {
        it(`${folder}/${file}`, () => {
          const text = fs.readFileSync(path.join(SPEC, folder, file), 'utf8');
          const result = parseHocon(text);
          assert.deepEqual(result.errors, []);
          const got = new Map(result.entries.map((e) => [JSON.stringify(e.path), e.value]));
          assert.deepEqual(got, expected);
          for (const entry of result.entries) {
            const written = slice(text, entry.valueRange);
            if (entry.quote) assert.ok(written.startsWith('"'.repeat(entry.quoteWidth ?? 1)), written);
            assert.ok(entry.keyRange === entry.valueRange || entry.keyRange.end <= entry.valueRange.start, `${entry.path.join('.')}: ${written}`);
          }
        });
      }
    }
  });

  it('types numbers, booleans and null as JSON does, and ranges cover the value as written', () => {
    const text = 'play.mailer {\n  port = 587\n  ssl: false\n  host = "smtp.example.com" // comment\n  user = null\n  timeout = 10 s\n}\n';
    const result = parseHocon(text);
    assert.deepEqual(result.errors, []);
    const port = find(result, 'play.mailer.port');
    assert.deepEqual([port.value, port.valueType, slice(text, port.keyRange), slice(text, port.valueRange)], ['587', 'number', 'port', '587']);
    assert.deepEqual([find(result, 'play.mailer.ssl').valueType, find(result, 'play.mailer.user').value], ['boolean', null]);
    const host = find(result, 'play.mailer.host');
    assert.deepEqual([host.value, host.quote, slice(text, host.valueRange)], ['smtp.example.com', '"', '"smtp.example.com"']);
    assert.equal(find(result, 'play.mailer.timeout').value, '10 s');
  });

  it('dotted keys: the key range covers the whole path', () => {
    const text = 'play.mailer.host = smtp.example.com\n';
    const entry = find(parseHocon(text), 'play.mailer.host');
    assert.deepEqual([slice(text, entry.keyRange), slice(text, entry.valueRange)], ['play.mailer.host', 'smtp.example.com']);
  });

  it('duplicate keys: the later value wins, objects merge, a non-object in between stops the merge', () => {
    const result = parseHocon('a { x = 1 }\na { y = 2 }\na.x = 3\nb { x = 1 }\nb = null\nb { y = 2 }\n');
    assert.deepEqual(result.entries.map((e) => [e.path.join('.'), e.value]), [['a.y', '2'], ['a.x', '3'], ['b.y', '2']]);
  });

  it('`key = ${?VAR}` keeps the earlier value on the entry, for the environment to decide', () => {
    const text = 'port = 25\nport = ${?SMTP_PORT}\nhost = ${?SMTP_HOST}\n';
    const result = parseHocon(text);
    const port = find(result, 'port');
    assert.equal(port.value, '${?SMTP_PORT}');
    assert.equal(slice(text, port.keptUnlessSet!.valueRange), '25');
    assert.equal(find(result, 'host').keptUnlessSet, undefined);
  });

  it('substitutions naming values of the file take their values, forward references too', () => {
    const result = parseHocon('a = ${b}\nb = 587\nc = "smtp://"${host}":"${b}\nhost = x.example\n');
    assert.deepEqual([find(result, 'a').value, find(result, 'a').valueType, find(result, 'c').value], ['587', 'number', 'smtp://x.example:587']);
  });

  it('arrays, `+=` and include statements', () => {
    const result = parseHocon('include "other.conf"\ninclude required(file("x.conf"))\nlist = [a, "b",\n  c]\nlist += d\n');
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.entries.map((e) => [e.path.join('.'), e.value]), [['list.0', 'a'], ['list.1', 'b'], ['list.2', 'c'], ['list.3', 'd']]);
  });

  it('reads on after a broken line, and `key =` with nothing after it does not take the next field as its value', () => {
    const text = 'smtp {\n  host =\n  port = 587\n  = oops\n  user = "unterminated\n  password = secret\n}\n';
    const result = parseHocon(text);
    assert.equal(result.errors.length, 3, JSON.stringify(result.errors));
    assert.deepEqual(result.entries.map((e) => [e.path.join('.'), e.value]), [['smtp.port', '587'], ['smtp.password', 'secret']]);
  });

  it('a byte order mark is skipped', () => {
    assert.deepEqual(parseHocon('\ufeffa = 1\n').entries.map((e) => e.path), [['a']]);
  });

  it('tells HOCON from other .conf files by their content', () => {
    assert.ok(looksLikeHocon('play.mailer {\n  host = ${?SMTP_HOST}\n}\n'));
    assert.ok(looksLikeHocon('include "application.conf"\nplay.mailer.mock = no\n'));
    assert.ok(!looksLikeHocon('server {\n  listen 80;\n  server_name mail.example.com;\n}\n'), 'nginx');
    assert.ok(!looksLikeHocon('<VirtualHost *:80>\n  ServerName mail.example.com\n</VirtualHost>\n'), 'Apache');
    assert.ok(!looksLikeHocon('[program:mailer]\ncommand=/usr/bin/mailer\n'), 'supervisord');
  });

  it('survives garbage made of its own syntax', function () {
    this.timeout(60_000);
    assertSurvivesSyntaxGarbage(parseHocon, '{}[]:=,+"$?#/ \n\t.ab1\\');
  });
});
