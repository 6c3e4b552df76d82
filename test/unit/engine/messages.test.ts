// Every diagnostic message is one sentence of at most 160 characters, action first (issue 13):
// the Problems panel cuts longer ones off. The explanation is the finding's `detail` (hover, docs).
// Checked on every finding of every fixture and sample, so a long provider name or howTo shows up here.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText, isConfigFile } from '../../../src/engine/analyze';
import { prepareCodeFile } from '../../../src/engine/code';
import { RULES } from '../../../src/engine/rules';

const REPO = path.resolve(__dirname, '../../../..');
export const MAX_MESSAGE_LENGTH = 160;

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const full = path.join(dir, item.name);
    return item.isDirectory() ? listFiles(full) : [full];
  });
}

/** One sentence: ends with a full stop, and no sentence ends inside it (". " followed by a capital). */
export function sentenceProblem(message: string): string | undefined {
  if (message.length > MAX_MESSAGE_LENGTH) return `${message.length} characters`;
  if (!/[.]$/.test(message)) return 'does not end with a full stop';
  if (/[.!?]["”)]?\s+[A-Z]/.test(message.replace(/\b(e\.g|i\.e)\.\s/g, ''))) return 'more than one sentence';
  if (/^[a-z]/.test(message)) return 'starts in lower case';
  return undefined;
}

describe('diagnostic messages', () => {
  const files = [...listFiles(path.join(REPO, 'test/fixtures')), ...listFiles(path.join(REPO, 'samples'))].filter((file) => isConfigFile(file));

  it('every finding of every fixture and sample is one sentence of at most 160 characters', async function () {
    this.timeout(120_000);
    const problems = new Set<string>();
    let checked = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      await prepareCodeFile(file, text);
      for (const context of ['application', 'mail-server'] as const) {
        for (const finding of analyzeText(file, text, { context }).findings) {
          checked++;
          const problem = sentenceProblem(finding.message);
          if (problem) problems.add(`${finding.ruleId}/${finding.messageId} (${problem}): ${finding.message}`);
        }
      }
    }
    assert.ok(checked > 200, `checked ${checked} findings`);
    assert.deepEqual([...problems].sort(), []);
  });

  it('the check refuses what it should', () => {
    assert.equal(sentenceProblem('Use port 587 with STARTTLS: port 25 is blocked by most clouds.'), undefined);
    assert.match(sentenceProblem('Port 25 is blocked. Use 587.') ?? '', /more than one sentence/);
    assert.match(sentenceProblem(`${'x'.repeat(160)}.`) ?? '', /characters/);
    assert.match(sentenceProblem('Did you mean smtp.gmail.com?') ?? '', /full stop/);
  });

  it('every rule has a detail for each message, for the hover', () => {
    for (const rule of RULES) assert.deepEqual(Object.keys(rule.details ?? {}).sort(), Object.keys(rule.messages).sort(), rule.id);
  });
});
