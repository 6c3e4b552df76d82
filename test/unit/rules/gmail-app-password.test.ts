import { gmailAppPassword } from '../../../src/engine/rules/gmail-app-password';
import { testRule } from './tester';

const GMAIL = 'SMTP_HOST=smtp.gmail.com\nSMTP_PORT=587\nSMTP_USER=me@gmail.com\n';

testRule(gmailAppPassword, {
  valid: [
    { name: 'an app password', file: '.env', text: `${GMAIL}SMTP_PASS=abcdefghijklmnop\n` },
    { name: 'an app password in capitals and groups of four', file: '.env', text: `${GMAIL}SMTP_PASS=ABCD EFGH IJKL MNOP\n` },
    { name: 'an app password with dashes', file: '.env', text: `${GMAIL}SMTP_PASS=abcd-efgh-ijkl-mnop\n` },
    { name: 'a password read from a variable', file: '.env', text: `${GMAIL}SMTP_PASS=\${GMAIL_APP_PASSWORD}\n` },
    // gitlab-backup-and-restore/gitlab.rb in the realworld corpus: a redacted value says nothing about the real one.
    { name: 'a partly redacted password', file: '.env', text: `${GMAIL}SMTP_PASS=HSxxxxx3BGSUxxxx\n` },
    { name: 'a stand-in in an example file', file: '.env.example', text: `${GMAIL}SMTP_PASS=hunter2\n` },
    { name: 'not Gmail', file: '.env', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\nSMTP_PASS=Summer2026!\n' },
  ],
  invalid: [
    { name: 'an account password', file: '.env', text: `${GMAIL}SMTP_PASS=Summer2026!\n`, errors: [{ messageId: 'notAppPassword', line: 4 }] },
    // App passwords are exactly 16 letters: letters only is not enough.
    { name: '14 letters', file: '.env', text: `${GMAIL}SMTP_PASS=abcdefghijklmn\n`, errors: [{ messageId: 'notAppPassword', line: 4 }] },
    { name: '18 letters', file: '.env', text: `${GMAIL}SMTP_PASS=abcdefghijklmnopqr\n`, errors: [{ messageId: 'notAppPassword', line: 4 }] },
    { name: '16 characters with digits', file: '.env', text: `${GMAIL}SMTP_PASS=abcdefghijkl1234\n`, errors: [{ messageId: 'notAppPassword', line: 4 }] },
  ],
});
