// The CLI contract of `smtp-doctor explain`: exit codes, the JSON shape, standard
// input, masking — run as a real child process on the built bundle.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../../../..');
const CLI = path.join(REPO, 'dist', 'cli.js');

function run(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, 'explain', ...args], { cwd: REPO, encoding: 'utf8', input: input ?? '', timeout: 30000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('smtp-doctor explain (CLI)', () => {
  before(() => assert.ok(fs.existsSync(CLI), 'dist/cli.js is built (npm run build)'));

  it('explains a recognised error from the arguments: exit 0, summary, fix, what matched and the library', () => {
    const { code, stdout } = run(['Error:', 'Invalid', 'login:', '535-5.7.8', 'Username', 'and', 'Password', 'not', 'accepted.', '-', 'gsmtp']);
    assert.equal(code, 0);
    assert.match(stdout, /^✖ The server refused the user name or password/);
    assert.match(stdout, /\n {2}Fix: .*app password/);
    assert.match(stdout, /\n {2}Matched: “535-5\.7\.8 Username and Password not accepted\. - gsmtp”/);
    assert.match(stdout, /\n {2}From: nodemailer, Gmail reply\n/);
    assert.match(stdout, /\n {2}Code: auth-failed\n$/);
  });

  it('prints JSON with exactly diagnosis {code, summary, fix}, matched and library', () => {
    const { code, stdout } = run(['--format', 'json', 'javax.net.ssl.SSLException: Unrecognized SSL message, plaintext connection?']);
    assert.equal(code, 0);
    const json = JSON.parse(stdout);
    assert.deepEqual(Object.keys(json), ['diagnosis', 'matched', 'library']);
    assert.deepEqual(Object.keys(json.diagnosis), ['code', 'summary', 'fix']);
    assert.equal(json.diagnosis.code, 'tls-not-expected');
    assert.equal(json.matched, 'Unrecognized SSL message, plaintext connection?');
    assert.equal(json.library, 'Java TLS (JSSE)');
  });

  it('reads standard input when no text is given, and when the text is "-"', () => {
    const input = 'smtplib.SMTPNotSupportedError: SMTP AUTH extension not supported by server.\n';
    for (const args of [[], ['-'], ['--format', 'json', '-']]) {
      const { code, stdout } = run(args, input);
      assert.equal(code, 0, args.join(' '));
      assert.match(stdout, /starttls-required/);
    }
  });

  it('uses the port the text names', () => {
    const { stdout } = run(['--format', 'json', 'connect ETIMEDOUT 52.96.184.50:465']);
    assert.match(JSON.parse(stdout).diagnosis.summary, /52\.96\.184\.50:465/);
  });

  it('says plainly when the text is not recognised: exit 1, and what to do instead', () => {
    const text = run(['The', 'coffee', 'machine', 'is', 'empty']);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /^Not recognised as an SMTP error\. Test the server live instead: smtp-doctor probe HOST --port PORT\n$/);
    const json = run(['--format', 'json', 'nothing to see at mail.example.com:587']);
    assert.equal(json.code, 1);
    assert.deepEqual(JSON.parse(json.stdout), {
      diagnosis: null,
      matched: null,
      library: null,
      hint: 'Not recognised as an SMTP error. Test the server live instead: smtp-doctor probe mail.example.com --port 587',
    });
  });

  it('exits 2 on bad usage: unknown option, bad format, empty input', () => {
    for (const [args, input, message] of [
      [['--bogus', 'x'], '', /unknown option --bogus/],
      [['--format', 'xml', 'x'], '', /--format must be one of text, json/],
      [[], '   \n', /no error text given \(standard input was empty\)/],
    ] as const) {
      const { code, stderr } = run([...args], input);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, message);
      assert.match(stderr, /Usage: smtp-doctor explain/);
    }
  });

  it('prints its help with exit 0, and is listed in the main help', () => {
    assert.equal(run(['--help']).code, 0);
    const main = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
    assert.match(main.stdout, /smtp-doctor explain \[--format text\|json\] \[TEXT…\]/);
  });

  it('never prints a password or AUTH payload from the pasted text', () => {
    const password = 'Tr0ub4dor&3-horse';
    const payload = Buffer.from(`\0me@example.com\0${password}`).toString('base64');
    const pasted = `C: AUTH PLAIN ${payload}\nS: 535 5.7.3 Authentication unsuccessful\nSMTP_PASSWORD=${password}\n`;
    for (const args of [[], ['--format', 'json']]) {
      const { code, stdout } = run(args, pasted);
      assert.equal(code, 0);
      assert.ok(!stdout.includes(password) && !stdout.includes(payload), stdout);
    }
  });

  for (const argv of [['explain', '535 5.7.8 x'], ['probe', '--help']]) {
    it(`${argv[0]} does not load the config readers`, () => {
      // The compiled (unbundled) CLI, so each loaded module shows in require.cache.
      const script = `require(${JSON.stringify(path.join(REPO, 'out/src/cli/main.js'))}).main(${JSON.stringify(argv)}, { stdout() {}, stderr() {}, env: {}, cwd: '.', readStdin: async () => '' })
        .then(() => console.log(JSON.stringify(Object.keys(require.cache))))`;
      const loaded: string[] = JSON.parse(spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout);
      assert.ok(loaded.some((file) => new RegExp(`cli[\\\\/]${argv[0]}\\.js$`).test(file)), `${argv[0]} was loaded`);
      const heavy = loaded.filter((file) => /engine[\\/](formats|analyze|rules|fixes)|node_modules[\\/](yaml|dotenv|jsonc-parser)[\\/]/.test(file));
      assert.deepEqual(heavy, []);
    });
  }
});
