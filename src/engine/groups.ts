// Finds SMTP setting groups among a file's entries: which keys belong
// together and which framework's conventions they follow.

import type { Steps } from './steps';
import { looksLikeSmtpUrl } from './dsn';
import { PROFILES, profileById, type FrameworkProfile, type KeySpec, type Prefix } from './profiles';
import type { ConfigEntry } from './types';

const WORDS_CACHE = new Map<string, string[]>();

/** Splits a key into lower-case words: `EMAIL_HOST_USER`, `emailHostUser`, `startTLS_policy`. Memoized: keys repeat across files and keystrokes. */
export function keyWords(key: string): string[] {
  let words = WORDS_CACHE.get(key);
  if (!words) {
    words = key
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    if (WORDS_CACHE.size > 50_000) WORDS_CACHE.clear();
    WORDS_CACHE.set(key, words);
  }
  return words;
}

const PATH_WORDS = new Map<string, { words: string[]; joined: string }>();

function wordsOfEntry(entry: ConfigEntry): { words: string[]; joined: string } {
  const path = entry.path;
  const id = path.length === 1 ? path[0] : path.join('\u0000');
  let known = PATH_WORDS.get(id);
  if (!known) {
    const words: string[] = [];
    for (const segment of path) for (const word of keyWords(segment)) words.push(word);
    known = { words, joined: words.join(' ') };
    if (PATH_WORDS.size > 50_000) PATH_WORDS.clear();
    PATH_WORDS.set(id, known);
  }
  return known;
}

/** The words of an entry's key path (memoized: paths repeat across keystrokes; do not change the array). */
export function entryWords(entry: ConfigEntry): string[] {
  return wordsOfEntry(entry).words;
}

/** entryWords joined with spaces. */
export function entryWordsText(entry: ConfigEntry): string {
  return wordsOfEntry(entry).joined;
}

/** An entry matched to one key of a framework profile. */
export interface MatchedEntry {
  entry: ConfigEntry;
  spec: KeySpec;
}

export interface RawGroup {
  profile: FrameworkProfile;
  /** Words of the key path before the keys themselves (scope + prefix). */
  anchor: string[];
  document?: number;
  matches: MatchedEntry[];
  /** The profile's transport switches found beside the prefix (`EMAIL_TRANSPORT=sendmail`); not settings of the group. */
  transport?: MatchedEntry[];
}

interface SpecAlternative {
  profile: FrameworkProfile;
  profileIndex: number;
  spec: KeySpec;
  words: string[];
}

interface Candidate {
  entry: ConfigEntry;
  alternative: SpecAlternative;
  anchorKey: string;
  anchor: string[];
  needsSignature: boolean;
  /** The prefix's own signature keys, instead of the profile's. */
  signature?: readonly string[];
  signatureValues?: Prefix['signatureValues'];
  prefixLength: number;
}

/** Key alternatives indexed by their last word, so each entry is compared with a handful of keys. */
const ALTERNATIVES_BY_LAST_WORD: ReadonlyMap<string, SpecAlternative[]> = (() => {
  const index = new Map<string, SpecAlternative[]>();
  PROFILES.forEach((profile, profileIndex) => {
    for (const spec of profile.keys) {
      for (const alternative of spec.key.split('|')) {
        const words = alternative.trim().split(' ');
        const last = words[words.length - 1];
        if (!index.has(last)) index.set(last, []);
        index.get(last)!.push({ profile, profileIndex, spec, words });
      }
    }
  });
  return index;
})();

interface PrefixWords {
  words: string[];
  needsSignature: boolean;
  signature?: readonly string[];
  signatureValues?: Prefix['signatureValues'];
}

/**
 * Each profile's prefixes, by the last word before the key (an empty prefix in every list), in the
 * profile's order: an entry is compared only with the prefixes that can end where its key begins.
 */
