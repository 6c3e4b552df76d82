// Runs the engine's stepwise work (prepareAnalysis) without blocking the extension host for long: steps
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

/** Runs `steps` to the end in slices; false when `cancelled` stopped it first. */
export async function runInSlices(steps: Iterator<unknown>, options: SliceOptions = {}): Promise<boolean> {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  for (;;) {
    const start = performance.now();
    let done: boolean;
    do done = steps.next().done === true;
    while (!done && performance.now() - start < sliceMs);
    options.onSlice?.(performance.now() - start);
    if (done) return true;
    await new Promise((resolve) => setImmediate(resolve));
    if (options.cancelled?.()) return false;
  }
}
