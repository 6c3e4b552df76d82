// The project root of a file, for the CLI: the engine judges paths relative to it (the editor uses the
// workspace folder), so a verdict does not depend on the folder `smtp-doctor check` runs in.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT_MARKERS } from '../engine';

export class ProjectRoots {
  private readonly cache = new Map<string, string | undefined>();

  /** The nearest folder above the file holding version control, else the nearest holding a project marker; undefined when none does. */
  rootOf(file: string): string | undefined {
    const folder = path.dirname(path.resolve(file));
    return this.nearest(folder, PROJECT_ROOT_MARKERS.vcs) ?? this.nearest(folder, PROJECT_ROOT_MARKERS.project);
  }

  /** The path the engine sees: relative to the project root, or to `cwd` when no root is found. */
  analysisPath(file: string, cwd: string): string {
    const absolute = path.resolve(file);
    const root = this.rootOf(absolute);
    const relative = path.relative(root ?? cwd, absolute);
    return (relative || path.basename(absolute)).split(path.sep).join('/');
  }

  private nearest(folder: string, markers: readonly string[]): string | undefined {
    const key = `${markers === PROJECT_ROOT_MARKERS.vcs ? 'vcs' : 'project'}\u0000${folder}`;
    if (this.cache.has(key)) return this.cache.get(key);
    const found = markers.some((marker) => fs.existsSync(path.join(folder, marker)))
      ? folder
      : path.dirname(folder) === folder
        ? undefined
        : this.nearest(path.dirname(folder), markers);
    this.cache.set(key, found);
    return found;
  }
}
