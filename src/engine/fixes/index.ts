// Quick fixes as text edits. Each rule builds its own fixes (Rule.fix, in the
// rule's module) with the edit machinery of this folder; every candidate is then
// verified: applied and re-analysed, it must remove its finding, add none, and
// parse no worse. Candidates that fail are dropped.

import { environmentOf, isExampleFile } from '../facts/environments';
import { analyzeText, environmentsByDocument, type Analysis, type AnalyzeOptions, type Finding } from '../analyze';
import { ruleById } from '../rules';
import type { RuleContext } from '../rules/rule';
import { applyEdits, editsAreSound, FixContextImpl } from './context';
import type { Fix, FixCandidate, TextEdit } from './types';

export type { Fix, FixCandidate, FixContext, Literal, TextEdit, TlsTarget } from './types';
export { applyEdits } from './context';

function findingKey(finding: Pick<Finding, 'ruleId' | 'message'>): string {
  return `${finding.ruleId}\u0000${finding.message}`;
}

function sameFinding(a: Pick<Finding, 'ruleId' | 'message' | 'range'>, b: Pick<Finding, 'ruleId' | 'message' | 'range'>): boolean {
  return a.ruleId === b.ruleId && a.message === b.message && a.range.start === b.range.start && a.range.end === b.range.end;
}

/** Where an offset of the original text is after the edits (inside an edited range: that edit's start, or its end for `end`). */
function mapOffset(offset: number, edits: readonly TextEdit[], side: 'start' | 'end'): number {
  let shift = 0;
  for (const edit of edits) {
    const { start, end } = edit.range;
    const before = end < offset || (end === offset && (start < end || side === 'start'));
    if (before) {
      shift += edit.newText.length - (end - start);
    } else if (start < offset && offset <= end) {
      return start + shift + (side === 'end' ? edit.newText.length : 0);
    }
  }
  return offset + shift;
}

/**
 * Whether applying `edits` removes `finding`, adds no finding, and leaves no more parse
 * errors than before. A finding after the edits is an old one when an old finding (other
 * than the fixed one) has the same rule and message, or the same rule at the same place
 * (a message may name a value the fix changed: the host in tls-verify-disabled's).
 */
function verify(
  filePath: string,
  text: string,
  before: Analysis,
  finding: Finding,
  edits: readonly TextEdit[],
  options: AnalyzeOptions,
  analyses?: Map<string, Analysis>,
): boolean {
  if (edits.length === 0 || !editsAreSound(text, edits)) return false;
  const fixed = applyEdits(text, edits);
  if (fixed === text) return false;
  const after = analyzeText(filePath, fixed, options);
  analyses?.set(fixed, after);
  if (after.parseErrors.length > before.parseErrors.length) return false;
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const moved = (item: Finding) => ({ start: mapOffset(item.range.start, sorted, 'start'), end: mapOffset(item.range.end, sorted, 'end') });
  const fixedAt = moved(finding);
  let skippedFixed = false;
  const old = before.findings.filter((item) => {
    if (!skippedFixed && sameFinding(item, finding)) {
      skippedFixed = true;
      return false;
    }
    return true;
  });
  const unmatched = [...after.findings];
  // The fixed finding must be gone: not at its place, and no more often than other old findings explain.
  if (unmatched.some((item) => item.ruleId === finding.ruleId && item.range.start === fixedAt.start && item.range.end === fixedAt.end)) return false;
  for (const pass of ['message', 'place'] as const) {
    for (let i = unmatched.length - 1; i >= 0; i--) {
      const item = unmatched[i];
      const index = old.findIndex((candidate) => {
        if (candidate.ruleId !== item.ruleId) return false;
        if (pass === 'message') return findingKey(candidate) === findingKey(item);
        const at = moved(candidate);
        return at.start === item.range.start && at.end === item.range.end;
      });
      if (index < 0) continue;
      old.splice(index, 1);
      unmatched.splice(i, 1);
    }
  }
  return unmatched.length === 0;
}

