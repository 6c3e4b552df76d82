// Plain-language descriptions of a setting group, for hovers and CodeLens.

import { ruleDocsUrl, type Analysis } from './analyze';
import { describeEnvironmentSource } from './environment';
import { portFact } from './facts/ports';
import { hostNameOf, type SmtpGroup } from './model';
import type { LineIndex } from './text';
import type { Range } from './types';
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
  else if (group.password && group.password.value.trim()) parts.push(group.provider?.auth === 'app-password' ? 'app password' : 'password');
  if (!group.active) parts.push('not in use');
  return parts.join(' · ');
}

/** How the framework will connect with these settings, in one sentence. */
export function describeConnection(group: SmtpGroup): string {
  const host = hostNameOf(group) ?? (group.host ? 'the host from a variable' : 'no host');
  const port = group.port ? `${group.port.value}${group.port.isDefault ? ` (${group.profile.name}'s default)` : ''}` : 'a port that is not set';
  const target = `${host}:${port}`;
  switch (group.tls.mode) {
    case 'implicit':
      return `${group.profile.name} connects to ${target} and starts TLS at once (implicit TLS): ${group.tls.reason}.`;
    case 'starttls-required':
      return `${group.profile.name} connects to ${target} in plaintext, then upgrades with STARTTLS and fails if the server does not offer it: ${group.tls.reason}.`;
    case 'starttls-opportunistic':
      return `${group.profile.name} connects to ${target} in plaintext, then upgrades with STARTTLS if the server offers it: ${group.tls.reason}.`;
    case 'none':
      return `${group.profile.name} connects to ${target} and never encrypts: ${group.tls.reason}.`;
    case 'unknown':
      return `${group.profile.name} connects to ${target}; how it secures the connection cannot be told from this file (${group.tls.reason}).`;
  }
}

export function describePort(port: number): string | undefined {
  const fact = portFact(port);
  if (!fact) return undefined;
  return `**Port ${port}**: ${fact.purpose}. Expects ${fact.tls === 'implicit' ? 'a TLS handshake first (implicit TLS)' : 'a plaintext greeting, then STARTTLS'}.`;
}

/** The hover for a setting of a group, as Markdown; `ruleIds` are the rules reported on the hovered line. */
export function hoverMarkdown(group: SmtpGroup, ruleIds: readonly string[]): string {
  const lines = [`**SMTP Doctor** · ${summarizeGroup(group)}`, '', describeConnection(group)];
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
  if (ruleIds.length) lines.push('', `Rules: ${ruleIds.map((id) => `[${id}](${ruleDocsUrl(id)})`).join(', ')}`);
  if (group.profile.docs) lines.push('', `[${group.profile.name} mail settings](${group.profile.docs})`);
  return lines.join('\n');
}

/**
 * The hover at an offset of an analysed file, for every editor adapter (VS Code, the language server): the
 * group whose setting's key or value holds the offset, described with `hoverMarkdown`, over that setting.
 */
export function hoverAt(analysis: Analysis, lines: LineIndex, offset: number): { markdown: string; range: Range } | undefined {
  const line = lines.positionAt(offset).line;
  for (const group of analysis.groups) {
    const match = group.matches.find(({ entry }) => within(offset, entry.keyRange) || within(offset, entry.valueRange));
    if (!match) continue;
    const ruleIds = analysis.findings.filter((finding) => lines.positionAt(finding.range.start).line === line).map((finding) => finding.ruleId);
    const { entry } = match;
    const range = { start: Math.min(entry.keyRange.start, entry.valueRange.start), end: Math.max(entry.keyRange.end, entry.valueRange.end) };
    return { markdown: hoverMarkdown(group, ruleIds), range };
  }
  return undefined;
}

function within(offset: number, range: Range): boolean {
  return offset >= range.start && offset <= range.end;
}
