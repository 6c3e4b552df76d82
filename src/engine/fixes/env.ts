// What the edit functions need to know about the file being edited.

import { detectAssignmentLanguage, type AssignmentLanguage } from '../formats';
import type { ConfigEntry, FormatId, ParseResult } from '../types';

export class EditEnv {
  readonly format: FormatId;
  readonly eol: string;
  private languageCache?: AssignmentLanguage;
  /** Per-format parse trees, built on first use. */
  readonly cache = new Map<string, unknown>();

  constructor(
    readonly text: string,
    readonly parse: ParseResult,
  ) {
    this.format = parse.format;
    this.eol = parse.eol;
  }

  get language(): AssignmentLanguage {
    this.languageCache ??= detectAssignmentLanguage(this.text);
    return this.languageCache;
  }

  slice(start: number, end: number): string {
    return this.text.slice(start, end);
  }

  /** Length of the opening quote of a quoted value (3 for INI's `"""`), 0 when unquoted. */
  quoteLength(entry: ConfigEntry): number {
    return entry.quote ? (entry.quoteWidth ?? 1) : 0;
  }

  /** The value's text as written, inside its quotes. */
  rawContent(entry: ConfigEntry): string {
    const q = this.quoteLength(entry);
    return this.text.slice(entry.valueRange.start + q, entry.valueRange.end - q);
  }

  /**
   * Whether editing this entry's text would also change a differently named setting: a YAML
   * anchor (`&port 465`) that other keys alias. Merged maps (`<<: *mail-env`) share their
   * keys too, and editing them is what the file means.
   */
  sharedWithOtherKeys(entry: ConfigEntry): boolean {
    const name = entry.path[entry.path.length - 1]?.toLowerCase();
    return this.parse.entries.some(
      (other) =>
        other !== entry &&
        other.valueRange.start === entry.valueRange.start &&
        other.valueRange.end === entry.valueRange.end &&
        other.path[other.path.length - 1]?.toLowerCase() !== name,
    );
  }

  /** Offset where the value's text starts, inside its quotes. */
  contentStart(entry: ConfigEntry): number {
    return entry.valueRange.start + this.quoteLength(entry);
  }
}
