// The report panel, a webview: a probe report (verdict and fix first, then steps,
// TLS and capabilities) or the explanation of an error text (verdict, fix, what
// matched, the workspace settings it belongs to). Follows the colour theme; strict
// CSP; no remote resources.
import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import { renderMarkdown, type CertificateVerification, type ProbeResult, type StepName } from '../probe';
import type { ExplanationView, SettingsMatch } from './explainCommand';

export interface PanelActions {
  rerun(): Promise<ProbeResult | undefined>;
  showTranscript(): void;
  /** "Apply fix": the verified fix of the group that was tested. */
  applyFix(): unknown;
  /** "Choose CA file…": writes smtpDoctor.probe.caFile. */
  chooseCaFile(): unknown;
}

/** The fix a probe report offers, as its button and preview show it. */
export interface ReportFix {
  title: string;
  /** The lines of the file as the fix writes them ("SMTP_SECURE=false"). */
  preview: string[];
  /** Where: the file, as the report names it. */
  file: string;
}

/** What the report shows besides the result. */
export interface ReportExtras {
  fix?: ReportFix;
  /** smtpDoctor.probe.caFile when set. */
  caFile?: string;
}

/** Step names in words (the probe's ids are for JSON and the CLI). */
const STEP_LABELS: Record<StepName, string> = {
  resolve: 'DNS lookup',
  connect: 'Connect',
  tls: 'TLS handshake',
  greeting: 'Greeting',
  ehlo: 'EHLO (capabilities)',
  starttls: 'STARTTLS',
  'ehlo-after-tls': 'EHLO after TLS',
  auth: 'Login (AUTH)',
  'mail-from': 'Sender (MAIL FROM)',
  'rcpt-to': 'Recipient (RCPT TO)',
  data: 'Message (DATA)',
  quit: 'Quit',
  retry: 'Retry in the other TLS mode',
};

const VERIFICATION: Record<CertificateVerification, string> = {
  system: 'the system’s certificate authorities',
  'custom-ca': 'the CA file of smtpDoctor.probe.caFile',
  insecure: 'not verified',
};

/** The buttons of an explanation. */
export interface ExplainActions {
  applyFix(): void;
  openSettings(): void;
  testConnection(): void;
}

/** What the panel shows: a probe report, or the explanation of an error text. */
type Content =
  | { kind: 'probe'; result: ProbeResult; origin: string; actions: PanelActions; extras: ReportExtras }
  | { kind: 'explain'; view: ExplanationView; actions: ExplainActions };

const STATUS_ICON: Record<string, string> = { ok: '✔', warn: '⚠', fail: '✖', skipped: '–', cancelled: '⏹', running: '…' };

export class ProbePanel {
  private static current: ProbePanel | undefined;
  /** The last report shown, for tests and "Copy as Markdown". */
  static lastResult: ProbeResult | undefined;
  /** The last explanation shown, and the panel's HTML for it (for tests). */
  static lastExplanation: { view: ExplanationView; html: string } | undefined;
  /** The HTML of the last probe report (for tests). */
  static lastReportHtml: string | undefined;

  static stepLabel(name: StepName): string {
    return STEP_LABELS[name] ?? name;
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private content: Content,
  ) {
    panel.onDidDispose(() => {
      if (ProbePanel.current === this) ProbePanel.current = undefined;
    });
    panel.webview.onDidReceiveMessage(async (message: { command?: string }) => {
      const content = this.content;
      if (message.command === 'copy') {
        await vscode.env.clipboard.writeText(content.kind === 'probe' ? renderMarkdown(content.result) : explanationMarkdown(content.view));
        void vscode.window.showInformationMessage(`SMTP Doctor: ${content.kind === 'probe' ? 'report' : 'explanation'} copied as Markdown.`);
      } else if (content.kind === 'probe') {
        if (message.command === 'rerun') void content.actions.rerun();
        else if (message.command === 'transcript') content.actions.showTranscript();
        else if (message.command === 'applyFix') void content.actions.applyFix();
        else if (message.command === 'chooseCa') void content.actions.chooseCaFile();
      } else if (message.command === 'fix') content.actions.applyFix();
      else if (message.command === 'open') content.actions.openSettings();
      else if (message.command === 'test') content.actions.testConnection();
    });
  }

