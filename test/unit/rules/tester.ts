// A RuleTester in the manner of ESLint's: each rule's test file lists valid inputs (no finding
// of the rule) and invalid ones with the findings expected (message id, line, related lines)
// and, where the rule has a fix, the text after its preferred fixes. The messages the invalid
// cases render are compared with __snapshots__/<rule>.md; after a deliberate wording change,
// `npm run update-snapshots` (or UPDATE_SNAPSHOTS=1) rewrites them.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText, type AnalyzeOptions, type Finding } from '../../../src/engine/analyze';
import { applyEdits, fixesFor } from '../../../src/engine/fixes';
import type { Rule } from '../../../src/engine/rules';
import { LineIndex } from '../../../src/engine/text';

export interface ValidCase {
  /** Shown as the test's title; the input itself when absent. */
  name?: string;
  /** The file name the text is analysed as (it picks the format and the environment). */
  file: string;
  text: string;
  /** Options for analyze; by default every rule is on at its default severity, so precedence applies. */
  options?: AnalyzeOptions;
}

export interface ExpectedFinding<MessageId extends string> {
  messageId: MessageId;
  /** 1-based line of the finding's start. */
  line: number;
  /** 1-based lines of its related information, in order; none when absent. */
  related?: number[];
}

export interface InvalidCase<MessageId extends string> extends ValidCase {
  errors: ExpectedFinding<MessageId>[];
  /** The text once the rule's preferred fixes are applied one by one; absent means the rule fixes nothing here. */
  output?: string;
}

export interface RuleCases<MessageId extends string> {
  valid: ValidCase[];
  invalid: InvalidCase<MessageId>[];
}

const SNAPSHOTS = path.resolve(__dirname, '../../../../test/unit/rules/__snapshots__');
const UPDATE_SNAPSHOTS = process.env.UPDATE_SNAPSHOTS === '1' || process.argv.includes('--update-snapshots');

function titleOf(c: ValidCase): string {
  return c.name ?? `${c.file}: ${JSON.stringify(c.text)}`;
}

function findingsOf(rule: Rule, c: ValidCase): Finding[] {
  return analyzeText(c.file, c.text, c.options).findings.filter((finding) => finding.ruleId === rule.id);
}

/** Applies the rule's preferred fixes, re-analysing after each, as a user accepting quick fixes would. */
function fixedText(rule: Rule, c: ValidCase): string {
  let text = c.text;
  // Each applied fix removes a finding of the rule; the bound is a guard.
  for (let round = 0; round < 20; round++) {
    const fix = analyzeText(c.file, text, c.options)
      .findings.filter((finding) => finding.ruleId === rule.id)
      .map((finding) => fixesFor(c.file, text, finding, c.options).find((candidate) => candidate.preferred))
      .find((candidate) => candidate !== undefined);
    if (!fix) return text;
    text = applyEdits(text, fix.edits);
  }
  return text;
}

/** The rule's messages as the invalid cases render them, with their related information. */
function renderSnapshot(rule: Rule, cases: readonly InvalidCase<string>[]): string {
  const lines = [`# ${rule.id}: rendered messages`, '', `Written by \`npm run update-snapshots\` from the invalid cases of test/unit/rules/${rule.id}.test.ts.`];
  for (const c of cases) {
    const index = new LineIndex(c.text);
    for (const finding of findingsOf(rule, c)) {
      lines.push('', `## ${finding.messageId}: ${titleOf(c)}`, '', finding.message, `- detail: ${finding.detail}`);
      for (const item of finding.related) lines.push(`- related, line ${index.positionAt(item.range.start).line + 1}: ${item.message}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function testRule<MessageId extends string>(rule: Rule<MessageId>, cases: RuleCases<NoInfer<MessageId>>): void {
  describe(`rule ${rule.id}`, () => {
    for (const c of cases.valid) {
      it(`valid: ${titleOf(c)}`, () => {
        const found = findingsOf(rule as Rule, c);
        assert.deepEqual(found.map((finding) => finding.message), []);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${titleOf(c)}`, () => {
        const lines = new LineIndex(c.text);
        const lineOf = (offset: number) => lines.positionAt(offset).line + 1;
        const found = findingsOf(rule as Rule, c);
        assert.deepEqual(
          found.map((finding) => ({ messageId: finding.messageId, line: lineOf(finding.range.start), related: finding.related.map((item) => lineOf(item.range.start)) })),
          c.errors.map((error) => ({ messageId: error.messageId, line: error.line, related: error.related ?? [] })),
          found.map((finding) => finding.message).join('\n'),
        );
        assert.equal(fixedText(rule as Rule, c), c.output ?? c.text, c.output === undefined ? 'the rule fixes nothing here' : 'the fixed text');
      });
    }

    it('shows every message id in an invalid case', () => {
      const shown = new Set(cases.invalid.flatMap((c) => c.errors.map((error) => error.messageId)));
      assert.deepEqual(Object.keys(rule.messages).filter((id) => !shown.has(id as MessageId)), []);
    });

    it('renders its messages as in the snapshot, every placeholder filled', () => {
      const rendered = renderSnapshot(rule as Rule, cases.invalid);
      assert.doesNotMatch(rendered, /\{\{|\bundefined\b|\[object Object\]/);
      const file = path.join(SNAPSHOTS, `${rule.id}.md`);
      if (UPDATE_SNAPSHOTS) {
        fs.mkdirSync(SNAPSHOTS, { recursive: true });
        fs.writeFileSync(file, rendered);
      }
      assert.ok(fs.existsSync(file), `no snapshot ${path.relative(process.cwd(), file)}: run npm run update-snapshots`);
      assert.equal(rendered, fs.readFileSync(file, 'utf8'), 'the messages changed: if that was meant, run npm run update-snapshots and review the diff');
    });
  });
}
