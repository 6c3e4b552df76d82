// The words without which a setting cannot matter to the analysis, for the partial YAML read
// (formats/yaml-outline.ts): a part of a file whose text, with the keys above it, has none of them
// holds no entry that analyzeText looks at, so it need not be parsed.
//
// An entry matters when findGroups (groups.ts) can make it a candidate (its key words end with a
// profile's prefix and key: the prefix's words are in its key path; an empty prefix: the key's), a
// signature key, a transport switch or a mail section's `enabled` switch (each contains a prefix or the
// switch's words), an SMTP URL (its scheme), NODE_TLS_REJECT_UNAUTHORIZED (facts/frameworks.ts), or an
// environment marker or Spring profile key (facts/environments.ts). Every word of a key path is a
// substring of the lower-cased key as written, except through escapes, so a part with a backslash is
// always read.

import { DOCUMENT_PROFILE_KEYS, ENVIRONMENT_MARKER_KEYS } from './facts/environments';
import { PROCESS_VERIFY_SWITCHES } from './facts/frameworks';
import { SMTP_SCHEME_STEMS } from './dsn';
import { MAIL_SCOPE_WORDS } from './groups';
import { PROFILES } from './profiles';

/** Each phrase: words that all appear in the text of an entry that matters (for some phrase). */
function phrases(): string[][] {
  const out: string[][] = [];
  for (const profile of PROFILES) {
    for (const prefix of profile.prefixes) {
      if (prefix.words) out.push(prefix.words.split(' '));
      else for (const spec of profile.keys) for (const alternative of spec.key.split('|')) out.push(alternative.trim().split(' '));
    }
    for (const transport of profile.transportSwitches ?? []) out.push(transport.key.split(' '));
  }
  for (const word of MAIL_SCOPE_WORDS) out.push([word]);
  for (const stem of SMTP_SCHEME_STEMS) out.push([stem]);
  for (const { key } of PROCESS_VERIFY_SWITCHES) out.push(key.split(' '));
  for (const key of [...DOCUMENT_PROFILE_KEYS, ...ENVIRONMENT_MARKER_KEYS]) out.push(key.split(' '));
  return out;
}

const { single, multiple } = (() => {
  const all = phrases();
  const singles = [...new Set(all.filter((phrase) => phrase.length === 1).map(([word]) => word))];
  // A phrase with a word that contains a single-word phrase passes whenever that one does.
  const rest = all.filter((phrase) => phrase.length > 1 && !phrase.some((word) => singles.some((one) => word.includes(one))));
  const escaped = singles.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { single: new RegExp(`${escaped.join('|')}|\\\\`), multiple: rest };
})();

/** Whether `lowerText` (lower case) can hold an entry that matters; false only when it certainly cannot. */
export function mayMatter(lowerText: string): boolean {
  return maskMatters(wordMask(lowerText));
}

// The same test as bits, for texts read line by line (formats/yaml-outline.ts): no word holds a line break,
// so the mask of a text is the OR of its lines' masks. Bit 0: a single-word phrase (or a backslash); one bit
// per word of the other phrases, up to 30 of them; a phrase with a word past those always passes.
const PHRASE_WORDS = [...new Set(multiple.flat())].slice(0, 30);
const PHRASE_MASKS: readonly number[] = multiple.map((phrase) =>
  phrase.every((word) => PHRASE_WORDS.includes(word)) ? phrase.reduce((mask, word) => mask | (2 << PHRASE_WORDS.indexOf(word)), 0) : 0,
);

/** The words of `lowerText` (lower case) that mayMatter looks for, as bits. */
export function wordMask(lowerText: string): number {
  let mask = single.test(lowerText) ? 1 : 0;
  for (let i = 0; i < PHRASE_WORDS.length; i++) if (lowerText.includes(PHRASE_WORDS[i])) mask |= 2 << i;
  return mask;
}

/** Whether a text with these words (wordMask, ORed over its lines) can hold an entry that matters. */
export function maskMatters(mask: number): boolean {
  if (mask & 1) return true;
  return PHRASE_MASKS.some((phrase) => (mask & phrase) === phrase);
}
