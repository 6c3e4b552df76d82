// Quick fixes as text edits. Each rule builds its own fixes (Rule.fix, in the
// rule's module) with the edit machinery of this folder; every candidate is then
// verified: applied and re-analysed, it must remove its finding, add none, and
// parse no worse. Candidates that fail are dropped.

import { environmentOf, isExampleFile } from '../facts/environments';
import { analysisSteps, checkGroup, describeInternalError, environmentsByDocument, groupEnvironment, internalError, type Analysis, type AnalyzeOptions, type Finding, type InternalError } from '../analyze';
import { ruleById } from '../rules';
import { finish } from '../steps';
import type { SmtpGroup } from '../model';
import type { TlsTarget } from '../profiles';
import type { RuleContext } from '../rules/rule';
import { applyEdits, editsAreSound, FixContextImpl } from './context';
import type { Fix, FixCandidate, TextEdit } from './types';

export type { Fix, FixCandidate, FixContext, Literal, TextEdit, TlsTarget } from './types';
export { applyEdits } from './context';

type Identity = Pick<Finding, 'ruleId' | 'messageId'>;

/** Whether two findings say the same thing: rule and message id, whatever values the message names. */
function sameKind(a: Identity, b: Identity): boolean {
  return a.ruleId === b.ruleId && a.messageId === b.messageId;
}