const PREFIXES_BY_LAST_WORD: ReadonlyMap<FrameworkProfile, { byWord: ReadonlyMap<string, PrefixWords[]>; empty: PrefixWords[] }> = new Map(
  PROFILES.map((profile) => {
    const all: PrefixWords[] = profile.prefixes.map((prefix) => ({
      words: prefix.words ? prefix.words.split(' ') : [],
      needsSignature: !!prefix.needsSignature || !!prefix.signature,
      signature: prefix.signature,
      signatureValues: prefix.signatureValues,
    }));
    const byWord = new Map<string, PrefixWords[]>();
    for (const prefix of all) {
      const last = prefix.words[prefix.words.length - 1];
      if (last !== undefined && !byWord.has(last)) byWord.set(last, all.filter((other) => other.words.length === 0 || other.words[other.words.length - 1] === last));
    }
    return [profile, { byWord, empty: all.filter((prefix) => prefix.words.length === 0) }];
  }),
);

function endsWith(words: string[], tail: string[], before = words.length): boolean {
  if (tail.length > before) return false;
  for (let i = 0; i < tail.length; i++) {
    if (words[before - tail.length + i] !== tail[i]) return false;
  }
  return true;
}

/** A generic profile for a URL-valued setting whose key says nothing (`NOTIFY_TRANSPORT=smtps://…`). */
const URL_ONLY_PROFILE: FrameworkProfile = profileById('generic');
const URL_ONLY_SPEC: KeySpec = URL_ONLY_PROFILE.keys.find((spec) => spec.role === 'url')!;

const SIGNATURE_KEYS = new WeakMap<readonly string[], string[][]>();

/** A signature list split into its alternatives' keys (`starttls & authentication`: both). */
function signatureKeys(signatures: readonly string[]): string[][] {
  let keys = SIGNATURE_KEYS.get(signatures);
  if (!keys) SIGNATURE_KEYS.set(signatures, (keys = signatures.map((signature) => signature.split(' & '))));
  return keys;
}

/** Entries looked at between two steps of findGroups (a big file has thousands). */
const ENTRIES_PER_STEP = 128;

