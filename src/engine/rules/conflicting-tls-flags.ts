import { IMPLICIT_TLS_PORTS, STARTTLS_PORTS } from '../facts/ports';
import type { Source } from '../model';
import { defineRule } from './rule';

function keyOf(source: Source): string {
  return source.label.split('=')[0];
}

export const conflictingTlsFlags = defineRule({
  id: 'conflicting-tls-flags',
  severity: 'error',
  title: 'Implicit TLS and STARTTLS both switched on where the framework refuses that',
  description:
    'Some frameworks refuse to start with both switches on: Django raises "EMAIL_USE_TLS/EMAIL_USE_SSL are mutually exclusive", and ' +
    'Ruby\'s mail gem (Rails, GitLab) raises ":enable_starttls and :tls are mutually exclusive". Keep one: STARTTLS for port 587, ' +
    'implicit TLS for port 465.',
  docs: {
    whatItDoes: 'Checks for implicit TLS and STARTTLS both switched on in a framework that refuses the combination (Django, authentik, Rails, GitLab).',
    example: {
      file: 'settings.py',
      bad: 'EMAIL_HOST = "smtp.example.com"\nEMAIL_PORT = 587\nEMAIL_USE_TLS = True\nEMAIL_USE_SSL = True\n',
      good: 'EMAIL_HOST = "smtp.example.com"\nEMAIL_PORT = 587\nEMAIL_USE_TLS = True\nEMAIL_USE_SSL = False\n',
    },
  },
  // The framework refuses to start: what implicit TLS would do against the port does not matter.
  supersedes: ['implicit-tls-on-starttls-port'],
  messages: {
    bothOn: 'Turn off {{starttls}} or {{implicit}}: {{framework}} refuses STARTTLS and implicit TLS together, so no mail is sent.',
  },
  details: {
    bothOn: '{{refusal}}. Keep STARTTLS for port 587, implicit TLS for port 465.',
  },
  check(group) {
    const conflict = group.tlsConflict;
    if (!conflict || !conflict.starttls.range) return [];
    return [
      {
        range: conflict.starttls.range,
        messageId: 'bothOn',
        data: { starttls: conflict.starttls.label, implicit: conflict.implicit.label, refusal: group.profile.exclusiveTls!, framework: group.profile.name },
        related: conflict.implicit.range ? [{ range: conflict.implicit.range, message: `${conflict.implicit.label} turns on implicit TLS` }] : [],
      },
    ];
  },
  fix(group, _finding, context) {
    const conflict = group.tlsConflict!;
    const port = group.port?.value;
    // The port decides which to keep: 587 (and 25, 2525) speak STARTTLS, 465 implicit TLS.
    const keep = port === undefined ? undefined : STARTTLS_PORTS.has(port) ? 'starttls' : IMPLICIT_TLS_PORTS.has(port) ? 'implicit' : undefined;
    const turnOff = (source: Source) => (source.entry ? context.setValue(group, source.entry, { kind: 'boolean', value: false }) : undefined);
    return [
      { title: `Keep STARTTLS, turn off ${keyOf(conflict.implicit)}`, preferred: keep === 'starttls', edits: turnOff(conflict.implicit) },
      { title: `Keep implicit TLS, turn off ${keyOf(conflict.starttls)}`, preferred: keep === 'implicit', edits: turnOff(conflict.starttls) },
    ];
  },
});
