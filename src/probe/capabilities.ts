// EHLO reply → capabilities (RFC 5321 §4.1.1.1, extensions named in the issue).

import type { Reply } from './lineReader';
import type { Capabilities } from './types';

/** Parses a 250 reply to EHLO: the first line is the greeting, each other line one extension. */
export function parseCapabilities(reply: Reply): Capabilities {
  const raw = reply.lines.slice(1).map((l) => l.trim()).filter(Boolean);
  const keyword = (line: string) => line.split(/[\s=]+/)[0].toUpperCase();
  const has = (name: string) => raw.some((line) => keyword(line) === name);
  const authMechanisms = new Set<string>();
  for (const line of raw) {
    // "AUTH=LOGIN PLAIN" is the old form some servers still send next to "AUTH LOGIN PLAIN".
    if (keyword(line) === 'AUTH') {
      for (const m of line.split(/[\s=]+/).slice(1)) if (m) authMechanisms.add(m.toUpperCase());
    }
  }
  const sizeLine = raw.find((line) => keyword(line) === 'SIZE');
  let size: number | null = null;
  if (sizeLine !== undefined) {
    const n = Number(sizeLine.split(/\s+/)[1] ?? '0');
    size = Number.isFinite(n) && n >= 0 ? n : 0;
  }
  return {
    raw,
    esmtp: true,
    starttls: has('STARTTLS'),
    authMechanisms: [...authMechanisms],
    size,
    eightBitMime: has('8BITMIME'),
    pipelining: has('PIPELINING'),
    smtpUtf8: has('SMTPUTF8'),
    enhancedStatusCodes: has('ENHANCEDSTATUSCODES'),
  };
}

/** Capabilities of a server that only accepted HELO: none. */
export function heloCapabilities(): Capabilities {
  return {
    raw: [],
    esmtp: false,
    starttls: false,
    authMechanisms: [],
    size: null,
    eightBitMime: false,
    pipelining: false,
    smtpUtf8: false,
    enhancedStatusCodes: false,
  };
}

/** Short human form, e.g. "STARTTLS, AUTH PLAIN LOGIN, SIZE 10 MB, 8BITMIME". */
export function describeCapabilities(caps: Capabilities): string {
  if (!caps.esmtp) return 'none (the server only speaks plain SMTP/HELO)';
  if (caps.raw.length === 0) return 'none advertised';
  return caps.raw
    .map((line) => {
      const m = /^SIZE\s+(\d+)$/i.exec(line);
      if (m && Number(m[1]) > 0) return `SIZE ${formatBytes(Number(m[1]))}`;
      return line;
    })
    .join(', ');
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(0)} KiB`;
  return `${n} bytes`;
}
