import { parseAsn, type Asn } from '../net/asn';
import { prefixCovers, type Prefix } from '../net/prefix';
import type { AsExpr, Filter, PolicyAst, PolicyExpr, PolicyFactor, RangeOp, RegexNode } from '../policy/ast';
import { policyTree } from '../policy/sharedParses';
import { rangeBounds } from '../policy/rangeOperator';
import { valueOffsetToDocument, valueSpanToDocument, type RpslAttribute, type RpslObject } from '../rpsl/model';
import type { Range, Span } from '../text/range';
import { expandSet, type SetExpansion } from './setExpansion';
import { EntryMemo, type IndexedObject, type WorkspaceIndex } from './workspaceIndex';

/**
 * Route-policy evaluation over the workspace, after RPSLyzer (Li et al., IMC 2023): does an aut-num's
 * import (export) accept (announce) a route from (to) a neighbour, and which term decided?
 *
 * Filters are three-valued and then some: a route matches, does not, the data to decide is not in the
 * workspace (`unrecorded`), or the construct is beyond this evaluator (`skip`: community filters, router
 * expressions are ignored, filter-sets nested beyond 5). An AS number in a filter stands for the routes
 * registered with that origin (RFC 2622 §5.4); when the workspace holds no route object of that AS, the
 * route's origin is compared instead, since most workspaces are not registry dumps.
 */
export type Match = 'match' | 'no-match' | 'unrecorded' | 'skip';

export interface Route {
  readonly prefix: Prefix;
  /** AS path as the receiving side sees it: first = the neighbour that sent it, last = origin. */
  readonly path: readonly Asn[];
}

export interface Decision {
  readonly match: Match;
  /** The attribute and the span (document offsets) of the factor that decided, when one did. */
  readonly attribute?: RpslAttribute;
  readonly span?: Span;
  /** For `unrecorded`: origin ASes the filter names that have no route object in the workspace. */
  readonly missingOrigins?: readonly Asn[];
}

/**
 * Parsed anew on each call: trees are not kept per attribute. A registry dump holds millions of policy
 * lines, and keeping each one's tree for as long as its attribute lived was most of the memory a lint
 * run used (about 700 bytes a line). What lasts is either bounded (`directionRules`) or compact
 * (`exportFacts`).
 */
function policyOf(attr: RpslAttribute): PolicyAst | undefined {
  // The linter's validator shares its parse of the object at hand (sharedParses.ts).
  return policyTree(attr);
}

function and3(a: Match, b: () => Match): Match {
  if (a === 'no-match') return 'no-match';
  const r = b();
  if (r === 'no-match') return 'no-match';
  if (a === 'match') return r;
  if (r === 'match') return a;
  return a === 'skip' || r === 'skip' ? 'skip' : 'unrecorded';
}

function or3(a: Match, b: () => Match): Match {
  if (a === 'match') return 'match';
  const r = b();
  if (r === 'match') return 'match';
  if (a === 'no-match') return r;
  if (r === 'no-match') return a;
  return a === 'skip' || r === 'skip' ? 'skip' : 'unrecorded';
}

function not3(a: Match): Match {
  return a === 'match' ? 'no-match' : a === 'no-match' ? 'match' : a;
}

/** Route objects covering a route's prefix, per route asked about (routes are made per question). */
const covering = new WeakMap<Route, readonly IndexedObject[]>();
/** A set expansion's first members with no route object, none if all have some (expansions are made per index generation). */
const routelessMember = new WeakMap<SetExpansion, readonly Asn[]>();
/** Enough members without routes to name in a message. */
const ROUTELESS_NAMED = 3;

class Evaluator {
  /** Origins a filter needed route objects of and found none: what an `unrecorded` verdict is missing. */
  readonly missingOrigins = new Set<Asn>();

  constructor(
    readonly index: WorkspaceIndex,
    /** The AS on the other side of the peering, for PeerAS. */
    readonly peer: Asn,
  ) {}

  // ---- AS expressions ------------------------------------------------------------------------------

