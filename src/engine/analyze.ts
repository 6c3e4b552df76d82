// The engine's entry point: text in, SMTP groups and findings out.

import { documentEnvironment, environmentOf, markerEnvironment, isExampleFile, type Environment } from './facts/environments';
import { PROCESS_VERIFY_SWITCHES } from './facts/frameworks';
import { readCode, type CodeRead } from './code';
import { resolveEnvironment, type EnvironmentVariables } from './environment';
import { detectFormat, formatOfText, parseConfig } from './formats';
import { parseYamlParts, prepareYamlParts } from './formats/yaml-outline';
import { entryWordsText, findGroups } from './groups';
import { buildGroup, type SmtpGroup } from './model';
import { RULES, type AnalysisContext, type Rule, type RuleContext, type RuleFinding } from './rules';
import { renderMessage, type MessageData, type RelatedInformation } from './rules/rule';
import { applySuppressions, findDirectives, UNUSED_SUPPRESSION } from './suppressions';
import { LineIndex } from './text';
import { mattersIn, wordMask } from './vocabulary';
import type { ConfigEntry, FormatId, ParseError, ParseResult, Range, Severity } from './types';

export type RuleSetting = Severity | 'off';

export interface AnalyzeOptions {
  /** 'mail-server' for a relay's own configuration (port 25 is normal there). */
  context?: AnalysisContext;
  /** Per-rule severity, or 'off'. */
  rules?: Readonly<Record<string, RuleSetting>>;
  /** Parse as this format instead of guessing from the file name. */
  format?: FormatId;
  /**
   * The format when neither the name nor the content tells (a file the project config's or the editor's
   * `include` adds: `smtp.conf` with `KEY=value` lines that is not HOCON is read as `.env` with 'dotenv').
   */
  otherwise?: FormatId;
  /** Variables set by other files the file reads (the `.env` beside a compose file); see analyzeProject. */
  environment?: EnvironmentVariables;
  /**
   * How much of a YAML file to parse: `relevant` only the parts that can hold SMTP settings
   * (formats/yaml-outline.ts; the findings are the same, syntax errors elsewhere go unreported),
   * `full` all of it. Default: `relevant` for files of PARTIAL_READ_MIN_LENGTH characters or more.
   */
  read?: 'full' | 'relevant';
}

/** Smaller YAML files are parsed whole: it takes a few milliseconds, and reports every syntax error. */
export const PARTIAL_READ_MIN_LENGTH = 16 * 1024;

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** The finding's identity within its rule: a key of the rule's `messages`. */
  messageId: string;
  data: MessageData;
  /** The rule's message template for `messageId`, filled in with `data`. */
  message: string;
  /** The rule's explanation of the message (why, what the framework will do), filled in with `data`; the hover shows it. */
  detail: string;
  range: Range;
  related: RelatedInformation[];
}

/** A rule's check or fix builder that threw: a bug of that rule, for the adapters to log. */
export interface InternalError {
  ruleId: string;
  stage: 'check' | 'fix';
  message: string;
  stack?: string;
}

export interface Analysis {
  format?: FormatId;
  groups: SmtpGroup[];
  findings: Finding[];
  parseErrors: ParseError[];
  /** Rules that threw (each once per message); the other rules' findings are complete. */
  internalErrors: InternalError[];
  parse?: ParseResult;
  /** A code file whose parser is not loaded yet: nothing was read (await `prepareCodeFile` first). */
  parserMissing?: CodeRead['parserMissing'];
}

const MAIL_WORDS = /smtp|mail/i;

/** The `source` of every diagnostic, in VS Code and through the language server. */
export const DIAGNOSTIC_SOURCE = 'SMTP Doctor';

export const DOCS_BASE = 'https://github.com/smtpdoctor/smtp-doctor/blob/main/docs/rules.md';

/** Every id a finding can have: the rules', and the engine's own `unused-suppression`. */
export const FINDING_IDS: ReadonlySet<string> = new Set([...RULES.map((rule) => rule.id), UNUSED_SUPPRESSION.id]);

export function ruleDocsUrl(ruleId: string): string {
  return ruleId === UNUSED_SUPPRESSION.id ? UNUSED_SUPPRESSION.docsUrl : `${DOCS_BASE}#${ruleId}`;
}

/** Whether SMTP Doctor reads this file at all. */
export function isConfigFile(filePath: string): boolean {
  return detectFormat(filePath) !== undefined;
}

