// `smtp-doctor explain [--format text|json] [TEXT…]`: explains an SMTP error text
// (from the arguments, or standard input when there are none or TEXT is "-").
// Exit codes: 0 recognised, 1 not recognised, 2 bad usage. Loads the probe's tables
// only, never the config readers.

import { parseFlags, UsageError, type FlagSpec } from './flags';
import { contextOf, explainError, maskSecrets, MAX_EXPLAIN_CHARS, type Explanation } from '../probe';

export interface ExplainCommandIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** All of standard input (read only when the text is to come from it). */
  readStdin: () => Promise<string>;
}

export const EXPLAIN_USAGE = `Usage: smtp-doctor explain [--format text|json] [TEXT…]

Explains an SMTP error message from a log or a terminal (nodemailer, Python smtplib,
PHPMailer, Symfony/Laravel, JavaMail/Spring, System.Net.Mail, MailKit, Go, Ruby, and
server replies such as "535 5.7.8" or "530 5.7.0 Must issue a STARTTLS command first"):
the diagnosis, the fix, what in the text matched and the library it came from.
Reads standard input when no TEXT is given, or when TEXT is "-".
Passwords and AUTH payloads in the text are masked in the output.

Options:
  --format text|json       output format (default text)
  -h, --help               show this help

Exit status: 0 when the error is recognised, 1 when not, 2 on bad usage.
`;

const EXPLAIN_FLAGS: Readonly<Record<string, FlagSpec>> = {
  format: { kind: 'value', choices: ['text', 'json'] },
  help: { kind: 'boolean', short: 'h' },
};

export async function runExplainCommand(argv: readonly string[], io: ExplainCommandIo): Promise<number> {
  let flags: ReturnType<typeof parseFlags>;
  try {
    flags = parseFlags(argv, EXPLAIN_FLAGS);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`smtp-doctor explain: ${error.message}\n\n${EXPLAIN_USAGE}`);
    return 2;
  }
  if (flags.flags.help) {
    io.stdout(EXPLAIN_USAGE);
    return 0;
  }
  const fromStdin = flags.positionals.length === 0 || (flags.positionals.length === 1 && flags.positionals[0] === '-');
  const text = fromStdin ? await io.readStdin() : flags.positionals.join(' ');
  if (!text.trim()) {
    io.stderr(`smtp-doctor explain: no error text given${fromStdin ? ' (standard input was empty)' : ''}\n\n${EXPLAIN_USAGE}`);
    return 2;
  }
  const explanation = explainError(text);
  if (flags.flags.format === 'json') {
    io.stdout(`${JSON.stringify(toJson(explanation, text), null, 2)}\n`);
  } else {
    io.stdout(explanation ? renderExplanation(explanation) : `${notRecognised(text)}\n`);
  }
  return explanation ? 0 : 1;
}

/** The JSON contract: {"diagnosis": {"code","summary","fix"}, "matched", "library"}; all null (with a hint) when not recognised. */
function toJson(explanation: Explanation | null, text: string) {
  if (!explanation) return { diagnosis: null, matched: null, library: null, hint: notRecognised(text) };
  const { code, summary, fix } = explanation.diagnosis;
  return { diagnosis: { code, summary, fix }, matched: explanation.matched, library: explanation.library };
}

export function renderExplanation(e: Explanation): string {
  return `✖ ${e.diagnosis.summary}\n  Fix: ${e.diagnosis.fix}\n  Matched: “${e.matched}”\n  From: ${e.library}\n  Code: ${e.diagnosis.code}\n`;
}

function notRecognised(text: string): string {
  const context = contextOf(maskSecrets(text.slice(0, MAX_EXPLAIN_CHARS)));
  const target = context.host ? `${context.host}${context.port ? ` --port ${context.port}` : ''}` : 'HOST --port PORT';
  return `Not recognised as an SMTP error${text.length > MAX_EXPLAIN_CHARS ? ` (only the first ${MAX_EXPLAIN_CHARS} characters were read)` : ''}. Test the server live instead: smtp-doctor probe ${target}`;
}
