// nodemailer's well-known service names (`service: 'gmail'`, SMTP_SERVICE=gmail in Outline, Ghost and many
// nodemailer apps): the name picks the host. Source: nodemailer/nodemailer lib/well-known/services.json
// (commit 01ae76f); lib/well-known/index.js (604b570) looks up the name, an alias or a domain (the part after
// an `@`), lower case and stripped of every character but letters, digits, dots and dashes. Only the names
// whose host a provider rule knows and a few common others are listed: an unlisted name says nothing.

export interface WellKnownService {
  host: string;
}

const SERVICES: readonly { names: readonly string[]; host: string }[] = [
  { names: ['gmail', 'google mail', 'gmail.com', 'googlemail.com'], host: 'smtp.gmail.com' },
  { names: ['hotmail', 'outlook', 'outlook.com', 'hotmail.com'], host: 'smtp-mail.outlook.com' },
  { names: ['outlook365'], host: 'smtp.office365.com' },
  { names: ['yahoo', 'yahoo.com'], host: 'smtp.mail.yahoo.com' },
  { names: ['aol', 'aol.com'], host: 'smtp.aol.com' },
  { names: ['icloud', 'me', 'mac', 'me.com', 'mac.com'], host: 'smtp.mail.me.com' },
  { names: ['zoho'], host: 'smtp.zoho.com' },
  { names: ['fastmail', 'fastmail.fm'], host: 'smtp.fastmail.com' },
  { names: ['sendgrid'], host: 'smtp.sendgrid.net' },
  { names: ['mailgun'], host: 'smtp.mailgun.org' },
  { names: ['postmark', 'postmarkapp'], host: 'smtp.postmarkapp.com' },
  { names: ['sendinblue', 'brevo'], host: 'smtp-relay.brevo.com' },
  { names: ['mailjet'], host: 'in.mailjet.com' },
  { names: ['sparkpost', 'sparkpost mail', 'sparkpost.com'], host: 'smtp.sparkpostmail.com' },
  { names: ['mandrill'], host: 'smtp.mandrillapp.com' },
  { names: ['resend'], host: 'smtp.resend.com' },
  { names: ['ses', 'ses-us-east-1'], host: 'email-smtp.us-east-1.amazonaws.com' },
  { names: ['mailtrap'], host: 'live.smtp.mailtrap.io' },
  { names: ['proton', 'protonmail', 'proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me'], host: 'smtp.protonmail.ch' },
  { names: ['gmx', 'gmx.com', 'gmx.net', 'gmx.de'], host: 'mail.gmx.com' },
  { names: ['yandex', 'yandex.ru'], host: 'smtp.yandex.ru' },
  { names: ['qq', 'qq.com'], host: 'smtp.qq.com' },
  { names: ['163'], host: 'smtp.163.com' },
  { names: ['126'], host: 'smtp.126.com' },
  { names: ['mail.ru'], host: 'smtp.mail.ru' },
];

/** nodemailer's normalizeKey. */
function normalise(name: string): string {
  return name.split('@').pop()!.replace(/[^a-zA-Z0-9.-]/g, '').toLowerCase();
}

const BY_NAME: ReadonlyMap<string, WellKnownService> = new Map(
  SERVICES.flatMap((service) => service.names.map((name) => [normalise(name), { host: service.host }] as const)),
);

/** The service nodemailer connects to for this `service` value, if it is one of the listed names. */
export function wellKnownService(value: string): WellKnownService | undefined {
  return BY_NAME.get(normalise(value));
}
