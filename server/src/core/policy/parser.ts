import { parseAsn } from '../net/asn';
import { parseIPv4, parseIPv6, parsePrefix, type Afi, type Prefix } from '../net/prefix';
import type { Severity } from '../diagnostics/diagnostic';
import { severityOf } from '../diagnostics/registry';
import type { RpslCode } from '../rpsl/codes';
import { DIALECT_PROFILES, type DialectProfile } from '../rpsl/dialects';
import { checkSetName, reportAsdot, reportPrefixForm, type ValueContext } from '../rpsl/valueTypes';
import type { ValueFix } from '../rpsl/model';
import type { Span } from '../text/range';
import type {
  ActionItem,
  ActionValue,
  AfiList,
  AfiName,
  AsExpr,
  Filter,
  InjectCondition,
  Peering,
  PolicyAst,
  PolicyExpr,
  PolicyFactor,
  ProtocolClause,
  RangeOp,
  RouterExpr,
} from './ast';
import { MAX_NESTING } from './nesting';
import { parseAsPathRegex } from './asPathRegex';
import { checkCommunity } from './community';
import type { PolicyCode } from './codes';
import { parseRangeOperator } from './rangeOperator';
import { checkAction } from './rpAttributes';
import { PolicyTokens, type Keyword, type Token } from './scanner';
import { isReservedSetName, setClassOf } from '../rpsl/setName';

/** A problem at a span of the attribute value (not the document: see `validatePolicyAttribute`). */
export interface PolicyProblem {
  readonly code: PolicyCode | RpslCode;
  readonly severity: Severity;
  readonly span: Span;
  readonly message: string;
  /** A replacement of the span that is certain to be right. */
  readonly fix?: ValueFix;
}

export interface PolicyParse {
  readonly ast: PolicyAst;
  readonly problems: readonly PolicyProblem[];
}

type Shape =
  | 'import'
  | 'export'
  | 'default'
  | 'import-via'
  | 'export-via'
  | 'filter'
  | 'peering'
  | 'inject'
  | 'components'
  | 'aggr-bndry'
  | 'aggr-mtd'
  | 'interface'
  | 'ifaddr'
  | 'peer';

/** Which grammar each policy attribute follows, and whether it is a multiprotocol (RFC 4012) one. */
export const POLICY_ATTRIBUTES: Readonly<Record<string, { readonly shape: Shape; readonly mp: boolean }>> = {
  import: { shape: 'import', mp: false },
  'mp-import': { shape: 'import', mp: true },
  export: { shape: 'export', mp: false },
  'mp-export': { shape: 'export', mp: true },
  default: { shape: 'default', mp: false },
  'mp-default': { shape: 'default', mp: true },
  'import-via': { shape: 'import-via', mp: true },
  'export-via': { shape: 'export-via', mp: true },
  filter: { shape: 'filter', mp: false },
  'mp-filter': { shape: 'filter', mp: true },
  peering: { shape: 'peering', mp: false },
  'mp-peering': { shape: 'peering', mp: true },
  inject: { shape: 'inject', mp: true },
  components: { shape: 'components', mp: true },
  'aggr-bndry': { shape: 'aggr-bndry', mp: true },
  'aggr-mtd': { shape: 'aggr-mtd', mp: true },
  interface: { shape: 'interface', mp: true },
  ifaddr: { shape: 'ifaddr', mp: false },
  peer: { shape: 'peer', mp: false },
  'mp-peer': { shape: 'peer', mp: true },
};

/** RFC 2622 §7 dictionary protocols. */
const PROTOCOLS: ReadonlySet<string> = new Set(['BGP4', 'MPBGP', 'OSPF', 'RIP', 'RIPNG', 'IGRP', 'IS-IS', 'STATIC', 'DVMRP', 'PIM-DM', 'PIM-SM', 'CBT', 'MOSPF']);

const AFI_NAMES: Readonly<Record<string, readonly AfiName[]>> = {
  ipv4: ['ipv4.unicast', 'ipv4.multicast'],
  'ipv4.unicast': ['ipv4.unicast'],
  'ipv4.multicast': ['ipv4.multicast'],
  ipv6: ['ipv6.unicast', 'ipv6.multicast'],
  'ipv6.unicast': ['ipv6.unicast'],
  'ipv6.multicast': ['ipv6.multicast'],
  any: ['ipv4.unicast', 'ipv4.multicast', 'ipv6.unicast', 'ipv6.multicast'],
  'any.unicast': ['ipv4.unicast', 'ipv6.unicast'],
  'any.multicast': ['ipv4.multicast', 'ipv6.multicast'],
};

const DNS_NAME = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** `text` equals `lower` (a lower-case ASCII literal) ignoring case, without allocating. */
function equalsIgnoreCase(text: string, lower: string, from = 0): boolean {
  if (text.length - from !== lower.length) return false;
  return startsWithIgnoreCase(text, lower, from);
}

function startsWithIgnoreCase(text: string, lower: string, from = 0): boolean {
  if (text.length - from < lower.length) return false;
  for (let i = 0; i < lower.length; i++) {
    const c = text.charCodeAt(from + i);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/** `text.trim() === ''` without the copy (falls back to trim for non-ASCII). */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) return text.trim() === '';
    if (c !== 32 && (c < 9 || c > 13)) return false;
  }
  return true;
}

function isAddress(text: string): boolean {
  return parseIPv4(text)?.parts === 4 || (text.includes(':') && parseIPv6(text) !== undefined);
}

const BOTH_AFIS: ReadonlySet<Afi> = new Set<Afi>([4, 6]);
const IPV4_ONLY: ReadonlySet<Afi> = new Set<Afi>([4]);
const IPV6_ONLY: ReadonlySet<Afi> = new Set<Afi>([6]);

const NO_PROTOCOL_CLAUSE: ProtocolClause = Object.freeze({});

/** POLICY_ATTRIBUTES as a Map: looked up once per attribute of a whole dump. */
const POLICY_ATTRIBUTE_MAP: ReadonlyMap<string, { readonly shape: Shape; readonly mp: boolean }> = new Map(Object.entries(POLICY_ATTRIBUTES));