  /** "Run again" of the report on screen (the panel's button, and the smtpDoctor.runProbeAgain command). */
  static runAgain(): Promise<ProbeResult | undefined> {
    const content = ProbePanel.current?.content;
    return content?.kind === 'probe' ? content.actions.rerun() : Promise.resolve(undefined);
  }

  static show(extensionUri: vscode.Uri, result: ProbeResult, origin: string, actions: PanelActions, extras: ReportExtras = {}): void {
    ProbePanel.lastResult = result;
    ProbePanel.display(extensionUri, { kind: 'probe', result, origin, actions, extras });
  }

  static showExplanation(extensionUri: vscode.Uri, view: ExplanationView, actions: ExplainActions): void {
    ProbePanel.display(extensionUri, { kind: 'explain', view, actions });
  }

  private static display(extensionUri: vscode.Uri, content: Content): void {
    if (ProbePanel.current) {
      ProbePanel.current.content = content;
      ProbePanel.current.render(extensionUri);
      ProbePanel.current.panel.reveal(undefined, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel('smtpDoctor.probeReport', 'SMTP Test Report', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
    });
    ProbePanel.current = new ProbePanel(panel, content);
    ProbePanel.current.render(extensionUri);
  }

  private render(extensionUri: vscode.Uri): void {
    const webview = this.panel.webview;
    const nonce = crypto.randomBytes(16).toString('base64');
    const css = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'probe.css'));
    const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'probe.js'));
    const content = this.content;
    const [title, body] = content.kind === 'probe' ? probeBody(content.result, content.origin, content.extras) : explanationBody(content.view);
    this.panel.title = title;
    webview.html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${css}"><title>${escape(title)}</title></head>
<body>
${body}
<script nonce="${nonce}" src="${script}"></script>
</body></html>`;
    if (content.kind === 'explain') ProbePanel.lastExplanation = { view: content.view, html: webview.html };
    else ProbePanel.lastReportHtml = webview.html;
  }
}

function probeBody(r: ProbeResult, origin: string, extras: ReportExtras): [string, string] {
  const ok = r.diagnosis.code === 'ok';
  const untrusted = r.diagnosis.code === 'certificate-untrusted';
  const fix = extras.fix;
  const started = new Date(r.startedAt);
  return [
    `SMTP: ${r.host}:${r.port}`,
    `<header>
  <h1>${escape(r.host)}:${r.port}</h1>
  <p class="origin">Settings from ${escape(origin)} · <time datetime="${escape(r.startedAt)}">${escape(localTime(started))}</time> · ${r.durationMs} ms · certificates checked against ${escape(VERIFICATION[r.certificateVerification])}</p>
  <div class="actions">
    <button id="rerun">Run again</button><button id="copy" class="secondary">Copy as Markdown</button><button id="transcript" class="secondary">Show transcript</button>
  </div>
</header>
<section class="verdict ${ok ? 'ok' : 'problem'}" data-code="${escape(r.diagnosis.code)}">
  <h2>${ok ? '✔' : '✖'} ${inline(r.diagnosis.summary)}</h2>
  ${ok ? '' : `<p class="fix"><strong>Fix:</strong> ${inline(r.diagnosis.fix)}</p>`}
  ${fix ? `<div class="actions apply"><button id="applyFix">Apply fix: ${escape(fix.title)}</button><span class="preview">writes ${fix.preview.map((line) => `<code>${escape(line)}</code>`).join(' ')} in ${escape(fix.file)}</span></div>` : ''}
  ${untrusted ? `<div class="actions ca"><button id="chooseCa">Choose CA file…</button><span class="preview">${extras.caFile ? `now: <code>${escape(extras.caFile)}</code>` : 'a PEM file; it goes into <code>smtpDoctor.probe.caFile</code>'}</span></div>` : ''}
  <p class="code">Diagnosis code: <code>${escape(r.diagnosis.code)}</code></p>
