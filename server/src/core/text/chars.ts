/**
 * Character classes by character code, named once: the scanners and checkers test codes, not regexes (no
 * backtracking, no string per character). "Blank" differs by what each reader must accept, so each variant
 * says which.
 */

/** Space or tab: the blanks inside an RPSL line or value (RFC 2622). */
export function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** A blank or a carriage return: what a CRLF line that looks empty still holds. */
export function isBlankOrCr(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

/** A blank or a no-break space (U+00A0): what a paste from a web page puts between the ASNs of a path. */
export function isBlankOrNbsp(c: number): boolean {
  return c === 32 || c === 9 || c === 160;
}

/** A–Z or a–z. */
export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** 0–9. */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A letter or a digit (ASCII). */
export function isAsciiAlnum(c: number): boolean {
  return isAsciiLetter(c) || isDigit(c);
}

/** 0–9, A–F or a–f. */
export function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