/**
 * Also a ValueContext: values inside policy text (AS numbers, prefixes, set names) go through the same
 * checkers as in ordinary attributes, so they get the same codes, messages and fixes.
 */
class Parser implements ValueContext {
  private p = 0;
  readonly problems: PolicyProblem[] = [];
  /** Address families prefixes may belong to in the current expression. */
  private afiScope: ReadonlySet<Afi>;
  readonly className = '';
  private readonly valueLength: number;

  constructor(
    private readonly toks: PolicyTokens,
    private readonly mp: boolean,
    readonly value: string,
    readonly attrName: string,
    readonly profile: DialectProfile,
  ) {
    this.afiScope = mp ? BOTH_AFIS : IPV4_ONLY;
    this.valueLength = value.length;
  }

  // ---- token helpers -------------------------------------------------------------------------------

  peek(k = 0): Token {
    return this.toks.at(this.p + k);
  }

  next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.p++;
    return t;
  }

  /** Is `t` one of the keywords `a`, `b`, `c` (all lower case, letters only)? */
  isKw(t: Token, a: Keyword, b?: Keyword, c?: Keyword): boolean {
    const w = t.keyword;
    return w !== undefined && (w === a || w === b || w === c);
  }

  private isKeyword(t: Token): boolean {
    return t.keyword !== undefined;
  }

  /** How deep the parse is in parentheses, NOTs and braces; see deeper(). */
  private depth = 0;
  /** Set when nesting went too deep: the rest of the value is skipped, and the unclosed brackets around it not reported. */
  private abandoned = false;

  /**
   * Parses one more level of nesting, unless the value nests deeper than any real policy (RFC 2622 sets no limit;
   * registries' longest filters nest a handful of levels): then it says so once and skips the rest of the value,
   * where recursion would otherwise overflow the stack and take the whole document's checks with it.
   */
  private deeper<T>(open: Token, parse: () => T, skipped: () => T): T {
    if (this.depth >= MAX_NESTING) {
      this.abandon('policy/too-deep', open, `Nested more than ${MAX_NESTING} levels deep: the rest of this value is not checked. Write the expression with fewer levels of brackets.`);
      return skipped();
    }
    this.depth++;
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  /** Says once why the rest of the value is not checked, and skips it: no finding after it, none per token of it. */
  private abandon(code: PolicyCode, span: Span, message: string): void {
    this.problem(code, span, message);
    this.abandoned = true;
    this.toks.endAt(this.p);
  }

  /**
   * The words of a flat `{ … }` list after its `{` (a prefix set, a community list), through its `}`. Neither nests
   * (RFC 2622 §5.4 and appendix A; RIPE whois's grammars, whois-rpsl/src/main/parser/byacc/mp_import.y, take
   * `'{' opt_filter_prefix_list '}'` and `'{' community_elm_list '}'` with plain items only), so an inner `{` is one
   * policy/nested-braces and the rest of the value is skipped — 50,000 of them were 50,000 findings. Of other stray
   * symbols only the first is reported: the words around them are still read.
   */
  private flatList(what: 'prefix set' | 'community list', stopAtKeyword: boolean): { words: Token[]; closed: boolean } {
    const words: Token[] = [];
    let strayReported = false;
    for (;;) {
      const t = this.peek();
      if (t.kind === '}') {
        this.next();
        return { words, closed: true };
      }
      if (t.kind === 'eof' || t.kind === ';' || (stopAtKeyword && this.isKeyword(t))) return { words, closed: false };
      if (t.kind === '{') {
        this.abandon('policy/nested-braces', t, `A "{" inside a ${what}: ${what}s do not nest, so the rest of this value is not checked. Remove the inner braces.`);
        return { words, closed: true };
      }
      this.next();
      if (t.kind === 'word') words.push(t);
      else if (t.kind !== ',' && !strayReported) {
        strayReported = true;
        this.unexpected(t, what === 'prefix set' ? 'a prefix or "}"' : 'a value or ","');
      }
    }
  }

  problem(code: PolicyCode, span: Span, message: string): void {
    if (this.abandoned) return;
    this.problems.push({ code, severity: severityOf(code), span: { start: span.start, end: span.end }, message });
  }

  /** The rules a set name follows wherever it stands (components, reserved names, length), as in members:. */
  private setNameRules(t: { readonly text: string; readonly start: number; readonly end: number }): void {
    checkSetName(this, t, undefined, false);
  }

  /** ValueContext's report, for the RPSL value checkers: their codes are the rpsl area's. */
  report(code: RpslCode, start: number, end: number, message: string, fix?: ValueFix): void {
    this.problems.push({ code, severity: severityOf(code), span: { start, end }, message, ...(fix ? { fix } : {}) });
  }

  private spanFrom(start: number): Span {
    if (this.abandoned) return { start, end: Math.max(start, this.lastTokenEnd()) };
    const prev = this.p > 0 ? this.toks.at(this.p - 1) : undefined;
    return { start, end: Math.max(start, prev ? prev.end : start) };
  }

  /** After abandon() the unscanned rest of the value counts as skipped, so nodes around it span to its last token. */
  private lastTokenEnd(): number {
    let e = this.valueLength;
    for (let c = this.value.charCodeAt(e - 1); c === 32 || c === 9 || c === 10 || c === 13; c = this.value.charCodeAt(e - 1)) e--;
    return e;
  }

  unexpected(t: Token, what: string): void {
    if (t.kind === 'eof') this.problem('policy/missing-keyword', { start: this.valueLength, end: this.valueLength }, `The value ends where ${what} is expected.`);
    else if (t.kind === 'regex' && t.unterminated) this.problem('policy/unclosed', t, 'This "<" is not closed: end the AS-path expression with ">".');
    else this.problem('policy/unexpected-token', t, `Expected ${what}, found "${t.text}".`);
  }

  /** Skips to a token where parsing can resume: `;`, a closing brace, eof, or one of `kws`. */
  private syncTo(...kws: Keyword[]): void {
    let depth = 0;
    for (;;) {
      const t = this.peek();
      if (t.kind === 'eof') return;
      if (depth === 0 && (t.kind === ';' || t.kind === '}' || (t.keyword !== undefined && kws.includes(t.keyword)))) return;
      if (t.kind === '{' || t.kind === '(') depth++;
      if ((t.kind === '}' || t.kind === ')') && depth > 0) depth--;
      this.p++;
    }
  }

  expectEnd(): void {
    // `accept ANY;`: a closing semicolon is common in registries and harmless, so it is let through.
    if (this.peek().kind === ';' && this.peek(1).kind === 'eof') this.next();
    const t = this.peek();
    if (t.kind !== 'eof') {
      this.problem('policy/unexpected-token', { start: t.start, end: this.valueLength }, `Unexpected "${t.text}" after the end of the expression: remove it, or join it with AND/OR.`);
    }
  }

  // ---- protocol and afi ----------------------------------------------------------------------------

  protocolClause(): ProtocolClause {
    // Most policies have neither clause: no object for them.
    if (!this.isKw(this.peek(), 'protocol', 'into')) return NO_PROTOCOL_CLAUSE;
    const out: { protocol?: { name: string; span: Span }; into?: { name: string; span: Span } } = {};
    for (const kw of ['protocol', 'into'] as const) {
      if (!this.isKw(this.peek(), kw)) continue;
      this.next();
      const t = this.peek();
      if (t.kind !== 'word' || this.isKeyword(t)) {
        this.unexpected(t, `a protocol name after "${kw}"`);
        continue;
      }
      this.next();
      if (!PROTOCOLS.has(t.text.toUpperCase())) this.problem('policy/unknown-protocol', t, `"${t.text}" is not a protocol of the RFC 2622 dictionary (BGP4, OSPF, STATIC, IS-IS, RIP, …).`);
      out[kw === 'protocol' ? 'protocol' : 'into'] = { name: t.text.toUpperCase(), span: { start: t.start, end: t.end } };
    }
    return out;
  }

  optAfi(): AfiList | undefined {
    const kw = this.peek();
    if (!this.isKw(kw, 'afi')) return undefined;
    this.next();
    if (!this.mp) this.problem('policy/afi-not-allowed', kw, '"afi" is only allowed in the multiprotocol attributes (mp-import, mp-export, mp-default, mp-filter …): rename the attribute to its mp- form.');
    const afis: AfiName[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'word' || this.isKeyword(t)) {
        this.unexpected(t, 'an address family (ipv4.unicast, ipv6.unicast, any …)');
        break;
      }
      this.next();
      const names = AFI_NAMES[t.text.toLowerCase()];
      if (names) afis.push(...names);
      else this.problem('policy/invalid-afi', t, `"${t.text}" is not an address family: use ipv4, ipv6 or any, optionally with .unicast or .multicast.`);
      if (this.peek().kind !== ',') break;
      this.next();
    }
    const list = { afis, span: this.spanFrom(kw.start) };
    if (afis.length > 0) {
      const v4 = afis.some((a) => a.startsWith('ipv4'));
      const v6 = afis.some((a) => a.startsWith('ipv6'));
      this.afiScope = v4 && v6 ? BOTH_AFIS : v4 ? IPV4_ONLY : IPV6_ONLY;
    }
    return list;
  }

  // ---- policy expressions --------------------------------------------------------------------------

  expr(dir: 'import' | 'export'): PolicyExpr {
    const outerScope = this.afiScope;
    const afi = this.optAfi();
    const start = afi?.span.start ?? this.peek().start;
    const term = this.term(dir, afi);
    const t = this.peek();
    if (this.isKw(t, 'except', 'refine')) {
      this.next();
      // A chain of refinements nests to the right: guarded as brackets are.
      const right = this.deeper(t, () => this.expr(dir), () => undefined);
      this.afiScope = outerScope;
      if (right === undefined) return term;
      return { kind: t.text.toLowerCase() as 'except' | 'refine', left: term, right, span: this.spanFrom(start) };
    }
    this.afiScope = outerScope;
    return term;
  }

  private term(dir: 'import' | 'export', afi: AfiList | undefined): PolicyExpr {
    const open = this.peek();
    const start = afi?.span.start ?? open.start;
    if (open.kind !== '{') {
      const f = this.factor(dir);
      const span = this.spanFrom(start);
      // Literal objects, not spreads: spreading `afi` in was the parser's most expensive line.
      return afi ? { kind: 'term', afi, factors: [f], structured: false, span } : { kind: 'term', factors: [f], structured: false, span };
    }
    this.next();
    const factors: PolicyFactor[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === '}') {
        this.next();
        break;
      }
      if (t.kind === 'eof') {
        this.problem('policy/unclosed', open, 'This "{" is not closed: end the structured policy with "}".');
        break;
      }
      if (t.kind === ';') {
        this.next();
        continue;
      }
      const before = this.p;
      factors.push(this.factor(dir));
      const after = this.peek();
      if (after.kind === ';') this.next();
      else if (after.kind !== '}' && after.kind !== 'eof') {
        this.unexpected(after, '";" or "}" after the filter');
        this.syncTo();
        if (this.peek().kind === ';') this.next();
      }
      if (this.p === before) this.next();
    }
    const span = this.spanFrom(start);
    return afi ? { kind: 'term', afi, factors, structured: true, span } : { kind: 'term', factors, structured: true, span };
  }

  /** `from <peering> [action …] … accept <filter>`; `dir` says which keywords belong. */
  factor(dir: 'import' | 'export' | 'default'): PolicyFactor {
    const start = this.peek().start;
    const want = dir === 'import' ? 'from' : 'to';
    const other = dir === 'import' ? 'to' : 'from';
    const peerings: { peering: Peering; actions: ActionItem[]; span: Span }[] = [];
    while (this.isKw(this.peek(), want, other)) {
      const kw = this.next();
      if (kw.text.toLowerCase() === other) {
        this.problem(
          'policy/direction-mismatch',
          kw,
          dir === 'import'
            ? `An import names its peers with "from", not "to": write "from", or move this rule to export.`
            : `${dir === 'default' ? 'A default' : 'An export'} names its peers with "to", not "from": write "to"${dir === 'export' ? ', or move this rule to import' : ''}.`,
        );
      }
      const peering = this.peering();
      const actions = this.isKw(this.peek(), 'action') ? (this.next(), this.actions()) : [];
      peerings.push({ peering, actions, span: this.spanFrom(kw.start) });
    }
    if (peerings.length === 0) {
      this.unexpected(this.peek(), `"${want}" and a peering`);
      this.syncTo(dir === 'import' ? 'accept' : dir === 'export' ? 'announce' : 'networks', 'announce', 'accept');
    }
    if (dir === 'default') {
      if (this.isKw(this.peek(), 'networks')) {
        this.next();
        return { peerings, filter: this.filter(), span: this.spanFrom(start) };
      }
      return { peerings, span: this.spanFrom(start) };
    }
    const verb = dir === 'import' ? 'accept' : 'announce';
    const wrong = dir === 'import' ? 'announce' : 'accept';
    const t = this.peek();
    if (this.isKw(t, verb)) this.next();
    else if (this.isKw(t, wrong)) {
      this.next();
      this.problem(
        'policy/direction-mismatch',
        t,
        dir === 'import' ? 'An import takes routes with "accept", not "announce": write "accept".' : 'An export sends routes with "announce", not "accept": write "announce".',
      );
    } else if (this.startsFilter(t)) {
      this.problem('policy/missing-keyword', t, `"${verb}" is missing before the filter: write ${verb} ${t.text}.`);
    } else {
      this.unexpected(t, `"${verb}" and a filter`);
      return { peerings, span: this.spanFrom(start) };
    }
    return { peerings, filter: this.filter(), span: this.spanFrom(start) };
  }

  // ---- peerings, AS and router expressions ----------------------------------------------------------

  peering(): Peering {
    const start = this.peek().start;
    const t = this.peek();
    const out: { span: Span; as?: AsExpr; peeringSet?: { name: string; span: Span }; remoteRouter?: RouterExpr; localRouter?: RouterExpr } = { span: { start, end: start } };
    if (t.kind === 'word' && setClassOf(t.text) === 'peering-set') {
      this.next();
      this.setNameRules(t);
      out.peeringSet = { name: t.text.toUpperCase(), span: { start: t.start, end: t.end } };
    } else {
      out.as = this.asExpr();
      const r = this.peek();
      if (r.kind === 'word' && !this.isKeyword(r) && (isAddress(r.text) || setClassOf(r.text) === 'rtr-set' || DNS_NAME.test(r.text))) {
        out.remoteRouter = this.routerExpr();
      } else {
        // `from AS1 AS2`: report the stray operands and skip them, so the rest still parses.
        for (let r2 = this.peek(); r2.kind === 'word' && !this.isKeyword(r2) && (parseAsn(r2.text).ok || setClassOf(r2.text) === 'as-set'); r2 = this.peek()) {
          this.problem('policy/unexpected-token', r2, `"${r2.text}" follows an AS expression without an operator: join them with OR (or AND / EXCEPT).`);
          this.next();
        }
      }
    }
    if (this.isKw(this.peek(), 'at')) {
      this.next();
      out.localRouter = this.routerExpr();
    }
    out.span = this.spanFrom(start);
    return out;
  }

  asExpr(): AsExpr {
    let left = this.asAnd();
    while (this.isKw(this.peek(), 'or')) {
      this.next();
      const right = this.asAnd();
      left = { kind: 'or', left, right, span: { start: left.span.start, end: right.span.end } };
    }
    return left;
  }

  private asAnd(): AsExpr {
    let left = this.asPrimary();
    while (this.isKw(this.peek(), 'and', 'except')) {
      const op = this.next().text.toLowerCase() as 'and' | 'except';
      const right = this.asPrimary();
      left = { kind: op, left, right, span: { start: left.span.start, end: right.span.end } };
    }
    return left;
  }

  private asPrimary(): AsExpr {
    const t = this.peek();
    if (t.kind === '(') {
      this.next();
      const inner = this.deeper(t, () => this.asExpr(), (): AsExpr => ({ kind: 'error', span: { start: t.start, end: t.end } }));
      if (this.peek().kind === ')') this.next();
      else this.problem('policy/unclosed', t, 'This "(" is not closed: add ")".');
      return inner;
    }
    if (t.kind !== 'word' || this.isKeyword(t)) {
      this.unexpected(t, 'an AS number or as-set name');
      return { kind: 'error', span: { start: t.start, end: t.start } };
    }
    this.next();
    const span = { start: t.start, end: t.end };
    if (equalsIgnoreCase(t.text, 'as-any')) return { kind: 'as-any', span };
    if (equalsIgnoreCase(t.text, 'peeras')) return { kind: 'peeras', span };
    const cls = setClassOf(t.text);
    if (cls === 'as-set') {
      this.setNameRules(t);
      return { kind: 'set', name: t.text.toUpperCase(), span };
    }
    const a = parseAsn(t.text);
    if (a.ok && a.hadPrefix) {
      if (a.notation === 'asdot') reportAsdot(this, t, a.asn);
      return { kind: 'asn', asn: a.asn, span };
    }
    if (a.ok) this.problem('policy/invalid-asn', span, `"${t.text}" is a bare number: write AS${t.text}.`);
    else if (/^AS[0-9.]+$/i.test(t.text)) this.problem('policy/invalid-asn', span, `${t.text} is not a valid AS number (0–4294967295, or asdot 0.0–65535.65535).`);
    else
      this.problem(
        'policy/invalid-as-expression',
        span,
        cls
          ? `"${t.text}" is a ${cls} name; a peering needs AS numbers, as-sets (AS-…) or a peering-set (PRNG-…) alone.`
          : `"${t.text}" is neither an AS number nor an as-set name.`,
      );
    return { kind: 'error', span };
  }

  routerExpr(): RouterExpr {
    let left = this.routerPrimary();
    while (this.isKw(this.peek(), 'and', 'or', 'except')) {
      const op = this.next().text.toLowerCase() as 'and' | 'or' | 'except';
      const right = this.routerPrimary();
      left = { kind: op, left, right, span: { start: left.span.start, end: right.span.end } };
    }
    return left;
  }

  private routerPrimary(): RouterExpr {
    const t = this.peek();
    if (t.kind === '(') {
      this.next();
      const inner = this.deeper(t, () => this.routerExpr(), (): RouterExpr => ({ kind: 'error', span: { start: t.start, end: t.end } }));
      if (this.peek().kind === ')') this.next();
      else this.problem('policy/unclosed', t, 'This "(" is not closed: add ")".');
      return inner;
    }
    if (t.kind !== 'word' || this.isKeyword(t)) {
      this.unexpected(t, 'a router address, inet-rtr name or rtr-set name');
      return { kind: 'error', span: { start: t.start, end: t.start } };
    }
    this.next();
    const span = { start: t.start, end: t.end };
    if (isAddress(t.text)) return { kind: 'address', text: t.text, span };
    if (setClassOf(t.text) === 'rtr-set') {
      this.setNameRules(t);
      return { kind: 'rtr-set', name: t.text.toUpperCase(), span };
    }
    if (DNS_NAME.test(t.text)) return { kind: 'dns', name: t.text.toLowerCase(), span };
    this.problem('policy/unexpected-token', span, `"${t.text}" is not a router: write an IP address, an inet-rtr name (a DNS name) or an rtr-set (RTRS-…).`);
    return { kind: 'error', span };
  }

  // ---- actions -------------------------------------------------------------------------------------

  actions(): ActionItem[] {
    const items: ActionItem[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'word' || this.isKeyword(t)) {
        if (items.length === 0) this.unexpected(t, 'an action such as pref = 10');
        break;
      }
      const item = this.actionItem();
      items.push(item);
      for (const pr of checkAction(item)) this.problem(pr.code, pr.span, pr.message);
      const after = this.peek();
      if (after.kind === ';') {
        this.next();
        continue;
      }
      if (after.kind === 'word' && !this.isKeyword(after)) {
        this.problem('policy/unexpected-token', after, `Expected ";" between actions before "${after.text}".`);
        continue;
      }
      break;
    }
    return items;
  }

  private actionItem(): ActionItem {
    const t = this.next();
    const dot = t.text.indexOf('.');
    const attribute = dot >= 0 ? t.text.slice(0, dot) : t.text;
    const attributeSpan = { start: t.start, end: t.start + attribute.length };
    if (dot >= 0) {
      const method = t.text.slice(dot + 1);
      const args = this.peek().kind === '(' ? this.argList() : [];
      if (args.length === 0 && this.toks.at(this.p - 1).kind !== ')') this.unexpected(this.peek(), `"(" and arguments after ${t.text}`);
      return { attribute, attributeSpan, operator: 'method', method, args, span: this.spanFrom(t.start) };
    }
    const op = this.peek();
    if (op.kind !== 'op') {
      this.unexpected(op, `an operator (=, .=) after "${t.text}"`);
      this.syncTo('accept', 'announce', 'networks', 'from', 'to');
      return { attribute, attributeSpan, operator: '', args: [], span: this.spanFrom(t.start) };
    }
    this.next();
    const v = this.actionValue();
    return { attribute, attributeSpan, operator: op.text, args: v ? [v] : [], span: this.spanFrom(t.start) };
  }

  private argList(): ActionValue[] {
    const open = this.next();
    const args: ActionValue[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === ')') {
        this.next();
        break;
      }
      if (t.kind === 'eof' || t.kind === ';') {
        this.problem('policy/unclosed', open, 'This "(" is not closed: add ")".');
        break;
      }
      if (t.kind === ',') {
        this.next();
        continue;
      }
      const v = this.actionValue();
      if (v) args.push(v);
      else this.next();
    }
    return args;
  }

  private actionValue(): ActionValue | undefined {
    const t = this.peek();
    if (t.kind === 'word' && !this.isKeyword(t)) {
      this.next();
      return { kind: 'word', text: t.text, span: { start: t.start, end: t.end } };
    }
    if (t.kind === '{') {
      this.next();
      const list = this.flatList('community list', false);
      if (!list.closed) this.problem('policy/unclosed', t, 'This "{" is not closed: add "}".');
      const items = list.words.map((u): ActionValue => ({ kind: 'word', text: u.text, span: { start: u.start, end: u.end } }));
      return { kind: 'list', items, span: this.spanFrom(t.start) };
    }
    this.unexpected(t, 'a value');
    return undefined;
  }

  // ---- filters -------------------------------------------------------------------------------------

  private startsFilter(t: Token): boolean {
    if (t.kind === '{' || t.kind === '(' || t.kind === 'regex') return true;
    return t.kind === 'word' && (!this.isKeyword(t) || this.isKw(t, 'not'));
  }

  filter(): Filter {
    const first = this.peek();
    if (!this.startsFilter(first)) {
      this.unexpected(first, 'a filter (ANY, an AS, a set, a prefix list, <regex> …)');
      return { kind: 'error', span: { start: first.start, end: first.start } };
    }
    let left = this.filterAnd();
    for (;;) {
      const t = this.peek();
      if (this.isKw(t, 'or')) this.next();
      else if (!this.startsFilter(t)) break;
      // Juxtaposition is OR (RFC 2622 §5.4: "AS1 AS2" is "AS1 OR AS2").
      const right = this.filterAnd();
      left = { kind: 'or', left, right, span: { start: left.span.start, end: right.span.end } };
    }
    return left;
  }

  private filterAnd(): Filter {
    let left = this.filterNot();
    while (this.isKw(this.peek(), 'and')) {
      this.next();
      const right = this.filterNot();
      left = { kind: 'and', left, right, span: { start: left.span.start, end: right.span.end } };
    }
    return left;
  }

  private filterNot(): Filter {
    const t = this.peek();
    if (this.isKw(t, 'not')) {
      this.next();
      const operand = this.deeper(t, () => this.filterNot(), (): Filter => ({ kind: 'error', span: { start: t.start, end: t.end } }));
      return { kind: 'not', operand, span: { start: t.start, end: operand.span.end } };
    }
    return this.filterPrimary();
  }

  private filterPrimary(): Filter {
    const t = this.peek();
    if (t.kind === '(') {
      this.next();
      const inner = this.deeper(t, () => this.filter(), (): Filter => ({ kind: 'error', span: { start: t.start, end: t.end } }));
      if (this.peek().kind === ')') this.next();
      else this.problem('policy/unclosed', t, 'This "(" is not closed: add ")".');
      return inner;
    }
    if (t.kind === '{') return this.prefixList();
    if (t.kind === 'regex') {
      this.next();
      if (t.unterminated) this.problem('policy/unclosed', { start: t.start, end: t.start + 1 }, 'This "<" is not closed: end the AS-path expression with ">".');
      const { node, problems } = parseAsPathRegex(t.text, t.start);
      for (const pr of problems) this.problem(pr.code, pr.span, pr.message);
      return { kind: 'aspath', regex: node, span: { start: t.start, end: t.end } };
    }
    if (t.kind !== 'word' || this.isKeyword(t)) {
      this.unexpected(t, 'a filter (ANY, an AS, a set, a prefix list, <regex> …)');
      if (t.kind !== 'eof' && t.kind !== ';' && t.kind !== '}' && !this.isKeyword(t)) this.next();
      return { kind: 'error', span: { start: t.start, end: t.end } };
    }
    this.next();
    return this.filterWord(t);
  }

  private filterWord(t: Token): Filter {
    const span = { start: t.start, end: t.end };
    const text = t.text;
    if (equalsIgnoreCase(text, 'any') || equalsIgnoreCase(text, 'as-any') || equalsIgnoreCase(text, 'rs-any')) return { kind: 'any', span };
    if (startsWithIgnoreCase(text, 'community')) return this.communityFilter(t);
    // The regex only for words with a slash: most words are AS numbers and set names.
    if (text.indexOf('/') > 0 && /^[0-9a-f:.]+\/[0-9]/i.test(text) && (text.includes('.') || text.includes(':'))) {
      this.problem('policy/unknown-filter-term', span, `A prefix in a filter must stand in braces: write { ${t.text} }.`);
      const list = this.prefixItems([t]);
      return { kind: 'prefixes', items: list, span };
    }
    const caret = t.text.indexOf('^');
    const base = caret >= 0 ? t.text.slice(0, caret) : t.text;
    const baseSpan = { start: t.start, end: t.start + base.length };
    const range = caret >= 0 ? this.range(t.text.slice(caret), t.start + caret, undefined, this.mp ? 128 : 32) : undefined;
    if (equalsIgnoreCase(base, 'peeras')) return range ? { kind: 'peeras', range, span } : { kind: 'peeras', span };
    const cls = setClassOf(base);
    const upper = cls ? base.toUpperCase() : '';
    if (cls && !isReservedSetName(base)) {
      if (cls === 'as-set' || cls === 'route-set' || cls === 'filter-set') this.setNameRules({ text: base, start: baseSpan.start, end: baseSpan.end });
      if (cls === 'as-set' || cls === 'route-set') return range ? { kind: 'set', name: upper, setClass: cls, range, span } : { kind: 'set', name: upper, setClass: cls, span };
      if (cls === 'filter-set') {
        if (range) this.problem('policy/invalid-range-operator', range.span, `A filter-set (${base}) takes no range operator: put the operator inside the filter-set's own filter.`);
        return { kind: 'set', name: upper, setClass: cls, span };
      }
      this.problem('policy/unknown-filter-term', baseSpan, `"${base}" is a ${cls} name, which cannot stand in a filter: use an as-set, route-set or filter-set.`);
      return { kind: 'error', span };
    }
    const a = parseAsn(base);
    if (a.ok && a.hadPrefix) {
      if (a.notation === 'asdot') reportAsdot(this, { text: base, start: baseSpan.start, end: baseSpan.end }, a.asn);
      return range ? { kind: 'asn', asn: a.asn, range, span } : { kind: 'asn', asn: a.asn, span };
    }
    if (a.ok) this.problem('policy/invalid-asn', baseSpan, `"${base}" is a bare number: write AS${base}.`);
    else if (/^AS[0-9.]+$/i.test(base)) this.problem('policy/invalid-asn', baseSpan, `${base} is not a valid AS number (0–4294967295, or asdot 0.0–65535.65535).`);
    else
      this.problem(
        'policy/unknown-filter-term',
        baseSpan,
        `"${base}" is no AS number, set name or filter keyword: sets are named AS-…, RS-… or FLTR-… (or hierarchically, AS65000:AS-CUSTOMERS).`,
      );
    return { kind: 'error', span };
  }

  private range(text: string, start: number, prefixLength: number | undefined, width: number): RangeOp | undefined {
    const r = parseRangeOperator(text, start, prefixLength, width);
    if (r.ok) return r.op;
    this.problem('policy/invalid-range-operator', { start, end: start + text.length }, r.message);
    return undefined;
  }

  private communityFilter(t: Token): Filter {
    const lower = t.text.toLowerCase();
    let method = lower === 'community' ? 'contains' : lower.startsWith('community.') ? lower.slice('community.'.length) : '';
    if (method === '' && lower !== 'community') {
      this.problem('policy/unknown-filter-term', t, `"${t.text}" is not a community filter: write community(…), community.contains(…) or community == {…}.`);
      return { kind: 'error', span: { start: t.start, end: t.end } };
    }
    let args: ActionValue[] = [];
    const next = this.peek();
    if (next.kind === '(') args = this.argList();
    else if (next.kind === 'op' && next.text === '==' && lower === 'community') {
      this.next();
      method = '==';
      const v = this.actionValue();
      if (v) args = [v];
    } else this.unexpected(next, `"(" after ${t.text}`);
    if (method !== 'contains' && method !== '==') {
      this.problem('policy/unknown-filter-term', t, `community has no filter method "${method}": use community.contains(…) or community == {…}.`);
    }
    const values: { text: string; span: Span }[] = [];
    const collect = (vs: readonly ActionValue[]): void => {
      for (const v of vs) {
        if (v.kind === 'word') values.push({ text: v.text, span: v.span });
        else collect(v.items);
      }
    };
    collect(args);
    for (const v of values) {
      const msg = checkCommunity(v.text);
      if (msg) this.problem('policy/invalid-community', v.span, msg);
    }
    return { kind: 'community', method, values, span: this.spanFrom(t.start) };
  }

  private prefixItems(words: readonly Token[]): { prefix: Prefix; range?: RangeOp; span: Span }[] {
    const items: { prefix: Prefix; range?: RangeOp; span: Span }[] = [];
    for (const w of words) {
      const caret = w.text.indexOf('^');
      const base = caret >= 0 ? w.text.slice(0, caret) : w.text;
      const baseSpan = { start: w.start, end: w.start + base.length };
      const pp = parsePrefix(base);
      if (!pp.ok) {
        this.problem('policy/invalid-prefix', baseSpan, `"${base}" is not a prefix (${pp.reason}): write address/length, e.g. 192.0.2.0/24.`);
        continue;
      }
      // Short form, host bits, leading zeros: the findings and fixes these get in route: and members:.
      reportPrefixForm(this, { text: base, start: baseSpan.start, end: baseSpan.end }, pp);
      if (!this.afiScope.has(pp.prefix.afi)) {
        this.problem(
          'policy/afi-mismatch',
          baseSpan,
          this.mp
            ? `${base} is IPv${pp.prefix.afi} but this expression is limited to ${this.afiScope.has(4) ? 'IPv4' : 'IPv6'} by its afi list.`
            : `${base} is IPv6, but this attribute is IPv4 only: move the rule to the mp- attribute (RFC 4012).`,
        );
      }
      const width = pp.prefix.afi === 4 ? 32 : 128;
      const range = caret >= 0 ? this.range(w.text.slice(caret), w.start + caret, pp.prefix.length, width) : undefined;
      items.push({ prefix: pp.prefix, ...(range ? { range } : {}), span: { start: w.start, end: w.end } });
    }
    return items;
  }

  private prefixList(): Filter {
    const open = this.next();
    const { words, closed } = this.flatList('prefix set', true);
    if (!closed) this.problem('policy/unclosed', open, 'This "{" is not closed: end the prefix list with "}".');
    const items = this.prefixItems(words);
    let range: RangeOp | undefined;
    const after = this.peek();
    if (closed && after.kind === 'word' && after.text.startsWith('^')) {
      this.next();
      range = this.range(after.text, after.start, undefined, this.mp ? 128 : 32);
    }
    return { kind: 'prefixes', items, ...(range ? { range } : {}), span: this.spanFrom(open.start) };
  }

  // ---- other attributes ----------------------------------------------------------------------------

  injectCondition(): InjectCondition {
    let left = this.injectPrimary();
    while (this.isKw(this.peek(), 'and', 'or')) {
      const op = this.next().text.toLowerCase() as 'and' | 'or';
      const right = this.injectPrimary();
      left = { kind: op, left, right, span: { start: left.span.start, end: right.span.end } };
    }
    return left;
  }

  private injectPrimary(): InjectCondition {
    const t = this.peek();
    const up = t.kind === 'word' ? t.text.toUpperCase() : '';
    if (up === 'STATIC') {
      this.next();
      return { kind: 'static', span: { start: t.start, end: t.end } };
    }
    if (up === 'HAVE-COMPONENTS' || up === 'EXCLUDE') {
      this.next();
      const prefixes = this.peek().kind === '{' ? this.prefixList() : (this.unexpected(this.peek(), '"{" and a prefix list'), { kind: 'error' as const, span: { start: t.end, end: t.end } });
      return { kind: up === 'EXCLUDE' ? 'exclude' : 'have-components', prefixes, span: this.spanFrom(t.start) };
    }
    this.unexpected(t, 'HAVE-COMPONENTS { … }, EXCLUDE { … } or STATIC');
    if (t.kind !== 'eof') this.next();
    return { kind: 'static', span: { start: t.start, end: t.end } };
  }

  addressWord(what: string): string {
    const t = this.peek();
    if (t.kind === 'word' && isAddress(t.text)) {
      this.next();
      if (!this.mp && t.text.includes(':')) this.problem('policy/afi-mismatch', t, `${t.text} is IPv6, but this attribute is IPv4 only: use its mp- form.`);
      return t.text;
    }
    this.unexpected(t, what);
    if (t.kind === 'word') this.next();
    return '';
  }

  masklen(address: string): number | undefined {
    if (!this.isKw(this.peek(), 'masklen')) {
      this.unexpected(this.peek(), '"masklen" and a length');
      return undefined;
    }
    this.next();
    const t = this.peek();
    if (t.kind === 'word' && /^[0-9]{1,3}$/.test(t.text)) {
      this.next();
      const n = Number(t.text);
      const width = address.includes(':') ? 128 : 32;
      if (n > width) this.problem('policy/invalid-prefix', t, `masklen ${n} is beyond /${width}.`);
      return n;
    }
    this.unexpected(t, 'a mask length');
    return undefined;
  }

  peerOptions(): { name: string; args: string[]; span: Span }[] {
    const opts: { name: string; args: string[]; span: Span }[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'eof') break;
      if (t.kind === ',') {
        this.next();
        continue;
      }
      if (t.kind !== 'word') {
        this.unexpected(t, 'a peer option such as asno(AS1)');
        this.next();
        continue;
      }
      this.next();
      const args = this.peek().kind === '(' ? this.argList() : [];
      opts.push({ name: t.text.toLowerCase(), args: args.flatMap((a) => (a.kind === 'word' ? [a.text] : [])), span: this.spanFrom(t.start) });
      if (t.text.toLowerCase() === 'asno') {
        for (const a of args) {
          if (a.kind === 'word' && a.text.toLowerCase() !== 'peeras') {
            const asn = parseAsn(a.text);
            if (!asn.ok || !asn.hadPrefix) this.problem('policy/invalid-asn', a.span, `asno takes an AS number (AS<number>) or PeerAS, not "${a.text}".`);
          }
        }
      }
    }
    return opts;
  }
}

