// Text and attribute values put into hand-built markup (the grid's cells, the SVG export, the iframe
// snippet): the four characters that could end a value or start a tag.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export const escapeHtml = (s: string): string => s.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c);
