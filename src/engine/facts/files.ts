// Which files SMTP Doctor reads, and which folders it never looks in: the one list behind the
// engine's format detection, the CLI's walk, the editor's workspace scan, file watcher and
// context key, and the manifest's `workspaceContains:` activation events (package.json is
// checked against it by test/unit/engine/files.test.ts; `node scripts/sync-manifest.mjs`
// rewrites it).
//
// Globs use VS Code's syntax without braces (a brace inside `{…}` is not portable across glob
// implementations): `**/` is any folders, `*` and `?` never cross a `/`.

import type { FormatId } from '../types';

export interface ConfigFilePattern {
  format: FormatId;
  glob: string;
  /** The name alone does not tell the format: the content must look like it (`*.conf` is nginx's, Apache's… too). */
  byContent?: true;
  /**
   * A name other software uses too: it means this format only where the content matches (NetBox's `EMAIL = {…}`
   * dict); otherwise the next pattern, or the code reader, takes the file.
   */
  content?: RegExp;
}

/** First match wins; a `byContent` one only where the content agrees (formats/index.ts formatOfText), else the next one is tried. */
export const CONFIG_FILES: readonly ConfigFilePattern[] = [
  // dotenv: `.env`, `.env.production`, `.env.local`, `.env.example`, `smtp.env`. Not `.envrc` (shell).
  { format: 'dotenv', glob: '**/.env' },
  { format: 'dotenv', glob: '**/.env.*' },
  { format: 'dotenv', glob: '**/*.env' },
  // Spring, Compose, Kubernetes manifests, Helm values, GitHub workflows, Ghost, appsettings…: any name.
  { format: 'yaml', glob: '**/*.yml' },
  { format: 'yaml', glob: '**/*.yaml' },
  { format: 'json', glob: '**/*.json' },
  { format: 'json', glob: '**/*.jsonc' },
  { format: 'properties', glob: '**/*.properties' },
  { format: 'ini', glob: '**/*.ini' },
  // Matomo's config/config.ini.php and global.ini.php: INI behind a `; <?php exit; ?>` comment line.
  { format: 'ini', glob: '**/*.ini.php' },
  // Apache Airflow.
  { format: 'ini', glob: '**/airflow.cfg' },
  // pretix's pretix.cfg (INI).
  { format: 'ini', glob: '**/pretix.cfg' },
  // Odoo's server configuration ([options]), before the HOCON guess for other `.conf` files.
  { format: 'ini', glob: '**/odoo.conf' },
  { format: 'ini', glob: '**/odoo-server.conf' },
  { format: 'ini', glob: '**/openerp-server.conf' },
  // Other `.cfg` files only when their content reads as INI (formats/ini.ts looksLikeIni: `[section]` headers
  // and `key = value` lines, RatticWeb's conf/local.cfg, Python's configparser files), not Buildbot's
  // master.cfg (Python), Nagios' object definitions or HAProxy's haproxy.cfg.
  { format: 'ini', glob: '**/*.cfg', byContent: true },
  // Listmonk's config.toml and other Go, Rust and Python apps' TOML configs.
  { format: 'toml', glob: '**/*.toml' },
  // HJSON: Lemmy's config/config.hjson (lemmy.hjson in its Docker setups) and other apps' HJSON configs.
  { format: 'hjson', glob: '**/*.hjson' },
  // Fluentd (and td-agent): fluent.conf, td-agent.conf; other `.conf` files below, by their content.
  { format: 'fluentd', glob: '**/fluent.conf' },
  { format: 'fluentd', glob: '**/fluentd.conf' },
  { format: 'fluentd', glob: '**/td-agent.conf' },
  // HOCON: Play Framework's conf/application.conf (and Akka's, other JVM apps'); other `.conf` files only
  // when their content reads as HOCON (formats/hocon.ts looksLikeHocon), not nginx's, Apache's, supervisord's.
  { format: 'hocon', glob: '**/application.conf' },
  { format: 'hocon', glob: '**/reference.conf' },
  { format: 'hocon', glob: '**/*.conf', byContent: true },
  // A `.conf` that is not HOCON but Fluentd's `<match>` directives (formats/fluentd.ts looksLikeFluentd).
  { format: 'fluentd', glob: '**/*.conf', byContent: true },
  // Django: settings.py, settings_prod.py, local_settings.py, settings/production.py.
  { format: 'assignments', glob: '**/settings.py' },
  { format: 'assignments', glob: '**/settings_*.py' },
  { format: 'assignments', glob: '**/*_settings.py' },
  { format: 'assignments', glob: '**/settings/*.py' },
  // Apache Superset's config module.
  { format: 'assignments', glob: '**/superset_config.py' },
  // NetBox's configuration module (netbox/netbox/configuration.py, its _example, netbox-docker's configuration/).
  { format: 'assignments', glob: '**/netbox/configuration.py' },
  { format: 'assignments', glob: '**/netbox/configuration_example.py' },
  // Hundreds of other Python projects ship a configuration/configuration.py (Monogramm/erpnext_autoinstall's Frappe
  // code): only one with NetBox's EMAIL dict and its SERVER key is NetBox's; the others are read as code.
  { format: 'assignments', glob: '**/configuration/configuration.py', content: /^EMAIL\s*=\s*\{[^}]*["']SERVER["']/m },
  // GitLab Omnibus.
  { format: 'assignments', glob: '**/gitlab.rb' },
  // Rails environments and mail initializers.
  { format: 'assignments', glob: '**/config/environments/*.rb' },
  { format: 'assignments', glob: '**/config/initializers/*mail*.rb' },
  { format: 'assignments', glob: '**/config/initializers/*smtp*.rb' },
  // gitlab.rb's lines in a file of another name (an excerpt posted as config.rb): only with gitlab_rails['smtp_*']
  // assignments (formats/assignments.ts looksLikeOmnibus); other Ruby files stay code.
  { format: 'assignments', glob: '**/*.rb', byContent: true },
  // Nextcloud: config/config.php and config/*.config.php.
  { format: 'assignments', glob: '**/config.php' },
  { format: 'assignments', glob: '**/*.config.php' },
  // Roundcube: config/config.inc.php, its shipped config.inc.php.sample and defaults.inc.php ($config['smtp_host']).
  { format: 'assignments', glob: '**/config.inc.php' },
  { format: 'assignments', glob: '**/config.inc.php.sample' },
  { format: 'assignments', glob: '**/defaults.inc.php' },
  // Laravel: config/mail.php returns the mailers' array, its values `env('MAIL_PORT', 587)` lookups of `.env`.
  { format: 'assignments', glob: '**/config/mail.php' },
  // WordPress: wp-config.php's define('WPMS_SMTP_HOST', …) constants (WP Mail SMTP).
  { format: 'assignments', glob: '**/wp-config.php' },
];

/** Source code read by the code readers (src/engine/code/), when no config pattern above claims the file. */
export type CodeLanguage = 'javascript' | 'typescript' | 'tsx' | 'python' | 'php' | 'ruby' | 'csharp' | 'java' | 'go';

export const CODE_FILES: readonly { language: CodeLanguage; glob: string }[] = [
  ...['js', 'cjs', 'mjs', 'jsx'].map((extension) => ({ language: 'javascript' as const, glob: `**/*.${extension}` })),
  ...['ts', 'cts', 'mts'].map((extension) => ({ language: 'typescript' as const, glob: `**/*.${extension}` })),
  { language: 'tsx', glob: '**/*.tsx' },
  { language: 'python', glob: '**/*.py' },
  { language: 'php', glob: '**/*.php' },
  { language: 'ruby', glob: '**/*.rb' },
  { language: 'csharp', glob: '**/*.cs' },
  { language: 'java', glob: '**/*.java' },
  { language: 'go', glob: '**/*.go' },
];

/** VS Code's language ids for each code language: the manifest's `onLanguage:` events (scripts/sync-manifest.mjs). */
const CODE_LANGUAGE_IDS: Readonly<Record<CodeLanguage, readonly string[]>> = {
  javascript: ['javascript', 'javascriptreact'],
  typescript: ['typescript'],
  tsx: ['typescriptreact'],
  python: ['python'],
  php: ['php'],
  ruby: ['ruby'],
  csharp: ['csharp'],
  java: ['java'],
  go: ['go'],
};

/** Generated or bundled code, never the project's own settings. */
export const NOT_CODE_FILES: readonly string[] = [
  '**/*.min.js', '**/*.d.ts', '**/*.bundle.js',
  // Generated C# (designers, source generators) and Go (protobuf, go generate).
  '**/*.designer.cs', '**/*.g.cs', '**/*.g.i.cs', '**/*.pb.go', '**/*_gen.go', '**/*.gen.go',
];

/** Files that match a pattern above but are never configuration worth reading. */
export const NOT_CONFIG_FILES: readonly string[] = [
  // SMTP Doctor's own project config file (src/engine/config/project-config.ts).
  '**/.smtp-doctor.json',
  '**/.smtp-doctor.yaml',
  ...['package-lock', 'npm-shrinkwrap', 'composer.lock', 'yarn.lock', 'pnpm-lock'].map((name) => `**/${name}.*`),
  // `.env.js`, `.env.d.ts`, `.env.local.py`... are code, not dotenv files.
  ...['js', 'cjs', 'mjs', 'ts', 'tsx', 'jsx', 'py', 'rb', 'php', 'sh', 'bash', 'zsh', 'ps1', 'json', 'yml', 'yaml', 'toml', 'md']
    .flatMap((extension) => [`**/.env.${extension}`, `**/.env.*.${extension}`]),
];

/** Folders that hold dependencies, build output or tool state, never the project's own config. */
export const SKIPPED_FOLDERS: readonly string[] = [
  '.git', '.hg', '.svn', 'node_modules', 'vendor', 'bower_components', 'dist', 'build', 'out', 'target', 'coverage',
  '.next', '.nuxt', '.svelte-kit', '.venv', 'venv', '__pycache__', '.tox', '.gradle', '.idea', '.vscode-test', '.terraform', '.cache',
  // .NET build output (bin/Debug holds copies of appsettings.json) and generated sources.
  'bin', 'obj', 'generated', '__generated__',
];

/** Files larger than this are skipped rather than parsed (the CLI, the language server; VS Code's smtpDoctor.maxFileSize defaults to it). */
export const MAX_FILE_BYTES = 1024 * 1024;

/**
 * What marks a project's root folder, for the CLI (the editor uses the workspace folder): paths are judged
 * relative to it, so `check production/` and `cd production && check .` see the same `production/.env`.
 * Version control first (the nearest folder holding one of these), then a manifest or compose file.
 */
export const PROJECT_ROOT_MARKERS: { readonly vcs: readonly string[]; readonly project: readonly string[] } = {
  vcs: ['.git', '.hg', '.svn'],
  project: [
    'package.json', 'composer.json', 'pyproject.toml', 'Gemfile', 'go.mod', 'Cargo.toml', 'pom.xml', 'build.gradle', 'build.gradle.kts', 'build.sbt',
    'docker-compose.yml', 'docker-compose.yaml', 'compose.yml', 'compose.yaml', '.smtp-doctor.json', '.smtp-doctor.yaml',
  ],
};

/** A glob as a case-insensitive regular expression over a path with `/` separators and a leading `/`. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    if (glob.startsWith('**/', i)) {
      source += '(?:[^/]*/)*';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      // `dir/**` (a project config's pattern): everything inside.
      source += '.*';
      i += 1;
    } else if (glob[i] === '*') source += '[^/]*';
    else if (glob[i] === '?') source += '[^/]';
    else source += glob[i].replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^/${source}$`, 'i');
}

const COMPILED_CODE = CODE_FILES.map((pattern) => ({ language: pattern.language, re: globToRegExp(pattern.glob) }));
const COMPILED_NOT_CODE = NOT_CODE_FILES.map(globToRegExp);
const COMPILED = CONFIG_FILES.map((pattern) => ({ format: pattern.format, byContent: pattern.byContent === true, content: pattern.content, re: globToRegExp(pattern.glob) }));
const COMPILED_NOT = NOT_CONFIG_FILES.map(globToRegExp);
const SKIPPED = new Set(SKIPPED_FOLDERS);

/** The format of a file from its name or path (case-insensitive), or undefined if it is not one we read. */
export function formatOfPath(filePath: string): FormatId | undefined {
  const normalized = normalize(filePath);
  if (COMPILED_NOT.some((re) => re.test(normalized))) return codeLanguageOfPath(filePath) ? 'code' : undefined;
  const matching = COMPILED.filter((pattern) => pattern.re.test(normalized));
  // A name that leaves the format to the content (`*.conf`, `*.cfg`, any `*.rb`) is code when it is code.
  const byName = matching.find((pattern) => !pattern.byContent)?.format;
  return byName ?? (codeLanguageOfPath(filePath) ? 'code' : matching[0]?.format);
}

/**
 * The formats a file may be in by its name, in order: the first by-name match ends the list; before it, the
 * by-content ones whose content check (formats/index.ts formatOfText) decides. Empty when it is not one we read.
 */
export function formatCandidates(filePath: string): readonly { format: FormatId; byContent: boolean; content?: RegExp }[] {
  const normalized = normalize(filePath);
  if (COMPILED_NOT.some((re) => re.test(normalized))) return [];
  const candidates: { format: FormatId; byContent: boolean; content?: RegExp }[] = [];
  for (const pattern of COMPILED) {
    if (!pattern.re.test(normalized)) continue;
    candidates.push({ format: pattern.format, byContent: pattern.byContent, ...(pattern.content ? { content: pattern.content } : {}) });
    if (!pattern.byContent && !pattern.content) break;
  }
  return candidates;
}

/** The language of a source file read by the code readers, or undefined. */
export function codeLanguageOfPath(filePath: string): CodeLanguage | undefined {
  const normalized = normalize(filePath);
  if (COMPILED_NOT_CODE.some((re) => re.test(normalized))) return undefined;
  return COMPILED_CODE.find((pattern) => pattern.re.test(normalized))?.language;
}

function normalize(filePath: string): string {
  return '/' + filePath.replace(/\\/g, '/').replace(/^\/+/, '');
}

export function isSkippedFolder(name: string): boolean {
  return SKIPPED.has(name);
}

/** Whether a path relative to the project lies inside a skipped folder. */
export function inSkippedFolder(relativePath: string): boolean {
  return relativePath.split(/[\\/]/).slice(0, -1).some(isSkippedFolder);
}

/** All config files, as one VS Code glob (workspace scan, file watcher, target picker). */
export const CONFIG_FILES_GLOB = `{${[...CONFIG_FILES, ...CODE_FILES].map((pattern) => pattern.glob).join(',')}}`;

/** The skipped folders, as one VS Code glob for `findFiles`'s exclude. */
export const SKIPPED_FOLDERS_GLOB = `{${SKIPPED_FOLDERS.map((name) => `**/${name}/**`).join(',')}}`;

/**
 * The manifest's `workspaceContains:` activation events: a workspace with any config file we read by its
 * name activates the extension. Code files do not (a `workspaceContains:` glob for `*.js` files would start it in every JavaScript project):
 * package.json activates on `onLanguage:javascript`, `typescript`, `python`… instead, and the workspace scan
 * then reads code files too.
 */
export function workspaceActivationEvents(): string[] {
  // A `*.conf` file is in most projects and is rarely HOCON: application.conf activates, the others do not.
  return CONFIG_FILES.filter((pattern) => !pattern.byContent).map((pattern) => `workspaceContains:${pattern.glob}`);
}

/**
 * The files and folders above as Python regular expressions over a path relative to the repository,
 * for pre-commit's `files` and `exclude` (.pre-commit-hooks.yaml, written by
 * `node scripts/sync-manifest.mjs`; test/unit/engine/files.test.ts checks them against formatOfPath).
 * pre-commit matches with `re.search`; `(?i)` because the globs above are case-insensitive.
 * `exclude` holds the skipped folders, NOT_CODE_FILES, and the NOT_CONFIG_FILES that are not code
 * either (`.env.json` is excluded, `.env.js` is JavaScript and read as code).
 */
export function preCommitPatterns(): { files: string; exclude: string } {
  // globToRegExp's source without its `^/(?:[^/]*/)*` (the leading `**/`, which `(^|/)` stands for here).
  const alternatives = (globs: readonly string[]) => globs.map((glob) => globToRegExp(glob).source.replace(/\\\//g, '/').replace(/^\^\/(\(\?:\[\^\/\]\*\/\)\*)?/, '')).join('|');
  const notCode = NOT_CONFIG_FILES.filter((glob) => !codeLanguageOfPath(glob.replace(/^\*\*\//, '').replace(/\*/g, 'x')));
  return {
    files: `(?i)(^|/)(${alternatives([...CONFIG_FILES, ...CODE_FILES].map((pattern) => pattern.glob))})`,
    exclude: `(?i)(^|/)((${SKIPPED_FOLDERS.map((name) => name.replace(/\./g, '\\.')).join('|')})/|${alternatives([...notCode, ...NOT_CODE_FILES])})`,
  };
}

/** The manifest's `onLanguage:` events for the code languages read (package.json is checked against it by files.test.ts). */
export function codeActivationEvents(): string[] {
  return Object.values(CODE_LANGUAGE_IDS).flat().map((id) => `onLanguage:${id}`);
}
