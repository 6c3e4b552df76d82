import * as assert from 'node:assert/strict';
import type { ProbeResult, ProbeStep, StepName } from '../../../../src/probe';

export const USER = 'bob@example.test';
export const PASSWORD = 'correct-horse-battery-staple-42';
export const TOKEN = 'ya29.test-oauth-token-0123456789abcdef';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** Every form in which a secret could leak. */
export const SECRET_FORMS = [
  PASSWORD,
  b64(PASSWORD),
  b64(`\0${USER}\0${PASSWORD}`),
  TOKEN,
  b64(TOKEN),
  b64(`user=${USER}\x01auth=Bearer ${TOKEN}\x01\x01`),
];

export function assertNoSecrets(text: string): void {
  for (const secret of SECRET_FORMS) {
    assert.ok(!text.includes(secret), `a secret leaked: ${secret.slice(0, 6)}… found`);
  }
}

export function step(result: ProbeResult, name: StepName): ProbeStep {
  const found = [...result.steps].reverse().find((s) => s.name === name);
  assert.ok(found, `no step ${name} in ${result.steps.map((s) => s.name).join(',')}`);
  return found;
}

export function assertCode(result: ProbeResult, code: string): void {
  assert.equal(
    result.diagnosis.code,
    code,
    `expected ${code}, got ${result.diagnosis.code}: ${result.diagnosis.summary}\nsteps:\n${result.steps.map((s) => `  ${s.status} ${s.name} ${s.ms}ms ${s.detail}`).join('\n')}`,
  );
  assert.ok(result.diagnosis.summary.length > 0 && result.diagnosis.fix.length > 0);
}