  asMatches(e: AsExpr, a: Asn): Match {
    switch (e.kind) {
      case 'asn':
        return e.asn === a ? 'match' : 'no-match';
      case 'as-any':
        return 'match';
      case 'peeras':
        return a === this.peer ? 'match' : 'no-match';
      case 'set': {
        const x = expandSet(this.index, e.name);
        if (x.asns.has(a)) return 'match';
        return x.found && x.unresolved.length === 0 ? 'no-match' : 'unrecorded';
      }
      case 'and':
        return and3(this.asMatches(e.left, a), () => this.asMatches(e.right, a));
      case 'or':
        return or3(this.asMatches(e.left, a), () => this.asMatches(e.right, a));
      case 'except':
        return and3(this.asMatches(e.left, a), () => not3(this.asMatches(e.right, a)));
      case 'error':
        return 'skip';
    }
  }

  peeringMatches(p: PolicyFactor['peerings'][number]['peering'], a: Asn, depth = 0): Match {
    if (p.as) return this.asMatches(p.as, a);
    if (!p.peeringSet || depth > 5) return 'skip';
    const set = this.index.lookup('peering-set', p.peeringSet.name)[0];
    if (!set) return 'unrecorded';
    let m: Match = 'no-match';
    for (const attr of set.object.attributes) {
      const ast = attr.name === 'peering' || attr.name === 'mp-peering' ? policyOf(attr) : undefined;
      if (ast?.kind === 'peering') m = or3(m, () => this.peeringMatches(ast.peering, a, depth + 1));
    }
    return m;
  }

  // ---- filters -------------------------------------------------------------------------------------

  private prefixIn(base: Prefix, op: RangeOp | undefined, p: Prefix): boolean {
    if (!prefixCovers(base, p)) return false;
    const [lo, hi] = rangeBounds(base.length, base.afi === 4 ? 32 : 128, op);
    return p.length >= lo && p.length <= hi;
  }

  /** Route objects covering the route's prefix, once per route (whichever evaluator asks first). */
  private coveringOf(route: Route): readonly IndexedObject[] {
    let c = covering.get(route);
    if (!c) covering.set(route, (c = this.index.coveringRoutes(route.prefix)));
    return c;
  }

  /**
   * Routes registered with an origin in `asns`: does one cover the route (under `op`)? An AS without
   * route objects in the workspace matches by the route's origin instead (see the module comment).
   */
  private originMatches(asns: Iterable<Asn>, has: (a: Asn) => boolean, op: RangeOp | undefined, route: Route): Match {
    for (const r of this.coveringOf(route)) if (r.route && has(r.route.origin) && this.prefixIn(r.route.prefix, op, route.prefix)) return 'match';
    const origin = route.path[route.path.length - 1];
    let unknown = false;
    for (const a of asns) {
      if (this.index.routeCountOf(a) > 0) continue;
      if (a === origin) return 'match';
      this.missingOrigins.add(a);
      unknown = true;
    }
    return unknown ? 'unrecorded' : 'no-match';
  }

  /**
   * originMatches for a set's members, without walking them all for each route: whether some member has no
   * route object here is the same for every route, and asked once per expansion. Untracked only: a tracked
   * caller must read each member's routes (see WorkspaceIndex.tracking).
   */
  private setOriginMatches(x: SetExpansion, op: RangeOp | undefined, route: Route): Match {
    for (const r of this.coveringOf(route)) if (r.route && x.asns.has(r.route.origin) && this.prefixIn(r.route.prefix, op, route.prefix)) return 'match';
    const origin = route.path[route.path.length - 1];
    if (origin !== undefined && x.asns.has(origin) && this.index.routeCountOf(origin) === 0) return 'match';
    let without = routelessMember.get(x);
    if (without === undefined) {
      const found: Asn[] = [];
      for (const a of x.asns.keys()) if (this.index.routeCountOf(a) === 0 && found.push(a) >= ROUTELESS_NAMED) break;
      routelessMember.set(x, (without = found));
    }
    for (const a of without) this.missingOrigins.add(a);
    return without.length > 0 ? 'unrecorded' : 'no-match';
  }

