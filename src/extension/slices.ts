// Runs the engine's stepwise work (analysisSteps) without blocking the extension host for long: steps
// run until SLICE_MS have passed, then every other extension gets its turn (setImmediate) before the next
// ones; a request of the steps (a big YAML text to parse whole) goes to a worker thread when one is set
// (answerRequestsWith). No `vscode` here: the bench drives the same function to report the longest block.

import { isYamlParseRequest, type YamlParseRequest } from '../engine';

/** How long one slice may run before the host gets its turn (a step itself takes a few milliseconds). */
export const SLICE_MS = 12;

/** Answers a request of the steps elsewhere (yaml-parser.ts: a worker thread); undefined lets the engine do it. */
export type RequestHandler = (request: YamlParseRequest) => Promise<unknown>;

let requestHandler: RequestHandler | undefined;

/** Where every runInSlices sends the engine's requests from now on (the extension's worker); undefined: nowhere. */
export function answerRequestsWith(handler: RequestHandler | undefined): void {
  requestHandler = handler;
}

export interface SliceOptions {
  sliceMs?: number;
  /** Asked after each pause: true to stop (a newer version of the document is on its way). */
  cancelled?: () => boolean;
  /** Each slice's length, in milliseconds (the bench records the longest). */
  onSlice?: (ms: number) => void;
  /** Answers the steps' requests; default: the handler of answerRequestsWith. */
  requests?: RequestHandler;
}

/** Runs `steps` to the end in slices: their return value, or undefined when `cancelled` stopped them first. */
export async function runInSlices<T>(steps: Iterator<unknown, T, unknown>, options: SliceOptions = {}): Promise<T | undefined> {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const handler = options.requests ?? requestHandler;
  let answer: unknown;
  for (;;) {
    const start = performance.now();
    let step: IteratorResult<unknown, T>;
    let request: YamlParseRequest | undefined;
    do {
      step = steps.next(answer);
      answer = undefined;
      request = !step.done && handler && isYamlParseRequest(step.value) ? step.value : undefined;
    } while (!step.done && !request && performance.now() - start < sliceMs);
    options.onSlice?.(performance.now() - start);
    if (step.done) return step.value;
    // The host is free while the request is answered elsewhere.
    if (request) answer = await handler!(request);
    else await new Promise((resolve) => setImmediate(resolve));
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
