// Small pure helpers for addresses shown to users or sent to servers.

import { isIPv6 } from 'node:net';

/** "host:port", with an IPv6 address in brackets ("[::1]:587", RFC 3986 §3.2.2). */
export function hostPort(host: string, port: number): string {
  return isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * What MAIL FROM / RCPT TO accept here: local@domain without spaces, angle brackets or
 * control characters (a line break would inject an SMTP command). Deliberately looser
 * than RFC 5321 §4.1.2: servers decide what they accept.
 */
const EMAIL_ADDRESS = /^[^\s<>\x00-\x1f\x7f]+@[^\s<>@\x00-\x1f\x7f]+$/;

export function isEmailAddress(text: string): boolean {
  return EMAIL_ADDRESS.test(text);
}
