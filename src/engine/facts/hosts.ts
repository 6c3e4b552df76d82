// Facts about host names: local relays, development mail catchers, private networks.

/** Development mail catchers, by host name (a Compose service is usually named after the tool). */
export const DEV_MAIL_CATCHERS: readonly { name: string; hosts: RegExp }[] = [
  { name: 'Mailpit', hosts: /^mailpit$/i },
  { name: 'MailHog', hosts: /^mailhog$/i },
  { name: 'MailDev', hosts: /^maildev$/i },
  { name: 'smtp4dev', hosts: /^smtp4dev$/i },
  { name: 'MailCatcher', hosts: /^mailcatcher$/i },
  // Ory's quickstarts (ory/kratos contrib/quickstart/kratos/*/kratos.yml) send to a MailSlurper service on 1025.
  { name: 'MailSlurper', hosts: /^mailslurper$/i },
  // smtp.mailtrap.io is the sandbox's former name; live.smtp.mailtrap.io sends real mail and is not listed.
  { name: 'Mailtrap Email Testing (sandbox)', hosts: /^(sandbox\.smtp|smtp)\.mailtrap\.io$/i },
];

/** The port development catchers listen on by default. */
export const DEV_CATCHER_PORT = 1025;

export function devMailCatcher(host: string): string | undefined {
  return DEV_MAIL_CATCHERS.find((catcher) => catcher.hosts.test(host))?.name;
}

export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || /^127\./.test(h) || h === '::1' || h === '0.0.0.0';
}

/** Names reserved for documentation (RFC 2606, RFC 6761): `smtp.example.com` is an example, not a server. */
export function isDocumentationHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return /(^|\.)example(\.(com|net|org))?$/.test(h) || /\.(test|invalid)$/.test(h);
}

const PRIVATE_SUFFIXES = ['.local', '.internal', '.lan', '.home.arpa', '.svc', '.cluster.local', '.localdomain', '.intranet', '.corp'];

/**
 * A host on the same machine or private network: a local relay or a Compose or
 * Kubernetes service name. Port 25 and plaintext are normal there.
 */
export function isLocalOrPrivateHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (isLoopbackHost(h)) return true;
  if (h === 'host.docker.internal') return true;
  if (!h.includes('.') && !h.includes(':')) return true; // single-label: a service or machine name
  if (/^10\./.test(h) || /^192\.168\./.test(h) || /^172\.(1[6-9]|2\d|3[01])\./.test(h)) return true;
  if (/^(fc|fd)[0-9a-f]{2}:/.test(h) || /^fe80:/.test(h)) return true;
  return PRIVATE_SUFFIXES.some((suffix) => h.endsWith(suffix));
}
