/**
 * The tokens of RPSL policy text (RFC 2622 §5–6, RFC 4012). The scanner knows nothing of the grammar:
 * keywords are plain words the parser compares case-insensitively, and an AS-path regular expression
 * `<...>` is one token the parser takes apart on its own.
 */
export type TokenKind = 'word' | '{' | '}' | '(' | ')' | ';' | ',' | 'op' | 'regex' | 'error' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** Offsets in the scanned text (the attribute's joined value). */
  readonly start: number;
  readonly end: number;
  /** For a regex token whose closing `>` is missing. */
  readonly unterminated?: boolean;
}

const PUNCT: Readonly<Record<string, TokenKind>> = { '{': '{', '}': '}', '(': '(', ')': ')', ';': ';', ',': ',' };

// Letters, digits and the characters of set names, prefixes, afis and range operators.
function isWordChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 95 /* _ */ ||
    c === 45 /* - */ ||
    c === 58 /* : */ ||
    c === 46 /* . */ ||
    c === 47 /* / */ ||
    c === 94 /* ^ */ ||
    c === 43 /* + */
  );
}

/** Two- and three-character operators of RFC 2622 §7 (rp-attribute operators), longest first. */
const OPERATORS = ['<<=', '>>=', '.=', '==', '!=', '+=', '-=', '*=', '/=', '<=', '>=', '='];

export function scanPolicy(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    const ch = text[i] ?? '';
    const punct = PUNCT[ch];
    if (punct) {
      tokens.push({ kind: punct, text: ch, start: i, end: i + 1 });
      i++;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      // `<` alone opens a regex; `<=` and `<<=` are operators.
      tokens.push({ kind: 'op', text: op, start: i, end: i + op.length });
      i += op.length;
      continue;
    }
    if (c === 60 /* < */) {
      const close = text.indexOf('>', i + 1);
      const end = close < 0 ? n : close + 1;
      tokens.push({ kind: 'regex', text: text.slice(i, end), start: i, end, ...(close < 0 ? { unterminated: true } : {}) });
      i = end;
      continue;
    }
    if (isWordChar(c)) {
      let j = i;
      while (j < n && isWordChar(text.charCodeAt(j))) {
        // `community.=` / `community .= {…}`: the dot belongs to the operator.
        if (text.charCodeAt(j) === 46 && text.charCodeAt(j + 1) === 61 && j > i) break;
        j++;
      }
      tokens.push({ kind: 'word', text: text.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    let j = i + 1;
    while (j < n && !isWordChar(text.charCodeAt(j)) && !PUNCT[text[j] ?? ''] && text.charCodeAt(j) > 32 && text.charCodeAt(j) !== 60) j++;
    tokens.push({ kind: 'error', text: text.slice(i, j), start: i, end: j });
    i = j;
  }
  tokens.push({ kind: 'eof', text: '', start: n, end: n });
  return tokens;
}
