// Scoring of the real-world corpora (test/fixtures/realworld: config files; test/fixtures/realcode: code):
// shared by realworld.test.ts, realcode.test.ts and scripts/score-realworld.mjs (`--corpus realcode`; it loads
// the compiled copy from out/). Not a test file itself.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeInProject, type ProjectFiles } from '../../../src/engine/project';
import { prepareCodeFile } from '../../../src/engine/code';
import { LineIndex } from '../../../src/engine/text';

export const REALWORLD = path.resolve(__dirname, '../../../../test/fixtures/realworld');
export const REALCODE = path.resolve(__dirname, '../../../../test/fixtures/realcode');
export const CORPUS_FILE = path.join(REALWORLD, 'corpus.json');
export const BASELINE_FILE = path.join(REALWORLD, 'baseline.json');

export function corpusFileOf(dir: string): string {
  return path.join(dir, 'corpus.json');
}

export function baselineFileOf(dir: string): string {
  return path.join(dir, 'baseline.json');
}

/** Loads the parsers the corpus's code files need (analysis itself is synchronous). */
export async function prepareCorpus(corpus: Record<string, CorpusEntry>, dir: string): Promise<void> {
  for (const file of Object.keys(corpus)) await prepareCodeFile(file, fs.readFileSync(path.join(dir, file), 'utf8'));
}
/** Files in the corpus folder that are not corpus members. */
export const NOT_MEMBERS = new Set(['corpus.json', 'baseline.json', 'README.md']);

export interface CorpusEntry {
  source: Record<string, unknown>;
  license: string;
  expected: string[];
  reason: string;
  /**
   * The labels also judge hint-severity findings (opportunistic-starttls). Files labelled before a hint rule existed
   * do not: their hints are neither recall nor false positives (listed as `unjudgedHints`).
   */
  labelsHints?: boolean;
}

export interface FileScore {
  file: string;
  expected: string[];
  actual: string[];
  found: string[];
  missed: string[];
  falsePositives: string[];
  /** Hint findings in a file whose labels do not judge hints. */
  unjudgedHints: string[];
  /** Engine messages by `rule@line`, for the report. */
  messages: Record<string, string>;
  crash?: string;
}

export interface Score {
  files: FileScore[];
  expectedCount: number;
  foundCount: number;
  recall: number;
  /** `file rule@line` for every finding no label asks for. */
  falsePositives: string[];
  crashes: string[];
}

export interface Baseline {
  '//'?: string;
  recall: number;
  found: number;
  expected: number;
  falsePositives: string[];
}

export function loadCorpus(dir = REALWORLD): Record<string, CorpusEntry> {
  const raw = JSON.parse(fs.readFileSync(corpusFileOf(dir), 'utf8')) as Record<string, unknown>;
  const entries: Record<string, CorpusEntry> = {};
  for (const [key, value] of Object.entries(raw)) if (key !== '//') entries[key] = value as CorpusEntry;
  return entries;
}

/** Every corpus member on disk, as a `/`-separated path relative to the corpus folder. */
export function listCorpusFiles(dir = REALWORLD, root = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) return listCorpusFiles(full, root);
    const rel = path.relative(root, full).split(path.sep).join('/');
    return NOT_MEMBERS.has(rel) ? [] : [rel];
  });
}

export function scoreFile(file: string, expected: readonly string[], dir = REALWORLD, labelsHints = false): FileScore {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  const result: FileScore = { file, expected: [...expected], actual: [], found: [], missed: [], falsePositives: [], unjudgedHints: [], messages: {} };
  try {
    // The path relative to the corpus folder is what the engine sees: it carries the format and the environment.
    // The corpus is a set of projects: a file is judged with the files beside it that it reads or that read it
    // (a compose file's .env and env_file, config/mail.php's .env), as the CLI and the editors judge it.
    const analysis = analyzeInProject(file, text, corpusFiles(dir));
    const lines = new LineIndex(text);
    for (const finding of analysis.findings) {
      const key = `${finding.ruleId}@${lines.positionAt(finding.range.start).line + 1}`;
      if (finding.severity === 'hint' && !labelsHints && !expected.includes(key)) {
        result.unjudgedHints.push(key);
        result.messages[key] = finding.message;
        continue;
      }
      result.actual.push(key);
      result.messages[key] = finding.message;
    }
  } catch (error) {
    result.crash = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  const actual = new Set(result.actual);
  const wanted = new Set(expected);
  result.found = expected.filter((key) => actual.has(key));
  result.missed = expected.filter((key) => !actual.has(key));
  result.falsePositives = [...actual].filter((key) => !wanted.has(key));
  return result;
}

/** The corpus folder as a project tree: paths relative to it, as the labels name files. */
export function corpusFiles(dir: string): ProjectFiles {
  return {
    read: (name) => {
      try {
        return fs.readFileSync(path.join(dir, name), 'utf8');
      } catch {
        return undefined;
      }
    },
    list: (folder) => {
      try {
        return fs.readdirSync(path.join(dir, folder));
      } catch {
        return [];
      }
    },
  };
}

export function scoreCorpus(corpus: Record<string, CorpusEntry> = loadCorpus(), dir = REALWORLD): Score {
  const files = Object.keys(corpus)
    .sort()
    .map((file) => scoreFile(file, corpus[file].expected, dir, corpus[file].labelsHints === true));
  const expectedCount = files.reduce((sum, file) => sum + file.expected.length, 0);
  const foundCount = files.reduce((sum, file) => sum + file.found.length, 0);
  return {
    files,
    expectedCount,
    foundCount,
    recall: expectedCount === 0 ? 1 : foundCount / expectedCount,
    falsePositives: files.flatMap((file) => file.falsePositives.map((key) => `${file.file} ${key}`)).sort(),
    crashes: files.filter((file) => file.crash).map((file) => file.file),
  };
}

export function toBaseline(score: Score): Baseline {
  return {
    '//':
      'Written by `npm run score:realworld -- --update-baseline` (`-- --corpus realcode` for the code corpus). test/unit/engine/realworld.test.ts and realcode.test.ts fail when recall drops below this or a false positive appears that is not listed here.',
    recall: Math.round(score.recall * 10000) / 10000,
    found: score.foundCount,
    expected: score.expectedCount,
    falsePositives: score.falsePositives,
  };
}

export function loadBaseline(dir = REALWORLD): Baseline {
  return JSON.parse(fs.readFileSync(baselineFileOf(dir), 'utf8')) as Baseline;
}
