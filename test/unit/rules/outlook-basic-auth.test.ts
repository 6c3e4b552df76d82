import { outlookBasicAuth } from '../../../src/engine/rules/outlook-basic-auth';
import { testRule } from './tester';

testRule(outlookBasicAuth, {
  valid: [
    {
      name: 'OAuth2 (XOAUTH2)',
      file: 'application.yml',
      text: 'spring:\n  mail:\n    host: smtp.office365.com\n    port: 587\n    username: a@b.c\n    password: token-from-vault\n    properties:\n      mail.smtp.auth.mechanisms: XOAUTH2\n      mail.smtp.starttls.enable: true\n',
    },
    { name: 'no password', file: '.env', text: 'SMTP_HOST=smtp.office365.com\nSMTP_PORT=587\nSMTP_USER=me@example.com\nSMTP_PASS=\n' },
    { name: 'another provider', file: '.env', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\nSMTP_USER=me@example.com\nSMTP_PASS=secret\n' },
  ],
  invalid: [
    {
      name: 'Microsoft 365 with a password',
      file: '.env',
      text: 'SMTP_HOST=smtp.office365.com\nSMTP_PORT=587\nSMTP_USER=me@example.com\nSMTP_PASS=secret\n',
      errors: [{ messageId: 'microsoft365', line: 4 }],
    },
    {
      name: 'Outlook.com with a password',
      file: '.env',
      text: 'SMTP_HOST=smtp-mail.outlook.com\nSMTP_PORT=587\nSMTP_USER=me@outlook.com\nSMTP_PASS=secret\n',
      errors: [{ messageId: 'outlook', line: 4 }],
    },
  ],
});
