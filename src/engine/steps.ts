// The engine's long work is written as generators that yield between short steps (analyze.ts analysisSteps):
// an adapter that must not block its thread for long drives them with pauses (src/extension/slices.ts);
// everyone else runs them to the end at once with `finish`, so there is one implementation of each.
//
// A step may also be a request for work that one block would do: parsing a big YAML text whole (the yaml
// library composes a document in one call). A driver that can do it elsewhere (a worker thread) answers with
// the result (`next(result)`); one that does not (finish) answers nothing, and the engine does it itself.

/** Asks the driver for `parseConfig('yaml', text)`; the answer is that ParseResult, or undefined. */
export interface YamlParseRequest {
  readonly request: 'parse-yaml';
  readonly text: string;
}

/** What a step yields: nothing, or a request. */
export type Pause = void | YamlParseRequest;

/** Stepwise work whose result is T: what the engine's generators are. */
export type Steps<T> = Generator<Pause, T, unknown>;

export const isYamlParseRequest = (value: unknown): value is YamlParseRequest =>
  typeof value === 'object' && value !== null && (value as YamlParseRequest).request === 'parse-yaml';

/** Runs `steps` to the end without pausing (and answers no request); its return value. */
export function finish<T>(steps: Iterator<unknown, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
