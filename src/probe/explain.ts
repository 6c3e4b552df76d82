// Explains an SMTP error text pasted from a log or a terminal: the probe's
// diagnosis it stands for, what in the text matched, and the library it came from.
// Secrets in the text (AUTH payloads, password settings) are masked before anything
// is read from it, with the probe's transcript masker.

import { AUTH_REPLIES, SEND_REPLIES, makeDiagnosis, replyRowMatches, type Finding, type ReplyRow } from './diagnose';
import { CLIENT_LIBRARIES, ERROR_PATTERNS, REPLY_FALLBACKS, SERVERS, STAGED_REPLIES, type ErrorContext, type ErrorPattern } from './error-patterns';
import type { Reply } from './lineReader';
import { Masker } from './transcript';
import type { AdviceTerms, Diagnosis } from './types';

export interface Explanation {
  diagnosis: Diagnosis;
  /** The part of the (masked) text that decided the diagnosis. */
  matched: string;
  /** The client library, the server, or both. */
  library: string;
  /** What the text says about the server: host '' and port 0 when it does not say. */
  context: ErrorContext;
}

/** Longer texts are cut: a pasted log of megabytes says nothing more. */
export const MAX_EXPLAIN_CHARS = 64 * 1024;
const MAX_MATCHED_CHARS = 300;
/** Bounds on the replies read from one text (a log full of "250 OK" lines). */
const MAX_REPLIES = 200;
const MAX_REPLY_CHARS = 1000;

/** `advice`: the caller's terms for the fix (the probe's ProbeOptions.advice); the defaults are the CLI's. */
export function explainError(input: string, advice?: AdviceTerms): Explanation | null {
  const text = maskSecrets(input.slice(0, MAX_EXPLAIN_CHARS));
  if (!text.trim()) return null;
  const found = contextOf(text);
  // The words get the caller's terms; the explanation reports the context found in the text only.
  const context: ErrorContext & { advice?: AdviceTerms } = advice ? { ...found, advice } : found;
  const client = CLIENT_LIBRARIES.find((row) => row.pattern.test(text))?.name;
  const server = SERVERS.find((row) => row.pattern.test(text))?.name;

  const reply = explainReply(text, context);
  if (reply) return { ...reply, context: found, library: [client, server && `${server} reply`].filter(Boolean).join(', ') || 'SMTP server reply' };
  const pattern = firstPattern(ERROR_PATTERNS, text, context);
  if (pattern) return { ...pattern, context: found, library: client ?? (server ? `${server} reply` : 'not named in the text') };
  return null;
}

// ---------------------------------------------------------------------------
// Server replies quoted in the text go through the probe's reply tables.

