// Answers the engine's requests to parse a big YAML text whole (src/engine/steps.ts YamlParseRequest) in a
// worker thread (yaml-worker.ts), so that composing its syntax tree does not block the extension host. Any
// failure (no worker file, the worker died, no answer in time) answers nothing: the engine then parses on the
// host, in its own steps. No `vscode` here.
import { Worker } from 'node:worker_threads';
import type { YamlParseRequest } from '../engine';

/** A worker that has not answered in this long is taken as stuck: it is stopped, and the host parses. */
const ANSWER_TIMEOUT_MS = 15_000;

export interface YamlParserOptions {
  /** Logs why the host parses after all (no worker, a failure, no answer). */
  onError?: (message: string) => void;
  /** Default ANSWER_TIMEOUT_MS. */
  timeoutMs?: number;
}

interface Pending {
  resolve: (result: unknown) => void;
  timer: NodeJS.Timeout;
}

export class YamlParser {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  /** Requests answered by the worker (the tests check that it, not the host, parsed). */
  answered = 0;

  private readonly onError: (message: string) => void;
  private readonly timeoutMs: number;

  constructor(
    private readonly workerFile: string,
    options: YamlParserOptions = {},
  ) {
    this.onError = options.onError ?? (() => undefined);
    this.timeoutMs = options.timeoutMs ?? ANSWER_TIMEOUT_MS;
  }

  /** The ParseResult for `request`, or undefined (the engine then parses it itself). */
  parse(request: YamlParseRequest): Promise<unknown> {
    const worker = this.start();
    if (!worker) return Promise.resolve(undefined);
    const id = this.next++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.onError(`the YAML worker gave no answer in ${this.timeoutMs / 1000} s; parsing on the extension host`);
        this.stop();
      }, this.timeoutMs);
      this.pending.set(id, { resolve, timer });
      worker.postMessage({ id, request });
    });
  }

  dispose(): void {
    this.stop();
  }

  private start(): Worker | undefined {
    if (this.worker) return this.worker;
    let worker: Worker;
    try {
      worker = new Worker(this.workerFile);
    } catch (error) {
      this.onError(`could not start the YAML worker (${error instanceof Error ? error.message : String(error)}); parsing on the extension host`);
      return undefined;
    }
    worker.unref(); // never keeps VS Code (or a test run) alive
    worker.on('message', (message: { id: number; result?: unknown; error?: string }) => {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      clearTimeout(pending.timer);
      if (message.error !== undefined) this.onError(`the YAML worker failed (${message.error}); parsing on the extension host`);
      else this.answered++;
      pending.resolve(message.result);
    });
    const lost = (why: string) => {
      if (this.worker !== worker) return;
      this.onError(`the YAML worker stopped (${why}); parsing on the extension host`);
      this.stop();
    };
    worker.on('error', (error) => lost(error.message));
    worker.on('exit', (code) => lost(`exit code ${code}`));
    this.worker = worker;
    return worker;
  }

  /** Stops the worker; every request waiting for it is answered with nothing. */
  private stop(): void {
    const worker = this.worker;
    this.worker = undefined;
    for (const { resolve, timer } of this.pending.values()) {
      clearTimeout(timer);
      resolve(undefined);
    }
    this.pending.clear();
    void worker?.terminate();
  }
}
