// The partial YAML read (src/engine/formats/yaml-outline.ts) against the full read: the same findings
// (rule, message, ranges), groups and fixes, on every YAML file in the repository and on thousands of
// seeded random edits of generated files (characters, lines, indentation, syntax broken and repaired,
// edits at the boundaries of the parts it reads, anchors and aliases).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analysisSteps, analyzeText, type Analysis, type AnalyzeOptions } from '../../../src/engine/analyze';
import { fixesFor } from '../../../src/engine/fixes';

const REPO = path.resolve(__dirname, '../../../..');
const FULL: AnalyzeOptions = { read: 'full' };
const RELEVANT: AnalyzeOptions = { read: 'relevant' };

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/i.test(item.name) ? [full] : [];
  });
}

/** What a user sees of an analysis: findings and groups (with the entries they read), as JSON. */
function seen(analysis: Analysis): string {
  // A profile is written as its id (the objects are the same ones either way).
  const replacer = (key: string, value: unknown): unknown => (key === 'profile' ? (value as { id: string }).id : value);
  return JSON.stringify({ findings: analysis.findings, groups: analysis.groups, internalErrors: analysis.internalErrors.map((e) => e.message) }, replacer);
}

function fixesOf(file: string, text: string, analysis: Analysis, options: AnalyzeOptions): string {
  return JSON.stringify(analysis.findings.map((finding) => fixesFor(file, text, finding, options, () => undefined)));
}

/** Asserts both reads agree; returns whether the partial read left out entries (it did less work). */
function compare(file: string, text: string, withFixes: boolean, label: string): boolean {
  const full = analyzeText(file, text, FULL);
  const partial = analyzeText(file, text, RELEVANT);
  const a = seen(full);
  const b = seen(partial);
  if (a !== b) assert.fail(`${label}: the partial read differs from the full read\n--- text ---\n${text}\n--- full ---\n${a}\n--- partial ---\n${b}`);
  if (withFixes) assert.equal(fixesOf(file, text, partial, RELEVANT), fixesOf(file, text, full, FULL), `${label}: fixes differ`);
  // As the extension runs them: in steps, two analyses' steps interleaved (its slices of two documents share the caches).
  const [steppedPartial, steppedFull] = interleaved(analysisSteps(file, text, RELEVANT), analysisSteps(file, text, FULL));
  assert.equal(seen(steppedPartial), b, `${label}: the stepwise partial read differs`);
  assert.equal(seen(steppedFull), a, `${label}: the stepwise full read differs`);
  return (partial.parse?.entries.length ?? 0) < (full.parse?.entries.length ?? 0);
}

/** Both generators run to the end, one step of each in turn: their results. */
function interleaved<T>(first: Generator<unknown, T>, second: Generator<unknown, T>): [T, T] {
  let a = first.next();
  let b = second.next();
  while (!a.done || !b.done) {
    if (!a.done) a = first.next();
    if (!b.done) b = second.next();
  }
  return [a.value, b.value];
}

/** Mulberry32: a small seeded generator, so every run tries the same edits. */
function rng(seed: number): { int: (lo: number, hi: number) => number; pick: <T>(xs: readonly T[]) => T; chance: (p: number) => boolean } {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
  };
}

