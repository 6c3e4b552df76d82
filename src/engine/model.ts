// The model of one SMTP setting group: where it connects, how it secures the
// connection, how it authenticates, read with its framework's semantics.

import { decodeUrlPart, looksLikeSmtpUrl, parseSmtpUrl, type Dsn, type DsnPart } from './dsn';
import { IMPLICIT_FLAG_WORDS, URL_OPTIONS } from './facts/frameworks';
import { findProvider, type Provider } from './facts/providers';
import { wellKnownService } from './facts/services';
import { NON_SMTP_MAIL_PORTS } from './facts/ports';
import { keyWords, type MatchedEntry, type RawGroup } from './groups';
import type { FrameworkProfile, KeySpec, TlsMeaning } from './profiles';
import type { ConfigEntry, Range, SettingRole, TlsMode } from './types';
import { isTemplate, isUnset, readBoolean, readPort, splitHostField } from './values';

/** A value of the model and where it is written (or which key's default it is). */
export interface Source {
  entry?: ConfigEntry;
  spec?: KeySpec;
  /** The exact range in the document: the value, or a part of it (the port inside a URL). */
  range?: Range;
  /** Shown to the user: `MAIL_PORT=465`, `port 465 in MAILER_DSN`, `EMAIL_PORT (default 25)`. */
  label: string;
  isDefault?: boolean;
}

export interface Valued<T> extends Source {
  value: T;
}

export interface TlsReading {
  mode: TlsMode;
  /** The settings that decided the mode, most decisive first. */
  sources: Source[];
  /** Plain words: "STARTTLS because EMAIL_USE_TLS=True". */
  reason: string;
}

export interface SmtpGroup {
  profile: FrameworkProfile;
  anchor: string[];
  document?: number;
  matches: MatchedEntry[];
  /** The URL the group was read from, if any. */
  url?: { source: Source; dsn: Dsn };
  host?: Valued<string>;
  /** Where a host field also carries a port (`smtp.x.com:587`). */
  hostPort?: Valued<string>;
  port?: Valued<number>;
  invalidPort?: Valued<string> & { reason: string };
  tls: TlsReading;
  /** Implicit TLS and STARTTLS both switched on, where the framework refuses that. */
  tlsConflict?: { implicit: Source; starttls: Source };
  verifyOff: Source[];
  user?: Valued<string>;
  password?: Valued<string>;
  oauth?: Source;
  provider?: Provider;
  /** False when the framework is told not to send by SMTP (a log mailer, `enabled = false`). */
  active: boolean;
}

function labelOf(entry: ConfigEntry): string {
  return entry.path[entry.path.length - 1];
}

function displayValue(entry: ConfigEntry): string {
  return entry.value === null ? 'null' : entry.value;
}

function entrySource(match: MatchedEntry): Source {
  const label = match.entry.label ?? `${labelOf(match.entry)}=${displayValue(match.entry)}`;
  const source: Source = { entry: match.entry, spec: match.spec, range: match.entry.valueRange, label };
  // `ENV["X"] == "true"` with X unset is computed, not written: like a default, it is not the line to change.
  const environment = match.entry.environment;
  if (environment?.evaluated && environment.isFallback) source.isDefault = true;
  return source;
}

/** Start of the value's text, inside its quotes. */
export function contentStart(entry: ConfigEntry): number {
  return entry.valueRange.start + (entry.quote ? (entry.quoteWidth ?? 1) : 0);
}

function urlPartSource(entry: ConfigEntry, part: DsnPart, what: string): Source {
  const start = contentStart(entry);
  return { entry, range: { start: start + part.start, end: start + part.end }, label: `${what} in ${labelOf(entry)}` };
}

function byRole(group: RawGroup, role: SettingRole): MatchedEntry[] {
  return group.matches.filter((match) => match.spec.role === role);
}

/** The last written, non-empty value of a role (a later key overrides an earlier one). */
function lastSet(group: RawGroup, role: SettingRole): MatchedEntry | undefined {
  const set = byRole(group, role).filter((match) => !isUnset(match.entry.value));
  return set[set.length - 1];
}

