// Format detection (from the file name only: src/engine/facts/files.ts) and dispatch to the parsers.

import type { FormatId, ParseResult } from '../types';
import { parseAssignments } from './assignments';
import { parseDotenv } from './dotenv';
import { parseHocon } from './hocon';
import { parseIni } from './ini';
import { parseJson } from './json';
import { parseProperties } from './properties';
import { parseToml } from './toml';
import { parseYaml } from './yaml';

/** The format of a file from its name or path, or undefined if it is not one we read. */
export { formatOfPath as detectFormat } from '../facts/files';
export { parseAssignments, detectAssignmentLanguage, MAX_ASSIGNMENT_ENTRIES } from './assignments';
export type { AssignmentLanguage } from './assignments';
export { parseDotenv, MAX_DOTENV_ENTRIES } from './dotenv';
export { parseHocon, looksLikeHocon, MAX_HOCON_ENTRIES } from './hocon';
export { parseIni, MAX_INI_ENTRIES } from './ini';
export { parseJson, MAX_JSON_ENTRIES, MAX_JSON_LENGTH } from './json';
export { parseProperties, splitPropertyKey, MAX_PROPERTIES_ENTRIES } from './properties';
export { parseToml, MAX_TOML_ENTRIES } from './toml';
export { parseYaml, MAX_YAML_LENGTH, MAX_YAML_ENTRIES } from './yaml';

export function parseConfig(format: FormatId, text: string): ParseResult {
  switch (format) {
    case 'dotenv':
      return parseDotenv(text);
    case 'yaml':
      return parseYaml(text);
    case 'json':
      return parseJson(text);
    case 'properties':
      return parseProperties(text);
    case 'ini':
      return parseIni(text);
    case 'toml':
      return parseToml(text);
    case 'hocon':
      return parseHocon(text);
    case 'assignments':
      return parseAssignments(text);
    // Code is read by src/engine/code/ (analyzeText), not parsed as settings.
    case 'code':
    default:
      return { format, entries: [], errors: [{ message: `Unknown format: ${String(format)}`, range: { start: 0, end: 0 } }], eol: '\n' };
  }
}
