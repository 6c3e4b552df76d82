// Keycloak realm smtpServer map (realm export JSON): ssl = implicit TLS, starttls = STARTTLS,
// every value a string. Source: smtp-facts.md, section C (L).

import type { FrameworkProfile } from './types';

export const keycloak: FrameworkProfile<'keycloak'> = {
  id: 'keycloak',
  name: 'Keycloak',
  docs: 'https://www.keycloak.org/docs/latest/server_admin/#_email',
  prefixes: [{ words: 'smtp server' }],
  keys: [
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port', default: '25' },
    { key: 'user', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'ssl', role: 'secure', tls: { kind: 'implicit-flag' } },
    { key: 'starttls', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-required' } },
    { key: 'auth type', role: 'oauth' },
  ],
  tlsDefault: { otherwise: 'none' },
  tlsRecipe: {
    starttls: {
      keys: [
        { key: 'starttls', value: true, add: true, spelling: 'starttls' },
        { key: 'ssl', value: false },
      ],
    },
    implicit: {
      keys: [
        { key: 'ssl', value: true, add: true, spelling: 'ssl' },
        { key: 'starttls', value: false },
      ],
    },
  },
  spelling: { stringValues: true },
  howTo: {
    starttls: 'set starttls to true and ssl to false',
    implicit: 'set ssl to true and starttls to false',
  },
};
