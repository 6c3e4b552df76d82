import { tlsVerifyDisabled } from '../../../src/engine/rules/tls-verify-disabled';
import { testRule } from './tester';

testRule(tlsVerifyDisabled, {
  valid: [
    { name: 'verification on', file: '.env', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\nSMTP_TLS_REJECT_UNAUTHORIZED=true\n' },
    { name: 'a local bridge with its own certificate', file: '.env', text: 'SMTP_HOST=127.0.0.1\nSMTP_PORT=1025\nSMTP_TLS_REJECT_UNAUTHORIZED=false\n' },
    { name: 'NODE_TLS_REJECT_UNAUTHORIZED=0 without SMTP settings', file: '.env', text: 'NODE_TLS_REJECT_UNAUTHORIZED=0\nDATABASE_URL=postgres://db\n' },
  ],
  invalid: [
    {
      name: "nodemailer's rejectUnauthorized",
      file: '.env',
      text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\nSMTP_TLS_REJECT_UNAUTHORIZED=false\n',
      errors: [{ messageId: 'verifyOff', line: 3 }],
      output: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\n',
    },
    {
      name: "Node's process-wide switch beside SMTP settings",
      file: '.env',
      text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\nNODE_TLS_REJECT_UNAUTHORIZED=0\n',
      errors: [{ messageId: 'verifyOff', line: 3 }],
      output: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\n',
    },
    {
      name: 'Grafana skip_verify',
      file: 'grafana.ini',
      text: '[smtp]\nenabled = true\nhost = smtp.example.com:587\nskip_verify = true\n',
      errors: [{ messageId: 'verifyOff', line: 4 }],
      output: '[smtp]\nenabled = true\nhost = smtp.example.com:587\n',
    },
  ],
});
