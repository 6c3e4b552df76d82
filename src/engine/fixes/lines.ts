// Line arithmetic on the original text, for edits that add or delete whole lines.

/** Offset of the first character of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** Offset just past the last character of the line holding `offset` (before its line break). */
export function lineEndOf(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** Offset of the start of the next line after the line holding `offset` (the text's end on the last line). */
export function nextLineStartOf(text: string, offset: number): number {
  const end = lineEndOf(text, offset);
  if (end >= text.length) return end;
  return text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1;
}

/**
 * The range to delete to remove the lines from the one holding `start` to the one holding `end`
 * (inclusive), with their line break; on the last line without a break, the break before it.
 */
export function wholeLines(text: string, start: number, end: number): { start: number; end: number } {
  const from = lineStartOf(text, start);
  const to = nextLineStartOf(text, Math.max(start, end));
  if (to >= text.length && lineEndOf(text, Math.max(start, end)) === text.length && from > 0) {
    // Last line without a line break: take the break before it instead.
    const before = text[from - 1] === '\n' && text[from - 2] === '\r' ? from - 2 : from - 1;
    return { start: before, end: to };
  }
  return { start: from, end: to };
}

/** Backs up over whitespace (line breaks included) from `end`, not past `floor`. */
export function trimEndOffset(text: string, end: number, floor: number): number {
  let i = end;
  while (i > floor && /\s/.test(text[i - 1])) i--;
  return i;
}

/** The indentation of a line prefix, with list markers turned into spaces: `  - ` → `    `. */
export function asIndent(prefix: string): string {
  return prefix.replace(/[^\t]/g, ' ');
}

/** Whether the text from `from` to the end of its line is only blanks and, optionally, a comment. */
export function restIsBlankOrComment(text: string, from: number, comment: RegExp): boolean {
  const rest = text.slice(from, lineEndOf(text, from));
  return /^[ \t]*$/.test(rest) || comment.test(rest.replace(/^[ \t]*/, ''));
}
