// Format detection (from the file name only) and dispatch to the parsers.

import type { FormatId, ParseResult } from '../types';
import { parseAssignments } from './assignments';
import { parseDotenv } from './dotenv';
import { parseIni } from './ini';
import { parseJson } from './json';
import { parseProperties } from './properties';
import { parseYaml } from './yaml';

export { parseAssignments, detectAssignmentLanguage, MAX_ASSIGNMENT_ENTRIES } from './assignments';
export type { AssignmentLanguage } from './assignments';
export { parseDotenv, MAX_DOTENV_ENTRIES } from './dotenv';
export { parseIni, MAX_INI_ENTRIES } from './ini';
export { parseJson, MAX_JSON_ENTRIES, MAX_JSON_LENGTH } from './json';
export { parseProperties, splitPropertyKey, MAX_PROPERTIES_ENTRIES } from './properties';
export { parseYaml, MAX_YAML_LENGTH, MAX_YAML_ENTRIES } from './yaml';

interface FormatRule {
  format: FormatId;
  /** Tested against the path with `/` separators and a leading `/`, case-insensitively. */
  pattern: RegExp;
}

/** Files that match a rule below but are never configuration worth reading. */
const EXCLUDED: RegExp[] = [
  /\/(?:package-lock|npm-shrinkwrap|composer\.lock|yarn\.lock|pnpm-lock)\.[^/]*$/i,
  // `.env.js`, `.env.d.ts`, `.env.py`... are code, not dotenv files.
  /\/\.env(?:\.[^/]*)?\.(?:js|cjs|mjs|ts|tsx|jsx|py|rb|php|sh|bash|zsh|ps1|json|ya?ml|toml|md)$/i,
];

/** First match wins. */
export const FORMAT_RULES: readonly FormatRule[] = [
  // dotenv: `.env`, `.env.production`, `.env.local`, `.env.example`, `smtp.env`. Not `.envrc` (shell).
  { format: 'dotenv', pattern: /\/\.env$/i },
  { format: 'dotenv', pattern: /\/\.env\.[^/]+$/i },
  { format: 'dotenv', pattern: /\/[^/]+\.env$/i },
  { format: 'yaml', pattern: /\/[^/]+\.ya?ml$/i },
  { format: 'json', pattern: /\/[^/]+\.jsonc?$/i },
  { format: 'properties', pattern: /\/[^/]+\.properties$/i },
  { format: 'ini', pattern: /\/[^/]+\.ini$/i },
  // Django: settings.py, settings_prod.py, local_settings.py, settings/production.py.
  { format: 'assignments', pattern: /\/settings\.py$/i },
  { format: 'assignments', pattern: /\/settings_[^/]*\.py$/i },
  { format: 'assignments', pattern: /\/[^/]*_settings\.py$/i },
  { format: 'assignments', pattern: /\/settings\/[^/]+\.py$/i },
  // GitLab Omnibus.
  { format: 'assignments', pattern: /\/gitlab\.rb$/i },
  // Rails.
  { format: 'assignments', pattern: /\/config\/environments\/[^/]+\.rb$/i },
  { format: 'assignments', pattern: /\/config\/initializers\/[^/]*(?:mail|smtp)[^/]*\.rb$/i },
  // Nextcloud: config/config.php and config/*.config.php.
  { format: 'assignments', pattern: /\/config\.php$/i },
  { format: 'assignments', pattern: /\/[^/]+\.config\.php$/i },
];

/** The format of a file from its name or path (case-insensitive), or undefined if it is not one we read. */
export function detectFormat(fileName: string): FormatId | undefined {
  const normalized = '/' + fileName.replace(/\\/g, '/').replace(/^\/+/, '');
  if (EXCLUDED.some((re) => re.test(normalized))) return undefined;
  for (const rule of FORMAT_RULES) {
    if (rule.pattern.test(normalized)) return rule.format;
  }
  return undefined;
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
    case 'assignments':
      return parseAssignments(text);
    default:
      return { format, entries: [], errors: [{ message: `Unknown format: ${String(format)}`, range: { start: 0, end: 0 } }], eol: '\n' };
  }
}
