// Credentials on a connection that is upgraded with STARTTLS only when the server offers it. Whoever sits on the path
// can strip the offer from the EHLO reply (STRIPTLS), and the client then authenticates in plain text. Facts:
// nodemailer lib/smtp-connection/index.js (without requireTLS, a missing STARTTLS offer is not an error; with it the
// connection fails), PHPMailer src/PHPMailer.php smtpConnect() (SMTPAutoTLS upgrades only when offered; SMTPSecure
// 'tls' fails without it), the mail gem's enable_starttls_auto vs enable_starttls, Play mailer's tls vs tlsRequired,
// Symfony Mailer's automatic STARTTLS (smtp-facts.md, section C). A hint, not a warning: it takes an active attacker.

import { devMailCatcher, isDocumentationHost, isLocalOrPrivateHost } from '../facts/hosts';
import { IMPLICIT_TLS_PORTS } from '../facts/ports';
import { hostNameOf, providerRefusesPort } from '../model';
import { isTemplate, isUnset, looksTypedByUser } from '../values';
import { capitalize, defineRule, rangeOf } from './rule';

export const opportunisticStarttls = defineRule({
  id: 'opportunistic-starttls',
  severity: 'hint',
  title: 'Credentials sent over STARTTLS that is used only when offered (downgrade possible)',
  description:
    'A client that upgrades with STARTTLS only when the server offers it carries on in plain text when the offer is missing, and someone ' +
    'on the network path can remove it from the server\'s reply (a STRIPTLS downgrade): the user name and password then cross the network ' +
    'unencrypted. Make STARTTLS required where the library has a setting for it (nodemailer `requireTLS: true`, PHPMailer ' +
    '`SMTPSecure = \'tls\'`, Play `tlsRequired = yes`, the mail gem `enable_starttls: :always`), or use implicit TLS on port 465. ' +
    'A hint: it takes an active attacker. Not reported without a password (or with OAuth2), for software SMTP Doctor does not know, where the password or port is refused anyway, for hosts on this machine or a private network, for ' +
    'development mail catchers, or in documentation (a template\'s placeholder password, an example.com host, an app\'s shipped fallbacks without a password).',
  docs: {
    whatItDoes: 'Checks for a password sent on a connection that the library upgrades with STARTTLS only when the server offers it.',
    example: {
      file: 'config.json',
      bad: '{\n  "mail": {\n    "options": {\n      "host": "smtp.mailgun.org",\n      "port": 587,\n      "secure": false,\n      "auth": { "user": "app", "pass": "app-password" }\n    }\n  }\n}\n',
      good: '{\n  "mail": {\n    "options": {\n      "host": "smtp.mailgun.org",\n      "port": 587,\n      "secure": false,\n      "requireTLS": true,\n      "auth": { "user": "app", "pass": "app-password" }\n    }\n  }\n}\n',
    },
  },
  messages: {
    // {{advice}}: the framework's words for the setting that makes STARTTLS required, capitalised.
    canRequire: '{{advice}}: {{framework}} uses STARTTLS only if offered, so a downgrade exposes the password.',
    cannotRequire: 'Use implicit TLS on port 465: {{framework}} uses STARTTLS only if offered, so a downgrade exposes the password.',
  },
  details: {
    canRequire:
      '{{reason}}. Someone on the network path to {{host}} can remove STARTTLS from the server\'s EHLO reply (STRIPTLS); {{framework}} ' +
      'then authenticates in plain text instead of failing. {{advice}}: the connection then fails rather than falling back.',
    cannotRequire:
      '{{reason}}. Someone on the network path to {{host}} can remove STARTTLS from the server\'s EHLO reply (STRIPTLS); {{framework}} ' +
      'then authenticates in plain text, and SMTP Doctor knows no setting of it that makes STARTTLS required. Implicit TLS cannot be downgraded: {{advice}}.',
  },
  check(group, context) {
    const password = group.password?.value;
    if (group.tls.mode !== 'starttls-opportunistic' || password === undefined || isUnset(password) || group.oauth) return [];
    const host = hostNameOf(group);
    if (!host || isLocalOrPrivateHost(host) || devMailCatcher(host)) return [];
    // Documentation rather than a deployment holds no credential a downgrade could expose: a template's placeholder
    // password, a host reserved for examples (smtp.example.com in discourse/discourse_docker samples/standalone.yml),
    // or an app's shipped defaults, the host only an environment fallback and the password a variable nothing sets
    // (Laravel's config/mail.php: env('MAIL_HOST', 'smtp.mailgun.org'), env('MAIL_PASSWORD')).
    if (isDocumentationHost(host) || (context.isExample && !looksTypedByUser(password))) return [];
    if (group.host?.entry?.environment?.isFallback && isTemplate(password)) return [];
    // Against 465 (or a port the provider does not serve) nothing is sent at all: the error rules say so.
    if (group.port && (IMPLICIT_TLS_PORTS.has(group.port.value) || providerRefusesPort(group))) return [];
    // Where the software is unknown (the generic profile), whether it upgrades only when offered is a guess.
    if (group.profile.id === 'generic') return [];
    const framework = group.profile.name;
    const reason = capitalize(group.tls.reason);
    const range = rangeOf(group.port?.range && !group.port.isDefault ? group.port : undefined, group);
    const require = group.profile.requireStarttls;
    if (require) return [{ range, messageId: 'canRequire', data: { advice: capitalize(require.howTo), framework, host, reason } }];
    if (group.profile.noImplicitTls || !group.profile.howTo) return [];
    return [{ range, messageId: 'cannotRequire', data: { advice: `${group.profile.howTo.implicit} and use port 465`, framework, host, reason } }];
  },
  fix(group, _finding, context) {
    const require = group.profile.requireStarttls;
    if (!require?.key || require.value === undefined) return [];
    // The key is one of the profile's own (a KeySpec the software reads): set where written; added only where its spelling is safe (`add`).
    const value = typeof require.value === 'boolean' ? { kind: 'boolean' as const, value: require.value } : { kind: 'string' as const, value: require.value };
    const canAdd = require.add === true || (require.add === 'code' && context.inCode);
    if (!canAdd && !group.matches.some((match) => match.spec.key.split('|').includes(require.key!))) return [];
    return [{ title: 'Make STARTTLS required', preferred: true, edits: context.setKey(group, require.key, require.spelling, value) }];
  },
});
