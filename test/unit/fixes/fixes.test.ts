// Quick fixes as text edits: golden files under test/fixtures/fixes (one folder per
// case: input, case.json, one expected file per fix), fix-all over every analysis
// fixture, and each profile's recipe against the profile's keys.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText, type AnalyzeOptions, type Finding } from '../../../src/engine/analyze';
import { prepareCodeFile } from '../../../src/engine/code';
import { applyEdits, fixAll, fixesFor } from '../../../src/engine/fixes';
import { analyzeInProject, fixesInProject, type ProjectFiles } from '../../../src/engine/project';
import { specFor } from '../../../src/engine/fixes/context';
import { PROFILES } from '../../../src/engine/profiles';
import { RULES } from '../../../src/engine/rules';
import { LineIndex } from '../../../src/engine/text';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures');

interface CaseManifest {
  analyzeAs: string;
  input: string;
  options?: AnalyzeOptions;
  fixes: { rule: string; line: number; title: string; preferred: boolean; expected: string }[];
  unfixed?: { rule: string; line: number }[];
  /** The project's other files (path as the engine sees it → file of the case): the input is analysed and fixed in it (project.ts). */
  project?: Record<string, string>;
}

/** How a case analyses and fixes its input: alone, or in its project (analyzeInProject, fixesInProject). */
function caseEngine(dir: string, manifest: CaseManifest) {
  const options = manifest.options ?? {};
  const others = manifest.project;
  if (!others) {
    return { analyze: (text: string) => analyzeText(manifest.analyzeAs, text, options), fixes: (text: string, finding: Finding) => fixesFor(manifest.analyzeAs, text, finding, options) };
  }
  const files = (text: string): ProjectFiles => ({
    read: (file) => (file === manifest.analyzeAs ? text : others[file] !== undefined ? fs.readFileSync(path.join(dir, others[file]), 'utf8') : undefined),
    list: (folder) => [manifest.analyzeAs, ...Object.keys(others)].filter((file) => path.posix.dirname(file) === (folder.replace(/\/$/, '') || '.')).map((file) => path.posix.basename(file)),
  });
  return {
    analyze: (text: string) => analyzeInProject(manifest.analyzeAs, text, files(text), options),
    fixes: (text: string, finding: Finding) => fixesInProject(manifest.analyzeAs, text, finding, files(text), options),
  };
}

function lineOf(text: string, finding: Finding): number {
  return new LineIndex(text).positionAt(finding.range.start).line + 1;
}

/**
 * The contract, checked independently of the implementation: after the edits the finding's rule
 * fires less often, and every finding is an old one (same rule and message, or same rule on the same text).
 */
function assertFixed(before: string, after: string, finding: Finding, analyze: (text: string) => ReturnType<typeof analyzeText>): void {
  const old = analyze(before);
  const now = analyze(after);
  assert.ok(now.parseErrors.length <= old.parseErrors.length, `parses no worse: ${JSON.stringify(now.parseErrors)}`);
  const count = (findings: readonly Finding[]) => findings.filter((item) => item.ruleId === finding.ruleId).length;
  assert.ok(count(now.findings) < count(old.findings), `${finding.ruleId} is gone`);
  const pool = [...old.findings];
  pool.splice(pool.findIndex((item) => item.ruleId === finding.ruleId && item.range.start === finding.range.start), 1);
  // A fix of a problem may leave advice behind (turning STARTTLS on leaves "make it required", a hint), as fixes/index.ts allows.
  for (const item of now.findings.filter((found) => found.severity !== 'hint' || finding.severity === 'hint')) {
    const textAt = after.slice(item.range.start, item.range.end);
    const index = pool.findIndex(
      (candidate) =>
        candidate.ruleId === item.ruleId &&
        (candidate.message === item.message || before.slice(candidate.range.start, candidate.range.end) === textAt),
    );
    assert.ok(index >= 0, `no new finding: ${item.ruleId}: ${item.message}`);
    pool.splice(index, 1);
  }
}

