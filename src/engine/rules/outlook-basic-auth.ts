import { isUnset } from '../values';
import { defineRule, rangeOf } from './rule';

const ADVICE = 'switch to OAuth2 (XOAUTH2), or send through a relay or mail service that accepts API keys';

export const outlookBasicAuth = defineRule({
  id: 'outlook-basic-auth',
  severity: 'warning',
  title: 'Outlook.com or Microsoft 365 SMTP with a password instead of OAuth2',
  description:
    'Outlook.com refuses passwords for SMTP since September 2024, and Microsoft 365 (Exchange Online) is retiring basic authentication for ' +
    'SMTP AUTH (off by default for existing tenants from the end of December 2026). Use OAuth2 (XOAUTH2) with a token, Microsoft\'s High Volume ' +
    'Email or Azure Communication Services, or a transactional mail service.',
  docs: {
    whatItDoes: 'Checks for a user name and password (basic authentication) sent to Outlook.com or Microsoft 365, instead of an OAuth2 token.',
    example: {
      file: 'application.yml',
      bad: 'spring:\n  mail:\n    host: smtp.office365.com\n    port: 587\n    username: app@example.com\n    password: ${MAIL_PASSWORD}\n    properties:\n      mail.smtp.starttls.enable: true\n',
      good: 'spring:\n  mail:\n    host: smtp.office365.com\n    port: 587\n    username: app@example.com\n    password: ${MAIL_OAUTH_TOKEN}\n    properties:\n      mail.smtp.auth.mechanisms: XOAUTH2\n      mail.smtp.starttls.enable: true\n',
    },
  },
  // By provider id. Microsoft's timelines, as last verified (shared/reference/smtp-facts.md, B1; 2026-11).
  // The password or the port will not work at all: that comes before hardening the STARTTLS it goes over.
  supersedes: ['opportunistic-starttls'],
  messages: {
    outlook: 'Switch to OAuth2 (XOAUTH2) or a mail service with API keys: Outlook.com has refused SMTP passwords since 16 September 2024.',
    microsoft365: 'Switch to OAuth2 (XOAUTH2) or a mail service with API keys: Microsoft 365 turns SMTP passwords off by default from December 2026.',
  },
  details: {
    outlook:
      'Outlook.com stopped accepting passwords and app passwords from other apps on 16 September 2024: SMTP login needs OAuth2 (XOAUTH2), ' +
      `and this login is refused with "535 5.7.139 Authentication unsuccessful, basic authentication is disabled"; ${ADVICE}.`,
    microsoft365:
      'Microsoft is retiring basic authentication (user name + password) for SMTP AUTH in Exchange Online: it is switched off by default for ' +
      `existing tenants at the end of December 2026, and Microsoft will announce the final removal date in the second half of 2027; ${ADVICE}.`,
  },
  check(group) {
    const provider = group.provider;
    const messageId = provider?.id === 'outlook' || provider?.id === 'microsoft365' ? provider.id : undefined;
    if (!messageId || group.oauth || !group.password || isUnset(group.password.value)) return [];
    return [{ range: rangeOf(group.password, group), messageId }];
  },
});
