import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseHjson } from '../../../src/engine/formats/hjson';
import type { ConfigEntry } from '../../../src/engine/types';
import { FIXTURES, assertSurvivesSyntaxGarbage, slice, find } from './helpers';

const SPEC = path.join(FIXTURES, 'hjson-spec');

/** A JSON document as [path, value] leaves (empty objects and arrays have none). */
function leaves(value: unknown, prefix: string[] = [], out = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) leaves(item, [...prefix, key], out);
  else out.set(JSON.stringify(prefix), value);
  return out;
}

/** An entry's value typed as JSON.parse would give it. */
function typed(entry: ConfigEntry): unknown {
  if (entry.valueType === 'number') return Number(entry.value) + 0; // -0 is 0 in the JSON results
  if (entry.valueType === 'boolean') return entry.value === 'true';
  return entry.value;
}

describe('formats/hjson', () => {
  describe("hjson-js's test assets: each NAME_test.hjson reads as NAME_result.json", () => {
    for (const file of fs.readdirSync(SPEC).filter((name) => name.endsWith('_test.hjson') && !name.startsWith('fail'))) {
      it(file, () => {
        const text = fs.readFileSync(path.join(SPEC, file), 'utf8');
        const expected = leaves(JSON.parse(fs.readFileSync(path.join(SPEC, file.replace('_test.hjson', '_result.json')), 'utf8')));
        const result = parseHjson(text);
        assert.deepEqual(result.errors, []);
        assert.deepEqual(new Map(result.entries.map((e) => [JSON.stringify(e.path), typed(e)])), expected);
        for (const entry of result.entries) {
          const written = slice(text, entry.valueRange);
          if (entry.quote) assert.ok(written.startsWith(entry.quote.repeat(entry.quoteWidth ?? 1)), written);
          else if (entry.valueType === 'string') assert.equal(written, entry.value);
        }
      });
    }
    for (const file of fs.readdirSync(SPEC).filter((name) => name.startsWith('fail'))) {
      it(`${file} is reported, not thrown`, () => {
        assert.ok(parseHjson(fs.readFileSync(path.join(SPEC, file), 'utf8')).errors.length > 0);
      });
    }
  });

  it("reads Lemmy's email object with exact ranges (LemmyNet/lemmy config/defaults.hjson)", () => {
    const text = '{\n  # Email sending configuration\n  email: {\n    smtp_server: "localhost:25"\n    smtp_login: string\n    tls_type: "none" // comment\n    use_tls: true # 0.15\n  }\n}\n';
    const result = parseHjson(text);
    assert.deepEqual(result.errors, []);
    const server = find(result, 'email.smtp_server');
    assert.deepEqual([server.value, server.quote, slice(text, server.keyRange), slice(text, server.valueRange)], ['localhost:25', '"', 'smtp_server', '"localhost:25"']);
    assert.deepEqual([find(result, 'email.smtp_login').value, slice(text, find(result, 'email.smtp_login').valueRange)], ['string', 'string']);
    const tls = find(result, 'email.use_tls');
    assert.deepEqual([tls.value, tls.valueType, slice(text, tls.valueRange)], ['true', 'boolean', 'true']);
  });

  it('a quoteless string runs to the end of the line, comment marks and commas included', () => {
    const text = 'host: smtp.example.com # not a comment\nport: 587, # a comment after a number\n';
    const result = parseHjson(text);
    assert.equal(find(result, 'host').value, 'smtp.example.com # not a comment');
    assert.deepEqual([find(result, 'port').value, find(result, 'port').valueType], ['587', 'number']);
  });

  it("strips a ''' string's indentation by the column of its opening quotes", () => {
    const text = "a: {\n  text:\n    '''\n    first\n      second\n    '''\n}\n";
    assert.equal(find(parseHjson(text), 'a.text').value, 'first\n  second');
  });

  it('goes on after a member it cannot read', () => {
    const text = 'a: ]\nsmtp_server: "x:25"\n';
    const result = parseHjson(text);
    assert.equal(result.errors.length, 1);
    assert.equal(find(result, 'smtp_server').value, 'x:25');
  });

  it('survives garbage made of its own syntax', function () {
    this.timeout(60_000);
    assertSurvivesSyntaxGarbage(parseHjson, '{}[]:,"\'#/*\n \tab1\\', 1024 * 1024);
  });
});
