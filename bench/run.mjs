#!/usr/bin/env node
// `npm run bench`: performance figures of SMTP Doctor, measured in one process run.
//
//   1. whole-tree check of a generated 10,000-file workspace, against a parse-only baseline
//   2. re-analysis of a 5,000-line YAML file after a one-character edit
//   3. extension bundle size; module load + first analysis of a typical .env (plain Node)
//   4. live probe against loopback SMTP servers; probePorts with one silent listener
//
// Prints a table and writes bench-results/latest.json (the previous one becomes
// bench-results/previous.json). Ratios between figures of the same run are what
// matter; absolute times depend on the machine. A benchmark, not a test: it exits 0
// whatever the figures, and non-zero only when it crashes.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as zlib from 'node:zlib';
import * as esbuild from 'esbuild';
import { builds } from '../scripts/bundles.mjs';
import { bigYaml, bigYamlNested, generateWorkspace } from './generate.mjs';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_DIR = path.join(ROOT, 'bench-results');
const SCHEMA = 1;
const SEED = 20240611;
const FILE_COUNT = 10_000;
const PORTS_TIMEOUT_MS = 1000;
// editP95Ratio: analyzeText's p95 after an edit / the yaml library's parseAllDocuments p95 on the same texts.
// longestBlockMs: the longest single synchronous analyzeText call (it blocks the extension host).
const GOALS = { treeRatio: 1.3, editP95Ratio: 0.1, longestBlockMs: 50, portsWallRatio: 1.2, cliStartupRatio: 1.2, probeSwaksRatio: 1.0 };

const started = performance.now();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-doctor-bench-'));
const cleanups = [];
let cleanedUp = false;
async function cleanup() {
  if (cleanedUp) return;
  cleanedUp = true;
  for (const fn of cleanups.splice(0).reverse()) {
    try {
      await fn();
    } catch {
      // best effort
    }
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.once('SIGINT', () => {
  void cleanup().finally(() => process.exit(130));
});
process.once('exit', () => {
  if (!cleanedUp) fs.rmSync(tmp, { recursive: true, force: true });
});

// --- helpers --------------------------------------------------------------------
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => {
  const s = sorted(xs);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
/** Nearest-rank percentile. */
const percentile = (xs, p) => {
  const s = sorted(xs);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] : NaN;
};
const round = (x, digits = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null);
const ms = (x) => (Number.isFinite(x) ? (x >= 100 ? `${Math.round(x)} ms` : `${x.toFixed(x >= 10 ? 1 : 2)} ms`) : 'n/a');
const ratio = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : 'n/a');
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const say = (text) => process.stdout.write(`${text}\n`);
const progress = (text) => process.stderr.write(`· ${text}\n`);
/** A full collection between timed passes, so one pass does not pay for the previous one's garbage. */
const gc = (() => {
  try {
    v8.setFlagsFromString('--expose-gc');
    const fn = vm.runInNewContext('gc');
    return () => fn();
  } catch {
    return () => undefined;
  }
})();

function git(args) {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

async function bundle(entry, outfile, minify) {
  await esbuild.build({
    entryPoints: [path.join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify,
    mainFields: ['module', 'main'], // jsonc-parser's UMD build does not bundle
    define: { SMTP_DOCTOR_VERSION: '"bench"' },
    logLevel: 'error',
  });
  return outfile;
}

/**
 * The environment without NODE_EXTRA_CA_CERTS, where it is set. Node 20 reads and parses that file when it starts,
 * before any script (`node -e 0`: 37 ms without it, 100 ms with the system bundle of 144 certificates, measured on
 * the bench machine), and swaks does not read it: sections 4 and 5 report their ratios with the environment as it is
 * and, beside them, without it, so that a machine setting is told apart from the CLI's own cost.
 */
const EXTRA_CA_ENV = process.env.NODE_EXTRA_CA_CERTS ? Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_EXTRA_CA_CERTS')) : null;

// --- 5. CLI start-up ----------------------------------------------------------------
/**
 * `smtp-doctor --help` as a whole process against `node -e 0`, both spawned in turn (interleaved, so
 * load on the machine falls on both): the CLI's own start-up cost, with the minified production
 * bundles a user installs (scripts/bundles.mjs, --production): the dispatcher, which loads no command for --help.
 */
async function benchStartup(runs = 15) {
  const outdir = path.join(tmp, 'startup');
  await Promise.all(builds({ outdir, production: true, logLevel: 'error' }).map((options) => esbuild.build(options)));
  const cli = path.join(outdir, 'cli.js');
  const time = (args, env = process.env) => {
    const t0 = performance.now();
    const result = spawnSync(process.execPath, args, { encoding: 'utf8', env });
    return { ms: performance.now() - t0, status: result.status };
  };
  const bare = [];
  const help = [];
  const clean = { bare: [], help: [] };
  let status = 0;
  for (let i = 0; i < runs; i++) {
    bare.push(time(['-e', '0']).ms);
    const run = time([cli, '--help']);
    help.push(run.ms);
    status ||= run.status;
    if (EXTRA_CA_ENV) {
      clean.bare.push(time(['-e', '0'], EXTRA_CA_ENV).ms);
      clean.help.push(time([cli, '--help'], EXTRA_CA_ENV).ms);
    }
  }
  const withoutExtraCa = EXTRA_CA_ENV ? { nodeMs: median(clean.bare), helpMs: median(clean.help) } : null;
  return { runs, nodeMs: median(bare), helpMs: median(help), status, bytes: fs.statSync(cli).size, cli, withoutExtraCa };
}

// --- 1. whole tree ----------------------------------------------------------------
const MAIL_WORDS = /smtp|mail/i;

/** walk + read + (parse | analyze) every file; per-file CPU time split by whether the text has a mail word. */
function treePass(m, root, mode, every = 1) {
  const t0 = performance.now();
  const files = m.collectConfigFiles([root]).files.filter((_, i) => i % every === 0);
  const split = { mail: { n: 0, ms: 0 }, other: { n: 0, ms: 0 } };
  let findings = 0;
  let groups = 0;
  let entries = 0;
  for (const file of files) {
    const read = m.readText(file);
    if (!('text' in read)) continue;
    const bucket = MAIL_WORDS.test(read.text) ? split.mail : split.other;
    const a = performance.now();
    if (mode === 'parse') {
      entries += m.parseConfig(m.detectFormat(file), read.text).entries.length;
    } else {
      const analysis = m.analyzeText(file, read.text, { rules: {}, context: 'application' });
      findings += analysis.findings.length;
      groups += analysis.groups.length;
    }
    bucket.n++;
    bucket.ms += performance.now() - a;
  }
  return { ms: performance.now() - t0, files: files.length, split, findings, groups, entries };
}

/**
 * The real CLI: dist/cli.js, built with scripts/build.mjs when missing. When it is older
 * than src/, dist/ is left alone (others may be using it) and the CLI is bundled from the
 * current sources into the temporary folder with the same options as scripts/build.mjs.
 */
async function ensureCli() {
  const cli = path.join(ROOT, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) {
    progress('dist/cli.js is missing: node scripts/build.mjs');
    const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
    if (!fs.existsSync(cli)) return { cli: null, note: `build failed: ${firstLine(build.stderr)}` };
    return { cli, note: 'dist/cli.js, built by scripts/build.mjs' };
  }
  let newestSource = 0;
  const stack = [path.join(ROOT, 'src')];
  while (stack.length) {
    const dir = stack.pop();
    for (const item of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, item.name);
      if (item.isDirectory()) stack.push(full);
      else newestSource = Math.max(newestSource, fs.statSync(full).mtimeMs);
    }
  }
  if (fs.statSync(cli).mtimeMs >= newestSource) return { cli, note: 'dist/cli.js' };
  const fresh = path.join(tmp, 'cli', 'cli.js');
  try {
    await Promise.all(builds({ outdir: path.dirname(fresh), logLevel: 'silent' }).map((options) => esbuild.build(options)));
    return { cli: fresh, note: 'dist/cli.js was stale: current src/ built the same way into a temp folder' };
  } catch (error) {
    return { cli, note: `dist/cli.js is older than src/ and src/ does not build now (${buildError(error)}): the old dist/cli.js was used` };
  }
}

const firstLine = (text) => String(text ?? '').trim().split('\n')[0];
const buildError = (error) => (error?.errors?.[0] ? `${error.errors[0].text}${error.errors[0].location ? ` in ${error.errors[0].location.file}` : ''}` : firstLine(error?.message));

function runCli(cli, root) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [cli, 'check', root, '--format', 'json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    let errLines = 0;
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => (errLines += chunk.toString().split('\n').length - 1));
    child.on('close', (code) => {
      const wall = performance.now() - t0;
      let findings = null;
      try {
        findings = JSON.parse(Buffer.concat(out).toString('utf8')).length;
      } catch {
        // reported as n/a
      }
      resolve({ ms: wall, code, findings, stderrLines: errLines });
    });
  });
}

