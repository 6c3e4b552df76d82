// A rule with a bug (its check or fix builder throws) is reported as an internal error of
// that rule; the other rules still report and fix.
import { strict as assert } from 'node:assert';
import { analyzeText, type InternalError } from '../../../src/engine/analyze';
import { fixAll, fixesFor } from '../../../src/engine/fixes';
import { ruleById, type Rule } from '../../../src/engine/rules';

/** Runs `body` with one method of a rule replaced, restoring it afterwards. */
function withBrokenRule(id: string, method: 'check' | 'fix', body: () => void): void {
  const rule = ruleById(id) as Rule;
  const original = rule[method];
  rule[method] = () => {
    throw new Error(`${id} ${method} is broken`);
  };
  try {
    body();
  } finally {
    rule[method] = original as never;
  }
}

// port-25-submission (fixable) and tls-verify-disabled (fixable) on one group.
const FILE = '.env';
const TEXT = 'SMTP_HOST=smtp.example.com\nSMTP_PORT=25\nSMTP_TLS_REJECT_UNAUTHORIZED=false\n';

describe('internal errors', () => {
  it('a check that throws becomes an internal error of that rule, once, and the other rules still report', () => {
    withBrokenRule('port-25-submission', 'check', () => {
      const analysis = analyzeText(FILE, `${TEXT}B_SMTP_HOST=smtp.example.org\nB_SMTP_PORT=25\n`);
      assert.deepEqual(analysis.findings.map((finding) => finding.ruleId), ['tls-verify-disabled']);
      assert.deepEqual(
        analysis.internalErrors.map(({ ruleId, stage, message }) => ({ ruleId, stage, message })),
        [{ ruleId: 'port-25-submission', stage: 'check', message: 'port-25-submission check is broken' }],
      );
      assert.match(analysis.internalErrors[0].stack ?? '', /internal-errors\.test/);
    });
    assert.deepEqual(analyzeText(FILE, TEXT).internalErrors, []);
  });

  it('a fix builder that throws is reported to the caller, and that finding gets no fix', () => {
    withBrokenRule('port-25-submission', 'fix', () => {
      const errors: InternalError[] = [];
      const analysis = analyzeText(FILE, TEXT);
      const port25 = analysis.findings.find((finding) => finding.ruleId === 'port-25-submission')!;
      assert.deepEqual(fixesFor(FILE, TEXT, port25, {}, (error) => errors.push(error)), []);
      assert.deepEqual(errors.map(({ ruleId, stage }) => `${ruleId} ${stage}`), ['port-25-submission fix']);

      errors.length = 0;
      const result = fixAll(FILE, TEXT, {}, (error) => errors.push(error));
      assert.deepEqual(result.applied.map((item) => item.ruleId), ['tls-verify-disabled']);
      assert.deepEqual(errors.map(({ ruleId, stage }) => `${ruleId} ${stage}`), ['port-25-submission fix']);
    });
  });

  it('a fix is not verified by a rule that throws on the fixed text (its findings would be hidden, not gone)', () => {
    const finding = analyzeText(FILE, TEXT).findings.find((item) => item.ruleId === 'tls-verify-disabled')!;
    const rule = ruleById('port-25-submission') as Rule;
    const original = rule.check;
    // Throws only once the verification switch is gone, i.e. on the text the fix produces.
    rule.check = (group, context) => {
      if (group.verifyOff.length === 0) throw new Error('broken after the fix');
      return original.call(rule, group, context);
    };
    try {
      assert.deepEqual(fixesFor(FILE, TEXT, finding, {}, () => {}), []);
    } finally {
      rule.check = original;
    }
  });
});
