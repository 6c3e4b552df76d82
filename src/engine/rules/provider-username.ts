import { isPlaceholderSecret, isTemplate } from '../values';
import { defineRule, rangeOf } from './rule';

export const providerUsername = defineRule({
  id: 'provider-username',
  severity: 'warning',
  title: 'A mail service whose SMTP user name is fixed, with another user name',
  description:
    'Some mail services take the API key as the password and a fixed word as the SMTP user name: SendGrid `apikey`, Resend `resend`, ' +
    'SparkPost `SMTP_Injection`. Any other user name (the account\'s e-mail address, the key itself) is refused with "535 Authentication ' +
    'failed". User names read from variables or templates, and those in example files, are not judged.',
  docs: {
    whatItDoes: 'Checks for a SendGrid, Resend or SparkPost SMTP user name other than the one the service requires.',
    example: {
      file: '.env',
      bad: 'SMTP_HOST=smtp.sendgrid.net\nSMTP_PORT=587\nSMTP_USER=alerts@acme.io\nSMTP_PASS=${SENDGRID_API_KEY}\n',
      good: 'SMTP_HOST=smtp.sendgrid.net\nSMTP_PORT=587\nSMTP_USER=apikey\nSMTP_PASS=${SENDGRID_API_KEY}\n',
    },
  },
  // The fixed user names are the providers' (facts/providers.ts, from shared/reference/smtp-facts.md section B).
  // The password or the port will not work at all: that comes before hardening the STARTTLS it goes over.
  supersedes: ['opportunistic-starttls'],
  messages: {
    fixedUsername: 'Set the SMTP user name to {{expected}}: {{provider}} refuses any other login, "{{actual}}" included.',
  },
  details: {
    fixedUsername:
      '{{provider}} expects the SMTP user name "{{expected}}" (the API key goes in the password), so the login "{{actual}}" is refused ' +
      'with "535 Authentication failed".',
  },
  check(group, context) {
    const expected = group.provider?.username;
    const user = group.user;
    if (!expected || !user || context.isExample) return [];
    const actual = user.value.trim();
    if (!actual || isTemplate(actual) || isPlaceholderSecret(actual) || actual.toLowerCase() === expected.toLowerCase()) return [];
    return [{ range: rangeOf(user, group), messageId: 'fixedUsername', data: { provider: group.provider!.name, expected, actual } }];
  },
  fix(group, _finding, context) {
    const entry = group.user?.entry;
    const expected = group.provider?.username;
    if (!entry || !expected || group.user?.range?.start !== entry.valueRange.start) return [];
    const edits = context.setValue(group, entry, { kind: 'string', value: expected });
    return edits ? [{ title: `Set the user name to ${expected}`, preferred: true, edits }] : [];
  },
});
