// Quoting user input inside a message: the input is shown escaped and cut, so a message can never carry
// a terminal escape (ESC, BEL, CR, NUL...), a line break that cuts it, or a bidi override that reorders
// what the reader sees, and a 10,000-character argument does not drown the point.

/** How much of an input a message shows. */
export const QUOTE_LIMIT = 80;

// C0 and C1 controls, DEL, the bidi marks, embeddings, overrides and isolates, line and paragraph
// separators, zero-width characters, the byte order mark, and lone surrogates.
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

const hex = (c: string, width: number) => (c.codePointAt(0) ?? 0).toString(16).padStart(width, '0');

/** The text with every unsafe character written as an escape (`\x1b`, `\u202e`); nothing else changes. */
export function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const cp = c.codePointAt(0) ?? 0;
    return cp < 0x100 ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`;
  });
}

/** True when the text has nothing escapeUnsafe would change. */
export function isSafe(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const bad = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return !bad;
}

/**
 * An input as a message quotes it: in double quotes, backslashes and quotes escaped, unsafe characters
 * escaped, cut to QUOTE_LIMIT characters with the total length said.
 */
export function quoteInput(input: string): string {
  const chars = [...input];
  const shown = chars.length > QUOTE_LIMIT ? chars.slice(0, QUOTE_LIMIT).join('') : input;
  const body = escapeUnsafe(shown.replace(/[\\"]/g, (c) => `\\${c}`));
  return chars.length > QUOTE_LIMIT ? `"${body}..." (${chars.length} characters)` : `"${body}"`;
}
