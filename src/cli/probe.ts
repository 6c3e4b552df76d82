// `smtp-doctor probe <host> [options]`: probes an SMTP server live and prints a report.
// Exit codes: 0 when the diagnosis is `ok`, 1 for any other diagnosis, 2 on bad usage.
// Secrets are never taken on the command line (they would land in shell history and
// in `ps`): --password-env and --oauth-token-env name environment variables.

import * as fs from 'node:fs';
import { parseFlags, UsageError, type FlagSpec } from './flags';
import {
  DEFAULT_PORTS,
  isEmailAddress,
  probe,
  probePorts,
  renderText,
  toReportJson,
  type PortProbeResult,
  type ProbeOptions,
  type TlsMode,
} from '../probe';

export interface ProbeCommandIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
  /** Aborts the probe (e.g. on Ctrl-C); the partial report is still printed. */
  signal?: AbortSignal;
}

export const PROBE_USAGE = `Usage: smtp-doctor probe <host>[:port] [options]

Connects to an SMTP server and checks it step by step: DNS, TCP, greeting, EHLO,
TLS (STARTTLS or implicit) and its certificate, login, and optionally a test message.

Options:
  --port N                 port (default 587)
  --tls MODE               auto | starttls | implicit | none (default auto:
                           implicit TLS on 465/2465, STARTTLS elsewhere)
  --user U                 user name for AUTH
  --password-env VAR       read the password from environment variable VAR
  --oauth-token-env VAR    read an OAuth2 access token (AUTH XOAUTH2) from VAR
  --ca FILE                trust this CA certificate (PEM) too, for private CAs
  --insecure               report certificate problems but do not fail on them
  --allow-plaintext-auth   allow sending credentials without TLS (local test servers)
  --ports LIST             also check which of these ports answer (default 587,465,2525,25)
  --timeout MS             time limit of each step (default 10000)
  --from ADDRESS --to ADDRESS
                           send a real test message
  --ehlo NAME              name to send with EHLO
  --format text|json       output format (default text)
  --transcript             include the SMTP transcript in the text report
  -h, --help               show this help

Exit status: 0 when everything works, 1 when a problem was found, 2 on bad usage.
`;


interface Parsed {
  options: ProbeOptions;
  ports: number[] | null;
  format: 'text' | 'json';
  transcript: boolean;
  help: boolean;
}

const PROBE_FLAGS: Readonly<Record<string, FlagSpec>> = {
  port: { kind: 'value' },
  tls: { kind: 'value' },
  user: { kind: 'value' },
  'password-env': { kind: 'value' },
  'oauth-token-env': { kind: 'value' },
  ca: { kind: 'value' },
  // A bare --ports checks the default list.
  ports: { kind: 'value', optional: true },
  timeout: { kind: 'value' },
  from: { kind: 'value' },
  to: { kind: 'value' },
  ehlo: { kind: 'value' },
  format: { kind: 'value' },
  insecure: { kind: 'boolean' },
  'allow-plaintext-auth': { kind: 'boolean' },
  transcript: { kind: 'boolean' },
  help: { kind: 'boolean', short: 'h' },
  password: { kind: 'refused', why: 'secrets on the command line end up in shell history. Put it in an environment variable and use --password-env VAR' },
  token: { kind: 'refused', why: 'secrets on the command line end up in shell history. Put it in an environment variable and use --oauth-token-env VAR' },
};
const TLS_MODES: TlsMode[] = ['auto', 'starttls', 'implicit', 'none'];

