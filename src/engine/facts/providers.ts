// Mail providers' SMTP endpoints. Sources for every row are in
// shared/reference/smtp-facts.md (section B); last verified 2026-11.

export type ProviderAuth =
  | 'app-password' // account password refused; an app password (or OAuth2) is needed
  | 'oauth2-only' // basic auth refused outright
  | 'basic-auth-retiring' // basic auth still possible but being retired
  | 'api-key' // the provider's SMTP credentials / API key
  | 'password';

export interface Provider {
  id: string;
  name: string;
  /** Host names, lower case. A pattern matches regional variants. */
  hosts: readonly (string | RegExp)[];
  /** Ports that speak plaintext first (STARTTLS). */
  starttlsPorts: readonly number[];
  /** Ports that speak implicit TLS. */
  implicitPorts: readonly number[];
  /** Only providers whose full port list is documented are checked for unsupported ports. */
  portListComplete: boolean;
  recommended: { port: number; tls: 'starttls' | 'implicit' };
  auth: ProviderAuth;
  /** A fixed user name the provider expects, if any. */
  username?: string;
  /**
   * Where an app password is created, for providers whose app passwords are 16 letters (spaces and dashes aside):
   * Google ("16-character code", 4×4 letters), Yahoo (16 characters), Apple (xxxx-xxxx-xxxx-xxxx). smtp-facts.md §B.
   */
  appPasswordsAt?: string;
  docs: string;
}

