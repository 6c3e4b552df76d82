// Mattermost EmailSettings (config.json) and MM_EMAILSETTINGS_* environment variables.

import type { FrameworkProfile } from './types';

export const mattermost: FrameworkProfile<'mattermost'> = {
  id: 'mattermost',
  name: 'Mattermost',
  docs: 'https://docs.mattermost.com/configure/environment-configuration-settings.html#smtp-email-server',
  // config.json's EmailSettings, and the same settings as environment variables, where each name is one
  // upper-case word: MM_EMAILSETTINGS_SMTPSERVER, MM_EMAILSETTINGS_CONNECTIONSECURITY (Mattermost docs,
  // "Environment configuration settings": every setting lists its MM_<SECTION>_<SETTING> variable).
  // "EmailSettings" is also a common section name in .NET appsettings.json (SmtpServer, SmtpPort, UseSsl): the
  // section is Mattermost's only with one of Mattermost's own keys in it.
  prefixes: [{ words: 'email settings', needsSignature: true }, { words: 'mm emailsettings' }],
  keys: [
    { key: 'smtp server|smtpserver', role: 'host' },
    { key: 'smtp port|smtpport', role: 'port' },
    { key: 'smtp username|smtpusername', role: 'user' },
    { key: 'smtp password|smtppassword', role: 'password' },
    {
      key: 'connection security|connectionsecurity',
      role: 'secure',
      tls: { kind: 'enum', values: { '': 'none', tls: 'implicit', starttls: 'starttls-required' } },
    },
    { key: 'skip server certificate verification|skipservercertificateverification', role: 'verify', verifyOffWhen: 'true' },
  ],
  signature: ['connection security', 'enable smtp auth', 'send email notifications', 'feedback email', 'skip server certificate verification'],
  tlsDefault: { otherwise: 'none' },
  tlsRecipe: {
    // EmailSettings.ConnectionSecurity: "" (none), "STARTTLS", "TLS" (implicit).
    starttls: { keys: [{ key: 'connection security', value: 'STARTTLS', add: true, keep: /^starttls$/i, spelling: 'ConnectionSecurity' }] },
    implicit: { keys: [{ key: 'connection security', value: 'TLS', add: true, keep: /^tls$/i, spelling: 'ConnectionSecurity' }] },
  },
  howTo: { starttls: 'set "ConnectionSecurity": "STARTTLS"', implicit: 'set "ConnectionSecurity": "TLS"' },
};