async function benchTree(m) {
  const root = path.join(tmp, 'workspace');
  progress(`generating ${FILE_COUNT} config files (seed ${SEED})`);
  const t = performance.now();
  const ws = generateWorkspace(root, { count: FILE_COUNT, seed: SEED });
  const generateMs = performance.now() - t;
  progress(`generated in ${(generateMs / 1000).toFixed(1)} s`);

  progress('whole tree: warm-up on every 8th file');
  gc();
  treePass(m, root, 'parse', 8);
  treePass(m, root, 'analyze', 8);
  // Rounds alternate the order (parse, analyze / analyze, parse) to cancel drift; a third
  // one when the first two were quick enough to stay inside the time budget.
  let rounds = 2;
  const parse = [];
  const analyze = [];
  for (let i = 0; i < rounds; i++) {
    if (i === 1 && parse[0].ms + analyze[0].ms < 7_000) rounds = 3;
    progress(`whole tree: round ${i + 1}/${rounds}`);
    const order = i % 2 ? ['analyze', 'parse'] : ['parse', 'analyze'];
    for (const mode of order) {
      gc();
      (mode === 'parse' ? parse : analyze).push(treePass(m, root, mode));
    }
  }
  // The fastest round of each: the least disturbed by other work on the machine.
  const pick = (runs) => runs.reduce((best, run) => (run.ms < best.ms ? run : best));
  const p = pick(parse);
  const a = pick(analyze);

  // Files with a mail word get the full analysis. Timed inside the tree passes, their
  // analysis also pays for the collections triggered by reading the 9,000 other files, so
  // they are measured again on their own, in memory, alternating, fastest of 3.
  const mailTexts = [];
  for (const file of m.collectConfigFiles([root]).files) {
    const read = m.readText(file);
    if ('text' in read && MAIL_WORDS.test(read.text)) mailTexts.push({ file, text: read.text, format: m.detectFormat(file) });
  }
  const mailAnalyze = [];
  const mailParse = [];
  for (let i = 0; i < 3; i++) {
    gc();
    let t0 = performance.now();
    for (const x of mailTexts) m.analyzeText(x.file, x.text, { rules: {}, context: 'application' });
    mailAnalyze.push(performance.now() - t0);
    gc();
    t0 = performance.now();
    for (const x of mailTexts) m.parseConfig(x.format, x.text);
    mailParse.push(performance.now() - t0);
  }
  const mail = { n: mailTexts.length, analyzeMs: Math.min(...mailAnalyze), parseMs: Math.min(...mailParse) };

  const { cli, note: cliNote } = await ensureCli();
  let cliRun = null;
  if (cli) {
    progress('whole tree: node dist/cli.js check <dir> --format json');
    cliRun = await runCli(cli, root);
    if (cliRun.ms < 5_000) {
      const again = await runCli(cli, root); // fastest of two when there is time
      if (again.ms < cliRun.ms) cliRun = again;
    }
  }
  return {
    generateMs,
    ws,
    rounds,
    parse: p,
    analyze: a,
    ratio: a.ms / p.ms,
    mail,
    mailRatio: mail.analyzeMs / mail.parseMs,
    otherRatio: a.split.other.ms / p.split.other.ms,
    cli: cliRun,
    cliNote,
  };
}

// --- 2. re-analysis after a one-character edit --------------------------------------
function benchEdit(m, generate = bigYaml, name = 'big') {
  progress(`re-analysis: 5,000-line YAML (${name}) after a one-character edit`);
  const file = path.join(tmp, name, 'src', 'main', 'resources', 'application.yml');
  const { text, digits } = generate(5000);
  const variant = (i) => {
    const at = digits[(i * 7919) % digits.length];
    const digit = (Number(text[at]) + 1 + (i % 8)) % 10;
    const edited = text.slice(0, at) + digit + text.slice(at + 1);
    edited.indexOf('\0'); // flatten the string outside the timed region
    return edited;
  };
  const check = m.analyzeText(file, variant(0));
  // Warm-up, then size N to the time budget (at most 200 of each, at least 20).
  const t = performance.now();
  for (let i = 0; i < 5; i++) {
    m.analyzeText(file, variant(i));
    m.parseConfig('yaml', variant(i));
  }
  const perPair = (performance.now() - t) / 5;
  // 10 s, less when the run is already long (a loaded machine), so the whole run stays near 2 minutes.
  const budget = Math.max(3_000, Math.min(8_000, 95_000 - (performance.now() - started)));
  const n = Math.max(20, Math.min(200, Math.floor(budget / perPair)));
  const texts = Array.from({ length: n }, (_, i) => variant(i + 100)); // a different edit each time: no cache can help
  const analyze = [];
  const parse = [];
  const library = [];
  gc();
  for (let i = 0; i < n; i++) {
    const runLibrary = () => {
      const a = performance.now();
      m.parseAllDocuments(texts[i], { prettyErrors: false, uniqueKeys: false });
      library.push(performance.now() - a);
    };
    const runAnalyze = () => {
      const a = performance.now();
      m.analyzeText(file, texts[i]);
      analyze.push(performance.now() - a);
    };
    const runParse = () => {
      const a = performance.now();
      m.parseConfig('yaml', texts[i]);
      parse.push(performance.now() - a);
    };
    if (i % 2) {
      runParse();
      runAnalyze();
    } else {
      runAnalyze();
      runParse();
    }
    runLibrary();
  }
  // What the partial read saves: a few full reads of the same texts (read: 'full', as before it existed).
  const fullRead = [];
  for (let i = 0; i < 5; i++) {
    const a = performance.now();
    m.analyzeText(file, texts[i], { read: 'full' });
    fullRead.push(performance.now() - a);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, texts[0]);
  return {
    file,
    lines: text.split('\n').length - 1,
    bytes: Buffer.byteLength(text),
    groups: check.groups.length,
    findings: check.findings.length,
    n,
    analyze: { median: median(analyze), p95: percentile(analyze, 95), max: Math.max(...analyze) },
    fullRead: { median: median(fullRead), max: Math.max(...fullRead) },
    parse: { median: median(parse), p95: percentile(parse, 95) },
    library: { median: median(library), p95: percentile(library, 95) },
  };
}