  filter(f: Filter, route: Route, depth = 0): Match {
    switch (f.kind) {
      case 'any':
        return 'match';
      case 'peeras':
        return this.originMatches([this.peer], (a) => a === this.peer, f.range, route);
      case 'asn':
        return this.originMatches([f.asn], (a) => a === f.asn, f.range, route);
      case 'set': {
        if (f.setClass === 'filter-set') return this.filterSet(f.name, route, depth);
        const x = expandSet(this.index, f.name);
        for (const p of x.prefixes) if (this.prefixIn(p.prefix, f.range ?? p.range, route.prefix)) return 'match';
        const m = this.index.isTracking ? this.originMatches(x.asns.keys(), (a) => x.asns.has(a), f.range, route) : this.setOriginMatches(x, f.range, route);
        if (!x.found || x.unresolved.length > 0) return m === 'no-match' ? 'unrecorded' : m;
        return m;
      }
      case 'prefixes':
        return f.items.some((i) => this.prefixIn(i.prefix, i.range ?? f.range, route.prefix)) ? 'match' : 'no-match';
      case 'aspath':
        return matchAsPath(f.regex, route.path, this);
      case 'community':
        return 'skip';
      case 'not':
        return not3(this.filter(f.operand, route, depth));
      case 'and':
        return and3(this.filter(f.left, route, depth), () => this.filter(f.right, route, depth));
      case 'or':
        return or3(this.filter(f.left, route, depth), () => this.filter(f.right, route, depth));
      case 'error':
        return 'skip';
    }
  }

  private filterSet(name: string, route: Route, depth: number): Match {
    if (depth > 5) return 'skip';
    const set = this.index.lookup('filter-set', name)[0];
    if (!set) return 'unrecorded';
    let m: Match = 'no-match';
    let any = false;
    for (const attr of set.object.attributes) {
      const ast = attr.name === 'filter' || attr.name === 'mp-filter' ? policyOf(attr) : undefined;
      if (ast?.kind !== 'filter') continue;
      any = true;
      m = or3(m, () => this.filter(ast.filter, route, depth + 1));
    }
    return any ? m : 'unrecorded';
  }

  /** Members of an as-set for the regex matcher; undefined when the set is not (fully) known. */
  setContains(name: string, a: Asn): Match {
    const x = expandSet(this.index, name);
    if (x.asns.has(a)) return 'match';
    return x.found && x.unresolved.length === 0 ? 'no-match' : 'unrecorded';
  }
}

/**
 * Matches an AS-path regex (RFC 2622 §5.4) against a path by backtracking over the tree. The path is
 * unanchored unless `^`/`$` say otherwise; `~*`/`~+` repeat the same AS. An unknown set member makes the
 * result `unrecorded` rather than a guess.
 */
function matchAsPath(node: RegexNode, path: readonly Asn[], ev: Evaluator): Match {
  let uncertain: Match | undefined;
  const single = (n: RegexNode, a: Asn): boolean => {
    switch (n.kind) {
      case 'asn':
        return n.asn === a;
      case 'wildcard':
        return true;
      case 'peeras':
        return a === ev.peer;
      case 'set': {
        const m = ev.setContains(n.name, a);
        if (m !== 'match' && m !== 'no-match') uncertain = m;
        return m === 'match';
      }
      case 'class': {
        const hit = n.items.some((i) => {
          if (i.kind === 'asn') return i.asn === a;
          if (i.kind === 'range') return a >= i.from && a <= i.to;
          if (i.kind === 'wildcard') return true;
          if (i.kind === 'peeras') return a === ev.peer;
          const m = ev.setContains(i.name, a);
          if (m !== 'match' && m !== 'no-match') uncertain = m;
          return m === 'match';
        });
        return n.negated ? !hit : hit;
      }
      default:
        return false;
    }
  };
  // m(node, i, k): can `node` match starting at i such that the continuation k accepts the end position?
  const m = (n: RegexNode, i: number, k: (j: number) => boolean): boolean => {
    switch (n.kind) {
      case 'bol':
        return i === 0 && k(i);
      case 'eol':
        return i === path.length && k(i);
      case 'seq': {
        const go = (idx: number, pos: number): boolean => {
          const item = n.items[idx];
          return item === undefined ? k(pos) : m(item, pos, (j) => go(idx + 1, j));
        };
        return go(0, i);
      }
      case 'alt':
        return n.options.some((o) => m(o, i, k));
      case 'repeat': {
        if (n.same) {
          const first = path[i];
          if (first === undefined) return n.min === 0 && k(i);
          if (!m(n.operand, i, (j) => j === i + 1)) return n.min === 0 && k(i);
          let j = i;
          let count = 0;
          while (j < path.length && path[j] === first && count < n.max) {
            j++;
            count++;
          }
          for (let c = count; c >= Math.max(1, n.min); c--) if (k(i + c)) return true;
          return n.min === 0 && k(i);
        }
        const rep = (count: number, pos: number): boolean => {
          if (count < n.max && m(n.operand, pos, (j) => j > pos && rep(count + 1, j))) return true;
          return count >= n.min && k(pos);
        };
        return rep(0, i);
      }
      default: {
        const a = path[i];
        return a !== undefined && single(n, a) && k(i + 1);
      }
    }
  };
  for (let start = 0; start <= path.length; start++) {
    if (m(node, start, () => true)) return 'match';
  }
  return uncertain ?? 'no-match';
}

