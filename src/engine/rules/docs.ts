// The rules page (docs/rules.md), rendered from each rule's metadata.
import { RULES } from './index';

export function renderRulesPage(): string {
  const lines = [
    '# SMTP Doctor rules',
    '',
    'Each rule has an id (used in the `smtpDoctor.rules` setting, `--rule ID=SEVERITY` and SARIF), a default severity, and a check.',
    'This page is generated from the rules themselves (`node scripts/rule-docs.mjs`).',
    '',
  ];
  for (const rule of RULES) {
    lines.push(`## ${rule.id}`, '', `**${rule.title}** · default severity: \`${rule.severity}\``, '', rule.description, '');
  }
  return lines.join('\n');
}
