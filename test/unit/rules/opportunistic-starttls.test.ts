import { opportunisticStarttls } from '../../../src/engine/rules/opportunistic-starttls';
import { testRule } from './tester';

const LARAVEL_MAIL = (host: string) =>
  `<?php\n\nreturn [\n    'mailers' => [\n        'smtp' => [\n            'transport' => 'smtp',\n            'host' => ${host},\n            'port' => 587,\n` +
  `            'username' => env('MAIL_USERNAME'),\n            'password' => env('MAIL_PASSWORD'),\n        ],\n    ],\n];\n`;

const GHOST = (options: string) => `{\n  "mail": {\n    "transport": "SMTP",\n    "options": {\n${options}\n    }\n  }\n}\n`;

testRule(opportunisticStarttls, {
  valid: [
    { name: 'nodemailer with requireTLS', file: 'config.production.json', text: GHOST('      "host": "smtp.mailgun.org",\n      "port": 587,\n      "requireTLS": true,\n      "auth": { "user": "postmaster@mg.example.com", "pass": "pw" }') },
    { name: 'implicit TLS on 465', file: 'config.production.json', text: GHOST('      "host": "smtp.mailgun.org",\n      "port": 465,\n      "secure": true,\n      "auth": { "user": "postmaster@mg.example.com", "pass": "pw" }') },
    { name: 'no password: nothing to expose', file: 'config.production.json', text: GHOST('      "host": "smtp.mailgun.org",\n      "port": 587,\n      "secure": false') },
    { name: 'a host on this machine', file: 'config.production.json', text: GHOST('      "host": "localhost",\n      "port": 587,\n      "secure": false,\n      "auth": { "user": "me", "pass": "pw" }') },
    { name: 'a development mail catcher', file: '.env', text: 'MAIL_MAILER=smtp\nMAIL_HOST=sandbox.smtp.mailtrap.io\nMAIL_PORT=2525\nMAIL_USERNAME=abc\nMAIL_PASSWORD=def\n' },
    { name: 'a Compose service name', file: '.env', text: 'MAIL_MAILER=smtp\nMAIL_HOST=postfix\nMAIL_PORT=587\nMAIL_USERNAME=abc\nMAIL_PASSWORD=def\n' },
    { name: 'STARTTLS required (Django EMAIL_USE_TLS)', file: 'settings.py', text: 'EMAIL_HOST = "smtp.example.com"\nEMAIL_PORT = 587\nEMAIL_USE_TLS = True\nEMAIL_HOST_PASSWORD = "pw"\n' },
    { name: 'unknown software (generic SMTP_* keys)', file: '.env', text: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\nSMTP_USERNAME=me\nSMTP_PASSWORD=pw\n' },
    { name: 'the host is a variable', file: '.env', text: 'MAIL_MAILER=smtp\nMAIL_HOST=${SMTP_HOST}\nMAIL_PORT=587\nMAIL_USERNAME=abc\nMAIL_PASSWORD=def\n' },
    { name: 'a host reserved for documentation (RFC 2606)', file: '.env', text: 'MAIL_MAILER=smtp\nMAIL_HOST=smtp.example.com\nMAIL_PORT=587\nMAIL_USERNAME=abc\nMAIL_PASSWORD=Summer-2026!\n' },
    { name: "a template's placeholder password", file: '.env.example', text: 'MAIL_MAILER=smtp\nMAIL_HOST=smtp.mailgun.org\nMAIL_PORT=587\nMAIL_USERNAME=abc\nMAIL_PASSWORD=YOURPASSWORD\n' },
    { name: "an app's shipped fallbacks: env('MAIL_HOST', …) and a password nothing sets", file: 'config/mail.php', text: LARAVEL_MAIL("env('MAIL_HOST', 'smtp.mailgun.org')") },
  ],
  invalid: [
    {
      name: 'nodemailer without requireTLS: no fix adds a camelCase key',
      file: 'config.production.json',
      text: GHOST('      "auth": { "user": "postmaster@mg.example.com", "pass": "pw" },\n      "host": "smtp.mailgun.org",\n      "port": 587,\n      "secure": false'),
      errors: [{ messageId: 'canRequire', line: 7 }],
    },
    {
      name: 'Spring with starttls.enable: starttls.required is added',
      file: 'application.properties',
      text: 'spring.mail.host=smtp.mailgun.org\nspring.mail.port=587\nspring.mail.username=postmaster@mg.example.com\nspring.mail.password=pw\nspring.mail.properties.mail.smtp.starttls.enable=true\n',
      errors: [{ messageId: 'canRequire', line: 2 }],
      output: 'spring.mail.host=smtp.mailgun.org\nspring.mail.port=587\nspring.mail.username=postmaster@mg.example.com\nspring.mail.password=pw\nspring.mail.properties.mail.smtp.starttls.required=true\nspring.mail.properties.mail.smtp.starttls.enable=true\n',
    },
    {
      name: 'nodemailer with requireTLS false: the setting is turned on',
      file: 'config.production.json',
      text: GHOST('      "host": "smtp.mailgun.org",\n      "port": 587,\n      "requireTLS": false,\n      "auth": { "user": "postmaster@mg.example.com", "pass": "pw" }'),
      errors: [{ messageId: 'canRequire', line: 6 }],
      output: GHOST('      "host": "smtp.mailgun.org",\n      "port": 587,\n      "requireTLS": true,\n      "auth": { "user": "postmaster@mg.example.com", "pass": "pw" }'),
    },
    {
      name: 'Laravel: Symfony Mailer upgrades only when offered and has no key to require it',
      file: '.env',
      text: 'MAIL_MAILER=smtp\nMAIL_HOST=smtp.mailgun.org\nMAIL_PORT=587\nMAIL_USERNAME=postmaster@mg.example.com\nMAIL_PASSWORD=pw\n',
      errors: [{ messageId: 'cannotRequire', line: 3 }],
    },
    {
      name: 'a password typed into a template is a credential',
      file: '.env.example',
      text: 'MAIL_MAILER=smtp\nMAIL_HOST=smtp.mailgun.org\nMAIL_PORT=587\nMAIL_USERNAME=abc\nMAIL_PASSWORD=Summer-2026!\n',
      errors: [{ messageId: 'cannotRequire', line: 3 }],
    },
    {
      name: 'a written host with the password from the environment: the file decides where the password goes',
      file: 'config/mail.php',
      text: LARAVEL_MAIL("'smtp.mailgun.org'"),
      errors: [{ messageId: 'cannotRequire', line: 8 }],
    },
  ],
});
