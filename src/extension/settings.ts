// Reads the extension's settings (contributes.configuration in package.json).
import * as vscode from 'vscode';
import type { AnalysisContext, AnalyzeOptions, RuleSetting } from '../engine';

export const SECTION = 'smtpDoctor';

export interface Settings {
  enable: boolean;
  scanWorkspace: boolean;
  include: string[];
  exclude: string[];
  maxFileSize: number;
  analyze: AnalyzeOptions;
}

/**
 * The path the engine sees: relative to the workspace folder, so that the folders
 * above the project (a checkout under ~/dev or /tmp/test) do not make every file
 * look like a development file.
 */
export function analysisPath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const rules = config.get<Record<string, RuleSetting>>('rules', {});
  return {
    enable: config.get<boolean>('enable', true),
    scanWorkspace: config.get<boolean>('scanWorkspace', true),
    include: config.get<string[]>('include', []),
    exclude: config.get<string[]>('exclude', []),
    maxFileSize: config.get<number>('maxFileSize', 1024 * 1024),
    analyze: { rules, context: config.get<AnalysisContext>('context', 'application') },
  };
}
