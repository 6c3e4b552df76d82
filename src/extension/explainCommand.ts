// "SMTP Doctor: Explain SMTP Error…": explains an error text (the argument, the
// editor selection, or typed in), shows it in the report panel, and names the
// workspace's SMTP settings it most likely comes from, with the change to make and
// its quick fix. Also the terminal link provider that underlines SMTP errors.
import * as vscode from 'vscode';
import { hostNameOf, summarizeGroup, type Analysis, type Finding, type SmtpGroup } from '../engine';
import { explainError, type DiagnosisCode, type Explanation } from '../probe';
import { TEST_CONNECTION_COMMAND } from './codeLens';
import { toRange } from './convert';
import type { DiagnosticsController } from './diagnostics';
import { ProbePanel } from './probePanel';
import { EDITOR_TERMS } from './probeCommand';
import { runInSlices } from './slices';

export const EXPLAIN_ERROR_COMMAND = 'smtpDoctor.explainError';
/** The quick fix an explanation names (the panel's button; arguments: a SettingsMatch). */
export const APPLY_EXPLAINED_FIX_COMMAND = 'smtpDoctor.applyExplainedFix';

/** The settings group an error most likely belongs to, and what to change there. */
export interface SettingsMatch {
  uri: vscode.Uri;
  groupIndex: number;
  /** "smtp.gmail.com:587 · STARTTLS · Gmail" */
  label: string;
  /** Why this group: "host and port match". */
  reason: string;
  /** The finding of SMTP Doctor in this group that explains the error, if any. */
  finding?: { ruleId: string; message: string; fixTitle?: string };
}

export interface ExplanationView {
  explanation: Explanation;
  settings?: SettingsMatch;
}

/** Rules whose finding is the configuration cause of a diagnosis (engine rule ids). */
const RULES_FOR_CODE: Partial<Record<DiagnosisCode, readonly string[]>> = {
  'implicit-tls-expected': ['plaintext-on-implicit-tls-port'],
  'no-greeting': ['plaintext-on-implicit-tls-port'],
  'tls-not-expected': ['implicit-tls-on-starttls-port', 'conflicting-tls-flags'],
  'app-password-required': ['gmail-app-password'],
  'auth-failed': ['gmail-app-password', 'outlook-basic-auth'],
  'basic-auth-disabled': ['outlook-basic-auth'],
  'connection-timeout': ['port-25-submission', 'provider-port-unsupported', 'invalid-port'],
  'connection-refused': ['provider-port-unsupported', 'invalid-port', 'host-malformed'],
  'dns-failed': ['host-malformed'],
  'starttls-required': ['cleartext-auth'],
  'starttls-unavailable': ['cleartext-auth'],
  'certificate-untrusted': ['tls-verify-disabled'],
};

/** Framework profiles (engine ids) built on each client library the explanation can name. */
const PROFILES_FOR_LIBRARY: Array<{ library: RegExp; profiles: readonly string[] }> = [
  { library: /nodemailer/, profiles: ['nodemailer', 'n8n', 'lightdash', 'directus', 'outline', 'action-send-mail'] },
  { library: /Python/, profiles: ['django', 'flask-mail', 'authentik'] },
  { library: /PHPMailer|SwiftMailer|Symfony/, profiles: ['laravel', 'symfony', 'nextcloud'] },
  { library: /JavaMail|Java TLS/, profiles: ['spring', 'jakarta-mail', 'keycloak'] },
  { library: /System\.Net\.Mail|MailKit/, profiles: ['system-net-mail'] },
  { library: /Go /, profiles: ['gotrue', 'grafana', 'gitea', 'mattermost'] },
  { library: /Ruby/, profiles: ['rails', 'gitlab', 'actionmailer-env', 'discourse'] },
];

/** Providers (engine ids) behind each server the explanation can name. */
const PROVIDERS_FOR_SERVER: Array<{ server: RegExp; providers: readonly string[] }> = [
  { server: /Gmail/, providers: ['gmail', 'google-relay'] },
  { server: /Microsoft/, providers: ['outlook', 'microsoft365'] },
  { server: /Amazon SES/, providers: ['ses'] },
  { server: /SendGrid/, providers: ['sendgrid'] },
  { server: /Mailgun/, providers: ['mailgun'] },
];

