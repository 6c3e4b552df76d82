// The rules page (docs/rules.md), rendered from each rule's metadata: per rule, ruff's
// layout (what it does, why is this bad, an example, use instead).
import { RULES } from './index';
import type { Rule } from './rule';

/** The code fence language of an example file, for highlighting. */
function fenceLanguage(file: string): string {
  const extension = /\.(py|rb|php|ya?ml|json|properties|ini)$/.exec(file)?.[1];
  const byExtension: Record<string, string> = { py: 'python', rb: 'ruby', php: 'php', yml: 'yaml', yaml: 'yaml', json: 'json', properties: 'properties', ini: 'ini' };
  return extension ? byExtension[extension] : 'dotenv';
}

function codeBlock(file: string, text: string): string[] {
  return [`\`\`\`${fenceLanguage(file)}`, ...text.replace(/\n$/, '').split('\n'), '```'];
}

function rulePage(rule: Rule): string[] {
  const { whatItDoes, example } = rule.docs;
  const replaces = rule.supersedes?.length
    ? [
        '',
        `When it reports, it replaces the findings of ${rule.supersedes.map((id) => `[\`${id}\`](#${id})`).join(', ')} on the same settings, ` +
          'which come back if this rule is turned off.',
      ]
    : [];
  return [
    `## ${rule.id}`,
    '',
    `**${rule.title}** · default severity: \`${rule.severity}\``,
    '',
    '### What it does',
    '',
    whatItDoes,
    ...replaces,
    '',
    '### Why is this bad?',
    '',
    rule.description,
    '',
    '### Example',
    '',
    `In \`${example.file}\`:`,
    '',
    ...codeBlock(example.file, example.bad),
    '',
    'Use instead:',
    '',
    ...codeBlock(example.file, example.good),
    '',
  ];
}

export function renderRulesPage(): string {
  const lines = [
    '# SMTP Doctor rules',
    '',
    'Each rule has an id (used in the `smtpDoctor.rules` setting, `--rule ID=SEVERITY` and SARIF), a default severity, and a check.',
    'This page is generated from the rules themselves (`npx tsc -p . && node scripts/rule-docs.mjs`); each example is checked by test/unit/docs.test.ts.',
    '',
  ];
  for (const rule of RULES) lines.push(...rulePage(rule));
  return lines.join('\n');
}
