// Finds the config files under the paths given on the command line.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isConfigFile, isSkippedFolder, MAX_FILE_BYTES } from '../engine';

export interface WalkResult {
  files: string[];
  skipped: { file: string; reason: string }[];
  missing: string[];
}

/** `accept` decides which files found in folders are read (by default, those whose names say they are config files). */
export function collectConfigFiles(roots: readonly string[], accept: (file: string) => boolean = isConfigFile): WalkResult {
  const result: WalkResult = { files: [], skipped: [], missing: [] };
  for (const root of roots) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(root);
    } catch {
      result.missing.push(root);
      continue;
    }
    if (stat.isDirectory()) walk(root, result, accept);
    else consider(root, stat, result);
  }
  return result;
}

function walk(dir: string, result: WalkResult, accept: (file: string) => boolean): void {
  const stack = [dir];
  while (stack.length) {
    const current = stack.pop()!;
    let items: fs.Dirent[];
    try {
      items = fs.readdirSync(current, { withFileTypes: true });
    } catch (error) {
      result.skipped.push({ file: current, reason: `cannot read folder (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
      continue;
    }
    items.sort((a, b) => (a.name < b.name ? 1 : -1)); // popped in name order
    for (const item of items) {
      const full = path.join(current, item.name);
      if (item.isDirectory()) {
        if (!isSkippedFolder(item.name)) stack.push(full);
      } else if (item.isFile() && accept(full)) {
        try {
          consider(full, fs.statSync(full), result);
        } catch {
          result.skipped.push({ file: full, reason: 'cannot read file' });
        }
      }
    }
  }
}

function consider(file: string, stat: fs.Stats, result: WalkResult): void {
  if (stat.size > MAX_FILE_BYTES) {
    result.skipped.push({ file, reason: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` });
    return;
  }
  result.files.push(file);
}

/** Reads a file as text, or says why it is not text. */
export function readText(file: string): { text: string } | { reason: string } {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (error) {
    return { reason: `cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (buffer.subarray(0, 8192).includes(0)) return { reason: 'binary file' };
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return { text: buffer.toString('utf16le').replace(/^\uFEFF/, '') };
  return { text: buffer.toString('utf8') };
}
