// The project config file: `.smtp-doctor.json` (JSON with comments) or `.smtp-doctor.yaml`, in the
// project or any folder above it. The nearest one wins; `root: true` stops the search. Parsing and
// validation are strict: every problem is an error naming the file, line and column, never a silent
// fallback. Pure: the adapters (CLI, VS Code, language server) pass in how to read a file.

import * as jsonc from 'jsonc-parser';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node as YamlNode } from 'yaml';
import type { AnalyzeOptions, RuleSetting } from '../analyze';
import { globToRegExp } from '../facts/files';
import type { AnalysisContext } from '../rules';

/** Searched in this order in each folder; two in the same folder is an error. */
export const PROJECT_CONFIG_FILES = ['.smtp-doctor.json', '.smtp-doctor.yaml'] as const;

export const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'hint', 'off'];
export const CONTEXTS: readonly AnalysisContext[] = ['application', 'mail-server'];
/** The keys of the file's top level; an override takes the same keys but `root` and `overrides`, plus `files`. */
export const TOP_LEVEL_KEYS = ['$schema', 'root', 'rules', 'context', 'include', 'exclude', 'overrides'] as const;
export const OVERRIDE_KEYS = ['files', 'rules', 'context', 'include', 'exclude'] as const;

export interface ConfigLayer {
  rules?: Record<string, RuleSetting>;
  context?: AnalysisContext;
  include?: string[];
  exclude?: string[];
}

export interface ProjectConfig extends ConfigLayer {
  /** Absolute path of the file, with `/` separators. */
  file: string;
  root?: boolean;
  overrides: (ConfigLayer & { files: string[] })[];
}

export interface ConfigError {
  file: string;
  /** 1-based. */
  line: number;
  column: number;
  message: string;
}

export class ProjectConfigError extends Error {
  constructor(readonly errors: readonly ConfigError[]) {
    super(errors.map(formatConfigError).join('\n'));
  }
}

export function formatConfigError(error: ConfigError): string {
  return `${error.file}:${error.line}:${error.column}: ${error.message}`;
}

type Path = (string | number)[];

/** Parses and validates one config file's text. `knownRules` are the rule ids a `rules` key may name. */
export function parseProjectConfig(file: string, text: string, knownRules: ReadonlySet<string>): { config?: ProjectConfig; errors: ConfigError[] } {
  const errors: ConfigError[] = [];
  const lines = lineStarts(text);
  const at = (offset: number, message: string) => {
    let line = 0;
    while (line + 1 < lines.length && lines[line + 1] <= offset) line++;
    errors.push({ file, line: line + 1, column: offset - lines[line] + 1, message });
  };
  let value: unknown;
  let offsetOf: (path: Path) => number;
  if (file.endsWith('.json')) {
    const parseErrors: jsonc.ParseError[] = [];
    const tree = jsonc.parseTree(text, parseErrors, { allowTrailingComma: true, disallowComments: false });
    for (const error of parseErrors) at(error.offset, `invalid JSON: ${jsonc.printParseErrorCode(error.error)}`);
    if (parseErrors.length) return { errors };
    value = tree ? jsonc.getNodeValue(tree) : undefined;
    offsetOf = (path) => {
      const node = tree && jsonc.findNodeAtLocation(tree, path);
      // A key's problem points at its key, the parent's property node.
      return node ? (node.parent?.type === 'property' ? node.parent.offset : node.offset) : 0;
    };
  } else {
    const lineCounter = new LineCounter();
    const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    for (const error of document.errors) at(error.pos[0], `invalid YAML: ${error.message.split('\n')[0]}`);
    if (document.errors.length) return { errors };
    value = document.toJS();
    offsetOf = (path) => yamlOffset(document.contents, path);
  }
  const fail = (path: Path, message: string) => at(offsetOf(path), message);
  if (value === undefined || value === null) value = {};
  if (!isObject(value)) {
    fail([], 'the file must hold an object (keys such as "rules" and "context")');
    return { errors };
  }
  const config: ProjectConfig = { file, overrides: [] };
  for (const key of Object.keys(value)) {
    if (!(TOP_LEVEL_KEYS as readonly string[]).includes(key)) fail([key], `unknown key "${key}" (expected one of ${TOP_LEVEL_KEYS.join(', ')})`);
  }
  if ('root' in value) {
    if (typeof value.root === 'boolean') config.root = value.root;
    else fail(['root'], '"root" must be true or false');
  }
  Object.assign(config, readLayer(value, [], knownRules, fail));
  if ('overrides' in value) {
    if (!Array.isArray(value.overrides)) fail(['overrides'], '"overrides" must be a list of objects with "files"');
    else {
      value.overrides.forEach((item: unknown, index) => {
        const path: Path = ['overrides', index];
        if (!isObject(item)) return fail(path, 'each override must be an object with "files"');
        for (const key of Object.keys(item)) {
          if (!(OVERRIDE_KEYS as readonly string[]).includes(key)) fail([...path, key], `unknown key "${key}" in an override (expected one of ${OVERRIDE_KEYS.join(', ')})`);
        }
        const files = readGlobs(item, 'files', path, fail);
        if (!files?.length) {
          if (!('files' in item)) fail(path, 'an override needs "files", a list of glob patterns');
          return;
        }
        config.overrides.push({ files, ...readLayer(item, path, knownRules, fail) });
      });
    }
  }
  return errors.length ? { errors } : { config, errors };
}

