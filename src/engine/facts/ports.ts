// What each well-known SMTP port expects from a client, by convention
// (RFC 8314 for 465 and 587; 2525/2587/2465 are providers' alternates).

export type PortTlsConvention = 'starttls' | 'implicit';

export interface PortFact {
  port: number;
  tls: PortTlsConvention;
  purpose: string;
}

export const SMTP_PORTS: readonly PortFact[] = [
  { port: 25, tls: 'starttls', purpose: 'server-to-server relay (RFC 5321); often blocked for applications by ISPs and cloud providers' },
  { port: 465, tls: 'implicit', purpose: 'message submission over implicit TLS, "SMTPS" (RFC 8314): the TLS handshake comes first' },
  { port: 587, tls: 'starttls', purpose: 'message submission (RFC 6409): plaintext greeting, then STARTTLS (RFC 3207)' },
  { port: 2525, tls: 'starttls', purpose: 'unofficial alternate submission port used by SendGrid, Mailgun, Postmark and others when 587 is blocked; STARTTLS' },
  { port: 2587, tls: 'starttls', purpose: 'alternate STARTTLS submission port (Amazon SES, Resend)' },
  { port: 2465, tls: 'implicit', purpose: 'alternate implicit-TLS submission port (Amazon SES, Resend)' },
  { port: 1025, tls: 'starttls', purpose: 'default SMTP port of development mail catchers (Mailpit, MailHog, MailDev) and Proton Mail Bridge' },
];

export function portFact(port: number): PortFact | undefined {
  return SMTP_PORTS.find((fact) => fact.port === port);
}

/** Ports that speak a plaintext greeting first: implicit TLS against them fails with "wrong version number". */
export const STARTTLS_PORTS: ReadonlySet<number> = new Set([25, 587, 2525, 2587]);

/** Ports that expect a TLS handshake first: a plaintext client waits for a greeting that never comes. */
export const IMPLICIT_TLS_PORTS: ReadonlySet<number> = new Set([465, 2465]);

/** Ports of other mail protocols: settings with these are not SMTP. */
export const NON_SMTP_MAIL_PORTS: ReadonlySet<number> = new Set([110, 143, 993, 995, 4190]);