function isIdentityOf(value: string): boolean {
  // An e-mail address, a sentence or words without a dot (a UI label: "smtp_host": "SMTP Host" in a locale file)
  // is not a host name. Words with a dot ("smtp.example .com") are a host typed wrong: host-malformed says so.
  const v = value.trim();
  return v.includes('@') || /\s\S+\s/.test(v) || (/\s/.test(v) && !v.includes('.') && !isTemplate(v));
}

export function buildGroup(raw: RawGroup): SmtpGroup | undefined {
  const { profile } = raw;
  // A host key holding an SMTP URL is read as a URL (Authelia's `address: submission://smtp.example.com:587`).
  const hostAsUrl = byRole(raw, 'host').find(
    ({ entry }) => entry.value !== null && looksLikeSmtpUrl(entry.value) && keyWords(labelOf(entry)).some((word) => word === 'address' || word === 'addr'),
  );
  const urlMatch = lastSet(raw, 'url') ?? hostAsUrl;
  const dsn = urlMatch && urlMatch.entry.value !== null ? parseSmtpUrl(urlMatch.entry.value) : undefined;
  const url = urlMatch && dsn ? { source: entrySource(urlMatch), dsn } : undefined;

  // Host: a host key, else the URL's host.
  let host: Valued<string> | undefined;
  let hostPort: Valued<string> | undefined;
  const hostMatch = hostAsUrl ? undefined : lastSet(raw, 'host');
  if (hostMatch && hostMatch.entry.value !== null && !isIdentityOf(hostMatch.entry.value)) {
    const value = hostMatch.entry.value;
    host = { ...entrySource(hostMatch), value: value.trim() };
    if (!isTemplate(value)) {
      const parts = splitHostField(value);
      // A host that carries its port beside a scheme the framework reads (Roundcube's `tls://host:587`): still its port.
      const ownScheme = !!parts.scheme && !!hostMatch.spec.hostWithPort && !!hostMatch.spec.hostSchemes?.[parts.scheme.toLowerCase()];
      if (parts.port !== undefined && parts.portOffset !== undefined && (!parts.scheme || ownScheme)) {
        const start = contentStart(hostMatch.entry) + parts.portOffset;
        hostPort = { entry: hostMatch.entry, spec: hostMatch.spec, range: { start, end: start + parts.port.length }, label: `port in ${labelOf(hostMatch.entry)}`, value: parts.port };
      }
    }
  } else if (url && url.dsn.host.text) {
    host = { ...urlPartSource(urlMatch!.entry, url.dsn.host, 'host'), value: decodeUrlPart(url.dsn.host.text) };
  }
  // A host key set from code (`EMAIL_HOST = env("EMAIL_HOST")`) is unknown, not the framework's default.
  if (!host && !hostMatch && !hostAsUrl && byRole(raw, 'host').length === 0) {
    const hostSpec = profile.keys.find((spec) => spec.role === 'host' && spec.default);
    if (hostSpec && raw.matches.length > 0) host = { spec: hostSpec, label: `${defaultLabel(raw, hostSpec)} (default ${hostSpec.default})`, isDefault: true, value: hostSpec.default! };
  }
  // nodemailer's `service: 'gmail'` (SMTP_SERVICE=gmail) names the host when no host is written.
  const serviceMatch = lastSet(raw, 'service');
  const service = serviceMatch ? wellKnownService(serviceMatch.entry.value ?? '') : undefined;
  if (!host && !hostMatch && !url && service) host = { ...entrySource(serviceMatch!), value: service.host };
  if (host && !host.isDefault && /^(imap|pop3?)\./i.test(host.value)) return undefined;

  // Port: a port key, else the URL's port, else a port in the host field, else the framework default.
  let port: Valued<number> | undefined;
  let invalidPort: SmtpGroup['invalidPort'];
  const portMatch = lastSet(raw, 'port');
  const explicitPort: Valued<string> | undefined = portMatch
    ? { ...entrySource(portMatch), value: portMatch.entry.value! }
    : url?.dsn.port
      ? { ...urlPartSource(urlMatch!.entry, url.dsn.port, 'port'), value: url.dsn.port.text }
      : hostPort && host && hostMatch?.spec.hostWithPort
        ? hostPort
        : undefined;
  if (explicitPort) {
    const reading = readPort(explicitPort.value);
    if (reading.kind === 'port') port = { ...explicitPort, value: reading.port };
    else if (reading.kind === 'invalid') invalidPort = { ...explicitPort, reason: reading.reason };
  }
  if (port && NON_SMTP_MAIL_PORTS.has(port.value)) return undefined;

  const tlsFirst = readTls(raw, url, port?.value);
  // A port key set from code (`EMAIL_PORT = env.int("EMAIL_PORT")`) is unknown, not the framework's default.
  if (!explicitPort && !invalidPort && byRole(raw, 'port').length === 0) {
    const portSpec = profile.keys.find((spec) => spec.role === 'port');
    const fallback = tlsFirst.mode === 'implicit' ? portSpec?.defaultWithImplicitTls : portSpec?.default;
    if (portSpec && fallback) {
      port = { spec: portSpec, label: `${defaultLabel(raw, portSpec)} is not set (default ${fallback})`, isDefault: true, value: Number(fallback) };
    }
  }
  const tls = port?.isDefault ? readTls(raw, url, port.value) : tlsFirst;
  // A written port the app replaces with implicit TLS (Vikunja's forcessl: go-mail's WithSSLPort turns 25 into 465).
  const movedTo = port && tls.mode === 'implicit' ? port.spec?.implicitTlsMovesPort?.[port.value] : undefined;
  if (port && movedTo) port = { ...port, label: `${port.label} (${profile.name} uses ${movedTo} with implicit TLS)`, value: movedTo };

  const userMatch = lastSet(raw, 'user');
  let user: Valued<string> | undefined = userMatch
    ? { ...entrySource(userMatch), value: userMatch.entry.value! }
    : url?.dsn.user?.text
      ? { ...urlPartSource(urlMatch!.entry, url.dsn.user, 'user'), value: decodeUrlPart(url.dsn.user.text) }
      : undefined;
  const passwordMatch = lastSet(raw, 'password');
  let password: Valued<string> | undefined = passwordMatch
    ? { ...entrySource(passwordMatch), label: `${labelOf(passwordMatch.entry)}`, value: passwordMatch.entry.value! }
    : url?.dsn.password?.text
      ? { ...urlPartSource(urlMatch!.entry, url.dsn.password, 'password'), value: decodeUrlPart(url.dsn.password.text) }
      : undefined;

  // Credentials go out only when the framework's auth switch is on (Nextcloud: mail_smtpauth, default false).
  const authSpec = profile.keys.find((spec) => spec.role === 'auth');
  if (authSpec) {
    const authMatch = byRole(raw, 'auth').pop();
    const value = authMatch ? authMatch.entry.value : authSpec.default;
    // An empty switch is off too (Matomo's `type =`, PHP's empty() and getSystemValueBool('')).
    if (value !== null && value !== undefined && !isTemplate(value) && (value.trim() === '' || readBoolean(value) === false)) {
      user = undefined;
      password = undefined;
    }
  }

  const oauthMatch = byRole(raw, 'oauth').find((match) => {
    const value = match.entry.value ?? '';
    if (isUnset(value)) return false;
    // Token-like keys count when set; type-like keys (auth type, authentication) only when they name OAuth.
    return /token|client|secret|private key/.test(match.spec.key) ? true : /oauth|xoauth/i.test(value);
  });

  const verifyOff: Source[] = [];
  for (const match of byRole(raw, 'verify')) {
    const value = match.entry.value;
    if (value === null || isTemplate(value)) continue;
    if (switchesVerifyOff(match.spec, value)) verifyOff.push(entrySource(match));
  }
  // A narrower switch beside a broader one that is off says nothing more (verify_peer_name beside verify_peer).
  if (verifyOff.some((source) => !source.spec?.narrowerVerify)) {
    for (let i = verifyOff.length - 1; i >= 0; i--) if (verifyOff[i].spec?.narrowerVerify) verifyOff.splice(i, 1);
  }
  // A framework that does not verify unless told to (docker-gitlab's SMTP_OPENSSL_VERIFY_MODE defaults to none).
  for (const spec of profile.keys) {
    if (spec.role !== 'verify' || spec.default === undefined || raw.matches.some((match) => match.spec === spec)) continue;
    if (switchesVerifyOff(spec, spec.default)) verifyOff.push({ spec, label: `${defaultLabel(raw, spec)} is not set (default ${spec.default})`, isDefault: true });
  }
  if (url) {
    for (const option of url.dsn.options) {
      const meaning = URL_OPTIONS.find((known) => known.name.test(option.name.text))?.meaning;
      const flag = readBoolean(option.value.text);
      if ((meaning === 'verify-off-when-false' && flag === false) || (meaning === 'verify-off-when-true' && flag === true)) {
        verifyOff.push(urlPartSource(urlMatch!.entry, { text: '', start: option.name.start, end: option.value.end }, option.name.text));
      }
    }
  }

  // A switch written twice (`EMAIL_BACKEND` set for DEBUG, then for SMTP under `if ENABLE_EMAIL`) is read as the file
  // runs: the later assignment overrides the earlier one, so only the last of each key counts.
  const lastOfEachKey = new Map<string, MatchedEntry>();
  for (const match of [...byRole(raw, 'enabled'), ...(raw.transport ?? [])]) lastOfEachKey.set(`${match.entry.document ?? 0}|${match.entry.path.join('\u0000')}`, match);
  const active = [...lastOfEachKey.values()].every((match) => {
    const value = match.entry.value;
    if (value === null || isTemplate(value)) return true;
    if (match.spec.activeValues) return match.spec.activeValues.test(value.trim());
    return readBoolean(value) !== false;
  });

  const group: SmtpGroup = {
    profile,
    anchor: raw.anchor,
    document: raw.document,
    matches: raw.matches,
    url,
    host,
    hostPort,
    port,
    invalidPort,
    tls,
    tlsConflict: profile.exclusiveTls ? findTlsConflict(raw) : undefined,
    verifyOff,
    user,
    password,
    oauth: oauthMatch ? entrySource(oauthMatch) : undefined,
    provider: host && !isTemplate(host.value) ? findProvider(splitHostField(host.value).host) : undefined,
    active,
  };
  if (!group.host && !group.port && !group.invalidPort && !group.url) return undefined;
  // Switched off with no host written is no SMTP setting: any `type:` key that is not fluent-plugin-mail's
  // `@type mail` (a locale's "type": "Type" beside "user": "User", a Helm Service's `type: ClusterIP` and `port: 80`)
  // would otherwise make a group, and the editor would offer to test a connection in every such file.
  if (!active && (!host || host.isDefault) && !url) return undefined;
  return group;
}

