// Quick fixes as text edits. Each rule builds its own fixes (Rule.fix, in the
// rule's module) with the edit machinery of this folder; every candidate is then
// verified: applied and re-analysed, it must remove its finding, add none, and
// parse no worse. Candidates that fail are dropped.

import { environmentOf, isExampleFile } from '../facts/environments';
import { analysisSteps, checkGroup, describeInternalError, environmentsByDocument, groupEnvironment, internalError, type Analysis, type AnalyzeOptions, type ElsewhereFinding, type Finding, type InternalError } from '../analyze';
import { ruleById } from '../rules';
import { finish, type Steps } from '../steps';
import type { SmtpGroup } from '../model';
import type { TlsTarget } from '../profiles';
import type { RuleContext } from '../rules/rule';
import { applyEdits, editsAreSound, FixContextImpl } from './context';
import type { ConfigEntry, Range } from '../types';
import type { Fix, FixCandidate, FixContext, Literal, TextEdit } from './types';

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
  analyze: (fixed: string) => Steps<Analysis>,
  text: string,
  before: Analysis,
  finding: Finding,
  edits: readonly TextEdit[],
  analyses?: Map<string, Analysis>,
): Steps<boolean> {
  if (edits.length === 0 || !editsAreSound(text, edits)) return false;
  const fixed = applyEdits(text, edits);
  if (fixed === text) return false;
  const after = yield* analyze(fixed);
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
): Steps<Fix[]> {
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
      if (seen.has(key) || !(yield* verify((fixed) => analysisSteps(filePath, fixed, options), text, analysis, finding, candidate.edits, fixAllMode?.analyses))) continue;
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
export function* fixStepsFor(filePath: string, text: string, finding: Finding, options: AnalyzeOptions = {}, onInternalError: InternalErrorHandler = logToConsole): Steps<Fix[]> {
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
export function* fixAllSteps(filePath: string, text: string, options: AnalyzeOptions = {}, onInternalError: InternalErrorHandler = logToConsole): Steps<FixAllResult> {
  const mode: FixAllMode = { analyses: new Map() };
  return yield* applyPreferredFixes(
    text,
    function* (current) {
      const analysis = mode.analyses.get(current) ?? (yield* analysisSteps(filePath, current, options));
      mode.analyses.clear();
      return analysis;
    },
    function* (current, finding, analysis) {
      return (yield* fixesWith(filePath, current, finding, options, analysis, onInternalError, mode)).find((fix) => fix.preferred);
    },
  );
}

/**
 * The fix-all loop: analyse, apply the first finding's preferred fix, again, until no finding has one. Findings that had
 * none (by rule, message id, values and text) are not tried again. Every applied fix removes a finding and adds none
 * (verify), so this ends; the bound is a guard. `text` and `applied` on top of `start`'s, for fix-all in a project.
 */
export function* applyPreferredFixes(
  text: string,
  analyze: (current: string) => Steps<Analysis>,
  preferredFix: (current: string, finding: Finding, analysis: Analysis) => Steps<Fix | undefined>,
  start: FixAllResult['applied'] = [],
): Steps<FixAllResult> {
  let current = text;
  const applied = [...start];
  const unfixable = new Set<string>();
  for (let round = 0; round < 1000; round++) {
    const analysis = yield* analyze(current);
    let fixed = false;
    for (const finding of analysis.findings) {
      const key = JSON.stringify([finding.ruleId, finding.messageId, finding.data, current.slice(finding.range.start, finding.range.end)]);
      if (unfixable.has(key)) continue;
      const preferred = yield* preferredFix(current, finding, analysis);
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
): Steps<Fix | undefined> {
  const before = yield* analysisSteps(filePath, text, options);
  const group = before.groups[groupIndex];
  if (!group?.active || !before.parse || usesTls(group, target)) return undefined;
  const switches = function* (edits: readonly TextEdit[]): Steps<boolean> {
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

/** A file whose analysis puts a finding in another file (project.ts: config/mail.php, a compose file), as analysed. */
export interface ForwardingReader {
  path: string;
  text: string;
  options: AnalyzeOptions;
  analysis: Analysis;
}

/** The file a forwarded finding is in, as analysed alone (`own`: its parse and groups) and in its project (`before`: with the finding). */
export interface ForwardingTarget {
  path: string;
  text: string;
  options: AnalyzeOptions;
  own: Analysis;
  before: Analysis;
  finding: Finding;
}

/**
 * The edit machinery for a reader's group whose values a target file sets: the rule's builder sees the reader's group (its
 * ports and TLS as they run), the edits go to the target, on the entry that sets a value (a `.env` line), or, for a key to
 * add or a TLS switch, on the target's own group of that framework (MAIL_SCHEME in a Laravel `.env`). Nothing else is written.
 */
class ForwardedContext implements FixContext {
  constructor(
    private readonly inner: FixContextImpl,
    private readonly own: SmtpGroup | undefined,
    private readonly entryOf: (entry: ConfigEntry) => ConfigEntry | undefined,
  ) {}

  get text(): string {
    return this.inner.text;
  }

  get inCode(): boolean {
    return this.inner.inCode;
  }

  switchTls(_group: SmtpGroup, target: TlsTarget, port?: number): TextEdit[] | undefined {
    return this.own && this.inner.switchTls(this.own, target, port);
  }

  setPort(group: SmtpGroup, port: number): TextEdit[] | undefined {
    const set = group.port && !group.port.isDefault && group.port.entry ? this.entryOf(group.port.entry) : undefined;
    if (set) return this.inner.setValue(this.own ?? group, set, { kind: 'number', value: port });
    return this.own && this.inner.setPort(this.own, port);
  }

  setValue(group: SmtpGroup, entry: ConfigEntry, value: Literal): TextEdit[] | undefined {
    const set = this.entryOf(entry);
    return set && this.inner.setValue(this.own ?? group, set, value);
  }

  replaceInValue(): TextEdit[] | undefined {
    return undefined;
  }

  removeSource(): TextEdit[] | undefined {
    return undefined;
  }

  setKey(_group: SmtpGroup, words: string, spelling: string | undefined, value: Literal): TextEdit[] | undefined {
    return this.own && this.inner.setKey(this.own, words, spelling, value);
  }

  canUseImplicitTls(group: SmtpGroup): boolean {
    return this.inner.canUseImplicitTls(this.own ?? group);
  }
}

/**
 * Fixes for a finding that `reader`'s analysis moved into `target` (`moved`, one of its `elsewhere`): the rule's own fix
 * builder on the reader's group, its edits written in the target (ForwardedContext), each verified with `analyze`, the
 * target's analysis in its project after the edit (the reader re-judged with it): the finding gone, none added.
 */
export function* forwardedFixes(
  reader: ForwardingReader,
  moved: ElsewhereFinding,
  target: ForwardingTarget,
  analyze: (fixed: string) => Steps<Analysis>,
  onInternalError: InternalErrorHandler = logToConsole,
): Steps<Fix[]> {
  const rule = ruleById(moved.finding.ruleId);
  if (!rule?.fix || !target.own.parse) return [];
  const { range } = moved.location;
  const at = (place: Range | undefined) => !!place && place.start === range.start && place.end === range.end;
  // The target's entry behind a reader's entry: the `.env` line its lookup reads, or the env_file line it holds.
  const targetEntries = target.own.parse.entries;
  const entryOf = (entry: ConfigEntry): ConfigEntry | undefined => {
    const place = entry.environment?.setBy?.at ? { file: entry.environment.setBy.at.input, range: entry.environment.setBy.range } : entry.foreign;
    if (!place || place.file !== moved.location.file) return undefined;
    return targetEntries.find((candidate) => candidate.valueRange.start === place.range?.start && candidate.valueRange.end === place.range?.end);
  };
  const targetEntry = targetEntries.find((entry) => at(entry.valueRange));
  const own = target.own.groups.find((group) => group.active && group.matches.some((match) => match.entry === targetEntry));
  const context = new ForwardedContext(new FixContextImpl(target.path, target.text, target.own.parse, target.options), own, entryOf);
  const ruleContext = ruleContextOf(reader.path, reader.options);
  const documentEnvironments = environmentsByDocument([...(reader.analysis.parse?.entries ?? []), ...(reader.options.companions ?? [])], ruleContext.environment, reader.path);
  for (const group of reader.analysis.groups) {
    if (!group.active || !group.matches.some((match) => entryOf(match.entry) === targetEntry)) continue;
    const environment = groupEnvironment(group, documentEnvironments, ruleContext.environment, reader.path);
    const errors: InternalError[] = [];
    const produced = checkGroup(rule, group, environment ? { ...ruleContext, environment } : ruleContext, errors).find(
      (item) => item.messageId === moved.finding.messageId && JSON.stringify(item.data ?? {}) === JSON.stringify(moved.finding.data),
    );
    errors.forEach(onInternalError);
    if (!produced) continue;
    let candidates: FixCandidate[];
    try {
      candidates = rule.fix(group, produced, context);
    } catch (error) {
      onInternalError(internalError(rule.id, 'fix', error));
      continue;
    }
    const fixes: Fix[] = [];
    const seen = new Set<string>();
    for (const candidate of candidates) {
      if (!candidate.edits) continue;
      const key = JSON.stringify(candidate.edits);
      if (seen.has(key) || !(yield* verify(analyze, target.text, target.before, target.finding, candidate.edits))) continue;
      seen.add(key);
      fixes.push({ title: candidate.title, preferred: candidate.preferred && !fixes.some((fix) => fix.preferred), edits: candidate.edits });
    }
    if (fixes.length > 0) return fixes;
  }
  return [];
}
