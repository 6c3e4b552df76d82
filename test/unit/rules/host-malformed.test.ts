import { hostMalformed } from '../../../src/engine/rules/host-malformed';
import { testRule } from './tester';

testRule(hostMalformed, {
  valid: [
    { name: 'a bare host name', file: '.env', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\n' },
    { name: 'host:port that agrees with the port setting', file: '.env', text: 'SMTP_HOST=smtp.example.com:587\nSMTP_PORT=587\n' },
    { name: 'real hosts that look like typos', file: '.env', text: 'A_SMTP_HOST=smtp.mail.com\nB_SMTP_HOST=smtp.office365.us\nC_SMTP_HOST=smtp.gmx.net\n' },
    { name: 'a template', file: '.env', text: 'SMTP_HOST=${SMTP_HOST}\n' },
    // Prose under address-like keys (a sender's display name, a UI label in a locale file) is no host.
    { name: 'a display name under MAIL_ADDRESS', file: '.env', text: 'MAIL_ADDRESS=Support Team\n' },
    { name: "a locale file's label", file: 'public/locales/en/app.json', text: '{\n  "emailAddress": "Email address"\n}\n' },
  ],
  invalid: [
    {
      name: 'a scheme',
      file: '.env',
      text: 'SMTP_HOST=smtps://smtp.example.com\n',
      errors: [{ messageId: 'scheme', line: 1 }],
      output: 'SMTP_HOST=smtp.example.com\n',
    },
    {
      name: 'a path',
      file: '.env',
      text: 'SMTP_HOST=smtp.example.com/mail\n',
      errors: [{ messageId: 'path', line: 1 }],
      output: 'SMTP_HOST=smtp.example.com\n',
    },
    {
      name: 'whitespace next to a dot is squeezed out',
      file: '.env',
      text: 'SMTP_HOST=smtp. example.com\n',
      errors: [{ messageId: 'whitespace', line: 1 }],
      output: 'SMTP_HOST=smtp.example.com\n',
    },
    {
      name: 'other whitespace may hide two values (no fix)',
      file: '.env',
      text: 'SMTP_HOST="smtp example.com"\nSMTP_PORT=587\n',
      errors: [{ messageId: 'whitespace', line: 1 }],
    },
    {
      name: 'host:port that contradicts the port setting, pointing at it (two fixes, neither preferred)',
      file: '.env',
      text: 'SMTP_HOST=smtp.example.com:465\nSMTP_PORT=587\n',
      errors: [{ messageId: 'portMismatch', line: 1, related: [2] }],
    },
    {
      name: "a typo of a provider's host",
      file: '.env',
      text: 'SMTP_HOST=smtp.gmial.com\nSMTP_PORT=587\n',
      errors: [{ messageId: 'typo', line: 1 }],
      output: 'SMTP_HOST=smtp.gmail.com\nSMTP_PORT=587\n',
    },
    {
      name: 'a scheme and a typo, fixed one after the other',
      file: '.env',
      text: 'SMTP_HOST=smtps://smtp.gmial.com\nSMTP_PORT=587\n',
      errors: [
        { messageId: 'scheme', line: 1 },
        { messageId: 'typo', line: 1 },
      ],
      output: 'SMTP_HOST=smtp.gmail.com\nSMTP_PORT=587\n',
    },
  ],
});