function switchesVerifyOff(spec: KeySpec, value: string): boolean {
  const off = spec.verifyOffWhen;
  if (off === 'true') return readBoolean(value) === true;
  if (off === 'false') return readBoolean(value) === false;
  return !!off && off.includes(value.trim().toLowerCase());
}

/** What one TLS-related setting says. */
type TlsVote =
  | { kind: 'mode'; mode: TlsMode; source: Source; explicitStarttls?: boolean }
  | { kind: 'implicit-off'; source: Source }
  | { kind: 'auto'; source: Source }
  | { kind: 'none-said'; source: Source };

function voteOf(meaning: TlsMeaning, value: string | null, source: Source): TlsVote | undefined {
  // null: set from code or left null; a template: resolved elsewhere. Either way the file does not say.
  if (value === null || isTemplate(value)) return { kind: 'mode', mode: 'unknown', source };
  switch (meaning.kind) {
    case 'implicit-flag': {
      const flag = readBoolean(value);
      if (flag === true) return { kind: 'mode', mode: 'implicit', source };
      if (flag === false || isUnset(value)) return { kind: 'implicit-off', source };
      const word = value.trim().toLowerCase();
      const mode = Object.prototype.hasOwnProperty.call(IMPLICIT_FLAG_WORDS, word) ? IMPLICIT_FLAG_WORDS[word] : 'unknown';
      return { kind: 'mode', mode, source, explicitStarttls: mode === 'starttls-required' };
    }
    case 'starttls-flag': {
      const flag = readBoolean(value);
      if (flag === true) return { kind: 'mode', mode: meaning.mode, source, explicitStarttls: true };
      if (flag === false) return { kind: 'mode', mode: 'none', source };
      return isUnset(value) ? undefined : { kind: 'mode', mode: 'unknown', source };
    }
    case 'require-tls-flag':
      return readBoolean(value) === true ? { kind: 'mode', mode: 'starttls-required', source, explicitStarttls: true } : undefined;
    case 'no-tls-flag':
      return readBoolean(value) === true ? { kind: 'mode', mode: 'none', source } : undefined;
    case 'enum': {
      const key = (value ?? 'null').trim().toLowerCase();
      const mode = Object.prototype.hasOwnProperty.call(meaning.values, key) ? meaning.values[key] : readBoolean(key) === false ? 'auto' : 'unknown';
      if (mode === 'auto') return { kind: 'auto', source };
      return { kind: 'mode', mode, source, explicitStarttls: mode === 'starttls-required' || mode === 'starttls-opportunistic' };
    }
    case 'ambiguous':
      return readBoolean(value) === true ? { kind: 'mode', mode: 'unknown', source } : { kind: 'none-said', source };
  }
}

