import { isUnset } from '../values';
import { defineRule } from './rule';

/** A standard port with stray characters around it ("58 7", "587a", ":465"); not "5877". */
const STANDARD_PORT_WITH_NOISE = /^[^\d]{0,3}(25|465|587|2525)[^\d]{0,4}$/;

export const invalidPort = defineRule({
  id: 'invalid-port',
  severity: 'error',
  title: 'A port that is not a whole number from 1 to 65535',
  description:
    'A port must be a whole number from 1 to 65535. Anything else (a typo, a stray character, a unit) makes the client fail to connect, ' +
    'or silently fall back to a default port. SMTP submission uses 587 (STARTTLS) or 465 (implicit TLS).',
  docs: {
    whatItDoes: 'Checks that the port is a whole number from 1 to 65535.',
    example: {
      file: '.env',
      bad: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587a\n',
      good: 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\n',
    },
  },
  messages: {
    invalidPort: 'Set the port to a whole number, usually 587 (STARTTLS) or 465 (implicit TLS): {{reason}}.',
  },
  details: {
    invalidPort: 'Invalid port: {{reason}}; a port is a whole number from 1 to 65535, and the client fails to connect or falls back to a default port.',
  },
  check(group) {
    const invalid = group.invalidPort;
    if (!invalid?.range) return [];
    // `port = 0` beside an empty host is a placeholder of a file that sends nothing until both are set
    // (overview-server's application.conf: host "", port 0, each overridden by ${?SMTP_*}).
    if (invalid.value.trim() === '0' && isUnset(group.host?.value)) return [];
    return [{ range: invalid.range, messageId: 'invalidPort', data: { reason: invalid.reason } }];
  },
  fix(group, _finding, context) {
    const typo = STANDARD_PORT_WITH_NOISE.exec(group.invalidPort!.value.replace(/\s+/g, ''));
    if (!typo) return [];
    return [{ title: `Set port to ${typo[1]}`, preferred: true, edits: context.setPort(group, Number(typo[1])) }];
  },
});
