import { conflictingTlsFlags } from '../../../src/engine/rules/conflicting-tls-flags';
import { testRule } from './tester';

testRule(conflictingTlsFlags, {
  valid: [
    { name: 'Django with STARTTLS only', file: 'settings.py', text: 'EMAIL_HOST = "smtp.example.com"\nEMAIL_PORT = 587\nEMAIL_USE_TLS = True\nEMAIL_USE_SSL = False\n' },
    { name: 'a framework that accepts both switches (nodemailer)', file: '.env', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=465\nSMTP_SECURE=true\nSMTP_REQUIRE_TLS=true\n' },
  ],
  invalid: [
    {
      name: 'Django on 587: on the STARTTLS switch, pointing at the implicit one; keeps STARTTLS',
      file: 'settings.py',
      text: 'EMAIL_HOST = "smtp.example.com"\nEMAIL_PORT = 587\nEMAIL_USE_TLS = True\nEMAIL_USE_SSL = True\n',
      errors: [{ messageId: 'bothOn', line: 3, related: [4] }],
      output: 'EMAIL_HOST = "smtp.example.com"\nEMAIL_PORT = 587\nEMAIL_USE_TLS = True\nEMAIL_USE_SSL = False\n',
    },
    {
      name: 'Rails on 465 keeps implicit TLS',
      file: 'config/environments/production.rb',
      text: 'config.action_mailer.smtp_settings = {\n  address: "smtp.example.com",\n  port: 465,\n  tls: true,\n  enable_starttls_auto: true\n}\n',
      errors: [{ messageId: 'bothOn', line: 5, related: [4] }],
      output: 'config.action_mailer.smtp_settings = {\n  address: "smtp.example.com",\n  port: 465,\n  tls: true,\n  enable_starttls_auto: false\n}\n',
    },
  ],
});