const MODE_WORDS: Record<TlsMode, string> = {
  implicit: 'implicit TLS',
  'starttls-required': 'STARTTLS (required)',
  'starttls-opportunistic': 'STARTTLS when the server offers it',
  none: 'no encryption',
  unknown: 'an unknown TLS mode',
};

export function describeMode(mode: TlsMode): string {
  return MODE_WORDS[mode];
}

function readTls(raw: RawGroup, url: SmtpGroup['url'], port: number | undefined): TlsReading {
  const { profile } = raw;
  const votes: TlsVote[] = [];
  const present = new Set<KeySpec>();
  for (const match of raw.matches) {
    const { meaning, because } = meaningOf(raw, match.spec);
    if (!meaning) continue;
    present.add(match.spec);
    const vote = voteOf(meaning, pythonTruth(match.spec, match.entry.value), voteSource(match, because));
    if (vote) votes.push(vote);
  }
  // A scheme the framework reads in the host value (CakePHP's `ssl://smtp.example.com`).
  for (const match of raw.matches) {
    const schemes = match.spec.hostSchemes;
    const value = match.entry.value;
    if (!schemes || value === null || isTemplate(value)) continue;
    const scheme = splitHostField(value).scheme?.toLowerCase();
    if (scheme && Object.prototype.hasOwnProperty.call(schemes, scheme)) votes.push({ kind: 'mode', mode: schemes[scheme], source: { ...entrySource(match), label: `${scheme}:// in ${labelOf(match.entry)}` } });
  }
  // Framework defaults for TLS keys that are not written (n8n's N8N_SMTP_SSL=true).
  for (const spec of profile.keys) {
    const { meaning } = meaningOf(raw, spec);
    if (meaning && spec.default !== undefined && !present.has(spec)) {
      const vote = voteOf(meaning, spec.default, { spec, label: `${defaultLabel(raw, spec)} is not set (default ${spec.default})`, isDefault: true });
      if (vote) votes.push(vote);
    }
  }
  if (url) {
    const schemes = profile.urlSchemes ?? {};
    const scheme = url.dsn.scheme.text.toLowerCase();
    const mode = schemes[scheme] ?? 'unknown';
    const source = { ...url.source, range: url.source.range && urlRange(url.source, url.dsn.scheme), label: `${scheme}:// in ${url.source.label.split('=')[0]}` };
    votes.push(mode === 'auto' ? { kind: 'auto', source } : { kind: 'mode', mode, source });
    for (const option of url.dsn.options) {
      const meaning = URL_OPTIONS.find((known) => known.name.test(option.name.text))?.meaning;
      const flag = readBoolean(decodeUrlPart(option.value.text));
      const optionSource = { ...url.source, range: url.source.range && urlRange(url.source, { text: '', start: option.name.start, end: option.value.end }), label: `${option.name.text}=${option.value.text}` };
      if (meaning === 'no-auto-tls-when-false' && flag === false) votes.push({ kind: 'mode', mode: 'none', source: optionSource });
      if (meaning === 'require-tls-when-true' && flag === true) votes.push({ kind: 'mode', mode: 'starttls-required', source: optionSource, explicitStarttls: true });
      if (meaning === 'implicit-when-true' && flag === true) votes.push({ kind: 'mode', mode: 'implicit', source: optionSource });
      if (meaning === 'ignore-tls-when-true' && flag === true) votes.push({ kind: 'mode', mode: 'none', source: optionSource });
    }
  }

  const modeVotes = votes.filter((vote): vote is Extract<TlsVote, { kind: 'mode' }> => vote.kind === 'mode');
  const pick = (mode: TlsMode) => modeVotes.filter((vote) => vote.mode === mode).map((vote) => vote.source);
  const decided = (mode: TlsMode, sources: Source[]): TlsReading => ({
    mode,
    sources,
    reason: sources.length ? `${describeMode(mode)}, because ${sources.map((source) => readAs(profile, source)).join(' and ')}` : describeMode(mode),
  });

  if (pick('implicit').length) return decided('implicit', pick('implicit'));
  if (pick('unknown').length) return decided('unknown', pick('unknown'));
  if (pick('none').length) return decided('none', pick('none'));
  if (pick('starttls-required').length) return decided('starttls-required', pick('starttls-required'));
  // Beside "STARTTLS if offered" (`smtp_enable_starttls_auto`), a written implicit-TLS switch that is off
  // (`smtp_tls = false`) is what makes it plaintext first: it is named first.
  const off = votes.filter((vote) => vote.kind === 'implicit-off' && !vote.source.isDefault).map((vote) => vote.source);
  if (pick('starttls-opportunistic').length) return decided('starttls-opportunistic', [...off, ...pick('starttls-opportunistic')]);

  const implicitOff = votes.find((vote) => vote.kind === 'implicit-off');
  if (implicitOff && profile.tlsWhenImplicitOff) return decided(profile.tlsWhenImplicitOff, [implicitOff.source]);
  const auto = votes.filter((vote) => vote.kind === 'auto').map((vote) => vote.source);
  const { byPort, otherwise } = profile.tlsDefault;
  if (byPort && port === undefined) return decided('unknown', auto);
  const mode = (port !== undefined && byPort?.[port]) || otherwise;
  const why = byPort?.[port ?? -1] ? `${profile.name} uses ${describeMode(mode)} on port ${port}` : `${profile.name}'s default`;
  return { mode, sources: auto, reason: `${describeMode(mode)} (${why})` };
}

