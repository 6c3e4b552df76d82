import { port25Submission } from '../../../src/engine/rules/port-25-submission';
import { testRule } from './tester';

testRule(port25Submission, {
  valid: [
    { name: 'port 587', file: '.env', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\n' },
    { name: 'a relay on this machine or network', file: '.env', text: 'SMTP_HOST=postfix\nSMTP_PORT=25\n' },
    { name: 'a mail server configuration', file: '.env', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=25\n', options: { context: 'mail-server' } },
    { name: 'a port read from a variable', file: '.env', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=${PORT}\n' },
  ],
  invalid: [
    {
      name: 'port 25 written, pointing at the host',
      file: '.env',
      text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=25\n',
      errors: [{ messageId: 'port25', line: 2, related: [1] }],
      output: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\n',
    },
    {
      name: "port 25 as the framework's default (Django without EMAIL_PORT)",
      file: 'settings.py',
      text: 'EMAIL_HOST = "smtp.example.com"\nEMAIL_HOST_USER = "me"\n',
      errors: [{ messageId: 'defaultPort25', line: 1 }],
      output: 'EMAIL_HOST = "smtp.example.com"\nEMAIL_HOST_USER = "me"\nEMAIL_PORT = 587\nEMAIL_USE_TLS = True\n',
    },
    {
      name: 'port 25 inside a DSN',
      file: '.env',
      text: 'MAILER_DSN=smtp://user:pass@smtp.example.com:25\n',
      errors: [{ messageId: 'port25', line: 1, related: [1] }],
      output: 'MAILER_DSN=smtp://user:pass@smtp.example.com:587\n',
    },
  ],
});
