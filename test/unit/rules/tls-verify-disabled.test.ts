import { tlsVerifyDisabled } from '../../../src/engine/rules/tls-verify-disabled';
import { testRule } from './tester';

testRule(tlsVerifyDisabled, {
  valid: [
    { name: 'verification on', file: '.env', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\nSMTP_TLS_REJECT_UNAUTHORIZED=true\n' },
    { name: 'a local bridge with its own certificate', file: '.env', text: 'SMTP_HOST=127.0.0.1\nSMTP_PORT=1025\nSMTP_TLS_REJECT_UNAUTHORIZED=false\n' },
    {
      name: 'the sameersbn/gitlab image told to verify',
      file: 'docker-compose.yml',
      text: '- SMTP_HOST=smtp.mailgun.org\n- SMTP_PORT=587\n- SMTP_PASS=x\n- SMTP_STARTTLS=true\n- SMTP_AUTHENTICATION=plain\n- SMTP_OPENSSL_VERIFY_MODE=peer\n',
    },
    {
      name: 'the same words without the image\'s signature pair (SMTP_STARTTLS alone is common)',
      file: '.env',
      text: 'SMTP_HOST=smtp.mailgun.org\nSMTP_PORT=587\nSMTP_STARTTLS=true\n',
    },
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
    {
      // sameersbn/docker-gitlab env-defaults: SMTP_OPENSSL_VERIFY_MODE=${SMTP_OPENSSL_VERIFY_MODE:-none} (issue 1008's list).
      name: 'the sameersbn/gitlab image, whose verify mode defaults to none',
      file: 'docker-compose.yml',
      text: '- SMTP_HOST=smtp.mailgun.org\n- SMTP_PORT=587\n- SMTP_PASS=x\n- SMTP_STARTTLS=true\n- SMTP_AUTHENTICATION=plain\n',
      errors: [{ messageId: 'verifyOffByDefault', line: 1 }],
    },
  ],
});
