// The edit machinery behind FixContext: values set in place, entries removed or
// added in the file's own layout, TLS switched with the profile's recipe, in its spelling.

import { analyzeText, type AnalyzeOptions } from '../analyze';
import { parseSmtpUrl } from '../dsn';
import type { SmtpGroup, Source } from '../model';
import type { EnumChoice, FrameworkProfile, KeySpec, KeyWrite, TlsWrites } from '../profiles';
import type { ConfigEntry, ParseResult, Range, TlsMode } from '../types';
import { isTemplate, isUnset, readBoolean, splitHostField } from '../values';
import { EditEnv } from './env';
import { addJsonEntry, removeJsonEntry } from './json-edits';
import { addLineEntry, removeLineEntry } from './line-formats';
import { applyCase, plainText, spellBoolean, valueToken, type TokenOptions } from './literals';
import { groupKeyStyle, siblingsOf, spellKey, type Sibling } from './naming';
import type { FixContext, Literal, TextEdit, TlsTarget } from './types';
import { findUrlOption, removeUrlOption, setUrlPort, setUrlScheme } from './url-edits';
import { addYamlEntry, removeYamlEntry } from './yaml-edits';

/** Applies non-overlapping edits (offsets into `text`); edits at the same offset apply in the order given. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.range.start - b.edit.range.start || a.edit.range.end - b.edit.range.end || a.index - b.index);
  let out = '';
  let cursor = 0;
  for (const { edit } of sorted) {
    const { start, end } = edit.range;
    if (start < cursor || end < start || end > text.length) throw new Error(`Overlapping or invalid edit at ${start}-${end}`);
    out += text.slice(cursor, start) + edit.newText;
    cursor = end;
  }
  return out + text.slice(cursor);
}

/** Whether edits can be applied together: in range, ordered, not overlapping. */
export function editsAreSound(text: string, edits: readonly TextEdit[]): boolean {
  try {
    applyEdits(text, edits);
    return true;
  } catch {
    return false;
  }
}

/** The KeySpec of a profile that has `words` among its alternatives. */
export function specFor(profile: FrameworkProfile, words: string): KeySpec | undefined {
  return profile.keys.find((spec) => spec.key.split('|').some((alternative) => alternative.trim() === words));
}

/**
 * Whether the group's TLS mode is the target once the present keys are set. An unknown mode
 * passes for STARTTLS (what clients do unless told otherwise) but not for implicit TLS, which
 * most clients need to be told about.
 */
function modeFits(mode: TlsMode, target: TlsTarget): boolean {
  return target === 'starttls' ? mode !== 'implicit' && mode !== 'none' : mode === 'implicit';
}

function sameGroup(groups: readonly SmtpGroup[], group: SmtpGroup): SmtpGroup | undefined {
  const anchor = group.anchor.join(' ');
  return groups.find((other) => other.profile.id === group.profile.id && other.anchor.join(' ') === anchor && other.document === group.document);
}

function chooseEnum(choice: EnumChoice, existing: string | null): string {
  const current = (existing ?? '').trim();
  const hit = choice.choose.find((option) => option.when.test(current));
  return hit ? hit.write : applyCase(choice.otherwise, current || choice.otherwise);
}

/**
 * Code: a setting added after the group's last setting whose reader says where another goes and which key the
 * library reads there (ConfigEntry.site), written in the language's literals.
 */
