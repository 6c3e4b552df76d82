import type { Rule } from './rule';

export const conflictingTlsFlags: Rule = {
  id: 'conflicting-tls-flags',
  severity: 'error',
  title: 'Implicit TLS and STARTTLS both switched on where the framework refuses that',
  description:
    'Some frameworks refuse to start with both switches on: Django raises "EMAIL_USE_TLS/EMAIL_USE_SSL are mutually exclusive", and ' +
    'Ruby\'s mail gem (Rails, GitLab) raises ":enable_starttls and :tls are mutually exclusive". Keep one: STARTTLS for port 587, ' +
    'implicit TLS for port 465.',
  check(group) {
    const conflict = group.tlsConflict;
    if (!conflict || !conflict.starttls.range) return [];
    return [
      {
        range: conflict.starttls.range,
        message:
          `${conflict.starttls.label} (STARTTLS) and ${conflict.implicit.label} (implicit TLS) are both on: ${group.profile.exclusiveTls}, ` +
          `so no mail is sent. Keep only one: STARTTLS for port 587, implicit TLS for port 465.`,
        related: conflict.implicit.range ? [{ range: conflict.implicit.range, message: `${conflict.implicit.label} turns on implicit TLS` }] : [],
      },
    ];
  },
};
