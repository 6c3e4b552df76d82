// .NET System.Net.Mail SmtpClient settings in appsettings.json and the like, and `new SmtpClient(host, port)
// { EnableSsl = … }` in C# (src/engine/code/csharp.ts): EnableSsl is STARTTLS; there is no implicit TLS.
// Source: learn.microsoft.com SmtpClient.EnableSsl (smtp-facts.md, section C); dotnet/runtime
// src/libraries/System.Net.Mail/src/System/Net/Mail/SmtpConnection.cs sends STARTTLS after EHLO when EnableSsl is
// set and never wraps the socket first. `ServicePointManager.ServerCertificateValidationCallback = … => true`
// (read from code only) accepts every certificate.

import type { FrameworkProfile } from './types';

export const systemNetMail: FrameworkProfile<'system-net-mail'> = {
  id: 'system-net-mail',
  name: '.NET System.Net.Mail',
  docs: 'https://learn.microsoft.com/dotnet/api/system.net.mail.smtpclient.enablessl',
  prefixes: [
    { words: 'smtp', needsSignature: true },
    { words: 'email', needsSignature: true },
    { words: 'mail', needsSignature: true },
    { words: 'smtp settings', needsSignature: true },
    { words: 'email settings', needsSignature: true },
    { words: 'mail settings', needsSignature: true },
    { words: 'smtp options', needsSignature: true },
    { words: 'email options', needsSignature: true },
    { words: 'smtp client', needsSignature: true },
    { words: 'smtp config', needsSignature: true },
  ],
  keys: [
    { key: 'host|server', role: 'host' },
    { key: 'port', role: 'port' },
    { key: 'user name|username|user', role: 'user' },
    { key: 'password', role: 'password' },
    // EnableSsl means STARTTLS (RFC 3207); SmtpClient cannot speak implicit TLS at all.
    { key: 'enable ssl', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-required' } },
    { key: 'server certificate validation callback', role: 'verify', verifyOffWhen: ['accept-all'] },
  ],
  signature: ['enable ssl', 'default credentials', 'use default credentials', 'delivery method'],
  tlsDefault: { otherwise: 'none' },
  noImplicitTls: true,
  tlsRecipe: {
    // EnableSsl is STARTTLS; SmtpClient cannot do implicit TLS.
    starttls: { keys: [{ key: 'enable ssl', value: true, add: true, spelling: 'enableSsl' }] },
  },
  howTo: {
    starttls: 'set EnableSsl to true',
    implicit: 'use port 587 with EnableSsl (SmtpClient has no implicit TLS)',
  },
};