const MAIL_BLOCKS: readonly string[][] = [
  ['mail:', '  host: smtp.gmail.com', '  port: 465', '  secure: false', '  user: me@gmail.com', '  password: hunter22'],
  ['spring:', '  mail:', '    host: smtp.office365.com', '    port: 587', '    username: a@b.com', '    password: pw', '    properties:', '      mail:', '        smtp:', '          ssl:', '            enable: true'],
  ['smtp:', '  enabled: false', '  address: smtp.sendgrid.net', '  port: 25', '  tls: true'],
  ['transport:', '  host: mail.example.com', '  port: 465', '  auth:', '    user: x', '    pass: y', '  tls:', '    rejectUnauthorized: false'],
  ['with:', '  server_address: smtp.example.com', '  server_port: 587', '  secure: true', '  username: u', '  password: p'],
  ['environment:', '  - MAIL_HOST=smtp.mailgun.org', '  - MAIL_PORT=465', '  - MAIL_ENCRYPTION=tls', '  - NODE_TLS_REJECT_UNAUTHORIZED=0'],
  ['email:', '  url: "smtps://u:p@smtp.example.com:587"', '  # smtp-doctor-disable-next-line port-25-submission', '  backup: smtp://relay.example.com:25'],
  ['notifications:', '  outgoing:', '    server: mailhog', '    port: 1025', '    ssl: true'],
  // Gitea's bare keys (an empty prefix): they count only beside a signature (PASSWD with PROTOCOL and SMTP_ADDR…).
  ['PROTOCOL: smtps', 'SMTP_ADDR: smtp.gmail.com', 'SMTP_PORT: 587', 'USER: me@gmail.com', 'PASSWD: hunter22'],
  ['gitea:', '  mailer:', '    ENABLED: true', '    HOST: smtp.gmail.com:587', '    IS_TLS_ENABLED: true', '    USER: me@gmail.com', '    PASSWD: hunter22'],
  // Lemmy's bare keys (an empty prefix, signed by smtp_server with use_tls or tls_type), however the key is written.
  ['smtp_server: smtp.gmail.com:587', 'smtp_login: me@gmail.com', 'smtp_password: hunter22', 'use_tls: true'],
  ['smtpServer: smtp.gmail.com:587', 'smtpLogin: me@gmail.com', 'useTls: true'],
  ['SMTPServer: smtp.gmail.com:465', 'TLSType: none'],
  // Signature words only inside other words (users, starttls, logger, description): no signature.
  ['users:', '  smtp:', '    starttls: true', '  logger: smtp_serverless', '  description: use-tlsx'],
];
const MARKERS: readonly string[][] = [
  ['APP_ENV: production'],
  ['spring:', '  profiles:', '    active: prod'],
  ['NODE_TLS_REJECT_UNAUTHORIZED: "0"'],
  ['node_env: development'],
];
const FILLER = ['database', 'cache', 'queue', 'logging', 'metrics', 'features', 'server', 'app'];
const KEYS = ['host', 'port', 'timeout', 'enabled', 'name', 'path', 'mode', 'url', 'level'];

function fillerBlock(r: ReturnType<typeof rng>, indent: number, depth = 0): string[] {
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  for (let i = r.int(1, 4); i > 0; i--) {
    const roll = r.int(0, 9);
    if (roll < 2 && depth < 2) out.push(`${pad}${r.pick(FILLER)}${i}:`, ...fillerBlock(r, indent + 2, depth + 1));
    else if (roll === 2) out.push(`${pad}items${i}:`, `${pad}  - a`, `${pad}  - b: ${r.int(1, 99)}`);
    else if (roll === 3) out.push(`${pad}script${i}: |`, `${pad}  echo one`, `${pad}    "two: [x`, '', `${pad}  three`);
    else if (roll === 4) out.push(`${pad}flow${i}: {a: 1, b: two}`);
    else if (roll === 5) out.push(`${pad}quoted${i}: "it's ${r.int(1, 9)} \\"q\\""`, `${pad}# a comment`);
    else if (roll === 6 && depth < 2) out.push(`${pad}nested${i}:`, ...r.pick(MAIL_BLOCKS).map((line) => `${pad}  ${line}`));
    else out.push(`${pad}${r.pick(KEYS)}${i}: ${r.chance(0.5) ? r.int(1, 9999) : `v${r.int(1, 99)}`}`);
  }
  return out;
}

/** One document, or now and then several (`---` between them; the first one may open with a marker or a comment only). */
function generated(r: ReturnType<typeof rng>): string {
  if (!r.chance(0.3)) return oneDocument(r);
  const documents = Array.from({ length: r.int(2, 4) }, () => (r.chance(0.15) ? '# empty\n' : oneDocument(r).replace(/\n?$/, '\n')));
  const lead = r.pick(['', '---\n', '# comment\n---\n', '\n---\n---\n']);
  return lead + documents.join('---\n') + (r.chance(0.2) ? '---\n' : '');
}

function oneDocument(r: ReturnType<typeof rng>): string {
  const blocks: string[][] = [];
  for (let i = r.int(2, 5); i > 0; i--) blocks.push([`${r.pick(FILLER)}_${i}:`, ...fillerBlock(r, 2)]);
  blocks.splice(r.int(0, blocks.length), 0, r.pick(MAIL_BLOCKS));
  if (r.chance(0.5)) blocks.splice(r.int(0, blocks.length), 0, r.pick(MARKERS));
  if (r.chance(0.3)) blocks.splice(r.int(0, blocks.length), 0, r.pick(MAIL_BLOCKS));
  return blocks.flat().join('\n') + (r.chance(0.9) ? '\n' : '');
}

const SNIPPETS = [':', ' ', '#', '-', '"', "'", '[', ']', '{', '}', '&a ', '*a', '|', '>', '\t', '\n', '  ', 'x', 'mail', 'smtp_', ': ', '\\', '<<: *a', '---\n', '\n---\n', '---', '...\n', '? ', ',', '%', '!tag '];