// ---- policy expressions --------------------------------------------------------------------------

interface ExprResult {
  readonly match: Match;
  readonly span?: Span;
}

function evalFactor(ev: Evaluator, f: PolicyFactor, neighbour: Asn, route: Route): ExprResult {
  let peer: Match = 'no-match';
  for (const p of f.peerings) peer = or3(peer, () => ev.peeringMatches(p.peering, neighbour));
  if (peer === 'no-match') return { match: 'no-match' };
  const filt = f.filter ? ev.filter(f.filter, route) : 'match';
  return { match: and3(peer, () => filt), span: f.span };
}

function evalExpr(ev: Evaluator, e: PolicyExpr, neighbour: Asn, route: Route): ExprResult {
  if (e.kind === 'term') {
    let best: ExprResult = { match: 'no-match' };
    for (const f of e.factors) {
      const r = evalFactor(ev, f, neighbour, route);
      if (r.match === 'match') return r;
      if (best.match === 'no-match' && r.match !== 'no-match') best = r;
    }
    return best;
  }
  if (e.kind === 'except') {
    const right = evalExpr(ev, e.right, neighbour, route);
    if (right.match === 'match') return right;
    return evalExpr(ev, e.left, neighbour, route);
  }
  const left = evalExpr(ev, e.left, neighbour, route);
  const right = evalExpr(ev, e.right, neighbour, route);
  const span = right.match === 'match' ? (left.span ?? right.span) : (right.span ?? left.span);
  return { match: and3(left.match, () => right.match), ...(span ? { span } : {}) };
}

/**
 * Does `autNum` accept `route` from `neighbour` (direction 'import'), or announce it to `neighbour`
 * ('export')? The union of all its import (export) and mp-import (mp-export) attributes decides.
 */
export function evaluatePolicy(index: WorkspaceIndex, autNum: RpslObject, direction: 'import' | 'export', neighbour: Asn, route: Route): Decision {
  const ev = new Evaluator(index, neighbour);
  let best: Decision = { match: 'no-match' };
  const rules = directionRules(autNum, direction);
  for (const { attr, ast } of rules) {
    if (!afiApplies(ast.expr, route.prefix, ast.mp)) continue;
    const r = evalExpr(ev, ast.expr, neighbour, route);
    const decided: Decision = { match: r.match, attribute: attr, ...(r.span ? { span: valueSpanToDocument(attr, r.span.start, r.span.end) } : {}) };
    if (r.match === 'match') return decided;
    if (best.match === 'no-match' && r.match !== 'no-match') best = decided;
    else if (best.match === 'unrecorded' && r.match === 'skip') best = decided;
  }
  if (rules.length === 0) return { match: 'unrecorded' };
  return best.match === 'unrecorded' && ev.missingOrigins.size > 0 ? { ...best, missingOrigins: [...ev.missingOrigins] } : best;
}

/**
 * RFC 4012 leaves import/export/default to IPv4 unicast, as RFC 2622 defined them; an mp- rule applies to
 * the families of its afi list (all of them when it has none).
 */
