import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseToml, MAX_TOML_ENTRIES } from '../../../src/engine/formats/toml';
import { FIXTURES, assertSurvivesSyntaxGarbage, garbage, slice, find } from './helpers';

type Leaf = [string[], 'string' | 'boolean' | 'integer' | 'float' | 'datetime', string | null];

const SPEC = path.join(FIXTURES, 'toml-spec');

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** TOML's float spellings as JS numbers. */
function toNumber(value: string): number {
  if (/^[+-]?inf$/.test(value)) return value.startsWith('-') ? -Infinity : Infinity;
  return /^[+-]?nan$/.test(value) ? NaN : Number(value);
}

describe('formats/toml', () => {
  describe("the specification's examples, read as tomllib reads them", () => {
    const expected: Record<string, { values: Leaf[]; invalidLines?: number[] }> = JSON.parse(fs.readFileSync(path.join(SPEC, 'expected.json'), 'utf8'));
    for (const [file, { values, invalidLines = [] }] of Object.entries(expected)) {
      it(file, () => {
        const text = fs.readFileSync(path.join(SPEC, file), 'utf8');
        const result = parseToml(text);
        assert.deepEqual([...new Set(result.errors.map((e) => lineOf(text, e.range.start)))], invalidLines, JSON.stringify(result.errors));
        const byPath = new Map(result.entries.map((e) => [JSON.stringify(e.path), e]));
        assert.deepEqual([...byPath.keys()].sort(), values.map(([p]) => JSON.stringify(p)).sort());
        for (const [p, type, value] of values) {
          const entry = byPath.get(JSON.stringify(p))!;
          const at = `${p.join('.')} = ${slice(text, entry.valueRange)}`;
          if (type === 'float') {
            assert.equal(entry.valueType, 'number', at);
            assert.ok(Object.is(toNumber(entry.value!), toNumber(value!)), at);
          } else if (type === 'datetime') {
            assert.deepEqual([entry.valueType, entry.value], ['string', slice(text, entry.valueRange)], at);
          } else {
            assert.deepEqual([entry.valueType, entry.value], [type === 'integer' ? 'number' : type, value], at);
          }
          if (entry.quote) {
            const quote = entry.quote.repeat(entry.quoteWidth ?? 1);
            const written = slice(text, entry.valueRange);
            assert.ok(written.startsWith(quote) && written.endsWith(quote), at);
          }
          // An array item's key is its own token; any other key is written before its value.
          assert.ok(entry.keyRange === entry.valueRange || entry.keyRange.end <= entry.valueRange.start, at);
        }
      });
    }
  });

  describe('exact ranges', () => {
    it('keys as written (dotted, quoted), values with their quotes', () => {
      const text = '[smtp]\nhost = "smtp.example.com" # relay\n"port" = 587\ntls . mode = \'starttls\'\npassword = """\np@ss"word"""\n';
      const result = parseToml(text);
      assert.deepEqual(result.errors, []);
      assert.deepEqual(
        result.entries.map((e) => [e.path.join('.'), e.value, e.valueType, slice(text, e.keyRange), slice(text, e.valueRange), e.quote, e.quoteWidth]),
        [
          ['smtp.host', 'smtp.example.com', 'string', 'host', '"smtp.example.com"', '"', undefined],
          ['smtp.port', '587', 'number', '"port"', '587', undefined, undefined],
          ['smtp.tls.mode', 'starttls', 'string', 'tls . mode', "'starttls'", "'", undefined],
          ['smtp.password', 'p@ss"word', 'string', 'password', '"""\np@ss"word"""', '"', 3],
        ],
      );
    });

    it('inline tables and arrays: keys inside them, array items keyed by their own token', () => {
      const text = 'mail = { host = "h", tls = { verify = false } }\nports = [ 25, 587 ]\n';
      const result = parseToml(text);
      assert.deepEqual(result.errors, []);
      assert.equal(slice(text, find(result, 'mail.tls.verify').keyRange), 'verify');
      assert.equal(find(result, 'mail.tls.verify').valueType, 'boolean');
      const second = find(result, 'ports.1');
      assert.deepEqual([second.value, slice(text, second.keyRange), slice(text, second.valueRange)], ['587', '587', '587']);
    });

    it('integers in decimal whatever their base; CRLF and a BOM', () => {
      const text = '\ufeffa = 0x1d1\r\nb = 0o755\r\nc = 0b11\r\nd = 1_025\r\n';
      const result = parseToml(text);
      assert.deepEqual(result.errors, []);
      assert.equal(result.eol, '\r\n');
      assert.deepEqual(result.entries.map((e) => e.value), ['465', '493', '3', '1025']);
      assert.deepEqual(result.entries[0].keyRange, { start: 1, end: 2 });
      assert.equal(slice(text, result.entries[3].valueRange), '1_025');
    });
  });

  describe('errors', () => {
    it('reports what it cannot read and goes on at the next line', () => {
      const text = [
        'a = "unterminated',
        'b = nope',
        'c 1',
        '[t',
        'd = 1 2',
        'f = """never closed',
        'g = "\\q"',
        'h = 1',
        'h = 2',
        'ok = true',
        'e = [1, 2',
        '  3',
        '',
      ].join('\n');
      const result = parseToml(text);
      assert.deepEqual(
        result.errors.map((e) => [lineOf(text, e.range.start), e.message]),
        [
          [1, 'Unterminated " string'],
          [2, 'Not a TOML value: nope'],
          [3, 'Expected "=" after the key'],
          [4, 'Table header without a closing "]"'],
          [5, 'Expected the end of the line'],
          [6, 'Unterminated """ string'],
          [7, 'Invalid escape \\q in a string'],
          [9, 'Duplicate key "h"'],
          [11, 'Expected "," or "]" in the array'],
        ],
      );
      assert.equal(find(result, 'ok').value, 'true');
      assert.equal(find(result, 'd').value, '1');
    });
  });

  describe('hostile input', function () {
    this.timeout(120_000); // a safety net on a loaded machine, not a speed check

    it('syntax-heavy garbage (several seeds)', () => assertSurvivesSyntaxGarbage(parseToml, "[]{}=,.\"'#\\\n\r \tak01_-+:"));

    it('5 MB of binary garbage', () => {
      const text = garbage(5 * 1024 * 1024, 7);
      const result = parseToml(text);
      assert.equal(result.errors.length, 100);
    });

    it('many unterminated multi-line strings stay linear', () => {
      const result = parseToml('a = """\nb = \'\'\'\n'.repeat(200_000));
      assert.equal(result.errors.length, 100);
    });

    it('deep nesting and long dotted keys are refused, not recursed into', () => {
      const deep = parseToml(`a = ${'['.repeat(100_000)}`);
      assert.match(deep.errors[0].message, /Nested too deeply/);
      const dotted = parseToml(`${'k.'.repeat(500_000)}k = 1\n`);
      assert.match(dotted.errors[0].message, /dotted parts/);
    });

    it('stops at the entry limit', () => {
      const result = parseToml('p = [' + '1,'.repeat(MAX_TOML_ENTRIES + 10) + ']\n');
      assert.equal(result.entries.length, MAX_TOML_ENTRIES);
      assert.match(result.errors[0].message, /Too many entries/);
    });
  });
});