/**
 * The first analysis of a big file in a fresh process (cold code, nothing cached), as the extension runs it
 * (src/extension/diagnostics.ts analyzeInSlices): analysisSteps in slices of SLICE_MS with setImmediate
 * between them (src/extension/slices.ts), the whole analysis (read, groups, rules). Reported: the longest
 * synchronous block of that (a slice), and the single analyzeText call without slices (what it cost before).
 * Then a copy with an anchor, which the partial read cannot outline, so it is read whole: in slices with the
 * extension's YAML worker thread answering the parse request (src/extension/yaml-parser.ts), and in slices on the
 * host alone (no worker), each the longest slice. The engine bundle is loaded before the clock starts.
 */
function benchFirstAnalysis(file, runs = 5) {
  const engine = path.join(tmp, 'bench.cjs');
  const worker = path.join(tmp, 'yaml-worker.cjs');
  const script = `
    const m = require(${JSON.stringify(engine)});
    const text = require('fs').readFileSync(${JSON.stringify(file)}, 'utf8');
    const blocks = [];
    const t0 = performance.now();
    m.runInSlices(m.analysisSteps(${JSON.stringify(file)}, text), { onSlice: (ms) => blocks.push(ms) }).then((analysis) => {
      const b = performance.now();
      const wall = b - t0;
      // The same text in another fresh process would be cold; here a changed copy stands for it: one call, no slices.
      const other = text.replace(/: (\\d)/g, ': 1$1');
      const c = performance.now();
      m.analyzeText(${JSON.stringify(file)}, other);
      const d = performance.now();
      m.analyzeText(${JSON.stringify(file)}, other, { read: 'full' });
      const e = performance.now();
      const parser = new m.YamlParser(${JSON.stringify(worker)}, { onError: (message) => { throw new Error(message); } });
      const anchored = (digit) => '_bench_anchor: &a 1\\n' + text.replace(/: (\\d)/g, ': ' + digit + '$1');
      const withWorker = [];
      const onHost = [];
      return m.runInSlices(m.analysisSteps(${JSON.stringify(file)}, anchored(2)), { onSlice: (ms) => withWorker.push(ms), requests: (request) => parser.parse(request) })
        .then(() => m.runInSlices(m.analysisSteps(${JSON.stringify(file)}, anchored(3)), { onSlice: (ms) => onHost.push(ms), requests: async () => undefined }))
        .then(() => {
          if (parser.answered !== 1) throw new Error('the worker parsed ' + parser.answered + ' texts');
          parser.dispose();
          process.stdout.write(JSON.stringify({ longest: Math.max(...blocks), slices: blocks.length, wall, single: d - c, full: e - d, wholeWorker: Math.max(...withWorker), wholeHost: Math.max(...onHost), findings: analysis.findings.length }));
        });
    });`;
  const out = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    if (child.status === 0) out.push(JSON.parse(child.stdout));
  }
  if (!out.length) return null;
  return {
    runs: out.length,
    maxMs: Math.max(...out.map((r) => r.longest)),
    medianMs: median(out.map((r) => r.longest)),
    slices: median(out.map((r) => r.slices)),
    wallMedianMs: median(out.map((r) => r.wall)),
    singleCallMedianMs: median(out.map((r) => r.single)),
    fullMedianMs: median(out.map((r) => r.full)),
    wholeWorkerMaxMs: Math.max(...out.map((r) => r.wholeWorker)),
    wholeHostMaxMs: Math.max(...out.map((r) => r.wholeHost)),
  };
}

// --- 3. extension bundle; module load + first analysis ------------------------------
const TYPICAL_ENV = `APP_NAME="Shop"
APP_ENV=production
APP_KEY=base64:3q2+7wKLm1sZnR0dGVzdGtleQ==
APP_DEBUG=false
APP_URL=https://shop.example.com

LOG_CHANNEL=stack
LOG_LEVEL=info

DB_CONNECTION=pgsql
DB_HOST=db.internal
DB_PORT=5432
DB_DATABASE=shop
DB_USERNAME=shop
DB_PASSWORD=secret

CACHE_DRIVER=redis
QUEUE_CONNECTION=redis
SESSION_DRIVER=redis
REDIS_HOST=redis.internal
REDIS_PORT=6379

MAIL_MAILER=smtp
MAIL_HOST=smtp.mailgun.org
MAIL_PORT=587
MAIL_USERNAME=postmaster@mg.example.com
MAIL_PASSWORD="p@ss word"
MAIL_ENCRYPTION=tls
MAIL_FROM_ADDRESS="noreply@example.com"
MAIL_FROM_NAME="\${APP_NAME}"
`;