/** The raw groups among `entries`, in steps (some entries, then each anchor) for analyze.ts analysisSteps. */
export function* findGroups(entries: readonly ConfigEntry[]): Steps<RawGroup[]> {
  const candidates: Candidate[] = [];
  const wordsOf = new Map<ConfigEntry, string[]>();
  // Entries by document and key words, in document order: what the switch look-ups below ask for.
  const byKey = new Map<string, ConfigEntry[]>();
  for (const [index, entry] of entries.entries()) {
    if (index % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) yield;
    const words = entryWords(entry);
    wordsOf.set(entry, words);
    const key = `${entry.document ?? 0}|${entryWordsText(entry)}`;
    const same = byKey.get(key);
    if (same) same.push(entry);
    else byKey.set(key, [entry]);
    const alternatives = ALTERNATIVES_BY_LAST_WORD.get(words[words.length - 1]);
    if (!alternatives) continue;
    for (const alternative of alternatives) {
      if (!endsWith(words, alternative.words)) continue;
      const restLength = words.length - alternative.words.length;
      const prefixes = PREFIXES_BY_LAST_WORD.get(alternative.profile)!;
      for (const prefix of (restLength > 0 ? prefixes.byWord.get(words[restLength - 1]) : undefined) ?? prefixes.empty) {
        if (!endsWith(words, prefix.words, restLength)) continue;
        const anchor = words.slice(0, restLength);
        candidates.push({
          entry,
          alternative,
          anchor,
          anchorKey: `${entry.document ?? 0}|${anchor.join(' ')}`,
          needsSignature: prefix.needsSignature,
          signature: prefix.signature,
          signatureValues: prefix.signatureValues,
          prefixLength: prefix.words.length,
        });
      }
    }
  }

  // A profile that needs a signature key qualifies at an anchor only if one is present there.
  // A signature of several keys joined by ' & ' needs all of them (`starttls & authentication`); `.` is the anchor itself.
  // A key of the prefix's signatureValues counts only with a matching value.
  // Asked once per candidate, and many candidates share an anchor: remembered per anchor and signature list (a prefix's
  // signatureValues belong to its own signature list).
  const signatureSeen = new Map<string, Map<readonly string[], boolean>>();
  const hasSignature = (
    profile: FrameworkProfile,
    anchorKey: string,
    signatures: readonly string[] = profile.signature ?? [],
    values?: Prefix['signatureValues'],
  ): boolean => {
    let atAnchor = signatureSeen.get(anchorKey);
    if (!atAnchor) signatureSeen.set(anchorKey, (atAnchor = new Map()));
    let found = atAnchor.get(signatures);
    if (found === undefined) {
      const base = `${anchorKey}${anchorKey.endsWith('|') ? '' : ' '}`;
      const present = (key: string): boolean => {
        const written = byKey.get(key === '.' ? anchorKey : `${base}${key}`);
        const value = values?.[key];
        return !!written && (!value || written.some((entry) => entry.value !== null && value.test(entry.value.trim())));
      };
      found = signatureKeys(signatures).some((keys) => keys.every(present));
      atAnchor.set(signatures, found);
    }
    return found;
  };
  // The image of the Compose service or Kubernetes container whose environment holds the entry (`image: bitnami/discourse`).
  const imageCache = new Map<string, string | undefined>();
  const imageOf = (candidate: Candidate): string | undefined => {
    const scope = candidate.anchor.slice(0, candidate.anchor.length - candidate.prefixLength);
    const last = scope[scope.length - 1];
    if (last !== 'environment' && last !== 'env') return undefined;
    const key = `${candidate.entry.document ?? 0}|${[...scope.slice(0, -1), 'image'].join(' ')}`;
    if (!imageCache.has(key)) imageCache.set(key, byKey.get(key)?.find((entry) => entry.value !== null)?.value ?? undefined);
    return imageCache.get(key);
  };
  const imageMatches = (candidate: Candidate): boolean => {
    const images = candidate.alternative.profile.images;
    const image = images && imageOf(candidate);
    return !!image && images.test(image);
  };
  const eligible = candidates.filter(
    (candidate) => !candidate.needsSignature || hasSignature(candidate.alternative.profile, candidate.anchorKey, candidate.signature, candidate.signatureValues) || imageMatches(candidate),
  );

  // Each entry belongs to the anchor of its most specific (longest) key.
  const bestAnchor = new Map<ConfigEntry, string>();
  const bestLength = new Map<ConfigEntry, number>();
  for (const candidate of eligible) {
    const length = candidate.alternative.words.length;
    if (length > (bestLength.get(candidate.entry) ?? 0)) {
      bestLength.set(candidate.entry, length);
      bestAnchor.set(candidate.entry, candidate.anchorKey);
    }
  }

  // At each anchor the most specific profile wins: the longest prefix (`gitlab rails smtp` over `smtp`),
  // then signature keys present, then the most matching keys, then the table's order.
  const byAnchor = new Map<string, Candidate[]>();
  for (const candidate of eligible) {
    if (bestAnchor.get(candidate.entry) !== candidate.anchorKey) continue;
    if (!byAnchor.has(candidate.anchorKey)) byAnchor.set(candidate.anchorKey, []);
    byAnchor.get(candidate.anchorKey)!.push(candidate);
  }

  const groups: RawGroup[] = [];
  const claimed = new Set<ConfigEntry>();
  const order = new Map<ConfigEntry, number>(entries.map((entry, i) => [entry, i]));
  yield;
  for (const [anchorKey, anchorCandidates] of byAnchor) {
    // Per profile: its longest prefix here and the entries it matches, however many of its prefixes match each.
    const seen = new Map<FrameworkProfile, { prefixLength: number; entries: Set<ConfigEntry>; index: number; image: boolean }>();
    for (const candidate of anchorCandidates) {
      const profile = candidate.alternative.profile;
      const own = seen.get(profile) ?? { prefixLength: 0, entries: new Set<ConfigEntry>(), index: candidate.alternative.profileIndex, image: false };
      own.image ||= imageMatches(candidate);
      own.prefixLength = Math.max(own.prefixLength, candidate.prefixLength);
      own.entries.add(candidate.entry);
      seen.set(profile, own);
    }
    const scores = new Map<FrameworkProfile, { score: number; index: number }>();
    for (const [profile, own] of seen) {
      const signature = hasSignature(profile, anchorKey) ? 1000 : 0;
      // The service's image names the app: that beats any prefix or signature.
      const image = own.image ? 1_000_000 : 0;
      scores.set(profile, { score: image + own.prefixLength * 10000 + signature + own.entries.size, index: own.index });
    }
    const [profile] = [...scores.entries()].sort((a, b) => b[1].score - a[1].score || a[1].index - b[1].index)[0];
    const matches: MatchedEntry[] = [];
    for (const candidate of anchorCandidates) {
      // The first key of the chosen profile that matched an entry is the one it keeps.
      if (candidate.alternative.profile !== profile || claimed.has(candidate.entry)) continue;
      claimed.add(candidate.entry);
      matches.push({ entry: candidate.entry, spec: candidate.alternative.spec });
    }
    const chosen = anchorCandidates.find((candidate) => candidate.alternative.profile === profile)!;
    const transport = [...transportSwitches(profile, chosen, byKey), ...parentSwitches(chosen, byKey, order)];
    groups.push({ profile, anchor: chosen.anchor, document: chosen.entry.document, matches, ...(transport.length ? { transport } : {}) });
    yield;
  }

  // URL-valued settings under keys no profile knows.
  for (const [index, entry] of entries.entries()) {
    if (index % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) yield;
    if (claimed.has(entry) || entry.value === null || !looksLikeSmtpUrl(entry.value)) continue;
    groups.push({ profile: URL_ONLY_PROFILE, anchor: wordsOf.get(entry)!, document: entry.document, matches: [{ entry, spec: URL_ONLY_SPEC }] });
  }
  return groups;
}

