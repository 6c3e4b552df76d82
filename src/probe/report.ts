// Rendering a probe result: plain text (CLI), Markdown ("Copy as Markdown" in VS Code),
// and the JSON shape of the CLI contract.

import { hostPort } from './address';
import { describeCapabilities } from './capabilities';
import type { PortProbeResult, ProbeResult, ProbeStep, StepStatus, TlsInfo, TranscriptEntry } from './types';

export const STATUS_MARKS: Record<StepStatus, string> = {
  ok: '✔',
  warn: '⚠',
  fail: '✖',
  skipped: '–',
  cancelled: '⊘',
  running: '…',
};

/** The JSON of `smtp-doctor probe --format json`. */
export interface ProbeReportJson {
  diagnosis: { code: string; summary: string; fix: string };
  steps: Array<{ name: string; status: string; ms: number; detail: string }>;
  transcript: TranscriptEntry[];
  tls: TlsInfo | null;
  capabilities: string[];
  ports?: PortProbeResult[];
}

export function toReportJson(result: ProbeResult, ports?: PortProbeResult[]): ProbeReportJson {
  const json: ProbeReportJson = {
    diagnosis: { code: result.diagnosis.code, summary: result.diagnosis.summary, fix: result.diagnosis.fix },
    steps: result.steps.map((s) => ({ name: s.name, status: s.status, ms: s.ms, detail: s.detail })),
    transcript: result.transcript.map((t) => ({ offsetMs: t.offsetMs, direction: t.direction, text: t.text })),
    tls: result.tls,
    capabilities: result.capabilities ? [...result.capabilities.raw] : [],
  };
  if (ports) json.ports = ports;
  return json;
}

function verdictMark(code: string): string {
  return code === 'ok' ? '✔' : code === 'cancelled' ? '⊘' : '✖';
}

function modeLabel(result: ProbeResult): string {
  const effective =
    result.effectiveTls === 'implicit' ? 'implicit TLS' : result.effectiveTls === 'starttls' ? 'STARTTLS' : result.effectiveTls === 'none' ? 'no TLS' : '—';
  return `asked ${result.requestedTls}, used ${effective}${result.retriedWith ? ` (after retrying with ${result.retriedWith === 'implicit' ? 'implicit TLS' : 'STARTTLS'})` : ''}`;
}

function tlsLines(tls: TlsInfo): Array<[string, string]> {
  const rows: Array<[string, string]> = [
    ['Protocol', `${tls.protocol ?? '?'} (${tls.cipher ?? '?'}), ${tls.mode === 'implicit' ? 'implicit TLS' : 'via STARTTLS'}${tls.servername ? `, SNI ${tls.servername}` : ''}`],
  ];
  const c = tls.certificate;
  if (c) {
    rows.push(['Certificate', c.subject || '(no subject)']);
    rows.push(['Names', c.subjectAltNames.join(', ') || '(none)']);
    rows.push(['Issuer', `${c.issuer}${c.selfSigned ? ' (self-signed)' : ''}`]);
    rows.push([
      'Valid',
      `${c.validFrom.slice(0, 10)} → ${c.validTo.slice(0, 10)} (${c.daysToExpiry >= 0 ? `${c.daysToExpiry} days left` : `expired ${-c.daysToExpiry} days ago`})`,
    ]);
  } else {
    rows.push(['Certificate', '(none sent)']);
  }
  rows.push(['Host name', tls.hostnameMatch ? '✔ matches' : '✖ does not match']);
  const trust = tls.verification === 'custom-ca' ? 'system CAs + the given CA' : tls.verification === 'insecure' ? 'checks OFF (insecure)' : 'system CAs';
  rows.push(['Chain', tls.chainVerified ? `✔ verified (${trust})` : `✖ not verified: ${tls.verifyError ?? '?'} (${trust})`]);
  return rows;
}

export interface RenderOptions {
  ports?: PortProbeResult[];
  /** Include the transcript (text only; Markdown always has it, folded). */
  transcript?: boolean;
}

