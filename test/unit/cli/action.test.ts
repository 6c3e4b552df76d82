// The GitHub Action's entry point (action/entry.mjs) run as the Actions runner runs it: the inputs
// in INPUT_* variables (INPUT_FAIL-ON for `fail-on`), outputs appended to $GITHUB_OUTPUT, the CLI
// the built bundle. Checks the report file, the annotations, the outputs and the exit code.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';

const REPO = path.resolve(__dirname, '../../../..');
const ENTRY = path.join(REPO, 'action', 'entry.mjs');
const fixture = (name: string) => fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'analysis', 'maybe', name), 'utf8');
const BAD = fixture('.env'); // implicit-tls-on-starttls-port at line 5, an error
const GOOD = fixture('ok.env');
const PORT_25 = 'MAIL_MAILER=smtp\nMAIL_HOST=smtp.example.com\nMAIL_PORT=25\nMAIL_USERNAME=app\nMAIL_PASSWORD=secret\nMAIL_ENCRYPTION=tls\n'; // port-25-submission, a warning

function runAction(inputs: Record<string, string>, files: Record<string, string>) {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-doctor-action-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(workspace, name)), { recursive: true });
    fs.writeFileSync(path.join(workspace, name), text);
  }
  const outputFile = path.join(workspace, 'github-output');
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, GITHUB_OUTPUT: outputFile };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const result = spawnSync(process.execPath, [ENTRY], { cwd: workspace, env, encoding: 'utf8', timeout: 60000 });
  const outputs = fs.existsSync(outputFile) ? Object.fromEntries(fs.readFileSync(outputFile, 'utf8').trim().split('\n').map((line) => line.split('=') as [string, string])) : {};
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, outputs, workspace };
}

describe('GitHub Action (action.yml, action/entry.mjs)', function () {
  // Each case starts the CLI up to four times: a safety net against a hang on a loaded machine, not a speed check.
  this.timeout(180000);
  it('action.yml declares the inputs paths, format and fail-on, passes each to the entry as INPUT_*, and uploads SARIF', () => {
    const action = parseYaml(fs.readFileSync(path.join(REPO, 'action.yml'), 'utf8'));
    assert.ok(['paths', 'format', 'fail-on'].every((name) => name in action.inputs));
    const check = action.runs.steps.find((step: { id?: string }) => step.id === 'check');
    for (const name of Object.keys(action.inputs).filter((item) => item !== 'upload')) {
      assert.equal(check.env[`INPUT_${name.toUpperCase()}`], `\${{ inputs.${name} }}`, name);
    }
    assert.match(check.run, /action\/entry\.mjs/);
    const upload = action.runs.steps.find((step: { uses?: string }) => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.equal(upload.with.sarif_file, '${{ steps.check.outputs.report }}');
  });

  it('writes SARIF with the findings, annotates them, sets the outputs and fails on errors (the defaults)', () => {
    const { code, stdout, outputs, workspace } = runAction({ paths: 'config' }, { 'config/.env': BAD, 'config/ok.env': GOOD });
    assert.equal(code, 1);
    assert.deepEqual(outputs, { report: 'smtp-doctor.sarif', errors: '1', warnings: '0' });
    const sarif = JSON.parse(fs.readFileSync(path.join(workspace, 'smtp-doctor.sarif'), 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    const results = sarif.runs[0].results;
    assert.deepEqual(results.map((r: { ruleId: string; level: string }) => `${r.ruleId}:${r.level}`), ['implicit-tls-on-starttls-port:error']);
    assert.equal(results[0].locations[0].physicalLocation.artifactLocation.uri, 'config/.env');
    assert.equal(results[0].locations[0].physicalLocation.region.startLine, 5);
    assert.match(stdout, /^::error file=config\/\.env,line=5,col=\d+,endLine=5,endColumn=\d+,title=implicit-tls-on-starttls-port::.+$/m);
  });

  it('fail-on never passes with findings; fail-on warning fails on a warning; json and text reports', () => {
    const never = runAction({ 'fail-on': 'never', format: 'json' }, { '.env': BAD });
    assert.equal(never.code, 0);
    assert.equal(JSON.parse(fs.readFileSync(path.join(never.workspace, 'smtp-doctor.json'), 'utf8'))[0].rule, 'implicit-tls-on-starttls-port');
    assert.equal(runAction({}, { '.env': PORT_25 }).code, 0, 'a warning passes by default');
    const warning = runAction({ 'fail-on': 'warning' }, { '.env': PORT_25 });
    assert.equal(warning.code, 1);
    assert.deepEqual(warning.outputs, { report: 'smtp-doctor.sarif', errors: '0', warnings: '1' });
    assert.match(warning.stdout, /^::warning file=\.env,line=3,.*title=port-25-submission::/m);
    const ok = runAction({ 'fail-on': 'warning', format: 'text', output: 'report.txt' }, { '.env': GOOD });
    assert.equal(ok.code, 0, ok.stdout);
    assert.match(fs.readFileSync(path.join(ok.workspace, 'report.txt'), 'utf8'), /No SMTP problems found in 1 config file/);
  });

  it('refuses an unknown input value with an error annotation and exit 2', () => {
    const { code, stdout } = runAction({ 'fail-on': 'sometimes' }, { '.env': GOOD });
    assert.equal(code, 2);
    assert.match(stdout, /^::error title=SMTP Doctor::input "fail-on" must be one of error, warning, never/m);
  });
});
