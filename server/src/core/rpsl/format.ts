import type { Span } from '../text/range';
import { isBlank } from '../text/chars';

/** Registries print values from column 16 (`descr:` followed by spaces up to there). */
export const VALUE_COLUMN = 16;

function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;
}

/**
 * Aligns values at column 16 the way registries print objects, without changing what any object means:
 * only the blanks between `name:` and the value, the indentation of continuation lines and trailing blanks
 * of those lines change. Comments, `+` continuation marks, lines of only spaces and lines that are not
 * attributes stay as written. Returns minimal edits (one per changed run).
 */
export function formatRpsl(text: string): { span: Span; newText: string }[] {
  const edits: { span: Span; newText: string }[] = [];
  const replace = (start: number, end: number, want: string): void => {
    if (text.slice(start, end) !== want) edits.push({ span: { start, end }, newText: want });
  };
  let pos = 0;
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const lineEnd = eol > pos && text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
    let contentEnd = lineEnd;
    while (contentEnd > pos && isBlank(text.charCodeAt(contentEnd - 1))) contentEnd--;
    const first = pos < lineEnd ? text.charCodeAt(pos) : -1;
    if (contentEnd > pos && first !== 35 && first !== 37) {
      if (isBlank(first) || first === 43) {
        // Continuation line: indent its text to the value column.
        const markLen = first === 43 ? 1 : 0;
        let v = pos + markLen;
        while (v < contentEnd && isBlank(text.charCodeAt(v))) v++;
        if (v < contentEnd) {
          replace(pos + markLen, v, ' '.repeat(VALUE_COLUMN - markLen));
          replace(contentEnd, lineEnd, '');
        }
      } else {
        let c = pos;
        while (c < contentEnd && isNameChar(text.charCodeAt(c))) c++;
        if (c > pos && c < contentEnd && text.charCodeAt(c) === 58 /* : */) {
          let v = c + 1;
          while (v < contentEnd && isBlank(text.charCodeAt(v))) v++;
          if (v < contentEnd) replace(c + 1, v, ' '.repeat(Math.max(1, VALUE_COLUMN - (c + 1 - pos))));
          else replace(c + 1, lineEnd, '');
          if (v < contentEnd) replace(contentEnd, lineEnd, '');
        }
      }
    }
    pos = eol + 1;
  }
  return edits;
}

/** Applies non-overlapping edits (as formatRpsl returns them, in order). */
export function applyEdits(text: string, edits: readonly { span: Span; newText: string }[]): string {
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.span.start) + e.newText;
    at = e.span.end;
  }
  return out + text.slice(at);
}