function addCodeSetting(group: SmtpGroup, words: string, value: Literal): TextEdit[] | undefined {
  const anchors = group.matches.map((match) => match.entry).filter((entry) => entry.site?.add?.keys[words] !== undefined);
  if (anchors.length === 0) return undefined;
  const anchor = anchors.reduce((last, entry) => (entry.site!.add!.at > last.site!.add!.at ? entry : last));
  const add = anchor.site!.add!;
  const plain = value.kind === 'string' ? value.value : String(value.value);
  if (/["'\\\r\n]/.test(plain)) return undefined;
  const token = add.values === 'strings' || value.kind === 'string' ? `${add.quote}${plain}${add.quote}` : plain;
  return [{ range: { start: add.at, end: add.at }, newText: `${add.before}${add.keys[words]}${add.between}${token}${add.after}` }];
}

export class FixContextImpl implements FixContext {
  readonly env: EditEnv;

  constructor(
    readonly filePath: string,
    readonly text: string,
    parse: ParseResult,
    readonly options: AnalyzeOptions,
  ) {
    this.env = new EditEnv(text, parse);
  }

  get inCode(): boolean {
    return this.env.format === 'code';
  }

  setKey(group: SmtpGroup, words: string, spelling: string | undefined, value: Literal): TextEdit[] | undefined {
    const spec = specFor(group.profile, words);
    if (!spec) return undefined;
    const present = group.matches.filter((match) => match.spec === spec);
    if (present.length === 0) return this.addKey(group, words, spelling, value);
    const edits: TextEdit[] = [];
    for (const match of present) {
      const edit = this.setValue(group, match.entry, value);
      if (!edit) return undefined;
      edits.push(...edit);
    }
    return editsAreSound(this.text, edits) ? edits : undefined;
  }

  canUseImplicitTls(group: SmtpGroup): boolean {
    return !group.profile.noImplicitTls && !!group.profile.tlsRecipe.implicit;
  }

  // ---- values -------------------------------------------------------------

  private booleanLike(group: SmtpGroup): string | undefined {
    for (const match of group.matches) {
      const value = match.entry.value?.trim();
      if (value && /^(true|false|yes|no|on|off)$/i.test(value)) return value;
    }
    return undefined;
  }

  private tokenOptions(group: SmtpGroup, entry?: ConfigEntry): TokenOptions {
    const { env } = this;
    const options: TokenOptions = {
      format: env.format,
      booleanLike: this.booleanLike(group),
      booleanFallback: group.profile.spelling?.booleans ?? 'true',
      language: env.format === 'assignments' ? env.language : undefined,
    };
    if (env.format === 'assignments') {
      const quoted = group.matches.find((match) => match.entry.quote === '"' || match.entry.quote === "'");
      options.stringQuote = quoted?.entry.quote;
    }
    if (env.format === 'yaml' || env.format === 'json') {
      // Numbers written as strings beside the new value (`"port": "25"`): write alike. Booleans are not
      // quoted for that: "false" is true to a JavaScript application.
      const stringly = group.matches.find((match) => match.entry.quote && match.entry.valueType === 'string' && /^\d+$/.test(match.entry.value ?? ''));
      if (stringly) options.quoteNumbers = env.format === 'json' ? '"' : stringly.entry.quote;
      const shape = entry?.shape;
      if (group.profile.spelling?.stringValues) {
        options.quoteBooleans = '"';
        options.quoteNumbers = '"';
      } else if (shape === 'k8s-env-list' || shape === 'compose-env-map') {
        // Environment variables are strings (Kubernetes refuses others, Compose refuses booleans).
        options.quoteBooleans = '"';
        options.quoteNumbers ??= shape === 'k8s-env-list' ? '"' : undefined;
      }
    }
    return options;
  }

  setValue(group: SmtpGroup, entry: ConfigEntry, value: Literal): TextEdit[] | undefined {
    const { env } = this;
    const raw = env.slice(entry.valueRange.start, entry.valueRange.end);
    // A value set elsewhere through a variable, or computed from one, is not changed over the lookup.
    if ((entry.value !== null && isTemplate(entry.value)) || entry.readOnly || entry.foreign || entry.environment?.setBy || entry.environment?.evaluated || env.sharedWithOtherKeys(entry)) return undefined;
    if (entry.tokens) {
      // An enum member or a flag in code, written in the language's own syntax.
      const token = entry.tokens[plainText(value, entry.value, 'true').toLowerCase()];
      if (token === undefined) return undefined;
      return token === raw ? [] : [{ range: entry.valueRange, newText: token }];
    }
    if (env.format === 'assignments' && entry.value === null && !/^(None|nil|null|NULL)$/.test(raw.trim())) return undefined;
    const q = env.quoteLength(entry);
    const options = this.tokenOptions(group, entry);
    if (q > 0) {
      const inner = plainText(value, entry.value, options.booleanFallback);
      if (inner.includes(entry.quote!) || /[\\\r\n]/.test(inner)) return undefined;
      return [{ range: { start: entry.valueRange.start + q, end: entry.valueRange.end - q }, newText: inner }];
    }
    if (entry.shape === 'compose-env-list') {
      const inner = plainText(value, entry.value, options.booleanFallback);
      if (!/^[A-Za-z0-9_.:+\-/@]*$/.test(inner)) return undefined;
      return [{ range: entry.valueRange, newText: inner }];
    }
    let token = this.unquotedToken(entry, value, options, raw);
    if (token === undefined) return undefined;
    if (entry.valueRange.start === entry.valueRange.end) {
      const before = env.text[entry.valueRange.start - 1];
      if ((env.format === 'yaml' && before === ':') || (env.format === 'ini' && before === '=' && env.text[entry.valueRange.start - 2] === ' ')) token = ` ${token}`;
    }
    return [{ range: entry.valueRange, newText: token }];
  }

  /** A token replacing an unquoted value: the same kind of token (a bare boolean stays bare), quoted only where the context needs it. */
  private unquotedToken(entry: ConfigEntry, value: Literal, options: TokenOptions, raw: string): string | undefined {
    const { env } = this;
    // "true" for a key written as a bare boolean (Keycloak's flags as JSON booleans): keep it a boolean.
    const asBoolean = value.kind === 'string' && entry.valueType === 'boolean' ? readBoolean(value.value) : undefined;
    const literal: Literal = asBoolean !== undefined ? { kind: 'boolean', value: asBoolean } : value;
    switch (env.format) {
      case 'yaml': {
        const mustQuote = entry.shape === 'k8s-env-list' || (entry.shape === 'compose-env-map' && literal.kind === 'boolean');
        if (literal.kind === 'boolean' && !mustQuote) return spellBoolean(literal.value, entry.value, options.booleanFallback);
        return valueToken(literal, { ...options, quoteBooleans: mustQuote ? '"' : undefined, quoteNumbers: mustQuote ? '"' : undefined });
      }
      case 'json':
        return valueToken(literal, { ...options, quoteBooleans: undefined, quoteNumbers: undefined });
      case 'assignments':
        if (literal.kind === 'boolean' && /^[01]$/.test(raw.trim())) return literal.value ? '1' : '0';
        return valueToken(literal, options);
      default:
        return valueToken(literal, { ...options, booleanLike: entry.value ?? options.booleanLike });
    }
  }

  replaceInValue(entry: ConfigEntry, range: Range, text: string): TextEdit[] | undefined {
    const { env } = this;
    if (entry.value === null || entry.readOnly || entry.foreign || env.rawContent(entry) !== entry.value || env.sharedWithOtherKeys(entry)) return undefined;
    const start = env.contentStart(entry);
    const stop = start + entry.value.length;
    if (range.start < start || range.end > stop || range.end < range.start) return undefined;
    if (/[\r\n\\]/.test(text) || (entry.quote && text.includes(entry.quote))) return undefined;
    return [{ range, newText: text }];
  }

  // ---- removing -----------------------------------------------------------

  private removeEntry(entry: ConfigEntry): TextEdit[] | undefined {
    if (this.env.sharedWithOtherKeys(entry)) return undefined;
    // Code: where the reader says the setting can go alone (its pair, its statement line).
    if (this.env.format === 'code') return entry.site?.remove ? [{ range: entry.site.remove, newText: entry.site.removeWith ?? '' }] : undefined;
    switch (this.env.format) {
      case 'yaml':
        return removeYamlEntry(this.env, entry);
      case 'json':
        return removeJsonEntry(this.env, entry);
      default:
        return removeLineEntry(this.env, entry);
    }
  }

  removeSource(group: SmtpGroup, source: Source): TextEdit[] | undefined {
    const entry = source.entry;
    if (!entry) return undefined;
    const range = source.range ?? entry.valueRange;
    if (range.start === entry.valueRange.start && range.end === entry.valueRange.end) return this.removeEntry(entry);
    // An option inside a URL (`?verify_peer=0`).
    const dsn = group.url?.source.entry === entry ? group.url.dsn : entry.value !== null ? parseSmtpUrl(entry.value) : undefined;
    return dsn ? removeUrlOption(this.env, entry, dsn, range) : undefined;
  }

  // ---- adding -------------------------------------------------------------

  /** Adds a key of the group's profile after the group's last entry, spelled like its siblings. */
  private addKey(group: SmtpGroup, words: string, spelling: string | undefined, value: Literal): TextEdit[] | undefined {
    if (this.env.format === 'code') return addCodeSetting(group, words, value);
    const siblings = siblingsOf(group).filter((sibling) => sibling.entry.document === group.document);
    if (siblings.length === 0) return undefined;
    const style = groupKeyStyle(siblings);
    if (!style) return undefined;
    const anchor = siblings.reduce((last: Sibling, sibling) => (sibling.entry.keyRange.start > last.entry.keyRange.start ? sibling : last));
    const local = spellKey(words.split(' '), spelling, style.style, style.prefix);
    const options = this.tokenOptions(group, anchor.entry);
    const { env } = this;
    switch (env.format) {
      case 'yaml': {
        const segments = style.style === 'dotted' ? [local] : local.split('.');
        const token = valueToken(value, options);
        if (token === undefined) return undefined;
        return addYamlEntry(env, { anchor: anchor.entry, segments, value: token, plain: plainText(value, options.booleanLike, options.booleanFallback) });
      }
      case 'json': {
        const segments = style.style === 'dotted' ? [local] : local.split('.');
        const token = valueToken(value, options);
        return token === undefined ? undefined : addJsonEntry(env, { anchor: anchor.entry, segments, value: token });
      }
      default: {
        if (env.format !== 'properties' && local.includes('.') && style.style !== 'dotted') return undefined;
        const token = valueToken(value, options);
        if (token === undefined) return undefined;
        return addLineEntry(env, { anchor: anchor.entry, anchorName: anchor.local, name: local, value: token });
      }
    }
  }

  // ---- ports --------------------------------------------------------------

  setPort(group: SmtpGroup, port: number): TextEdit[] | undefined {
    const written = group.port && !group.port.isDefault ? group.port : group.invalidPort;
    const edits: TextEdit[] = [];
    if (written) {
      const entry = written.entry;
      const range = written.range;
      if (!entry || !range) return undefined;
      const whole = range.start === entry.valueRange.start && range.end === entry.valueRange.end;
      const edit = whole ? this.setValue(group, entry, { kind: 'number', value: port }) : this.replaceInValue(entry, range, String(port));
      if (!edit) return undefined;
      edits.push(...edit);
    } else if (group.url) {
      const edit = group.url.source.entry && setUrlPort(this.env, group.url.source.entry, group.url.dsn, port);
      if (!edit) return undefined;
      edits.push(...edit);
    } else {
      const spec = group.profile.keys.find((candidate) => candidate.role === 'port');
      if (!spec) return undefined;
      if (spec.neverAdd) {
        // The port goes into a host written to carry one (Roundcube's `ssl://mail.example.com` → `…:465`).
        const host = group.host;
        if (!host?.entry || host.isDefault || !host.spec?.hostWithPort || isTemplate(host.value) || splitHostField(host.value).port !== undefined) return undefined;
        const end = this.env.contentStart(host.entry) + host.entry.value!.trimEnd().length;
        return this.replaceInValue(host.entry, { start: end, end }, `:${port}`);
      }
      const edit = this.addKey(group, spec.key.split('|')[0].trim(), undefined, { kind: 'number', value: port });
      if (!edit) return undefined;
      edits.push(...edit);
    }
    // A host:port field that agrees with the port setting moves with it.
    const hostPort = group.hostPort;
    if (hostPort?.entry && hostPort.range && written && hostPort.range.start !== written.range?.start && hostPort.value.trim() === String(written.value).trim()) {
      const edit = this.replaceInValue(hostPort.entry, hostPort.range, String(port));
      if (!edit) return undefined;
      edits.push(...edit);
    }
    return edits;
  }

  // ---- TLS ----------------------------------------------------------------

  private literalFor(write: KeyWrite, existing: string | null): Literal {
    const value = write.value;
    if (typeof value === 'boolean') return { kind: 'boolean', value };
    if (typeof value === 'string') return { kind: 'string', value };
    return { kind: 'string', value: chooseEnum(value, existing) };
  }

  private alreadySays(write: KeyWrite, existing: string | null): boolean {
    const current = (existing ?? '').trim();
    if (write.keep?.test(current)) return true;
    const value = write.value;
    if (typeof value === 'boolean') return readBoolean(current) === value;
    const wanted = typeof value === 'string' ? value : chooseEnum(value, existing);
    return current.toLowerCase() === wanted.toLowerCase();
  }

  private writesFor(group: SmtpGroup, target: TlsTarget): TlsWrites | undefined {
    const recipe = group.profile.tlsRecipe;
    return target === 'starttls' ? recipe.starttls : recipe.implicit;
  }

  /** Rewrites the scheme of a host value that carries one by design (`ssl://smtp.example.com` → `tls://…`). */
  private setHostScheme(group: SmtpGroup, scheme: string): TextEdit[] | undefined {
    const match = group.matches.find((candidate) => candidate.spec.role === 'host' && candidate.spec.hostSchemes && !isUnset(candidate.entry.value));
    if (!match || match.entry.value === null) return scheme ? undefined : [];
    const parts = splitHostField(match.entry.value);
    const current = parts.scheme?.toLowerCase() ?? '';
    if (current === scheme) return [];
    const bare = match.entry.value.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
    return this.setValue(group, match.entry, { kind: 'string', value: scheme ? `${scheme}://${bare}` : bare });
  }

  switchTls(group: SmtpGroup, target: TlsTarget, port?: number): TextEdit[] | undefined {
    const writes = this.writesFor(group, target);
    if (!writes) return undefined;
    const blockedBy = writes.blockedBy;
    if (blockedBy && this.env.parse.entries.some((entry) => entry.document === group.document && blockedBy.test(entry.path.join('.')))) return undefined;
    const edits: TextEdit[] = [];
    if (port !== undefined && (group.port?.value !== port || group.port.isDefault || group.invalidPort)) {
      const edit = this.setPort(group, port);
      if (!edit) return undefined;
      edits.push(...edit);
    }
    const absent: KeyWrite[] = [];
    for (const write of writes.keys) {
      const spec = specFor(group.profile, write.key);
      if (!spec) continue;
      const present = group.matches.filter((match) => match.spec === spec);
      if (present.length === 0 && write.add) absent.push(write);
      for (const match of present) {
        if (this.alreadySays(write, match.entry.value)) continue;
        const edit = this.setValue(group, match.entry, this.literalFor(write, match.entry.value));
        if (!edit) return undefined;
        edits.push(...edit);
      }
    }
    if (writes.hostScheme !== undefined) {
      const edit = this.setHostScheme(group, writes.hostScheme);
      if (!edit) return undefined;
      edits.push(...edit);
    }
    const url = group.url;
    if (url?.source.entry) {
      const entry = url.source.entry;
      if (writes.scheme && url.dsn.scheme.text.toLowerCase() !== writes.scheme) {
        const edit = setUrlScheme(this.env, entry, url.dsn, writes.scheme);
        if (!edit) return undefined;
        edits.push(...edit);
      }
      for (const option of writes.dropOptions ? findUrlOption(url.dsn, writes.dropOptions) : []) {
        const start = this.env.contentStart(entry) + option.name.start;
        const edit = removeUrlOption(this.env, entry, url.dsn, { start, end: start });
        if (!edit) return undefined;
        edits.push(...edit);
      }
    }
    if (absent.length > 0 && !url) {
      // Add keys only when the framework's defaults do not already give the mode.
      let needed: boolean;
      try {
        const after = analyzeText(this.filePath, applyEdits(this.text, edits), this.options);
        const same = sameGroup(after.groups, group);
        needed = !same || !modeFits(same.tls.mode, target);
      } catch {
        return undefined;
      }
      if (needed) {
        for (const write of absent) {
          const edit = this.addKey(group, write.key, write.spelling, this.literalFor(write, null));
          if (!edit) return undefined;
          edits.push(...edit);
        }
      }
    }
    return editsAreSound(this.text, edits) ? edits : undefined;
  }
}
