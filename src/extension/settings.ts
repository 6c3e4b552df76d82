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
  /**
   * The user's own choices, which apply on top of the project config file (README, "Project config
   * file"): the rules named in `smtpDoctor.rules`, and `smtpDoctor.context` only where it is set
   * (user, workspace or folder settings), not its default.
   */
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
  const inspected = config.inspect<AnalysisContext>('context');
  const explicitContext = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
  return {
    enable: config.get<boolean>('enable', true),
    scanWorkspace: config.get<boolean>('scanWorkspace', true),
    include: config.get<string[]>('include', []),
    exclude: config.get<string[]>('exclude', []),
    maxFileSize: config.get<number>('maxFileSize', 1024 * 1024),
    analyze: { rules, ...(explicitContext ? { context: explicitContext } : {}) },
  };
}
