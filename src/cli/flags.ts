// A small, strict command-line flag parser: unknown flags are usage errors.

export class UsageError extends Error {}

export type FlagSpec =
  | { kind: 'boolean'; short?: string }
  /** `optional`: the flag may stand alone, and then its value is ''. */
  | { kind: 'value'; choices?: readonly string[]; short?: string; optional?: boolean }
  | { kind: 'list'; short?: string }
  /** A flag that is refused with this explanation (e.g. secrets on the command line). */
  | { kind: 'refused'; why: string; short?: undefined };

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
    if (!name || !spec) throw new UsageError(`unknown option ${long ? `--${rawName}` : arg}`);
    if (spec.kind === 'refused') throw new UsageError(`--${name} is not accepted: ${spec.why}`);
    if (spec.kind === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      flags[name] = true;
      continue;
    }
    if (spec.kind === 'value' && spec.optional && inline === undefined && (i + 1 >= argv.length || argv[i + 1].startsWith('-'))) {
      flags[name] = '';
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
    if (spec.kind === 'value') {
      if (name in flags) throw new UsageError(`--${name} given twice`);
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
