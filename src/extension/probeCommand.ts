// "SMTP Doctor: Test SMTP Connection": picks the settings to test, asks what
// it must (password, consent in untrusted workspaces), runs the probe with a
// cancellable progress notification, and shows the report.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { applyEdits, hostNameOf, isPlaceholderSecret, isTemplate, minimalChange, summarizeGroup, switchTlsFixSteps, type Fix, type SmtpGroup, type TlsTarget } from '../engine';
import { probe, type AdviceTerms, type DiagnosisCode, type ProbeOptions, type ProbeResult, type TlsMode as ProbeTlsMode, type TranscriptEntry } from '../probe';
import type { DiagnosticsController } from './diagnostics';
import { ProbePanel, type ReportFix } from './probePanel';
import { analysisPath, SECTION } from './settings';
import { runInSlices } from './slices';

export const APPLY_PROBE_FIX_COMMAND = 'smtpDoctor.applyProbeFix';
export const CHOOSE_CA_FILE_COMMAND = 'smtpDoctor.chooseProbeCaFile';

/** The verdicts a change of the settings' TLS mode fixes, and the mode the server showed it speaks. */
const TLS_FIXES: Partial<Record<DiagnosisCode, TlsTarget>> = {
  'tls-not-expected': 'starttls',
  'implicit-tls-expected': 'implicit',
  'starttls-required': 'starttls',
};

/** The editor's terms for the probe's advice: its setting for a CA, and no CLI flags (src/probe/types.ts AdviceTerms). */
export const EDITOR_TERMS: Omit<AdviceTerms, 'profile'> = {
  caOption: 'the setting `smtpDoctor.probe.caFile`: “Choose CA file…” in a connection test’s report',
  // The editor never switches certificate checks off, tests one port at a time, and never sends a password in plain text.
  insecureOption: null,
  portsOption: null,
  plaintextAuthOption: null,
};

interface Target {
  host: string;
  port: number;
  tls: ProbeTlsMode;
  user?: string;
  /** The password written in the file, offered only after the user confirms. */
  filePassword?: string;
  /** Where the settings were read: a workspace file, or typed by the user. */
  origin: string;
  fromWorkspace: boolean;
  /** The file and group it was read from, read again by "Run again". */
  source?: { uri: vscode.Uri; groupIndex: number };
  /** The framework of the group: the advice speaks its words. */
  profile?: SmtpGroup['profile']['id'];
}

/** How the user chose to log in: "Run again" repeats the choice, and asks again for a typed password. */
type Login = { choice: 'none' } | { choice: 'file' } | { choice: 'type'; user: string };

const PROBE_TLS: Record<SmtpGroup['tls']['mode'], ProbeTlsMode> = {
  implicit: 'implicit',
  'starttls-required': 'starttls',
  'starttls-opportunistic': 'starttls',
  none: 'none',
  unknown: 'auto',
};

export class ProbeCommand {
  /** The lines the last test wrote to the Output channel, as it wrote them (for tests: the transcript is live). */
  readonly outputLines: string[] = [];
  /** The trust questions asked (for tests: VS Code answers modal dialogs with Cancel during extension tests). */
  readonly trustQuestions: string[] = [];
  /** The fix the report on screen offers ("Apply fix"), with where it applies. */
  private reportFix: { target: Target; fix: ReportFix; tls: TlsTarget } | undefined;

  constructor(
    private readonly diagnostics: DiagnosticsController,
    private readonly log: vscode.LogOutputChannel,
    private readonly extensionUri: vscode.Uri,
  ) {}

  /** Entry point of the command; `uri` and `groupIndex` come from the CodeLens. */
  async run(uri?: vscode.Uri, groupIndex?: number): Promise<ProbeResult | undefined> {
    const target = await this.chooseTarget(uri, groupIndex);
    if (!target) return undefined;
    return this.execute(target);
  }

  /**
   * "Run again": reads the file, the settings and the trust state again, as a first run would, and asks
   * again for a password that was typed (it is never kept); a password from the file is read afresh.
   */
  async runAgain(previous: Target, login: Login): Promise<ProbeResult | undefined> {
    let target = previous;
    if (previous.source) {
      const document = await vscode.workspace.openTextDocument(previous.source.uri);
      const group = (await this.diagnostics.analysisWhenReady(document))?.analysis.groups[previous.source.groupIndex];
      const fresh = group && (await this.targetOf(group, previous.origin, previous.source));
      if (!fresh) return undefined;
      target = fresh;
    }
    return this.execute(target, login);
  }

