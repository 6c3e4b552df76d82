// The one list of config files (src/engine/facts/files.ts) and everything derived from it.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CODE_FILES,
  CONFIG_FILES,
  CONFIG_FILES_GLOB,
  formatOfPath,
  globToRegExp,
  inSkippedFolder,
  preCommitPatterns,
  SKIPPED_FOLDERS_GLOB,
  workspaceActivationEvents,
  codeActivationEvents,
} from '../../../src/engine/facts/files';
import { collectConfigFiles } from '../../../src/cli/walk';
import { parse as parseYaml } from 'yaml';

const REPO = path.resolve(__dirname, '../../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));

describe('facts/files: the one list of config files', () => {
  it("package.json's workspaceContains events are the list's (node scripts/sync-manifest.mjs after tsc)", () => {
    const events: string[] = manifest.activationEvents.filter((event: string) => event.startsWith('workspaceContains:'));
    assert.deepEqual(events, workspaceActivationEvents());
  });

  it("package.json activates on every code language read (onLanguage:, written by node scripts/sync-manifest.mjs)", () => {
    for (const event of codeActivationEvents()) assert.ok(manifest.activationEvents.includes(event), event);
    assert.ok(codeActivationEvents().includes('onLanguage:csharp'));
  });

  it('the context-menu entry appears where the extension finds SMTP settings in a file of the same list', () => {
    const entry = manifest.contributes.menus['editor/context'].find((item: { command: string }) => item.command === 'smtpDoctor.testConnection');
    assert.equal(entry.when, 'smtpDoctor.hasSmtpSettings');
    const extension = fs.readFileSync(path.join(REPO, 'src', 'extension', 'extension.ts'), 'utf8');
    assert.match(extension, /isConfigFile\(editor\.document\.fileName\) && \(diagnostics\.lastAnalysisOf\(editor\.document\)\?\.analysis\.groups\.length/);
    assert.match(extension, /setContext', 'smtpDoctor\.hasSmtpSettings', value\)/);
  });

  it('the globs need no brace support and combine into one VS Code glob', () => {
    for (const { glob } of [...CONFIG_FILES, ...CODE_FILES]) {
      assert.match(glob, /^\*\*\/[^{},]+$/, glob);
    }
    assert.equal(CONFIG_FILES_GLOB, `{${[...CONFIG_FILES, ...CODE_FILES].map((pattern) => pattern.glob).join(',')}}`);
    assert.match(SKIPPED_FOLDERS_GLOB, /^\{\*\*\/\.git\/\*\*,.*\*\*\/node_modules\/\*\*/);
  });

  describe('globToRegExp follows VS Code glob semantics', () => {
    const cases: [string, string, boolean][] = [
      ['**/.env', '/.env', true],
      ['**/.env', '/a/b/.env', true],
      ['**/.env', '/a/.envx', false],
      ['**/*.yml', '/.github/workflows/ci.yml', true],
      ['**/*.yml', '/a/b.yml/c', false],
      ['**/settings/*.py', '/shop/settings/prod.py', true],
      ['**/settings/*.py', '/shop/settings/a/prod.py', false],
      ['**/config/initializers/*mail*.rb', '/config/initializers/action_mailer.rb', true],
      ['**/config.php', '/x/config.php', true],
      ['**/config.php', '/x/configxphp', false],
      ['**/?.ini', '/a/b.ini', true],
      ['**/?.ini', '/a/bc.ini', false],
    ];
    for (const [glob, file, matches] of cases) {
      it(`${glob} ${matches ? 'matches' : 'does not match'} ${file}`, () => {
        assert.equal(globToRegExp(glob).test(file), matches);
      });
    }
  });

  it('skips the same folders in the CLI walk and the editor (inSkippedFolder)', () => {
    assert.equal(inSkippedFolder('node_modules/pkg/.env'), true);
    assert.equal(inSkippedFolder('app/vendor/x/config.php'), true);
    assert.equal(inSkippedFolder('deploy/.env'), false);
    assert.equal(inSkippedFolder('dist'), false, 'a file named like a folder is not inside it');
    const walked = collectConfigFiles([path.join(REPO, 'test', 'fixtures', 'activation')]).files
      .map((file) => path.relative(path.join(REPO, 'test', 'fixtures', 'activation'), file).split(path.sep).join('/'))
      .sort();
    assert.deepEqual(walked, [
      'github-workflow/.github/workflows/notify.yml',
      'helm-values/values.yaml',
      'k8s-manifest/k8s/mailer.yaml',
      'nextcloud/config/config.php',
      'rails-production/config/environments/production.rb',
    ]);
  });

  it(".pre-commit-hooks.yaml's files and exclude are the list's, and pass exactly the files the engine reads", () => {
    const [hook] = parseYaml(fs.readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8'));
    const patterns = preCommitPatterns();
    assert.deepEqual({ files: hook.files, exclude: hook.exclude }, patterns, 'run `npx tsc -p . && node scripts/sync-manifest.mjs`');
    assert.deepEqual([hook.id, hook.entry, hook.language, hook.language_version], ['smtp-doctor', 'smtp-doctor check', 'node', 'system']);
    // Python's `(?i)` is JavaScript's `i` flag; the rest of these expressions means the same in both.
    const python = (source: string) => new RegExp(source.replace(/^\(\?i\)/, ''), 'i');
    const files = python(patterns.files);
    const exclude = python(patterns.exclude);
    const samples = [
      ...collectRepoFiles(path.join(REPO, 'test', 'fixtures')),
      '.env', 'app/.env.local', 'deploy/prod.env', '.ENV.Production', 'x/.env.json', 'x/.env.local.md', 'a/.env.js', 'a/.env.d.ts', '.envrc',
      'config/settings/production.py', 'proj/settings.py', 'proj/local_settings.py', 'lib/mailer.py', 'config/environments/production.rb',
      'config/initializers/smtp.rb', 'app/models/user.rb', 'gitlab.rb', 'config/config.php', 'index.php', 'web.min.js', 'types.d.ts', 'app.bundle.js',
      'node_modules/pkg/.env', 'vendor/a/config.yml', 'a/dist/app.json', '.smtp-doctor.json', '.smtp-doctor.yaml', 'package-lock.json', 'README.md', 'Dockerfile',
    ];
    for (const sample of samples) {
      const read = formatOfPath(sample) !== undefined && !inSkippedFolder(sample);
      assert.equal(files.test(sample) && !exclude.test(sample), read, sample);
    }
  });
});

function collectRepoFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = `${prefix}${entry.name}`;
    return entry.isDirectory() ? collectRepoFiles(path.join(dir, entry.name), `${relative}/`) : [relative];
  });
}