export function analyzeText(filePath: string, text: string, options: AnalyzeOptions = {}): Analysis {
  // A `.conf` or `.cfg` file whose content is none of the formats its name allows (nginx, Apache, Buildbot's
  // master.cfg…) is not read at all, unless `otherwise` says how: its errors would be noise.
  const format = options.format ?? formatOfText(filePath, text) ?? options.otherwise;
  if (!format) return { groups: [], findings: [], parseErrors: [], internalErrors: [] };
  // Every profile's keys and every SMTP URL contain "smtp" or "mail": a file with neither has no SMTP settings.
  if (!MAIL_WORDS.test(text)) return { format, groups: [], findings: [], parseErrors: [], internalErrors: [] };
  const code = format === 'code' ? readCode(filePath, text, options.environment) : undefined;
  const parse = code ? code.parse : readConfig(format, text, options);
  const groups = code
    ? code.groups.map(buildGroup).filter((group): group is SmtpGroup => group !== undefined)
    : findSmtpGroups(resolveEnvironment(parse.entries, text, format, filePath, options.environment));
  const context = {
    filePath,
    environment: environmentOf(filePath),
    isExample: isExampleFile(filePath),
    context: options.context ?? 'application',
  } as const;
  const documentEnvironments = environmentsByDocument(parse.entries, context.environment);
  const enabled = RULES.flatMap((rule) => {
    const severity = severityOf(rule, options);
    return severity === 'off' ? [] : [{ rule, severity }];
  });
  const findings: Finding[] = [];
  const internalErrors: InternalError[] = [];
  const seen = new Set<string>();
  for (const group of groups) {
    if (!group.active) continue;
    const environment = documentEnvironments.get(group.document ?? 0);
    const groupContext = environment ? { ...context, environment } : context;
    const found = enabled.map(({ rule, severity }) => ({ rule, severity, findings: checkGroup(rule, group, groupContext, internalErrors) }));
    // Judged on what each rule found before any is dropped, so the order of the rules does not matter.
    const superseded = new Set(found.flatMap(({ rule, findings: own }) => (own.length > 0 ? (rule.supersedes ?? []) : [])));
    for (const { rule, severity, findings: own } of found) {
      if (superseded.has(rule.id)) continue;
      for (const finding of own) {
        const key = `${rule.id}:${finding.range.start}:${finding.range.end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const data = finding.data ?? {};
        const related = finding.related ?? [];
        findings.push({
          ruleId: rule.id,
          severity,
          messageId: finding.messageId,
          data,
          message: renderMessage(rule.messages[finding.messageId], data),
          detail: renderMessage(rule.details[finding.messageId], data),
          range: finding.range,
          related: [...related, ...environmentSources(group, [finding.range, ...related.map((item) => item.range)])],
        });
      }
    }
  }
  const kept = suppress(format, text, parse, findings, options);
  kept.sort((a, b) => a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId));
  return { format, groups, findings: kept, parseErrors: parse.errors, internalErrors, parse, ...(code?.parserMissing ? { parserMissing: code.parserMissing } : {}) };
}

/** Related information in the file that sets a value the finding is about (the `.env` a code lookup or a compose file reads). */
function environmentSources(group: SmtpGroup, ranges: readonly Range[]): RelatedInformation[] {
  const related: RelatedInformation[] = [];
  for (const { entry } of group.matches) {
    const set = entry.environment?.setBy;
    if (!set?.at || !ranges.some((range) => range.start < entry.valueRange.end && entry.valueRange.start < range.end)) continue;
    if (related.some((item) => item.file?.path === set.at!.input && item.range.start === set.range.start)) continue;
    related.push({ range: set.range, message: `${set.name}=${set.value} is set here`, file: { path: set.at.input, start: set.at.start, end: set.at.end } });
  }
  return related;
}

function readConfig(format: FormatId, text: string, options: AnalyzeOptions): ParseResult {
  return format === 'yaml' && readOf(text, options) === 'relevant' ? parseYamlParts(text, wordMask, mattersIn) : parseConfig(format, text);
}

const readOf = (text: string, options: AnalyzeOptions): 'full' | 'relevant' => options.read ?? (text.length >= PARTIAL_READ_MIN_LENGTH ? 'relevant' : 'full');

/**
 * The work of a later `analyzeText(filePath, text, options)`, in short steps (a big YAML file: its lines,
 * then each part it reads; other files: none), remembered so that the call then takes little time. For an
 * adapter that pauses between steps so as not to block its thread; the result is that of analyzeText.
 */
export function* prepareAnalysis(filePath: string, text: string, options: AnalyzeOptions = {}): Generator<void, void> {
  const format = options.format ?? detectFormat(filePath);
  if (format !== 'yaml' || !MAIL_WORDS.test(text) || readOf(text, options) !== 'relevant') return;
  yield* prepareYamlParts(text, wordMask, mattersIn);
}

/** The findings left after the file's smtp-doctor-disable comments, and those comments that suppress nothing. */
function suppress(format: FormatId, text: string, parse: ParseResult, findings: Finding[], options: AnalyzeOptions): Finding[] {
  if (!text.includes('smtp-doctor-disable')) return findings;
  const lines = new LineIndex(text);
  const { kept, unused } = applySuppressions(findings, findDirectives(format, text, parse.entries, lines), lines, FINDING_IDS);
  const severity = options.rules?.[UNUSED_SUPPRESSION.id] ?? UNUSED_SUPPRESSION.severity;
  if (severity === 'off') return kept;
  return [
    ...kept,
    ...unused.map((finding) => ({
      ruleId: UNUSED_SUPPRESSION.id,
      severity,
      messageId: finding.messageId,
      data: finding.data ?? {},
      message: renderMessage(UNUSED_SUPPRESSION.messages[finding.messageId], finding.data),
      detail: UNUSED_SUPPRESSION.description,
      range: finding.range,
      related: [],
    })),
  ];
}

/** A rule's findings on a group. A rule that throws finds nothing there and is recorded in `errors`, so the other rules still report. */
export function checkGroup(rule: Rule, group: SmtpGroup, context: RuleContext, errors: InternalError[]): RuleFinding[] {
  try {
    return rule.check(group, context);
  } catch (error) {
    recordInternalError(errors, internalError(rule.id, 'check', error));
    return [];
  }
}

/** One line for a log: which rule failed where, with the stack when there is one. */
export function describeInternalError(error: InternalError): string {
  return `internal error in rule ${error.ruleId} (${error.stage === 'check' ? 'its check' : 'its fix'}): ${error.stack ?? error.message}`;
}

export function internalError(ruleId: string, stage: InternalError['stage'], error: unknown): InternalError {
  return error instanceof Error ? { ruleId, stage, message: error.message, stack: error.stack } : { ruleId, stage, message: String(error) };
}

/** Adds an error unless the same rule already failed the same way (a rule that throws on every group). */
function recordInternalError(errors: InternalError[], error: InternalError): void {
  if (!errors.some((item) => item.ruleId === error.ruleId && item.stage === error.stage && item.message === error.message)) errors.push(error);
}

/**
 * Documents whose own settings name an environment: a Spring `on-profile: prod` document in application.yml
 * decides its document whatever the path says; a marker such as `APP_ENV=production` or
 * `spring.profiles.active: prod` decides only where the path says nothing (`pathEnvironment` unknown), so an
 * example file that copies `APP_ENV=production` stays an example.
 */
export function environmentsByDocument(entries: readonly ConfigEntry[], pathEnvironment: Environment): Map<number, Environment> {
  const found = new Map<number, Environment>();
  const marked = new Map<number, Environment>();
  for (const entry of entries) {
    const words = entryWordsText(entry);
    const environment = documentEnvironment(words, entry.value);
    if (environment) found.set(entry.document ?? 0, environment);
    const marker = pathEnvironment === 'unknown' ? markerEnvironment(words, entry.value) : undefined;
    // Production wins over a development marker elsewhere in the same document.
    if (marker && marked.get(entry.document ?? 0) !== 'production') marked.set(entry.document ?? 0, marker);
  }
  for (const [document, environment] of marked) if (!found.has(document)) found.set(document, environment);
  return found;
}

function severityOf(rule: Rule, options: AnalyzeOptions): RuleSetting {
  return options.rules?.[rule.id] ?? rule.severity;
}

export function findSmtpGroups(entries: readonly ConfigEntry[]): SmtpGroup[] {
  const groups = findGroups(entries)
    .map(buildGroup)
    .filter((group): group is SmtpGroup => group !== undefined);
  attachProcessVerifySwitches(entries, groups);
  return groups;
}

/** NODE_TLS_REJECT_UNAUTHORIZED=0 beside SMTP settings switches verification off for them too. */
function attachProcessVerifySwitches(entries: readonly ConfigEntry[], groups: SmtpGroup[]): void {
  if (groups.length === 0) return;
  for (const entry of entries) {
    const words = entryWordsText(entry);
    const known = PROCESS_VERIFY_SWITCHES.find((item) => item.key === words || words.endsWith(` ${item.key}`));
    if (!known || entry.value === null || !known.offWhen.includes(entry.value.trim())) continue;
    const scope = entry.path.slice(0, -1);
    for (const group of groups) {
      const first = group.matches[0]?.entry;
      if (!first || first.document !== entry.document || !scope.every((segment, i) => first.path[i] === segment)) continue;
      group.verifyOff.push({ entry, range: entry.valueRange, label: `${entry.path[entry.path.length - 1]}=${entry.value}` });
    }
  }
}
