/**
 * CRLF and lone CR as LF. Lines and columns stay those of the file (LSP counts all three as line ends), so
 * findings point at the same places, while every parser after this sees one kind of line end.
 */
export function normalizeLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
