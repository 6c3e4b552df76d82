import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseProperties, splitPropertyKey, MAX_PROPERTIES_ENTRIES } from '../../../src/engine/formats/properties';
import type { ConfigEntry, ParseResult } from '../../../src/engine/types';
import { FIXTURES, assertSurvivesSyntaxGarbage, garbage, slice } from './helpers';

function find(result: ParseResult, dotted: string, document?: number): ConfigEntry {
  const found = result.entries.filter(
    (e) => e.path.join('.') === dotted && (document === undefined || e.document === document),
  );
  assert.equal(found.length, 1, `expected exactly one entry for ${dotted} (found ${found.length})`);
  return found[0];
}

describe('formats/properties', () => {
  describe('Spring application.properties', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'application.properties'), 'utf8');
    const result = parseProperties(text);

    it('reads every key with its value as Java does', () => {
      assert.equal(result.format, 'properties');
      assert.equal(result.eol, '\n');
      assert.deepEqual(result.errors, []);
      assert.deepEqual(
        result.entries.map((e) => [slice(text, e.keyRange), e.value, slice(text, e.valueRange), e.document]),
        [
          ['spring.mail.host', 'smtp.gmail.com', 'smtp.gmail.com', 0],
          ['spring.mail.port', '587', '587', 0],
          ['spring.mail.username', 'me@gmail.com', 'me@gmail.com', 0],
          ['spring.mail.password', 'app password 123', 'app\\ password\\ 123', 0],
          ['spring.mail.properties.mail.smtp.auth', 'true', 'true', 0],
          ['spring.mail.properties.mail.smtp.starttls.enable', 'true', 'true', 0],
          ['spring.mail.properties[mail.smtp.connectiontimeout]', '5000', '5000', 0],
          ['spring.mail.default-encoding', 'UTF-8', 'UTF-8', 0],
          ['spring.mail.test-connection', 'false   ', 'false   ', 0],
          ['app.greeting', 'Hello W\u00f6rld\tandcontinued line', 'Hello\\u0020W\\u00f6rld\\tand\\\n    continued line', 0],
          ['key\\=with\\:specials', 'value', 'value', 0],
          ['empty.value', '', '', 0],
          ['only.key', '', '', 0],
          ['indented.key', 'indented value', 'indented value', 0],
          ['spring.config.activate.on-profile', 'prod', 'prod', 1],
          ['spring.mail.host', 'smtp.prod.example.com', 'smtp.prod.example.com', 1],
        ],
      );
      assert.ok(result.entries.every((e) => e.valueType === 'string' && e.quote === undefined));
    });

    it('splits keys on dots, keeping [bracketed] map keys whole', () => {
      assert.deepEqual(find(result, 'spring.mail.properties.mail.smtp.starttls.enable', 0).path, [
        'spring', 'mail', 'properties', 'mail', 'smtp', 'starttls', 'enable',
      ]);
      assert.deepEqual(find(result, 'spring.mail.properties.mail.smtp.connectiontimeout').path, [
        'spring', 'mail', 'properties', 'mail.smtp.connectiontimeout',
      ]);
      assert.deepEqual(find(result, 'key=with:specials').path, ['key=with:specials']);
    });

    it('places empty values at an insertion point', () => {
      const empty = find(result, 'empty.value');
      assert.equal(empty.valueRange.start, empty.valueRange.end);
      assert.equal(text[empty.valueRange.start - 1], '=');
      // No separator at all: the range follows the key, so an edit must add one.
      const bare = find(result, 'only.key');
      assert.equal(bare.valueRange.start, bare.keyRange.end);
    });

    it('edits through valueRange give the new value', () => {
      for (const e of result.entries) {
        if (e.valueRange.start === e.keyRange.end) continue;
        const edited = text.slice(0, e.valueRange.start) + 'NEW' + text.slice(e.valueRange.end);
        const again = parseProperties(edited).entries.filter(
          (x) => x.path.join('\u0000') === e.path.join('\u0000') && x.document === e.document,
        );
        assert.deepEqual(again.map((x) => x.value), ['NEW'], `editing ${e.path.join('.')}`);
      }
    });
  });

  describe('syntax details', () => {
    it('separators, comments and escapes', () => {
      const text = [
        'a=1',
        'b : 2',
        'c 3',
        'd\t=\t4',
        'e==5',
        'f:=6',
        '# g=7',
        '! h=8',
        '   # i=9',
        'j=\\#not a comment',
        'k=tab\\there\\nnew\\rret\\fff\\\\back',
        'l\\ m=n',
        'o=\\u00e9t\\u00E9',
        'p=a\\',
        '  b\\',
        '\tc',
        'q=z\\\\',
        'r=end',
      ].join('\n');
      const result = parseProperties(text);
      assert.deepEqual(
        result.entries.map((e) => [e.path.join('.'), e.value]),
        [
          ['a', '1'],
          ['b', '2'],
          ['c', '3'],
          ['d', '4'],
          ['e', '=5'],
          ['f', '=6'],
          ['j', '#not a comment'],
          ['k', 'tab\there\nnew\rret\fff\\back'],
          ['l m', 'n'],
          ['o', '\u00e9t\u00e9'],
          ['p', 'abc'],
          ['q', 'z\\'],
          ['r', 'end'],
        ],
      );
      assert.deepEqual(result.errors, []);
      assert.equal(slice(text, find(result, 'p').valueRange), 'a\\\n  b\\\n\tc');
    });

    it('CRLF and lone CR line breaks, continuation across CRLF', () => {
      const text = 'a=1\r\nb=x\\\r\n   y\r\nc=3\rd=4';
      const result = parseProperties(text);
      assert.equal(result.eol, '\r\n');
      assert.deepEqual(
        result.entries.map((e) => [e.path[0], e.value]),
        [
          ['a', '1'],
          ['b', 'xy'],
          ['c', '3'],
          ['d', '4'],
        ],
      );
    });

    it('a comment ending in a backslash does not continue', () => {
      const result = parseProperties('# comment \\\nmail.host=x\n');
      assert.deepEqual(result.entries.map((e) => e.value), ['x']);
    });

    it('reports malformed \\u escapes', () => {
      const text = 'a=\\u00zz\n';
      const result = parseProperties(text);
      assert.equal(result.errors.length, 1);
      assert.equal(slice(text, result.errors[0].range), '\\u00zz');
    });

    it('keeps offsets with a BOM; single document without separators', () => {
      const result = parseProperties('\ufeffmail.port=25\n');
      assert.deepEqual(result.entries[0].keyRange, { start: 1, end: 10 });
      assert.equal(result.entries[0].document, undefined);
    });

    it('splitPropertyKey', () => {
      assert.deepEqual(splitPropertyKey('a.b.c'), ['a', 'b', 'c']);
      assert.deepEqual(splitPropertyKey('a.b[c.d].e'), ['a', 'b', 'c.d', 'e']);
      assert.deepEqual(splitPropertyKey('list[0].host'), ['list', '0', 'host']);
      assert.deepEqual(splitPropertyKey('a..b'), ['a', 'b']);
      assert.deepEqual(splitPropertyKey('open[bracket'), ['open[bracket']);
      assert.deepEqual(splitPropertyKey(''), ['']);
    });
  });

  describe('hostile input', function () {
    this.timeout(120_000); // a safety net on a loaded machine, not a speed check

    it('syntax-heavy garbage (several seeds)', () => assertSurvivesSyntaxGarbage(parseProperties, "=:#!\\\n\r \t\fuAK.[]0"));

    it('50 MB of binary garbage', () => {
      const text = garbage(50 * 1024 * 1024, 1);
      const result = parseProperties(text);
      assert.ok(result.entries.length <= MAX_PROPERTIES_ENTRIES);
      for (const e of result.entries.slice(0, 1000)) {
        assert.ok(e.keyRange.start <= e.keyRange.end && e.valueRange.end <= text.length);
      }
    });

    it('50 MB of lines stops at the entry limit', () => {
      const result = parseProperties('spring.mail.host=smtp.example.com\n'.repeat(1_600_000));
      assert.equal(result.entries.length, MAX_PROPERTIES_ENTRIES);
      assert.match(result.errors[0].message, /Too many entries/);
    });

    it('a 10 MB line, a million continuation lines, deep brackets', () => {
      const long = 'x'.repeat(10 * 1024 * 1024);
      assert.equal(parseProperties(`a=${long}`).entries[0].value, long);
      const continued = parseProperties('a=' + 'x\\\n'.repeat(1_000_000) + 'end');
      assert.equal(continued.entries.length, 1);
      assert.equal(continued.entries[0].value, 'x'.repeat(1_000_000) + 'end');
      const deep = parseProperties('['.repeat(10000) + '=' + ']'.repeat(10000));
      assert.equal(deep.entries[0].value, ']'.repeat(10000));
    });
  });
});