function sameFinding(a: Identity & Pick<Finding, 'range'>, b: Identity & Pick<Finding, 'range'>): boolean {
  return sameKind(a, b) && a.range.start === b.range.start && a.range.end === b.range.end;
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
 * Whether applying `edits` removes `finding`, adds no finding (a hint aside, when the finding is more than one), and leaves no more parse
 * errors than before. A finding after the edits is an old one when an old finding (other
 * than the fixed one) has the same rule and message id: its values may name what the fix
 * changed (the host in tls-verify-disabled's message).
 */
function* verify(
  filePath: string,
  text: string,
  before: Analysis,
  finding: Finding,
  edits: readonly TextEdit[],
  options: AnalyzeOptions,
  analyses?: Map<string, Analysis>,
): Generator<void, boolean> {
  if (edits.length === 0 || !editsAreSound(text, edits)) return false;
  const fixed = applyEdits(text, edits);
  if (fixed === text) return false;
  const after = yield* analysisSteps(filePath, fixed, options);
  analyses?.set(fixed, after);
  // A rule that throws on the fixed text would hide its findings, not lose them.
  if (after.parseErrors.length > before.parseErrors.length || after.internalErrors.length > before.internalErrors.length) return false;
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const fixedAt = { start: mapOffset(finding.range.start, sorted, 'start'), end: mapOffset(finding.range.end, sorted, 'end') };
  // The fixed finding must be gone from its place (another of its kind elsewhere may stay)…
  if (after.findings.some((item) => sameFinding(item, { ...finding, range: fixedAt }))) return false;
  // …and each finding left must be an old one, counted once, the fixed one excepted.
  const old = [...before.findings];
  old.splice(old.findIndex((item) => sameFinding(item, finding)), 1);
  return after.findings.every((item) => {
    const index = old.findIndex((candidate) => sameKind(candidate, item));
    if (index >= 0) old.splice(index, 1);
    // A fix of a problem may leave advice behind: turning STARTTLS on can leave "make it required" (a hint).
    return index >= 0 || (item.severity === 'hint' && finding.severity !== 'hint');
  });
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

/**
 * Receives the bugs of rules met while building fixes (a fix builder or check that threw);
 * that rule offers no fix. Adapters pass their log; without one the error goes to the console.
 */
export type InternalErrorHandler = (error: InternalError) => void;

const logToConsole: InternalErrorHandler = (error) => console.error(`SMTP Doctor: ${describeInternalError(error)}`);

function* fixesWith(
  filePath: string,
  text: string,
  finding: Finding,
  options: AnalyzeOptions,
  analysis: Analysis,
  onInternalError: InternalErrorHandler,
  fixAllMode?: FixAllMode,
): Generator<void, Fix[]> {
  const rule = ruleById(finding.ruleId);
  if (!rule?.fix || !analysis.parse || !analysis.findings.some((item) => sameFinding(item, finding))) return [];
  const ruleContext = ruleContextOf(filePath, options);
  const context = new FixContextImpl(filePath, text, analysis.parse, options);
  const documentEnvironments = environmentsByDocument([...analysis.parse.entries, ...(options.companions ?? [])], ruleContext.environment, filePath);
  for (const group of analysis.groups) {
    if (!group.active) continue;
    const environment = groupEnvironment(group, documentEnvironments, ruleContext.environment, filePath);
    const errors: InternalError[] = [];
    const produced = checkGroup(rule, group, environment ? { ...ruleContext, environment } : ruleContext, errors).find((item) =>
      sameFinding({ ...item, ruleId: rule.id }, finding),
    );
    errors.forEach(onInternalError);
    if (!produced) continue;
    const fixes: Fix[] = [];
    const seen = new Set<string>();
    let candidates: FixCandidate[];
    try {
      candidates = rule.fix(group, produced, context);
    } catch (error) {
      // A fix builder's bug must never break analysis: no fix from it, and the adapter logs why.
      onInternalError(internalError(rule.id, 'fix', error));
      continue;
    }
    for (const candidate of candidates) {
      if (!candidate.edits || (fixAllMode && !candidate.preferred)) continue;
      // An edit anchored on an entry of another file (a Compose env_file's, placed past the end of the text) is not this file's.
      if (candidate.edits.some((edit) => edit.range.end > text.length)) continue;
      const key = JSON.stringify(candidate.edits);
      if (seen.has(key) || !(yield* verify(filePath, text, analysis, finding, candidate.edits, options, fixAllMode?.analyses))) continue;
      seen.add(key);
      fixes.push({ title: candidate.title, preferred: candidate.preferred && !fixes.some((fix) => fix.preferred), edits: candidate.edits });
    }
    if (fixes.length > 0) return fixes;
  }
  return [];
}

/** Fixes for one finding, each verified: applying it and re-analysing removes that finding and adds none. */
export function fixesFor(filePath: string, text: string, finding: Finding, options: AnalyzeOptions = {}, onInternalError: InternalErrorHandler = logToConsole): Fix[] {
  return finish(fixStepsFor(filePath, text, finding, options, onInternalError));
}

/** fixesFor in short steps (each analysis's: analyze.ts analysisSteps), the fixes the return value; for an adapter that must not block. */
export function* fixStepsFor(filePath: string, text: string, finding: Finding, options: AnalyzeOptions = {}, onInternalError: InternalErrorHandler = logToConsole): Generator<void, Fix[]> {
  return yield* fixesWith(filePath, text, finding, options, yield* analysisSteps(filePath, text, options), onInternalError);
}

export interface FixAllResult {
  text: string;
  applied: { ruleId: string; title: string }[];
}

/** Applies preferred fixes one at a time (re-analysing in between) until none is left; for fix-all and `check --fix`. */
export function fixAll(filePath: string, text: string, options: AnalyzeOptions = {}, onInternalError: InternalErrorHandler = logToConsole): FixAllResult {
  return finish(fixAllSteps(filePath, text, options, onInternalError));
}

/** fixAll in short steps (each analysis's), its result the return value; for fix-all on save in the editor. */
export function* fixAllSteps(filePath: string, text: string, options: AnalyzeOptions = {}, onInternalError: InternalErrorHandler = logToConsole): Generator<void, FixAllResult> {
  let current = text;
  const applied: { ruleId: string; title: string }[] = [];
  // Findings that had no preferred fix, by rule, message id, values and text: not tried again in later rounds.
  const unfixable = new Set<string>();
  const mode: FixAllMode = { analyses: new Map() };
  // Every applied fix removes a finding and adds none, so this ends; the bound is a guard.
  for (let round = 0; round < 1000; round++) {
    const analysis = mode.analyses.get(current) ?? (yield* analysisSteps(filePath, current, options));
    mode.analyses.clear();
    let fixed = false;
    for (const finding of analysis.findings) {
      const key = JSON.stringify([finding.ruleId, finding.messageId, finding.data, current.slice(finding.range.start, finding.range.end)]);
      if (unfixable.has(key)) continue;
      const preferred = (yield* fixesWith(filePath, current, finding, options, analysis, onInternalError, mode)).find((fix) => fix.preferred);
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

/** Whether a group already uses the TLS mode a switch to `target` gives. */
function usesTls(group: SmtpGroup, target: TlsTarget): boolean {
  return target === 'implicit' ? group.tls.mode === 'implicit' : group.tls.mode === 'starttls-required' || group.tls.mode === 'starttls-opportunistic';
}

/**
 * The fix for what a live test found about one group: its server speaks `target` (STARTTLS, or implicit TLS) and
 * the settings use another mode. It is the group's own quick fix when a finding of the group already says so
 * (implicit TLS on port 587: the editor's code action itself, verified as always); otherwise the framework's own
 * switch (its profile's tlsRecipe, as every TLS fix writes it), verified the same way: applied and re-analysed, the
 * group uses `target`, the file parses no worse, and no new kind of finding appears. Undefined when no such edit
 * can be written safely, or when the group already uses `target`.
 */
export function switchTlsFix(
  filePath: string,
  text: string,
  groupIndex: number,
  target: TlsTarget,
  options: AnalyzeOptions = {},
  onInternalError: InternalErrorHandler = logToConsole,
): Fix | undefined {
  return finish(switchTlsFixSteps(filePath, text, groupIndex, target, options, onInternalError));
}

/** switchTlsFix in short steps (each analysis's), the fix the return value; for the editor's probe report. */
export function* switchTlsFixSteps(
  filePath: string,
  text: string,
  groupIndex: number,
  target: TlsTarget,
  options: AnalyzeOptions = {},
  onInternalError: InternalErrorHandler = logToConsole,
): Generator<void, Fix | undefined> {
  const before = yield* analysisSteps(filePath, text, options);
  const group = before.groups[groupIndex];
  if (!group?.active || !before.parse || usesTls(group, target)) return undefined;
  const switches = function* (edits: readonly TextEdit[]): Generator<void, boolean> {
    if (edits.length === 0 || !editsAreSound(text, edits)) return false;
    const fixed = applyEdits(text, edits);
    if (fixed === text) return false;
    const after = yield* analysisSteps(filePath, fixed, options);
    const switched = after.groups[groupIndex];
    if (!switched || !usesTls(switched, target) || after.parseErrors.length > before.parseErrors.length) return false;
    const old = [...before.findings];
    return after.findings.every((item) => {
      const index = old.findIndex((candidate) => sameKind(candidate, item));
      if (index >= 0) old.splice(index, 1);
      return index >= 0;
    });
  };
  // 1. A finding of this group whose preferred fix switches to the target: the same fix as the editor's quick fix.
  const ruleContext = ruleContextOf(filePath, options);
  const environment = environmentsByDocument(before.parse.entries, ruleContext.environment).get(group.document ?? 0);
  for (const finding of before.findings) {
    const rule = ruleById(finding.ruleId);
    if (!rule?.fix) continue;
    const errors: InternalError[] = [];
    const ofGroup = checkGroup(rule, group, environment ? { ...ruleContext, environment } : ruleContext, errors).some((item) =>
      sameFinding({ ...item, ruleId: rule.id }, finding),
    );
    errors.forEach(onInternalError);
    if (!ofGroup) continue;
    const fix = (yield* fixesWith(filePath, text, finding, options, before, onInternalError)).find((item) => item.preferred);
    if (fix && (yield* switches(fix.edits))) return fix;
  }
  // 2. The framework's own switch, on the group's port.
  const edits = new FixContextImpl(filePath, text, before.parse, options).switchTls(group, target);
  if (!edits || !(yield* switches(edits))) return undefined;
  const port = group.port && !group.port.isDefault ? ` on port ${group.port.value}` : '';
  return { title: target === 'starttls' ? `Switch to STARTTLS${port}` : `Turn on implicit TLS${port}`, preferred: true, edits };
}
