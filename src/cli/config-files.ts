// Project config files (src/engine/config/project-config.ts) read from the disk, for the Node
// adapters: the CLI, the language server and the VS Code extension (file: URIs).
import * as fs from 'node:fs';
import { FINDING_IDS, ProjectConfigResolver } from '../engine';

export function readTextFile(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export function diskConfigResolver(): ProjectConfigResolver {
  return new ProjectConfigResolver(readTextFile, FINDING_IDS);
}
