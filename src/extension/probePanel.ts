// The probe report in a webview: verdict and fix first, then steps, TLS and
// capabilities. Follows the colour theme; strict CSP; no remote resources.
import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import { renderMarkdown, type ProbeResult } from '../probe';

export interface PanelActions {
  rerun(): void;
  showTranscript(): void;
}

const STATUS_ICON: Record<string, string> = { ok: '✔', warn: '⚠', fail: '✖', skipped: '–', cancelled: '⏹', running: '…' };

export class ProbePanel {
  private static current: ProbePanel | undefined;
  /** The last report shown, for tests and "Copy as Markdown". */
  static lastResult: ProbeResult | undefined;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private result: ProbeResult,
    private origin: string,
    private actions: PanelActions,
  ) {
    panel.onDidDispose(() => {
      if (ProbePanel.current === this) ProbePanel.current = undefined;
    });
    panel.webview.onDidReceiveMessage(async (message: { command?: string }) => {
      if (message.command === 'copy') {
        await vscode.env.clipboard.writeText(renderMarkdown(this.result));
        void vscode.window.showInformationMessage('SMTP Doctor: report copied as Markdown.');
      } else if (message.command === 'rerun') {
        this.actions.rerun();
      } else if (message.command === 'transcript') {
        this.actions.showTranscript();
      }
    });
  }

  static show(extensionUri: vscode.Uri, result: ProbeResult, origin: string, actions: PanelActions): void {
    ProbePanel.lastResult = result;
    if (ProbePanel.current) {
      Object.assign(ProbePanel.current, { result, origin, actions });
      ProbePanel.current.render(extensionUri);
      ProbePanel.current.panel.reveal(undefined, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel('smtpDoctor.probeReport', 'SMTP Test Report', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
    });
    ProbePanel.current = new ProbePanel(panel, result, origin, actions);
    ProbePanel.current.render(extensionUri);
  }

  private render(extensionUri: vscode.Uri): void {
    const webview = this.panel.webview;
    const nonce = crypto.randomBytes(16).toString('base64');
    const css = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'probe.css'));
    const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'probe.js'));
    const r = this.result;
    const ok = r.diagnosis.code === 'ok';
    this.panel.title = `SMTP: ${r.host}:${r.port}`;
    webview.html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${css}"><title>SMTP Test Report</title></head>
<body>
<header>
  <h1>${escape(r.host)}:${r.port}</h1>
  <p class="origin">Settings from ${escape(this.origin)} · ${escape(r.startedAt)} · ${r.durationMs} ms · certificates: ${escape(r.certificateVerification)}</p>
  <div class="actions">
    <button id="rerun">Run again</button><button id="copy" class="secondary">Copy as Markdown</button><button id="transcript" class="secondary">Show transcript</button>
  </div>
</header>
<section class="verdict ${ok ? 'ok' : 'problem'}" data-code="${escape(r.diagnosis.code)}">
  <h2>${ok ? '✔' : '✖'} ${escape(r.diagnosis.summary)}</h2>
  ${ok ? '' : `<p class="fix"><strong>Fix:</strong> ${escape(r.diagnosis.fix)}</p>`}
  <p class="code">Diagnosis code: <code>${escape(r.diagnosis.code)}</code></p>
</section>
<section><h2>Steps</h2><table class="steps">
${r.steps.map((step) => `<tr class="${step.status}"><td class="icon">${STATUS_ICON[step.status] ?? ''}</td><td>${escape(step.name)}</td><td class="ms">${step.ms} ms</td><td>${escape(step.detail)}</td></tr>`).join('\n')}
</table></section>
${r.tls ? tlsSection(r) : ''}
${r.capabilities ? `<section><h2>Capabilities</h2><p>${r.capabilities.raw.map((item) => `<code>${escape(item)}</code>`).join(' ')}</p>
<p>AUTH mechanisms: ${r.capabilities.authMechanisms.length ? r.capabilities.authMechanisms.map(escape).join(', ') : 'none offered'}</p></section>` : ''}
<script nonce="${nonce}" src="${script}"></script>
</body></html>`;
  }
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
<tr><th>Valid</th><td>${escape(cert.validFrom)} → ${escape(cert.validTo)} (${cert.daysToExpiry} days left)</td></tr>` : ''}
</table></section>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}