/** The grammar, by shape. Each function leaves the parser at eof or reports what is left over. */
function parseShape(ps: Parser, shape: Shape, mp: boolean): PolicyAst {
  switch (shape) {
    case 'import':
    case 'export': {
      const clause = ps.protocolClause();
      const expr = ps.expr(shape);
      ps.expectEnd();
      return clause.protocol || clause.into ? { kind: shape, mp, expr, ...clause } : { kind: shape, mp, expr };
    }
    case 'import-via':
    case 'export-via': {
      const clause = ps.protocolClause();
      const afi = ps.optAfi();
      const via = ps.peering();
      const expr = ps.expr(shape === 'import-via' ? 'import' : 'export');
      ps.expectEnd();
      return { kind: shape, ...(afi ? { afi } : {}), via, expr, ...clause };
    }
    case 'default': {
      const afi = ps.optAfi();
      const factor = ps.factor('default');
      ps.expectEnd();
      return { kind: 'default', mp, ...(afi ? { afi } : {}), factor };
    }
    case 'filter': {
      const filter = ps.filter();
      ps.expectEnd();
      return { kind: 'filter', mp, filter };
    }
    case 'peering': {
      const peering = ps.peering();
      ps.expectEnd();
      return { kind: 'peering', mp, peering };
    }
    case 'aggr-bndry': {
      const expr = ps.asExpr();
      ps.expectEnd();
      return { kind: 'aggr-bndry', expr };
    }
    default:
      return parseRouterShape(ps, shape, mp);
  }
}

