// What every rule module exports: its metadata next to its check.

import type { Environment } from '../facts/environments';
import type { FixCandidate, FixContext } from '../fixes/types';
import type { SmtpGroup, Source } from '../model';
import type { FileLocation, Range, Severity } from '../types';

export type AnalysisContext = 'application' | 'mail-server';

export interface RuleContext {
  filePath: string;
  environment: Environment;
  /** Whether the file is an example or template (placeholders, not real secrets). */
  isExample: boolean;
  /** 'mail-server' for a relay's own configuration, where port 25 is normal. */
  context: AnalysisContext;
}

export interface RelatedInformation {
  range: Range;
  message: string;
  /** Set when the place is in another file (the `.env` that sets a variable): then `range` is in that file's text. */
  location?: FileLocation;
}

/** Values for a message template's `{{placeholders}}`. */
export type MessageData = Readonly<Record<string, string | number>>;

/**
 * What a check reports: a message id of the rule's `messages` and the values for its
 * template. The id, not the text, is the finding's identity (fix verification, tests,
 * SARIF), so wording can change without breaking them.
 */
export interface RuleFinding<MessageId extends string = string> {
  range: Range;
  messageId: MessageId;
  data?: MessageData;
  related?: RelatedInformation[];
}

/** A rule's page in docs/rules.md, after ruff's: what it does, why it is bad, an example and what to use instead. */
export interface RuleDocs {
  /** One sentence, "Checks for …". (Why it is bad is the rule's description.) */
  whatItDoes: string;
  /** A config that gets this rule's finding, and the same config written right (no finding at all); both tested. */
  example: { file: string; bad: string; good: string };
}

export interface Rule<MessageId extends string = string> {
  id: string;
  severity: Severity;
  /** One line, for tables and settings. */
  title: string;
  /** Why it matters and what to do, in a few sentences (Markdown). */
  description: string;
  docs: RuleDocs;
  /**
   * Rules whose findings on the same group this rule's finding replaces, because it names
   * the cause (provider-port-unsupported over plaintext-on-implicit-tls-port). Applied by
   * analyze among enabled rules only: with this rule off, the superseded findings come back.
   */
  supersedes?: readonly string[];
  /**
   * Message templates by id; `{{name}}` is replaced with the finding's `data.name`. Each is one
   * sentence of at most 160 characters, the action first ("Use port 587 with STARTTLS: …"), so the
   * Problems panel shows it whole (test/unit/engine/messages.test.ts).
   */
  messages: Readonly<Record<MessageId, string>>;
  /** Why, by message id, with the same placeholders: what the framework will do, the error it gives (hover, --format json). */
  details: Readonly<Record<MessageId, string>>;
  check(group: SmtpGroup, context: RuleContext): RuleFinding<NoInfer<MessageId>>[];
  /**
   * Quick fixes for one of this rule's findings on the group, built with the fix context's
   * edit machinery. Each is verified before it is offered (src/engine/fixes): a candidate
   * that leaves the finding, adds another or breaks the file is dropped. At most one is preferred.
   */
  fix?(group: SmtpGroup, finding: RuleFinding<MessageId>, context: FixContext): FixCandidate[];
}

/** A rule, with its message ids checked against its `messages`. */
export function defineRule<MessageId extends string>(rule: Rule<MessageId>): Rule<MessageId> {
  return rule;
}

/** A message template with its placeholders filled in; an unknown placeholder stays as written, for tests to catch. */
export function renderMessage(template: string, data: MessageData = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (placeholder, name: string) => (name in data ? String(data[name]) : placeholder));
}

/** A phrase as the start of a sentence ("set MAIL_SCHEME=smtp" → "Set MAIL_SCHEME=smtp"). */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Where to put a finding about a source: its own range, or the group's first written setting. */
export function rangeOf(source: Source | undefined, group: SmtpGroup): Range {
  if (source?.range) return source.range;
  const anchor = group.host?.range ? group.host : group.matches[0] ? { range: group.matches[0].entry.keyRange } : undefined;
  return anchor?.range ?? { start: 0, end: 0 };
}

/** Related information pointing at another source, when it is written in the file. */
export function relatedTo(source: Source | undefined, message: string): RelatedInformation[] {
  return source?.range && !source.isDefault ? [{ range: source.range, message }] : [];
}
