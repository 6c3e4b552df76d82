import type { Rule } from './rule';

export const invalidPort: Rule = {
  id: 'invalid-port',
  severity: 'error',
  title: 'A port that is not a whole number from 1 to 65535',
  description:
    'A port must be a whole number from 1 to 65535. Anything else (a typo, a stray character, a unit) makes the client fail to connect, ' +
    'or silently fall back to a default port. SMTP submission uses 587 (STARTTLS) or 465 (implicit TLS).',
  check(group) {
    const invalid = group.invalidPort;
    if (!invalid?.range) return [];
    return [
      {
        range: invalid.range,
        message: `Invalid port: ${invalid.reason}. Use a whole number from 1 to 65535, usually 587 (STARTTLS) or 465 (implicit TLS).`,
      },
    ];
  },
};
