// Shared helpers of the format parser tests (not a test file itself).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strict as assert } from 'node:assert';
import type { ConfigEntry, ParseResult, Range } from '../../../src/engine/types';

export const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/formats');

/** Deterministic pseudo-random text of `size` chars (latin1 bytes, or drawn from `alphabet`). */
export function garbage(size: number, seed: number, alphabet?: string): string {
  const bytes = new Uint8Array(size);
  let x = seed | 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = alphabet ? alphabet.charCodeAt((x >>> 0) % alphabet.length) : x & 0xff;
  }
  return Buffer.from(bytes).toString('latin1');
}

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

export function slice(text: string, range: Range): string {
  return text.slice(range.start, range.end);
}

/**
 * Parses `size` characters (5 MB by default) of text made of the format's own syntax characters, three times: the parser must
 * not throw, and every range must lie inside the text. A hang fails on the suite's mocha timeout.
 */
export function assertSurvivesSyntaxGarbage(parse: (text: string) => ParseResult, alphabet: string, size = 5 * 1024 * 1024): void {
  for (const seed of [1, 2, 3]) {
    const text = garbage(size, seed, alphabet);
    for (const e of parse(text).entries) {
      assert.ok(e.keyRange.start <= e.keyRange.end && e.valueRange.start <= e.valueRange.end && e.valueRange.end <= text.length, `seed ${seed}`);
    }
  }
}

/** The one entry whose path, joined with dots, is `dotted`. */
export function find(result: ParseResult, dotted: string): ConfigEntry {
  const found = result.entries.filter((e) => e.path.join('.') === dotted);
  assert.equal(found.length, 1, `expected exactly one entry for ${dotted} (found ${found.length})`);
  return found[0];
}
