import { invalidPort } from '../../../src/engine/rules/invalid-port';
import { testRule } from './tester';

testRule(invalidPort, {
  valid: [
    { name: 'a whole number in range', file: '.env', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\n' },
    { name: 'a port read from a variable', file: '.env', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=${SMTP_PORT:-587}\n' },
    { name: 'a label, not a port (a locale file)', file: 'messages/en.json', text: '{\n  "smtp_host": "SMTP Host",\n  "smtp_port": "SMTP Port"\n}\n' },
    { name: 'a placeholder word', file: '.env.example', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=<port>\n' },
  ],
  invalid: [
    {
      name: 'out of range (no fix: which port was meant is unknown)',
      file: '.env',
      text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=70000\n',
      errors: [{ messageId: 'invalidPort', line: 2 }],
    },
    {
      name: 'a standard port with a stray character',
      file: '.env',
      text: 'MAIL_HOST=smtp.example.com\nMAIL_PORT=587a\n',
      errors: [{ messageId: 'invalidPort', line: 2 }],
      output: 'MAIL_HOST=smtp.example.com\nMAIL_PORT=587\n',
    },
    {
      name: 'letters inside the digits (no fix)',
      file: '.env',
      text: 'MAIL_HOST=smtp.example.com\nMAIL_PORT=58a7x\n',
      errors: [{ messageId: 'invalidPort', line: 2 }],
    },
    {
      name: 'a fraction in YAML',
      file: 'application.yml',
      text: 'spring:\n  mail:\n    host: smtp.example.com\n    port: 587.5\n',
      errors: [{ messageId: 'invalidPort', line: 4 }],
    },
  ],
});
