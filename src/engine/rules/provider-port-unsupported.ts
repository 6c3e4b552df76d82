import { providerPorts } from '../facts/providers';
import { providerRefusesPort } from '../model';
import { defineRule, rangeOf, relatedTo } from './rule';

export const providerPortUnsupported = defineRule({
  id: 'provider-port-unsupported',
  severity: 'error',
  title: 'A known provider on a port it does not serve',
  description:
    'Each provider documents the ports it listens on (Gmail: 25, 465, 587; Microsoft 365: 587 and 25, no 465; Postmark: no implicit-TLS port). ' +
    'On any other port the connection is refused or times out. Use the provider\'s recommended port.',
  docs: {
    whatItDoes: 'Checks the port against the ports a known mail provider documents (Gmail, Microsoft 365, SendGrid, Amazon SES, Postmark…).',
    example: {
      file: '.env',
      bad: 'SMTP_HOST=smtp.office365.com\nSMTP_PORT=465\nSMTP_SECURE=true\n',
      good: 'SMTP_HOST=smtp.office365.com\nSMTP_PORT=587\nSMTP_SECURE=false\n',
    },
  },
  // The port is the cause: what a TLS mode or port 25 would do there does not matter.
  supersedes: ['implicit-tls-on-starttls-port', 'plaintext-on-implicit-tls-port', 'port-25-submission'],
  messages: {
    unsupportedPort: 'Use port {{recommended}}: {{provider}} does not accept connections on port {{port}}.',
    unsupportedDefaultPort: 'Set the port to {{recommended}}: {{provider}} does not accept {{framework}}\'s default port {{port}}.',
  },
  details: {
    unsupportedPort: '{{provider}} serves {{ports}}: on port {{port}} the connection is refused or times out.',
    unsupportedDefaultPort: '{{portSetting}}; {{provider}} serves {{ports}}: on port {{port}} the connection is refused or times out.',
  },
  check(group) {
    const { provider, port } = group;
    if (!provider || !port || !providerRefusesPort(group)) return [];
    const ports = providerPorts(provider);
    const listed = ports
      .map((p) => `${p}${provider.implicitPorts.includes(p) ? ' (implicit TLS)' : ' (STARTTLS)'}`)
      .join(', ');
    const recommended = `${provider.recommended.port} with ${provider.recommended.tls === 'implicit' ? 'implicit TLS' : 'STARTTLS'}`;
    return [
      {
        range: rangeOf(port, group),
        messageId: port.isDefault ? 'unsupportedDefaultPort' : 'unsupportedPort',
        data: { provider: provider.name, port: port.value, portSetting: port.label, ports: listed, recommended, framework: group.profile.name },
        related: relatedTo(group.host, `${provider.name} host`),
      },
    ];
  },
  fix(group, _finding, context) {
    const provider = group.provider!;
    const implicit = context.canUseImplicitTls(group);
    const choices: { port: number; tls: 'starttls' | 'implicit' }[] = [];
    if (provider.recommended.tls === 'starttls' || implicit) choices.push(provider.recommended);
    // The provider's usual port for the other mode, as an alternative.
    const starttlsPort = provider.starttlsPorts.includes(587) ? 587 : provider.starttlsPorts.find((port) => port !== 25);
    const implicitPort = provider.implicitPorts.includes(465) ? 465 : provider.implicitPorts[0];
    if (provider.recommended.tls === 'implicit' && starttlsPort !== undefined) choices.push({ port: starttlsPort, tls: 'starttls' });
    if (provider.recommended.tls === 'starttls' && implicitPort !== undefined && implicit) choices.push({ port: implicitPort, tls: 'implicit' });
    return choices.map((choice, index) => ({
      title: `Use port ${choice.port} with ${choice.tls === 'implicit' ? 'implicit TLS' : 'STARTTLS'}`,
      preferred: index === 0,
      edits: context.switchTls(group, choice.tls, choice.port),
    }));
  },
});
