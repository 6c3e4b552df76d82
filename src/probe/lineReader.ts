// A bounded reader of SMTP replies (RFC 5321 §4.2): bytes in, complete replies out.
//
// Memory is bounded whatever the peer sends:
// - an unfinished line may hold at most MAX_LINE_BYTES (4 KiB);
// - one reply may have at most MAX_REPLY_LINES (512) lines;
// - all complete lines kept (the reply being read plus replies not yet asked for)
//   may hold at most MAX_REPLY_BYTES (64 KiB).
// Past any limit the reader fails for good (`onFatal` lets the owner destroy the
// socket at once) and drops everything it still holds. The reader itself has no
// socket: its owner calls feed()/close(), so it survives a STARTTLS upgrade.

export const MAX_LINE_BYTES = 4096;
export const MAX_REPLY_LINES = 512;
export const MAX_REPLY_BYTES = 64 * 1024;
/** How many of the first bytes received are kept to tell what the peer is. */
export const SNIFF_BYTES = 256;

export interface ReaderLimits {
  maxLineBytes: number;
  maxReplyLines: number;
  maxReplyBytes: number;
}

export const DEFAULT_LIMITS: ReaderLimits = {
  maxLineBytes: MAX_LINE_BYTES,
  maxReplyLines: MAX_REPLY_LINES,
  maxReplyBytes: MAX_REPLY_BYTES,
};

export interface Reply {
  code: number;
  /** Text of each line after the code and separator. */
  lines: string[];
  /** Enhanced status code of the first line (RFC 3463), e.g. "5.7.9". */
  enhanced: string | null;
  /** Lines as received, without CRLF. */
  raw: string[];
}

export type ReaderErrorKind =
  | 'line-too-long'
  | 'too-many-lines'
  | 'reply-too-large'
  | 'malformed'
  | 'closed'
  | 'timeout'
  | 'silent'
  | 'cancelled';

export class ReaderError extends Error {
  constructor(
    readonly kind: ReaderErrorKind,
    message: string,
    /** The offending line (cut to 200 characters) or the socket error code. */
    readonly evidence?: string,
  ) {
    super(message);
    this.name = 'ReaderError';
  }
}

const REPLY_LINE = /^(\d{3})(?:([ -])(.*))?$/s;
const ENHANCED = /^([245]\.\d{1,3}\.\d{1,3})(?:\s|$)/;

interface Waiter {
  resolve: (reply: Reply) => void;
  reject: (error: ReaderError) => void;
  timers: NodeJS.Timeout[];
}

export class ReplyReader {
  /** Called with each complete line (for the transcript). */
  onLine: ((line: string) => void) | null = null;
  /** Called once when a limit is passed or the input is malformed. */
  onFatal: ((error: ReaderError) => void) | null = null;

  /** Bytes fed so far. */
  totalBytes = 0;
  /** Most bytes the reader ever held at once (unfinished line + complete lines). */
  peakBufferedBytes = 0;

  private partial: Buffer[] = [];
  private partialBytes = 0;
  private current: string[] = [];
  private currentCode = '';
  private currentBytes = 0;
  private queue: Array<{ reply: Reply; bytes: number }> = [];
  private queuedBytes = 0;
  private failure: ReaderError | null = null;
  private waiter: Waiter | null = null;
  private sniff: Buffer[] = [];
  private sniffBytes = 0;

  constructor(private readonly limits: ReaderLimits = DEFAULT_LIMITS) {}

  /** Bytes held now: unfinished line, lines of the reply being read, replies not yet read. */
  get bufferedBytes(): number {
    return this.partialBytes + this.currentBytes + this.queuedBytes;
  }

  /** The first bytes ever received (up to SNIFF_BYTES), to recognise what the peer speaks. */
  get firstBytes(): Buffer {
    return Buffer.concat(this.sniff);
  }

  get failed(): ReaderError | null {
    return this.failure;
  }

  feed(chunk: Buffer): void {
    if (this.failure) return;
    this.totalBytes += chunk.length;
    if (this.sniffBytes < SNIFF_BYTES) {
      const part = chunk.subarray(0, SNIFF_BYTES - this.sniffBytes);
      this.sniff.push(Buffer.from(part));
      this.sniffBytes += part.length;
    }
    let start = 0;
    while (start < chunk.length && !this.failure) {
      const nl = chunk.indexOf(0x0a, start);
      const end = nl === -1 ? chunk.length : nl;
      const pieceLength = end - start;
      // Count the line as it would be kept, CR excluded, before keeping anything.
      if (this.partialBytes + pieceLength > this.limits.maxLineBytes + 1) {
        const head = Buffer.concat([...this.partial, chunk.subarray(start, Math.min(end, start + 200))]);
        this.fail(
          new ReaderError(
            'line-too-long',
            `The server sent a line longer than ${this.limits.maxLineBytes} bytes; reading stopped.`,
            printable(head.subarray(0, 200)),
          ),
        );
        return;
      }
      if (nl === -1) {
        this.partial.push(Buffer.from(chunk.subarray(start)));
        this.partialBytes += pieceLength;
        this.track();
        return;
      }
      const lineBuffer = this.partial.length
        ? Buffer.concat([...this.partial, chunk.subarray(start, end)])
        : chunk.subarray(start, end);
      this.partial = [];
      this.partialBytes = 0;
      const withoutCr = lineBuffer.length && lineBuffer[lineBuffer.length - 1] === 0x0d ? lineBuffer.subarray(0, -1) : lineBuffer;
      if (withoutCr.length > this.limits.maxLineBytes) {
        this.fail(
          new ReaderError(
            'line-too-long',
            `The server sent a line longer than ${this.limits.maxLineBytes} bytes; reading stopped.`,
            printable(withoutCr.subarray(0, 200)),
          ),
        );
        return;
      }
      this.line(withoutCr.toString('utf8'), withoutCr.length);
      start = nl + 1;
    }
  }

