// The transcript of a probe, and the masking of secrets.
//
// Secrets never reach the transcript, error texts or results:
// - client lines that carry credentials are written already masked (the caller
//   passes the text to show, see Transcript.client);
// - every text (server lines too: a hostile or buggy server may echo what it got)
//   goes through Masker.mask, which replaces each registered secret and its base64
//   forms with "********".

import type { TranscriptDirection, TranscriptEntry, TranscriptListener } from './types';

export const MASK = '********';

/**
 * Milliseconds on a monotonic clock, for step and transcript times. Not `performance.now()`: Node loads
 * perf_hooks on its first use, about 1.5 ms of a `probe` run (measured, Node 20).
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
/** Shorter secrets are still never written by the probe, but are not searched for in server text. */
const MIN_SEARCHED_SECRET = 4;
/** Longer lines are cut in the transcript (the reader already refuses lines over 4 KiB). */
const MAX_SHOWN_CHARS = 1000;

export class Masker {
  private readonly secrets = new Set<string>();

  /** Registers a secret and the base64 forms a server could echo. */
  add(secret: string | undefined): void {
    if (!secret) return;
    for (const form of [secret, Buffer.from(secret, 'utf8').toString('base64')]) {
      if (form.length >= MIN_SEARCHED_SECRET) this.secrets.add(form);
      // base64 without padding, as some servers echo it
      const unpadded = form.replace(/=+$/, '');
      if (unpadded.length >= MIN_SEARCHED_SECRET) this.secrets.add(unpadded);
    }
  }

  mask(text: string): string {
    let out = text;
    // Longest first, so a payload is masked whole rather than around a shorter secret.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      if (out.includes(secret)) out = out.split(secret).join(MASK);
    }
    return out;
  }

  /** Masks every string inside a JSON-like value (results, steps, diagnoses). */
  maskDeep<T>(value: T): T {
    if (typeof value === 'string') return this.mask(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.maskDeep(v)) as T;
    if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.maskDeep(v);
      return out as T;
    }
    return value;
  }
}

export class Transcript {
  readonly entries: TranscriptEntry[] = [];

  constructor(
    private readonly startedAt: number,
    private readonly masker: Masker,
    /** Bound on the number of entries kept (a chatty server cannot grow it without end). */
    private readonly maxEntries = 2000,
    /** Told each entry as it is added, masked (the editor streams the transcript while the probe runs). */
    private readonly listener?: TranscriptListener,
  ) {}

  /** A line the client sent. `shown` replaces the real text when the line carries a secret. */
  client(line: string, shown?: string): void {
    this.push('client', shown ?? line);
  }

  server(line: string): void {
    this.push('server', line);
  }

  info(text: string): void {
    this.push('info', text);
  }

  private push(direction: TranscriptDirection, text: string): void {
    if (this.entries.length >= this.maxEntries) {
      if (this.entries.length === this.maxEntries) this.add({ offsetMs: this.now(), direction: 'info', text: `Transcript cut after ${this.maxEntries} lines.` });
      return;
    }
    // Mask first, then cut: a cut must never leave part of a secret behind.
    const masked = this.masker.mask(text);
    const shown =
      masked.length > MAX_SHOWN_CHARS ? `${masked.slice(0, MAX_SHOWN_CHARS)}… (${masked.length - MAX_SHOWN_CHARS} more characters)` : masked;
    this.add({ offsetMs: this.now(), direction, text: shown });
  }

  private add(entry: TranscriptEntry): void {
    this.entries.push(entry);
    try {
      this.listener?.({ ...entry });
    } catch {
      // A failing listener must not break the probe.
    }
  }

  private now(): number {
    return Math.round(monotonicMs() - this.startedAt);
  }
}