describe('quick fixes', () => {
  describe('golden files (test/fixtures/fixes)', () => {
    const root = path.join(FIXTURES, 'fixes');
    // Code inputs (`code-*`) need their tree-sitter grammar loaded before the synchronous analysis.
    before(async function () {
      this.timeout(30000);
      for (const name of fs.readdirSync(root)) {
        const manifest: CaseManifest = JSON.parse(fs.readFileSync(path.join(root, name, 'case.json'), 'utf8'));
        await prepareCodeFile(manifest.analyzeAs, fs.readFileSync(path.join(root, name, manifest.input), 'utf8'));
      }
    });
    for (const name of fs.readdirSync(root).sort()) {
      const dir = path.join(root, name);
      const manifest: CaseManifest = JSON.parse(fs.readFileSync(path.join(dir, 'case.json'), 'utf8'));
      const { analyze, fixes } = caseEngine(dir, manifest);
      const text = fs.readFileSync(path.join(dir, manifest.input), 'utf8');

      it(`${name}: offers exactly the listed fixes`, () => {
        const analysis = analyze(text);
        assert.deepEqual(analysis.parseErrors, [], 'the input parses');
        const offered = analysis.findings.flatMap((finding) =>
          fixes(text, finding).map((fix) => `${finding.ruleId}@${lineOf(text, finding)}: ${fix.preferred ? '*' : ''}${fix.title}`),
        );
        const listed = manifest.fixes.map((fix) => `${fix.rule}@${fix.line}: ${fix.preferred ? '*' : ''}${fix.title}`);
        assert.deepEqual(offered, listed);
        const unfixed = analysis.findings
          .filter((finding) => fixes(text, finding).length === 0)
          .map((finding) => `${finding.ruleId}@${lineOf(text, finding)}`);
        assert.deepEqual(unfixed, (manifest.unfixed ?? []).map((item) => `${item.rule}@${item.line}`));
        for (const finding of analysis.findings) {
          assert.ok(fixes(text, finding).filter((fix) => fix.preferred).length <= 1, 'at most one preferred fix');
        }
      });

      for (const expected of manifest.fixes) {
        it(`${name}: ${expected.rule}: ${expected.title}`, () => {
          const finding = analyze(text).findings.find(
            (item) => item.ruleId === expected.rule && lineOf(text, item) === expected.line,
          );
          assert.ok(finding, `finding ${expected.rule}@${expected.line}`);
          const fix = fixes(text, finding).find((item) => item.title === expected.title);
          assert.ok(fix, `fix "${expected.title}"`);
          const result = applyEdits(text, fix.edits);
          const wanted = fs.readFileSync(path.join(dir, expected.expected));
          assert.equal(Buffer.from(result, 'utf8').equals(wanted), true, `byte for byte as ${expected.expected}:\n${result}`);
          assertFixed(text, result, finding, analyze);
        });
      }
    }
  });

  describe('fix-all over the analysis fixtures', () => {
    const root = path.join(FIXTURES, 'analysis');
    const list = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
        const full = path.join(dir, item.name);
        return item.isDirectory() ? list(full) : [path.relative(root, full).split(path.sep).join('/')];
      });
    for (const file of list(root).filter((item) => item !== 'expectations.json')) {
      it(file, () => {
        const text = fs.readFileSync(path.join(root, file), 'utf8');
        const before = analyzeText(file, text);
        const withPreferred = before.findings.filter((finding) => fixesFor(file, text, finding).some((fix) => fix.preferred));
        const result = fixAll(file, text);
        const after = analyzeText(file, result.text);
        assert.ok(after.parseErrors.length <= before.parseErrors.length, 'still parses');
        assert.equal(result.applied.length === 0, result.text === text);
        for (const finding of after.findings.filter((found) => found.severity !== 'hint')) {
          assert.ok(
            before.findings.some((old) => old.ruleId === finding.ruleId && old.message === finding.message),
            `no new finding: ${finding.ruleId}: ${finding.message}`,
          );
        }
        for (const finding of withPreferred) {
          assert.ok(!after.findings.some((item) => item.ruleId === finding.ruleId && item.message === finding.message), `${finding.ruleId} is fixed`);
        }
        if (withPreferred.length > 0) assert.ok(result.applied.length > 0);
      });
    }

    it('leaves only the findings no fix is right for', () => {
      const left: string[] = [];
      for (const file of list(root).filter((item) => item !== 'expectations.json')) {
        const result = fixAll(file, fs.readFileSync(path.join(root, file), 'utf8'));
        left.push(...analyzeText(file, result.text).findings.map((finding) => finding.ruleId));
      }
      // opportunistic-starttls: a hint where the app has no setting that makes STARTTLS required (Laravel, PeerTube…).
      assert.deepEqual([...new Set(left)].sort(), ['dev-mail-catcher-in-production', 'gmail-app-password', 'opportunistic-starttls', 'outlook-basic-auth']);
    });
  });

  describe('verification', () => {
    it('drops a fix whose result has a new finding (a corrected Gmail host exposes the account password)', () => {
      const file = 'grafana.ini';
      const text = '[smtp]\nenabled = true\nhost = smtp.gmial.com:587\nuser = me@example.com\npassword = hunter2hunter2\nfrom_address = me@example.com\n';
      const finding = analyzeText(file, text).findings.find((item) => item.ruleId === 'host-malformed');
      assert.ok(finding);
      assert.deepEqual(fixesFor(file, text, finding), []);
    });

    it('offers nothing for a finding that is not in the text', () => {
      const text = 'SMTP_HOST=smtp.gmial.com\nSMTP_PORT=587\n';
      const finding = analyzeText('.env', text).findings[0];
      assert.deepEqual(fixesFor('.env', 'SMTP_HOST=smtp.gmail.com\nSMTP_PORT=587\n', finding), []);
      assert.deepEqual(fixesFor('.env', text, { ...finding, range: { start: 0, end: 1 } }), []);
    });

    it('never overwrites a value read from elsewhere', () => {
      const text = 'EMAIL_HOST = "smtp.example.com"\nEMAIL_HOST_USER = "me"\nEMAIL_HOST_PASSWORD = "pw"\nEMAIL_USE_TLS = env.bool("USE_TLS")\nEMAIL_USE_SSL = True\nEMAIL_PORT = 587\n';
      const analysis = analyzeText('settings.py', text);
      const finding = analysis.findings.find((item) => item.ruleId === 'implicit-tls-on-starttls-port');
      assert.ok(finding);
      for (const fix of fixesFor('settings.py', text, finding)) {
        for (const edit of fix.edits) assert.ok(!text.slice(edit.range.start, edit.range.end).includes('env.bool'), fix.title);
      }
    });

    it('is used by fix-all one fix at a time, so later fixes see earlier ones', () => {
      const text = 'EMAIL_HOST=smtp.sendgrid.net\nEMAIL_HOST_USER=apikey\nEMAIL_HOST_PASSWORD=SG.x\nEMAIL_USE_TLS=True\nEMAIL_USE_SSL=True\n';
      const result = fixAll('.env', text);
      assert.deepEqual(result.applied.map((item) => item.ruleId), ['port-25-submission']);
      assert.equal(result.text, 'EMAIL_HOST=smtp.sendgrid.net\nEMAIL_HOST_USER=apikey\nEMAIL_HOST_PASSWORD=SG.x\nEMAIL_USE_TLS=True\nEMAIL_USE_SSL=False\nEMAIL_PORT=587\n');
      assert.deepEqual(analyzeText('.env', result.text).findings, []);
    });

    it('turns off the STARTTLS flags Jakarta Mail ignores when a Spring fix turns on implicit TLS (a tidy file, not ssl and starttls both true)', () => {
      const text = 'spring.mail.host=smtp.example.com\nspring.mail.port=465\nspring.mail.properties.mail.smtp.starttls.enable=true\nspring.mail.properties.mail.smtp.starttls.required=true\n';
      const result = fixAll('application.properties', text);
      assert.deepEqual(result.applied.map((item) => item.ruleId), ['plaintext-on-implicit-tls-port']);
      assert.equal(
        result.text,
        'spring.mail.host=smtp.example.com\nspring.mail.port=465\nspring.mail.properties.mail.smtp.ssl.enable=true\nspring.mail.properties.mail.smtp.starttls.enable=false\nspring.mail.properties.mail.smtp.starttls.required=false\n',
      );
      assert.deepEqual(analyzeText('application.properties', result.text).findings, []);
    });

    it('keeps a UTF-8 byte order mark and CRLF line ends', () => {
      const text = '\uFEFFSMTP_HOST=smtp.sendgrid.net\r\nSMTP_PORT=587\r\nSMTP_SECURE=true\r\n';
      assert.equal(fixAll('.env', text).text, '\uFEFFSMTP_HOST=smtp.sendgrid.net\r\nSMTP_PORT=587\r\nSMTP_SECURE=false\r\n');
    });
  });

  describe('applyEdits', () => {
    it('applies edits in offset order, insertions at one offset in the order given', () => {
      const edits = [
        { range: { start: 5, end: 5 }, newText: '!' },
        { range: { start: 0, end: 1 }, newText: 'J' },
        { range: { start: 5, end: 5 }, newText: '?' },
        { range: { start: 2, end: 5 }, newText: 'nk' },
      ];
      assert.equal(applyEdits('hello', edits), 'Jenk!?');
    });

    it('refuses overlapping edits', () => {
      assert.throws(() => applyEdits('hello', [{ range: { start: 0, end: 3 }, newText: '' }, { range: { start: 2, end: 4 }, newText: '' }]));
    });
  });

  describe('TLS recipes (facts kept as data, in each profile)', () => {
    it('use keys and schemes the profile knows, and implicit TLS unless the framework cannot', () => {
      for (const profile of PROFILES) {
        const recipe = profile.tlsRecipe;
        assert.equal(!recipe.implicit, !!profile.noImplicitTls, `${profile.id}: implicit TLS possible unless the framework cannot`);
        for (const writes of [recipe.starttls, recipe.implicit]) {
          for (const write of writes?.keys ?? []) {
            assert.ok(specFor(profile, write.key), `${profile.id}: "${write.key}" is a key of the profile`);
            if (write.add && write.key.includes(' ')) assert.ok(write.spelling, `${profile.id}: "${write.key}" says how to spell it`);
          }
          if (writes?.scheme) assert.ok(profile.urlSchemes?.[writes.scheme], `${profile.id}: scheme ${writes.scheme} is one the profile reads`);
        }
      }
    });

    it('has fixes for every rule except those with no clearly right fix', () => {
      const withoutFix = RULES.filter((rule) => !rule.fix).map((rule) => rule.id).sort();
      assert.deepEqual(withoutFix, ['app-password-required', 'dev-mail-catcher-in-production', 'gmail-app-password', 'outlook-basic-auth']);
    });
  });
});
