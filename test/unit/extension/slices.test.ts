// runInSlices (src/extension/slices.ts): the extension host gets its turn between slices of engine steps.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runInSlices, VersionedRuns } from '../../../src/extension/slices';

function* counting(n: number, done: number[]): Generator<void, string> {
  for (let i = 0; i < n; i++) {
    done.push(i);
    yield;
  }
  return 'result';
}

describe('runInSlices', () => {
  it('runs every step to the steps\' result, pausing between slices so that other callbacks run in between', async () => {
    const done: number[] = [];
    let others = 0;
    setImmediate(() => others++); // runs only if runInSlices gives the event loop a turn
    // A slice of 0 ms: one step per slice, a pause after each.
    const slices: number[] = [];
    const finished = await runInSlices(counting(20, done), { sliceMs: 0, onSlice: (ms) => slices.push(ms) });
    assert.equal(finished, 'result');
    assert.deepEqual(done, [...Array(20).keys()]);
    assert.equal(slices.length, 21); // 20 steps, and the last call that says it is done
    assert.ok(others > 0, 'no other callback ran between the slices');
  });

  it('stops when cancelled after a pause', async () => {
    const done: number[] = [];
    const finished = await runInSlices(counting(50, done), { sliceMs: 0, cancelled: () => done.length >= 5 });
    assert.equal(finished, undefined);
    assert.equal(done.length, 5);
  });
});

describe('VersionedRuns', () => {
  it('runs once per document version: a second request for it joins the run under way', async () => {
    const runs = new VersionedRuns();
    let started = 0;
    let finish!: () => void;
    const run = () => {
      started++;
      return new Promise<void>((resolve) => (finish = resolve));
    };
    const first = runs.run('a', 1, run);
    const second = runs.run('a', 1, run);
    assert.equal(started, 1, 'the hover joined the CodeLens run');
    assert.equal(first, second);
    finish();
    await second;
    await runs.run('a', 1, async () => void started++);
    assert.equal(started, 2, 'a finished run is not remembered: a later request for the version runs again');
  });

  it('starts a new run for a newer version or another document', () => {
    const runs = new VersionedRuns();
    let started = 0;
    const run = () => {
      started++;
      return new Promise<void>(() => {});
    };
    void runs.run('a', 1, run);
    void runs.run('a', 2, run);
    void runs.run('b', 2, run);
    assert.equal(started, 3);
  });
});

describe('the extension host', () => {
  it('runs every analysis in slices: src/extension calls neither analyzeText nor analyzeInProject (one block each)', () => {
    const folder = path.resolve(__dirname, '../../../../src/extension');
    for (const name of fs.readdirSync(folder).filter((file) => file.endsWith('.ts'))) {
      const source = fs.readFileSync(path.join(folder, name), 'utf8');
      assert.doesNotMatch(source, /\b(analyzeText|analyzeInProject)\b/, name);
    }
    // The check reads the extension's sources: the sliced analysis is there.
    assert.match(fs.readFileSync(path.join(folder, 'diagnostics.ts'), 'utf8'), /runInSlices\(this\.steps\(/);
  });
});
