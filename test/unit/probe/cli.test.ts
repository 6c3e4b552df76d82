// The `smtp-doctor probe` command: usage errors, exit codes, the JSON contract, the
// text report — called directly, and as a real child process.
import * as assert from 'node:assert/strict';
import { spawnSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runProbeCommand } from '../../../src/cli/probe';
import { testCerts } from './helpers/certs';
import { PASSWORD, TOKEN, USER, assertNoSecrets } from './helpers/common';
import { closeAllServers, startSmtpServer } from './helpers/servers';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runProbeCommand(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env });
  return { code, stdout, stderr };
}

function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}

async function authServer() {
  return startSmtpServer({
    disableReverseLookup: true,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth: (auth, _session, callback) =>
      auth.username === USER && auth.password === PASSWORD ? callback(null, { user: USER }) : callback(new Error('Error: authentication failed')),
  });
}

describe('probe / CLI: smtp-doctor probe', function () {
  this.timeout(15_000);
  afterEach(closeAllServers);

  describe('bad usage → exit 2 with a clear message', () => {
    const cases: Array<[string, string[], NodeJS.ProcessEnv, RegExp]> = [
      ['missing host', [], {}, /missing <host>/],
      ['unknown flag', ['smtp.example.test', '--bogus'], {}, /unknown option --bogus/],
      ['port out of range', ['smtp.example.test', '--port', '70000'], {}, /--port must be from 1 to 65535/],
      ['port not a number', ['smtp.example.test', '--port', 'abc'], {}, /--port must be a number/],
      ['flag without value', ['smtp.example.test', '--port'], {}, /--port needs a value/],
      ['bad tls mode', ['smtp.example.test', '--tls', 'ssl'], {}, /--tls must be one of auto, starttls, implicit, none/],
      ['bad format', ['smtp.example.test', '--format', 'xml'], {}, /--format must be text or json/],
      ['unset password variable', ['smtp.example.test', '--user', 'u', '--password-env', 'SMTP_PASS'], {}, /environment variable SMTP_PASS \(named by --password-env\) is not set/],
      ['empty password variable', ['smtp.example.test', '--user', 'u', '--password-env', 'SMTP_PASS'], { SMTP_PASS: '' }, /SMTP_PASS .* is empty/],
      ['unset token variable', ['smtp.example.test', '--user', 'u', '--oauth-token-env', 'TOK'], {}, /TOK .* is not set/],
      ['password on the command line', ['smtp.example.test', '--password', 'hunter2'], {}, /--password-env/],
      ['user without secret', ['smtp.example.test', '--user', 'u'], {}, /--user needs --password-env/],
      ['secret without user', ['smtp.example.test', '--password-env', 'P'], { P: 'x' }, /need --user/],
      ['from without to', ['smtp.example.test', '--from', 'a@b.test'], {}, /--from and --to go together/],
      ['bad ports list', ['smtp.example.test', '--ports', '587,abc'], {}, /each port in --ports/],
      ['bad timeout', ['smtp.example.test', '--timeout', '-5'], {}, /--timeout/],
      ['missing CA file', ['smtp.example.test', '--ca', '/nonexistent/ca.pem'], {}, /cannot read the CA file .*ENOENT/],
      ['two hosts', ['a.test', 'b.test'], {}, /only one host/],
      ['conflicting ports', ['a.test:465', '--port', '587'], {}, /two different ports/],
    ];
    for (const [what, argv, env, message] of cases) {
      it(what, async () => {
        const r = await run(argv, env);
        assert.equal(r.code, 2, r.stderr);
        assert.match(r.stderr, message);
        assert.equal(r.stdout, '');
      });
    }

    it('--help → usage on stdout, exit 0', async () => {
      const r = await run(['--help']);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /Usage: smtp-doctor probe <host>/);
    });
  });

  it('JSON: exactly {diagnosis, steps, transcript, tls, capabilities}; exit 0 on ok; no secret anywhere', async () => {
    const { port } = await authServer();
    const r = await run(
      ['localhost', '--port', String(port), '--tls', 'starttls', '--user', USER, '--password-env', 'MY_SMTP_PASS', '--ca', testCerts().caFile, '--format', 'json', '--timeout', '3000'],
      { MY_SMTP_PASS: PASSWORD },
    );
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(json), ['diagnosis', 'steps', 'transcript', 'tls', 'capabilities']);
    assert.deepEqual(Object.keys(json.diagnosis), ['code', 'summary', 'fix']);
    assert.equal(json.diagnosis.code, 'ok');
    for (const s of json.steps) assert.deepEqual(Object.keys(s), ['name', 'status', 'ms', 'detail']);
    assert.ok(json.transcript.every((t: { direction: string }) => ['client', 'server', 'info'].includes(t.direction)));
    assert.equal(json.tls.chainVerified, true);
    assert.ok(Array.isArray(json.capabilities) && json.capabilities.includes('AUTH PLAIN LOGIN'));
    assertNoSecrets(r.stdout + r.stderr);
  });

  it('JSON with --ports adds "ports"; host:port form works', async () => {
    const { port } = await startSmtpServer({ disableReverseLookup: true, authOptional: true });
    const r = await run([`127.0.0.1:${port}`, '--ports', String(port), '--format', 'json', '--timeout', '2000', '--insecure']);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(json), ['diagnosis', 'steps', 'transcript', 'tls', 'capabilities', 'ports']);
    assert.equal(json.ports[0].port, port);
    assert.equal(json.ports[0].speaks, 'smtp');
    assert.equal(r.code, 0);
  });

  it('text: marks, timings, TLS, capabilities, verdict and fix; exit 1 on a problem', async () => {
    const { port } = await authServer();
    const r = await run(
      ['localhost', '--port', String(port), '--user', USER, '--password-env', 'P', '--ca', testCerts().caFile, '--timeout', '3000', '--transcript'],
      { P: 'not-the-password' },
    );
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^ {2}✔ connect +\d+ ms {2}Connected to/m);
    assert.match(r.stdout, /^ {2}✖ auth +\d+ ms {2}AUTH PLAIN refused/m);
    assert.match(r.stdout, /^TLS\n {2}Protocol +TLSv1\.[23]/m);
    assert.match(r.stdout, /^Capabilities\n {2}.*AUTH PLAIN LOGIN/m);
    assert.match(r.stdout, /Verdict: ✖ auth-failed\n {2}The server refused the user name or password/);
    assert.match(r.stdout, /Fix:\n {2}Check the user name/);
    assert.match(r.stdout, /C: AUTH PLAIN \*\*\*\*\*\*\*\*/);
    assert.ok(!r.stdout.includes('not-the-password'));
  });

  it('OAuth token from the environment, never printed', async () => {
    const { port } = await startSmtpServer({
      disableReverseLookup: true,
      authMethods: ['XOAUTH2'],
      onAuth: (auth, _s, cb) => (auth.accessToken === TOKEN ? cb(null, { user: USER }) : cb(new Error('no'))),
    });
    const r = await run(['localhost', '--port', String(port), '--user', USER, '--oauth-token-env', 'TOK', '--ca', testCerts().caFile, '--format', 'json'], { TOK: TOKEN });
    assert.equal(r.code, 0, r.stdout);
    assertNoSecrets(r.stdout);
  });

  describe('as a real child process', () => {
    let cli: string | null = null;
    let tmp = '';
    before(async function () {
      this.timeout(30_000);
      // Bundle an entry that calls runProbeCommand exactly as src/cli/main.ts should,
      // so the real process, exit code and environment are tested even before wiring.
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-doctor-cli-'));
      const entry = path.join(tmp, 'entry.ts');
      fs.writeFileSync(
        entry,
        `import { runProbeCommand } from ${JSON.stringify(path.join(repoRoot(), 'src/cli/probe'))};\n` +
          'runProbeCommand(process.argv.slice(3), { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), env: process.env }).then((c) => { process.exitCode = c; });\n',
      );
      const esbuild = await import('esbuild');
      await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: path.join(tmp, 'cli.js'), logLevel: 'silent' });
      cli = path.join(tmp, 'cli.js');
    });
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    function runChild(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
      return new Promise((resolve) => {
        const child = spawn(process.execPath, [script, ...args], { env: { PATH: process.env.PATH, ...env } });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
      });
    }

    it('bundled runProbeCommand: JSON on stdout, exit 0, exit 2 on bad usage', async () => {
      const { port } = await authServer();
      const ok = await runChild(cli!, ['probe', 'localhost', '--port', String(port), '--user', USER, '--password-env', 'SMTP_PW', '--ca', testCerts().caFile, '--format', 'json'], {
        SMTP_PW: PASSWORD,
      });
      assert.equal(ok.code, 0, ok.stderr);
      assert.equal(JSON.parse(ok.stdout).diagnosis.code, 'ok');
      assertNoSecrets(ok.stdout + ok.stderr);
      const bad = await runChild(cli!, ['probe', 'localhost', '--port', '0'], {});
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /--port/);
    });

    it('dist/cli.js (once src/cli/main.ts routes "probe" to runProbeCommand)', async function () {
      const dist = path.join(repoRoot(), 'dist', 'cli.js');
      const wired = fs.existsSync(dist) && /Usage: smtp-doctor probe/.test(spawnSync(process.execPath, [dist, 'probe', '--help'], { encoding: 'utf8' }).stdout ?? '');
      if (!wired) return this.skip(); // not wired (or not built) yet: the bundled test above covers the command
      const { port } = await authServer();
      const r = await runChild(dist, ['probe', 'localhost', '--port', String(port), '--user', USER, '--password-env', 'SMTP_PW', '--ca', testCerts().caFile, '--format', 'json'], {
        SMTP_PW: PASSWORD,
      });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(JSON.parse(r.stdout).diagnosis.code, 'ok');
      const bad = await runChild(dist, ['probe', '--bogus'], {});
      assert.equal(bad.code, 2);
    });
  });
});
