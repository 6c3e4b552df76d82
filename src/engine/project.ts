// Values a file takes from other files of the project, for the adapters to read and pass back as
// AnalyzeOptions.environment. The engine reads no files: `inputsOf` says which files matter,
// `environmentFor` builds the variables from their texts, given by the adapter (the CLI from disk,
// the editor from open buffers first, so that editing `.env` re-judges the compose file at once).
//
// Compose interpolates `${VAR}` in a compose file from the `.env` in the same folder (the project
// directory; docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/).
// A source file's environment lookups read the nearest `.env` above it (project-code.ts).

import { isComposeFile, variablesOf, type EnvironmentVariable, type EnvironmentVariables } from './environment';
import { codeEnvironmentFor, codeInputsOf } from './project-code';

/** Paths are as the adapter names them; `/` or `\` separators are both read. */
function folderOf(filePath: string): string {
  const cut = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'));
  return cut < 0 ? '' : filePath.slice(0, cut + 1);
}

/**
 * The files whose values `filePath` reads, in the order they apply (a later one wins); for source code, the
 * `.env` candidates nearest first, of which the first that exists applies. `root`: the project's folder, where
 * the search for a source file's `.env` stops.
 */
export function inputsOf(filePath: string, root?: string): string[] {
  return isComposeFile(filePath) ? [`${folderOf(filePath)}.env`] : codeInputsOf(filePath, root);
}

/** Whether a change to `input` can change the analysis of `filePath`. */
export function readsFrom(filePath: string, input: string): boolean {
  const normalize = (value: string) => value.replace(/\\/g, '/');
  return inputsOf(filePath).some((candidate) => normalize(candidate) === normalize(input));
}

/**
 * The variables `filePath` reads from its inputs, or undefined when it has none. `read` gives an input's
 * text (undefined when it does not exist or cannot be read); `name` how findings name that file.
 */
export function environmentFor(
  filePath: string,
  read: (input: string) => string | undefined,
  name: (input: string) => string = (input) => input,
  root?: string,
): EnvironmentVariables | undefined {
  if (codeInputsOf(filePath).length) return codeEnvironmentFor(filePath, read, name, root);
  const inputs = inputsOf(filePath);
  if (inputs.length === 0) return undefined;
  const variables = new Map<string, EnvironmentVariable>();
  for (const input of inputs) {
    const text = read(input);
    if (text === undefined) continue;
    for (const [key, variable] of variablesOf(name(input), text, input)) variables.set(key, variable);
  }
  return variables.size ? variables : undefined;
}
