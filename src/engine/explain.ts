// Plain-language descriptions of a setting group, for hovers and CodeLens.

import { ruleDocsUrl, type Analysis } from './analyze';
import { describeEnvironmentSource } from './environment';
import { portFact } from './facts/ports';
import { describeMode, hostNameOf, type SmtpGroup } from './model';
import { looksLikeAppPassword } from './rules/gmail-app-password';
import type { LineIndex } from './text';
import type { FormatId, Range } from './types';
import { isTemplate } from './values';

const MODE_SHORT: Record<SmtpGroup['tls']['mode'], string> = {
  implicit: 'implicit TLS',
  'starttls-required': 'STARTTLS',
  'starttls-opportunistic': 'STARTTLS if offered',
  none: 'no TLS',
  unknown: 'TLS mode unknown',
};

/** One line: `smtp.gmail.com:587 · STARTTLS · Gmail / Google Workspace · app password`. */
export function summarizeGroup(group: SmtpGroup): string {
  const host = group.host ? (isTemplate(group.host.value) ? '(host from a variable)' : hostNameOf(group) ?? group.host.value) : '(no host)';
  const port = group.port ? `:${group.port.value}` : '';
  const parts = [`${host}${port}`, MODE_SHORT[group.tls.mode]];
  parts.push(group.provider?.name ?? group.profile.name);
  if (group.oauth) parts.push('OAuth2');
  // "app password" only for one written as such: never beside gmail-app-password's warning that it is not one.
  else if (group.password && group.password.value.trim()) parts.push(group.provider?.auth === 'app-password' && looksLikeAppPassword(group.password.value) ? 'app password' : 'password');
  if (!group.active) parts.push('not in use');
  return parts.join(' · ');
}

/**
 * Why the TLS mode was chosen, without the mode's own name: the sentence around it already says
 * what the mode does ("…starts TLS at once (implicit TLS), because SMTP_SECURE=true", not "…: implicit TLS, because…").
 */
function tlsWhy(group: SmtpGroup): string {
  const mode = describeMode(group.tls.mode);
  const reason = group.tls.reason;
  if (!reason.startsWith(mode)) return reason;
  const rest = reason.slice(mode.length).trim().replace(/^,\s*/, '');
  return /^\(.*\)$/.test(rest) ? rest.slice(1, -1) : rest;
}

