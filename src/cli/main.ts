// Entry point of the `smtp-doctor` command-line tool.
import { processIo, type CliIo } from './io';

declare const SMTP_DOCTOR_VERSION: string | undefined;
const VERSION = typeof SMTP_DOCTOR_VERSION === 'string' ? SMTP_DOCTOR_VERSION : 'dev';

const USAGE = `SMTP Doctor ${VERSION}: find, explain and test SMTP settings.

Usage:
  smtp-doctor check [paths…] [--format text|json|sarif]   check config files
  smtp-doctor probe <host> [--port N] [--tls MODE] …       test a server live
  smtp-doctor explain [--format text|json] [TEXT…]        explain an SMTP error message
  smtp-doctor lsp --stdio                                 run the language server (Neovim, Helix, Zed…)
  smtp-doctor --version | --help

Run "smtp-doctor <command> --help" for a command's options.`;

export async function main(argv: readonly string[], io: CliIo, signal?: AbortSignal): Promise<number> {
  const [command, ...rest] = argv;
  // Each command loads only its own modules: explain and probe never load the config readers.
  switch (command) {
    case 'check':
      return (await import('./check')).runCheckCommand(rest, io, VERSION);
    case 'probe':
      return (await import('./probe')).runProbeCommand(rest, { ...io, signal });
    case 'explain':
      return (await import('./explain')).runExplainCommand(rest, io);
    case 'lsp':
      return (await import('../lsp/server')).runLspCommand(rest, io);
    case '--version':
    case '-v':
      io.stdout(`${VERSION}\n`);
      return 0;
    case '--help':
    case '-h':
    case 'help':
      io.stdout(`${USAGE}\n`);
      return 0;
    default:
      io.stderr(`smtp-doctor: ${command ? `unknown command "${command}"` : 'missing command'}\n\n${USAGE}\n`);
      return 2;
  }
}

if (require.main === module) {
  // Ctrl+C ends a probe early; it still prints what it learnt. Other commands keep Node's default.
  const interrupt = new AbortController();
  if (process.argv[2] === 'probe') process.once('SIGINT', () => interrupt.abort());
  main(process.argv.slice(2), processIo(), interrupt.signal).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`smtp-doctor: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
