import { appPasswordRequired } from '../../../src/engine/rules/app-password-required';
import { testRule } from './tester';

const YAHOO = 'SMTP_HOST=smtp.mail.yahoo.com\nSMTP_PORT=587\nSMTP_USER=me@yahoo.com\n';
const ICLOUD = 'SMTP_HOST=smtp.mail.me.com\nSMTP_PORT=587\nSMTP_USER=me@icloud.com\n';

testRule(appPasswordRequired, {
  valid: [
    { name: 'a Yahoo app password', file: '.env', text: `${YAHOO}SMTP_PASS=abcdefghijklmnop\n` },
    { name: 'an Apple app-specific password with dashes', file: '.env', text: `${ICLOUD}SMTP_PASS=abcd-efgh-ijkl-mnop\n` },
    { name: 'a password read from a variable', file: '.env', text: `${YAHOO}SMTP_PASS=\${YAHOO_APP_PASSWORD}\n` },
    { name: 'a stand-in in an example file', file: '.env.example', text: `${ICLOUD}SMTP_PASS=hunter2\n` },
    // Gmail is gmail-app-password's: one finding, not two.
    { name: 'Gmail', file: '.env', text: 'SMTP_HOST=smtp.gmail.com\nSMTP_PORT=587\nSMTP_PASS=Summer2026!\n' },
    // Fastmail requires app passwords too, but their format is not documented in our sources: not judged.
    { name: 'Fastmail', file: '.env', text: 'SMTP_HOST=smtp.fastmail.com\nSMTP_PORT=465\nSMTP_PASS=Summer2026!\n' },
    { name: 'not a provider that requires app passwords', file: '.env', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\nSMTP_PASS=Summer2026!\n' },
  ],
  invalid: [
    { name: 'a Yahoo account password', file: '.env', text: `${YAHOO}SMTP_PASS=Summer2026!\n`, errors: [{ messageId: 'notAppPassword', line: 4 }] },
    { name: 'an iCloud account password', file: '.env', text: `${ICLOUD}SMTP_PASS=correct-horse-battery\n`, errors: [{ messageId: 'notAppPassword', line: 4 }] },
  ],
});