</section>
<section><h2>Steps</h2><table class="steps">
${r.steps.map((step) => `<tr class="${step.status}"><td class="icon" aria-label="${escape(step.status)}">${STATUS_ICON[step.status] ?? ''}</td><td class="name" data-step="${escape(step.name)}">${escape(ProbePanel.stepLabel(step.name))}</td><td class="ms">${step.ms} ms</td><td>${escape(step.detail)}</td></tr>`).join('\n')}
</table></section>
${r.tls ? tlsSection(r) : ''}
${r.capabilities ? `<section><h2>Capabilities</h2><p>${r.capabilities.raw.map((item) => `<code>${escape(item)}</code>`).join(' ')}</p>
<p>AUTH mechanisms: ${r.capabilities.authMechanisms.length ? r.capabilities.authMechanisms.map(escape).join(', ') : 'none offered'}</p></section>` : ''}`,
  ];
}

/** The date and time in the user's time zone and the editor's language ("2 Dec 2026, 07:14:05"). */
function localTime(date: Date): string {
  try {
    return date.toLocaleString(vscode.env.language, { dateStyle: 'medium', timeStyle: 'medium' });
  } catch {
    return date.toLocaleString();
  }
}

/** Text with `code` spans, as the probe writes its advice: escaped, the spans as <code>. */
function inline(text: string): string {
  return escape(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function explanationBody({ explanation: e, settings }: ExplanationView): [string, string] {
  const where = e.context.host || e.context.port ? `${e.context.host}${e.context.port ? `:${e.context.port}` : ''}` : '';
  return [
    'SMTP Error Explained',
    `<header>
  <h1>SMTP error explained</h1>
  <p class="origin">From ${escape(e.library)}${where ? ` · server ${escape(where)}` : ''}</p>
  <div class="actions"><button id="copy" class="secondary">Copy as Markdown</button></div>
</header>
<section class="verdict problem" data-code="${escape(e.diagnosis.code)}">
  <h2>✖ ${escape(e.diagnosis.summary)}</h2>
  <p class="fix"><strong>Fix:</strong> ${inline(e.diagnosis.fix)}</p>
  <p class="code">Diagnosis code: <code>${escape(e.diagnosis.code)}</code></p>
</section>
<section><h2>What matched</h2><p class="matched"><code>${escape(e.matched)}</code></p></section>
${settings ? settingsSection(settings) : '<section class="settings"><h2>Your settings</h2><p>No SMTP settings in this workspace match this error.</p></section>'}`,
  ];
}

function settingsSection(s: SettingsMatch): string {
  return `<section class="settings"><h2>Your settings</h2>
<p>Most likely: <strong>${escape(s.label)}</strong> (${escape(s.reason)}).</p>
${s.finding ? `<p class="change"><strong>Change:</strong> ${escape(s.finding.message)}</p>` : ''}
<div class="actions">${s.finding?.fixTitle ? `<button id="fix">${escape(s.finding.fixTitle)}</button>` : ''}<button id="open" class="secondary">Open settings</button><button id="test" class="secondary">Test connection</button></div>
</section>`;
}

/** The explanation as Markdown, for "Copy as Markdown". */
export function explanationMarkdown({ explanation: e, settings }: ExplanationView): string {
  return [
    `**${e.diagnosis.summary}**`,
    '',
    `Fix: ${e.diagnosis.fix}`,
    '',
    `Matched: \`${e.matched.replace(/`/g, "'")}\` (${e.library}) — diagnosis \`${e.diagnosis.code}\``,
    ...(settings ? ['', `Settings: ${settings.label}${settings.finding ? ` — ${settings.finding.message}` : ''}`] : []),
    '',
  ].join('\n');
}

function tlsSection(r: ProbeResult): string {
  const tls = r.tls!;
  const cert = tls.certificate;
  return `<section><h2>TLS</h2><table class="facts">
<tr><th>Mode</th><td>${escape(tls.mode)}</td></tr>
<tr><th>Protocol</th><td>${escape(tls.protocol ?? 'unknown')} · ${escape(tls.cipher ?? '')}</td></tr>
<tr><th>Chain verified</th><td>${tls.chainVerified ? '✔ yes' : `✖ no${tls.verifyError ? ` (${escape(tls.verifyError)})` : ''}`}</td></tr>
<tr><th>Host name matches</th><td>${tls.hostnameMatch ? '✔ yes' : '✖ no'}</td></tr>
${cert ? `<tr><th>Subject</th><td>${escape(cert.subject)}</td></tr>
<tr><th>Names (SAN)</th><td>${cert.subjectAltNames.map(escape).join(', ')}</td></tr>
<tr><th>Issuer</th><td>${escape(cert.issuer)}</td></tr>
<tr><th>Valid</th><td>${escape(localTime(new Date(cert.validFrom)))} → ${escape(localTime(new Date(cert.validTo)))} (${cert.daysToExpiry} days left)</td></tr>` : ''}
</table></section>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}
