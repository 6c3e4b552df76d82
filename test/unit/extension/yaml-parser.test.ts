// The YAML worker (src/extension/yaml-parser.ts, yaml-worker.ts): a real worker thread parses the big YAML texts
// that the engine asks for (steps.ts YamlParseRequest) while runInSlices waits, with the result of the host's own read.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analysisSteps, analyzeText, type Analysis } from '../../../src/engine';
import { runInSlices } from '../../../src/extension/slices';
import { YamlParser } from '../../../src/extension/yaml-parser';

const WORKER = path.resolve(__dirname, '../../../src/extension/yaml-worker.js');
const FILE = 'config/application.yml';

/** A big application.yml with an anchor (so the partial read gives up and the whole text is parsed) and a wrong port. */
function bigAnchoredYaml(): string {
  const filler = Array.from({ length: 1500 }, (_, i) => `  key${i}: value ${i}`).join('\n');
  return `defaults: &defaults\n  timeout: 5\nspring:\n  mail:\n    host: smtp.office365.com\n    port: 465\n    properties:\n      mail.smtp.starttls.enable: true\nother:\n  <<: *defaults\n${filler}\n`;
}

const seen = (analysis: Analysis | undefined): string =>
  JSON.stringify({ findings: analysis?.findings, parseErrors: analysis?.parseErrors, entries: analysis?.parse?.entries });

describe('YAML worker', () => {
  let parser: YamlParser;
  afterEach(() => parser?.dispose());

  it('parses a big YAML text the partial read cannot outline in the worker, with the host\'s findings', async () => {
    const text = bigAnchoredYaml();
    assert.ok(text.length > 16 * 1024);
    parser = new YamlParser(WORKER, { onError: (message) => assert.fail(message) });
    // One step per slice: how many steps ran on the host, with the worker's answer and without one.
    let withWorker = 0;
    let onHost = 0;
    const analysis = await runInSlices(analysisSteps(FILE, text), { sliceMs: 0, onSlice: () => withWorker++, requests: (request) => parser.parse(request) });
    await runInSlices(analysisSteps(FILE, text), { sliceMs: 0, onSlice: () => onHost++, requests: async () => undefined });
    assert.equal(parser.answered, 1, 'the worker did not parse the text');
    assert.ok(withWorker < onHost, `the host still parsed: ${withWorker} steps with the worker's answer, ${onHost} without`);
    assert.equal(seen(analysis), seen(analyzeText(FILE, text)));
    assert.ok(analysis!.findings.some((finding) => finding.ruleId === 'provider-port-unsupported'), JSON.stringify(analysis!.findings.map((f) => f.ruleId)));
  });

  it('is not asked for texts the engine reads cheaply (small, or outlined by the partial read)', async () => {
    parser = new YamlParser(WORKER);
    const small = 'spring:\n  mail:\n    host: smtp.gmail.com\n    port: 587\n';
    const outlined = bigAnchoredYaml().replace('&defaults', '').replace('<<: *defaults', 'x: 1');
    for (const text of [small, outlined]) assert.equal(seen(await runInSlices(analysisSteps(FILE, text), { requests: (request) => parser.parse(request) })), seen(analyzeText(FILE, text)));
    assert.equal(parser.answered, 0);
  });

  it('falls back to the host\'s own read, and says why, when the worker cannot start', async () => {
    const errors: string[] = [];
    parser = new YamlParser(path.join(__dirname, 'no-such-worker.js'), { onError: (message) => errors.push(message) });
    const text = bigAnchoredYaml();
    const analysis = await runInSlices(analysisSteps(FILE, text), { requests: (request) => parser.parse(request) });
    assert.equal(seen(analysis), seen(analyzeText(FILE, text)));
    assert.equal(parser.answered, 0);
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0], /YAML worker .*parsing on the extension host/);
  });

  it('stops a worker that never answers, parses on the host and says why; a later request starts a new worker', async () => {
    const silent = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-doctor-worker-')), 'silent-worker.js');
    fs.writeFileSync(silent, "require('node:worker_threads').parentPort.on('message', () => {});\n");
    const errors: string[] = [];
    parser = new YamlParser(silent, { onError: (message) => errors.push(message), timeoutMs: 200 });
    const text = bigAnchoredYaml();
    const first = await runInSlices(analysisSteps(FILE, text), { requests: (request) => parser.parse(request) });
    assert.equal(seen(first), seen(analyzeText(FILE, text)));
    assert.deepEqual(errors, ['the YAML worker gave no answer in 0.2 s; parsing on the extension host']);
    await runInSlices(analysisSteps(FILE, `${text}# again\n`), { requests: (request) => parser.parse(request) });
    assert.equal(errors.length, 2, 'a new worker was asked, and timed out too');
    fs.rmSync(path.dirname(silent), { recursive: true, force: true });
  });
});
