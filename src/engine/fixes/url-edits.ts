// Edits inside a URL-valued setting (MAILER_DSN, MAIL_URL, EMAIL_URL): its scheme,
// its port, and its query options, with `?` and `&` kept right.

import type { Dsn } from '../dsn';
import type { ConfigEntry, Range } from '../types';
import type { EditEnv } from './env';
import type { TextEdit } from './types';

/** Where the URL's text starts, when the text as written is the value as read (no escapes), else undefined. */
function base(env: EditEnv, entry: ConfigEntry): number | undefined {
  if (entry.value === null || env.rawContent(entry) !== entry.value) return undefined;
  return env.contentStart(entry);
}

export function setUrlScheme(env: EditEnv, entry: ConfigEntry, dsn: Dsn, scheme: string): TextEdit[] | undefined {
  const at = base(env, entry);
  if (at === undefined) return undefined;
  return [{ range: { start: at + dsn.scheme.start, end: at + dsn.scheme.end }, newText: scheme }];
}

export function setUrlPort(env: EditEnv, entry: ConfigEntry, dsn: Dsn, port: number): TextEdit[] | undefined {
  const at = base(env, entry);
  if (at === undefined) return undefined;
  if (dsn.port) return [{ range: { start: at + dsn.port.start, end: at + dsn.port.end }, newText: String(port) }];
  if (!dsn.host.text) return undefined;
  const hostEnd = at + dsn.host.end + (env.text[at + dsn.host.end] === ']' ? 1 : 0);
  return [{ range: { start: hostEnd, end: hostEnd }, newText: `:${port}` }];
}

/** Removes the query option whose `name=value` text is at `range` (document offsets). */
export function removeUrlOption(env: EditEnv, entry: ConfigEntry, dsn: Dsn, range: Range): TextEdit[] | undefined {
  const at = base(env, entry);
  if (at === undefined) return undefined;
  const index = dsn.options.findIndex((option) => at + option.name.start === range.start);
  if (index < 0) return undefined;
  const option = dsn.options[index];
  const start = at + option.name.start;
  const stop = at + option.value.end;
  if (index < dsn.options.length - 1) return [{ range: { start, end: at + dsn.options[index + 1].name.start }, newText: '' }];
  // The last (or only) option: take the `&` or `?` before it.
  return [{ range: { start: start - 1, end: stop }, newText: '' }];
}

export function findUrlOption(dsn: Dsn, name: RegExp): Dsn['options'] {
  return dsn.options.filter((option) => name.test(option.name.text));
}