/**
 * A key's TLS meaning in this group: its own, or the one another key's value gives it (`KeySpec.tlsIf`), with
 * that key's entry when it is written (it then decides, and a finding sits on it).
 */
function meaningOf(raw: RawGroup, spec: KeySpec): { meaning?: TlsMeaning; because?: MatchedEntry } {
  if (!spec.tls || !spec.tlsIf) return { meaning: spec.tls };
  for (const condition of spec.tlsIf) {
    const written = raw.matches.find((match) => match.spec.key === condition.key);
    const value = written ? written.entry.value : raw.profile.keys.find((other) => other.key === condition.key)?.default;
    if (value === undefined) continue;
    if (value === null || isTemplate(value)) return { meaning: { kind: 'ambiguous' }, because: written };
    if (written && isUnset(value)) continue;
    const flag = readBoolean(value);
    if (flag === undefined) return { meaning: { kind: 'ambiguous' }, because: written };
    if (flag === condition.is) return { meaning: condition.tls, because: written };
  }
  return { meaning: spec.tls };
}

/** A `nonEmptyIsTrue` flag's value as the app reads it: `bool(value)`, so only the empty string is off. */
function pythonTruth(spec: KeySpec, value: string | null): string | null {
  if (!spec.nonEmptyIsTrue || value === null || isTemplate(value)) return value;
  return value.length ? 'true' : 'false';
}

