// The code readers: SMTP clients configured in source code, read on tree-sitter parsers with exact ranges,
// as groups of the library's profile, so the rules, fixes and hovers work on them as on config files.

import { codeLanguageOfPath, type CodeLanguage } from '../facts/files';
import type { EnvironmentVariables } from '../environment';
import type { RawGroup } from '../groups';
import { profileById } from '../profiles';
import type { ParseResult } from '../types';
import { readJavaScript } from './javascript';
import { codeParserReady, ensureCodeParser, withCodeTree } from './parsers';
import { readPhp } from './php';
import { readPython } from './python';
import { readRuby } from './ruby';
import { readCSharp } from './csharp';
import { readJava } from './java';
import { readGo } from './go';
import type { CodeClient } from './read';

export { codeParserReady, ensureCodeParser } from './parsers';

const READERS: Readonly<Record<CodeLanguage, typeof readJavaScript>> = {
  javascript: readJavaScript,
  typescript: readJavaScript,
  tsx: readJavaScript,
  python: readPython,
  php: readPhp,
  ruby: readRuby,
  csharp: readCSharp,
  java: readJava,
  go: readGo,
};

/** Words a file must contain for its reader to find anything in it; a file without them is never parsed. */
const LIBRARY_WORDS: Readonly<Record<CodeLanguage, RegExp>> = {
  javascript: /nodemailer/,
  typescript: /nodemailer/,
  tsx: /nodemailer/,
  python: /smtplib/,
  php: /PHPMailer|Swift_SmtpTransport|fromDsn/i,
  ruby: /Net::SMTP|delivery_method|smtp_settings/,
  csharp: /SmtpClient/,
  java: /mail\.smtps?\.|JavaMailSender/,
  go: /net\/smtp|gomail|go-mail/,
};

/** The parser a code file needs before `analyzeText` can read it, or undefined when it needs none (not code, or no mail library named). */
export function codeParserNeeded(filePath: string, text: string): CodeLanguage | undefined {
  const language = codeLanguageOfPath(filePath);
  return language && LIBRARY_WORDS[language].test(text) ? language : undefined;
}

/** For adapters: loads the parser a code file needs, if any, so that `analyzeText` reads it. */
export async function prepareCodeFile(filePath: string, text: string): Promise<void> {
  const language = codeParserNeeded(filePath, text);
  if (language) await ensureCodeParser(language);
}

export interface CodeRead {
  parse: ParseResult;
  groups: RawGroup[];
  /** The parser was not loaded: nothing was read (the adapters call `prepareCodeFile` first). */
  parserMissing?: CodeLanguage;
}

/** `environment`: the variables of the project's `.env` (project-code.ts), which the code's environment lookups read. */
export function readCode(filePath: string, text: string, environment?: EnvironmentVariables): CodeRead {
  const eol: ParseResult['eol'] = text.includes('\r\n') ? '\r\n' : '\n';
  const empty: ParseResult = { format: 'code', entries: [], errors: [], eol };
  const language = codeParserNeeded(filePath, text);
  if (!language) return { parse: empty, groups: [] };
  if (!codeParserReady(language)) return { parse: empty, groups: [], parserMissing: language };
  const clients = withCodeTree(language, text, (tree) => READERS[language](tree, text, environment)) ?? [];
  return { parse: { ...empty, entries: clients.flatMap((client) => client.settings.map((setting) => setting.entry)) }, groups: clients.flatMap(toRawGroup) };
}

function toRawGroup(client: CodeClient): RawGroup[] {
  const profile = profileById(client.profile);
  const matches = client.settings.flatMap((setting) => {
    const spec = profile.keys.find((candidate) => candidate.key.split('|').includes(setting.key));
    return spec ? [{ entry: setting.entry, spec }] : [];
  });
  return matches.length ? [{ profile, anchor: [client.anchor], matches }] : [];
}
