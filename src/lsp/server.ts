// `smtp-doctor lsp --stdio`: the language server for editors other than VS Code (Neovim, Helix, Zed…).
// A thin adapter like src/cli and src/extension: the engine does the work (through src/engine/index.ts),
// this file speaks the Language Server Protocol with Microsoft's vscode-languageserver library.
// It honours the project config file as `smtp-doctor check` does (the nearest .smtp-doctor.json/.yaml,
// read from the editor's buffer when it is open), and never throws at the client: a bad input becomes
// a diagnostic or a log message.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeAction,
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  MarkupKind,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
  type Range as LspRange,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  analyzeInProject,
  analyzeText,
  describeInternalError,
  DIAGNOSTIC_SOURCE,
  disableFileEdit,
  disableLineEdit,
  FINDING_IDS,
  fixAll,
  fixAllInProject,
  fixesFor,
  fixesInProject,
  formatConfigError,
  hoverAt,
  isConfigFile,
  LineIndex,
  MAX_FILE_BYTES,
  minimalChange,
  prepareCodeFile,
  PROJECT_CONFIG_FILES,
  ProjectConfigResolver,
  projectOptions,
  readersOf,
  readsFrom,
  ruleDocsUrl,
  type Analysis,
  type AnalyzeOptions,
  type ConfigError,
  type Finding,
  type ProjectFiles,
  type Range,
  type Severity,
  type TextEdit,
} from '../engine';
import { readTextFile } from '../cli/config-files';
import type { CliIo } from '../cli/io';
import { ProjectRoots } from '../cli/project-root';

export const LSP_USAGE = `Usage: smtp-doctor lsp --stdio

Runs the SMTP Doctor language server, speaking the Language Server Protocol on
standard input and output: diagnostics as you type, quick fixes, fix-all
(source.fixAll.smtp-doctor) and hovers, in any editor with an LSP client.
The nearest .smtp-doctor.json or .smtp-doctor.yaml above each file applies.`;

declare const SMTP_DOCTOR_VERSION: string | undefined;

