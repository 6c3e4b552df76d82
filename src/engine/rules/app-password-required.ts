// Yahoo Mail and iCloud Mail refuse an account's own password for SMTP from third-party apps: an app password
// (16 letters, made once 2-step verification is on) is required. Facts: shared/reference/smtp-facts.md section B
// (Yahoo: ISPDB yahoo.com.xml and Yahoo's help; iCloud: ISPDB me.com.xml, Apple's app-specific passwords).
// Gmail has its own rule (gmail-app-password), kept under its id for the configs that already name it.

import { isPlaceholderSecret, isTemplate, looksTypedByUser } from '../values';
import { looksLikeAppPassword } from './gmail-app-password';
import { defineRule, rangeOf } from './rule';

export const appPasswordRequired = defineRule({
  id: 'app-password-required',
  severity: 'warning',
  title: 'Yahoo or iCloud SMTP with a password that is not an app password',
  description:
    'Yahoo Mail and iCloud Mail accept only an app password (16 letters, often in groups of four) from mail clients and apps, and answer ' +
    'the account\'s own password with an authentication error (535). Turn on 2-step verification, then create an app password in the ' +
    'account\'s security settings. Passwords read from variables or templates are not judged, nor those in example files unless they read as typed by a user (`Acme-Wiki-2024!`).',
  docs: {
    whatItDoes: 'Checks for a Yahoo Mail or iCloud Mail SMTP password that is not an app password (16 letters).',
    example: {
      file: '.env',
      bad: 'SMTP_HOST=smtp.mail.yahoo.com\nSMTP_PORT=587\nSMTP_USER=me@yahoo.com\nSMTP_PASS=Summer2026!\n',
      good: 'SMTP_HOST=smtp.mail.yahoo.com\nSMTP_PORT=587\nSMTP_USER=me@yahoo.com\nSMTP_PASS=abcdefghijklmnop\n',
    },
  },
  // The password or the port will not work at all: that comes before hardening the STARTTLS it goes over.
  supersedes: ['opportunistic-starttls'],
  messages: {
    notAppPassword: 'Use an app password (16 letters) here: {{provider}} refuses account passwords for SMTP.',
  },
  details: {
    notAppPassword:
      'This does not look like an app password, and {{provider}} rejects an account password with an authentication error (535): ' +
      'turn on 2-step verification and create an app password at {{createAt}}.',
  },
  check(group, context) {
    const provider = group.provider;
    const password = group.password;
    if (!provider?.appPasswordsAt || provider.id === 'gmail' || group.oauth || !password) return [];
    const value = password.value.trim();
    if (isTemplate(value) || isPlaceholderSecret(value) || looksLikeAppPassword(value)) return [];
    // An example file's password is usually a stand-in (`SMTP_PASS=hunter2` in .env.sample); one that reads as typed by a user is documented as the one to use.
    if (context.isExample && !looksTypedByUser(value)) return [];
    return [{ range: rangeOf(password, group), messageId: 'notAppPassword', data: { provider: provider.name, createAt: provider.appPasswordsAt } }];
  },
});
