// A small, strict command-line flag parser: unknown flags are usage errors.

export class UsageError extends Error {}

export type FlagSpec =
  | { kind: 'boolean'; short?: string }
  | { kind: 'value'; choices?: readonly string[]; short?: string }
  | { kind: 'list'; short?: string };

export interface ParsedFlags {
  flags: Record<string, string | boolean | string[]>;
  positionals: string[];
}

export function parseFlags(argv: readonly string[], specs: Readonly<Record<string, FlagSpec>>): ParsedFlags {
  const flags: ParsedFlags['flags'] = {};
  const positionals: string[] = [];
  const byShort = new Map(Object.entries(specs).filter(([, spec]) => spec.short).map(([name, spec]) => [spec.short!, name]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const long = arg.startsWith('--');
    const [rawName, inline] = long ? splitOnce(arg.slice(2), '=') : [arg.slice(1), undefined];
    const name = long ? rawName : byShort.get(rawName);
    const spec = name ? specs[name] : undefined;
    if (!name || !spec) throw new UsageError(`unknown option ${arg}`);
    if (spec.kind === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      flags[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
    if (spec.kind === 'value') {
      if (spec.choices && !spec.choices.includes(value)) throw new UsageError(`--${name} must be one of ${spec.choices.join(', ')}, not "${value}"`);
      flags[name] = value;
    } else {
      flags[name] = [...((flags[name] as string[] | undefined) ?? []), value];
    }
  }
  return { flags, positionals };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
