// SMTP connection URLs: Symfony's MAILER_DSN, Laravel's MAIL_URL,
// django-environ's EMAIL_URL, nodemailer's connection URLs.
// `smtp://user:pass@host:port?option=value`; offsets are relative to the value.

export interface DsnPart {
  text: string;
  start: number;
  end: number;
}

export interface Dsn {
  scheme: DsnPart;
  user?: DsnPart;
  password?: DsnPart;
  host: DsnPart;
  port?: DsnPart;
  options: { name: DsnPart; value: DsnPart }[];
}

const SMTP_SCHEME = /^(smtps?|smtp\+[a-z]+|submission|submissions)$/i;
/** Every scheme SMTP_SCHEME accepts contains one of these. */
export const SMTP_SCHEME_STEMS: readonly string[] = ['smtp', 'submission'];

export function looksLikeSmtpUrl(value: string): boolean {
  const match = /^\s*([a-z][a-z0-9+.-]*):\/\//i.exec(value);
  return !!match && SMTP_SCHEME.test(match[1]);
}

export function parseSmtpUrl(value: string): Dsn | undefined {
  const lead = value.length - value.trimStart().length;
  const match = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value.slice(lead));
  if (!match || !SMTP_SCHEME.test(match[1])) return undefined;
  const part = (start: number, end: number): DsnPart => ({ text: value.slice(start, end), start, end });
  const scheme = part(lead, lead + match[1].length);
  let cursor = lead + match[0].length;
  const end = value.trimEnd().length;
  const authorityEnd = firstOf(value, ['/', '?', '#'], cursor, end);
  const at = value.lastIndexOf('@', authorityEnd - 1);
  let user: DsnPart | undefined;
  let password: DsnPart | undefined;
  if (at >= cursor) {
    const colon = value.indexOf(':', cursor);
    if (colon >= 0 && colon < at) {
      user = part(cursor, colon);
      password = part(colon + 1, at);
    } else {
      user = part(cursor, at);
    }
    cursor = at + 1;
  }
  let host: DsnPart;
  let port: DsnPart | undefined;
  if (value[cursor] === '[') {
    const close = value.indexOf(']', cursor);
    const hostEnd = close >= 0 && close < authorityEnd ? close + 1 : authorityEnd;
    host = part(cursor + 1, Math.max(cursor + 1, hostEnd - 1));
    if (value[hostEnd] === ':') port = part(hostEnd + 1, authorityEnd);
  } else {
    const colon = value.indexOf(':', cursor);
    if (colon >= 0 && colon < authorityEnd) {
      host = part(cursor, colon);
      port = part(colon + 1, authorityEnd);
    } else {
      host = part(cursor, authorityEnd);
    }
  }
  const options: Dsn['options'] = [];
  const question = value.indexOf('?', authorityEnd);
  if (question >= 0 && question < end) {
    const hash = value.indexOf('#', question);
    const queryEnd = hash >= 0 && hash < end ? hash : end;
    let start = question + 1;
    while (start < queryEnd) {
      const amp = firstOf(value, ['&'], start, queryEnd);
      const eq = value.indexOf('=', start);
      if (eq >= 0 && eq < amp) options.push({ name: part(start, eq), value: part(eq + 1, amp) });
      else options.push({ name: part(start, amp), value: part(amp, amp) });
      start = amp + 1;
    }
  }
  return { scheme, user, password, host, port, options };
}

function firstOf(text: string, characters: string[], from: number, limit: number): number {
  let best = limit;
  for (const character of characters) {
    const index = text.indexOf(character, from);
    if (index >= 0 && index < best) best = index;
  }
  return best;
}

export function decodeUrlPart(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
