// Text from a setup or a link reaches the C source only through these two functions, so nothing a user
// types can end a comment or a string early, or smuggle a preprocessor line into the program.

/**
 * Printable ASCII for a block comment: other characters become `?`, `*` next to `/` is split so the
 * comment neither ends nor nests (-Wcomment), and `??` is split so no trigraph forms (-Wtrigraphs).
 */
export function cComment(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    out += code >= 0x20 && code <= 0x7e ? ch : '?';
  }
  return out.replace(/\*\//g, '* /').replace(/\/\*/g, '/ *').replace(/\?\?/g, '? ?');
}

/** A C string literal: printable ASCII as is, `\`, `"` and `?` escaped, everything else as octal bytes. */
export function cString(s: string): string {
  let out = '"';
  for (const byte of new TextEncoder().encode(s)) {
    const ch = String.fromCharCode(byte);
    if (ch === '\\' || ch === '"' || ch === '?') out += `\\${ch}`;
    else if (byte >= 0x20 && byte <= 0x7e) out += ch;
    else out += `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `${out}"`;
}