function edit(r: ReturnType<typeof rng>, text: string): string {
  const lines = text.split('\n');
  const at = r.int(0, Math.max(0, lines.length - 1));
  switch (r.int(0, 7)) {
    case 0: {
      const i = r.int(0, text.length);
      return text.slice(0, i) + r.pick(SNIPPETS) + text.slice(i);
    }
    case 1: {
      const i = r.int(0, Math.max(0, text.length - 1));
      return text.slice(0, i) + text.slice(i + r.int(1, 3));
    }
    case 2:
      lines.splice(at, 1);
      return lines.join('\n');
    case 3:
      lines.splice(at, 0, lines[r.int(0, lines.length - 1)]);
      return lines.join('\n');
    case 4:
      lines[at] = r.chance(0.5) ? `  ${lines[at]}` : lines[at].replace(/^ {1,2}/, '');
      return lines.join('\n');
    case 5: {
      // At a boundary: just before or after a line that starts a top-level key.
      const starts = lines.map((line, i) => (/^\S/.test(line) ? i : -1)).filter((i) => i >= 0);
      const line = starts.length ? r.pick(starts) : at;
      lines.splice(line + r.int(-1, 1) < 0 ? 0 : line + r.int(-1, 1), 0, r.pick(['', '# c', 'x:', '  y: 1', 'mail_port: 465', '  - z', 'k: "open', 'k: [open', '  |', 'a: &a {host: smtp.x.com}', 'b: *a']));
      return lines.join('\n');
    }
    case 6:
      // An anchor on one value and an alias elsewhere.
      lines[at] = lines[at].replace(/: (\S)/, ': &p $1');
      lines.splice(r.int(0, lines.length), 0, `alias_${at}: *p`);
      return lines.join('\n');
    default: {
      const j = r.int(0, lines.length - 1);
      [lines[at], lines[j]] = [lines[j], lines[at]];
      return lines.join('\n');
    }
  }
}

