import { parseAsn, type Asn } from '../net/asn';
import type { RegexNode } from './ast';
import { MAX_NESTING } from './nesting';
import { setClassOf } from '../rpsl/setName';
import { LazyTokens } from '../text/lazyTokens';
import type { Span } from '../text/range';

export interface RegexProblem {
  readonly span: Span;
  readonly message: string;
  readonly code: 'policy/invalid-regex' | 'policy/invalid-asn' | 'policy/too-deep';
}

type RTok = { t: string; start: number; end: number };

/** A repetition count `{m}`, `{m,}`, `{m,n}` (or `~{…}`), matched in place: slicing the text at every bracket made a copy per character. */
const COUNT = /~?\{\s*[0-9]+\s*(,\s*[0-9]*\s*)?\}/y;

/** The token of `text` at or after `from` (after blanks), its offsets moved by `base`; undefined at the end. */
function nextRegexToken(text: string, from: number, base: number): RTok | undefined {
  let i = from;
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (i >= text.length) return undefined;
  const c = text[i] ?? '';
  if (/[A-Za-z0-9_]/.test(c)) {
    let j = i;
    while (j < text.length && /[A-Za-z0-9_:-]/.test(text[j] ?? '')) j++;
    // asdot AS1.10: a dot between digits belongs to the number, a dot elsewhere is the wildcard.
    if (text[j] === '.' && /[0-9]/.test(text[j - 1] ?? '') && /[0-9]/.test(text[j + 1] ?? '')) {
      j++;
      while (j < text.length && /[0-9]/.test(text[j] ?? '')) j++;
    }
    return { t: text.slice(i, j), start: base + i, end: base + j };
  }
  if (c === '~' && (text[i + 1] === '*' || text[i + 1] === '+')) return { t: text.slice(i, i + 2), start: base + i, end: base + i + 2 };
  COUNT.lastIndex = i;
  const brace = c === '{' || c === '~' ? COUNT.exec(text) : null;
  if (brace) return { t: brace[0].replace(/\s+/g, ''), start: base + i, end: base + i + brace[0].length };
  return { t: c, start: base + i, end: base + i + 1 };
}

/**
 * Parses the inside of `<…>` (RFC 2622 §5.4). `text` is the whole token including the angle brackets, at
 * `start` in the attribute value. Never throws; problems are returned with the tree built so far.
 */