function afiApplies(e: PolicyExpr, p: Prefix, mp: boolean): boolean {
  if (!mp) return p.afi === 4;
  let first: PolicyExpr = e;
  while (first.kind !== 'term') first = first.left;
  if (first.kind !== 'term' || !first.afi || first.afi.afis.length === 0) return true;
  return first.afi.afis.some((a) => a.startsWith(p.afi === 4 ? 'ipv4' : 'ipv6'));
}

// ---- path verification ---------------------------------------------------------------------------

export type PolicyOutcome = 'verified' | 'not-recorded' | 'rejected' | 'skipped';

export interface PolicyCheck {
  readonly outcome: PolicyOutcome;
  /** The aut-num whose rules were read. */
  readonly asn: Asn;
  /** Where the deciding term stands (or the aut-num, for a rejection). */
  readonly uri?: string;
  readonly range?: Range;
  readonly attribute?: string;
  readonly message: string;
}

export interface PairVerification {
  /** The AS that sent the route (nearer the origin). */
  readonly from: Asn;
  /** The AS that received it (nearer the observer). */
  readonly to: Asn;
  readonly export: PolicyCheck;
  readonly import: PolicyCheck;
}

function outcomeOf(m: Match): PolicyOutcome {
  return m === 'match' ? 'verified' : m === 'no-match' ? 'rejected' : m === 'skip' ? 'skipped' : 'not-recorded';
}

function check(index: WorkspaceIndex, who: Asn, direction: 'import' | 'export', neighbour: Asn, route: Route): PolicyCheck {
  const aut: IndexedObject | undefined = index.autNum(who);
  const verb = direction === 'import' ? `import from AS${neighbour}` : `export to AS${neighbour}`;
  if (!aut) return { outcome: 'not-recorded', asn: who, message: `No aut-num for AS${who} in the workspace: its ${verb} cannot be checked.` };
  const d = evaluatePolicy(index, aut.object, direction, neighbour, route);
  const outcome = outcomeOf(d.match);
  const li = index.lineIndexOf(aut.uri);
  const span = d.span ?? (outcome === 'rejected' ? aut.object.attributes[0]?.span : undefined);
  const message =
    outcome === 'verified'
      ? `AS${who}'s ${d.attribute?.name ?? direction} allows the route (${verb}).`
      : outcome === 'rejected'
        ? `AS${who}'s ${direction} rules do not allow this route (${verb}).`
        : outcome === 'skipped'
          ? `AS${who}'s ${verb} uses a construct this evaluator does not decide (community filter, unparsable rule).`
          : d.missingOrigins
            ? `AS${who}'s ${verb} depends on route objects with origin ${list(d.missingOrigins)}, and the workspace has none: open or add ${d.missingOrigins.length === 1 ? 'that AS’s' : 'those ASes’'} route objects to check this hop.`
            : `AS${who}'s ${verb} depends on objects not in the workspace${d.attribute ? '' : ' (no rule for this direction)'}.`;
  return {
    outcome,
    asn: who,
    uri: aut.uri,
    ...(span && li ? { range: li.range(span) } : {}),
    ...(d.attribute ? { attribute: d.attribute.name } : {}),
    message,
  };
}

