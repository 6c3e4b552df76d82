// Runs the engine's stepwise work (analysisSteps) without blocking the extension host for long: steps
// run until SLICE_MS have passed, then every other extension gets its turn (setImmediate) before the next
// ones. No `vscode` here: the bench drives the same function to report the longest block.

/** How long one slice may run before the host gets its turn (a step itself takes a few milliseconds). */
export const SLICE_MS = 12;

export interface SliceOptions {
  sliceMs?: number;
  /** Asked after each pause: true to stop (a newer version of the document is on its way). */
  cancelled?: () => boolean;
  /** Each slice's length, in milliseconds (the bench records the longest). */
  onSlice?: (ms: number) => void;
}

/** Runs `steps` to the end in slices: their return value, or undefined when `cancelled` stopped them first. */
export async function runInSlices<T>(steps: Iterator<unknown, T>, options: SliceOptions = {}): Promise<T | undefined> {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  for (;;) {
    const start = performance.now();
    let step: IteratorResult<unknown, T>;
    do step = steps.next();
    while (!step.done && performance.now() - start < sliceMs);
    options.onSlice?.(performance.now() - start);
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
    if (options.cancelled?.()) return undefined;
  }
}

/**
 * One sliced analysis per document version at a time, that a provider (CodeLens, hover) can await instead of
 * analysing synchronously on the host when its cached result is stale: a second request for the same version
 * joins the run under way.
 */
export class VersionedRuns {
  private readonly running = new Map<string, { version: number; done: Promise<void> }>();

  /** `run` for `key` at `version`, unless one for that version is under way: then that one. */
  run(key: string, version: number, run: () => Promise<void>): Promise<void> {
    const current = this.running.get(key);
    if (current?.version === version) return current.done;
    const done = run().finally(() => {
      if (this.running.get(key)?.done === done) this.running.delete(key);
    });
    this.running.set(key, { version, done });
    return done;
  }
}
