import { PROVIDER_HOST_NAMES } from '../facts/providers';
import { isTemplate, splitHostField } from '../values';
import type { Range } from '../types';
import { defineRule, relatedTo, type RuleFinding } from './rule';
import { contentStart } from '../model';

/** A host name: labels of letters, digits and hyphens, separated by dots. */
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;

/** Real hosts that look like typos of a provider's host. */
const LOOKALIKES_THAT_EXIST = new Set(['smtp.office365.us', 'smtp.mail.com', 'smtp.gmx.com', 'smtp.gmx.net']);

/**
 * A likely typo of a provider's host: two adjacent letters swapped (smtp.gmial.com), a letter doubled
 * (smtp.gmaill.com), or the provider's name under another top-level domain (smtp.sendgrid.com).
 * Conservative on purpose: other near misses are often real hosts.
 */
export function likelyTypoOf(host: string): string | undefined {
  const h = host.toLowerCase();
  if (PROVIDER_HOST_NAMES.includes(h) || LOOKALIKES_THAT_EXIST.has(h)) return undefined;
  for (const real of PROVIDER_HOST_NAMES) {
    if (isTransposition(h, real) || isDoubledLetter(h, real) || isOtherTopLevelDomain(h, real)) return real;
  }
  return undefined;
}

function isTransposition(typed: string, real: string): boolean {
  if (typed.length !== real.length) return false;
  const diff = [...typed].map((_, i) => i).filter((i) => typed[i] !== real[i]);
  return diff.length === 2 && diff[1] === diff[0] + 1 && typed[diff[0]] === real[diff[1]] && typed[diff[1]] === real[diff[0]];
}

function isDoubledLetter(typed: string, real: string): boolean {
  if (typed.length !== real.length + 1) return false;
  for (let i = 0; i < real.length + 1; i++) {
    if (typed.slice(0, i) + typed.slice(i + 1) === real && /[a-z]/.test(typed[i]) && (typed[i] === typed[i - 1] || typed[i] === typed[i + 1])) return true;
  }
  return false;
}

function isOtherTopLevelDomain(typed: string, real: string): boolean {
  const stem = (name: string) => name.slice(0, name.lastIndexOf('.'));
  return stem(typed) === stem(real) && typed !== real && /^[a-z]{2,}$/.test(typed.slice(typed.lastIndexOf('.') + 1));
}

