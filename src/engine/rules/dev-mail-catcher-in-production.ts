import { DEV_CATCHER_PORT, devMailCatcher, isLoopbackHost } from '../facts/hosts';
import { hostNameOf } from '../model';
import { defineRule, rangeOf } from './rule';

export const devMailCatcherInProduction = defineRule({
  id: 'dev-mail-catcher-in-production',
  severity: 'warning',
  title: 'A development mail catcher in a production configuration',
  description:
    'Mailpit, MailHog, MailDev, smtp4dev and Mailtrap\'s sandbox catch mail for testing: nothing sent to them reaches a real inbox. In a ' +
    'production file (`.env.production`, `application-prod.yml`, `appsettings.Production.json`…) that means password resets and ' +
    'receipts silently vanish. Point production at a real SMTP server.',
  docs: {
    whatItDoes: 'Checks for a development mail catcher (Mailpit, MailHog, MailDev, smtp4dev, Mailtrap\'s sandbox) as the mail server of a production configuration.',
    example: {
      file: '.env.production',
      bad: 'SMTP_HOST=mailpit\nSMTP_PORT=1025\n',
      good: 'SMTP_HOST=smtp.sendgrid.net\nSMTP_PORT=587\nSMTP_USER=apikey\nSMTP_PASS=${SENDGRID_API_KEY}\n',
    },
  },
  messages: {
    catcherInProduction: 'Point this production configuration at your real SMTP server: mail sent to {{catcher}}, a development mail catcher, reaches no one.',
  },
  details: {
    catcherInProduction:
      '{{catcher}} is where development mail catchers (Mailpit, MailHog, MailDev) listen: they keep mail for testing, so password resets ' +
      'and receipts sent from production never reach an inbox.',
  },
  check(group, context) {
    if (context.environment !== 'production') return [];
    const host = hostNameOf(group);
    if (!host) return [];
    const catcher = devMailCatcher(host) ?? (isLoopbackHost(host) && group.port?.value === DEV_CATCHER_PORT && !group.port.isDefault ? `${host}:${DEV_CATCHER_PORT}` : undefined);
    if (!catcher) return [];
    return [{ range: rangeOf(group.host, group), messageId: 'catcherInProduction', data: { catcher } }];
  },
});
