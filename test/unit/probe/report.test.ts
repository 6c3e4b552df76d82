// Text and Markdown rendering, and the transcript's own masking layer.
import * as assert from 'node:assert/strict';
import { renderMarkdown, renderText, toReportJson, type ProbeResult } from '../../../src/probe';
import { Masker, Transcript, monotonicMs } from '../../../src/probe/transcript';

function sample(): ProbeResult {
  return {
    status: 'completed',
    host: 'smtp.example.test',
    port: 587,
    requestedTls: 'auto',
    effectiveTls: 'starttls',
    retriedWith: null,
    addresses: ['192.0.2.10'],
    connectedAddress: '192.0.2.10',
    banner: 'smtp.example.test ESMTP',
    diagnosis: { code: 'auth-failed', summary: 'The server refused | the login', fix: 'Check `user`.' },
    followUp: null,
    steps: [
      { name: 'connect', status: 'ok', ms: 12, detail: 'Connected to 192.0.2.10:587.' },
      { name: 'auth', status: 'fail', ms: 40, detail: 'AUTH PLAIN refused: 535 a|b' },
      { name: 'quit', status: 'skipped', ms: 0, detail: 'x' },
    ],
    transcript: [
      { offsetMs: 0, direction: 'info', text: 'Connecting' },
      { offsetMs: 5, direction: 'server', text: '220 has ``` backticks' },
      { offsetMs: 6, direction: 'client', text: 'EHLO [192.0.2.1]' },
    ],
    tls: null,
    capabilities: { raw: ['PIPELINING', 'SIZE 10485760', 'AUTH PLAIN'], esmtp: true, starttls: false, authMechanisms: ['PLAIN'], size: 10485760, eightBitMime: false, pipelining: true, smtpUtf8: false, enhancedStatusCodes: false },
    authenticated: false,
    authMechanism: null,
    plaintextAuth: false,
    certificateVerification: 'system',
    testMessage: null,
    stats: { bytesReceived: 100, peakBufferedBytes: 50 },
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 60,
  };
}

describe('probe / reports', () => {
  it('text: steps with marks and timings, capabilities, verdict last', () => {
    const text = renderText(sample());
    assert.match(text, /✔ connect +12 ms {2}Connected/);
    assert.match(text, /✖ auth +40 ms/);
    assert.match(text, /– quit/);
    assert.match(text, /SIZE 10 MiB/);
    assert.ok(text.trimEnd().endsWith('Check `user`.'));
    assert.ok(!text.includes('Transcript'), 'transcript only on request');
    assert.match(renderText(sample(), { transcript: true }), /S: 220 has/);
  });

  it('Markdown: escaped table cells, folded transcript with a safe fence', () => {
    const md = renderMarkdown(sample());
    assert.match(md, /^### SMTP Doctor: `smtp\.example\.test:587` — ✖ `auth-failed`/);
    assert.match(md, /\| ✖ \| auth \| 40 ms \| AUTH PLAIN refused: 535 a\\\|b \|/);
    assert.match(md, /<details><summary>Transcript<\/summary>/);
    assert.match(md, /^````text$/m, 'fence longer than the backticks inside');
    assert.match(md, /`SIZE 10485760`/);
  });

  it('JSON contract keys', () => {
    const json = toReportJson(sample());
    assert.deepEqual(Object.keys(json), ['diagnosis', 'steps', 'transcript', 'tls', 'capabilities']);
    assert.deepEqual(json.capabilities, ['PIPELINING', 'SIZE 10485760', 'AUTH PLAIN']);
  });

  it('the transcript masks on its own (before the final result-wide masking)', () => {
    const masker = new Masker();
    masker.add('hunter2-secret');
    const t = new Transcript(monotonicMs(), masker);
    t.client(`AUTH PLAIN ${Buffer.from('\0u\0hunter2-secret').toString('base64')}`, 'AUTH PLAIN ********');
    t.server('535 you said hunter2-secret');
    t.server(`535 ${'x'.repeat(2000)} hunter2-secret`);
    const all = JSON.stringify(t.entries);
    assert.ok(!all.includes('hunter2-secret'));
    assert.equal(t.entries[0].text, 'AUTH PLAIN ********');
    assert.equal(t.entries[1].text, '535 you said ********');
    assert.match(t.entries[2].text, /… \(\d+ more characters\)$/);
    assert.ok(t.entries.every((e) => typeof e.offsetMs === 'number'));
  });
});
