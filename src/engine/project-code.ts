// The `.env` a source file reads its environment lookups from (`process.env.SMTP_PORT`, `os.environ["EMAIL_PORT"]`,
// `getenv('MAIL_PORT')`, `ENV["SMTP_PORT"]`, `Environment.GetEnvironmentVariable`, `System.getenv`, `os.Getenv`):
// the nearest `.env` in the file's folder or a folder above it, up to the project root when the adapter names one.
// One file, not a merge: the dotenv loaders read one `.env`. python-dotenv's `load_dotenv()` searches from the
// calling file's folder upwards (theskumar/python-dotenv src/dotenv/main.py, `find_dotenv`); motdotla/dotenv,
// bkeepers/dotenv, joho/godotenv, cdimascio/dotenv-java and DotNetEnv read `.env` in the working directory, which
// for a project run from its root is the root's `.env`, the nearest one above its sources.
// A `.env` says what the project sets where it runs from that file; a deployment may set other values. So a value
// read from it is never rewritten in the code (fixes leave `environment.setBy` alone): findings point at it.

import { codeParserNeeded } from './code';
import { variablesOf, type EnvironmentVariable, type EnvironmentVariables } from './environment';
import { formatOfPath } from './facts/files';

/** The folder part of a path, with its separator (`deploy/`), or '' for a bare name. */
function folderOf(filePath: string): string {
  const cut = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'));
  return cut < 0 ? '' : filePath.slice(0, cut + 1);
}

const normalize = (value: string) => value.replace(/\\/g, '/').replace(/\/+$/, '');

/**
 * The `.env` files a source file may read, nearest first: one per folder from the file's own up to `root`
 * (included, when the file is under it), else up to the top of the path as written. Empty for a file that is
 * not source code (config files have their own inputs).
 */
export function codeInputsOf(filePath: string, root?: string): string[] {
  // Source code only. Settings files (settings.py, config/initializers/*.rb, config/*.php) are not joined here:
  // assignments.ts reads a flag's string as a boolean, where Python and Ruby take any non-empty string as true.
  if (formatOfPath(filePath) !== 'code') return [];
  const stop = root !== undefined && normalize(filePath).startsWith(`${normalize(root)}/`) ? normalize(root) : undefined;
  const inputs: string[] = [];
  for (let folder = folderOf(filePath); ; folder = folderOf(folder.slice(0, -1))) {
    inputs.push(`${folder}.env`);
    // The project root, the top of a relative path, or the file system's root (`/`, `C:\`).
    if ((stop !== undefined && normalize(folder) === stop) || folder === '' || /^(?:[A-Za-z]:)?[\\/]$/.test(folder)) break;
  }
  return inputs;
}

/** The variables of the nearest `.env` that `read` gives (undefined when none exists or it sets nothing). */
export function codeEnvironmentFor(
  filePath: string,
  read: (input: string) => string | undefined,
  name: (input: string) => string,
  root?: string,
): EnvironmentVariables | undefined {
  for (const input of codeInputsOf(filePath, root)) {
    const text = read(input);
    if (text === undefined) continue;
    const variables = new Map<string, EnvironmentVariable>();
    for (const [key, variable] of variablesOf(name(input), text, input)) variables.set(key, variable);
    return variables.size ? variables : undefined;
  }
  return undefined;
}

/**
 * Whether a file's inputs can change its analysis, given its text: for source code only when it names a mail
 * library (a file without one is never parsed, and no `.env` gives it an SMTP client). Adapters skip looking for
 * the `.env` of the many source files that name none, and do not re-analyse them when a `.env` changes.
 */
export function inputsMatter(filePath: string, text: string): boolean {
  return codeInputsOf(filePath).length === 0 || codeParserNeeded(filePath, text) !== undefined;
}
