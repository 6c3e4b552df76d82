// Reading setting values the way applications do.

/**
 * A value that is resolved elsewhere: an environment reference, a template,
 * a secret manager lookup. Rules must not judge these.
 */
const TEMPLATE_PATTERNS: readonly RegExp[] = [
  /\$\{[^}]*\}/, // ${VAR}, ${VAR:-default}
  /\$\([A-Za-z_][A-Za-z0-9_]*\)/, // $(VAR) in Kubernetes
  /^\$[A-Za-z_][A-Za-z0-9_]*$/, // $VAR
  /\{\{.*\}\}/, // Helm, Jinja, Go templates
  /\{%.*%\}/,
  /%env\([^)]*\)%/, // Symfony
  /<%.*%>/, // ERB
  /#\{[^}]*\}/, // Ruby interpolation, Spring SpEL
  /^env\(/i,
  /^\{\{?\s*[A-Za-z_]/, // {VAR} / {{ VAR
  // Roundcube's smtp_user '%u' and smtp_pass '%p': the logged-in user's name and password (rcube_smtp.php connect()).
  /^%[up]$/,
];

export function isTemplate(value: string): boolean {
  return TEMPLATE_PATTERNS.some((pattern) => pattern.test(value));
}

/** Placeholder secrets as found in example files: never real, never worth judging. */
export function isPlaceholderSecret(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === '' || isTemplate(value)) return true;
  if (/^[x*.\-_#]+$/.test(v)) return true; // xxxx, ****, ----
  if (/x{4,}|\*{3,}/.test(v)) return true; // partly redacted when quoted: HSxxxxx3BGSUxxxx
  if (/^<.*>$/.test(v) || /^\[.*\]$/.test(v)) return true; // <password>, [secret]
  return /(password|passwd|secret|changeme|change_me|change-me|your|example|placeholder|redacted|replace|todo|fixme|dummy|test|app_?key|api_?key|token)/.test(v);
}

/**
 * Whether a password in an example or template file reads as one a user typed (`Acme-Wiki-2024!`): eight
 * characters or more mixing at least three of lower case, upper case, digits and symbols. An example that
 * shows such a value documents it as the one to use (realworld README, "How a label is decided"); a short or
 * plain stand-in (`hunter2`, `mysecret`) documents nothing.
 */
export function looksTypedByUser(value: string): boolean {
  const v = value.trim();
  if (v.length < 8 || isPlaceholderSecret(v)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(v)).length;
  return classes >= 3;
}

/** A value that says nothing yet: empty, null, or a template. */
export function isUnset(value: string | null | undefined): boolean {
  if (value === null || value === undefined) return true;
  const v = value.trim();
  // Python's False and None as written in INI-style configs (odoo.conf `smtp_password = False`): no value.
  return v === '' || v.toLowerCase() === 'null' || v === 'False' || v === 'None';
}

const TRUE_WORDS = new Set(['true', 'yes', 'on', '1', 'y', ':always', 'always']);
const FALSE_WORDS = new Set(['false', 'no', 'off', '0', 'n', 'none', 'nil', ':never', 'never']);

/** Reads a boolean flag; `undefined` when the value is not a recognisable boolean. */
export function readBoolean(value: string | null | undefined): boolean | undefined {
  if (value === null || value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (TRUE_WORDS.has(v)) return true;
  if (FALSE_WORDS.has(v)) return false;
  return undefined;
}

export type PortReading = { kind: 'port'; port: number } | { kind: 'invalid'; reason: string } | { kind: 'unknown' };

/** Reads a port the way a config loader would: a decimal integer from 1 to 65535. */
export function readPort(value: string | null | undefined): PortReading {
  if (value === null || value === undefined) return { kind: 'unknown' };
  const v = value.trim();
  if (v === '' || isTemplate(v)) return { kind: 'unknown' };
  // No digit at all is not a mistyped port but a word where the port goes: a UI label ("smtp_port": "SMTP Port"
  // in Pocket ID's frontend/messages/en.json), a placeholder (your_port, <port>) or a service name: unknown.
  if (!/[0-9]/.test(v)) return { kind: 'unknown' };
  if (!/^[0-9]+$/.test(v)) return { kind: 'invalid', reason: `"${v}" is not a whole number` };
  const port = Number(v);
  if (port < 1 || port > 65535) return { kind: 'invalid', reason: `${port} is outside the port range 1–65535` };
  return { kind: 'port', port };
}

export interface HostParts {
  host: string;
  /** Offset of `host` inside the original value. */
  hostOffset: number;
  port?: string;
  portOffset?: number;
  scheme?: string;
  path?: string;
  hasWhitespace: boolean;
}

/** Splits a host field that may carry a scheme, a port or a path: `smtps://smtp.x.com:465/`. */
export function splitHostField(value: string): HostParts {
  let rest = value;
  let offset = 0;
  const lead = /^\s*/.exec(rest)![0].length;
  offset += lead;
  rest = rest.trim();
  let scheme: string | undefined;
  const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(rest);
  if (schemeMatch) {
    scheme = schemeMatch[1];
    offset += schemeMatch[0].length;
    rest = rest.slice(schemeMatch[0].length);
  }
  let path: string | undefined;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    path = rest.slice(slash);
    rest = rest.slice(0, slash);
  }
  let port: string | undefined;
  let portOffset: number | undefined;
  const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(rest);
  if (bracketed) {
    if (bracketed[2] !== undefined) {
      port = bracketed[2];
      portOffset = offset + bracketed[1].length + 3;
    }
    return { host: bracketed[1], hostOffset: offset + 1, port, portOffset, scheme, path, hasWhitespace: /\s/.test(value.trim()) };
  }
  const colon = rest.lastIndexOf(':');
  if (colon >= 0 && rest.indexOf(':') === colon) {
    port = rest.slice(colon + 1);
    portOffset = offset + colon + 1;
    rest = rest.slice(0, colon);
  }
  return { host: rest, hostOffset: offset, port, portOffset, scheme, path, hasWhitespace: /\s/.test(value.trim()) };
}
