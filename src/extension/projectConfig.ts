// The project config files (.smtp-doctor.json / .smtp-doctor.yaml, src/engine/config/project-config.ts)
// as the editor sees them: read from the disk like the CLI does (the saved file is what CI reads),
// found once per folder until a config file changes, and a malformed one shown as an error on the
// config file itself, at the offending line, with one notification, never a silent fallback.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { FINDING_IDS, formatConfigError, PROJECT_CONFIG_FILES, ProjectConfigResolver, type ConfigError, type ResolvedConfig } from '../engine';

/** Every config file name, as one VS Code glob (file watcher, workspace scan). */
export const PROJECT_CONFIG_GLOB = `**/{${PROJECT_CONFIG_FILES.join(',')}}`;

export class ProjectConfigs implements vscode.Disposable {
  private resolver = this.newResolver();
  private readonly collection = vscode.languages.createDiagnosticCollection('smtp-doctor-config');
  /** Errors already shown in a notification, so that a broken file is announced once, not at every re-analysis. */
  private readonly notified = new Set<string>();
  /** Config files with errors published, so that a file fixed since loses them. */
  private readonly failing = new Set<string>();

  constructor(private readonly log: vscode.LogOutputChannel) {}

  private newResolver(): ProjectConfigResolver {
    return new ProjectConfigResolver((file) => {
      try {
        return fs.readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    }, FINDING_IDS);
  }

  /** Forgets every config file read (one changed); the next resolve reads them again. */
  invalidate(): void {
    this.resolver = this.newResolver();
    this.collection.clear();
    this.failing.clear();
  }

  /**
   * The project config that governs a document, or undefined when it has no file on the disk
   * (untitled, virtual workspaces). A malformed config file gets its errors published here.
   */
  resolve(uri: vscode.Uri): ResolvedConfig | undefined {
    if (uri.scheme !== 'file') return undefined;
    const resolved = this.resolver.resolve(uri.fsPath);
    if (!resolved.ok) this.report(resolved.error.errors);
    return resolved;
  }

  /** Reads one config file (from the workspace scan or the watcher), so that its errors show even when no analysed file lies under it. */
  check(configUri: vscode.Uri): ResolvedConfig | undefined {
    // Any path in the config file's folder is governed by it (or by the error of two config files there).
    const resolved = this.resolve(vscode.Uri.joinPath(configUri, '..', '.smtp-doctor-folder'));
    if (resolved?.ok) {
      // Fixed: a later mistake in it is announced again.
      const prefix = `${vscode.workspace.asRelativePath(configUri)}:`;
      for (const key of this.notified) if (key.startsWith(prefix)) this.notified.delete(key);
    }
    return resolved;
  }

  private report(errors: readonly ConfigError[]): void {
    const byFile = new Map<string, ConfigError[]>();
    for (const error of errors) byFile.set(error.file, [...(byFile.get(error.file) ?? []), error]);
    for (const [file, fileErrors] of byFile) {
      if (this.failing.has(file)) continue;
      this.failing.add(file);
      const uri = vscode.Uri.file(file);
      const lines = readLines(file);
      this.collection.set(uri, fileErrors.map((error) => {
        const line = error.line - 1;
        const start = error.column - 1;
        const end = Math.max(start + 1, lines[line]?.replace(/\r$/, '').length ?? start + 1);
        const diagnostic = new vscode.Diagnostic(new vscode.Range(line, start, line, end), `${error.message} (files under this folder are not checked until it is fixed)`, vscode.DiagnosticSeverity.Error);
        diagnostic.source = 'SMTP Doctor';
        diagnostic.code = 'project-config';
        return diagnostic;
      }));
      const first = formatConfigError({ ...fileErrors[0], file: vscode.workspace.asRelativePath(uri) });
      this.log.error(`Invalid project config: ${fileErrors.map(formatConfigError).join('; ')}`);
      if (this.notified.has(first)) continue;
      this.notified.add(first);
      void vscode.window.showErrorMessage(`SMTP Doctor: invalid project config ${first}. Files under it are not checked until it is fixed.`, 'Open File').then((choice) => {
        if (choice) void vscode.window.showTextDocument(uri, { selection: new vscode.Range(fileErrors[0].line - 1, fileErrors[0].column - 1, fileErrors[0].line - 1, fileErrors[0].column - 1) });
      });
    }
  }

  dispose(): void {
    this.collection.dispose();
  }
}

function readLines(file: string): string[] {
  try {
    return fs.readFileSync(file, 'utf8').split('\n');
  } catch {
    return [];
  }
}
