import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as dotenv from 'dotenv';
import { detectFormat } from '../../../src/engine/formats';
import { parseDotenv, MAX_DOTENV_ENTRIES } from '../../../src/engine/formats/dotenv';
import type { ConfigEntry, ParseResult } from '../../../src/engine/types';
import { FIXTURES, assertSurvivesSyntaxGarbage, garbage, slice } from './helpers';

/** The fixture with CRLF line breaks, whatever git did to it. */
function laravelEnv(): string {
  return fs.readFileSync(path.join(FIXTURES, 'laravel.env'), 'utf8').replace(/\r?\n/g, '\r\n');
}

function lastByKey(result: ParseResult): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of result.entries) out[e.path[0]] = e.value as string;
  return out;
}

function only(result: ParseResult, key: string): ConfigEntry {
  const found = result.entries.filter((e) => e.path.length === 1 && e.path[0] === key);
  assert.equal(found.length, 1, `expected exactly one entry for ${key}`);
  return found[0];
}

/** Asserts that `text` reads the same with our parser as with dotenv.parse (last occurrence wins). */
function assertAgreesWithDotenv(text: string): ParseResult {
  const result = parseDotenv(text);
  assert.deepEqual(lastByKey(result), { ...dotenv.parse(text) }, `input: ${JSON.stringify(text)}`);
  return result;
}

