import { FOREIGN_ANSWER_HEADERS } from './whoisText';

const NL = 10;
const CR = 13;

/** How the framer reads a line (frame.ts): empty (carriage returns aside), blanks only, or text. */
export const enum Line {
  Empty,
  Blanks,
  Text,
}

export function lineKind(text: string, pos: number, eol: number): Line {
  let end = eol;
  while (end > pos && text.charCodeAt(end - 1) === CR) end--;
  if (end === pos) return Line.Empty;
  for (let i = pos; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== CR) return Line.Text;
  }
  return Line.Blanks;
}

/**
 * True when the framer starts afresh at `pos` (a line start): an empty line came after the last line of text
 * before it, so what follows frames alone as it does within the whole text. Lines of blanks only do not count
 * either way: outside an object the framer takes them for empty lines, inside one they wait for the next line
 * to say what they are. (Not so inside another server's answer, which empty lines do not end: see
 * mayHoldForeignAnswer.)
 */
export function freshAt(text: string, pos: number): boolean {
  let end = pos;
  while (end > 0) {
    if (text.charCodeAt(end - 1) !== NL) return false;
    const start = lineStartBefore(text, end);
    const kind = lineKind(text, start, end - 1);
    if (kind !== Line.Blanks) return kind === Line.Empty;
    end = start;
  }
  return pos > 0;
}

/** The start of the line that ends just before `pos` (text[pos - 1] is its line feed; pos > 0). */
export function lineStartBefore(text: string, pos: number): number {
  // lastIndexOf reads a negative position as 0, where a line feed would be found again.
  return pos < 2 ? 0 : text.lastIndexOf('\n', pos - 2) + 1;
}

const FOREIGN_HEADER_LINES = FOREIGN_ANSWER_HEADERS.map((h) => new RegExp(h.pattern.source, 'm'));

/** Whether `text` may hold another server's answer (IANA's, ARIN's), which the framer skips across empty lines. */
export function mayHoldForeignAnswer(text: string): boolean {
  return FOREIGN_HEADER_LINES.some((re) => re.test(text));
}
