// The words without which a setting cannot matter to the analysis, for the partial YAML read
// (formats/yaml-outline.ts): a part of a file whose text, with the keys above it, has none of them
// holds no entry that analyzeText looks at, so it need not be parsed.
//
// An entry matters when findGroups (groups.ts) can make it a candidate (its key words end with a
// profile's prefix and key: the prefix's words are in its key path; an empty prefix: the key's), a
// signature key, a Compose service's `image:`, a transport switch or a mail section's `enabled` switch (each contains a prefix or the
// switch's words), an SMTP URL (its scheme), NODE_TLS_REJECT_UNAUTHORIZED (facts/frameworks.ts), or an
// environment marker or Spring profile key (facts/environments.ts). Every word of a key path is a
// substring of the lower-cased key as written, except through escapes, so a part with a backslash is
// always read.

import { DOCUMENT_PROFILE_KEYS, ENVIRONMENT_MARKER_KEYS } from './facts/environments';
import { PROCESS_VERIFY_SWITCHES } from './facts/frameworks';
import { SMTP_SCHEME_STEMS } from './dsn';
import { MAIL_SCOPE_WORDS } from './groups';
import type { ReadVocabulary } from './formats/yaml-outline';
import { PROFILES } from './profiles';

/** A profile's empty prefix that needs a signature key (Gitea's bare `PASSWD`, `HOST`…): its phrases matter only beside that signature. */
interface Signed {
  phrases: string[][];
  /** The signature's alternatives, each as all the words its keys have. */
  signatures: string[][];
}

/** Each phrase: words that all appear in the text of an entry that matters (for some phrase). */
function phrases(): { always: string[][]; signed: Signed[] } {
  const out: string[][] = [];
  const signed: Signed[] = [];
  for (const profile of PROFILES) {
    for (const prefix of profile.prefixes) {
      if (prefix.words) {
        out.push(prefix.words.split(' '));
        continue;
      }
      const keys = profile.keys.flatMap((spec) => spec.key.split('|').map((alternative) => alternative.trim().split(' ')));
      // groups.ts: an empty prefix with a signature qualifies only where all keys of one signature alternative are
      // (in the same document), so its keys can matter only in a document that has all their words.
      const signature = prefix.signature ?? (prefix.needsSignature ? profile.signature : undefined);
      if (signature?.length) signed.push({ phrases: keys, signatures: signature.map((alternative) => alternative.split(/ & | /)) });
      else out.push(...keys);
    }
    for (const transport of profile.transportSwitches ?? []) out.push(transport.key.split(' '));
  }
  for (const word of MAIL_SCOPE_WORDS) out.push([word]);
  // A service's `image:` names the app of its environment (FrameworkProfile.images; groups.ts).
  if (PROFILES.some((profile) => profile.images)) out.push(['image']);
  for (const stem of SMTP_SCHEME_STEMS) out.push([stem]);
  for (const { key } of PROCESS_VERIFY_SWITCHES) out.push(key.split(' '));
  for (const key of [...DOCUMENT_PROFILE_KEYS, ...ENVIRONMENT_MARKER_KEYS]) out.push(key.split(' '));
  return { always: out, signed };
}

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Single words as one expression, and the phrases of several words not implied by a single word. */
function split(all: string[][], singlesBefore: readonly string[] = []): { singles: string[]; multiple: string[][] } {
  const singles = [...new Set(all.filter((phrase) => phrase.length === 1).map(([word]) => word))];
  const known = [...singlesBefore, ...singles];
  // A phrase with a word that contains a single-word phrase passes whenever that one does.
  const multiple = all.filter((phrase) => phrase.length > 1 && !phrase.some((word) => known.some((one) => word.includes(one))));
  return { singles, multiple };
}

const VOCABULARY = phrases();
const ALWAYS = split(VOCABULARY.always);
const SIGNED = split(VOCABULARY.signed.flatMap((item) => item.phrases), ALWAYS.singles);
/** Words with a bit of their own, for the phrases of several words that always count (up to 29 words). */
const PHRASE_WORDS = [...new Set(ALWAYS.multiple.flat())].slice(0, 29);
const fits = (phrase: string[]): boolean => phrase.every((word) => PHRASE_WORDS.includes(word));
/** A phrase stands for its longest word where it cannot have bits: a text with all its words has that one. */
const longest = (phrase: string[]): string => phrase.reduce((a, b) => (b.length > a.length ? b : a));
const ALWAYS_SINGLES = [...ALWAYS.singles, ...ALWAYS.multiple.filter((phrase) => !fits(phrase)).map(longest)];
// Signed phrases count only in a signed document, where fewer bits are needed: each stands for its longest word.
const SIGNED_SINGLES = [...SIGNED.singles, ...SIGNED.multiple.map(longest)];
// A backslash: a key may be written with escapes, whose words are not substrings of the text.
const SINGLE = new RegExp(`${ALWAYS_SINGLES.map(escape).join('|')}|\\\\`);
const SIGNED_SINGLE = SIGNED_SINGLES.length ? new RegExp(SIGNED_SINGLES.map(escape).join('|')) : /(?!)/;

