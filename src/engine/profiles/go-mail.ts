// go-mail (github.com/wneessen/go-mail), as called from Go (src/engine/code/go.ts):
// `mail.NewClient(host, mail.WithPort(…), mail.WithSSL(), mail.WithTLSPolicy(…), mail.WithTLSConfig(…))`.
// Source: wneessen/go-mail client.go: DefaultPort 25 and DefaultTLSPolicy TLSMandatory (STARTTLS required);
// WithSSL only turns on implicit TLS (the port stays as set, 25 by default); WithSSLPort also sets 465;
// WithTLSPolicy(NoTLS / TLSOpportunistic / TLSMandatory). No password is read: go-mail's PLAIN and LOGIN refuse
// an unencrypted connection unless told otherwise (SMTPAuthPlainNoEnc).

import type { FrameworkProfile } from './types';

export const goMail: FrameworkProfile<'go-mail'> = {
  id: 'go-mail',
  name: 'go-mail',
  docs: 'https://pkg.go.dev/github.com/wneessen/go-mail#Client',
  prefixes: [],
  keys: [
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port', default: '25', defaultWithImplicitTls: '25' },
    { key: 'ssl', role: 'secure', tls: { kind: 'implicit-flag' } },
    {
      key: 'tls policy',
      role: 'starttls',
      default: 'tlsmandatory',
      tls: { kind: 'enum', values: { tlsmandatory: 'starttls-required', tlsopportunistic: 'starttls-opportunistic', notls: 'none' } },
    },
    { key: 'tls config insecure skip verify', role: 'verify', verifyOffWhen: 'true' },
  ],
  tlsDefault: { otherwise: 'starttls-required' },
  // The options are calls (mail.WithSSL()): nothing a fix rewrites in place.
  tlsRecipe: { starttls: { keys: [] }, implicit: { keys: [] } },
  howTo: {
    starttls: 'remove mail.WithSSL() (go-mail then requires STARTTLS, its default TLSMandatory policy)',
    implicit: 'add mail.WithSSL()',
  },
};