function parseRouterShape(ps: Parser, shape: Shape, mp: boolean): PolicyAst {
  switch (shape) {
    case 'inject': {
      const at = ps.isKw(ps.peek(), 'at') ? (ps.next(), ps.routerExpr()) : undefined;
      const actions = ps.isKw(ps.peek(), 'action') ? (ps.next(), ps.actions()) : [];
      const upon = ps.isKw(ps.peek(), 'upon') ? (ps.next(), ps.injectCondition()) : undefined;
      ps.expectEnd();
      return { kind: 'inject', ...(at ? { at } : {}), actions, ...(upon ? { upon } : {}) };
    }
    case 'components': {
      const atomic = ps.isKw(ps.peek(), 'atomic') ? (ps.next(), true) : false;
      const filter = ps.peek().kind !== 'eof' && !ps.isKw(ps.peek(), 'protocol') ? ps.filter() : undefined;
      const protocols: { name: string; filter: Filter; span: Span }[] = [];
      while (ps.isKw(ps.peek(), 'protocol')) {
        const kw = ps.peek();
        const clause = ps.protocolClause();
        protocols.push({ name: clause.protocol?.name ?? '', filter: ps.filter(), span: { start: kw.start, end: kw.end } });
      }
      ps.expectEnd();
      return { kind: 'components', atomic, ...(filter ? { filter } : {}), protocols };
    }
    case 'aggr-mtd': {
      const t = ps.peek();
      const m = t.kind === 'word' ? t.text.toLowerCase() : '';
      if (m === 'inbound' || m === 'outbound') {
        ps.next();
        const expr = m === 'outbound' && ps.peek().kind !== 'eof' ? ps.asExpr() : undefined;
        ps.expectEnd();
        return { kind: 'aggr-mtd', method: m, ...(expr ? { expr } : {}) };
      }
      ps.expectEnd();
      return { kind: 'error' };
    }
    case 'interface':
    case 'ifaddr': {
      const address = ps.addressWord('an interface address');
      const masklen = ps.masklen(address);
      const actions = ps.isKw(ps.peek(), 'action') ? (ps.next(), ps.actions()) : [];
      let tunnel: { endpoint: string; encapsulation: string } | undefined;
      if (shape === 'interface' && ps.isKw(ps.peek(), 'tunnel')) {
        ps.next();
        const endpoint = ps.addressWord('the tunnel\'s remote endpoint address');
        if (ps.peek().kind === ',') ps.next();
        const enc = ps.peek();
        if (enc.kind === 'word') ps.next();
        tunnel = { endpoint, encapsulation: enc.kind === 'word' ? enc.text.toUpperCase() : '' };
      }
      ps.expectEnd();
      return { kind: shape, address, ...(masklen !== undefined ? { masklen } : {}), actions, ...(tunnel ? { tunnel } : {}) };
    }
    case 'peer': {
      const proto = ps.next();
      if (proto.kind === 'word' && !PROTOCOLS.has(proto.text.toUpperCase()))
        ps.problem('policy/unknown-protocol', proto, `"${proto.text}" is not a protocol of the RFC 2622 dictionary (BGP4, MPBGP, OSPF, STATIC …).`);
      const target = ps.next();
      if (target.kind === 'eof') ps.unexpected(target, 'the peer address or name');
      else if (!mp && target.text.includes(':')) ps.problem('policy/afi-mismatch', target, `${target.text} is IPv6, but "peer" is IPv4 only: use mp-peer.`);
      const options = ps.peerOptions();
      return { kind: 'peer', mp, protocol: proto.text.toUpperCase(), target: target.text, options };
    }
    default:
      return { kind: 'error' };
  }
}

/**
 * Parses the value of policy attribute `attrName` (lower-case). Returns undefined for attributes that are
 * not policy attributes. Never throws: problems are reported with spans in `value`, and the tree is whole.
 * `profile` gives the dialect's value rules (set-name components …); severities are left to the caller.
 */
export function parsePolicy(attrName: string, value: string, profile: DialectProfile = DIALECT_PROFILES.rfc): PolicyParse | undefined {
  const def = POLICY_ATTRIBUTE_MAP.get(attrName);
  if (!def) return undefined;
  if (isBlank(value)) {
    return { ast: { kind: 'error' }, problems: [{ code: 'policy/empty', severity: 'error', span: { start: 0, end: 0 }, message: `"${attrName}" has no value: write a policy expression or remove the attribute.` }] };
  }
  const ps = new Parser(new PolicyTokens(value), def.mp, value, attrName, profile);
  const ast = parseShape(ps, def.shape, def.mp);
  return { ast, problems: ps.problems };
}