describe('formats/dotenv', () => {
  describe('Laravel .env fixture (CRLF)', () => {
    const text = laravelEnv();
    const result = parseDotenv(text);

    it('agrees with dotenv.parse on every key', () => {
      assert.deepEqual(lastByKey(result), { ...dotenv.parse(text) });
      assert.equal(result.entries.length, 21);
    });

    it('detects CRLF and reports no errors', () => {
      assert.equal(result.format, 'dotenv');
      assert.equal(result.eol, '\r\n');
      assert.deepEqual(result.errors, []);
    });

    it('reads plain, quoted and commented values', () => {
      assert.deepEqual(only(result, 'MAIL_HOST').value, 'smtp.mailgun.org');
      assert.equal(only(result, 'MAIL_PORT').value, '587');
      assert.equal(only(result, 'MAIL_PORT').valueType, 'string');
      assert.equal(only(result, 'MAIL_PASSWORD').value, 'p@ss#word with spaces');
      assert.equal(only(result, 'MAIL_PASSWORD').quote, '"');
      assert.equal(only(result, 'MAIL_ENCRYPTION').value, 'tls');
      assert.equal(only(result, 'MAIL_ENCRYPTION').quote, undefined);
      assert.equal(only(result, 'MAIL_SCHEME').value, 'smtps');
      assert.equal(only(result, 'MAIL_SCHEME').quote, "'");
      assert.equal(only(result, 'MAIL_TIMEOUT').value, '30');
      assert.equal(only(result, 'MAIL_ESCAPED').value, 'first\nsecond');
      assert.equal(only(result, 'MAIL_BACKTICK').value, `it's "quoted"`);
      assert.equal(only(result, 'MAIL_BACKTICK').quote, '`');
      assert.equal(only(result, 'MAIL_DKIM_KEY').value, '-----BEGIN KEY-----\nline1\nline2\n-----END KEY-----');
      assert.equal(only(result, 'MAIL_URL').value, 'smtp://user:pass@smtp.example.com:465');
      assert.equal(result.entries.find((e) => e.path[0] === 'MAIL_OLD_HOST'), undefined);
    });

    it('gives key and value ranges that slice to the tokens as written', () => {
      for (const e of result.entries) assert.equal(slice(text, e.keyRange), e.path[0]);
      assert.equal(slice(text, only(result, 'MAIL_HOST').valueRange), 'smtp.mailgun.org');
      assert.equal(slice(text, only(result, 'MAIL_PASSWORD').valueRange), '"p@ss#word with spaces"');
      assert.equal(slice(text, only(result, 'MAIL_ENCRYPTION').valueRange), 'tls');
      assert.equal(slice(text, only(result, 'MAIL_TIMEOUT').valueRange), '30');
      assert.equal(slice(text, only(result, 'MAIL_SCHEME').valueRange), "'smtps'");
      assert.equal(slice(text, only(result, 'MAIL_ESCAPED').valueRange), '"first\\nsecond"');
      assert.equal(
        slice(text, only(result, 'MAIL_DKIM_KEY').valueRange),
        '"-----BEGIN KEY-----\r\nline1\r\nline2\r\n-----END KEY-----"',
      );
    });

    it('puts an empty value at the insertion point right after "="', () => {
      const e = only(result, 'MAIL_EHLO_DOMAIN');
      assert.equal(e.value, '');
      assert.equal(e.valueRange.start, e.valueRange.end);
      assert.equal(text.slice(e.keyRange.start, e.valueRange.start), 'MAIL_EHLO_DOMAIN=');
      assert.equal(text.slice(e.valueRange.start, e.valueRange.start + 2), '\r\n');
    });

    it('edits made through valueRange produce the intended value', () => {
      for (const e of result.entries) {
        const edited = text.slice(0, e.valueRange.start) + '"new value"' + text.slice(e.valueRange.end);
        assert.equal(dotenv.parse(edited)[e.path[0]], 'new value', `editing ${e.path[0]}`);
        assert.deepEqual(parseDotenv(edited).errors, []);
      }
    });
  });

  describe('dotenv.parse as the oracle', () => {
    // Every dotenv file of every suite (analysis inputs, fix inputs and their expected results...): our values
    // must be dotenv's, so that what is analysed is what the application loads. No deliberate difference.
    const root = path.resolve(FIXTURES, '..');
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((item) => (item.isDirectory() ? walk(path.join(dir, item.name)) : [path.join(dir, item.name)]));
    const files = walk(root).filter((file) => detectFormat(path.relative(root, file)) === 'dotenv');

    it('finds the dotenv fixtures', () => assert.ok(files.length >= 60, `${files.length} files`));
    for (const file of files) {
      it(path.relative(root, file).split(path.sep).join('/'), () => {
        assertAgreesWithDotenv(fs.readFileSync(file, 'utf8'));
      });
    }
  });

  describe('syntax details', () => {
    const cases: [string, Record<string, string>][] = [
      ['A=1\nB=\nC= \nD="x\ny"\n', { A: '1', B: '', C: '', D: 'x\ny' }],
      ["E='a#b'  # c\nF=abc#def\nG=a \"b\" c\n", { E: 'a#b', F: 'abc', G: 'a "b" c' }],
      ['A\n=1\n', { A: '1' }],
      ['A:\nfoo\n', { A: 'foo' }],
      ['A: b\nC : d\n', { A: 'b' }],
      // The one blank after `KEY:` may be a CRLF (dotenv turns it into \n first): the value is on the next line.
      ['A:\r\nfoo\r\nB:\r\n\r\nC=1\r\n', { A: 'foo', B: '', C: '1' }],
      ['A=\n"multi\nline"\n', { A: 'multi\nline' }],
      ['export\nA=1\nexport=2\nexport   B = 3\n', { A: '1', export: '2', B: '3' }],
      ['A="abc\nB=2\n', { A: '"abc', B: '2' }],
      ['A="ab\\"c"\nB="x\\" #"\nC=3\n', { A: 'ab\\"c', B: 'x\\" #', C: '3' }],
      ['A="a\\nb"\nB=\'a\\nb\'\nC="a\\\\nb"\n', { A: 'a\nb', B: 'a\\nb', C: 'a\\\nb' }],
      ['A="x" y\nB=\'abc\' xyz\'\n', { A: '"x" y', B: "abc' xyz" }],
      ['A=`x#y`\nB=`it\'s`\n', { A: 'x#y', B: "it's" }],
      ['A=1\r\nB="x\r\ny"\r\nC=3\rD=4\r', { A: '1', B: 'x\ny', C: '3', D: '4' }],
      ['A=\u00a0x\u00a0\nB=x\u2028C=2\ngarbage\u2028D=4\n', { A: 'x', B: 'x\u2028C=2', D: '4' }],
      ['  # comment\n\n\t KEY.with-dots_1 = v  \n', { 'KEY.with-dots_1': 'v' }],
      ['A=1\nA=2\n', { A: '2' }],
      ['A="unterminated\n\nB=\'x\'\n', { A: '"unterminated', B: 'x' }],
    ];
    for (const [input, expected] of cases) {
      it(`reads ${JSON.stringify(input)} like dotenv`, () => {
        const result = assertAgreesWithDotenv(input);
        assert.deepEqual(lastByKey(result), expected);
      });
    }

    it('keeps offsets into the original text when it starts with a BOM', () => {
      const text = '\ufeffMAIL_HOST=smtp.example.com\n';
      const result = assertAgreesWithDotenv(text);
      const e = only(result, 'MAIL_HOST');
      assert.deepEqual(e.keyRange, { start: 1, end: 10 });
      assert.deepEqual(e.valueRange, { start: 11, end: 27 });
      assert.equal(result.eol, '\n');
    });

    it('reads a value on the line after `KEY:` and CRLF at its exact range', () => {
      const text = 'MAIL_HOST:\r\nsmtp.example.com\r\n';
      const e = only(assertAgreesWithDotenv(text), 'MAIL_HOST');
      assert.equal(slice(text, e.valueRange), 'smtp.example.com');
    });

    it('reports lines dotenv ignores, and unterminated quotes', () => {
      const text = 'MAIL_HOST smtp.example.com\nMAIL_PASSWORD="abc\nMAIL_PORT=25\n';
      const result = assertAgreesWithDotenv(text);
      assert.deepEqual(
        result.errors.map((e) => [e.message.split(':')[0], slice(text, e.range)]),
        [
          ['Not a KEY=VALUE line', 'MAIL_HOST smtp.example.com'],
          ['Unterminated " quote', '"abc'],
        ],
      );
      assert.equal(only(result, 'MAIL_PASSWORD').value, '"abc');
      assert.equal(slice(text, only(result, 'MAIL_PASSWORD').valueRange), '"abc');
    });

    it('emits duplicate keys in file order', () => {
      const result = parseDotenv('MAIL_PORT=25\nMAIL_PORT=587\n');
      assert.deepEqual(
        result.entries.map((e) => e.value),
        ['25', '587'],
      );
    });

    it('agrees with dotenv.parse on random combinations of tricky fragments', () => {
      const fragments = [
        'A', 'B_1', 'export ', '=', ' = ', ': ', ':', ' ', '\t', '\n', '\r\n', '#', ' # c', "'", '"', '`',
        '\\', '\\n', '\\"', "\\'", 'x', 'y z', 'a.b-c', '\u2028', '\u00a0', 'KEY=', 'K="v"', "K='v'", '"#"',
      ];
      let seed = 20240601;
      const random = (): number => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed / 0x7fffffff;
      };
      for (let i = 0; i < 3000; i++) {
        let text = '';
        const length = 1 + Math.floor(random() * 20);
        for (let j = 0; j < length; j++) text += fragments[Math.floor(random() * fragments.length)];
        const result = assertAgreesWithDotenv(text);
        for (const e of result.entries) {
          assert.ok(e.valueRange.start >= 0 && e.valueRange.start <= e.valueRange.end && e.valueRange.end <= text.length);
          assert.equal(slice(text, e.keyRange), e.path[0]);
        }
      }
    });
  });

  describe('hostile input', function () {
    this.timeout(120_000); // a safety net on a loaded machine, not a speed check

    it('syntax-heavy garbage (several seeds)', () => assertSurvivesSyntaxGarbage(parseDotenv, "=#'\"`\\\n\r \texportAK_.:-"));

    it('50 MB of binary garbage', () => {
      const text = garbage(50 * 1024 * 1024, 1);
      const result = parseDotenv(text);
      assert.equal(result.errors.length, 100);
      for (const e of result.entries) assert.equal(slice(text, e.keyRange), e.path[0]);
    });

    it('50 MB of assignments stops at the entry limit', () => {
      const text = 'MAIL_HOST=smtp.example.com\n'.repeat(2_000_000);
      const result = parseDotenv(text);
      assert.equal(result.entries.length, MAX_DOTENV_ENTRIES);
      assert.match(result.errors[0].message, /Too many entries/);
    });

    it('many unterminated and escaped quotes stay linear', () => {
      const unit = "A='\nB=\"x\\\"\nC=`\n";
      assertAgreesWithDotenv(unit.repeat(2000));
      const text = unit.repeat(1_000_000);
      const result = parseDotenv(text);
      assert.equal(result.entries.length, MAX_DOTENV_ENTRIES);
    });

    it('a 10 MB line', () => {
      const value = 'x'.repeat(10 * 1024 * 1024);
      const result = parseDotenv(`A=${value}\nB="${value}\nC=1`);
      assert.equal(result.entries.length, 3);
      assert.equal(result.entries[0].value, value);
      assert.equal(result.entries[1].value, `"${value}`);
      assert.equal(result.entries[2].value, '1');
    });

    it('deep brackets are just an ignored line', () => {
      const result = parseDotenv('['.repeat(10000) + ']'.repeat(10000));
      assert.equal(result.entries.length, 0);
      assert.equal(result.errors.length, 1);
    });
  });
});