export function parseAsPathRegex(text: string, start: number): { node: RegexNode; problems: RegexProblem[] } {
  const inner = text.endsWith('>') && text.length >= 2 ? text.slice(1, -1) : text.slice(1);
  const base = start + 1;
  // Scanned as the parser goes, so an expression abandoned at MAX_NESTING is not tokenised whole.
  const toks = new LazyTokens<RTok>((pos) => nextRegexToken(inner, pos, base), (t) => t.end - base);
  const problems: RegexProblem[] = [];
  let p = 0;
  const peek = (): RTok | undefined => toks.at(p);
  const whole = { start, end: start + text.length };
  /** Set when the expression nests deeper than MAX_NESTING: its rest is skipped, and problems around it not reported. */
  let abandoned = false;
  let depth = 0;
  const bad = (span: Span, message: string): void => {
    if (!abandoned) problems.push({ span, message, code: 'policy/invalid-regex' });
  };

  const word = (tok: RTok): RegexNode | undefined => {
    if (tok.t.toLowerCase() === 'peeras') return { kind: 'peeras', span: tok };
    if (/^as-any$/i.test(tok.t)) return { kind: 'wildcard', span: tok };
    if (setClassOf(tok.t) === 'as-set') return { kind: 'set', name: tok.t.toUpperCase(), span: tok };
    const a = parseAsn(tok.t);
    if (a.ok && a.hadPrefix) return { kind: 'asn', asn: a.asn, span: tok };
    if (a.ok || (!a.ok && a.reason === 'range' && /^as/i.test(tok.t))) {
      problems.push({
        span: tok,
        code: 'policy/invalid-asn',
        message: a.ok ? `Write AS numbers with the AS prefix: AS${tok.t}.` : `${tok.t} is beyond the largest AS number 4294967295.`,
      });
      return undefined;
    }
    bad(tok, `"${tok.t}" is neither an AS number nor an as-set name.`);
    return undefined;
  };

  const classAtom = (open: RTok): RegexNode => {
    p++;
    let negated = false;
    if (peek()?.t === '^') {
      negated = true;
      p++;
    }
    const items: ({ kind: 'asn'; asn: Asn } | { kind: 'range'; from: Asn; to: Asn } | { kind: 'set'; name: string } | { kind: 'wildcard' } | { kind: 'peeras' })[] = [];
    let end = open.end;
    for (;;) {
      const tok = peek();
      if (!tok) {
        bad(open, 'This "[" is not closed: add "]".');
        break;
      }
      p++;
      end = tok.end;
      if (tok.t === ']') break;
      if (tok.t === '.') {
        items.push({ kind: 'wildcard' });
        continue;
      }
      const range = /^(AS[0-9.]+)-(AS[0-9.]+)$/i.exec(tok.t);
      if (range) {
        const a = parseAsn(range[1] ?? '');
        const b = parseAsn(range[2] ?? '');
        if (a.ok && b.ok && a.asn <= b.asn) items.push({ kind: 'range', from: a.asn, to: b.asn });
        else bad(tok, `"${tok.t}" is no AS range: write ASlow-AShigh with low ≤ high.`);
        continue;
      }
      if (tok.t === '-' && items.length > 0 && peek()) {
        const prev = items[items.length - 1];
        const nextTok = peek() as RTok;
        p++;
        const b = parseAsn(nextTok.t);
        if (prev?.kind === 'asn' && b.ok && b.hadPrefix && prev.asn <= b.asn) items[items.length - 1] = { kind: 'range', from: prev.asn, to: b.asn };
        else bad({ start: tok.start, end: nextTok.end }, 'An AS range in [ ] needs an AS number on both sides of "-", low first.');
        end = nextTok.end;
        continue;
      }
      const n = word(tok);
      if (n?.kind === 'asn') items.push({ kind: 'asn', asn: n.asn });
      else if (n?.kind === 'set') items.push({ kind: 'set', name: n.name });
      else if (n?.kind === 'peeras') items.push({ kind: 'peeras' });
      else if (n?.kind === 'wildcard') items.push({ kind: 'wildcard' });
    }
    return { kind: 'class', negated, items, span: { start: open.start, end } };
  };

  const atom = (): RegexNode | undefined => {
    const tok = peek();
    if (!tok) return undefined;
    switch (tok.t) {
      case '.':
        p++;
        return { kind: 'wildcard', span: tok };
      case '^':
        p++;
        return { kind: 'bol', span: tok };
      case '$':
        p++;
        return { kind: 'eol', span: tok };
      case '[':
        return classAtom(tok);
      case '(': {
        p++;
        if (depth >= MAX_NESTING) {
          if (!abandoned) problems.push({ span: tok, code: 'policy/too-deep', message: `Nested more than ${MAX_NESTING} levels deep: the rest of this AS-path expression is not checked. Write it with fewer levels of brackets.` });
          abandoned = true;
          toks.endAt(p);
          return { kind: 'wildcard', span: tok };
        }
        depth++;
        const inside = alt();
        depth--;
        const close = peek();
        if (close?.t === ')') p++;
        else bad(tok, 'This "(" is not closed: add ")".');
        return { ...inside, span: { start: tok.start, end: close?.t === ')' ? close.end : inside.span.end } };
      }
      default:
        if (/^[A-Za-z0-9_]/.test(tok.t)) {
          p++;
          return word(tok) ?? { kind: 'wildcard', span: tok };
        }
        return undefined;
    }
  };

  const postfix = (): RegexNode | undefined => {
    let node = atom();
    if (!node) return undefined;
    for (;;) {
      const tok = peek();
      if (!tok) break;
      let rep: { min: number; max: number; same: boolean } | undefined;
      if (tok.t === '*') rep = { min: 0, max: Infinity, same: false };
      else if (tok.t === '+') rep = { min: 1, max: Infinity, same: false };
      else if (tok.t === '?') rep = { min: 0, max: 1, same: false };
      else if (tok.t === '~*') rep = { min: 0, max: Infinity, same: true };
      else if (tok.t === '~+') rep = { min: 1, max: Infinity, same: true };
      else {
        const m = /^(~?)\{([0-9]+)(,([0-9]*))?\}$/.exec(tok.t);
        if (m) {
          const min = Number(m[2]);
          const max = m[3] === undefined ? min : m[4] === '' ? Infinity : Number(m[4]);
          if (max < min) bad(tok, `In "${tok.t}" the upper count is below the lower.`);
          rep = { min, max: Math.max(min, max), same: m[1] === '~' };
        }
      }
      if (!rep) break;
      p++;
      node = { kind: 'repeat', operand: node, ...rep, span: { start: node.span.start, end: tok.end } };
    }
    return node;
  };

  const seq = (): RegexNode => {
    const items: RegexNode[] = [];
    for (;;) {
      const tok = peek();
      if (!tok || tok.t === '|' || tok.t === ')') break;
      const n = postfix();
      if (n) items.push(n);
      else {
        bad(tok, `"${tok.t}" cannot stand here in an AS-path expression.`);
        p++;
      }
    }
    const s = items[0]?.span.start ?? peek()?.start ?? whole.end - 1;
    const e = items[items.length - 1]?.span.end ?? s;
    return items.length === 1 && items[0] ? items[0] : { kind: 'seq', items, span: { start: s, end: e } };
  };

  function alt(): RegexNode {
    const options = [seq()];
    while (peek()?.t === '|') {
      p++;
      options.push(seq());
    }
    if (options.length === 1 && options[0]) return options[0];
    const first = options[0];
    const last = options[options.length - 1];
    return { kind: 'alt', options, span: { start: first?.span.start ?? whole.start, end: last?.span.end ?? whole.end } };
  }

  const node = alt();
  for (let tok = peek(); tok; tok = peek()) {
    bad(tok, tok.t === ')' ? 'This ")" closes nothing: remove it or add "(".' : `"${tok.t}" cannot stand here in an AS-path expression.`);
    p++;
  }
  if (toks.at(0) === undefined) bad(whole, 'An empty AS-path expression "<>" matches nothing useful: write e.g. <^AS1 .*>.');
  return { node, problems };
}
