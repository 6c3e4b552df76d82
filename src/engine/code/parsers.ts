// The tree-sitter parsers behind the code readers, loaded lazily: web-tree-sitter and a language's grammar
// (the WebAssembly that VS Code itself ships, from @vscode/tree-sitter-wasm) are loaded the first time a code
// file of that language that mentions a mail word is analysed. Loading is asynchronous; once a language is
// loaded, parsing is synchronous, so `analyzeText` and the verification of fixes stay synchronous.
//
// Where the .wasm files are: next to the bundle (`dist/wasm/`, copied there by scripts/build.mjs and shipped in
// the VSIX), else in node_modules (unit tests run the compiled sources in out/).

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Language, Parser, Tree } from 'web-tree-sitter';
import type { CodeLanguage } from '../facts/files';

const GRAMMAR_FILES: Readonly<Record<CodeLanguage, string>> = {
  javascript: 'tree-sitter-javascript.wasm',
  typescript: 'tree-sitter-typescript.wasm',
  tsx: 'tree-sitter-tsx.wasm',
  python: 'tree-sitter-python.wasm',
  php: 'tree-sitter-php.wasm',
  ruby: 'tree-sitter-ruby.wasm',
  csharp: 'tree-sitter-c-sharp.wasm',
  java: 'tree-sitter-java.wasm',
  go: 'tree-sitter-go.wasm',
};

let runtime: Promise<typeof import('web-tree-sitter')> | undefined;
const loading = new Map<CodeLanguage, Promise<Language>>();
const parsers = new Map<CodeLanguage, Parser>();

function bundledWasmDir(): string | undefined {
  const dir = path.join(__dirname, 'wasm');
  return fs.existsSync(path.join(dir, 'web-tree-sitter.wasm')) ? dir : undefined;
}

function wasmPath(file: string): string {
  const bundled = bundledWasmDir();
  if (bundled) return path.join(bundled, file);
  if (file === 'web-tree-sitter.wasm') return path.join(path.dirname(require.resolve('web-tree-sitter')), file);
  return path.join(path.dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm', file);
}

function loadRuntime(): Promise<typeof import('web-tree-sitter')> {
  // `require`, not `import()`: the bundle must take the package's CommonJS build (its ES module build needs import.meta.url).
  runtime ??= Promise.resolve().then(async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require('web-tree-sitter') as typeof import('web-tree-sitter');
    await module.Parser.init({ locateFile: (name: string) => wasmPath(name) });
    return module;
  });
  return runtime;
}

/** Loads the parser of a language (once); resolves when `parseCode` can parse it. Rejects when the WebAssembly cannot be loaded. */
export async function ensureCodeParser(language: CodeLanguage): Promise<void> {
  if (parsers.has(language)) return;
  let pending = loading.get(language);
  if (!pending) {
    pending = loadRuntime().then((module) => module.Language.load(fs.readFileSync(wasmPath(GRAMMAR_FILES[language]))));
    loading.set(language, pending);
    pending.catch(() => loading.delete(language));
  }
  const grammar = await pending;
  if (parsers.has(language)) return;
  const module = await loadRuntime();
  const parser = new module.Parser();
  parser.setLanguage(grammar);
  parsers.set(language, parser);
}

/** Whether the language's parser is loaded (`ensureCodeParser` has resolved). */
export function codeParserReady(language: CodeLanguage): boolean {
  return parsers.has(language);
}

/** Parses with a loaded parser and hands the tree to `read`, then frees it; undefined when the parser is not loaded. */
export function withCodeTree<T>(language: CodeLanguage, text: string, read: (tree: Tree) => T): T | undefined {
  const parser = parsers.get(language);
  if (!parser) return undefined;
  const tree = parser.parse(text);
  if (!tree) return undefined;
  try {
    return read(tree);
  } finally {
    tree.delete();
  }
}
