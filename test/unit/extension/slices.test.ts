// runInSlices (src/extension/slices.ts): the extension host gets its turn between slices of engine steps.
import { strict as assert } from 'node:assert';
import { runInSlices } from '../../../src/extension/slices';

function* counting(n: number, done: number[]): Generator<void, void> {
  for (let i = 0; i < n; i++) {
    done.push(i);
    yield;
  }
}

describe('runInSlices', () => {
  it('runs every step, pausing between slices so that other callbacks run in between', async () => {
    const done: number[] = [];
    let others = 0;
    setImmediate(() => others++); // runs only if runInSlices gives the event loop a turn
    // A slice of 0 ms: one step per slice, a pause after each.
    const slices: number[] = [];
    const finished = await runInSlices(counting(20, done), { sliceMs: 0, onSlice: (ms) => slices.push(ms) });
    assert.equal(finished, true);
    assert.deepEqual(done, [...Array(20).keys()]);
    assert.equal(slices.length, 21); // 20 steps, and the last call that says it is done
    assert.ok(others > 0, 'no other callback ran between the slices');
  });

  it('stops when cancelled after a pause', async () => {
    const done: number[] = [];
    const finished = await runInSlices(counting(50, done), { sliceMs: 0, cancelled: () => done.length >= 5 });
    assert.equal(finished, false);
    assert.equal(done.length, 5);
  });
});
