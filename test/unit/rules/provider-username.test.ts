import { providerUsername } from '../../../src/engine/rules/provider-username';
import { testRule } from './tester';

const SENDGRID = 'SMTP_HOST=smtp.sendgrid.net\nSMTP_PORT=587\n';

testRule(providerUsername, {
  valid: [
    { name: 'SendGrid with apikey', file: '.env', text: `${SENDGRID}SMTP_USER=apikey\nSMTP_PASS=SG.x\n` },
    { name: 'a user name read from a variable', file: '.env', text: `${SENDGRID}SMTP_USER=\${SENDGRID_USER}\n` },
    { name: 'a stand-in in an example file', file: '.env.example', text: `${SENDGRID}SMTP_USER=alerts@acme.io\n` },
    { name: 'a provider without a fixed user name (Mailgun)', file: '.env', text: 'SMTP_HOST=smtp.mailgun.org\nSMTP_PORT=587\nSMTP_USER=postmaster@mg.example.com\n' },
    { name: "Resend's user in another letter case", file: '.env', text: 'SMTP_HOST=smtp.resend.com\nSMTP_PORT=465\nSMTP_USER=Resend\n' },
  ],
  invalid: [
    {
      name: 'SendGrid with the account address',
      file: '.env',
      text: `${SENDGRID}SMTP_USER=alerts@acme.io\nSMTP_PASS=SG.x\n`,
      errors: [{ messageId: 'fixedUsername', line: 3 }],
      output: `${SENDGRID}SMTP_USER=apikey\nSMTP_PASS=SG.x\n`,
    },
    {
      name: 'SparkPost in a Spring YAML file',
      file: 'application.yml',
      text: 'spring:\n  mail:\n    host: smtp.sparkpostmail.com\n    port: 587\n    username: "me"\n',
      errors: [{ messageId: 'fixedUsername', line: 5 }],
      output: 'spring:\n  mail:\n    host: smtp.sparkpostmail.com\n    port: 587\n    username: "SMTP_Injection"\n',
    },
  ],
});