  /** The connection ended (or failed with `error`). */
  close(error?: Error & { code?: string }): void {
    if (this.failure) return;
    const code = error?.code;
    this.fail(
      new ReaderError(
        'closed',
        error
          ? `The connection failed: ${code ?? error.message}.`
          : 'The server closed the connection.',
        code,
      ),
      false,
    );
  }

  /** Stop for good, e.g. on cancellation; pending and later reads reject with `error`. */
  abort(error: ReaderError): void {
    if (this.failure) return;
    this.fail(error, false);
  }

  /**
   * The next complete reply. Rejects with kind `timeout` after `timeoutMs`, and with
   * kind `silent` after `silenceMs` when not one byte has ever been received.
   */
  read(timeoutMs: number, silenceMs?: number): Promise<Reply> {
    if (this.waiter) return Promise.reject(new Error('ReplyReader: one read at a time'));
    const queued = this.queue.shift();
    if (queued) {
      this.queuedBytes -= queued.bytes;
      return Promise.resolve(queued.reply);
    }
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<Reply>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, timers: [] };
      waiter.timers.push(
        setTimeout(() => {
          this.settle(
            undefined,
            new ReaderError(
              'timeout',
              this.currentBytes || this.partialBytes
                ? `The reply was not complete after ${timeoutMs} ms.`
                : `No reply within ${timeoutMs} ms.`,
            ),
          );
        }, timeoutMs),
      );
      if (silenceMs !== undefined && silenceMs < timeoutMs) {
        waiter.timers.push(
          setTimeout(() => {
            if (this.totalBytes === 0) {
              this.settle(undefined, new ReaderError('silent', `Not one byte within ${silenceMs} ms.`));
            }
          }, silenceMs),
        );
      }
      this.waiter = waiter;
    });
  }

  private line(text: string, bytes: number): void {
    this.onLine?.(text);
    const match = REPLY_LINE.exec(text);
    if (!match || (this.current.length > 0 && match[1] !== this.currentCode)) {
      this.fail(
        new ReaderError(
          'malformed',
          match ? 'The lines of one reply carry different codes.' : 'The server sent a line that is not an SMTP reply.',
          text.slice(0, 200),
        ),
      );
      return;
    }
    if (this.current.length === 0) this.currentCode = match[1];
    this.current.push(text);
    this.currentBytes += bytes;
    if (this.current.length > this.limits.maxReplyLines) {
      this.fail(
        new ReaderError(
          'too-many-lines',
          `The server sent a reply of more than ${this.limits.maxReplyLines} lines; reading stopped.`,
          text.slice(0, 200),
        ),
      );
      return;
    }
    if (this.currentBytes + this.queuedBytes > this.limits.maxReplyBytes) {
      this.fail(
        new ReaderError(
          'reply-too-large',
          `The server sent more than ${this.limits.maxReplyBytes} bytes of replies; reading stopped.`,
          text.slice(0, 200),
        ),
      );
      return;
    }
    this.track();
    if (match[2] === '-') return; // more lines follow
    const raw = this.current;
    const lines = raw.map((l) => l.slice(4));
    const enhanced = ENHANCED.exec(lines[0] ?? '');
    const reply: Reply = { code: Number(this.currentCode), lines, enhanced: enhanced ? enhanced[1] : null, raw };
    const replyBytes = this.currentBytes;
    this.current = [];
    this.currentBytes = 0;
    this.currentCode = '';
    if (this.waiter) {
      this.settle(reply);
    } else {
      this.queue.push({ reply, bytes: replyBytes });
      this.queuedBytes += replyBytes;
    }
  }

  private track(): void {
    const held = this.bufferedBytes;
    if (held > this.peakBufferedBytes) this.peakBufferedBytes = held;
  }

  private fail(error: ReaderError, fatal = true): void {
    this.failure = error;
    this.partial = [];
    this.partialBytes = 0;
    this.current = [];
    this.currentBytes = 0;
    // Replies already complete stay readable (e.g. a 221 just before the close).
    this.settle(undefined, error);
    if (fatal) this.onFatal?.(error);
  }

  private settle(reply?: Reply, error?: ReaderError): void {
    const waiter = this.waiter;
    if (!waiter) return;
    this.waiter = null;
    for (const timer of waiter.timers) clearTimeout(timer);
    if (reply) waiter.resolve(reply);
    else if (error) waiter.reject(error);
  }
}

/** Bytes as text with control characters shown as \xNN, for evidence in messages. */
export function printable(bytes: Buffer): string {
  let out = '';
  for (const b of bytes) {
    if (b === 0x0d) out += '\\r';
    else if (b === 0x0a) out += '\\n';
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += '\\x' + b.toString(16).padStart(2, '0');
  }
  return out;
}