/** `550 5.7.1 text`, `535-5.7.8 text`, `(535, b'5.7.8 text')`, or an enhanced code alone (`5.7.0 text`). */
const REPLY_LINE = /(?<![\w.:/#=-])(?<!port:? )([245]\d\d)(?:[ -]|: )(?=(?:([245]\.\d{1,3}\.\d{1,3})\s+)?\S)/g;
const PYTHON_TUPLE = /\(([245]\d\d), b?['"]((?:([245]\.\d{1,3}\.\d{1,3})\s+)?[^'"]*)/g;
/** SwiftMailer/Symfony without the reply text: `Expected response code 250 but got code "530"`. */
const QUOTED_CODE = /got code "([245]\d\d)"/g;
const ENHANCED_ONLY = /(?<![\w.])([245]\.\d{1,3}\.\d{1,3})\s+([A-Za-z][^\n]*)/g;

function repliesIn(text: string): Reply[] {
  const replies: Reply[] = [];
  const add = (code: number, enhanced: string | undefined, rest: string, raw: string) => {
    if (replies.length < MAX_REPLIES) replies.push({ code, enhanced: enhanced ?? null, lines: [rest], raw: [raw.trim()] });
  };
  // Each reply runs to the end of its line; a reply quoted inside another (Swift: "got code "530", with message "530 …"") is found too.
  for (const m of text.matchAll(REPLY_LINE)) {
    if (replies.length >= MAX_REPLIES) break;
    const end = text.indexOf('\n', m.index);
    const line = text.slice(m.index, Math.min(end < 0 ? text.length : end, m.index + MAX_REPLY_CHARS));
    add(Number(m[1]), m[2], line.slice(m[0].length), line);
  }
  for (const m of text.matchAll(PYTHON_TUPLE)) add(Number(m[1]), m[3], m[2], m[0]);
  for (const m of text.matchAll(QUOTED_CODE)) add(Number(m[1]), undefined, '', m[0]);
  if (!replies.length) for (const m of text.matchAll(ENHANCED_ONLY)) add(0, m[1], m[2], m[0]);
  return replies;
}

/**
 * The probe's rows that test something (their catch-alls assume a stage the text may not show), then the reply
 * classes. The probe reads AUTH_REPLIES only for answers to AUTH; here they apply when the text is about logging in.
 */
const AUTH_CONTEXT = /auth|log ?in|credential|password|username/i;
const REPLY_TABLES: Array<{ row: ReplyRow; auth: boolean }> = [
  ...AUTH_REPLIES.map((row) => ({ row, auth: true })),
  ...[...SEND_REPLIES, ...REPLY_FALLBACKS].map((row) => ({ row, auth: false })),
].filter(({ row }) => row.codes || row.enhanced || row.text);

function explainReply(text: string, context: ErrorContext): Omit<Explanation, 'library' | 'context'> | null {
  // Replies whose meaning depends on the stage come first (error-patterns.ts).
  const staged = firstPattern(STAGED_REPLIES, text, context);
  if (staged) return staged;
  const replies = repliesIn(text);
  if (!replies.length) return null;
  const aboutLogin = AUTH_CONTEXT.test(text);
  for (const { row, auth } of REPLY_TABLES) {
    if (auth && !aboutLogin) continue;
    const reply = replies.find((candidate) => replyRowMatches(row, candidate));
    if (reply) {
      const finding: Finding = { ...row.finding, evidence: cut(reply.raw.join(' ')) };
      return { diagnosis: makeDiagnosis(finding, context), matched: finding.evidence! };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------
// What the libraries say themselves.

function firstPattern(rows: ErrorPattern[], text: string, context: ErrorContext): Omit<Explanation, 'library' | 'context'> | null {
  for (const row of rows) {
    const found = matchPattern(row, text, context);
    if (found) return found;
  }
  return null;
}

function matchPattern(row: ErrorPattern, text: string, context: ErrorContext): Omit<Explanation, 'library' | 'context'> | null {
  const m = row.pattern.exec(text);
  if (!m || (row.with && !row.with.test(text)) || (row.unless && row.unless.test(text))) return null;
  const matched = cut(m[0].trim());
  const code = typeof row.code === 'function' ? row.code(context) : row.code;
  const finding: Finding = { code, summary: row.summary?.(context), fix: row.fix, evidence: matched };
  return { diagnosis: makeDiagnosis(finding, context), matched };
}

function cut(text: string): string {
  return text.length > MAX_MATCHED_CHARS ? `${text.slice(0, MAX_MATCHED_CHARS)}…` : text;
}

// ---------------------------------------------------------------------------
// Host and port named in the text.

/** File names in stack traces look like host:port ("index.js:606"). */
const NOT_A_HOST = /\.(?:js|mjs|cjs|ts|py|rb|php|java|cs|go|c|cc|cpp|h|kt|scala|groovy|txt|log|json|ya?ml)$/i;
const HOST = String.raw`((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}|\d{1,3}(?:\.\d{1,3}){3})`;
const JAVAMAIL_HOST = new RegExp(String.raw`SMTP host:? ${HOST}, port:? (\d{1,5})`, 'i');
const HOST_PORT = new RegExp(String.raw`(?<![\w.-])${HOST}(?:\[[\d.:a-f]+\])?:(\d{2,5})(?![\d:])`, 'gi');
const PORT_WORD = /port["']?\s*[:=]?\s*["']?(\d{2,5})\b/i;
const HOST_WORD = new RegExp(
  String.raw`(?:(?:host|server|relay|address)["']?\s*[:=]\s*["']?|(?:ENOTFOUND|EAI_AGAIN|lookup|UnknownHostException:?|certificate is valid for [^\n]*?, not|hostname)\s+["']?|expected CN=\`)${HOST}`,
  'i',
);

export function contextOf(text: string): ErrorContext {
  const javamail = JAVAMAIL_HOST.exec(text);
  if (javamail) return { host: javamail[1], port: port(javamail[2]) };
  for (const m of text.matchAll(HOST_PORT)) {
    if (!NOT_A_HOST.test(m[1]) && port(m[2])) return { host: m[1], port: port(m[2]) };
  }
  return { host: HOST_WORD.exec(text)?.[1] ?? '', port: port(PORT_WORD.exec(text)?.[1]) };
}

function port(text: string | undefined): number {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? n : 0;
}

// ---------------------------------------------------------------------------
// Secrets: AUTH payloads, the answers to AUTH LOGIN's 334 prompts, password settings.

const AUTH_PAYLOAD = /\bAUTH\s+(?:PLAIN|LOGIN|XOAUTH2|OAUTHBEARER|CRAM-MD5)\s+([A-Za-z0-9+/=]{4,})/gi;
/** The client's line after a 334 prompt: the base64 token alone, or after a client marker ("C:", "CLIENT -> SERVER:", "->"). */
const PROMPT_ANSWER = /\b334\b[^\n]*\n(?:[^\n]*?(?:\bC:|CLIENT -> SERVER:|->|send:)\s*['"]?|\s*)([A-Za-z0-9+/]{6,}={0,2})(?:\\r\\n)?['"]?\s*$/gm;
const SECRET_SETTING = /(?:pass(?:word|wd)?|pwd|secret|token|api[_-]?key)\w*["']?\s*(?:[:=]|=>)\s*["']?([^\s"',;}]{4,})/gi;
const URL_PASSWORD = /\/\/[^:/\s@]+:([^@\s/]+)@/g;

export function maskSecrets(text: string): string {
  const masker = new Masker();
  const addDecoded = (payload: string) => {
    masker.add(payload);
    const decoded = Buffer.from(payload, 'base64').toString('utf8');
    // AUTH PLAIN: authzid\0user\0password; XOAUTH2: user=…\x01auth=Bearer token\x01\x01.
    for (const part of decoded.split(/[\0\x01]|auth=Bearer /)) if (/^[\x20-\x7e]{4,}$/.test(part) && !part.startsWith('user=')) masker.add(part);
  };
  for (const m of text.matchAll(AUTH_PAYLOAD)) addDecoded(m[1]);
  for (const m of text.matchAll(PROMPT_ANSWER)) addDecoded(m[1]);
  for (const m of text.matchAll(SECRET_SETTING)) if (!/^\*+$|^(?:null|none|true|false|undefined)$/i.test(m[1])) masker.add(m[1]);
  for (const m of text.matchAll(URL_PASSWORD)) masker.add(m[1]);
  return masker.mask(text);
}
