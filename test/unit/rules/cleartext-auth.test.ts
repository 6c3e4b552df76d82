import { cleartextAuth } from '../../../src/engine/rules/cleartext-auth';
import { testRule } from './tester';

testRule(cleartextAuth, {
  valid: [
    { name: 'STARTTLS on', file: 'settings.py', text: 'EMAIL_HOST = "smtp.example.com"\nEMAIL_PORT = 587\nEMAIL_USE_TLS = True\nEMAIL_HOST_PASSWORD = "pw"\n' },
    { name: 'a host on a private network', file: 'settings.py', text: 'EMAIL_HOST = "192.168.1.5"\nEMAIL_PORT = 587\nEMAIL_HOST_PASSWORD = "pw"\n' },
    { name: 'no password', file: 'settings.py', text: 'EMAIL_HOST = "smtp.example.com"\nEMAIL_PORT = 587\nEMAIL_HOST_USER = "me"\n' },
    {
      // The connection hangs before any password is sent: plaintext-on-implicit-tls-port says so.
      name: 'a password with TLS off on 465 (superseded by plaintext-on-implicit-tls-port)',
      file: 'settings.py',
      text: 'EMAIL_HOST = "smtp.example.com"\nEMAIL_PORT = 465\nEMAIL_HOST_PASSWORD = "pw"\n',
    },
  ],
  invalid: [
    {
      name: "Django's default of no encryption",
      file: 'settings.py',
      text: 'EMAIL_HOST = "smtp.example.com"\nEMAIL_PORT = 587\nEMAIL_HOST_PASSWORD = "pw"\n',
      errors: [{ messageId: 'notEncryptedByDefault', line: 3 }],
      output: 'EMAIL_HOST = "smtp.example.com"\nEMAIL_PORT = 587\nEMAIL_HOST_PASSWORD = "pw"\nEMAIL_USE_TLS = True\n',
    },
    {
      name: 'a setting that switches TLS off, pointing at the password',
      file: 'settings.py',
      text: 'EMAIL_HOST = "smtp.example.com"\nEMAIL_PORT = 587\nEMAIL_USE_TLS = False\nEMAIL_HOST_PASSWORD = "pw"\n',
      errors: [{ messageId: 'tlsSwitchedOff', line: 3, related: [4] }],
      output: 'EMAIL_HOST = "smtp.example.com"\nEMAIL_PORT = 587\nEMAIL_USE_TLS = True\nEMAIL_HOST_PASSWORD = "pw"\n',
    },
    {
      name: 'nodemailer ignoreTLS',
      file: '.env',
      text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\nSMTP_IGNORE_TLS=true\nSMTP_PASS=secret\n',
      errors: [{ messageId: 'tlsSwitchedOff', line: 3, related: [4] }],
      output: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\nSMTP_IGNORE_TLS=false\nSMTP_PASS=secret\n',
    },
    {
      name: 'Symfony auto_tls=false in the DSN (no fix writes a DSN option away)',
      file: '.env',
      text: 'MAILER_DSN=smtp://user:pass@smtp.example.com:587?auto_tls=false\n',
      errors: [{ messageId: 'tlsSwitchedOff', line: 1, related: [1] }],
    },
    {
      name: 'a password with TLS off on 465 once plaintext-on-implicit-tls-port is off',
      file: 'settings.py',
      text: 'EMAIL_HOST = "smtp.example.com"\nEMAIL_PORT = 465\nEMAIL_HOST_PASSWORD = "pw"\n',
      options: { rules: { 'plaintext-on-implicit-tls-port': 'off' } },
      errors: [{ messageId: 'notEncryptedByDefault', line: 3 }],
      output: 'EMAIL_HOST = "smtp.example.com"\nEMAIL_PORT = 465\nEMAIL_HOST_PASSWORD = "pw"\nEMAIL_USE_TLS = True\n',
    },
  ],
});
