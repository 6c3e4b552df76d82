import { isPlaceholderSecret, isTemplate, looksTypedByUser } from '../values';
import { defineRule, rangeOf } from './rule';

/** Google shows app passwords as 16 letters, often in four groups of four. */
const APP_PASSWORD = /^[a-z]{16}$/i;

/** Whether a password is written as Google shows an app password (spaces and dashes aside). */
export function looksLikeAppPassword(value: string): boolean {
  return APP_PASSWORD.test(value.trim().replace(/[\s-]/g, ''));
}

export const gmailAppPassword = defineRule({
  id: 'gmail-app-password',
  severity: 'warning',
  title: 'Gmail SMTP with a password that is not an app password',
  description:
    'Google no longer accepts an account\'s own password for SMTP ("Less secure apps" ended in 2022 for personal accounts and in 2024 for ' +
    'Workspace). Gmail answers "534-5.7.9 Application-specific password required" or "535-5.7.8 Username and Password not accepted". ' +
    'Turn on 2-Step Verification, create an app password (16 letters) at https://myaccount.google.com/apppasswords, or use OAuth2 (XOAUTH2). ' +
    'Passwords read from variables or templates are not judged, nor those in example files (`.env.example`) unless they read as typed by a user (`Acme-Wiki-2024!`).',
  docs: {
    whatItDoes: 'Checks for a Gmail or Google Workspace SMTP password that is not an app password (16 letters).',
    example: {
      file: '.env',
      bad: 'SMTP_HOST=smtp.gmail.com\nSMTP_PORT=587\nSMTP_USER=me@gmail.com\nSMTP_PASS=Summer2026!\n',
      good: 'SMTP_HOST=smtp.gmail.com\nSMTP_PORT=587\nSMTP_USER=me@gmail.com\nSMTP_PASS="abcd efgh ijkl mnop"\n',
    },
  },
  // The password or the port will not work at all: that comes before hardening the STARTTLS it goes over.
  supersedes: ['opportunistic-starttls'],
  messages: {
    notAppPassword: 'Use a Google app password (16 letters) or OAuth2 here: Gmail refuses account passwords for SMTP.',
  },
  details: {
    notAppPassword:
      'This does not look like an app password, and Gmail answers an account password with "534-5.7.9 Application-specific password required": ' +
      'turn on 2-Step Verification and create an app password at https://myaccount.google.com/apppasswords.',
  },
  check(group, context) {
    const password = group.password;
    if (group.provider?.id !== 'gmail' || group.oauth || !password) return [];
    const value = password.value.trim();
    if (isTemplate(value) || isPlaceholderSecret(value) || looksLikeAppPassword(value)) return [];
    // An example file's password is usually a stand-in (`SMTP_PASS=hunter2` in .env.sample); one that reads as typed by a user is documented as the one to use.
    if (context.isExample && !looksTypedByUser(value)) return [];
    return [{ range: rangeOf(password, group), messageId: 'notAppPassword' }];
  },
});
