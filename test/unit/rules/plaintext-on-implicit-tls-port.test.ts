import { plaintextOnImplicitTlsPort } from '../../../src/engine/rules/plaintext-on-implicit-tls-port';
import { testRule } from './tester';

testRule(plaintextOnImplicitTlsPort, {
  valid: [
    { name: 'implicit TLS on 465', file: '.env', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=465\nSMTP_SECURE=true\n' },
    { name: 'Laravel on 465 uses smtps by itself', file: '.env', text: 'MAIL_MAILER=smtp\nMAIL_HOST=smtp.example.com\nMAIL_PORT=465\nMAIL_ENCRYPTION=tls\n' },
    { name: 'superseded by provider-port-unsupported', file: '.env', text: 'SMTP_HOST=smtp.office365.com\nSMTP_PORT=465\nSMTP_SECURE=false\n' },
  ],
  invalid: [
    {
      name: 'nodemailer secure: false on 465',
      file: '.env',
      text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=465\nSMTP_SECURE=false\n',
      errors: [{ messageId: 'plaintextOnImplicitPort', line: 3, related: [2] }],
      output: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=465\nSMTP_SECURE=true\n',
    },
    {
      name: 'Microsoft 365 on 465 with TLS off, provider-port-unsupported off',
      file: '.env',
      text: 'SMTP_HOST=smtp.office365.com\nSMTP_PORT=465\nSMTP_SECURE=false\n',
      options: { rules: { 'provider-port-unsupported': 'off' } },
      errors: [{ messageId: 'plaintextOnImplicitPort', line: 3, related: [2] }],
      output: 'SMTP_HOST=smtp.office365.com\nSMTP_PORT=465\nSMTP_SECURE=true\n',
    },
    {
      name: 'Django EMAIL_USE_TLS on 465',
      file: 'settings.py',
      text: 'EMAIL_HOST = "smtp.example.com"\nEMAIL_PORT = 465\nEMAIL_USE_TLS = True\n',
      errors: [{ messageId: 'plaintextOnImplicitPort', line: 3, related: [2] }],
      output: 'EMAIL_HOST = "smtp.example.com"\nEMAIL_PORT = 465\nEMAIL_USE_TLS = False\nEMAIL_USE_SSL = True\n',
    },
    {
      name: 'Mastodon tls: false beside enable_starttls auto (on the implicit-TLS switch)',
      file: '.env.production',
      text: 'SMTP_SERVER=smtp.example.com\nSMTP_PORT=465\nSMTP_ENABLE_STARTTLS=auto\nSMTP_TLS=false\n',
      errors: [{ messageId: 'plaintextOnImplicitPort', line: 4, related: [2] }],
      output: 'SMTP_SERVER=smtp.example.com\nSMTP_PORT=465\nSMTP_ENABLE_STARTTLS=never\nSMTP_TLS=true\n',
    },
    {
      name: "Django's default of no encryption on 465 (on the port: no TLS setting is written)",
      file: 'settings.py',
      text: 'EMAIL_HOST = "smtp.example.com"\nEMAIL_PORT = 465\nEMAIL_HOST_PASSWORD = "pw"\n',
      errors: [{ messageId: 'plaintextOnImplicitPort', line: 2 }],
      output: 'EMAIL_HOST = "smtp.example.com"\nEMAIL_PORT = 465\nEMAIL_HOST_PASSWORD = "pw"\nEMAIL_USE_SSL = True\n',
    },
    {
      name: 'System.Net.Mail cannot speak implicit TLS',
      file: 'appsettings.json',
      text: '{ "Mail": { "Host": "smtp.example.com", "Port": 465, "EnableSsl": true } }\n',
      errors: [{ messageId: 'frameworkCannotImplicitTls', line: 1, related: [1] }],
      output: '{ "Mail": { "Host": "smtp.example.com", "Port": 587, "EnableSsl": true } }\n',
    },
  ],
});
