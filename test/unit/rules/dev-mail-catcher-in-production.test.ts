import { devMailCatcherInProduction } from '../../../src/engine/rules/dev-mail-catcher-in-production';
import { testRule } from './tester';

testRule(devMailCatcherInProduction, {
  valid: [
    { name: 'a mail catcher in development', file: '.env', text: 'SMTP_HOST=localhost\nSMTP_PORT=1025\n' },
    { name: 'a real server in production', file: '.env.production', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\n' },
    { name: 'a local relay on another port in production', file: '.env.production', text: 'SMTP_HOST=localhost\nSMTP_PORT=25\n' },
  ],
  invalid: [
    { name: 'localhost:1025 in production', file: '.env.production', text: 'SMTP_HOST=localhost\nSMTP_PORT=1025\n', errors: [{ messageId: 'catcherInProduction', line: 1 }] },
    { name: 'a Mailpit container in production', file: '.env.production', text: 'SMTP_HOST=mailpit\nSMTP_PORT=1025\n', errors: [{ messageId: 'catcherInProduction', line: 1 }] },
    {
      name: "Mailtrap's sandbox in a production YAML",
      file: 'config/production.yml',
      text: 'smtp:\n  host: sandbox.smtp.mailtrap.io\n  port: 2525\n',
      errors: [{ messageId: 'catcherInProduction', line: 2 }],
    },
  ],
});