describe('partial YAML read', () => {
  it('gives the findings, groups and fixes of the full read on every YAML file of the repository', function () {
    this.timeout(300_000);
    const files = [...yamlFiles(path.join(REPO, 'test/fixtures')), ...yamlFiles(path.join(REPO, 'samples'))];
    assert.ok(files.length > 50, `found ${files.length} YAML files`);
    let lighter = 0;
    for (const file of files) {
      const relative = path.relative(REPO, file).split(path.sep).join('/');
      if (compare(relative, fs.readFileSync(file, 'utf8'), true, relative)) lighter++;
    }
    // Not vacuous: on many of them the partial read really leaves parts out.
    assert.ok(lighter >= files.length / 4, `the partial read left parts out of ${lighter} of ${files.length} files`);
  });

  it('keeps an empty prefix\'s keys only where every word of a signature is a word of the document (not inside another word)', () => {
    const filler = Array.from({ length: 40 }, (_, i) => `  key${i}: value ${i}`).join('\n');
    // smtp, server, use and tls are all in the text, but use only in users and tls only in starttls: Lemmy's bare keys
    // (smtp_server & use_tls) cannot be signed, so the other parts' host and port are left out.
    const unsigned = `server:\n  port: 8080\nusers:\n  host: db.internal\n  port: 5432\nspring:\n  mail:\n    host: smtp.gmail.com\n    port: 587\n    properties:\n      mail.smtp.starttls.enable: true\napp:\n${filler}\n`;
    const partial = analyzeText('config/application.yml', unsigned, RELEVANT);
    assert.ok(compare('config/application.yml', unsigned, true, 'unsigned'));
    assert.ok(!partial.parse!.entries.some((entry) => entry.path.join('.') === 'users.host'), 'users.host was read');
    // The same words as words (useTls in camel case): signed, so every host and port may matter.
    const signed = unsigned.replace('  port: 8080', '  port: 8080\n  useTls: false');
    compare('config/application.yml', signed, true, 'signed');
    assert.ok(analyzeText('config/application.yml', signed, RELEVANT).parse!.entries.some((entry) => entry.path.join('.') === 'users.host'), 'users.host was left out');
  });

  it('reports two keys of a map it reads that are the same as the full read does, whichever way the parts around them are cut', () => {
    const filler = Array.from({ length: 40 }, (_, i) => `key${i}: value ${i}`).join('\n');
    const lemmy = 'SMTPServer: smtp.gmail.com:465\nTLSType: none\n';
    // The same keys twice at the top: the full read reports both duplicates, and so must the partial read, wherever its chunks end.
    for (const [label, text] of [
      ['together', `${filler}\n${lemmy}${lemmy}`],
      ['apart', `${lemmy}${filler}\n${lemmy}`],
      ['quoted and plain', `${lemmy}${filler}\n"SMTPServer": smtp.gmail.com:465\n'TLSType': none\n`],
      // Both in parts left out: still reported where the outline reads the map's keys.
      ['left out', `SMTPServer: smtp.gmail.com:465\nTLSType: none\nkey1: x\n${filler}\nnull: 1\nkey1: y\nNULL: 2\n"true": 3\nTrue: 4\n`],
    ] as const) {
      compare('config/lemmy.yml', text, true, label);
      const partial = analyzeText('config/lemmy.yml', text, RELEVANT);
      const full = analyzeText('config/lemmy.yml', text, FULL);
      assert.deepEqual(partial.parseErrors, full.parseErrors, label);
      const expected = label === 'left out' ? ['Duplicate key "key1"', 'Duplicate key "key1"', 'Duplicate key ""', 'Duplicate key "true"'] : ['Duplicate key "SMTPServer"', 'Duplicate key "TLSType"'];
      assert.deepEqual(
        partial.parseErrors.map((error) => error.message),
        expected,
        label,
      );
      assert.ok(partial.parse!.entries.length < full.parse!.entries.length, `${label}: read whole`);
    }
  });

  it('reads each document of a multi-document file on its own, with the full read\'s document numbers', () => {
    const filler = Array.from({ length: 40 }, (_, i) => `  key${i}: value ${i}`).join('\n');
    const documents = [
      `# leading comment\n---\nserver:\n${filler}\n`,
      `spring:\n  config:\n    activate:\n      on-profile: prod\n  mail:\n    host: smtp.gmail.com\n    port: 465\n    properties:\n      mail:\n        smtp:\n          starttls:\n            enable: true\nother:\n${filler}\n`,
      '---\n# nothing here\n',
      `---\nmail:\n  host: smtp.office365.com\n  port: 25\n  user: a@b.com\n  password: pw\nrest:\n${filler}\n`,
    ];
    const text = documents.join('---\n');
    assert.ok(compare('config/application.yml', text, true, 'three documents'), 'the partial read left nothing out');
    const partial = analyzeText('config/application.yml', text, RELEVANT);
    assert.deepEqual([...new Set(partial.groups.map((group) => group.document))], [1, 5]); // the comment before the first marker is no document; `---` then `---` opens an empty one
    // Edit one document, then the other, then undo: every step as the full read.
    let edited = text.replace('port: 465', 'port: 587');
    compare('config/application.yml', edited, true, 'first document edited');
    edited = edited.replace('port: 25', 'port: 2525');
    compare('config/application.yml', edited, true, 'second document edited');
    compare('config/application.yml', text, true, 'both undone');
  });

  it('analyses in many short steps whose result is the full read\'s, in a fresh state as after analyzeText', () => {
    const r = rng(7);
    const text = Array.from({ length: 60 }, () => oneDocument(r)).join('\n').replace(/\n+/g, '\n');
    assert.ok(text.length > 16 * 1024, `${text.length} characters`);
    for (const [label, variant] of [['original', text], ['edited', text.replace('port', 'port_')], ['broken', `${text}\nx: "open\n`]] as const) {
      let steps = 0;
      const run = analysisSteps('config/application.yml', variant);
      let step = run.next();
      for (; !step.done; step = run.next()) steps++;
      // The broken text is parsed whole (parseYamlSteps); the groups and rules are steps too.
      assert.ok(steps > 10, `${label}: ${steps} steps`);
      assert.equal(seen(step.value), seen(analyzeText('config/application.yml', variant, FULL)), `${label}: stepwise and full differ`);
    }
  });

  it('gives the findings and groups (and on each original the fixes) of the full read after thousands of random edits (seeded)', function () {
    this.timeout(300_000); // about 10 s of CPU; a shared CI machine may take much longer
    const r = rng(20261201);
    const names = ['config/application.yml', 'docker-compose.yml', 'config/production.yaml', 'values.yaml', '.github/workflows/notify.yml'];
    let edits = 0;
    let lighter = 0;
    for (let round = 0; round < 100; round++) {
      const file = r.pick(names);
      const original = generated(r);
      if (compare(file, original, true, `round ${round}, original`)) lighter++;
      let text = original;
      for (let step = 0; step < 16; step++) {
        // Half the edits are of the original, so that not every text has gone to pieces.
        const before = r.chance(0.5) ? original : text;
        text = edit(r, before);
        edits++;
        if (compare(file, text, false, `round ${round}, edit ${step}`)) lighter++;
        // Broken, then repaired: back to the text before the edit.
        if (r.chance(0.2)) {
          text = before;
          edits++;
          compare(file, text, false, `round ${round}, edit ${step} undone`);
        }
      }
    }
    assert.ok(edits >= 1800, `${edits} edits`);
    assert.ok(lighter >= edits / 10, `the partial read left parts out ${lighter} times in ${edits} edits`);
  });
});