/** The fix-all code action kind (VS Code's own adapter uses source.fixAll.smtpDoctor). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.smtp-doctor`;
/** Analyses wait for a pause in typing this long; a newer change cancels the pending one. */
const TYPING_DELAY_MS = 250;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export async function runLspCommand(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${LSP_USAGE}\n`);
    return 0;
  }
  // Editors start servers with `--stdio`; other transports are not offered, so say so rather than guess.
  const unknown = argv.filter((arg) => arg !== '--stdio' && !arg.startsWith('--clientProcessId'));
  if (!argv.includes('--stdio') || unknown.length) {
    io.stderr(`smtp-doctor lsp: ${unknown.length ? `unknown option "${unknown[0]}"` : 'missing --stdio'}\n\n${LSP_USAGE}\n`);
    return 2;
  }
  new LanguageServer(createConnection(process.stdin, process.stdout)).listen();
  // The connection ends the process on `exit` or when the client closes standard input.
  return new Promise<number>(() => undefined);
}

interface DocumentAnalysis {
  version: number;
  /** The path the engine saw, and the options it ran with (the fixes must use the same). */
  analysisPath: string;
  options: AnalyzeOptions;
  /** The file on disk and the options before its project's values: fixes of findings other files moved here (fixesInProject). */
  file?: string;
  base: AnalyzeOptions;
  analysis: Analysis;
  lines: LineIndex;
}

interface ClientSupport {
  relatedInformation: boolean;
  markdown: boolean;
  watchedFilesRegistration: boolean;
}

export class LanguageServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly analyses = new Map<string, DocumentAnalysis>();
  /** Config files we published errors on, so that a fixed one is cleared. */
  private readonly configDiagnostics = new Set<string>();
  /** Messages already shown once (a malformed config file on every keystroke would flood the window). */
  private readonly shownMessages = new Set<string>();
  private workspaceFolders: string[] = [];
  private support: ClientSupport = { relatedInformation: false, markdown: false, watchedFilesRegistration: false };

  constructor(private readonly connection: Connection) {
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => {
      if (!this.support.watchedFilesRegistration) return;
      // A project config file changed outside the editor: every open document may read differently now.
      void connection.client
        .register(
          { method: 'workspace/didChangeWatchedFiles' } as never,
          { watchers: PROJECT_CONFIG_FILES.map((name) => ({ globPattern: `**/${name}` })) } as never,
        )
        .catch((error: unknown) => this.logError('could not watch the project config files', error));
    });
    connection.onDidChangeWatchedFiles(() => this.guard(() => this.scheduleAll()));
    this.documents.onDidChangeContent((event) => this.guard(() => this.onChange(event.document)));
    this.documents.onDidClose((event) => this.guard(() => this.onClose(event.document)));
    connection.onCodeAction((params) => this.guarded(() => this.codeActions(params), []));
    connection.onHover((params) => this.guarded(() => this.hover(params), null));
    this.documents.listen(connection);
  }

  listen(): void {
    this.connection.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.workspaceFolders = folders.flatMap((uri) => filePathOf(uri) ?? []);
    if (!this.workspaceFolders.length && params.rootPath) this.workspaceFolders = [params.rootPath];
    const capabilities = params.capabilities;
    this.support = {
      relatedInformation: capabilities.textDocument?.publishDiagnostics?.relatedInformation === true,
      markdown: capabilities.textDocument?.hover?.contentFormat?.includes(MarkupKind.Markdown) === true,
      watchedFilesRegistration: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    };
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
      },
      serverInfo: { name: 'smtp-doctor', version: typeof SMTP_DOCTOR_VERSION === 'string' ? SMTP_DOCTOR_VERSION : 'dev' },
    };
  }

  private onChange(document: TextDocument): void {
    if (isProjectConfigFile(document.uri)) {
      // Editing the project config file changes how every open file is read.
      this.scheduleAll();
      return;
    }
    // The first analysis (didOpen) is immediate; later ones wait for a pause in typing.
    if (!this.analyses.has(document.uri)) void this.analyze(document.uri);
    else this.schedule(document.uri);
    // Editing a `.env` re-judges the compose file and config/mail.php that read it, and the other way round.
    this.scheduleDependents(document.uri);
  }

  private onClose(document: TextDocument): void {
    clearTimeout(this.timers.get(document.uri));
    this.timers.delete(document.uri);
    this.analyses.delete(document.uri);
    void this.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    if (isProjectConfigFile(document.uri)) this.scheduleAll();
    // Its unsaved buffer no longer counts: the files related to it go back to the file on disk.
    else this.scheduleDependents(document.uri);
  }

  private schedule(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.analyze(uri);
      }, TYPING_DELAY_MS),
    );
  }

  private scheduleAll(): void {
    for (const document of this.documents.all()) this.schedule(document.uri);
  }

  /** Analyses an open document and publishes its diagnostics; an older version's result is dropped. */
  private async analyze(uri: string): Promise<void> {
    try {
      const document = this.documents.get(uri);
      if (!document) return;
      const version = document.version;
      const diagnostics = await this.diagnose(document);
      if (diagnostics && this.documents.get(uri)?.version === version) await this.connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (error) {
      this.logError(`could not analyse ${uri}`, error);
    }
  }

  /** The diagnostics of a document, or undefined when a newer version came in while a parser loaded. */
  private async diagnose(document: TextDocument): Promise<Diagnostic[] | undefined> {
    const uri = document.uri;
    const file = filePathOf(uri);
    const resolver = new ProjectConfigResolver((name) => this.readFile(name), FINDING_IDS);
    if (isProjectConfigFile(uri)) return file ? this.configFileDiagnostics(file, resolver) : [];
    const resolved = file ? resolver.resolve(file) : undefined;
    if (resolved && !resolved.ok) return this.configErrorDiagnostics(resolved.error.errors);
    if (resolved?.config) this.clearConfigDiagnostics(resolved.config.file);
    const name = file ?? decodeURIComponent(uri.replace(/^[a-z][a-z0-9+.-]*:/i, ''));
    const known = isConfigFile(name);
    if (resolved?.excluded || (!known && !resolved?.included)) {
      this.analyses.delete(uri);
      return [];
    }
    const text = document.getText();
    if (text.length > MAX_FILE_BYTES) {
      this.analyses.delete(uri);
      this.showOnce('info', `SMTP Doctor skipped ${this.analysisPath(name)}: it is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB.`);
      return [];
    }
    const analysisPath = this.analysisPath(name);
    const base: AnalyzeOptions = {
      rules: resolved?.options.rules ?? {},
      context: resolved?.options.context ?? 'application',
      // A file that `include` adds is read as `.env` when neither its name nor its content tells its format (as `smtp-doctor check` reads it).
      ...(known && !resolved?.included ? {} : { otherwise: 'dotenv' }),
    };
    // The values of the project's other files it reads (the `.env` of a compose file or config/mail.php, env_file); fixes use the same.
    const options = file ? projectOptions(file, text, this.projectFiles(), base) : base;
    const version = document.version;
    try {
      await prepareCodeFile(analysisPath, text);
    } catch (error) {
      this.logError(`skipped ${this.analysisPath(name)}: could not load its parser`, error);
      return [];
    }
    if (this.documents.get(uri)?.version !== version) return undefined;
    const analysis = file ? analyzeInProject(file, text, this.projectFiles(), base) : analyzeText(analysisPath, text, options);
    const lines = new LineIndex(text);
    for (const error of analysis.parseErrors.slice(0, 1)) {
      const at = lines.positionAt(error.range.start);
      this.connection.console.warn(`${this.analysisPath(name)}:${at.line + 1}:${at.character + 1}: could not parse all of it (${error.message}); checked what could be read`);
    }
    for (const error of analysis.internalErrors) this.connection.console.error(`${this.analysisPath(name)}: ${describeInternalError(error)}`);
    this.analyses.set(uri, { version, analysisPath, options, file, base, analysis, lines });
    return analysis.findings.map((finding) => this.toDiagnostic(uri, lines, finding));
  }

  /** An open project config file: its own errors, at their lines. */
  private configFileDiagnostics(file: string, resolver: ProjectConfigResolver): Diagnostic[] {
    const resolved = resolver.resolve(path.join(path.dirname(file), 'x'));
    const errors = resolved.ok ? [] : resolved.error.errors.filter((error) => samePath(error.file, file));
    return errors.map((error) => ({ range: pointAt(error), severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, message: error.message }));
  }

  /**
   * A file governed by a malformed config file is not checked (as `smtp-doctor check` stops): it says so on its
   * first line, the config file gets the errors at their lines, and the window shows them once.
   */
  private configErrorDiagnostics(errors: readonly ConfigError[]): Diagnostic[] {
    for (const [file, own] of groupBy(errors, (error) => error.file)) {
      const uri = pathToFileURL(file).toString();
      // An open config file publishes its own errors (configFileDiagnostics).
      if (this.documents.get(uri)) continue;
      this.configDiagnostics.add(file);
      void this.connection.sendDiagnostics({
        uri,
        diagnostics: own.map((error) => ({ range: pointAt(error), severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, message: error.message })),
      });
    }
    const described = errors.map((error) => formatConfigError({ ...error, file: this.analysisPath(error.file) }));
    this.showOnce('error', `SMTP Doctor: invalid project config: ${described.join('; ')}`);
    return [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Error,
        source: DIAGNOSTIC_SOURCE,
        message: `SMTP Doctor did not check this file: invalid project config: ${described.join('; ')}`,
        ...(this.support.relatedInformation
          ? { relatedInformation: errors.map((error) => ({ location: { uri: pathToFileURL(error.file).toString(), range: pointAt(error) }, message: error.message })) }
          : {}),
      },
    ];
  }

  private clearConfigDiagnostics(file: string): void {
    if (!this.configDiagnostics.delete(file)) return;
    void this.connection.sendDiagnostics({ uri: pathToFileURL(file).toString(), diagnostics: [] });
  }

  private toDiagnostic(uri: string, lines: LineIndex, finding: Finding): Diagnostic {
    return {
      range: toLspRange(lines, finding.range),
      severity: SEVERITY[finding.severity],
      source: DIAGNOSTIC_SOURCE,
      code: finding.ruleId,
      // Sent to every client: one that does not declare codeDescriptionSupport (Neovim 0.7 keeps it anyway) ignores it.
      codeDescription: { href: ruleDocsUrl(finding.ruleId) },
      message: finding.message,
      ...(this.support.relatedInformation && finding.related.length
        ? {
            relatedInformation: finding.related.map((item) => ({
              location: item.file ? { uri: pathToFileURL(item.file.path).toString(), range: { start: item.file.start, end: item.file.end } } : { uri, range: toLspRange(lines, item.range) },
              message: item.message,
            })),
          }
        : {}),
    };
  }

  /** The analysis of an open document, fresh for its current version (a code action can come before the debounce ends). */
  private async current(uri: string): Promise<{ document: TextDocument; analyzed: DocumentAnalysis } | undefined> {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    if (this.analyses.get(uri)?.version !== document.version) {
      clearTimeout(this.timers.get(uri));
      this.timers.delete(uri);
      await this.analyze(uri);
    }
    const analyzed = this.analyses.get(uri);
    return analyzed && analyzed.version === document.version ? { document, analyzed } : undefined;
  }

  private async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const uri = params.textDocument.uri;
    const found = await this.current(uri);
    if (!found) return [];
    const { document, analyzed } = found;
    const { analysis, lines } = analyzed;
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      const text = document.getText();
      const logFixError = (error: Parameters<typeof describeInternalError>[0]) => this.connection.console.error(describeInternalError(error));
      for (const { finding, diagnostic } of this.requestedFindings(params, analyzed)) {
        const fixes = analyzed.file
          ? fixesInProject(analyzed.file, text, finding, this.projectFiles(), analyzed.base, logFixError)
          : fixesFor(analyzed.analysisPath, text, finding, analyzed.options, logFixError);
        for (const fix of fixes) {
          actions.push({ ...quickFix(fix.title, uri, lines, fix.edits, diagnostic), isPreferred: fix.preferred });
        }
        if (analysis.format) {
          // Comments in the file's own syntax (src/engine/suppressions.ts); none where a comment could break it.
          const entries = analysis.parse?.entries ?? [];
          const line = lines.positionAt(finding.range.start).line;
          const disableLine = disableLineEdit(analysis.format, text, entries, line, finding.ruleId);
          const disableFile = disableFileEdit(analysis.format, text, entries, finding.ruleId);
          if (disableLine) actions.push(quickFix(`Disable ${finding.ruleId} for this line`, uri, lines, [disableLine], diagnostic));
          if (disableFile) actions.push(quickFix(`Disable ${finding.ruleId} for this file`, uri, lines, [disableFile], diagnostic));
        }
      }
    }
    if (wants(FIX_ALL_KIND) && analysis.findings.length) {
      const text = document.getText();
      const logFixError = (error: Parameters<typeof describeInternalError>[0]) => this.connection.console.error(describeInternalError(error));
      const result = analyzed.file
        ? fixAllInProject(analyzed.file, text, this.projectFiles(), analyzed.base, logFixError)
        : fixAll(analyzed.analysisPath, text, analyzed.options, logFixError);
      if (result.applied.length) {
        const change = minimalChange(text, result.text);
        actions.push({
          title: 'Fix all SMTP Doctor problems',
          kind: FIX_ALL_KIND,
          edit: { changes: { [uri]: [{ range: toLspRange(lines, change), newText: change.newText }] } },
        });
      }
    }
    return actions;
  }

  /**
   * The findings a code action request is about: those of the client's diagnostics that are ours (same rule
   * and range), or, from a client that sends none, the findings on the requested lines.
   */
  private requestedFindings(params: CodeActionParams, { analysis, lines }: DocumentAnalysis): { finding: Finding; diagnostic: Diagnostic }[] {
    const ours = params.context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE && typeof diagnostic.code === 'string');
    if (ours.length) {
      return ours.flatMap((diagnostic) => {
        const finding = analysis.findings.find((candidate) => candidate.ruleId === diagnostic.code && sameRange(toLspRange(lines, candidate.range), diagnostic.range));
        return finding ? [{ finding, diagnostic }] : [];
      });
    }
    if (params.context.diagnostics.length) return [];
    const { start, end } = params.range;
    return analysis.findings
      .filter((finding) => {
        const range = toLspRange(lines, finding.range);
        return range.start.line <= end.line && range.end.line >= start.line;
      })
      .map((finding) => ({ finding, diagnostic: this.toDiagnostic(params.textDocument.uri, lines, finding) }));
  }

  private async hover(params: HoverParams) {
    const found = await this.current(params.textDocument.uri);
    if (!found) return null;
    const { lines, analysis } = found.analyzed;
    const hover = hoverAt(analysis, lines, lines.offsetAt(params.position));
    if (!hover) return null;
    return { contents: { kind: this.support.markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: hover.markdown }, range: toLspRange(lines, hover.range) };
  }

  /** A file's text for the project config resolver: the editor's buffer when it is open, else the disk. */
  private readFile(file: string): string | undefined {
    return this.documents.get(pathToFileURL(file).toString())?.getText() ?? readTextFile(file);
  }

  /** The project's other files for the engine: open buffers first, else the disk; a source file's `.env` up to its workspace folder. */
  private projectFiles(): ProjectFiles {
    return {
      read: (file) => this.readFile(file),
      list: (folder) => {
        try {
          return fs.readdirSync(folder);
        } catch {
          return [];
        }
      },
      analysisPath: (file) => this.analysisPath(file),
      root: (file) => this.workspaceFolders.find((folder) => !path.relative(folder, file).startsWith('..')),
    };
  }

  /** Open documents whose analysis a change to `changed` can alter: those reading it, and those it reads (its findings can move there). */
  private scheduleDependents(changed: string): void {
    const file = filePathOf(changed);
    if (!file) return;
    const read = (name: string) => this.readFile(name);
    const readers = new Set(readersOf(file, this.projectFiles()).map((reader) => path.resolve(reader)));
    for (const document of this.documents.all()) {
      const other = filePathOf(document.uri);
      if (!other || document.uri === changed) continue;
      if (readsFrom(other, file, read) || readsFrom(file, other, read) || readers.has(path.resolve(other))) this.schedule(document.uri);
    }
  }

  /**
   * The path the engine sees: relative to the workspace folder that holds the file, so that the folders above the
   * project (a checkout under /tmp/test) say nothing about it, as the CLI (relative to its working directory) and VS Code do.
   */
  private analysisPath(file: string): string {
    for (const folder of this.workspaceFolders) {
      const relative = path.relative(folder, file);
      if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) return relative.split(path.sep).join('/');
    }
    // Outside every workspace folder (a client started without one): from the file's project root, as the CLI judges it.
    if (!path.isAbsolute(file)) return file;
    const root = this.roots.rootOf(file);
    return root ? path.relative(root, file).split(path.sep).join('/') : file;
  }
  private readonly roots = new ProjectRoots();

  private showOnce(kind: 'info' | 'error', message: string): void {
    if (this.shownMessages.has(message)) return;
    this.shownMessages.add(message);
    // window/showMessage, a notification: the window/showMessageRequest behind window.showErrorMessage waits for an answer.
    void this.connection.sendNotification(ShowMessageNotification.type, { type: kind === 'error' ? MessageType.Error : MessageType.Info, message });
    if (kind === 'error') this.connection.console.error(message);
    else this.connection.console.info(message);
  }

  private logError(what: string, error: unknown): void {
    this.connection.console.error(`SMTP Doctor: ${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }

  /** Runs a notification handler so that nothing it throws reaches the client. */
  private guard(action: () => void): void {
    try {
      action();
    } catch (error) {
      this.logError('internal error', error);
    }
  }

  /** Runs a request handler; on an internal error the client gets `fallback` and the log says why. */
  private async guarded<T>(action: () => Promise<T> | T, fallback: T): Promise<T> {
    try {
      return await action();
    } catch (error) {
      this.logError('internal error', error);
      return fallback;
    }
  }
}

function quickFix(title: string, uri: string, lines: LineIndex, edits: readonly TextEdit[], diagnostic: Diagnostic): CodeAction {
  const changes: LspTextEdit[] = edits.map((edit) => ({ range: toLspRange(lines, edit.range), newText: edit.newText }));
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: changes } } };
}

function toLspRange(lines: LineIndex, range: Range): LspRange {
  return { start: lines.positionAt(range.start), end: lines.positionAt(range.end) };
}

function sameRange(a: LspRange, b: LspRange): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** A config error's 1-based line and column as an empty LSP range. */
function pointAt(error: ConfigError): LspRange {
  const position = { line: Math.max(0, error.line - 1), character: Math.max(0, error.column - 1) };
  return { start: position, end: position };
}

function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function isProjectConfigFile(uri: string): boolean {
  return (PROJECT_CONFIG_FILES as readonly string[]).includes(decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1)));
}

function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