/** A source as the app reads it: a `nonEmptyIsTrue` flag written `false` is on (Baserow's EMAIL_SMTP_USE_TLS=false). */
function readAs(profile: FrameworkProfile, source: Source): string {
  const value = source.entry?.value ?? null;
  const on = !!source.spec && pythonTruth(source.spec, value) === 'true' && readBoolean(value!) !== true;
  return on ? `${source.label}, which ${profile.name} reads as on: any non-empty value is` : source.label;
}

/** Where a vote of this entry sits: on the entry, or on the key that changed its meaning ("SMTP_OPPORTUNISTIC_TLS=true with SMTP_USE_TLS=true"). */
function voteSource(match: MatchedEntry, because: MatchedEntry | undefined): Source {
  if (!because) return entrySource(match);
  return { ...entrySource(because), label: `${labelOf(because.entry)} with ${labelOf(match.entry)}` };
}

function defaultLabel(raw: RawGroup, spec: KeySpec): string {
  return keyNameFor(raw.matches, spec);
}

function urlRange(source: Source, part: DsnPart): Range {
  const start = contentStart(source.entry!);
  return { start: start + part.start, end: start + part.end };
}

function findTlsConflict(raw: RawGroup): SmtpGroup['tlsConflict'] {
  let implicit: Source | undefined;
  let starttls: Source | undefined;
  for (const match of raw.matches) {
    const { meaning, because } = meaningOf(raw, match.spec);
    if (!meaning || match.entry.value === null) continue;
    const vote = voteOf(meaning, pythonTruth(match.spec, match.entry.value), voteSource(match, because));
    if (vote?.kind !== 'mode') continue;
    if (vote.mode === 'implicit') implicit = vote.source;
    else if (vote.explicitStarttls) starttls = vote.source;
  }
  return implicit && starttls ? { implicit, starttls } : undefined;
}