  private async execute(target: Target, previousLogin?: Login): Promise<ProbeResult | undefined> {
    if (target.fromWorkspace && !vscode.workspace.isTrusted) {
      this.trustQuestions.push(`Connect to ${target.host}:${target.port}? This host was read from ${target.origin}, a file of a workspace you have not trusted.`);
      const answer = await vscode.window.showWarningMessage(this.trustQuestions[this.trustQuestions.length - 1], { modal: true }, 'Connect');
      if (answer !== 'Connect') return undefined;
    }
    const asked = await this.credentialsFor(target, previousLogin);
    if (asked === 'cancel') return undefined;
    const options: ProbeOptions = {
      ...this.probeSettings(),
      host: target.host,
      port: target.port,
      tls: target.tls,
      ...asked.credentials,
      advice: { ...EDITOR_TERMS, profile: target.profile },
    };
    return this.probeWithProgress(options, target, () => this.runAgain(target, asked.login));
  }

  /** The login of a first run (asked), or of "Run again" (the same choice; a typed password is asked again). */
  private async credentialsFor(target: Target, previous?: Login): Promise<{ credentials: Pick<ProbeOptions, 'user' | 'password'>; login: Login } | 'cancel'> {
    if (previous?.choice === 'none') return { credentials: {}, login: previous };
    if (previous?.choice === 'file' && target.user && target.filePassword) return { credentials: { user: target.user, password: target.filePassword }, login: previous };
    if (previous?.choice === 'type') {
      const password = await this.askPassword(previous.user);
      return password === undefined ? 'cancel' : { credentials: { user: previous.user, password }, login: previous };
    }
    return this.askCredentials(target);
  }