export const hostMalformed = defineRule({
  id: 'host-malformed',
  severity: 'error',
  title: 'A host field with a scheme, path, whitespace, a contradicting port, or a typo of a provider\'s host',
  description:
    'The host setting takes a bare host name such as `smtp.example.com`. A scheme (`smtps://`), a path or whitespace makes the DNS lookup ' +
    'fail; a `host:port` whose port differs from the port setting means one of them is wrong; and a near miss of a provider\'s host ' +
    '(`smtp.gmial.com`) resolves nowhere, or somewhere you did not mean to send your password.',
  docs: {
    whatItDoes: 'Checks that the host setting is a bare host name: no scheme, path or whitespace, no port that contradicts the port setting, and no near miss of a provider\'s host.',
    example: {
      file: '.env',
      bad: 'SMTP_HOST=smtps://smtp.example.com\nSMTP_PORT=465\nSMTP_SECURE=true\n',
      good: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=465\nSMTP_SECURE=true\n',
    },
  },
  // A malformed or mistyped host receives nothing: that comes before hardening the STARTTLS to it.
  supersedes: ['opportunistic-starttls'],
  messages: {
    scheme: 'Write the bare host name "{{host}}": the host setting takes no "{{scheme}}://", TLS is chosen by the TLS setting.',
    path: 'Write only the host name "{{host}}": a host with a path ("{{path}}") never resolves.',
    whitespace: 'Remove the whitespace from the host: a host name with spaces never resolves.',
    portMismatch: 'Keep the port in one place: the host says port {{hostPort}} but {{setting}} says {{port}}.',
    typo: 'Use "{{real}}": "{{host}}" looks like a typo of it, which resolves nowhere or to someone else\'s server.',
  },
  details: {
    scheme: 'The host setting takes a bare host name such as smtp.example.com: with "{{scheme}}://" in it the DNS lookup fails; choose TLS with the framework\'s TLS setting.',
    path: 'The host "{{value}}" contains a path ("{{path}}"), so the DNS lookup fails.',
    whitespace: 'The host "{{value}}" contains whitespace, so the DNS lookup fails.',
    portMismatch: 'The port written in the host ({{hostPort}}) and {{setting}} ({{port}}) disagree: one of them is wrong, and which one the framework uses depends on its version.',
    typo: '"{{host}}" differs from the provider\'s host "{{real}}" by one swapped, doubled or changed part: it resolves nowhere, or to a server you did not mean to send your password to.',
  },
  check(group) {
    const host = group.host;
    if (!host?.range || !host.entry || host.isDefault || isTemplate(host.value) || group.url?.source.entry === host.entry) return [];
    const findings: RuleFinding<'scheme' | 'path' | 'whitespace' | 'portMismatch' | 'typo'>[] = [];
    const parts = splitHostField(host.value);
    const at = (offset: number, length: number): Range => {
      const start = contentStart(host.entry!) + offset;
      return { start, end: start + length };
    };
    if (parts.scheme && host.spec?.hostSchemes?.[parts.scheme.toLowerCase()]) {
      // A scheme the framework reads by design (CakePHP's ssl://): the TLS mode comes from it (model.ts).
    } else if (parts.scheme) {
      findings.push({ range: host.range, messageId: 'scheme', data: { scheme: parts.scheme, host: parts.host } });
    } else if (parts.path) {
      findings.push({ range: host.range, messageId: 'path', data: { value: host.value, path: parts.path, host: parts.host } });
    } else if (parts.hasWhitespace && parts.host.includes('.')) {
      // Only a dotted name with spaces is a host typed wrong; "Email address" or "Support Team" under
      // EMAIL_ADDRESS / a locale's `emailAddress` is prose, not a host (Rallly's locale files).
      findings.push({ range: host.range, messageId: 'whitespace', data: { value: host.value } });
    }
    const portSetting = group.port && !group.port.isDefault && group.port.entry !== host.entry ? group.port : undefined;
    if (group.hostPort && portSetting && group.hostPort.value.trim() !== String(portSetting.value)) {
      findings.push({
        range: group.hostPort.range!,
        messageId: 'portMismatch',
        data: { hostPort: group.hostPort.value, setting: portSetting.label, port: portSetting.value },
        related: relatedTo(portSetting, `port setting ${portSetting.value}`),
      });
    }
    const typoOf = parts.host && !parts.hasWhitespace ? likelyTypoOf(parts.host) : undefined;
    if (typoOf) {
      findings.push({
        range: at(parts.hostOffset, parts.host.length),
        messageId: 'typo',
        data: { host: parts.host, real: typoOf },
      });
    }
    return findings;
  },
  fix(group, finding, context) {
    const host = group.host!;
    const entry = host.entry!;
    const parts = splitHostField(host.value);
    const wholeValue = { start: contentStart(entry), end: contentStart(entry) + entry.value!.length };
    const hostWithPort = !!host.spec?.hostWithPort;

    switch (finding.messageId) {
      case 'portMismatch': {
        // host:port and a port setting that disagree: keep either value.
        const inHost = group.hostPort!;
        const setting = group.port!;
        const portInHost = { start: inHost.range!.start - 1, end: inHost.range!.end };
        const settingKey = setting.label.split('=')[0];
        const alignHost = hostWithPort ? context.replaceInValue(entry, inHost.range!, String(setting.value)) : context.replaceInValue(entry, portInHost, '');
        const fromHost = Number(inHost.value.trim());
        const movePort = /^\d+$/.test(inHost.value.trim()) ? context.setPort(group, fromHost) : undefined;
        const dropFromHost = hostWithPort ? [] : context.replaceInValue(entry, portInHost, '');
        return [
          { title: `Keep port ${setting.value} (${settingKey}) and ${hostWithPort ? 'write it in the host' : 'remove the port from the host'}`, preferred: false, edits: alignHost },
          { title: `Keep port ${inHost.value.trim()} (from the host) in ${settingKey}`, preferred: false, edits: movePort && dropFromHost ? [...movePort, ...dropFromHost] : undefined },
        ];
      }
      case 'scheme':
      case 'path': {
        const bracketed = host.value.trim().includes('[');
        const name = bracketed ? `[${parts.host}]` : parts.host;
        const bare = parts.port !== undefined && hostWithPort ? `${name}:${parts.port}` : name;
        if (!parts.host || /\s/.test(bare)) return [];
        return [{ title: `Write the bare host name "${bare}"`, preferred: true, edits: context.replaceInValue(entry, wholeValue, bare) }];
      }
      case 'whitespace': {
        // Whitespace next to a dot ("smtp. gmail.com") is a slip; other whitespace may hide two values.
        const squeezed = host.value.trim().replace(/\s*\.\s*/g, '.');
        if (/\s/.test(squeezed) || !HOST_NAME.test(squeezed)) return [];
        return [{ title: `Remove the whitespace: "${squeezed}"`, preferred: true, edits: context.replaceInValue(entry, wholeValue, squeezed) }];
      }
      case 'typo': {
        const real = String(finding.data!.real);
        return [{ title: `Change the host to ${real}`, preferred: true, edits: context.replaceInValue(entry, finding.range, real) }];
      }
    }
  },
});
