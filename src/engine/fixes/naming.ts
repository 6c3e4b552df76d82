// Spelling a key that is added to a group the way its sibling keys are spelled:
// MAIL_SCHEME beside MAIL_HOST, smtp_port beside smtp_address, EnableSsl beside
// Host and Port, requireTLS beside host and port.

import { keyWords, type MatchedEntry } from '../groups';
import type { SmtpGroup } from '../model';
import type { ConfigEntry } from '../types';

export type KeyStyle = 'upper-snake' | 'snake' | 'kebab' | 'camel' | 'pascal' | 'dotted' | 'lower';

/** A group entry whose whole key (after the prefix) sits in the last segment of its path. */
export interface Sibling {
  entry: ConfigEntry;
  /** The last path segment as written: `EMAIL_HOST`, `smtp_address`, `host`. */
  local: string;
  /** What comes before the key's own words: `EMAIL_`, `smtp_`, ''. */
  prefix: string;
  /** The key's own words as written: `HOST`, `address`, `UserName`. */
  suffix: string;
  words: string[];
}

export function siblingOf(match: MatchedEntry): Sibling | undefined {
  const entry = match.entry;
  const local = entry.path[entry.path.length - 1];
  if (local === undefined) return undefined;
  const localWords = keyWords(local).join(' ');
  for (const alternative of match.spec.key.split('|')) {
    const words = alternative.trim().split(' ');
    const wanted = words.join(' ');
    if (localWords !== wanted && !localWords.endsWith(` ${wanted}`)) continue;
    for (let i = 0; i < local.length; i++) {
      if (!/[A-Za-z0-9]/.test(local[i])) continue;
      const suffix = local.slice(i);
      if (keyWords(suffix).join(' ') !== wanted) continue;
      const prefix = local.slice(0, i);
      if ([...keyWords(prefix), ...words].join(' ') !== localWords) continue;
      return { entry, local, prefix, suffix, words };
    }
  }
  return undefined;
}

export function siblingsOf(group: SmtpGroup): Sibling[] {
  return group.matches.map(siblingOf).filter((sibling): sibling is Sibling => sibling !== undefined);
}

function styleOfSuffix(sibling: Sibling): KeyStyle | undefined {
  const { suffix, prefix, words } = sibling;
  if (words.length >= 2) {
    if (/^[A-Z0-9]+(_+[A-Z0-9]+)+$/.test(suffix)) return 'upper-snake';
    if (/^[a-z0-9]+(_+[a-z0-9]+)+$/.test(suffix)) return 'snake';
    if (/^[a-z0-9]+(-[a-z0-9]+)+$/.test(suffix)) return 'kebab';
    if (/^[a-z0-9]+(\.[a-z0-9]+)+$/.test(suffix)) return 'dotted';
    // Acronyms included: smtpHost, requireTLS, SMTPServer, EnableSsl.
    if (/^[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*$/.test(suffix)) return 'camel';
    if (/^[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*$/.test(suffix)) return 'pascal';
    return undefined;
  }
  if (/^[A-Z0-9]*[A-Z][A-Z0-9]*$/.test(suffix)) return 'upper-snake';
  if (/^[A-Z][a-z0-9]+$/.test(suffix)) return 'pascal';
  if (prefix.endsWith('_')) return 'snake';
  if (prefix.endsWith('-')) return 'kebab';
  if (prefix.endsWith('.')) return 'dotted';
  return 'lower';
}

/** The style of the group's keys: from a multi-word key when there is one, else from any. */
export function groupKeyStyle(siblings: readonly Sibling[]): { style: KeyStyle; prefix: string } | undefined {
  const multi = siblings.filter((sibling) => sibling.words.length >= 2);
  for (const sibling of [...multi, ...siblings]) {
    const style = styleOfSuffix(sibling);
    if (style) return { style, prefix: sibling.prefix };
  }
  return undefined;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * The last path segment (or, for dotted keys, the rest of the key) to write for a key
 * of the group, from the profile's words and its native spelling.
 */
export function spellKey(words: readonly string[], spelling: string | undefined, style: KeyStyle, prefix: string): string {
  // `smtpHost` + `port` → `smtpPort`: after a prefix ending in a letter, camel case goes on.
  const joined = (part: string): string => (/[A-Za-z0-9]$/.test(prefix) ? prefix + capitalize(part) : prefix + part);
  switch (style) {
    case 'upper-snake':
      return prefix + words.join('_').toUpperCase();
    case 'snake':
      return prefix + words.join('_');
    case 'kebab':
      return prefix + words.join('-');
    case 'dotted':
      return prefix + (spelling ?? words.join('.'));
    case 'camel':
      return joined(spelling ?? words[0] + words.slice(1).map(capitalize).join(''));
    case 'pascal':
      return prefix + (spelling ? spelling.split('.').map(capitalize).join('.') : words.map(capitalize).join(''));
    case 'lower':
      return joined(spelling ?? (words.length === 1 ? words[0] : words[0] + words.slice(1).map(capitalize).join('')));
  }
}