function parsePort(text: string, what: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${what} must be a number from 1 to 65535, not “${text}”`);
  const n = Number(text);
  if (n < 1 || n > 65535) throw new UsageError(`${what} must be from 1 to 65535, not ${text}`);
  return n;
}

function parseArgs(argv: string[], env: NodeJS.ProcessEnv): Parsed {
  const parsed = parseFlags(argv, PROBE_FLAGS);
  const positionals = parsed.positionals;
  const values = new Map(
    Object.entries(parsed.flags)
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
      .map(([name, value]) => [`--${name}`, value]),
  );
  const flags = new Set(Object.entries(parsed.flags).filter(([, value]) => value === true).map(([name]) => `--${name}`));
  const portsFlag = parsed.flags.ports === '';
  const help = flags.has('--help');
  if (help) {
    return { options: { host: '', port: 587 }, ports: null, format: 'text', transcript: false, help };
  }
  if (positionals.length === 0) throw new UsageError('missing <host>');
  if (positionals.length > 1) throw new UsageError(`only one host, got: ${positionals.join(' ')}`);

  let host = positionals[0];
  let port: number | undefined;
  const withPort = /^\[([^\]]+)\]:(\d+)$/.exec(host) ?? /^([^:\s]+):(\d+)$/.exec(host);
  if (withPort) {
    host = withPort[1];
    port = parsePort(withPort[2], 'the port in host:port');
  }
  host = host.replace(/^\[(.*)\]$/, '$1');
  if (!host || /[\s\x00-\x1f\x7f/]/.test(host)) throw new UsageError(`not a host name or IP address: “${positionals[0]}”`);
  if (values.has('--port')) {
    const p = parsePort(values.get('--port')!, '--port');
    if (port !== undefined && port !== p) throw new UsageError(`two different ports: ${port} in host:port and --port ${p}`);
    port = p;
  }

  const tls = (values.get('--tls') ?? 'auto') as TlsMode;
  if (!TLS_MODES.includes(tls)) throw new UsageError(`--tls must be one of ${TLS_MODES.join(', ')}, not “${values.get('--tls')}”`);

  const format = values.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not “${format}”`);

  let timeoutMs: number | undefined;
  if (values.has('--timeout')) {
    const t = values.get('--timeout')!;
    if (!/^\d+$/.test(t) || Number(t) < 1 || Number(t) > 600_000) throw new UsageError(`--timeout must be milliseconds from 1 to 600000, not “${t}”`);
    timeoutMs = Number(t);
  }

  const readSecret = (flag: string): string | undefined => {
    const variable = values.get(flag);
    if (variable === undefined) return undefined;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) throw new UsageError(`${flag} takes the NAME of an environment variable, not “${variable.length > 3 ? `${variable.slice(0, 2)}…` : '…'}”`);
    const value = env[variable];
    if (value === undefined) throw new UsageError(`environment variable ${variable} (named by ${flag}) is not set`);
    if (value === '') throw new UsageError(`environment variable ${variable} (named by ${flag}) is empty`);
    return value;
  };
  const password = readSecret('--password-env');
  const oauthToken = readSecret('--oauth-token-env');
  const user = values.get('--user');
  if (user !== undefined && !user) throw new UsageError('--user is empty');
  if (user && !password && !oauthToken) throw new UsageError('--user needs --password-env VAR or --oauth-token-env VAR');
  if ((password || oauthToken) && !user) throw new UsageError('--password-env/--oauth-token-env need --user');

  let ca: string | undefined;
  if (values.has('--ca')) {
    const file = values.get('--ca')!;
    try {
      ca = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read the CA file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    if (!ca.includes('-----BEGIN CERTIFICATE-----')) throw new UsageError(`${file} is not a PEM certificate (no “-----BEGIN CERTIFICATE-----”)`);
  }

  const from = values.get('--from');
  const to = values.get('--to');
  if ((from === undefined) !== (to === undefined)) throw new UsageError('--from and --to go together');
  for (const [flag, address] of [['--from', from], ['--to', to]] as const) {
    if (address !== undefined && !isEmailAddress(address)) throw new UsageError(`${flag} is not an email address: “${address}”`);
  }

  const ehlo = values.get('--ehlo');
  if (ehlo !== undefined && !/^[^\s\x00-\x1f\x7f]+$/.test(ehlo)) throw new UsageError('--ehlo must be one word (a host name or [address])');

  let ports: number[] | null = portsFlag ? [...DEFAULT_PORTS] : null;
  if (values.has('--ports')) {
    const list = values.get('--ports')!.split(',').map((s) => s.trim()).filter(Boolean);
    if (!list.length) throw new UsageError('--ports needs a list such as 587,465,2525,25');
    ports = list.map((p) => parsePort(p, 'each port in --ports'));
  }

  return {
    options: {
      host,
      port: port ?? 587,
      tls,
      user,
      password,
      oauthToken,
      ca,
      insecure: flags.has('--insecure'),
      allowPlaintextAuth: flags.has('--allow-plaintext-auth'),
      timeoutMs,
      clientName: ehlo,
      sendTest: from && to ? { from, to } : undefined,
    },
    ports,
    format,
    transcript: flags.has('--transcript'),
    help: false,
  };
}

/** Runs `smtp-doctor probe`; `argv` is what follows the word `probe`. */
export async function runProbeCommand(argv: string[], io: ProbeCommandIo): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parseArgs(argv, io.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`smtp-doctor probe: ${error.message}\nRun “smtp-doctor probe --help” for the options.\n`);
    return 2;
  }
  if (parsed.help) {
    io.stdout(PROBE_USAGE);
    return 0;
  }
  const { options } = parsed;
  const portsTimeout = Math.min(options.timeoutMs ?? 5_000, 30_000);
  let outcome: [Awaited<ReturnType<typeof probe>>, Awaited<ReturnType<typeof probePorts>> | null];
  try {
    outcome = await Promise.all([
      probe(options, io.signal),
      parsed.ports ? probePorts(options.host, parsed.ports, { timeoutMs: portsTimeout, clientName: options.clientName }, io.signal) : Promise.resolve(null),
    ]);
  } catch (error) {
    // Only invalid options reject (the parser should have caught them all).
    io.stderr(`smtp-doctor probe: ${(error as Error).message}\n`);
    return 2;
  }
  const [result, portsResult] = outcome;
  const ports: PortProbeResult[] | undefined = portsResult ? portsResult.ports : undefined;
  if (parsed.format === 'json') {
    io.stdout(`${JSON.stringify(toReportJson(result, ports), null, 2)}\n`);
  } else {
    io.stdout(renderText(result, { ports, transcript: parsed.transcript }));
  }
  return result.diagnosis.code === 'ok' ? 0 : 1;
}