function ruleContextOf(filePath: string, options: AnalyzeOptions): RuleContext {
  return {
    filePath,
    environment: environmentOf(filePath),
    isExample: isExampleFile(filePath),
    context: options.context ?? 'application',
  };
}

/** Fix-all's shortcuts: only preferred candidates are verified, and their analyses are kept for the next round. */
interface FixAllMode {
  analyses: Map<string, Analysis>;
}

function fixesWith(filePath: string, text: string, finding: Finding, options: AnalyzeOptions, analysis: Analysis, fixAllMode?: FixAllMode): Fix[] {
  const rule = ruleById(finding.ruleId);
  if (!rule?.fix || !analysis.parse || !analysis.findings.some((item) => sameFinding(item, finding))) return [];
  const ruleContext = ruleContextOf(filePath, options);
  const context = new FixContextImpl(filePath, text, analysis.parse, options);
  const documentEnvironments = environmentsByDocument(analysis.parse.entries);
  for (const group of analysis.groups) {
    if (!group.active) continue;
    const environment = documentEnvironments.get(group.document ?? 0);
    const produced = rule.check(group, environment ? { ...ruleContext, environment } : ruleContext).find((item) => sameFinding({ ...item, ruleId: rule.id }, finding));
    if (!produced) continue;
    const fixes: Fix[] = [];
    const seen = new Set<string>();
    let candidates: FixCandidate[];
    try {
      candidates = rule.fix(group, produced, context);
    } catch {
      continue; // a fix builder's bug must never break analysis: no fix
    }
    for (const candidate of candidates) {
      if (!candidate.edits || (fixAllMode && !candidate.preferred)) continue;
      const key = JSON.stringify(candidate.edits);
      if (seen.has(key) || !verify(filePath, text, analysis, finding, candidate.edits, options, fixAllMode?.analyses)) continue;
      seen.add(key);
      fixes.push({ title: candidate.title, preferred: candidate.preferred && !fixes.some((fix) => fix.preferred), edits: candidate.edits });
    }
    if (fixes.length > 0) return fixes;
  }
  return [];
}

/** Fixes for one finding, each verified: applying it and re-analysing removes that finding and adds none. */
export function fixesFor(filePath: string, text: string, finding: Finding, options: AnalyzeOptions = {}): Fix[] {
  return fixesWith(filePath, text, finding, options, analyzeText(filePath, text, options));
}

/** Applies preferred fixes one at a time (re-analysing in between) until none is left; for fix-all and `check --fix`. */
export function fixAll(filePath: string, text: string, options: AnalyzeOptions = {}): { text: string; applied: { ruleId: string; title: string }[] } {
  let current = text;
  const applied: { ruleId: string; title: string }[] = [];
  // Findings that had no preferred fix, by rule, message and text: not tried again in later rounds.
  const unfixable = new Set<string>();
  const mode: FixAllMode = { analyses: new Map() };
  // Every applied fix removes a finding and adds none, so this ends; the bound is a guard.
  for (let round = 0; round < 1000; round++) {
    const analysis = mode.analyses.get(current) ?? analyzeText(filePath, current, options);
    mode.analyses.clear();
    let fixed = false;
    for (const finding of analysis.findings) {
      const key = `${findingKey(finding)}\u0000${current.slice(finding.range.start, finding.range.end)}`;
      if (unfixable.has(key)) continue;
      const preferred = fixesWith(filePath, current, finding, options, analysis, mode).find((fix) => fix.preferred);
      if (!preferred) {
        unfixable.add(key);
        continue;
      }
      current = applyEdits(current, preferred.edits);
      applied.push({ ruleId: finding.ruleId, title: preferred.title });
      fixed = true;
      break;
    }
    if (!fixed) break;
  }
  return { text: current, applied };
}