/** The bare host name the client will look up, or undefined when it is a template. */
export function hostNameOf(group: SmtpGroup): string | undefined {
  if (!group.host || isTemplate(group.host.value)) return undefined;
  const name = splitHostField(group.host.value).host;
  return name || undefined;
}

/** False when the group's provider is known not to serve its port (provider-port-unsupported says so, more precisely). */
export function providerRefusesPort(group: SmtpGroup): boolean {
  const { provider, port } = group;
  return !!provider && !!port && provider.portListComplete && ![...provider.starttlsPorts, ...provider.implicitPorts].includes(port.value);
}

/**
 * The name of a key of this group as the file would spell it, for messages about
 * keys that are not written (`N8N_SMTP_SSL`). Follows the spelling of the group's
 * first environment-style key, else the profile's own words.
 */
export function keyNameFor(matches: readonly MatchedEntry[], spec: KeySpec): string {
  const words = spec.key.split('|')[0].split(' ');
  for (const match of matches) {
    const key = match.entry.path[match.entry.path.length - 1];
    const matchWords = match.spec.key.split('|').map((alternative) => alternative.split(' ')).find((alternative) => key.toLowerCase().endsWith(alternative.join('_')));
    if (!matchWords || !/^[A-Z0-9_]+$/.test(key)) continue;
    const prefix = key.slice(0, key.length - matchWords.join('_').length);
    return `${prefix}${words.join('_').toUpperCase()}`;
  }
  return words.join('.');
}