/** The profile's transport switches written beside its prefix (`EMAIL_TRANSPORT` beside `EMAIL_SMTP_*`), as 'enabled' matches. */
function transportSwitches(profile: FrameworkProfile, chosen: Candidate, byKey: ReadonlyMap<string, ConfigEntry[]>): MatchedEntry[] {
  const matches: MatchedEntry[] = [];
  if (!profile.transportSwitches) return matches;
  const scope = chosen.anchor.slice(0, chosen.anchor.length - chosen.prefixLength);
  for (const transport of profile.transportSwitches) {
    const target = [...scope, ...transport.key.split(' ')].join(' ');
    for (const entry of byKey.get(`${chosen.entry.document ?? 0}|${target}`) ?? []) {
      if (entry.document !== chosen.entry.document) continue;
      matches.push({ entry, spec: { key: transport.key, role: 'enabled', activeValues: transport.activeValues } });
    }
  }
  return matches;
}

export const MAIL_SCOPE_WORDS: ReadonlySet<string> = new Set(['mail', 'email', 'smtp', 'mailer']);

/**
 * A mail section's own on/off switch above the group (`mail: {enabled: false, smtp: {host…}}` in the Nextcloud chart):
 * the block below it is not used, whatever it says.
 */
function parentSwitches(chosen: Candidate, byKey: ReadonlyMap<string, ConfigEntry[]>, order: ReadonlyMap<ConfigEntry, number>): MatchedEntry[] {
  const targets = new Set<string>();
  for (let length = 1; length < chosen.anchor.length; length++) {
    if (!MAIL_SCOPE_WORDS.has(chosen.anchor[length - 1])) continue;
    const scope = chosen.anchor.slice(0, length).join(' ');
    targets.add(`${scope} enabled`).add(`${scope} enable`);
  }
  const found = [...targets].flatMap((target) => byKey.get(`${chosen.entry.document ?? 0}|${target}`) ?? []);
  return found
    .filter((entry) => entry.document === chosen.entry.document)
    .sort((a, b) => order.get(a)! - order.get(b)!)
    .map((entry) => ({ entry, spec: { key: 'enabled', role: 'enabled' } }));
}