  async probeWithProgress(options: ProbeOptions, target: Target, rerun: () => Promise<ProbeResult | undefined>): Promise<ProbeResult | undefined> {
    this.outputLines.length = 0;
    this.output(`Testing ${options.host}:${options.port} (settings from ${target.origin}, TLS ${options.tls ?? 'auto'}${options.user ? `, login as ${options.user}` : ', no login'})…`);
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `SMTP Doctor: testing ${options.host}:${options.port}`, cancellable: true },
      async (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        // The transcript reaches the Output channel line by line while the test runs (masked by the probe).
        return probe(options, abort.signal, (step) => progress.report({ message: `${ProbePanel.stepLabel(step.name)}…` }), (entry) => this.logEntry(entry));
      },
    );
    this.output(`Result for ${result.host}:${result.port}: ${result.diagnosis.code} — ${result.diagnosis.summary}`);
    const tls = TLS_FIXES[result.diagnosis.code];
    const fix = tls && target.source ? await this.fixFor(target, tls) : undefined;
    this.reportFix = fix && tls ? { target, fix, tls } : undefined;
    ProbePanel.show(this.extensionUri, result, target.origin, {
      rerun,
      showTranscript: () => this.log.show(true),
      applyFix: () => vscode.commands.executeCommand(APPLY_PROBE_FIX_COMMAND),
      chooseCaFile: () => vscode.commands.executeCommand(CHOOSE_CA_FILE_COMMAND),
    }, { fix, caFile: vscode.workspace.getConfiguration(SECTION).get<string>('probe.caFile', '').trim() || undefined });
    return result;
  }

  /** The verified fix for the group the test read (src/engine switchTlsFix), with the lines it writes. */
  private async fixFor(target: Target, tls: TlsTarget): Promise<ReportFix | undefined> {
    const { uri, groupIndex } = target.source!;
    const document = await vscode.workspace.openTextDocument(uri);
    const text = document.getText();
    const fix = await runInSlices(switchTlsFixSteps(analysisPath(uri), text, groupIndex, tls, this.diagnostics.optionsFor(uri, text), this.diagnostics.logInternalError));
    return fix && { title: fix.title, preview: changedLines(text, fix), file: target.origin };
  }

  /**
   * "Apply fix" of the report: the fix computed again on the file as it is now (it may have changed since the
   * test), applied as one edit, then said with "Run Again" and "Show File". False when nothing could be applied.
   */
  async applyReportFix(): Promise<boolean> {
    const offered = this.reportFix;
    if (!offered?.target.source) {
      void vscode.window.showWarningMessage('SMTP Doctor: the report on screen offers no fix.');
      return false;
    }
    const { uri, groupIndex } = offered.target.source;
    const document = await vscode.workspace.openTextDocument(uri);
    const text = document.getText();
    const version = document.version;
    // Computed in slices: an edit meanwhile leaves it undefined (its ranges are of this version's text).
    const fix = await runInSlices(switchTlsFixSteps(analysisPath(uri), text, groupIndex, offered.tls, this.diagnostics.optionsFor(uri, text), this.diagnostics.logInternalError), {
      cancelled: () => document.version !== version,
    });
    if (!fix) {
      void vscode.window.showWarningMessage(`SMTP Doctor: the settings in ${offered.target.origin} changed since the test, and the fix no longer applies. Run the test again.`);
      return false;
    }
    const edit = new vscode.WorkspaceEdit();
    for (const change of fix.edits) edit.replace(uri, new vscode.Range(document.positionAt(change.range.start), document.positionAt(change.range.end)), change.newText);
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(`SMTP Doctor could not edit ${offered.target.origin}.`);
      return false;
    }
    this.reportFix = undefined;
    void vscode.window
      .showInformationMessage(`SMTP Doctor: ${fix.title} in ${offered.target.origin} (${changedLines(text, fix).join(', ')}). Save the file, then run the test again.`, 'Run Again', 'Show File')
      .then((choice) => {
        if (choice === 'Run Again') void ProbePanel.runAgain();
        if (choice === 'Show File') void vscode.window.showTextDocument(document);
      });
    return true;
  }

  /**
   * "Choose CA file…": a PEM file (picked, or given by a test) becomes smtpDoctor.probe.caFile in the user settings
   * (the probe runs where the extension runs, so the path is that machine's), then "Run Again" is offered.
   */
  async chooseCaFile(file?: vscode.Uri): Promise<string | undefined> {
    const picked =
      file ??
      (
        await vscode.window.showOpenDialog({
          title: 'CA certificate to trust when testing SMTP connections',
          openLabel: 'Trust This CA',
          canSelectMany: false,
          filters: { 'PEM certificates': ['pem', 'crt', 'cer'], 'All files': ['*'] },
        })
      )?.[0];
    if (!picked) return undefined;
    const content = Buffer.from(await vscode.workspace.fs.readFile(picked)).toString('latin1');
    if (!content.includes('-----BEGIN CERTIFICATE-----')) {
      void vscode.window.showErrorMessage(`SMTP Doctor: ${picked.fsPath} is not a PEM certificate (no “-----BEGIN CERTIFICATE-----” line).`);
      return undefined;
    }
    await vscode.workspace.getConfiguration(SECTION).update('probe.caFile', picked.fsPath, vscode.ConfigurationTarget.Global);
    void vscode.window
      .showInformationMessage(`SMTP Doctor: connection tests now trust the CA in ${picked.fsPath} (smtpDoctor.probe.caFile).`, 'Run Again', 'Open Setting')
      .then((choice) => {
        if (choice === 'Run Again') void ProbePanel.runAgain();
        if (choice === 'Open Setting') void vscode.commands.executeCommand('workbench.action.openSettings', 'smtpDoctor.probe.caFile');
      });
    return picked.fsPath;
  }

  private probeSettings(): Pick<ProbeOptions, 'timeoutMs' | 'ca'> {
    const config = vscode.workspace.getConfiguration(SECTION);
    const caFile = config.get<string>('probe.caFile', '').trim();
    // A private CA (trusted besides the system's CAs); verification itself is never switched off from settings.
    return { timeoutMs: config.get<number>('probe.timeoutMs', 10000), ca: caFile ? fs.readFileSync(caFile) : undefined };
  }

  /** One transcript line, as the probe hears it; masked by the probe: no password, AUTH payload or token appears in it. */
  private logEntry(line: TranscriptEntry): void {
    const arrow = line.direction === 'client' ? 'C:' : line.direction === 'server' ? 'S:' : '  ';
    this.output(`[+${line.offsetMs} ms] ${arrow} ${line.text}`);
  }

  private output(line: string): void {
    this.log.info(line);
    if (this.outputLines.length < 5000) this.outputLines.push(line);
  }

  private async chooseTarget(uri?: vscode.Uri, groupIndex?: number): Promise<Target | undefined> {
    if (uri && groupIndex !== undefined) {
      const document = await vscode.workspace.openTextDocument(uri);
      const group = (await this.diagnostics.analysisWhenReady(document))?.analysis.groups[groupIndex];
      if (group) return this.targetOf(group, vscode.workspace.asRelativePath(uri), { uri, groupIndex });
    }
    const editor = vscode.window.activeTextEditor;
    if (editor) {
      const analyzed = await this.diagnostics.analysisWhenReady(editor.document);
      const line = editor.selection.active.line;
      const group = analyzed?.analysis.groups.find((candidate) =>
        candidate.matches.some(({ entry }) => analyzed.lines.positionAt(entry.keyRange.start).line === line),
      );
      if (group) return this.targetOf(group, vscode.workspace.asRelativePath(editor.document.uri), { uri: editor.document.uri, groupIndex: analyzed!.analysis.groups.indexOf(group) });
    }
    return this.pickTarget();
  }

  private async targetOf(group: SmtpGroup, origin: string, source?: Target['source']): Promise<Target | undefined> {
    const host = hostNameOf(group);
    if (!host) return this.askHostAndPort(`The host in ${origin} comes from a variable.`);
    const port = group.port?.value ?? (await this.askPort(host));
    if (!port) return undefined;
    const user = group.user && !isTemplate(group.user.value) && group.user.value.trim() ? group.user.value.trim() : undefined;
    const password = group.password?.value;
    const filePassword = password && !isTemplate(password) && !isPlaceholderSecret(password) ? password : undefined;
    return { host, port, tls: PROBE_TLS[group.tls.mode], user, filePassword, origin, fromWorkspace: true, source, profile: group.profile.id };
  }

  private async pickTarget(): Promise<Target | undefined> {
    const items: (vscode.QuickPickItem & { group?: SmtpGroup; origin?: string; source?: Target['source'] })[] = [];
    for (const { uri, analysis } of await this.diagnostics.workspaceAnalyses()) {
      analysis.groups.forEach((group, groupIndex) => {
        if (!hostNameOf(group)) return;
        const origin = vscode.workspace.asRelativePath(uri);
        items.push({ label: summarizeGroup(group), description: origin, group, origin, source: { uri, groupIndex } });
      });
    }
    items.push({ label: '$(edit) Enter a host and port…' });
    const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Which SMTP settings should be tested?', matchOnDescription: true });
    if (!picked) return undefined;
    return picked.group ? this.targetOf(picked.group, picked.origin!, picked.source) : this.askHostAndPort();
  }

  private async askHostAndPort(prompt?: string): Promise<Target | undefined> {
    const host = await vscode.window.showInputBox({
      title: 'Test SMTP connection',
      prompt: prompt ? `${prompt} Enter the SMTP host to test.` : 'SMTP host to test',
      placeHolder: 'smtp.example.com',
      validateInput: (value) => (/^[A-Za-z0-9.-]+$|^\[?[0-9a-fA-F:.]+\]?$/.test(value.trim()) ? undefined : 'A host name or IP address'),
    });
    if (!host) return undefined;
    const port = await this.askPort(host.trim());
    if (!port) return undefined;
    return { host: host.trim().replace(/^\[|\]$/g, ''), port, tls: 'auto', origin: 'your input', fromWorkspace: false };
  }

  private async askPort(host: string): Promise<number | undefined> {
    const value = await vscode.window.showInputBox({
      title: `Port of ${host}`,
      value: '587',
      validateInput: (text) => (/^\d+$/.test(text) && +text >= 1 && +text <= 65535 ? undefined : 'A port from 1 to 65535'),
    });
    return value ? Number(value) : undefined;
  }

  /** Credentials only with consent: never read silently from the file, never written anywhere. */
  private async askCredentials(target: Target): Promise<{ credentials: Pick<ProbeOptions, 'user' | 'password'>; login: Login } | 'cancel'> {
    const items: (vscode.QuickPickItem & { choice: 'none' | 'file' | 'type' })[] = [
      { label: 'Connect without logging in', description: 'DNS, TCP, greeting, TLS, certificate, capabilities', choice: 'none' },
    ];
    if (target.user && target.filePassword) {
      items.push({ label: `Log in as ${target.user} with the password in ${target.origin}`, description: 'sent only to this server, over TLS', choice: 'file' });
    }
    items.push({ label: target.user ? `Log in as ${target.user}, typing the password…` : 'Log in, typing a user and password…', choice: 'type' });
    const picked = await vscode.window.showQuickPick(items, { placeHolder: `Test ${target.host}:${target.port}` });
    if (!picked) return 'cancel';
    if (picked.choice === 'none') return { credentials: {}, login: { choice: 'none' } };
    if (picked.choice === 'file') return { credentials: { user: target.user, password: target.filePassword }, login: { choice: 'file' } };
    const user = target.user ?? (await vscode.window.showInputBox({ title: 'SMTP user name', ignoreFocusOut: true }));
    if (!user) return 'cancel';
    const password = await this.askPassword(user);
    if (password === undefined) return 'cancel';
    return { credentials: { user, password }, login: { choice: 'type', user } };
  }

  private askPassword(user: string): Thenable<string | undefined> {
    return vscode.window.showInputBox({ title: `Password for ${user}`, password: true, ignoreFocusOut: true });
  }
}

/** The lines of the file as the fix leaves them, where it changes them ("SMTP_SECURE=false"), at most three. */
function changedLines(text: string, fix: Fix): string[] {
  const fixed = applyEdits(text, fix.edits);
  const change = minimalChange(text, fixed);
  const start = fixed.lastIndexOf('\n', change.start - 1) + 1;
  const endAt = fixed.indexOf('\n', change.start + change.newText.length);
  const lines = fixed.slice(start, endAt === -1 ? fixed.length : endAt).split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  return lines.length > 3 ? [...lines.slice(0, 3), '…'] : lines;
}