export const PROVIDERS: readonly Provider[] = [
  {
    id: 'gmail',
    name: 'Gmail / Google Workspace',
    hosts: ['smtp.gmail.com', 'smtp.googlemail.com'],
    starttlsPorts: [25, 587],
    implicitPorts: [465],
    portListComplete: true,
    recommended: { port: 587, tls: 'starttls' },
    auth: 'app-password',
    appPasswordsAt: 'https://myaccount.google.com/apppasswords',
    docs: 'https://support.google.com/mail/answer/185833',
  },
  {
    id: 'google-relay',
    name: 'Google Workspace SMTP relay',
    hosts: ['smtp-relay.gmail.com'],
    starttlsPorts: [25, 587],
    implicitPorts: [465],
    portListComplete: true,
    recommended: { port: 587, tls: 'starttls' },
    auth: 'password',
    docs: 'https://support.google.com/a/answer/2956491',
  },
  {
    id: 'outlook',
    name: 'Outlook.com',
    hosts: ['smtp-mail.outlook.com', 'smtp.live.com'],
    starttlsPorts: [25, 587],
    implicitPorts: [],
    portListComplete: true,
    recommended: { port: 587, tls: 'starttls' },
    auth: 'oauth2-only',
    docs: 'https://support.microsoft.com/office/pop-imap-and-smtp-settings-for-outlook-com-d088b986-291d-42b8-9564-9c414e2aa040',
  },
  {
    id: 'microsoft365',
    name: 'Microsoft 365 / Exchange Online',
    hosts: ['smtp.office365.com', 'smtp-legacy.office365.com'],
    starttlsPorts: [25, 587],
    implicitPorts: [],
    portListComplete: true,
    recommended: { port: 587, tls: 'starttls' },
    auth: 'basic-auth-retiring',
    docs: 'https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission',
  },
  {
    id: 'yahoo',
    name: 'Yahoo Mail',
    hosts: ['smtp.mail.yahoo.com'],
    starttlsPorts: [587],
    implicitPorts: [465],
    portListComplete: false,
    recommended: { port: 587, tls: 'starttls' },
    auth: 'app-password',
    appPasswordsAt: 'https://login.yahoo.com/account/security',
    docs: 'https://help.yahoo.com/kb/SLN4075.html',
  },
  {
    id: 'icloud',
    name: 'iCloud Mail',
    hosts: ['smtp.mail.me.com'],
    starttlsPorts: [587],
    implicitPorts: [],
    portListComplete: false,
    recommended: { port: 587, tls: 'starttls' },
    auth: 'app-password',
    appPasswordsAt: 'https://account.apple.com',
    docs: 'https://support.apple.com/102525',
  },
  {
    id: 'zoho',
    name: 'Zoho Mail',
    hosts: [/^smtp(pro)?\.zoho\.(com|eu|in|com\.au|jp|com\.cn|sa)$/],
    starttlsPorts: [587],
    implicitPorts: [465],
    portListComplete: true,
    recommended: { port: 587, tls: 'starttls' },
    auth: 'password',
    docs: 'https://www.zoho.com/mail/help/zoho-smtp.html',
  },
  {
    id: 'fastmail',
    name: 'Fastmail',
    hosts: ['smtp.fastmail.com'],
    starttlsPorts: [587],
    implicitPorts: [465],
    portListComplete: true,
    recommended: { port: 465, tls: 'implicit' },
    auth: 'app-password',
    docs: 'https://www.fastmail.help/hc/en-us/articles/1500000278342',
  },
  {
    id: 'ses',
    name: 'Amazon SES',
    hosts: [/^email-smtp(-fips)?\.[a-z0-9-]+\.amazonaws\.com$/],
    starttlsPorts: [25, 587, 2587],
    implicitPorts: [465, 2465],
    portListComplete: true,
    recommended: { port: 587, tls: 'starttls' },
    auth: 'api-key',
    docs: 'https://docs.aws.amazon.com/ses/latest/dg/smtp-connect.html',
  },
  {
    id: 'sendgrid',
    name: 'SendGrid',
    hosts: ['smtp.sendgrid.net'],
    starttlsPorts: [25, 587, 2525],
    implicitPorts: [465],
    portListComplete: true,
    recommended: { port: 587, tls: 'starttls' },
    auth: 'api-key',
    username: 'apikey',
    docs: 'https://www.twilio.com/docs/sendgrid/for-developers/sending-email/integrating-with-the-smtp-api',
  },
  {
    id: 'mailgun',
    name: 'Mailgun',
    hosts: ['smtp.mailgun.org', 'smtp.eu.mailgun.org'],
    starttlsPorts: [25, 587, 2525],
    implicitPorts: [465],
    portListComplete: true,
    recommended: { port: 587, tls: 'starttls' },
    auth: 'api-key',
    docs: 'https://documentation.mailgun.com/docs/mailgun/user-manual/smtp-protocol/',
  },
  {
    id: 'postmark',
    name: 'Postmark',
    hosts: ['smtp.postmarkapp.com', 'smtp-broadcasts.postmarkapp.com'],
    starttlsPorts: [25, 587, 2525],
    implicitPorts: [],
    portListComplete: true,
    recommended: { port: 587, tls: 'starttls' },
    auth: 'api-key',
    docs: 'https://postmarkapp.com/support/article/811-what-are-the-smtp-details-api-tokens-i-should-be-using',
  },
  {
    id: 'brevo',
    name: 'Brevo (Sendinblue)',
    hosts: ['smtp-relay.brevo.com', 'smtp-relay.sendinblue.com'],
    starttlsPorts: [587, 2525],
    implicitPorts: [465],
    portListComplete: true,
    recommended: { port: 587, tls: 'starttls' },
    auth: 'api-key',
    docs: 'https://developers.brevo.com/docs/smtp-integration',
  },
  {
    id: 'mailjet',
    name: 'Mailjet',
    hosts: ['in-v3.mailjet.com'],
    starttlsPorts: [25, 587, 2525],
    implicitPorts: [465],
    portListComplete: false,
    recommended: { port: 587, tls: 'starttls' },
    auth: 'api-key',
    docs: 'https://documentation.mailjet.com/hc/en-us/articles/360043229473',
  },
  {
    id: 'sparkpost',
    name: 'SparkPost',
    hosts: ['smtp.sparkpostmail.com', 'smtp.eu.sparkpostmail.com'],
    starttlsPorts: [587, 2525],
    implicitPorts: [],
    portListComplete: true,
    recommended: { port: 587, tls: 'starttls' },
    auth: 'api-key',
    username: 'SMTP_Injection',
    docs: 'https://developers.sparkpost.com/api/smtp/',
  },
  {
    id: 'mandrill',
    name: 'Mailchimp Transactional (Mandrill)',
    hosts: ['smtp.mandrillapp.com'],
    starttlsPorts: [25, 587, 2525],
    implicitPorts: [465],
    portListComplete: true,
    recommended: { port: 587, tls: 'starttls' },
    auth: 'api-key',
    docs: 'https://mailchimp.com/developer/transactional/docs/smtp-integration/',
  },
  {
    id: 'resend',
    name: 'Resend',
    hosts: ['smtp.resend.com'],
    starttlsPorts: [25, 587, 2587],
    implicitPorts: [465, 2465],
    portListComplete: true,
    recommended: { port: 465, tls: 'implicit' },
    auth: 'api-key',
    username: 'resend',
    docs: 'https://resend.com/docs/send-with-smtp',
  },
];

export function findProvider(host: string): Provider | undefined {
  const h = host.toLowerCase().replace(/\.$/, '');
  return PROVIDERS.find((provider) => provider.hosts.some((pattern) => (typeof pattern === 'string' ? pattern === h : pattern.test(h))));
}

/** Exact host names, for spotting typos such as smtp.gmial.com. */
export const PROVIDER_HOST_NAMES: readonly string[] = PROVIDERS.flatMap((provider) =>
  provider.hosts.filter((pattern): pattern is string => typeof pattern === 'string'),
);

export function providerPorts(provider: Provider): number[] {
  return [...provider.starttlsPorts, ...provider.implicitPorts].sort((a, b) => a - b);
}