async function benchExtension() {
  progress('extension: production bundle and module load + first analysis');
  const result = { production: null, dist: null, engine: null, load: null };
  // The production build of scripts/build.mjs, into a temporary folder (build.mjs has no
  // --outdir): same entry, same options. dist/ is left alone.
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const outfile = path.join(tmp, 'production', 'extension.js');
  try {
    await esbuild.build({
      entryPoints: [path.join(ROOT, 'src/extension/extension.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: false,
      minify: true,
      mainFields: ['module', 'main'],
      define: { SMTP_DOCTOR_VERSION: JSON.stringify(version) },
      external: ['vscode'],
      logLevel: 'silent',
    });
    const bytes = fs.readFileSync(outfile);
    result.production = { bytes: bytes.length, gzipBytes: zlib.gzipSync(bytes, { level: 9 }).length };
  } catch (error) {
    result.production = { error: buildError(error) };
  }
  const dist = path.join(ROOT, 'dist', 'extension.js');
  if (fs.existsSync(dist)) result.dist = { bytes: fs.statSync(dist).size };

  const engine = await bundle('bench/engine-entry.ts', path.join(tmp, 'engine', 'engine.cjs'), true);
  result.engine = { bytes: fs.statSync(engine).size };
  const envFile = path.join(tmp, 'typical', '.env');
  fs.mkdirSync(path.dirname(envFile), { recursive: true });
  fs.writeFileSync(envFile, TYPICAL_ENV);
  const probeScript = `
    const text = require('fs').readFileSync(${JSON.stringify(envFile)}, 'utf8');
    const t0 = performance.now();
    const engine = require(${JSON.stringify(engine)});
    const t1 = performance.now();
    const analysis = engine.analyzeText(${JSON.stringify(envFile)}, text);
    const t2 = performance.now();
    process.stdout.write(JSON.stringify({ load: t1 - t0, first: t2 - t1, total: t2 - t0, findings: analysis.findings.length }));`;
  const runs = [];
  for (let i = 0; i < 7; i++) {
    const child = spawnSync(process.execPath, ['-e', probeScript], { encoding: 'utf8' });
    if (child.status === 0) runs.push(JSON.parse(child.stdout));
  }
  if (runs.length) {
    result.load = {
      runs: runs.length,
      loadMs: median(runs.map((r) => r.load)),
      firstAnalysisMs: median(runs.map((r) => r.first)),
      totalMs: median(runs.map((r) => r.total)),
      findings: runs[0].findings,
    };
  }
  return result;
}

// --- 4. live probe on loopback ------------------------------------------------------
function makeCertificate() {
  const dir = path.join(tmp, 'cert');
  fs.mkdirSync(dir);
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  const made = spawnSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '2',
      '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'],
    { encoding: 'utf8' },
  );
  if (made.status !== 0) return null;
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}

function listen(server) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(server.address().port);
    });
  });
}

async function benchProbe(m) {
  progress('probe: loopback SMTP servers');
  const { SMTPServer } = require('smtp-server');
  const pair = makeCertificate();
  const USER = 'bench@example.com';
  const PASSWORD = 'bench-password';
  const common = {
    logger: false,
    closeTimeout: 50,
    disableReverseLookup: true,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth: (auth, _session, callback) =>
      auth.username === USER && auth.password === PASSWORD ? callback(null, { user: USER }) : callback(new Error('authentication failed')),
    ...(pair ? { key: pair.key, cert: pair.cert } : {}), // else smtp-server's own self-signed certificate
  };
  const start = async (options) => {
    const server = new SMTPServer({ ...common, ...options });
    server.on('error', () => undefined);
    const port = await listen(server.server);
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    return port;
  };
  const starttls = await start({});
  const implicit = await start({ secure: true });
  const plain = await start({ hideSTARTTLS: true, allowInsecureAuth: true });
  const silentSockets = new Set();
  const silentServer = net.createServer((socket) => {
    silentSockets.add(socket); // accepts, never greets
    socket.on('error', () => undefined);
    socket.on('close', () => silentSockets.delete(socket));
  });
  const silent = await listen(silentServer);
  cleanups.push(
    () =>
      new Promise((resolve) => {
        for (const s of silentSockets) s.destroy();
        silentServer.close(() => resolve());
      }),
  );

  const trust = pair ? { ca: pair.cert } : { insecure: true };
  const options = { host: '127.0.0.1', port: starttls, tls: 'starttls', user: USER, password: PASSWORD, timeoutMs: 3000, ...trust };
  await m.probe(options); // warm-up
  const probes = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    const result = await m.probe(options);
    const greeting = result.steps.find((s) => s.name === 'greeting')?.ms ?? NaN;
    // The commands the probe sent, from its transcript: each is one round trip, after connect + greeting.
    const commands = result.transcript.filter((e) => e.direction === 'client').map((e) => e.text.split(' ')[0].toUpperCase());
    probes.push({ wall: performance.now() - t0, greeting, code: result.diagnosis.code, verified: result.tls?.chainVerified ?? false, steps: result.steps.map((s) => s.name), commands });
  }

  const ports = [starttls, implicit, plain, silent];
  const portRuns = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const result = await m.probePorts('127.0.0.1', ports, { timeoutMs: PORTS_TIMEOUT_MS });
    portRuns.push({ wall: performance.now() - t0, speaks: result.ports.map((p) => p.speaks) });
  }
  return {
    certificate: pair ? 'self-signed (openssl, EC P-256), trusted with ca' : "smtp-server's built-in certificate, insecure: true (openssl unavailable)",
    probe: {
      runs: probes.length,
      medianMs: median(probes.map((p) => p.wall)),
      greetingMedianMs: median(probes.map((p) => p.greeting)),
      minMs: Math.min(...probes.map((p) => p.wall)),
      maxMs: Math.max(...probes.map((p) => p.wall)),
      diagnosis: [...new Set(probes.map((p) => p.code))].join(', '),
      chainVerified: probes.every((p) => p.verified),
      steps: probes[0].steps,
      commands: probes[0].commands,
    },
    ports: {
      runs: portRuns.length,
      timeoutMs: PORTS_TIMEOUT_MS,
      medianMs: median(portRuns.map((r) => r.wall)),
      maxMs: Math.max(...portRuns.map((r) => r.wall)),
      speaks: Object.fromEntries(['starttls', 'implicit-tls', 'plain', 'silent'].map((name, i) => [name, portRuns[portRuns.length - 1].speaks[i]])),
    },
  };
}

