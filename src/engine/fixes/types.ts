// Types shared by the fix machinery and the rules' fix builders. Type-only for
// the rules: they receive a FixContext and never import the machinery itself.

import type { SmtpGroup, Source } from '../model';
import type { TlsTarget } from '../profiles';
import type { ConfigEntry, Range } from '../types';

/** Replace `range` (offsets into the original text) with `newText`; an empty range inserts. */
export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  /** The fix to apply without asking (fix-all, `check --fix`). At most one per finding. */
  preferred: boolean;
  edits: TextEdit[];
}

/** What a rule proposes; `edits` is undefined when the fix cannot be written in this file. */
export interface FixCandidate {
  title: string;
  preferred: boolean;
  edits: TextEdit[] | undefined;
}

export type { TlsTarget };

/** A value to write, by meaning; the writer spells it the way the file and format do. */
export type Literal = { kind: 'boolean'; value: boolean } | { kind: 'number'; value: number } | { kind: 'string'; value: string };

/** The edit machinery a rule's fix builder works with. Every method returns undefined when it cannot edit safely. */
export interface FixContext {
  readonly text: string;
  /**
   * Edits that make the group use STARTTLS or implicit TLS in its framework's own keys
   * (and move it to `port` when given), adding keys only where the framework's defaults
   * do not already give that mode.
   */
  switchTls(group: SmtpGroup, target: TlsTarget, port?: number): TextEdit[] | undefined;
  /** Edits that write the port: in its key, its URL or its host field, or a new port key. */
  setPort(group: SmtpGroup, port: number): TextEdit[] | undefined;
  /** Sets the whole value of the entry behind a source, keeping its quotes and the file's spelling. */
  setValue(group: SmtpGroup, entry: ConfigEntry, value: Literal): TextEdit[] | undefined;
  /** Replaces a part of an entry's value (a host inside a host:port field) with text. */
  replaceInValue(entry: ConfigEntry, range: Range, text: string): TextEdit[] | undefined;
  /** Removes a setting: its whole entry (line, property, list item) or its option inside a URL. */
  removeSource(group: SmtpGroup, source: Source): TextEdit[] | undefined;
  /**
   * Sets a key of the group's profile (`words`, one of its KeySpec alternatives) to `value`: every entry of it that the
   * file has, else a new key after the group's last entry, spelled like its siblings (`spelling` where they show no style).
   */
  setKey(group: SmtpGroup, words: string, spelling: string | undefined, value: Literal): TextEdit[] | undefined;
  /** Whether the file is source code: a key is then added only where the reader says the library reads it (ConfigEntry.site). */
  readonly inCode: boolean;
  /** Whether the framework can use implicit TLS at all. */
  canUseImplicitTls(group: SmtpGroup): boolean;
}
