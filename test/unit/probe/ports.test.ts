// probePorts: several ports in parallel under one deadline.
import * as assert from 'node:assert/strict';
import { probePorts } from '../../../src/probe';
import { closeAllServers, closedPort, startHttpServer, startRawServer, startSmtpServer, startUnacceptingListener } from './helpers/servers';

describe('probe / probePorts', function () {
  this.timeout(10_000);
  afterEach(closeAllServers);

  it('tells plain SMTP + STARTTLS, implicit TLS, plain without STARTTLS, closed, filtered, silent and HTTP apart — under one deadline', async () => {
    const starttls = await startSmtpServer({ disableReverseLookup: true, authOptional: true });
    const implicit = await startSmtpServer({ disableReverseLookup: true, secure: true, authOptional: true });
    const plain = await startSmtpServer({ disableReverseLookup: true, hideSTARTTLS: true, authOptional: true });
    const closed = await closedPort();
    const filtered = await startUnacceptingListener();
    const filtered2 = await startUnacceptingListener();
    const silent = await startRawServer(() => undefined);
    const web = await startHttpServer();
    const ports = [starttls.port, implicit.port, plain.port, closed, filtered.port, filtered2.port, silent.port, web.port];
    const t = performance.now();
    const result = await probePorts('127.0.0.1', ports, { timeoutMs: 1500, silenceMs: 400 });
    const ms = performance.now() - t;
    // Each filtered port takes the whole deadline: one after the other they would take
    // at least 3000 ms, together about 1500.
    assert.ok(ms < 2 * 1500, `took ${ms} ms for ${ports.length} ports`);
    assert.equal(result.status, 'completed');
    assert.deepEqual(result.addresses, ['127.0.0.1']);
    const by = (port: number) => result.ports.find((p) => p.port === port)!;
    const summary = result.ports.map((p) => `${p.port}:${p.speaks}:${p.detail}`).join('\n');

    assert.equal(by(starttls.port).speaks, 'smtp', summary);
    assert.equal(by(starttls.port).starttls, true);
    assert.equal(by(starttls.port).suggestedTls, 'starttls');
    assert.match(by(starttls.port).banner ?? '', /^220 /);

    assert.equal(by(implicit.port).speaks, 'smtp-tls', summary);
    assert.equal(by(implicit.port).suggestedTls, 'implicit');
    assert.match(by(implicit.port).tlsProtocol ?? '', /^TLSv1\.[23]$/);

    assert.equal(by(plain.port).speaks, 'smtp', summary);
    assert.equal(by(plain.port).starttls, false);
    assert.equal(by(plain.port).suggestedTls, 'none');

    assert.equal(by(closed).speaks, 'refused', summary);
    assert.equal(by(closed).reachable, false);
    assert.equal(by(filtered.port).speaks, 'timeout', summary);
    assert.equal(by(filtered.port).reachable, false);
    assert.equal(by(filtered2.port).speaks, 'timeout', summary);
    assert.equal(by(silent.port).speaks, 'silent', summary);
    assert.equal(by(silent.port).reachable, true);
    assert.equal(by(web.port).speaks, 'not-smtp', summary);
  });

  it('a name that does not resolve: every port says so, fast', async () => {
    const result = await probePorts('nonexistent.invalid', [587, 465], { timeoutMs: 2000 });
    assert.ok(result.dnsError);
    assert.deepEqual(
      result.ports.map((p) => [p.port, p.speaks]),
      [
        [587, 'error'],
        [465, 'error'],
      ],
    );
  });

  it('cancellation ends every port at once', async () => {
    const silent = await startRawServer(() => undefined);
    const filtered = await startUnacceptingListener();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    // A deadline past the mocha timeout: only the abort can end this in time.
    const result = await probePorts('127.0.0.1', [silent.port, filtered.port], { timeoutMs: 60_000 }, controller.signal);
    assert.equal(result.status, 'cancelled');
  });
});