export function renderText(result: ProbeResult, options: RenderOptions = {}): string {
  const out: string[] = [];
  out.push(`SMTP Doctor probe — ${hostPort(result.host, result.port)} (${modeLabel(result)})`);
  if (result.addresses.length) out.push(`Addresses: ${result.addresses.join(', ')}${result.connectedAddress ? ` (connected to ${result.connectedAddress})` : ''}`);
  out.push('');
  out.push('Steps');
  const nameWidth = Math.max(8, ...result.steps.map((s) => s.name.length));
  for (const step of result.steps) out.push(`  ${stepLine(step, nameWidth)}`);
  if (result.tls) {
    out.push('', 'TLS');
    for (const [k, v] of tlsLines(result.tls)) out.push(`  ${k.padEnd(12)}${v}`);
  }
  if (result.capabilities) {
    out.push('', 'Capabilities', `  ${describeCapabilities(result.capabilities)}`);
  }
  if (options.ports) {
    out.push('', 'Ports');
    for (const p of options.ports) out.push(`  ${portLine(p)}`);
  }
  if (options.transcript) {
    out.push('', 'Transcript');
    for (const t of result.transcript) out.push(`  ${transcriptLine(t)}`);
  }
  out.push('');
  out.push(`Verdict: ${verdictMark(result.diagnosis.code)} ${result.diagnosis.code}`);
  out.push(`  ${result.diagnosis.summary}`);
  out.push(`Fix:`);
  out.push(`  ${result.diagnosis.fix}`);
  return out.join('\n') + '\n';
}

function stepLine(step: ProbeStep, nameWidth: number): string {
  return `${STATUS_MARKS[step.status]} ${step.name.padEnd(nameWidth)} ${`${step.ms} ms`.padStart(8)}  ${step.detail}`;
}

function portLine(p: PortProbeResult): string {
  const mark = p.suggestedTls ? '✔' : p.reachable ? '⚠' : '✖';
  return `${mark} ${String(p.port).padEnd(6)}${p.speaks.padEnd(10)}${`${p.ms} ms`.padStart(8)}  ${p.detail}${p.banner ? ` — “${p.banner}”` : ''}`;
}

function transcriptLine(t: TranscriptEntry): string {
  const arrow = t.direction === 'client' ? 'C:' : t.direction === 'server' ? 'S:' : '* ';
  return `${`${t.offsetMs} ms`.padStart(8)}  ${arrow} ${t.text}`;
}

/** Renders the ports check on its own (for `--ports` without a single-port probe). */
export function renderPortsText(host: string, ports: PortProbeResult[]): string {
  return [`SMTP Doctor ports — ${host}`, ...ports.map((p) => `  ${portLine(p)}`)].join('\n') + '\n';
}

const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/`/g, "'");

export function renderMarkdown(result: ProbeResult, options: Pick<RenderOptions, 'ports'> = {}): string {
  const out: string[] = [];
  out.push(`### SMTP Doctor: \`${hostPort(result.host, result.port)}\` — ${verdictMark(result.diagnosis.code)} \`${result.diagnosis.code}\``);
  out.push('');
  out.push(`**Verdict:** ${result.diagnosis.summary}`);
  out.push('');
  out.push(`**Fix:** ${result.diagnosis.fix}`);
  out.push('');
  out.push(`TLS mode: ${modeLabel(result)}. Probed ${result.startedAt}, ${result.durationMs} ms.`);
  out.push('');
  out.push('| | Step | Time | Detail |');
  out.push('|---|---|---:|---|');
  for (const s of result.steps) out.push(`| ${STATUS_MARKS[s.status]} | ${s.name} | ${s.ms} ms | ${cell(s.detail)} |`);
  if (result.tls) {
    out.push('', '**TLS**', '');
    for (const [k, v] of tlsLines(result.tls)) out.push(`- ${k}: ${cell(v)}`);
  }
  if (result.capabilities) {
    out.push('', `**Capabilities:** ${result.capabilities.raw.length ? result.capabilities.raw.map((c) => `\`${c.replace(/`/g, "'")}\``).join(', ') : describeCapabilities(result.capabilities)}`);
  }
  if (options.ports) {
    out.push('', '**Ports**', '', '| Port | Speaks | Time | Detail |', '|---:|---|---:|---|');
    for (const p of options.ports) out.push(`| ${p.port} | ${p.speaks} | ${p.ms} ms | ${cell(p.detail)} |`);
  }
  const lines = result.transcript.map(transcriptLine);
  const longestTicks = Math.max(2, ...lines.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((m) => m.length))));
  const fence = '`'.repeat(longestTicks + 1);
  out.push('', '<details><summary>Transcript</summary>', '', `${fence}text`, ...lines, fence, '', '</details>');
  return out.join('\n') + '\n';
}
