import { implicitTlsOnStarttlsPort } from '../../../src/engine/rules/implicit-tls-on-starttls-port';
import { testRule } from './tester';

testRule(implicitTlsOnStarttlsPort, {
  valid: [
    { name: 'implicit TLS on 465', file: '.env', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=465\nSMTP_SECURE=true\n' },
    { name: 'STARTTLS on 587', file: '.env', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\nSMTP_SECURE=false\n' },
    { name: 'superseded by provider-port-unsupported', file: '.env', text: 'SMTP_HOST=smtp.office365.com\nSMTP_PORT=2525\nSMTP_SECURE=true\n' },
  ],
  invalid: [
    {
      name: 'nodemailer secure: true against 587',
      file: '.env',
      text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\nSMTP_SECURE=true\n',
      errors: [{ messageId: 'implicitOnStarttlsPort', line: 3, related: [2] }],
      output: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\nSMTP_SECURE=false\n',
    },
    {
      name: 'smtps:// on 587 in an unknown key',
      file: '.env',
      text: 'NOTIFY_TRANSPORT=smtps://smtp.example.com:587\n',
      errors: [{ messageId: 'implicitOnStarttlsPort', line: 1, related: [1] }],
      output: 'NOTIFY_TRANSPORT=smtp://smtp.example.com:587\n',
    },
    {
      name: 'Spring ssl.enable against 587',
      file: 'application.properties',
      text: 'spring.mail.host=smtp.example.com\nspring.mail.port=587\nspring.mail.properties.mail.smtp.ssl.enable=true\n',
      errors: [{ messageId: 'implicitOnStarttlsPort', line: 3, related: [2] }],
      output:
        'spring.mail.host=smtp.example.com\nspring.mail.port=587\nspring.mail.properties.mail.smtp.starttls.enable=true\nspring.mail.properties.mail.smtp.ssl.enable=false\n',
    },
    {
      name: "Django's default port 25 with EMAIL_USE_SSL (no related: the port is not written)",
      file: 'settings.py',
      text: 'EMAIL_HOST = "smtp.example.com"\nEMAIL_USE_SSL = True\nEMAIL_HOST_USER = "me"\n',
      // Port 25 to a remote host is also port-25-submission's warning: the message and the fix move to 587, never "keep port 25".
      errors: [{ messageId: 'implicitOnSubmissionPort25', line: 2 }],
      output: 'EMAIL_HOST = "smtp.example.com"\nEMAIL_USE_SSL = False\nEMAIL_HOST_USER = "me"\nEMAIL_PORT = 587\nEMAIL_USE_TLS = True\n',
    },
    {
      name: 'smtps:// on port 25 of a remote host: move to 587, as port-25-submission says',
      file: '.env',
      text: 'SMTP_URL=smtps://u:p@smtp.example.com:25\n',
      errors: [{ messageId: 'implicitOnSubmissionPort25', line: 1, related: [1] }],
      output: 'SMTP_URL=smtp://u:p@smtp.example.com:587\n',
    },
    {
      name: 'implicit TLS against a relay on the private network on port 25: STARTTLS on the same port',
      file: '.env',
      text: 'SMTP_HOST=10.0.0.5\nSMTP_PORT=25\nSMTP_SECURE=true\n',
      errors: [{ messageId: 'implicitOnStarttlsPort', line: 3, related: [2] }],
      output: 'SMTP_HOST=10.0.0.5\nSMTP_PORT=25\nSMTP_SECURE=false\n',
    },
  ],
});