function readLayer(value: Record<string, unknown>, path: Path, knownRules: ReadonlySet<string>, fail: (path: Path, message: string) => void): ConfigLayer {
  const layer: ConfigLayer = {};
  if ('rules' in value) {
    const rules = value.rules;
    if (!isObject(rules)) fail([...path, 'rules'], '"rules" must be an object of rule id to severity');
    else {
      layer.rules = {};
      for (const [id, setting] of Object.entries(rules)) {
        if (!knownRules.has(id)) fail([...path, 'rules', id], `unknown rule "${id}"`);
        else if (typeof setting !== 'string' || !(RULE_SETTINGS as readonly string[]).includes(setting)) {
          fail([...path, 'rules', id], `rule "${id}" must be one of ${RULE_SETTINGS.join(', ')}, not ${JSON.stringify(setting)}`);
        } else layer.rules[id] = setting as RuleSetting;
      }
    }
  }
  if ('context' in value) {
    if (typeof value.context === 'string' && (CONTEXTS as readonly string[]).includes(value.context)) layer.context = value.context as AnalysisContext;
    else fail([...path, 'context'], `"context" must be one of ${CONTEXTS.join(', ')}, not ${JSON.stringify(value.context)}`);
  }
  const include = readGlobs(value, 'include', path, fail);
  if (include) layer.include = include;
  const exclude = readGlobs(value, 'exclude', path, fail);
  if (exclude) layer.exclude = exclude;
  return layer;
}