/** How the framework will connect with these settings, in one sentence. */
export function describeConnection(group: SmtpGroup): string {
  const host = hostNameOf(group) ?? (group.host ? 'the host from a variable' : 'no host');
  const port = group.port ? `${group.port.value}${group.port.isDefault ? ` (${group.profile.name}'s default)` : ''}` : 'a port that is not set';
  const target = `${host}:${port}`;
  const why = tlsWhy(group);
  const because = why ? ` (${why})` : '';
  switch (group.tls.mode) {
    case 'implicit':
      return `${group.profile.name} connects to ${target} and starts TLS at once, implicit TLS${because}.`;
    case 'starttls-required':
      return `${group.profile.name} connects to ${target} in plaintext, then upgrades with STARTTLS and fails if the server does not offer it${because}.`;
    case 'starttls-opportunistic':
      return `${group.profile.name} connects to ${target} in plaintext, then upgrades with STARTTLS if the server offers it${because}.`;
    case 'none':
      return `${group.profile.name} connects to ${target} and never encrypts${because}.`;
    case 'unknown':
      return `${group.profile.name} connects to ${target}; how it secures the connection cannot be told from this file${because}.`;
  }
}

/** What the port is for, as its fact says it (the fact already names the TLS it expects). */
export function describePort(port: number): string | undefined {
  const fact = portFact(port);
  if (!fact) return undefined;
  return `**Port ${port}**: ${fact.purpose}.`;
}

/** What the hover says about a finding: the rule, its explanation and its docs link. */
export interface HoverFinding {
  ruleId: string;
  detail?: string;
}

/**
 * The hover for a setting of a group, as Markdown; `findings` are those reported on the hovered line,
 * whose short message the editor shows above: the hover adds why. `docsLink` turns a rule id into
 * its documentation link (the editor opens the packaged page).
 */
export function hoverMarkdown(group: SmtpGroup, findings: readonly HoverFinding[], docsLink: (ruleId: string) => string = ruleDocsUrl): string {
  const lines = [`**SMTP Doctor** · ${summarizeGroup(group)}`];
  for (const finding of findings) lines.push('', `[${finding.ruleId}](${docsLink(finding.ruleId)})${finding.detail ? `: ${finding.detail}` : ''}`);
  lines.push('', describeConnection(group));
  const fromEnvironment = group.matches.flatMap(({ entry }) => describeEnvironmentSource(entry) ?? []);
  if (fromEnvironment.length) lines.push('', ...fromEnvironment.map((line) => `- ${line}`));
  if (group.port) {
    const port = describePort(group.port.value);
    if (port) lines.push('', port);
  }
  if (group.provider) {
    const p = group.provider;
    const recommended = `port ${p.recommended.port} with ${p.recommended.tls === 'implicit' ? 'implicit TLS' : 'STARTTLS'}`;
    const auth: Record<string, string> = {
      'app-password': 'an app password (needs 2-Step Verification) or OAuth2',
      'oauth2-only': 'OAuth2 only',
      'basic-auth-retiring': 'OAuth2 (basic authentication is being retired)',
      'api-key': p.username ? `user \`${p.username}\` and an API key` : 'SMTP credentials or an API key',
      password: 'a password',
    };
    lines.push('', `**${p.name}** recommends ${recommended}; sign in with ${auth[p.auth]}. [Provider docs](${p.docs})`);
  }
  if (!group.active) lines.push('', '_These settings are not in use: the framework is told not to send by SMTP._');
  if (group.profile.docs) lines.push('', `[${group.profile.name} mail settings](${group.profile.docs})`);
  return lines.join('\n');
}

/**
 * The hover at an offset of an analysed file, for every editor adapter (VS Code, the language server): the
 * group whose setting's key or value holds the offset, described with `hoverMarkdown`, over that setting.
 */
export function hoverAt(
  analysis: Analysis,
  lines: LineIndex,
  offset: number,
  docsLink: (ruleId: string) => string = ruleDocsUrl,
): { markdown: string; range: Range } | undefined {
  const line = lines.positionAt(offset).line;
  for (const group of analysis.groups) {
    const match = group.matches.find(({ entry }) => within(offset, entry.keyRange) || within(offset, entry.valueRange));
    if (!match) continue;
    const findings = analysis.findings.filter((finding) => lines.positionAt(finding.range.start).line === line);
    const { entry } = match;
    const range = { start: Math.min(entry.keyRange.start, entry.valueRange.start), end: Math.max(entry.keyRange.end, entry.valueRange.end) };
    return { markdown: hoverMarkdown(group, findings, docsLink), range };
  }
  return undefined;
}

function within(offset: number, range: Range): boolean {
  return offset >= range.start && offset <= range.end;
}

/** A YAML mapping key that opens a block (`  mail:`), with its indentation. */
const YAML_BLOCK_KEY = /^(\s*)(?:-\s+)?(["']?)([^"'#]+?)\2\s*:\s*(?:#.*)?$/;

/**
 * Where the CodeLens of a group goes: above its first setting, or in YAML above the block key
 * that holds all its settings (`mail:` in `spring: mail: host: …`), so the lens never sits
 * between a key and its children.
 */
export function lensOffset(group: SmtpGroup, text: string, format: FormatId | undefined): number {
  // Entries written in another file (a service's env_file) have no place here; a group of only those sits at the top.
  const matches = group.matches.filter((match) => !match.entry.foreign);
  if (matches.length === 0) return 0;
  const first = matches.reduce((a, b) => (a.entry.keyRange.start <= b.entry.keyRange.start ? a : b)).entry;
  const lineStart = text.lastIndexOf('\n', first.keyRange.start - 1) + 1;
  if (format !== 'yaml') return lineStart;
  let common = first.path.slice(0, -1);
  for (const { entry } of matches) {
    let same = 0;
    while (same < common.length && same < entry.path.length - 1 && common[same] === entry.path[same]) same++;
    common = common.slice(0, same);
  }
  const parent = common[common.length - 1];
  if (!parent) return lineStart;
  const indent = /^\s*/.exec(text.slice(lineStart, first.keyRange.start))![0].length;
  // The nearest line above that is not blank or a comment must be the parent's key.
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    if (/^\s*(#.*)?$/.test(line)) continue;
    const key = YAML_BLOCK_KEY.exec(line);
    return key && key[1].length < indent && key[3].trim() === parent ? start : lineStart;
  }
  return lineStart;
}
