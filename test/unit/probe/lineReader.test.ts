import * as assert from 'node:assert/strict';
import { MAX_LINE_BYTES, MAX_REPLY_BYTES, MAX_REPLY_LINES, ReaderError, ReplyReader } from '../../../src/probe/lineReader';

async function rejects(promise: Promise<unknown>, kind: string): Promise<ReaderError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ReaderError, `expected a ReaderError, got ${String(error)}`);
    assert.equal(error.kind, kind, error.message);
    return error;
  }
  assert.fail(`expected a ${kind} rejection`);
}

describe('probe / bounded reply reader', () => {
  it('parses single-line and multi-line replies, CRLF or bare LF, split anywhere', async () => {
    const r = new ReplyReader();
    const text = '220 mx.test ESMTP\r\n250-mx.test hello\r\n250-SIZE 1000\n250 AUTH PLAIN LOGIN\r\n';
    for (const ch of text) r.feed(Buffer.from(ch));
    const greeting = await r.read(100);
    assert.equal(greeting.code, 220);
    assert.deepEqual(greeting.lines, ['mx.test ESMTP']);
    const ehlo = await r.read(100);
    assert.equal(ehlo.code, 250);
    assert.deepEqual(ehlo.lines, ['mx.test hello', 'SIZE 1000', 'AUTH PLAIN LOGIN']);
    assert.equal(r.bufferedBytes, 0);
  });

  it('reads the enhanced status code of the first line', async () => {
    const r = new ReplyReader();
    r.feed(Buffer.from('534-5.7.9 Application-specific password required. Learn more at\r\n534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor x - gsmtp\r\n'));
    const reply = await r.read(100);
    assert.equal(reply.code, 534);
    assert.equal(reply.enhanced, '5.7.9');
    assert.equal(reply.raw.length, 2);
  });

  it('accepts a bare code without text ("250")', async () => {
    const r = new ReplyReader();
    r.feed(Buffer.from('250\r\n'));
    assert.equal((await r.read(100)).code, 250);
  });

  it(`refuses a line over ${MAX_LINE_BYTES} bytes and never holds more than that`, async () => {
    const r = new ReplyReader();
    let fatal: ReaderError | null = null;
    r.onFatal = (e) => (fatal = e);
    const pending = r.read(1000);
    const chunk = Buffer.alloc(1000, 0x41);
    let fed = 0;
    for (let i = 0; i < 5000 && !r.failed; i++) {
      r.feed(chunk); // 5 MB offered, one KB at a time
      fed += chunk.length;
    }
    await rejects(pending, 'line-too-long');
    assert.ok(fatal, 'onFatal called');
    assert.ok(r.peakBufferedBytes <= MAX_LINE_BYTES + 1, `peak ${r.peakBufferedBytes}`);
    assert.ok(fed <= MAX_LINE_BYTES + chunk.length, `stopped reading after ${fed} bytes`);
    r.feed(Buffer.alloc(100000, 0x41)); // ignored after failure
    assert.equal(r.bufferedBytes, 0);
  });

  it('accepts a line of exactly the limit', async () => {
    const r = new ReplyReader();
    r.feed(Buffer.from(`250 ${'x'.repeat(MAX_LINE_BYTES - 4)}\r\n`));
    assert.equal((await r.read(100)).code, 250);
  });

  it(`refuses a reply of more than ${MAX_REPLY_LINES} lines`, async () => {
    const r = new ReplyReader();
    const pending = r.read(1000);
    for (let i = 0; i < 600 && !r.failed; i++) r.feed(Buffer.from(`250-line ${i}\r\n`));
    const error = await rejects(pending, 'too-many-lines');
    assert.match(error.message, /512/);
  });

  it(`refuses replies totalling more than ${MAX_REPLY_BYTES} bytes, queued or not`, async () => {
    const r = new ReplyReader();
    // Unsolicited complete replies while nobody reads: still bounded.
    const line = `250 ${'y'.repeat(4000)}\r\n`;
    for (let i = 0; i < 40 && !r.failed; i++) r.feed(Buffer.from(line));
    assert.equal(r.failed?.kind, 'reply-too-large');
    assert.ok(r.peakBufferedBytes <= MAX_REPLY_BYTES, `peak ${r.peakBufferedBytes}`);
  });

  it('refuses a line that is not an SMTP reply, and mixed codes in one reply', async () => {
    const r = new ReplyReader();
    r.feed(Buffer.from('HTTP/1.1 400 Bad Request\r\n'));
    const error = await rejects(r.read(100), 'malformed');
    assert.equal(error.evidence, 'HTTP/1.1 400 Bad Request');
    const r2 = new ReplyReader();
    r2.feed(Buffer.from('250-a\r\n251 b\r\n'));
    await rejects(r2.read(100), 'malformed');
  });

  it('times out on an incomplete reply, and reports silence only when no byte came', async () => {
    const r = new ReplyReader();
    await rejects(r.read(200, 50), 'silent');
    r.feed(Buffer.from('22'));
    await rejects(r.read(60, 10), 'timeout');
  });

  it('keeps a reply that arrived before the close readable, then reports the close', async () => {
    const r = new ReplyReader();
    r.feed(Buffer.from('221 bye\r\n'));
    r.close();
    assert.equal((await r.read(100)).code, 221);
    await rejects(r.read(100), 'closed');
  });

  it('keeps the first bytes received for sniffing', () => {
    const r = new ReplyReader();
    r.feed(Buffer.from('SSH-2.0-OpenSSH_9.6\r\n'));
    assert.equal(r.firstBytes.toString(), 'SSH-2.0-OpenSSH_9.6\r\n');
  });
});
