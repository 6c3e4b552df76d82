import { providerPortUnsupported } from '../../../src/engine/rules/provider-port-unsupported';
import { testRule } from './tester';

testRule(providerPortUnsupported, {
  valid: [
    { name: 'a port the provider serves', file: '.env', text: 'SMTP_HOST=smtp.gmail.com\nSMTP_PORT=587\n' },
    { name: 'a provider whose port list is not known to be complete (Yahoo)', file: '.env', text: 'SMTP_HOST=smtp.mail.yahoo.com\nSMTP_PORT=2525\n' },
    { name: 'an unknown host', file: '.env', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=2525\n' },
  ],
  invalid: [
    {
      name: 'Gmail on 2525, pointing at the host',
      file: '.env',
      text: 'SMTP_HOST=smtp.gmail.com\nSMTP_PORT=2525\n',
      errors: [{ messageId: 'unsupportedPort', line: 2, related: [1] }],
      output: 'SMTP_HOST=smtp.gmail.com\nSMTP_PORT=587\n',
    },
    {
      name: 'Microsoft 365 has no implicit-TLS port',
      file: '.env',
      text: 'SMTP_HOST=smtp.office365.com\nSMTP_PORT=465\nSMTP_SECURE=true\n',
      errors: [{ messageId: 'unsupportedPort', line: 2, related: [1] }],
      output: 'SMTP_HOST=smtp.office365.com\nSMTP_PORT=587\nSMTP_SECURE=false\n',
    },
    {
      name: "the framework's default port 25, which Fastmail does not serve",
      file: 'settings.py',
      text: 'EMAIL_HOST = "smtp.fastmail.com"\nEMAIL_HOST_USER = "me"\n',
      errors: [{ messageId: 'unsupportedDefaultPort', line: 1, related: [1] }],
      output: 'EMAIL_HOST = "smtp.fastmail.com"\nEMAIL_HOST_USER = "me"\nEMAIL_PORT = 465\nEMAIL_USE_SSL = True\n',
    },
  ],
});
