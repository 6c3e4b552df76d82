// Format detection (from the file name, src/engine/facts/files.ts, and for names that do not tell, such as
// `*.conf` and `*.cfg`, from the content) and dispatch to the parsers.

import { codeLanguageOfPath, formatCandidates, formatOfPath } from '../facts/files';
import type { FormatId, ParseResult } from '../types';
import { looksLikeOmnibus, parseAssignments } from './assignments';
import { parseDotenv } from './dotenv';
import { looksLikeFluentd, parseFluentd } from './fluentd';
import { parseHjson } from './hjson';
import { looksLikeHocon, parseHocon } from './hocon';
import { looksLikeIni, parseIni } from './ini';
import { parseJson } from './json';
import { parseProperties } from './properties';
import { parseToml } from './toml';
import { parseYaml } from './yaml';

/** The format of a file from its name or path, or undefined if it is not one we read. */
export { formatOfPath as detectFormat } from '../facts/files';
export { parseAssignments, detectAssignmentLanguage, MAX_ASSIGNMENT_ENTRIES } from './assignments';
export type { AssignmentLanguage } from './assignments';
export { parseDotenv, MAX_DOTENV_ENTRIES } from './dotenv';
export { parseFluentd, looksLikeFluentd, MAX_FLUENTD_ENTRIES } from './fluentd';
export { parseHjson, MAX_HJSON_ENTRIES } from './hjson';
export { parseHocon, looksLikeHocon, MAX_HOCON_ENTRIES } from './hocon';
export { parseIni, looksLikeIni, MAX_INI_ENTRIES } from './ini';
export { parseJson, MAX_JSON_ENTRIES, MAX_JSON_LENGTH } from './json';
export { parseProperties, splitPropertyKey, MAX_PROPERTIES_ENTRIES } from './properties';
export { parseToml, MAX_TOML_ENTRIES } from './toml';
export { parseYaml, MAX_YAML_LENGTH, MAX_YAML_ENTRIES } from './yaml';

/** The content checks of the formats that some file names leave open (facts/files.ts `byContent`). */
const LOOKS_LIKE: Partial<Record<FormatId, (text: string) => boolean>> = { hocon: looksLikeHocon, fluentd: looksLikeFluentd, ini: looksLikeIni, assignments: looksLikeOmnibus };

/**
 * The format of a file from its name and, where the name leaves it open (`*.conf`: HOCON or Fluentd; `*.cfg`:
 * INI), its content; undefined when it is not one we read, or its content is none of those its name allows.
 */
export function formatOfText(filePath: string, text: string): FormatId | undefined {
  const candidates = formatCandidates(filePath);
  // No config pattern: source code (src/engine/code/), or nothing we read.
  if (candidates.length === 0) return formatOfPath(filePath);
  for (const { format, byContent, content } of candidates) {
    if ((!byContent || LOOKS_LIKE[format]?.(text)) && (!content || content.test(text))) return format;
  }
  // A name whose content is none of those it allows: source code where its extension is code's (a Python
  // configuration/configuration.py that is not NetBox's, a Ruby file that is not gitlab.rb's), else nothing we read.
  return codeLanguageOfPath(filePath) ? 'code' : undefined;
}

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
    case 'hjson':
      return parseHjson(text);
    case 'fluentd':
      return parseFluentd(text);
    case 'assignments':
      return parseAssignments(text);
    // Code is read by src/engine/code/ (analyzeText), not parsed as settings.
    case 'code':
    default:
      return { format, entries: [], errors: [{ message: `Unknown format: ${String(format)}`, range: { start: 0, end: 0 } }], eol: '\n' };
  }
}
