// What the command line prints about its input is made safe for a terminal here: Node's argument parser
// quotes arguments raw (ESC, BEL, CR, NUL and newlines included) over several lines, so its message is
// rebuilt on one line with each argument quoted by quoteInput, and every message gets a last pass that
// escapes whatever unsafe character is left (see src/engine/quote.ts).

import { escapeUnsafe, quoteInput } from '../engine/quote.ts';

// An argument's place in the message while it is rebuilt: NUL-delimited (no process argument holds NUL).
// eslint-disable-next-line no-control-regex -- the marks are NUL-delimited on purpose
const MARK = /\u0000(\d+)\u0000/g;

/**
 * Node's parseArgs message, on one line and with every argument it echoes quoted safely. Its hint lines
 * ("To specify an option argument starting with a dash use '--url=-XYZ'.") are kept, joined by spaces.
 */
export function parserMessage(message: string, argv: readonly string[]): string {
  // Mark each argument the message quotes before splitting, so a newline inside one cannot cut it.
  const marks: string[] = [];
  let text = message;
  const quoted = [...new Set(argv)].filter((a) => a !== '').sort((a, b) => b.length - a.length);
  for (const arg of quoted) {
    for (const q of [`'${arg}'`, `"${arg}"`]) {
      if (!text.includes(q)) continue;
      text = text.split(q).join(`\u0000${marks.length}\u0000`);
      marks.push(arg);
    }
  }
  const oneLine = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ');
  return terminalSafe(oneLine.replace(MARK, (_, i: string) => quoteInput(marks[Number(i)] ?? '')));
}

/** A message as printed: any unsafe character still in it escaped (a message is one line). */
export function terminalSafe(message: string): string {
  return escapeUnsafe(message);
}
