
/**
 * The tokens of RPSL policy text (RFC 2622 §5–6, RFC 4012). The scanner knows nothing of the grammar:
 * keywords are plain words the parser compares case-insensitively, and an AS-path regular expression
 * `<...>` is one token the parser takes apart on its own.
 */
export type TokenKind = 'word' | '{' | '}' | '(' | ')' | ';' | ',' | 'op' | 'regex' | 'error' | 'eof';

/** The keywords of the grammar (RFC 2622 §5–6, RFC 4012, the router attributes), the words the parser asks about. */
export const KEYWORDS = [
  'from', 'to', 'accept', 'announce', 'action', 'at', 'except', 'refine', 'and', 'or', 'not', 'networks', 'afi', 'protocol', 'into', 'upon', 'atomic', 'masklen', 'tunnel',
] as const;
export type Keyword = (typeof KEYWORDS)[number];

/**
 * One token. A class, so every token has one shape: the parser reads tokens in every rule, and tokens of
 * several shapes (an optional field on some) made each of those reads polymorphic.
 */
export class Token {
  constructor(
    readonly kind: TokenKind,
    readonly text: string,
    /** Offsets in the scanned text (the attribute's joined value). */
    readonly start: number,
    readonly end: number,
    /**
     * For a word that is a keyword in any case (`FROM`, `From`): the keyword, else undefined. The parser asks
     * "is this keyword X?" many times per token; this makes each ask a comparison, and no word is lower-cased.
     */
    readonly keyword: Keyword | undefined,
    /** For a regex token whose closing `>` is missing. */
    readonly unterminated: boolean,
  ) {}
}

/** The keywords by length, for keywordOf. */
const KEYWORDS_BY_LENGTH: readonly (readonly Keyword[])[] = (() => {
  const t: Keyword[][] = [];
  for (const k of KEYWORDS) (t[k.length] ??= []).push(k);
  return t;
})();

/** The keyword `text[start, end)` is in any case, or undefined: compared in place, nothing lower-cased. */
function keywordOf(text: string, start: number, end: number): Keyword | undefined {
  const candidates = KEYWORDS_BY_LENGTH[end - start];
  if (candidates === undefined) return undefined;
  next: for (const k of candidates) {
    for (let i = 0; i < k.length; i++) {
      const c = text.charCodeAt(start + i);
      if ((c >= 65 && c <= 90 ? c + 32 : c) !== k.charCodeAt(i)) continue next;
    }
    return k;
  }
  return undefined;
}

const PUNCT: readonly (TokenKind | undefined)[] = (() => {
  const t: (TokenKind | undefined)[] = [];
  for (const ch of ['{', '}', '(', ')', ';', ','] as const) t[ch.charCodeAt(0)] = ch;
  return t;
})();

/** Letters, digits and the characters of set names, prefixes, afis and range operators. */
const WORD_CHAR: Uint8Array = (() => {
  const t = new Uint8Array(128);
  for (let c = 48; c <= 57; c++) t[c] = 1;
  for (let c = 65; c <= 90; c++) t[c] = 1;
  for (let c = 97; c <= 122; c++) t[c] = 1;
  for (const ch of '_-:./^+') t[ch.charCodeAt(0)] = 1;
  return t;
})();

export function isWordChar(c: number): boolean {
  return c < 128 && WORD_CHAR[c] === 1;
}

/**
 * The length of the RFC 2622 §7 operator at `i` (`<<=`, `>>=`, `.=`, `==`, `!=`, `+=`, `-=`, `*=`, `/=`,
 * `<=`, `>=`, `=`), or 0. Longest match wins.
 */
export function operatorLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  if (c === 61 /* = */) return d === 61 ? 2 : 1;
  if (c === 60 /* < */ || c === 62 /* > */) {
    if (d === 61) return 2;
    return d === c && text.charCodeAt(i + 2) === 61 ? 3 : 0;
  }
  // . ! + - * /
  if (d === 61 && (c === 46 || c === 33 || c === 43 || c === 45 || c === 42 || c === 47)) return 2;
  return 0;
}

/** Is `c` one of the punctuation tokens `{ } ( ) ; ,`? */
export function isPunct(c: number): boolean {
  return c < 128 && PUNCT[c] !== undefined;
}

/**
 * The tokens of `text`, scanned as the parser asks for them. A value the parser gives up on (policy/too-deep,
 * policy/nested-braces) is then never scanned whole: 100,000 `refine`s made 500,000 tokens before the parser
 * stopped at the 100th, and a file of such values held hundreds of megabytes of them at once. (LazyTokens does
 * the same for any token type; the parser asks for a token several times per token, so this one calls the
 * scanner itself rather than through LazyTokens' two closures.)
 */
export class PolicyTokens {
  private readonly toks: Token[] = [];
  /** Where scanning resumes, or -1 once the tokens are ended (the text's end, or endAt). */
  private pos = 0;
  private readonly eof: Token;

  constructor(private readonly text: string) {
    this.eof = new Token('eof', '', text.length, text.length, undefined, false);
  }

  /** Token `k`; past the end, the `eof` token. */
  at(k: number): Token {
    const toks = this.toks;
    if (k < toks.length) return toks[k]!;
    while (this.pos >= 0) {
      const t = nextToken(this.text, this.pos);
      if (t === undefined) {
        this.pos = -1;
        break;
      }
      toks.push(t);
      this.pos = t.end;
      if (k < toks.length) return t;
    }
    return this.eof;
  }

  /** Ends the tokens at `k`: token `k` and every later one is `eof`, and the rest of the text is never scanned. */
  endAt(k: number): void {
    if (k > 0) this.at(k - 1);
    if (this.toks.length > k) this.toks.length = k;
    this.pos = -1;
  }

  /** How many tokens have been scanned so far (`eof` not counted). */
  get scanned(): number {
    return this.toks.length;
  }
}

/** The token that starts at or after `from` (after white space), or undefined at the end of the text. */
function nextToken(text: string, from: number): Token | undefined {
  const n = text.length;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    const punct = c < 128 ? PUNCT[c] : undefined;
    if (punct) return new Token(punct, punct, i, i + 1, undefined, false);
    const opLength = operatorLength(text, i);
    // `<` alone opens a regex; `<=` and `<<=` are operators.
    if (opLength > 0) return new Token('op', text.slice(i, i + opLength), i, i + opLength, undefined, false);
    if (c === 60 /* < */) {
      const close = text.indexOf('>', i + 1);
      const end = close < 0 ? n : close + 1;
      return new Token('regex', text.slice(i, end), i, end, undefined, close < 0);
    }
    if (isWordChar(c)) {
      let j = i;
      for (; j < n; j++) {
        const cj = text.charCodeAt(j);
        if (!isWordChar(cj)) break;
        // `community.=` / `community .= {…}`: the dot belongs to the operator.
        if (cj === 46 && text.charCodeAt(j + 1) === 61 && j > i) break;
      }
      return new Token('word', text.slice(i, j), i, j, keywordOf(text, i, j), false);
    }
    let j = i + 1;
    for (; j < n; j++) {
      const cj = text.charCodeAt(j);
      if (isWordChar(cj) || (cj < 128 && PUNCT[cj]) || cj <= 32 || cj === 60) break;
    }
    return new Token('error', text.slice(i, j), i, j, undefined, false);
  }
  return undefined;
}
