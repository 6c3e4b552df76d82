import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('harness self-test', () => {
  it('runs inside VS Code', () => {
    assert.equal(typeof vscode.version, 'string');
  });

  it('deliberately fails (SELFTEST-EXPECTED-FAILURE)', () => {
    assert.equal(1 + 1, 3, 'SELFTEST-EXPECTED-FAILURE: this assertion is wrong on purpose');
  });
});
