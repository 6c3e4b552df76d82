// Supabase Auth (GoTrue): GOTRUE_SMTP_* (SMTP_* in the self-host compose); a gomail-style dialer
// that picks implicit TLS on 465 and STARTTLS elsewhere. Source: smtp-facts.md, section C (M/L).

import { AUTO_BY_PORT } from './shared';
import type { FrameworkProfile } from './types';

export const gotrue: FrameworkProfile<'gotrue'> = {
  id: 'gotrue',
  name: 'Supabase Auth (GoTrue)',
  prefixes: [{ words: 'gotrue smtp' }, { words: 'smtp', needsSignature: true }],
  keys: [
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port' },
    { key: 'user', role: 'user' },
    { key: 'pass', role: 'password' },
  ],
  signature: ['admin email', 'sender name', 'max frequency'],
  tlsDefault: AUTO_BY_PORT,
  // GoTrue decides by port alone.
  tlsRecipe: { starttls: { keys: [] }, implicit: { keys: [] } },
};
