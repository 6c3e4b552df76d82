// Cancellation (AbortSignal) and progress events.
import * as assert from 'node:assert/strict';
import { probe, type ProbeStep } from '../../../src/probe';
import { testCerts } from './helpers/certs';
import { PASSWORD, USER, assertCode, step } from './helpers/common';
import { closeAllServers, startRawServer, startSmtpServer, startUnacceptingListener } from './helpers/servers';

describe('probe / cancellation and progress', function () {
  this.timeout(10_000);
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  before(() => process.on('unhandledRejection', onUnhandled));
  after(() => process.off('unhandledRejection', onUnhandled));
  afterEach(async () => {
    await closeAllServers();
    await new Promise((r) => setTimeout(r, 20)); // let late rejections surface
    assert.deepEqual(unhandled.splice(0), [], 'no unhandled rejection');
  });

  // Time limits of a minute, far past the mocha timeout: a probe that waited for them
  // instead of ending on the abort fails the test, on any machine.
  it('abort while waiting for a greeting: resolves with cancelled, socket closed', async () => {
    const peer = await startRawServer(() => undefined);
    const controller = new AbortController();
    const running = probe({ host: '127.0.0.1', port: peer.port, timeoutMs: 60_000 }, controller.signal, (s) => {
      if (s.name === 'greeting' && s.status === 'running') setTimeout(() => controller.abort(), 50);
    });
    const result = await running;
    assert.equal(result.status, 'cancelled');
    assertCode(result, 'cancelled');
    assert.deepEqual(
      result.steps.map((s) => `${s.name}:${s.status}`),
      ['resolve:ok', 'connect:ok', 'greeting:cancelled'],
      'the greeting was cut short: no silence retry',
    );
    await peer.closed; // the server saw the connection go
  });

  it('abort during a pending TCP connect (accept queue full)', async () => {
    const listener = await startUnacceptingListener();
    const controller = new AbortController();
    const running = probe({ host: '127.0.0.1', port: listener.port, timeoutMs: 60_000 }, controller.signal);
    setTimeout(() => controller.abort(), 100);
    const result = await running;
    assertCode(result, 'cancelled');
    assert.equal(step(result, 'connect').status, 'cancelled');
    assert.equal(result.steps.length, 2, 'resolve, then the cancelled connect');
  });

  it('abort in the middle of AUTH (the server never answers): cancelled, earlier steps kept', async () => {
    let authStarted = false;
    const { port } = await startSmtpServer({
      disableReverseLookup: true,
      authMethods: ['PLAIN'],
      onAuth: () => {
        authStarted = true; // and never call back
      },
    });
    const controller = new AbortController();
    const events: ProbeStep[] = [];
    const result = await probe(
      { host: 'localhost', port, tls: 'starttls', user: USER, password: PASSWORD, ca: testCerts().ca, timeoutMs: 5000 },
      controller.signal,
      (s) => {
        events.push(s);
        if (s.name === 'auth' && s.status === 'running') setTimeout(() => controller.abort(), 50);
      },
    );
    assertCode(result, 'cancelled');
    assert.ok(authStarted);
    assert.equal(step(result, 'auth').status, 'cancelled');
    assert.equal(step(result, 'starttls').status, 'ok');
    assert.ok(!JSON.stringify(result).includes(PASSWORD));
    // Progress: every step announced as running, then finished.
    const names = result.steps.map((s) => s.name);
    assert.deepEqual(
      events.filter((e) => e.status === 'running').map((e) => e.name),
      names,
    );
    assert.deepEqual(
      events.filter((e) => e.status !== 'running').map((e) => `${e.name}:${e.status}`),
      result.steps.map((s) => `${s.name}:${s.status}`),
    );
  });

  it('an already aborted signal: cancelled before any connection', async () => {
    const peer = await startRawServer(() => undefined);
    const controller = new AbortController();
    controller.abort();
    const result = await probe({ host: '127.0.0.1', port: peer.port }, controller.signal);
    assertCode(result, 'cancelled');
    assert.equal(result.steps.length, 0);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(peer.accepted.length, 0);
  });

  it('a throwing progress listener does not break the probe', async () => {
    const { port } = await startSmtpServer({ disableReverseLookup: true, authOptional: true });
    const result = await probe({ host: 'localhost', port, ca: testCerts().ca, timeoutMs: 2000 }, undefined, () => {
      throw new Error('listener bug');
    });
    assertCode(result, 'ok');
  });

  it('invalid options reject with a TypeError (programming errors, not diagnoses)', async () => {
    await assert.rejects(probe({ host: '', port: 25 }), TypeError);
    await assert.rejects(probe({ host: 'h', port: 0 }), TypeError);
    await assert.rejects(probe({ host: 'h', port: 25, user: 'u' }), /password or an OAuth token/);
    await assert.rejects(probe({ host: 'h', port: 25, sendTest: { from: 'a@b', to: 'x\r\nRCPT TO:<evil@x>' } }), TypeError);
  });
});