/** Connection-level diagnoses are underlined in the terminal only when the line is about mail. */
const CONNECTION_CODES: ReadonlySet<DiagnosisCode> = new Set(['dns-failed', 'connection-refused', 'connection-timeout', 'no-greeting', 'tls-handshake-failed']);
const MAIL_WORDS = /smtp|mail|\b(?:25|465|587|2525|2465|2587|1025)\b/i;

export class ExplainCommand {
  constructor(
    private readonly diagnostics: DiagnosticsController,
    private readonly extensionUri: vscode.Uri,
  ) {}

  /** Entry point of the command: `text` comes from the terminal link or another command. */
  async run(text?: string): Promise<ExplanationView | undefined> {
    const input = typeof text === 'string' && text.trim() ? text : (this.selection() ?? (await this.askText()));
    if (!input) return undefined;
    const explanation = explainError(input, EDITOR_TERMS);
    if (!explanation) {
      // Not awaited: the command is done; the notification stays until the user answers.
      void vscode.window
        .showInformationMessage('SMTP Doctor does not recognise this as an SMTP error. Test the server live instead.', 'Test SMTP Connection')
        .then((answer) => answer && vscode.commands.executeCommand(TEST_CONNECTION_COMMAND));
      return undefined;
    }
    const view: ExplanationView = { explanation, settings: await this.matchSettings(explanation) };
    ProbePanel.showExplanation(this.extensionUri, view, {
      applyFix: () => void vscode.commands.executeCommand(APPLY_EXPLAINED_FIX_COMMAND, view.settings),
      openSettings: () => void this.openSettings(view.settings),
      testConnection: () => void vscode.commands.executeCommand(TEST_CONNECTION_COMMAND, view.settings?.uri, view.settings?.groupIndex),
    });
    return view;
  }

