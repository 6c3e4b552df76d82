// JSON parser (JSONC: comments and trailing commas allowed), built on
// jsonc-parser's `visit` (the streaming parser under `parseTree`): it gives
// exact offsets without building a tree, so large files cost no extra memory.
// jsonc-parser recurses per nesting level: a stack overflow on absurd nesting
// is caught and reported, keeping the entries read before it.
//
// Nested objects give path segments; array items use their index. Only
// scalars (string, number, boolean, null) become entries. keyRange is the
// property name token with its quotes; for array items it equals valueRange.

import { printParseErrorCode, visit } from 'jsonc-parser';
import type { ConfigEntry, ParseResult, Range } from '../types';
import { blankBom, startResult } from './common';

/** Larger texts are not parsed (jsonc-parser reads about 10 MB/s, slower on long blank runs). */
export const MAX_JSON_LENGTH = 10 * 1024 * 1024;
export const MAX_JSON_ENTRIES = 100_000;

interface Frame {
  isObject: boolean;
  /** Range of the last property name seen in this object. */
  keyRange?: Range;
}

class StopParsing extends Error {}

export function parseJson(text: string): ParseResult {
  const { result, addError } = startResult('json', text);
  const { entries } = result;

  if (text.length > MAX_JSON_LENGTH) {
    addError(
      `File too large to analyze (${(text.length / 1048576).toFixed(1)} MB; the limit is ${MAX_JSON_LENGTH / 1048576} MB)`,
      { start: 0, end: 0 },
    );
    return result;
  }

  const stack: Frame[] = [];
  let lastOpen = 0;
  // appsettings.json often starts with a byte order mark, which jsonc-parser calls a syntax error.
  try {
    visit(
      blankBom(text),
      {
        onObjectBegin: (offset) => {
          lastOpen = offset;
          stack.push({ isObject: true });
        },
        onObjectEnd: () => {
          stack.pop();
        },
        onArrayBegin: (offset) => {
          lastOpen = offset;
          stack.push({ isObject: false });
        },
        onArrayEnd: () => {
          stack.pop();
        },
        onObjectProperty: (_property, offset, length) => {
          const top = stack[stack.length - 1];
          if (top) top.keyRange = { start: offset, end: offset + length };
        },
        onLiteralValue: (value: unknown, offset, length, _line, _character, pathSupplier) => {
          const top = stack[stack.length - 1];
          if (!top) return; // a scalar document has no key
          if (entries.length >= MAX_JSON_ENTRIES) {
            addError(`Too many entries: analysis stopped after ${MAX_JSON_ENTRIES}`, { start: offset, end: offset });
            throw new StopParsing();
          }
          const valueRange: Range = { start: offset, end: offset + length };
          const entry: ConfigEntry = {
            path: pathSupplier().map(String),
            value: null,
            valueType: 'null',
            keyRange: top.isObject && top.keyRange ? top.keyRange : valueRange,
            valueRange,
          };
          if (typeof value === 'string') {
            entry.value = value;
            entry.valueType = 'string';
            entry.quote = '"';
          } else if (typeof value === 'number') {
            entry.value = text.slice(offset, offset + length);
            entry.valueType = 'number';
          } else if (typeof value === 'boolean') {
            entry.value = value ? 'true' : 'false';
            entry.valueType = 'boolean';
          }
          entries.push(entry);
        },
        onError: (error, offset, length) => {
          addError(`JSON syntax error: ${printParseErrorCode(error)}`, { start: offset, end: offset + length });
        },
      },
      { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true },
    );
  } catch (e) {
    if (e instanceof RangeError) {
      addError(`JSON nested too deeply to analyze (${stack.length} levels)`, { start: lastOpen, end: lastOpen + 1 });
    } else if (!(e instanceof StopParsing)) {
      addError(`JSON could not be parsed: ${e instanceof Error ? e.message : String(e)}`, { start: 0, end: 0 });
    }
  }
  return result;
}