// --- 4b. the probe against swaks -------------------------------------------------------
/** Where a program is on PATH, or null. */
function which(name) {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

/** A Postfix to compare against: SMTP_DOCTOR_BENCH_POSTFIX=host:port, else bench/postfix.sh when Postfix, Dovecot and root are there. */
function postfixServer() {
  if (process.env.SMTP_DOCTOR_BENCH_POSTFIX) {
    return {
      server: process.env.SMTP_DOCTOR_BENCH_POSTFIX,
      user: process.env.SMTP_DOCTOR_BENCH_USER ?? 'bench',
      password: process.env.SMTP_DOCTOR_BENCH_PASSWORD ?? 'bench',
      ca: process.env.SMTP_DOCTOR_BENCH_CA,
      source: 'SMTP_DOCTOR_BENCH_POSTFIX',
    };
  }
  if (!which('postfix')) return { reason: 'Postfix is not installed (apt-get install postfix swaks dovecot-core; see bench/README.md)' };
  if (!which('dovecot')) return { reason: 'dovecot-core is not installed (Postfix SASL; see bench/README.md)' };
  if (process.getuid?.() !== 0) return { reason: 'not root: bench/postfix.sh cannot configure Postfix (or set SMTP_DOCTOR_BENCH_POSTFIX=host:port)' };
  progress('swaks: starting Postfix on 127.0.0.1 (bench/postfix.sh start)');
  const started = spawnSync('bash', [path.join(ROOT, 'bench', 'postfix.sh'), 'start'], { encoding: 'utf8' });
  if (started.status !== 0) return { reason: `bench/postfix.sh start failed: ${firstLine(started.stderr || started.stdout)}` };
  cleanups.push(() => spawnSync('bash', [path.join(ROOT, 'bench', 'postfix.sh'), 'stop']));
  const [server, user, password, ca] = started.stdout.trim().split('\n').pop().split(' ');
  return { server, user, password, ca, source: 'bench/postfix.sh (Postfix + Dovecot SASL on loopback)' };
}

/**
 * `smtp-doctor probe` as a whole process, the minified production CLI (the one section 5 built), against
 * `swaks --quit-after AUTH` on the same Postfix (STARTTLS with a verified certificate, AUTH PLAIN), 10
 * pairs in turn; and the probe's round trips against it, from its JSON transcript.
 */
function benchSwaks(cli) {
  const swaks = which('swaks');
  if (!swaks) return { measured: false, reason: 'swaks is not installed (apt-get install swaks; see bench/README.md)' };
  const found = postfixServer();
  if (!found.server) return { measured: false, reason: found.reason };
  const { server, user, password, ca } = found;
  const [host, port] = server.split(':');
  const env = { ...process.env, SMTP_PASSWORD: password };
  const time = (command, args, childEnv = env) => {
    const t0 = performance.now();
    const run = spawnSync(command, args, { encoding: 'utf8', env: childEnv });
    return { ms: performance.now() - t0, status: run.status, stdout: run.stdout };
  };
  const probeArgs = [cli, 'probe', host, '--port', port, '--tls', 'starttls', '--user', user, '--password-env', 'SMTP_PASSWORD', ...(ca ? ['--ca', ca] : [])];
  const swaksArgs = ['--server', host, '--port', port, '--tls', ...(ca ? ['--tls-verify', '--tls-ca-path', ca] : []), '--auth', 'PLAIN', '--auth-user', user, '--auth-password', password, '--quit-after', 'AUTH'];
  // One of each first (page cache, Postfix's first connection), and the probe's transcript.
  const json = time(process.execPath, [...probeArgs, '--format', 'json']);
  let commands = null;
  let diagnosis = null;
  try {
    const result = JSON.parse(json.stdout);
    diagnosis = result.diagnosis?.code ?? null;
    commands = result.transcript.filter((e) => e.direction === 'client').map((e) => e.text.split(' ')[0].toUpperCase());
  } catch {
    // reported as unknown
  }
  const warm = time(swaks, swaksArgs);
  const probe = [];
  const swak = [];
  const statuses = new Set();
  const probeClean = [];
  for (let i = 0; i < 10; i++) {
    const a = time(process.execPath, probeArgs);
    const b = time(swaks, swaksArgs);
    probe.push(a.ms);
    swak.push(b.ms);
    statuses.add(`${a.status}/${b.status}`);
    if (EXTRA_CA_ENV) probeClean.push(time(process.execPath, probeArgs, { ...EXTRA_CA_ENV, SMTP_PASSWORD: password }).ms);
  }
  return {
    measured: true,
    source: found.source,
    pairs: 10,
    probeMedianMs: median(probe),
    swaksMedianMs: median(swak),
    ratio: median(probe) / median(swak),
    withoutExtraCa: EXTRA_CA_ENV ? { probeMedianMs: median(probeClean), ratio: median(probeClean) / median(swak) } : null,
    exitCodes: [...statuses].join(', '),
    swaksWarmExit: warm.status,
    diagnosis,
    commands,
  };
}

// --- report -----------------------------------------------------------------------
function table(rows) {
  const widths = [0, 1, 2].map((c) => Math.max(...rows.filter(Array.isArray).map((r) => String(r[c] ?? '').length)));
  for (const row of rows) {
    if (typeof row === 'string') say(row);
    else say(`  ${String(row[0]).padEnd(widths[0])}  ${String(row[1]).padStart(widths[1])}  ${row[2] ?? ''}`.trimEnd());
  }
}
const verdict = (ok) => (ok === null ? '' : ok ? '✓ goal met' : '✗ goal missed');

async function main() {
  const commit = git(['rev-parse', 'HEAD']);
  const dirty = git(['status', '--porcelain', '--untracked-files=no']);
  const cpus = os.cpus();
  const env = {
    commit,
    uncommittedChanges: dirty === null ? null : dirty.length > 0,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    loadAverageAtStart: round(os.loadavg()[0], 2),
  };

  progress('bundling the engine, CLI walk and probe with esbuild');
  const m = require(await bundle('bench/entry.ts', path.join(tmp, 'bench.cjs'), false));
  await bundle('src/extension/yaml-worker.ts', path.join(tmp, 'yaml-worker.cjs'), false);

  const seconds = {};
  const timed = async (name, fn) => {
    const t0 = performance.now();
    const value = await fn();
    seconds[name] = round((performance.now() - t0) / 1000, 1);
    progress(`${name}: ${seconds[name]} s`);
    return value;
  };
  const tree = await timed('tree', () => benchTree(m));
  const edit = await timed('reanalysis', () => benchEdit(m));
  const nested = await timed('reanalysisNested', () => benchEdit(m, bigYamlNested, 'nested'));
  const first = await timed('firstAnalysis', () => ({ big: benchFirstAnalysis(edit.file), nested: benchFirstAnalysis(nested.file) }));
  const ext = await timed('extension', () => benchExtension());
  const live = await timed('probe', () => benchProbe(m));
  const startup = await timed('startup', () => benchStartup());
  const versus = await timed('swaks', () => benchSwaks(startup.cli));
  await cleanup();
  const totalS = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage();
  const cpuS = (cpu.user + cpu.system) / 1e6;

  const fps = (run) => run.files / (run.ms / 1000);
  const treeOk = tree.ratio <= GOALS.treeRatio;
  const editRatio = (e) => e.analyze.p95 / e.library.p95;
  const editOk = editRatio(edit) <= GOALS.editP95Ratio;
  const nestedOk = editRatio(nested) <= GOALS.editP95Ratio;
  // The longest synchronous analyzeText call seen: re-analysis after an edit, and a cold first analysis.
  const longestEdit = Math.max(edit.analyze.max, nested.analyze.max);
  const longestFirst = Math.max(first.big?.maxMs ?? NaN, first.nested?.maxMs ?? NaN, first.big?.wholeWorkerMaxMs ?? NaN, first.nested?.wholeWorkerMaxMs ?? NaN);
  const longestOk = longestEdit <= GOALS.longestBlockMs && longestFirst <= GOALS.longestBlockMs;
  const portsRatio = live.ports.maxMs / live.ports.timeoutMs;
  const portsOk = portsRatio <= GOALS.portsWallRatio;
  const startupRatio = startup.helpMs / startup.nodeMs;
  const startupOk = startupRatio <= GOALS.cliStartupRatio;
  const roundTripsOk = live.probe.commands.join(' ') === 'EHLO STARTTLS EHLO AUTH QUIT';

  let previous = null;
  try {
    const old = JSON.parse(fs.readFileSync(path.join(RESULTS_DIR, 'latest.json'), 'utf8'));
    if (old.schema === SCHEMA) previous = old;
  } catch {
    // first run
  }
  const prev = (get) => {
    if (!previous) return '';
    try {
      const v = get(previous);
      return v === null || v === undefined ? '' : `(previous ${typeof v === 'number' ? v.toFixed(2) : v})`;
    } catch {
      return '';
    }
  };

  const ws = tree.ws;
  say('');
  say(`SMTP Doctor benchmark — commit ${commit ? commit.slice(0, 12) : 'unknown'}${env.uncommittedChanges ? ' + uncommitted changes' : ''}, Node ${env.node}, ${env.cpu} × ${env.cores}`);
  say(`Ratios compare figures measured in this same run; absolute times depend on the machine and its load (1-minute load average at start: ${env.loadAverageAtStart}).`);
  say('');
  table([
    `1. Whole tree: ${ws.files} config files (${(ws.bytes / 2 ** 20).toFixed(1)} MiB, ${ws.lines} lines, ${ws.smtpFiles} with SMTP settings) + ${ws.noiseFiles} other files, fastest of ${tree.rounds} rounds`,
    ['walk + read + parseConfig (baseline)', ms(tree.parse.ms), `${Math.round(fps(tree.parse))} files/s`],
    ['walk + read + analyzeText (check)', ms(tree.analyze.ms), `${Math.round(fps(tree.analyze))} files/s, ${tree.analyze.groups} SMTP groups, ${tree.analyze.findings} findings`],
    ['ratio check / baseline', ratio(tree.ratio), `goal ≤ ${GOALS.treeRatio}×  ${verdict(treeOk)} ${prev((p) => p.tree.ratio)}`],
    ['  files with "smtp"/"mail" in them', ratio(tree.mailRatio), `${tree.mail.n} files, in memory: analyzeText ${ms(tree.mail.analyzeMs)} vs parseConfig ${ms(tree.mail.parseMs)}`],
    ['  files without', ratio(tree.otherRatio), `${tree.analyze.split.other.n} files, CPU time in the passes above: ${ms(tree.analyze.split.other.ms)} vs ${ms(tree.parse.split.other.ms)}`],
    tree.cli
      ? ['node dist/cli.js check --format json', ms(tree.cli.ms), `${Math.round(ws.files / (tree.cli.ms / 1000))} files/s, ${ratio(tree.cli.ms / tree.parse.ms)} baseline, exit ${tree.cli.code}${tree.cli.code === 1 ? ' (errors found)' : ''}, ${tree.cli.findings ?? 'n/a'} findings (${tree.cliNote})`]
      : ['node dist/cli.js check', 'n/a', tree.cliNote],
    `   ${explainTree(tree)}`,
    '',
    ...[
      ['', edit, editOk, 'SMTP group under its own top-level key, mid-file', (p) => p.reanalysis.ratioP95ToYamlParse],
      ['b', nested, nestedOk, 'SMTP settings nested in the middle of one big top-level map', (p) => p.reanalysisNested?.ratioP95ToYamlParse],
    ].flatMap(([tag, e, ok, what, previousOf]) => [
      `2${tag}. Re-analysis of a ${e.lines}-line YAML file (${kib(e.bytes)}, ${e.groups} SMTP group, ${what}) after a one-character edit, N=${e.n}, a different edit each time`,
      ['analyzeText median / p95 / max', `${ms(e.analyze.median)} / ${ms(e.analyze.p95)} / ${ms(e.analyze.max)}`, 'reads only the parts that can hold SMTP settings (src/engine/formats/yaml-outline.ts)'],
      ['yaml parseAllDocuments median / p95 (yardstick)', `${ms(e.library.median)} / ${ms(e.library.p95)}`, 'the yaml library alone on the same texts'],
      ['ratio analyzeText p95 / parseAllDocuments p95', ratio(editRatio(e)), `goal ≤ ${GOALS.editP95Ratio}×  ${verdict(ok)} ${prev(previousOf)}`],
      ['parseConfig (full parse) median / p95', `${ms(e.parse.median)} / ${ms(e.parse.p95)}`, ''],
      ["analyzeText with read: 'full', median of 5", ms(e.fullRead.median), 'the whole file parsed, as every analysis did before the partial read'],
      '',
    ]),
    `2c. Longest synchronous block on the extension host (one analyzeText call; goal ≤ ${GOALS.longestBlockMs} ms)`,
    ['re-analysis after an edit, longest of both files', ms(longestEdit), ''],
    first.big ? ['first analysis in a fresh process, longest block (2 / 2b)', `${ms(first.big.maxMs)} / ${ms(first.nested?.maxMs)}`, `max of ${first.big.runs} processes; in slices of ${m.SLICE_MS} ms as the extension runs it, median ${first.big.slices} slices, ${ms(first.big.wallMedianMs)} in all`] : ['first analysis in a fresh process', 'n/a', 'child process failed'],
    ['  one analyzeText call instead, cold parts (2 / 2b)', first.big ? `${ms(first.big.singleCallMedianMs)} / ${ms(first.nested?.singleCallMedianMs)}` : 'n/a', 'median; what one block cost before the slices (the CLI and the language server still call it so)'],
    ['  the same file read whole (read: full), one call', first.big ? ms(first.big.fullMedianMs) : 'n/a', 'median; one block, as the CLI and the language server read a YAML file the partial read cannot outline'],
    [
      '  with an anchor (read whole), in slices: worker / host alone (2 / 2b)',
      first.big ? `${ms(first.big.wholeWorkerMaxMs)} / ${ms(first.big.wholeHostMaxMs)}, ${ms(first.nested?.wholeWorkerMaxMs)} / ${ms(first.nested?.wholeHostMaxMs)}` : 'n/a',
      'longest slice, max of the processes; the extension parses such a file in its YAML worker thread (counted in the longest block)',
    ],
    ['longest block', ms(Math.max(longestEdit, longestFirst)), `${verdict(longestOk)} (re-analysis, first analysis, and a file read whole with the worker)`],
    '',
    '3. Extension',
    ext.production?.bytes
      ? ['dist/extension.js, production build', kib(ext.production.bytes), `${kib(ext.production.gzipBytes)} gzipped (scripts/build.mjs --production options, built into a temp folder)`]
      : ['dist/extension.js, production build', 'n/a', `build failed: ${ext.production?.error ?? 'unknown'}`],
    ext.dist ? ['dist/extension.js as found (development build)', kib(ext.dist.bytes), 'informational: unminified, depends on the last npm run build'] : ['dist/extension.js as found', 'missing', ''],
    ['engine bundle (minified)', kib(ext.engine.bytes), ''],
    ext.load
      ? ['module load + first analysis of a typical .env', ms(ext.load.totalMs), `plain Node, median of ${ext.load.runs} fresh processes: load ${ms(ext.load.loadMs)} + analysis ${ms(ext.load.firstAnalysisMs)}, ${ext.load.findings} findings`]
      : ['module load + first analysis of a typical .env', 'n/a', 'child process failed'],
    '   Not VS Code activation time (that is measured inside VS Code).',
    '',
    `4. Live probe on loopback (${live.certificate})`,
    ['probe(): STARTTLS + AUTH PLAIN, median', ms(live.probe.medianMs), `${live.probe.runs} runs, min ${ms(live.probe.minMs)}, max ${ms(live.probe.maxMs)}, diagnosis ${live.probe.diagnosis}, chain verified ${live.probe.chainVerified}`],
    ['  of which the greeting step', ms(live.probe.greetingMedianMs), 'smtp-server waits 100 ms before its greeting (early-talker check)'],
    [`probePorts(4 ports, timeoutMs ${live.ports.timeoutMs}), max of ${live.ports.runs}`, ms(live.ports.maxMs), `median ${ms(live.ports.medianMs)}; ${Object.entries(live.ports.speaks).map(([k, v]) => `${k}→${v}`).join(', ')}`],
    ['ratio wall / one timeout', ratio(portsRatio), `goal ≤ ${GOALS.portsWallRatio}× (one timeout, not four)  ${verdict(portsOk)} ${prev((p) => p.probe.portsWallRatio)}`],
    ['round trips of probe()', String(live.probe.commands.length + 1), `connect + greeting, then ${live.probe.commands.join(', ')}; goal: EHLO, STARTTLS, EHLO, AUTH, QUIT  ${verdict(roundTripsOk)}`],
    ...(versus.measured
      ? [
          ['smtp-doctor probe / swaks --quit-after AUTH', ratio(versus.ratio), `whole processes (minified CLI), median of ${versus.pairs} pairs: ${ms(versus.probeMedianMs)} vs ${ms(versus.swaksMedianMs)}; goal ≤ ${GOALS.probeSwaksRatio}×  ${verdict(versus.ratio <= GOALS.probeSwaksRatio)} ${prev((p) => p.probeVersusSwaks?.ratio)}`],
          ...(versus.withoutExtraCa
            ? [['  the same without NODE_EXTRA_CA_CERTS', ratio(versus.withoutExtraCa.ratio), `probe ${ms(versus.withoutExtraCa.probeMedianMs)}, interleaved in the same pairs (Node parses that file at start-up; swaks does not read it)`]]
            : []),
          ['  against', versus.source, `exit codes probe/swaks ${versus.exitCodes}, diagnosis ${versus.diagnosis}`],
          ['  round trips of smtp-doctor probe there', versus.commands ? String(versus.commands.length + 1) : 'n/a', versus.commands ? `connect + greeting, then ${versus.commands.join(', ')}` : 'no JSON transcript'],
        ]
      : [['smtp-doctor probe / swaks --quit-after AUTH', 'n/a', `not measured: ${versus.reason}`]]),
    '',
    `5. CLI start-up (minified dispatcher, ${kib(startup.bytes)}), median of ${startup.runs} processes each, interleaved`,
    ['node -e 0', ms(startup.nodeMs), ''],
    ['smtp-doctor --help', ms(startup.helpMs), `exit ${startup.status}`],
    ['ratio --help / node -e 0', ratio(startupRatio), `goal ≤ ${GOALS.cliStartupRatio}×  ${verdict(startupOk)} ${prev((p) => p.startup?.ratio)}`],
    ...(startup.withoutExtraCa
      ? [['  the same without NODE_EXTRA_CA_CERTS', ratio(startup.withoutExtraCa.helpMs / startup.withoutExtraCa.nodeMs), `${ms(startup.withoutExtraCa.helpMs)} vs ${ms(startup.withoutExtraCa.nodeMs)}, interleaved`]]
      : []),
    '',
  ]);
  say(`Total ${totalS.toFixed(1)} s (${cpuS.toFixed(1)} s of CPU in this process). Written to bench-results/latest.json${previous ? ` (previous run ${previous.commit ? previous.commit.slice(0, 12) : ''} ${previous.date} kept as bench-results/previous.json)` : ''}.`);

  const json = {
    schema: SCHEMA,
    date: new Date().toISOString(),
    ...env,
    totalSeconds: round(totalS, 1),
    cpuSeconds: round(cpuS, 1),
    sectionSeconds: seconds,
    goals: GOALS,
    tree: {
      seed: SEED,
      files: ws.files,
      bytes: ws.bytes,
      lines: ws.lines,
      smtpFiles: ws.smtpFiles,
      otherFiles: ws.noiseFiles,
      filesByKind: ws.byKind,
      rounds: tree.rounds,
      baselineMs: round(tree.parse.ms),
      checkMs: round(tree.analyze.ms),
      baselineFilesPerSecond: Math.round(fps(tree.parse)),
      checkFilesPerSecond: Math.round(fps(tree.analyze)),
      ratio: round(tree.ratio, 3),
      ratioFilesWithMailWord: round(tree.mailRatio, 3),
      ratioFilesWithoutMailWord: round(tree.otherRatio, 3),
      filesWithMailWord: tree.mail.n,
      mailWordFilesAnalyzeMs: round(tree.mail.analyzeMs),
      mailWordFilesParseMs: round(tree.mail.parseMs),
      smtpGroups: tree.analyze.groups,
      findings: tree.analyze.findings,
      cliMs: tree.cli ? round(tree.cli.ms) : null,
      cliFilesPerSecond: tree.cli ? Math.round(ws.files / (tree.cli.ms / 1000)) : null,
      cliRatio: tree.cli ? round(tree.cli.ms / tree.parse.ms, 3) : null,
      cliExitCode: tree.cli?.code ?? null,
      cliFindings: tree.cli?.findings ?? null,
      cliNote: tree.cliNote,
      goal: GOALS.treeRatio,
      goalMet: treeOk,
    },
    reanalysis: reanalysisJson(edit, editOk),
    reanalysisNested: reanalysisJson(nested, nestedOk),
    longestBlock: {
      // Each name says what it holds (before: reanalysisMaxMs, firstAnalysisMaxMs, firstAnalysisMedianMs and
      // firstAnalysisNestedMedianMs held the first three figures and the nested file's longest block).
      reanalysisSingleCallMaxMs: round(longestEdit, 2),
      firstAnalysisLongestBlockMaxMs: round(longestFirst, 2),
      firstAnalysisLongestBlockMedianMs: first.big ? round(first.big.medianMs, 2) : null,
      firstAnalysisNestedLongestBlockMedianMs: first.nested ? round(first.nested.medianMs, 2) : null,
      firstAnalysisSlicesMedian: first.big?.slices ?? null,
      firstAnalysisWallMedianMs: first.big ? round(first.big.wallMedianMs, 2) : null,
      singleCallColdPartsMedianMs: first.big ? round(first.big.singleCallMedianMs, 2) : null,
      singleCallColdPartsNestedMedianMs: first.nested ? round(first.nested.singleCallMedianMs, 2) : null,
      fullReadFirstAnalysisMedianMs: first.big ? round(first.big.fullMedianMs, 2) : null,
      fullReadNote: 'one analyzeText call of a YAML file the partial read cannot outline (the CLI, the language server); the extension parses it in its worker',
      wholeReadWorkerLongestSliceMaxMs: first.big ? round(Math.max(first.big.wholeWorkerMaxMs, first.nested?.wholeWorkerMaxMs ?? 0), 2) : null,
      wholeReadHostLongestSliceMaxMs: first.big ? round(Math.max(first.big.wholeHostMaxMs, first.nested?.wholeHostMaxMs ?? 0), 2) : null,
      goalMs: GOALS.longestBlockMs,
      goalMet: longestOk,
    },
    extension: {
      productionBytes: ext.production?.bytes ?? null,
      productionGzipBytes: ext.production?.gzipBytes ?? null,
      productionBuildError: ext.production?.error ?? null,
      distBytesAsFound: ext.dist?.bytes ?? null,
      engineBundleBytes: ext.engine.bytes,
      'moduleLoadPlusFirstAnalysisOfTypicalEnvMs (plain Node, not VS Code activation)': ext.load ? round(ext.load.totalMs, 2) : null,
      moduleLoadMs: ext.load ? round(ext.load.loadMs, 2) : null,
      firstAnalysisMs: ext.load ? round(ext.load.firstAnalysisMs, 2) : null,
    },
    probe: {
      certificate: live.certificate,
      runs: live.probe.runs,
      medianMs: round(live.probe.medianMs, 1),
      greetingMedianMs: round(live.probe.greetingMedianMs, 1),
      minMs: round(live.probe.minMs, 1),
      maxMs: round(live.probe.maxMs, 1),
      diagnosis: live.probe.diagnosis,
      chainVerified: live.probe.chainVerified,
      portsTimeoutMs: live.ports.timeoutMs,
      portsRuns: live.ports.runs,
      portsMedianMs: round(live.ports.medianMs, 1),
      portsMaxMs: round(live.ports.maxMs, 1),
      portsWallRatio: round(portsRatio, 3),
      portsSpeaks: live.ports.speaks,
      portsGoal: GOALS.portsWallRatio,
      goalMet: portsOk,
      commands: live.probe.commands,
      roundTrips: live.probe.commands.length + 1,
      roundTripsGoal: 'connect + greeting, EHLO, STARTTLS, EHLO, AUTH, QUIT (6)',
      roundTripsGoalMet: roundTripsOk,
    },
    probeVersusSwaks: versus.measured
      ? {
          server: versus.source,
          pairs: versus.pairs,
          probeMedianMs: round(versus.probeMedianMs, 1),
          swaksMedianMs: round(versus.swaksMedianMs, 1),
          ratio: round(versus.ratio, 3),
          goal: GOALS.probeSwaksRatio,
          goalMet: versus.ratio <= GOALS.probeSwaksRatio,
          exitCodes: versus.exitCodes,
          diagnosis: versus.diagnosis,
          commands: versus.commands,
          roundTrips: versus.commands ? versus.commands.length + 1 : null,
          roundTripsGoal: 'connect + greeting, EHLO, STARTTLS, EHLO, AUTH, QUIT (6)',
          roundTripsGoalMet: versus.commands ? versus.commands.join(' ') === 'EHLO STARTTLS EHLO AUTH QUIT' : null,
          withoutNodeExtraCaCerts: versus.withoutExtraCa
            ? { probeMedianMs: round(versus.withoutExtraCa.probeMedianMs, 1), ratio: round(versus.withoutExtraCa.ratio, 3) }
            : null,
        }
      : { measured: false, reason: versus.reason, goal: GOALS.probeSwaksRatio, goalMet: null },
    startup: {
      runs: startup.runs,
      nodeMedianMs: round(startup.nodeMs, 1),
      helpMedianMs: round(startup.helpMs, 1),
      ratio: round(startupRatio, 3),
      goal: GOALS.cliStartupRatio,
      goalMet: startupOk,
      withoutNodeExtraCaCerts: startup.withoutExtraCa
        ? { nodeMedianMs: round(startup.withoutExtraCa.nodeMs, 1), helpMedianMs: round(startup.withoutExtraCa.helpMs, 1), ratio: round(startup.withoutExtraCa.helpMs / startup.withoutExtraCa.nodeMs, 3) }
        : null,
    },
  };
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const latest = path.join(RESULTS_DIR, 'latest.json');
  if (fs.existsSync(latest)) fs.renameSync(latest, path.join(RESULTS_DIR, 'previous.json'));
  fs.writeFileSync(latest, `${JSON.stringify(json, null, 2)}\n`);
}

function reanalysisJson(e, ok) {
  return {
    lines: e.lines,
    bytes: e.bytes,
    smtpGroups: e.groups,
    findings: e.findings,
    n: e.n,
    analyzeMedianMs: round(e.analyze.median, 2),
    analyzeP95Ms: round(e.analyze.p95, 2),
    analyzeMaxMs: round(e.analyze.max, 2),
    parseMedianMs: round(e.parse.median, 2),
    parseP95Ms: round(e.parse.p95, 2),
    yamlLibraryMedianMs: round(e.library.median, 2),
    yamlLibraryP95Ms: round(e.library.p95, 2),
    fullReadAnalyzeMedianMs: round(e.fullRead.median, 2),
    ratioMedian: round(e.analyze.median / e.parse.median, 3),
    ratioP95: round(e.analyze.p95 / e.parse.p95, 3),
    ratioP95ToYamlParse: round(e.analyze.p95 / e.library.p95, 3),
    goal: `analyzeText p95 ≤ ${GOALS.editP95Ratio}× parseAllDocuments p95`,
    goalMet: ok,
  };
}

/** One line on why the check/baseline ratio is what it is, from this run's own split. */
function explainTree(tree) {
  const { mailRatio, otherRatio, ratio: r } = tree;
  if (otherRatio < 0.8) {
    return `Faster than the baseline on files without a mail word (${ratio(otherRatio)}): analyzeText's cheap pre-check skips their full parse; files with one cost ${ratio(mailRatio)} their parse.`;
  }
  return `analyzeText parses every file fully (no pre-check acted here: ${ratio(otherRatio)} on files without a mail word), so the ratio ${ratio(r)} is the cost of grouping and rules on top of parsing.`;
}

main()
  .catch(async (error) => {
    process.stderr.write(`bench: crashed: ${error?.stack ?? error}\n`);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
