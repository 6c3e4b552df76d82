// Keeps SMTP Doctor's diagnostics current: open documents as you type
// (debounced, stale work dropped) and config files across the workspace
// (a background scan, then a file watcher).
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import {
  analysisSteps,
  inputsMatter,
  CONFIG_FILES_GLOB,
  describeInternalError,
  ensureCodeParser,
  fixAllSteps,
  fixAllStepsInProject,
  fixStepsFor,
  fixStepsInProject,
  inSkippedFolder,
  isConfigFile,
  LineIndex,
  prepareCodeFile,
  projectAnalysisSteps,
  projectOptions,
  readersOf,
  readsFrom,
  SKIPPED_FOLDERS_GLOB,
  type Analysis,
  type AnalyzeOptions,
  type Finding,
  type Fix,
  type FormatId,
  type ProjectFiles,
  type InternalError,
  type Steps,
} from '../engine';
import { toDiagnostic } from './convert';
import { PROJECT_CONFIG_GLOB, ProjectConfigs } from './projectConfig';
import { readWorkspaceFile } from './workspaceFiles';
import { runInSlices, VersionedRuns } from './slices';
import { analysisPath, readSettings, type Settings } from './settings';

const TYPING_DELAY_MS = 250;
/** A save can report a config file changed more than once: one re-analysis for them. */
const CONFIG_CHANGE_DELAY_MS = 100;

/** Language ids of files the user adds with `smtpDoctor.include`, whose names say nothing. */
const FORMAT_BY_LANGUAGE: Readonly<Record<string, FormatId>> = {
  dotenv: 'dotenv',
  properties: 'properties',
  'java-properties': 'properties',
  ini: 'ini',
  toml: 'toml',
  hocon: 'hocon',
  hjson: 'hjson',
  yaml: 'yaml',
  'docker-compose': 'yaml',
  json: 'json',
  jsonc: 'json',
};

export interface DocumentAnalysis {
  version: number;
  analysis: Analysis;
  lines: LineIndex;
}