// As bits, for texts read line by line (formats/yaml-outline.ts): no word holds a line break, so the mask
// of a text is the OR of its lines' masks. Bit 0: a word that always counts on its own (or a backslash);
// bit 1: a word of a signed phrase; one bit per word of the other phrases.
const ALWAYS_MASKS: readonly number[] = ALWAYS.multiple.filter(fits).map((phrase) => phrase.reduce((mask, word) => mask | (4 << PHRASE_WORDS.indexOf(word)), 0));

/** The words of `lowerText` (lower case) that can make a setting matter, as bits. */
function wordMask(lowerText: string): number {
  let mask = SINGLE.test(lowerText) ? 1 : 0;
  if (SIGNED_SINGLE.test(lowerText)) mask |= 2;
  for (let i = 0; i < PHRASE_WORDS.length; i++) if (lowerText.includes(PHRASE_WORDS[i])) mask |= 4 << i;
  return mask;
}

const mattersAlways = (mask: number): boolean => (mask & 1) !== 0 || ALWAYS_MASKS.some((phrase) => (mask & phrase) === phrase);
const mattersAll = (mask: number): boolean => mattersAlways(mask) || (mask & 2) !== 0;

const isLowerAlphanumeric = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const isUpper = (c: number): boolean => c >= 65 && c <= 90;

/**
 * Whether `word` can be one of the words groups.ts keyWords finds in a key written in `text` (`lower` is its
 * lower case, of the same length): it must start and end where keyWords splits, or where it may (an upper-case
 * letter: `smtpServer`, `SMTPServer`). `use` in `users` or `tls` in `starttls` is not one.
 */
function hasWord(text: string, lower: string, word: string): boolean {
  for (let at = lower.indexOf(word); at !== -1; at = lower.indexOf(word, at + 1)) {
    const end = at + word.length;
    const starts = at === 0 || !isLowerAlphanumeric(lower.charCodeAt(at - 1)) || isUpper(text.charCodeAt(at));
    if (starts && (end === lower.length || !isLowerAlphanumeric(lower.charCodeAt(end)) || isUpper(text.charCodeAt(end)))) return true;
  }
  return false;
}

// Signed phrases count only in a document where every key of one of the signature's alternatives can be written:
// each of its words is a word of the text. As bits, one per signature word (`.`, the anchor itself, is always
// there; a word past the 30th is taken as there), and one for a backslash (escaped keys: always signed).
const SIGNATURE_WORDS = [...new Set(VOCABULARY.signed.flatMap((item) => item.signatures.flat()))].filter((word) => word !== '.').slice(0, 30);
const BACKSLASH_BIT = 1 << 30;
const SIGNATURE_MASKS: readonly number[] = VOCABULARY.signed.flatMap((item) =>
  item.signatures.map((words) => words.reduce((mask, word) => (SIGNATURE_WORDS.includes(word) ? mask | (1 << SIGNATURE_WORDS.indexOf(word)) : mask), 0)),
);

/** The signature words of a line (`text`; `lower`, its lower case of the same length), as bits for mattersIn. */
function signatureWords(text: string, lower: string): number {
  let bits = lower.includes('\\') ? BACKSLASH_BIT : 0;
  for (let i = 0; i < SIGNATURE_WORDS.length; i++) if (hasWord(text, lower, SIGNATURE_WORDS[i])) bits |= 1 << i;
  return bits;
}

/**
 * For one document whose lines have these signature words (signatureWords, ORed over its lines): whether a part
 * of it with these words (wordMask, ORed over its lines) can hold an entry that matters; false only when it
 * certainly cannot.
 */
function mattersIn(documentSignatureWords: number): (mask: number) => boolean {
  const signed = (documentSignatureWords & BACKSLASH_BIT) !== 0 || SIGNATURE_MASKS.some((mask) => (documentSignatureWords & mask) === mask);
  return signed ? mattersAll : mattersAlways;
}

/** The words that can make a setting matter, as the partial YAML read asks for them. */
export const SETTING_WORDS: ReadVocabulary = { wordMask, signatureWords, mattersIn };
