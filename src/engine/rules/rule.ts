// What every rule module exports: its metadata next to its check.

import type { Environment } from '../facts/environments';
import type { FixCandidate, FixContext } from '../fixes/types';
import type { SmtpGroup, Source } from '../model';
import type { Range, Severity } from '../types';

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
}

export interface RuleFinding {
  range: Range;
  message: string;
  related?: RelatedInformation[];
}

export interface Rule {
  id: string;
  severity: Severity;
  /** One line, for tables and settings. */
  title: string;
  /** Why it matters and what to do, in a few sentences (Markdown). */
  description: string;
  /**
   * Rules whose findings on the same group this rule's finding replaces, because it names
   * the cause (provider-port-unsupported over plaintext-on-implicit-tls-port). Applied by
   * analyze among enabled rules only: with this rule off, the superseded findings come back.
   */
  supersedes?: readonly string[];
  check(group: SmtpGroup, context: RuleContext): RuleFinding[];
  /**
   * Quick fixes for one of this rule's findings on the group, built with the fix context's
   * edit machinery. Each is verified before it is offered (src/engine/fixes): a candidate
   * that leaves the finding, adds another or breaks the file is dropped. At most one is preferred.
   */
  fix?(group: SmtpGroup, finding: RuleFinding, context: FixContext): FixCandidate[];
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