export class DiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('smtp-doctor');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly cache = new Map<string, DocumentAnalysis>();
  private readonly runs = new VersionedRuns();
  private readonly tooLargeReported = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private watcher?: vscode.FileSystemWatcher;
  private readonly configs: ProjectConfigs;
  private configTimer?: NodeJS.Timeout;
  private scanGeneration = 0;
  private settings: Settings = readSettings();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when a document's analysis changes (for CodeLens). */
  readonly onDidChangeAnalysis = this.changeEmitter.event;
  /** Resolves when the current workspace scan has finished (for tests and the rescan command). */
  scanDone: Promise<void> = Promise.resolve();
  /** Config files the current workspace scan has read so far. */
  private scannedFiles = 0;
  /** Files read from disk, by URI: the closed files whose analysis another file's change can alter. */
  private readonly scannedUris = new Map<string, vscode.Uri>();
  /** Scanned files whose analysis no other file can change (source code naming no mail library). */
  private readonly readsNoInputs = new Set<string>();

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly docsTarget: (ruleId: string) => vscode.Uri,
  ) {
    this.configs = new ProjectConfigs(log);
    // A config file created, edited or deleted: every file it governs is checked again, open or not.
    const configWatcher = vscode.workspace.createFileSystemWatcher(PROJECT_CONFIG_GLOB);
    const onConfigChange = () => {
      clearTimeout(this.configTimer);
      this.configTimer = setTimeout(() => this.guard(() => this.restart()), CONFIG_CHANGE_DELAY_MS);
    };
    configWatcher.onDidCreate(onConfigChange);
    configWatcher.onDidChange(onConfigChange);
    configWatcher.onDidDelete(onConfigChange);
    this.disposables.push(
      this.configs,
      configWatcher,
      this.collection,
      this.changeEmitter,
      vscode.workspace.onDidOpenTextDocument((document) => this.guard(() => this.analyzeInSlices(document))),
      vscode.workspace.onDidChangeTextDocument((event) => this.guard(() => this.schedule(event.document))),
      vscode.workspace.onDidCloseTextDocument((document) => this.guard(() => this.onClose(document))),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('smtpDoctor')) this.guard(() => this.restart());
      }),
    );
    this.restart();
  }

  /** The last analysis of a document, even of an older version (none runs): for a status that updates when a new one comes. */
  lastAnalysisOf(document: vscode.TextDocument): DocumentAnalysis | undefined {
    return this.cache.get(document.uri.toString());
  }

  /**
   * The analysis of an open document's current version without one long synchronous block: the cached one
   * when fresh, else that of the sliced analysis under way or started now (for providers, which may return
   * promises); undefined when the document changed again meanwhile (VS Code asks again).
   */
  async analysisWhenReady(document: vscode.TextDocument): Promise<DocumentAnalysis | undefined> {
    const key = document.uri.toString();
    const fresh = () => {
      const cached = this.cache.get(key);
      return cached && cached.version === document.version ? cached : undefined;
    };
    if (fresh()) return fresh();
    await this.analyzeInSlices(document);
    return fresh();
  }

  /** The analysis of every config file in the workspace (open documents from their buffer), for commands that look across files. */
  async workspaceAnalyses(): Promise<Array<{ uri: vscode.Uri; analysis: Analysis }>> {
    const uris = await vscode.workspace.findFiles(CONFIG_FILES_GLOB, this.excludeGlob(), 500);
    const analyses: Array<{ uri: vscode.Uri; analysis: Analysis }> = [];
    for (const uri of uris) {
      try {
        const target = this.target(uri);
        if (!target) continue;
        const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
        const bytes = open ? undefined : await readWorkspaceFile(uri, this.settings.maxFileSize);
        if (!open && !bytes) continue;
        const analysis = open
          ? ((await this.analysisWhenReady(open))?.analysis ?? (await runInSlices(this.steps(uri, open.getText(), target.options))))
          : await runInSlices(this.steps(uri, new TextDecoder().decode(bytes), target.options));
        if (!analysis) continue;
        analyses.push({ uri, analysis });
      } catch (error) {
        this.log.warn(`Could not read ${uri.toString(true)}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return analyses;
  }

  /** Folders never looked in, and the user's excludes. */
  private excludeGlob(): string {
    return this.settings.exclude.length ? `{${[SKIPPED_FOLDERS_GLOB, ...this.settings.exclude].join(',')}}` : SKIPPED_FOLDERS_GLOB;
  }

  /** Reads the settings and the project config files again, and checks every file again. */
  restart(): void {
    this.settings = readSettings();
    this.configs.invalidate();
    this.collection.clear();
    this.cache.clear();
    this.watcher?.dispose();
    this.watcher = undefined;
    this.scanGeneration++;
    this.scannedFiles = 0;
    this.scannedUris.clear();
    this.readsNoInputs.clear();
    if (!this.settings.enable) {
      this.scanDone = Promise.resolve();
      return;
    }
    for (const document of vscode.workspace.textDocuments) this.guard(() => this.analyzeInSlices(document));
    if (this.settings.scanWorkspace && vscode.workspace.workspaceFolders?.length) {
      this.watchWorkspace();
      this.scanDone = this.scanWorkspace(this.scanGeneration);
    } else {
      this.scanDone = Promise.resolve();
    }
  }

  /**
   * The options a file is analysed with, or undefined when it is not analysed (not a file SMTP Doctor
   * reads, excluded, or under a malformed project config file, which then shows the error).
   * The project config file comes first, the user's explicit settings on top (README, "Project config
   * file"): the same order as the CLI's --rule and --context over the file.
   */
  private target(uri: vscode.Uri, languageId?: string): { options: AnalyzeOptions } | undefined {
    if (uri.scheme !== 'file' && uri.scheme !== 'untitled' && uri.scheme !== 'vscode-remote') return undefined;
    const resolved = this.configs.resolve(uri);
    if (resolved && !resolved.ok) return undefined;
    const included = resolved?.included || this.isIncluded(uri, languageId);
    if (!(isConfigFile(uri.path) || included) || resolved?.excluded || this.isExcluded(uri)) return undefined;
    const project = resolved?.options;
    return {
      options: {
        rules: { ...project?.rules, ...this.settings.analyze.rules },
        context: this.settings.analyze.context ?? project?.context ?? 'application',
        // A file that `include` adds is read as `.env` when neither its name nor its content tells its format, as the CLI does.
        ...(included ? { otherwise: 'dotenv' as const } : {}),
      },
    };
  }

  /** A finding's fixes, in the file's project on disk: also those of a finding another file moved here (fixStepsInProject); in steps, for runInSlices. */
  fixStepsOf(uri: vscode.Uri, text: string, finding: Finding): Steps<Fix[]> {
    if (uri.scheme !== 'file') return fixStepsFor(analysisPath(uri), text, finding, this.optionsFor(uri, text), this.logInternalError);
    return fixStepsInProject(uri.fsPath, text, finding, this.projectFiles(), this.target(uri)?.options ?? readSettings(uri).analyze, this.logInternalError);
  }

  /** Fix-all on a file, in its project on disk as its quick fixes are; in steps, for runInSlices. */
  fixAllStepsOf(uri: vscode.Uri, text: string): Steps<{ text: string; applied: { ruleId: string; title: string }[] }> {
    if (uri.scheme !== 'file') return fixAllSteps(analysisPath(uri), text, this.optionsFor(uri, text), this.logInternalError);
    return fixAllStepsInProject(uri.fsPath, text, this.projectFiles(), this.target(uri)?.options ?? readSettings(uri).analyze, this.logInternalError);
  }

  /** The options for a file's fixes: the same as its diagnostics', with the values of the project's files it reads. */
  optionsFor(uri: vscode.Uri, text?: string): AnalyzeOptions {
    const options = this.target(uri)?.options ?? readSettings(uri).analyze;
    return uri.scheme === 'file' && text !== undefined ? projectOptions(uri.fsPath, text, this.projectFiles(), options) : options;
  }

  private isIncluded(uri: vscode.Uri, languageId?: string): boolean {
    if (!this.settings.include.length) return false;
    const document = { uri, languageId: languageId ?? '' } as vscode.TextDocument;
    return this.settings.include.some((pattern) => vscode.languages.match({ pattern }, document) > 0);
  }

  private isExcluded(uri: vscode.Uri): boolean {
    const document = { uri, languageId: '' } as vscode.TextDocument;
    return this.settings.exclude.some((pattern) => vscode.languages.match({ pattern }, document) > 0);
  }

  private schedule(document: vscode.TextDocument): void {
    if (!this.settings.enable || !this.target(document.uri, document.languageId)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        // Only the latest version is analysed; an older pending run was cancelled above.
        this.guard(async () => {
          // A CodeLens or hover request may have analysed this version already (analysisWhenReady).
          if (this.cache.get(key)?.version !== document.version) await this.analyzeInSlices(document);
          this.reanalyzeDependents(document.uri);
        });
      }, TYPING_DELAY_MS),
    );
  }

  /**
   * analyzeDocument with the engine's work run in slices (a big YAML file read part by part, then each rule on
   * each group), so that no call blocks the extension host for long; nothing when a newer version came meanwhile.
   * One run per document version: a second caller joins it.
   */
  private analyzeInSlices(document: vscode.TextDocument): Promise<void> {
    // The generation in the key: after a restart (new settings) a run of the same version under way is not joined.
    return this.runs.run(`${this.scanGeneration}|${document.uri.toString()}`, document.version, () => this.sliced(document));
  }

  /** A sliced analysis of the document's current version, cached and published unless the document or the settings changed meanwhile. */
  private async sliced(document: vscode.TextDocument): Promise<void> {
    const target = this.settings.enable && !document.isClosed ? this.target(document.uri, document.languageId) : undefined;
    if (!target) return;
    const key = document.uri.toString();
    const version = document.version;
    const generation = this.scanGeneration;
    const text = document.getText();
    if (text.length > this.settings.maxFileSize) {
      this.collection.delete(document.uri);
      if (!this.tooLargeReported.has(key)) {
        this.tooLargeReported.add(key);
        const name = vscode.workspace.asRelativePath(document.uri);
        void vscode.window.showInformationMessage(
          `SMTP Doctor skipped ${name}: it is larger than the smtpDoctor.maxFileSize setting (${this.settings.maxFileSize} bytes).`,
        );
      }
      return;
    }
    const stale = () => document.isClosed || document.version !== version || this.scanGeneration !== generation;
    const analysis = await runInSlices(this.steps(document.uri, text, { ...target.options, format: this.formatOf(document) }), { cancelled: stale });
    if (analysis && !stale()) this.store(document, text, analysis);
  }

  /** Caches and publishes the analysis of a document's current version. */
  private store(document: vscode.TextDocument, text: string, analysis: Analysis): void {
    const result = { version: document.version, analysis, lines: new LineIndex(text) };
    this.cache.set(document.uri.toString(), result);
    this.publish(document.uri, result);
    // A code file naming a mail library: its parser loads once, then the document is analysed again.
    const language = analysis.parserMissing;
    if (language) {
      ensureCodeParser(language).then(
        // Not joined to a run of this version under way: that one read the file without the parser.
        () => this.guard(() => this.sliced(document)),
        (error: unknown) => this.log.error(`Could not load the ${language} parser: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
  }

  /**
   * A file's analysis in its project (the `.env` a compose file or config/mail.php reads, env_file; findings moved
   * to the line to change), in steps, run in slices (runInSlices) so that no analysis blocks the extension host for long.
   */
  private steps(uri: vscode.Uri, text: string, options: AnalyzeOptions): Steps<Analysis> {
    return uri.scheme === 'file' ? projectAnalysisSteps(uri.fsPath, text, this.projectFiles(), options) : analysisSteps(analysisPath(uri), text, options);
  }

  /**
   * The project's other files: an open document's buffer first, so that typing in `.env` counts before it is
   * saved, else the file on disk.
   */
  private projectFiles(): ProjectFiles {
    return {
      read: (file) => {
        const open = vscode.workspace.textDocuments.find((document) => !document.isClosed && document.uri.scheme === 'file' && document.uri.fsPath === file);
        if (open) return open.getText();
        try {
          return fs.statSync(file).size <= this.settings.maxFileSize ? fs.readFileSync(file, 'utf8') : undefined;
        } catch {
          return undefined;
        }
      },
      list: (folder) => {
        try {
          return fs.readdirSync(folder);
        } catch {
          return [];
        }
      },
      analysisPath: (file) => analysisPath(vscode.Uri.file(file)),
      // A source file's `.env` is looked for up to its workspace folder, not above it.
      root: (file) => vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file))?.uri.fsPath,
    };
  }

  /** Files whose analysis `changed` can alter: those reading it (a compose file beside a `.env`), and those it reads (its findings move there). */
  private reanalyzeDependents(changed: vscode.Uri): void {
    if (changed.scheme !== 'file') return;
    const files = this.projectFiles();
    const readers = new Set(readersOf(changed.fsPath, files));
    const related = (uri: vscode.Uri) =>
      uri.scheme === 'file' && uri.toString() !== changed.toString() && (readers.has(uri.fsPath) || readsFrom(uri.fsPath, changed.fsPath, files.read) || readsFrom(changed.fsPath, uri.fsPath, files.read));
    const dependents = new Map<string, vscode.Uri>();
    for (const document of vscode.workspace.textDocuments) if (related(document.uri)) dependents.set(document.uri.toString(), document.uri);
    this.collection.forEach((uri) => {
      if (related(uri)) dependents.set(uri.toString(), uri);
    });
    for (const [key, uri] of this.scannedUris) if (!this.readsNoInputs.has(key) && related(uri)) dependents.set(uri.toString(), uri);
    for (const uri of dependents.values()) {
      const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
      // Not joined to a run of this version under way: that one may have read the changed file before its change.
      if (open) this.guard(() => this.sliced(open));
      else void this.analyzeFile(uri);
    }
  }

  private formatOf(document: vscode.TextDocument): FormatId | undefined {
    return isConfigFile(document.fileName) ? undefined : FORMAT_BY_LANGUAGE[document.languageId] ?? 'dotenv';
  }

  /** Logs a rule's bug (its check or fix builder threw); the other rules' diagnostics still stand. */
  readonly logInternalError = (error: InternalError): void => this.log.error(`SMTP Doctor: ${describeInternalError(error)}`);

  private publish(uri: vscode.Uri, { analysis, lines }: DocumentAnalysis): void {
    analysis.internalErrors.forEach(this.logInternalError);
    this.collection.set(uri, analysis.findings.map((finding) => toDiagnostic(uri, lines, finding, this.docsTarget)));
    this.changeEmitter.fire(uri);
  }

  private onClose(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.cache.delete(key);
    // The file on disk is what the workspace scan reports; an unsaved buffer's findings go with it.
    if (document.uri.scheme === 'untitled' || !this.settings.scanWorkspace) this.collection.delete(document.uri);
    else void this.analyzeFile(document.uri);
    // An unsaved `.env` buffer no longer counts: the files that read it go back to the file on disk
    // (once the document has left workspace.textDocuments).
    setTimeout(() => this.guard(() => this.reanalyzeDependents(document.uri)), 0);
  }

  private watchWorkspace(): void {
    this.watcher = vscode.workspace.createFileSystemWatcher(CONFIG_FILES_GLOB);
    const changed = (uri: vscode.Uri) => this.guard(async () => {
      await this.analyzeFile(uri);
      this.reanalyzeDependents(uri);
    });
    this.watcher.onDidCreate(changed);
    this.watcher.onDidChange(changed);
    this.watcher.onDidDelete((uri) => this.guard(() => {
      this.collection.delete(uri);
      this.scannedUris.delete(uri.toString());
      this.readsNoInputs.delete(uri.toString());
      this.reanalyzeDependents(uri);
    }));
    this.disposables.push(this.watcher);
  }

  private async scanWorkspace(generation: number): Promise<void> {
    try {
      const exclude = this.excludeGlob();
      // Project config files first: their errors show on them, and their `include` patterns add files.
      const projectIncludes: vscode.RelativePattern[] = [];
      for (const configUri of await vscode.workspace.findFiles(PROJECT_CONFIG_GLOB, SKIPPED_FOLDERS_GLOB)) {
        const resolved = this.configs.check(configUri);
        if (!resolved?.ok || !resolved.config) continue;
        const folder = vscode.Uri.joinPath(configUri, '..');
        for (const glob of [resolved.config, ...resolved.config.overrides].flatMap((layer) => layer.include ?? [])) {
          projectIncludes.push(new vscode.RelativePattern(folder, glob.replace(/^\.?\//, '')));
        }
      }
      const uris = await vscode.workspace.findFiles(CONFIG_FILES_GLOB, exclude);
      const extra = await Promise.all([...this.settings.include, ...projectIncludes].map((pattern) => vscode.workspace.findFiles(pattern, exclude)));
      const seen = new Set<string>();
      for (const uri of [...uris, ...extra.flat()]) {
        if (seen.has(uri.toString())) continue;
        seen.add(uri.toString());
        if (generation !== this.scanGeneration) return;
        if (await this.analyzeFile(uri)) this.scannedFiles++;
        // Yield between files so the extension host stays responsive.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      this.log.error(`Workspace scan failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** What the last scan and the open documents found, for the rescan command's message. */
  summary(): { filesChecked: number; filesWithProblems: number; errors: number; warnings: number } {
    const result = { filesChecked: this.scannedFiles, filesWithProblems: 0, errors: 0, warnings: 0 };
    this.collection.forEach((_uri, diagnostics) => {
      if (diagnostics.length) result.filesWithProblems++;
      for (const diagnostic of diagnostics) {
        if (diagnostic.severity === vscode.DiagnosticSeverity.Error) result.errors++;
        else if (diagnostic.severity === vscode.DiagnosticSeverity.Warning) result.warnings++;
      }
    });
    return result;
  }

  /** Analyses a file from disk, unless it is open (the editor's buffer wins). Whether the file was checked. */
  private async analyzeFile(uri: vscode.Uri): Promise<boolean> {
    const key = uri.toString();
    const open = vscode.workspace.textDocuments.some((document) => document.uri.toString() === key);
    const target = this.target(uri);
    if (open || !target) return !!target;
    // The watcher also reports files in node_modules, build output…, which the scan skips.
    if (inSkippedFolder(vscode.workspace.asRelativePath(uri, false))) return false;
    try {
      const bytes = await readWorkspaceFile(uri, this.settings.maxFileSize);
      if (!bytes) {
        this.log.info(`Skipped ${vscode.workspace.asRelativePath(uri)}: larger than smtpDoctor.maxFileSize`);
        return false;
      }
      if (bytes.subarray(0, 8192).includes(0)) return false; // binary
      const text = new TextDecoder('utf-8').decode(bytes);
      await prepareCodeFile(uri.path, text);
      const reads = inputsMatter(uri.fsPath, text);
      const options: AnalyzeOptions = target.options;
      const analysis = await runInSlices(this.steps(uri, text, options));
      if (!analysis) return false;
      this.scannedUris.set(key, uri);
      // A source file that names no mail library is not analysed again when a `.env` changes.
      if (reads) this.readsNoInputs.delete(key);
      else this.readsNoInputs.add(key);
      analysis.internalErrors.forEach(this.logInternalError);
      if (analysis.findings.length) {
        const lines = new LineIndex(text);
        this.collection.set(uri, analysis.findings.map((finding) => toDiagnostic(uri, lines, finding, this.docsTarget)));
      } else if (this.collection.has(uri)) {
        // Each change to the collection is a message to the window: none for the many files without findings.
        this.collection.delete(uri);
      }
      return true;
    } catch (error) {
      this.log.warn(`Could not read ${uri.toString(true)}: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  /** Runs an event handler so that nothing it throws reaches VS Code's log. */
  private guard(action: () => unknown): void {
    try {
      const result = action();
      if (result instanceof Promise) result.catch((error: unknown) => this.log.error(String(error)));
    } catch (error) {
      this.log.error(`SMTP Doctor: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    clearTimeout(this.configTimer);
    this.scanGeneration++;
    for (const disposable of this.disposables) disposable.dispose();
  }
}
