// The engine's long work is written as generators that yield between short steps (analyze.ts analysisSteps):
// an adapter that must not block its thread for long drives them with pauses (src/extension/slices.ts);
// everyone else runs them to the end at once with `finish`, so there is one implementation of each.

/** Runs `steps` to the end without pausing; its return value. */
export function finish<T>(steps: Iterator<unknown, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
