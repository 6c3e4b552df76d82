// The layering is a lint rule (eslint.config.mjs): these tests prove that it fires,
// so that a config change cannot silently turn the boundary off.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const REPO = path.resolve(__dirname, '../../..');
const RULE = '@typescript-eslint/no-restricted-imports';

describe('layer boundaries (eslint.config.mjs)', function () {
  let eslint: ESLint;
  before(() => {
    eslint = new ESLint({ cwd: REPO });
  });

  /** The boundary findings (and any parse error) for `code` as if it were the file at `filePath`. */
  async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(`${code}\nexport const used = [typeof x];\n`, { filePath: path.join(REPO, filePath) });
    return result.messages
      .filter((m) => m.ruleId === RULE || m.ruleId === 'no-restricted-syntax' || m.fatal)
      .map((m) => `${m.ruleId}: ${m.message}`);
  }

  for (const folder of ['src/engine', 'src/probe', 'src/cli', 'src/lsp', 'test/unit']) {
    it(`fails when ${folder} imports vscode`, async () => {
      const errors = await boundaryErrors(`${folder}/x.ts`, "import * as x from 'vscode';");
      assert.equal(errors.length, 1, errors.join('\n'));
      assert.match(errors[0], new RegExp(`^${RULE}: .*Only src/extension may import vscode`));
    });
  }

  it('fails on require() and import() of vscode below the adapter', async () => {
    const errors = await boundaryErrors('src/engine/x.ts', "const x = require('vscode'); void import('vscode');");
    assert.equal(errors.filter((e) => /Only src\/extension may import vscode/.test(e)).length, 2, errors.join('\n'));
  });

  it('lets src/extension import vscode and the entry points', async () => {
    assert.deepEqual(await boundaryErrors('src/extension/x.ts', "import * as x from 'vscode';"), []);
    assert.deepEqual(await boundaryErrors('src/extension/x.ts', "import { analyzeText as x } from '../engine';"), []);
    assert.deepEqual(await boundaryErrors('src/cli/x.ts', "import { probe as x } from '../probe';"), []);
    assert.deepEqual(await boundaryErrors('src/lsp/x.ts', "import { analyzeText as x } from '../engine';"), []);
    assert.deepEqual(await boundaryErrors('src/lsp/x.ts', "import { createConnection as x } from 'vscode-languageserver/node';"), []);
  });

  for (const [folder, source] of [
    ['src/extension', '../engine/analyze'],
    ['src/extension', '../engine/index'],
    ['src/extension', '../probe/session'],
    ['src/cli', '../engine/rules/index'],
    ['src/cli', '../probe/report'],
    ['src/lsp', '../engine/analyze'],
    ['src/lsp', '../engine/explain'],
  ]) {
    it(`fails when ${folder} reaches into ${source}`, async () => {
      for (const code of [`import { x } from '${source}';`, `import type { x } from '${source}';`, `export { x } from '${source}';`]) {
        const errors = await boundaryErrors(`${folder}/x.ts`, code);
        assert.equal(errors.length, 1, `${code}\n${errors.join('\n')}`);
        assert.match(errors[0], /through its entry point/);
      }
    });
  }

  for (const [file, source] of [
    ['src/engine/rules/x.ts', '../../probe'],
    ['src/engine/x.ts', '../extension/diagnostics'],
    ['src/engine/x.ts', '../cli/walk'],
    ['src/probe/x.ts', '../extension/probePanel'],
    ['src/probe/x.ts', '../cli'],
    ['src/engine/x.ts', '../lsp/server'],
    ['src/probe/x.ts', '../lsp/server'],
  ]) {
    it(`fails when ${file} imports ${source} (a layer above it)`, async () => {
      const errors = await boundaryErrors(file, `import { x } from '${source}';`);
      assert.equal(errors.length, 1, errors.join('\n'));
      assert.match(errors[0], /must not import them/);
    });
  }

  it('fails when one adapter imports the other', async () => {
    assert.equal((await boundaryErrors('src/extension/x.ts', "import { x } from '../cli/walk';")).length, 1);
    assert.equal((await boundaryErrors('src/cli/x.ts', "import { x } from '../extension/settings';")).length, 1);
    assert.equal((await boundaryErrors('src/lsp/x.ts', "import { x } from '../extension/hover';")).length, 1);
    assert.equal((await boundaryErrors('src/extension/x.ts', "import { x } from '../lsp/server';")).length, 1);
  });
});

describe('the CLI probe command starts without the config readers', () => {
  // The probe may use the engine's data (profiles' TLS advice, facts/ports), not its readers.
  it('`probe --help` loads no config reader, analysis, rule or fix, nor yaml, jsonc-parser or dotenv (check loads them on demand)', () => {
    const heavy = ['engine/formats/', 'engine/analyze', 'engine/rules/', 'engine/fixes/', 'node_modules/yaml/', 'node_modules/jsonc-parser/', 'node_modules/dotenv/'];
    const script = `
      const { main } = require(${JSON.stringify(path.join(REPO, 'out/src/cli/main.js'))});
      const io = { stdout() {}, stderr() {}, env: {} };
      const heavy = ${JSON.stringify(heavy)};
      main(['probe', '--help'], io).then((code) => {
        const loaded = Object.keys(require.cache).map((f) => f.split(require('node:path').sep).join('/'));
        process.stdout.write(JSON.stringify({ code, heavy: loaded.filter((f) => heavy.some((h) => f.includes(h))) }));
      });`;
    const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30000 });
    assert.equal(child.status, 0, child.stderr);
    assert.deepEqual(JSON.parse(child.stdout), { code: 0, heavy: [] });
  });
});