  private selection(): string | undefined {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.selection.isEmpty) return undefined;
    return editor.document.getText(editor.selection);
  }

  private askText(): Thenable<string | undefined> {
    return vscode.window.showInputBox({
      title: 'Explain SMTP Error',
      prompt: 'Paste the error message (passwords in it are masked and never leave this machine)',
      placeHolder: 'e.g. Error: Greeting never received, or 535-5.7.8 Username and Password not accepted',
      ignoreFocusOut: true,
    });
  }

  /** The group with the best host / port / provider / library match, or the only group there is. */
  async matchSettings(explanation: Explanation): Promise<SettingsMatch | undefined> {
    const { host, port } = explanation.context;
    const providers = PROVIDERS_FOR_SERVER.filter((row) => row.server.test(explanation.library)).flatMap((row) => row.providers);
    const profiles = PROFILES_FOR_LIBRARY.filter((row) => row.library.test(explanation.library)).flatMap((row) => row.profiles);
    const candidates: Array<{ uri: vscode.Uri; analysis: Analysis; group: SmtpGroup; index: number; score: number; reasons: string[]; finding?: Finding }> = [];
    for (const { uri, analysis } of await this.diagnostics.workspaceAnalyses()) {
      analysis.groups.forEach((group, index) => {
        if (!group.active) return;
        const reasons: string[] = [];
        let score = 0;
        const name = hostNameOf(group)?.toLowerCase();
        if (host && name === host.toLowerCase()) { score += 4; reasons.push('same host'); }
        if (group.provider && providers.includes(group.provider.id)) { score += 3; reasons.push(`a ${group.provider.name} reply`); }
        if (port && group.port?.value === port) { score += 2; reasons.push('same port'); }
        if (profiles.includes(group.profile.id)) { score += 1; reasons.push(`${group.profile.name} uses ${explanation.library.split(',')[0]}`); }
        const finding = relatedFinding(analysis, group, explanation.diagnosis.code);
        if (finding) { score += 2; reasons.push(`SMTP Doctor already flags ${finding.ruleId} here`); }
        candidates.push({ uri, analysis, group, index, score, reasons, finding });
      });
    }
    const best = candidates.reduce<(typeof candidates)[number] | undefined>((top, candidate) => (!top || candidate.score > top.score ? candidate : top), undefined);
    if (!best || (best.score === 0 && candidates.length > 1)) return undefined;
    const { uri, group, index, finding } = best;
    let fixTitle: string | undefined;
    if (finding) {
      const document = await vscode.workspace.openTextDocument(uri);
      const text = document.getText();
      fixTitle = (await runInSlices(this.diagnostics.fixStepsOf(uri, text, finding)))?.[0]?.title;
    }
    return {
      uri,
      groupIndex: index,
      label: `${vscode.workspace.asRelativePath(uri)}: ${summarizeGroup(group)}`,
      reason: best.reasons.length ? best.reasons.join(', ') : 'the only SMTP settings in this workspace',
      finding: finding && { ruleId: finding.ruleId, message: finding.message, fixTitle },
    };
  }

  /** Applies the first fix of the group's finding, recomputed on the document as it is now; true when applied. */
  async applyFix(settings: SettingsMatch | undefined): Promise<boolean> {
    if (!settings?.finding) return false;
    const document = await vscode.workspace.openTextDocument(settings.uri);
    const analyzed = await this.diagnostics.analysisWhenReady(document);
    const group = analyzed?.analysis.groups[settings.groupIndex];
    const finding = group && analyzed.analysis.findings.find((candidate) => candidate.ruleId === settings.finding!.ruleId && insideGroup(candidate, group));
    const text = document.getText();
    // Computed in slices: an edit meanwhile leaves it undefined (its ranges are of this version's text).
    const fix = finding && (await runInSlices(this.diagnostics.fixStepsOf(document.uri, text, finding), { cancelled: () => document.version !== analyzed.version }))?.[0];
    if (!fix) {
      void vscode.window.showInformationMessage('SMTP Doctor: the settings have changed; nothing left to fix here.');
      return false;
    }
    const edit = new vscode.WorkspaceEdit();
    for (const change of fix.edits) edit.replace(document.uri, toRange(analyzed.lines, change.range), change.newText);
    await vscode.window.showTextDocument(document);
    return vscode.workspace.applyEdit(edit);
  }

  private async openSettings(settings: SettingsMatch | undefined): Promise<void> {
    if (!settings) return;
    const document = await vscode.workspace.openTextDocument(settings.uri);
    const analyzed = await this.diagnostics.analysisWhenReady(document);
    const entry = analyzed?.analysis.groups[settings.groupIndex]?.matches[0]?.entry;
    const editor = await vscode.window.showTextDocument(document);
    if (entry && analyzed) {
      const range = toRange(analyzed.lines, entry.keyRange);
      editor.selection = new vscode.Selection(range.start, range.start);
      editor.revealRange(range);
    }
  }
}

function relatedFinding(analysis: Analysis, group: SmtpGroup, code: DiagnosisCode): Finding | undefined {
  const rules = RULES_FOR_CODE[code] ?? [];
  return analysis.findings.find((finding) => rules.includes(finding.ruleId) && insideGroup(finding, group));
}

function insideGroup(finding: Finding, group: SmtpGroup): boolean {
  return group.matches.some(({ entry }) => finding.range.start <= entry.valueRange.end && finding.range.end >= entry.keyRange.start);
}

/** Underlines SMTP errors in the integrated terminal; a click explains the line. */
export class SmtpErrorLinkProvider implements vscode.TerminalLinkProvider<vscode.TerminalLink & { line: string }> {
  provideTerminalLinks(context: vscode.TerminalLinkContext): Array<vscode.TerminalLink & { line: string }> {
    const explanation = explainError(context.line, EDITOR_TERMS);
    if (!explanation || (CONNECTION_CODES.has(explanation.diagnosis.code) && !MAIL_WORDS.test(context.line))) return [];
    const at = context.line.indexOf(explanation.matched);
    const [startIndex, length] = at >= 0 ? [at, explanation.matched.length] : [context.line.search(/\S/), context.line.trim().length];
    return [{ startIndex, length, tooltip: 'Explain SMTP error', line: context.line }];
  }

  async handleTerminalLink(link: vscode.TerminalLink & { line: string }): Promise<void> {
    await vscode.commands.executeCommand(EXPLAIN_ERROR_COMMAND, link.line);
  }
}