function list(asns: readonly Asn[]): string {
  const names = asns.map((a) => `AS${a}`);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/**
 * Checks each adjacent AS pair of `path` (printed order: leftmost the observer's neighbour, rightmost the
 * origin) against the sender's export and the receiver's import. Prepends are collapsed.
 */
export function verifyPathPolicies(path: readonly Asn[], prefix: Prefix, index: WorkspaceIndex): PairVerification[] {
  const hops: Asn[] = [];
  for (const a of path) if (hops[hops.length - 1] !== a) hops.push(a);
  const out: PairVerification[] = [];
  for (let i = hops.length - 2; i >= 0; i--) {
    const to = hops[i] as Asn;
    const from = hops[i + 1] as Asn;
    const received: Route = { prefix, path: hops.slice(i + 1) };
    const beforeSender: Route = { prefix, path: hops.slice(i + 2) };
    // An origin's own export sees an empty path; its route objects still decide `announce AS<origin>`.
    const exported: Route = beforeSender.path.length > 0 ? beforeSender : { prefix, path: [from] };
    out.push({ from, to, export: check(index, from, 'export', to, exported), import: check(index, to, 'import', from, received) });
  }
  return out;
}

/** Parses `AS8048` / `8048` for callers that hold text. */
export function asnOf(text: string): Asn | undefined {
  const a = parseAsn(text);
  return a.ok ? a.asn : undefined;
}

function allFactors(e: PolicyExpr, out: PolicyFactor[]): PolicyFactor[] {
  if (e.kind === 'term') out.push(...e.factors);
  else {
    allFactors(e.left, out);
    allFactors(e.right, out);
  }
  return out;
}

export type Rule = { attr: RpslAttribute; ast: PolicyAst & { kind: 'import' | 'export' }; factors: readonly PolicyFactor[] };

/**
 * Rules of the aut-nums read lately, most recent last, at most RULES_KEPT rules in all (one aut-num's
 * however large): the path view and navigation ask about a few aut-nums many times, while a lint run
 * passes over every aut-num of a dump and must not keep them all.
 */
const RULES_KEPT = 20_000;
const recentRules = new Map<RpslObject, { import?: Rule[]; export?: Rule[] }>();
let recentCount = 0;

/** An aut-num's rules of one direction, parsed once while it is among the aut-nums read lately. */
export function directionRules(autNum: RpslObject, direction: 'import' | 'export'): readonly Rule[] {
  let slot = recentRules.get(autNum);
  if (slot) {
    recentRules.delete(autNum);
    recentRules.set(autNum, slot);
  } else recentRules.set(autNum, (slot = {}));
  let rules = slot[direction];
  if (rules) return rules;
  slot[direction] = rules = computeRules(autNum, direction);
  recentCount += rules.length;
  for (const [o, s] of recentRules) {
    if (recentCount <= RULES_KEPT || o === autNum) break;
    recentCount -= (s.import?.length ?? 0) + (s.export?.length ?? 0);
    recentRules.delete(o);
  }
  return rules;
}

function computeRules(autNum: RpslObject, direction: 'import' | 'export'): Rule[] {
  const names = direction === 'import' ? ['import', 'mp-import'] : ['export', 'mp-export'];
  const out: Rule[] = [];
  for (const attr of autNum.attributes) {
    if (!names.includes(attr.name)) continue;
    const ast = policyOf(attr);
    if (ast && (ast.kind === 'import' || ast.kind === 'export')) out.push({ attr, ast, factors: allFactors(ast.expr, []) });
  }
  return out;
}

/** One filter an export announces, with the peer PeerAS stands for in it (the factor's first plain AS). */
interface Announcement {
  readonly peer: Asn;
  readonly filter: Filter | undefined;
}

/**
 * What the cross-checks read of an aut-num's exports, kept per indexed object instead of its trees: the
 * plain AS numbers its peerings name (most of a real policy: `to AS12 announce …`), the few peerings that
 * are more than that, and the filters it announces per address family, each distinct filter text once
 * (a transit AS announces the same set to thousands of peers).
 */
interface ExportFacts {
  readonly rules: number;
  readonly peers: ReadonlySet<Asn>;
  readonly otherPeerings: readonly PolicyFactor['peerings'][number]['peering'][];
  readonly v4: readonly Announcement[];
  readonly v6: readonly Announcement[];
}

/** A peering that names plain AS numbers only (`AS1`, `AS1 OR AS2`): matching it is a set lookup. */
function plainAsns(e: AsExpr | undefined, out: Asn[]): boolean {
  if (!e) return false;
  if (e.kind === 'asn') {
    out.push(e.asn);
    return true;
  }
  return e.kind === 'or' && plainAsns(e.left, out) && plainAsns(e.right, out);
}

/** What noteAutNum keeps of an aut-num: its export facts and its imports' named peers. */
export interface AutNumFacts {
  readonly exports: ExportFacts;
  /** namedPeers of the imports, packed: AS number, start, end per peer (offsets from the object's start). */
  readonly importPeers: Float64Array;
  /**
   * The text each announcement of `exports.v4` / `exports.v6` was told apart by (one per announcement, in the
   * same order): facts of runs of lines joined later (autNumFactsMemo.ts) drop the repeats by it. Not kept per aut-num.
   */
  readonly announcementKeys: { readonly 4: readonly string[]; readonly 6: readonly string[] };
}

const exportFactsCache = new EntryMemo<ExportFacts>();
const importPeersCache = new EntryMemo<Float64Array>();

/**
 * Reads an aut-num's export facts and import peers while its framed object is at hand (the linter's index
 * pass), so the cross-checks need not frame it again from the text: on a dump of real aut-nums, framing each
 * one again for its exports was a fifth of a lint run. `known`: facts already read (the editor's, from its
 * memo of runs of policy lines: autNumFactsMemo.ts), kept in place of any the aut-num had.
 */
export function noteAutNum(aut: IndexedObject, object: RpslObject, known?: AutNumFacts): void {
  if (!known && exportFactsCache.has(aut) && importPeersCache.has(aut)) return;
  const facts = known ?? autNumFacts(object);
  if (known || !exportFactsCache.has(aut)) exportFactsCache.set(aut, facts.exports);
  if (known || !importPeersCache.has(aut)) importPeersCache.set(aut, facts.importPeers);
}

/**
 * namedPeers of an aut-num's imports, packed (AS number, start, end per peer; offsets from the object's start,
 * since an edit above moves the object) and kept per indexed object, so a check that reads them does not
 * frame the aut-num again.
 */
export function importPeers(aut: IndexedObject, object?: RpslObject): Float64Array {
  let packed = importPeersCache.get(aut);
  if (!packed) importPeersCache.set(aut, (packed = autNumFacts(object ?? aut.object, 'import').importPeers));
  return packed;
}

function exportFacts(aut: IndexedObject, object?: RpslObject): ExportFacts {
  let facts = exportFactsCache.get(aut);
  if (!facts) exportFactsCache.set(aut, (facts = autNumFacts(object ?? aut.object, 'export').exports));
  return facts;
}

const IMPORT_ATTRIBUTES: ReadonlySet<string> = new Set(['import', 'mp-import']);
const EXPORT_ATTRIBUTES: ReadonlySet<string> = new Set(['export', 'mp-export']);
/** Prefixes that stand for an address family in afiApplies. */
const AFI_PROBES: Readonly<Record<4 | 6, Prefix>> = { 4: { afi: 4, words: [0], length: 0 }, 6: { afi: 6, words: [0, 0, 0, 0], length: 0 } };

/**
 * The facts of an aut-num's import and export rules (or of one direction: the other's are then empty), in
 * one pass over its attributes, each policy line parsed once and walked once. Not through directionRules:
 * an object framed for this is never asked again, so its trees would only fill that cache.
 */
export function autNumFacts(object: RpslObject, only?: 'import' | 'export'): AutNumFacts {
  const peers = new Set<Asn>();
  const otherPeerings: PolicyFactor['peerings'][number]['peering'][] = [];
  const seen = { 4: new Set<string>(), 6: new Set<string>() };
  const v4: Announcement[] = [];
  const v6: Announcement[] = [];
  const keys = { 4: [] as string[], 6: [] as string[] };
  const imported: number[] = [];
  let rules = 0;
  const base = object.span.start;
  for (const attr of object.attributes) {
    const isImport = only !== 'export' && IMPORT_ATTRIBUTES.has(attr.name);
    if (!isImport && (only === 'import' || !EXPORT_ATTRIBUTES.has(attr.name))) continue;
    const ast = policyOf(attr);
    if (!ast || (ast.kind !== 'import' && ast.kind !== 'export')) continue;
    if (isImport) {
      forEachFactor(ast.expr, (f) => {
        for (const p of f.peerings) namedPeersOf(p.peering.as, (asn, span) => imported.push(asn, valueOffsetToDocument(attr, span.start) - base, valueOffsetToDocument(attr, span.end) - base));
      });
      continue;
    }
    rules++;
    // Whether the rule applies to a family depends on its expression's afi list only, not on the factor.
    const to4 = afiApplies(ast.expr, AFI_PROBES[4], ast.mp);
    const to6 = afiApplies(ast.expr, AFI_PROBES[6], ast.mp);
    forEachFactor(ast.expr, (f) => {
      for (const p of f.peerings) {
        const asns: Asn[] = [];
        if (plainAsns(p.peering.as, asns)) for (const a of asns) peers.add(a);
        else otherPeerings.push(p.peering);
      }
      if (!to4 && !to6) return;
      let peer = -1 as Asn;
      for (const p of f.peerings)
        if (p.peering.as?.kind === 'asn') {
          peer = p.peering.as.asn;
          break;
        }
      const text = f.filter ? attr.value.slice(f.filter.span.start, f.filter.span.end) : '';
      // PeerAS, also inside a filter-set (FLTR-…), makes the peer part of what the filter means.
      const key = /peeras|fltr-/i.test(text) ? `${peer} ${text}` : text;
      if (to4 && !seen[4].has(key)) {
        seen[4].add(key);
        v4.push({ peer, filter: f.filter });
        keys[4].push(key);
      }
      if (to6 && !seen[6].has(key)) {
        seen[6].add(key);
        v6.push({ peer, filter: f.filter });
        keys[6].push(key);
      }
    });
  }
  return { exports: { rules, peers, otherPeerings, v4, v6 }, importPeers: Float64Array.from(imported), announcementKeys: keys };
}

/** Calls `visit` with each factor of a policy expression, in order. */
function forEachFactor(e: PolicyExpr, visit: (f: PolicyFactor) => void): void {
  if (e.kind === 'term') for (const f of e.factors) visit(f);
  else {
    forEachFactor(e.left, visit);
    forEachFactor(e.right, visit);
  }
}

/** The plain AS numbers a peering names (`AS1`, the ASes of `AS1 OR AS2`) with their value spans: the pairs RPSLyzer checks. */
function namedPeersOf(e: AsExpr | undefined, visit: (asn: Asn, span: Span) => void): void {
  if (!e) return;
  if (e.kind === 'asn') visit(e.asn, e.span);
  else if (e.kind === 'or') {
    namedPeersOf(e.left, visit);
    namedPeersOf(e.right, visit);
  }
}

/**
 * Does any export rule of `aut` announce `route`, to whomever? `undefined` when the aut-num has no
 * export rule at all (nothing to disagree with).
 */
export function announcedToAnyone(index: WorkspaceIndex, aut: IndexedObject, route: Route): Match | undefined {
  const facts = exportFacts(aut);
  if (facts.rules === 0) return undefined;
  let m: Match = 'no-match';
  // Three-valued OR is order-free and idempotent: each distinct filter is asked once, in rule order.
  for (const a of route.prefix.afi === 4 ? facts.v4 : facts.v6) {
    const ev = new Evaluator(index, a.peer);
    m = or3(m, () => (a.filter ? ev.filter(a.filter, route) : 'match'));
    if (m === 'match') return m;
  }
  return m;
}

/** Does some export rule of `aut` name `neighbour` in its peering (whatever the filter)? */
export function exportsTo(index: WorkspaceIndex, aut: IndexedObject, neighbour: Asn): Match {
  const facts = exportFacts(aut);
  // A plain AS decides alone: nothing else can turn a match into anything but a match.
  if (facts.peers.has(neighbour)) return 'match';
  const ev = new Evaluator(index, neighbour);
  let m: Match = 'no-match';
  for (const p of facts.otherPeerings) {
    m = or3(m, () => ev.peeringMatches(p, neighbour));
    if (m === 'match') return m;
  }
  return m;
}

/** The `direction` attributes of `autNum` with a peering that covers `neighbour`. */
export function rulesToward(index: WorkspaceIndex, autNum: RpslObject, direction: 'import' | 'export', neighbour: Asn): RpslAttribute[] {
  const ev = new Evaluator(index, neighbour);
  return directionRules(autNum, direction)
    .filter((r) => r.factors.some((f) => f.peerings.some((p) => ev.peeringMatches(p.peering, neighbour) === 'match')))
    .map((r) => r.attr);
}
