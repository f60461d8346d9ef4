/**
 * A file whose only line ends are CR (classic Mac OS, some terminal captures) gets LF instead. Files with LF are
 * left as they are: the RPSL framer reads CR…CRLF as one line end ("\r\r\n" is a whois answer saved twice) while
 * line numbers count each CR as LSP does, and rewriting either would move findings away from what the editor shows.
 * CR-only text keeps its line numbers (CR is a line end to LSP) and parsers that split on LF now see its lines.
 */
export function normalizeLineEnds(text: string): string {
  return text.includes('\r') && !text.includes('\n') ? text.replace(/\r/g, '\n') : text;
}