function readGlobs(value: Record<string, unknown>, key: string, path: Path, fail: (path: Path, message: string) => void): string[] | undefined {
  if (!(key in value)) return undefined;
  const list = value[key];
  if (!Array.isArray(list) || list.some((item) => typeof item !== 'string' || item === '')) {
    fail([...path, key], `"${key}" must be a list of glob patterns (strings)`);
    return undefined;
  }
  for (const [index, glob] of (list as string[]).entries()) {
    if (/[{}]/.test(glob)) fail([...path, key, index], `"${glob}": braces are not supported in patterns; write one pattern per item`);
  }
  return list as string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function yamlOffset(node: unknown, path: Path): number {
  let current = node as YamlNode | null | undefined;
  let offset = current && 'range' in current && current.range ? current.range[0] : 0;
  for (const segment of path) {
    if (isMap(current)) {
      const pair = current.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      offset = isScalar(pair.key) && pair.key.range ? pair.key.range[0] : offset;
      current = pair.value as YamlNode | null;
    } else if (isSeq(current) && typeof segment === 'number') {
      current = current.items[segment] as YamlNode | null;
      if (current && 'range' in current && current.range) offset = current.range[0];
    } else break;
  }
  return offset;
}

/** How an adapter reads a file: its text, or undefined when there is none. */
export type ReadFile = (file: string) => string | undefined;

/**
 * The config file that governs a folder (absolute, `/` or `\` separators): the nearest one from the
 * folder up; a `root: true` one ends the search, and so does the first one found (the nearest wins).
 * Throws ProjectConfigError when that file is malformed, or when a folder holds both names.
 */
export function findProjectConfig(folder: string, readFile: ReadFile, knownRules: ReadonlySet<string>): ProjectConfig | undefined {
  let current = folder.replace(/\\/g, '/').replace(/\/+$/, '') || '/';
  for (;;) {
    const found = PROJECT_CONFIG_FILES.flatMap((name) => {
      const file = `${current === '/' ? '' : current}/${name}`;
      const text = readFile(file);
      return text === undefined ? [] : [{ file, text }];
    });
    if (found.length > 1) {
      throw new ProjectConfigError([{ file: found[1].file, line: 1, column: 1, message: `two project config files in one folder: ${found.map((item) => item.file).join(' and ')}; keep one` }]);
    }
    if (found.length === 1) {
      const { config, errors } = parseProjectConfig(found[0].file, found[0].text, knownRules);
      if (!config) throw new ProjectConfigError(errors);
      return config;
    }
    const parent = current.replace(/\/[^/]*$/, '') || '/';
    if (parent === current || /^[A-Za-z]:$/.test(current)) return undefined;
    current = parent;
  }
}

/** The folder of a config file. */
export function configFolder(config: ProjectConfig): string {
  return config.file.replace(/\/[^/]*$/, '') || '/';
}

/** A file's path relative to the config file's folder, with `/` separators, or undefined when it is outside it. */
export function relativeToConfig(config: ProjectConfig, file: string): string | undefined {
  const folder = configFolder(config);
  const normalized = file.replace(/\\/g, '/');
  const prefix = folder === '/' ? '/' : `${folder}/`;
  return normalized.startsWith(prefix) ? normalized.slice(prefix.length) : undefined;
}

/** Whether a path relative to the config's folder matches a pattern (relative to the same folder; `**` crosses folders). */
export function matchesGlob(relativePath: string, glob: string): boolean {
  return globToRegExp(glob.replace(/^\.?\//, '')).test(`/${relativePath}`);
}

export interface EffectiveConfig {
  options: Pick<AnalyzeOptions, 'rules' | 'context'>;
  /** `exclude` matched: the file is not analysed. */
  excluded: boolean;
  /** `include` matched: the file is analysed even though its name is not one SMTP Doctor reads. */
  included: boolean;
}

/** The options for one file (absolute path): the top level, then each override whose `files` match, in order. */
export function effectiveConfig(config: ProjectConfig | undefined, file: string): EffectiveConfig {
  const relative = config && relativeToConfig(config, file);
  if (!config || relative === undefined) return { options: {}, excluded: false, included: false };
  const layers: ConfigLayer[] = [config, ...config.overrides.filter((item) => item.files.some((glob) => matchesGlob(relative, glob)))];
  const rules: Record<string, RuleSetting> = {};
  let context: AnalysisContext | undefined;
  let excluded = false;
  let included = false;
  for (const layer of layers) {
    Object.assign(rules, layer.rules);
    context = layer.context ?? context;
    if (layer.include?.some((glob) => matchesGlob(relative, glob))) included = true;
    if (layer.exclude?.some((glob) => matchesGlob(relative, glob))) excluded = true;
  }
  return { options: { rules, ...(context ? { context } : {}) }, excluded, included };
}

/** The outcome for one file: its effective config, or the error of the config file that governs it. */
export type ResolvedConfig = ({ ok: true; config?: ProjectConfig } & EffectiveConfig) | { ok: false; error: ProjectConfigError };

/** Finds and applies project config files for many files, reading each folder once. */
export class ProjectConfigResolver {
  private readonly byFolder = new Map<string, { config?: ProjectConfig } | { error: ProjectConfigError }>();

  constructor(
    private readonly readFile: ReadFile,
    private readonly knownRules: ReadonlySet<string>,
  ) {}

  /** `file`: an absolute path. */
  resolve(file: string): ResolvedConfig {
    const folder = file.replace(/\\/g, '/').replace(/\/[^/]*$/, '') || '/';
    let found = this.byFolder.get(folder);
    if (!found) {
      try {
        found = { config: findProjectConfig(folder, this.readFile, this.knownRules) };
      } catch (error) {
        if (!(error instanceof ProjectConfigError)) throw error;
        found = { error };
      }
      this.byFolder.set(folder, found);
    }
    if ('error' in found) return { ok: false, error: found.error };
    return { ok: true, config: found.config, ...effectiveConfig(found.config, file) };
  }
}
