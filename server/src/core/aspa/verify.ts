import type { AsPathSegment } from '../lg/types';
import type { Asn } from '../net/asn';
import { CompiledAspaDb } from './compiledDb';
import { TRANSIT_FREE_ASNS } from './transitFree';
import type { AspaDb, Direction, HopResult, Verdict } from './types';

/**
 * AS_PATH verification with ASPA, draft-ietf-sidrops-aspa-verification (-27/-28) §5–§6.
 *
 * Orientation: callers pass and receive paths **as printed** (index 0 = neighbour AS, last = origin).
 * The draft numbers the other way (AS(1) = origin … AS(N) = neighbour); inside this module `asns[i]`
 * is AS(i+1), so hop i joins asns[i] and asns[i+1].
 */

export interface VerifyOptions {
  readonly direction: Direction;
  /** The AS of the BGP neighbour the route came from; when given, the leftmost AS must equal it (§6.1 step 2). */
  readonly neighborAs?: Asn;
  /** The receiver is an RS client of a transparent route server: the leftmost AS is then the RS's other client. */
  readonly transparentRsClient?: boolean;
  /** Networks whose honest ASPA is AS0 (no providers), for the what-if; defaults to the Tier-1 table. */
  readonly transitFree?: ReadonlySet<number>;
  /** Inferred relationships (CAIDA), for the what-if only; `get(a, b)` is the relationship of a to b. */
  readonly relationships?: { get(from: number, to: number): 'c2p' | 'p2c' | 'p2p' | undefined };
}

/**
 * One hop as the algorithm checks it: `hop(from, to)` of the draft, i.e. is `to` in `from`'s provider set.
 * `ramp: 'up'` hops are read from the origin side (`from` nearer the origin); `'down'` hops from the
 * neighbour side (only checked for downstream paths). Indices point into `AspaVerification.path`.
 */
export interface AspaHop {
  readonly from: Asn;
  readonly to: Asn;
  readonly result: HopResult;
  readonly ramp: 'up' | 'down';
  readonly fromIndex: number;
  readonly toIndex: number;
}

/** The AS that broke the valley-free rule and the hop that shows it (see findLeak). */
export interface LeakHop extends AspaHop {
  readonly leaker: Asn;
  readonly leakerIndex: number;
  /** The AS the leaker passed the route to (absent when that is us, the receiver). */
  readonly sentTo?: Asn;
  readonly sentToIndex?: number;
  readonly explanation: string;
}

/** An ASPA that does not exist yet and that, published as described, would make this Unknown path Invalid. */
export interface WhatIfSuggestion {
  readonly asn: Asn;
  /** `aspa`: any ASPA listing its real providers; `as0`: an AS0 ASPA (the AS has no providers). */
  readonly kind: 'aspa' | 'as0';
  /** The hop that would turn Not Provider+. */
  readonly hop: AspaHop;
  readonly because: string;
}

export interface WhatIf {
  readonly suggestions: readonly WhatIfSuggestion[];
  /** One sentence for people: "an ASPA from AS6762 or an AS0 ASPA from AS1299 would make this path Invalid". */
  readonly text: string;
}

export interface AspaVerification {
  readonly verdict: Verdict;
  readonly reason: string;
  readonly direction: Direction;
  /** Prepends collapsed, as printed (neighbour first); AS_SET members left out. */
  readonly path: readonly Asn[];
  readonly hops: readonly AspaHop[];
  /** The draft's ramp lengths (with N = path.length), absent when a precondition already decided. */
  readonly ramps?: { readonly maxUp: number; readonly minUp: number; readonly maxDown?: number; readonly minDown?: number };
  readonly leakHop?: LeakHop;
  readonly whatIf?: WhatIf;
}

// Hop results as small integers on the hot path.
const PROVIDER = 0;
const NO_ATTESTATION = 1;
const NOT_PROVIDER = 2;
type Code = 0 | 1 | 2;
const RESULT_NAMES: readonly HopResult[] = ['provider+', 'no-attestation', 'not-provider+'];

/** `authorized(customer, provider)` of §5: No Attestation without an ASPA, else Provider+ or Not Provider+. */
export function hopResult(db: AspaDb, customer: Asn, provider: Asn): HopResult {
  return RESULT_NAMES[authorized(db, customer, provider)]!;
}

function authorized(db: AspaDb, customer: number, provider: number): Code {
  const set = (db as ReadonlyMap<number, ReadonlySet<number>>).get(customer);
  if (set === undefined) return NO_ATTESTATION;
  return set.has(provider) ? PROVIDER : NOT_PROVIDER;
}

interface Ramps {
  maxUp: number;
  minUp: number;
  maxDown: number;
  minDown: number;
}

/** §6.1/§6.2 ramp lengths from the per-hop results (`up[i]` = hop(AS(i+1), AS(i+2)), `down[i]` = hop(AS(i+2), AS(i+1))). */
function ramps(up: ArrayLike<number>, down: ArrayLike<number>, n: number): Ramps {
  let maxUp = n;
  let minUp = n;
  for (let i = 0; i < n - 1; i++) {
    if (up[i] !== PROVIDER && minUp === n) minUp = i + 1;
    if (up[i] === NOT_PROVIDER) {
      maxUp = i + 1;
      break;
    }
  }
  let maxDown = n;
  let minDown = n;
  for (let i = n - 2; i >= 0; i--) {
    if (down[i] !== PROVIDER && minDown === n) minDown = n - 1 - i;
    if (down[i] === NOT_PROVIDER) {
      maxDown = n - 1 - i;
      break;
    }
  }
  return { maxUp, minUp, maxDown, minDown };
}

function rampVerdict(r: Ramps, n: number, direction: Direction): Verdict {
  if (direction === 'upstream') return r.maxUp < n ? 'invalid' : r.minUp < n ? 'unknown' : 'valid';
  return r.maxUp + r.maxDown < n ? 'invalid' : r.minUp + r.minDown < n ? 'unknown' : 'valid';
}

/**
 * Verifies one AS_PATH and says why: every checked hop, the leak point of an Invalid path, and for an
 * Unknown path which missing ASPA would have made it Invalid. Never throws.
 */
export function verifyAspaPath(segments: readonly AsPathSegment[], db: AspaDb, opts: VerifyOptions): AspaVerification {
  const { direction } = opts;
  const printed: Asn[] = [];
  let hasSet = false;
  for (const seg of segments) {
    if (seg.type === 'set') {
      if (seg.asns.length > 0) hasSet = true;
      continue;
    }
    // Confederation segments never cross the confederation boundary where ASPA verification runs.
    if (seg.type !== 'sequence') continue;
    for (const a of seg.asns) if (printed[printed.length - 1] !== a) printed.push(a);
  }
  const base = { direction, path: printed };
  if (printed.length === 0 && !hasSet) return { ...base, verdict: 'invalid', reason: 'The AS_PATH is empty (§6 step 1).', hops: [] };
  const neighbour = printed[0];
  if (opts.neighborAs !== undefined && neighbour !== opts.neighborAs && !opts.transparentRsClient) {
    return {
      ...base,
      verdict: 'invalid',
      reason: `The leftmost AS is ${neighbour === undefined ? 'missing' : `AS${neighbour}`}, not the neighbour AS${opts.neighborAs} (§6 step 2); only an RS client of a transparent route server may receive such a path.`,
      hops: [],
    };
  }
  if (hasSet) return { ...base, verdict: 'invalid', reason: 'The AS_PATH contains an AS_SET (§6 step 3).', hops: [] };

  const n = printed.length;
  const asns = printed.slice().reverse(); // asns[0] = origin = AS(1)
  const up = new Uint8Array(Math.max(0, n - 1));
  const down = new Uint8Array(Math.max(0, n - 1));
  for (let i = 0; i < n - 1; i++) {
    up[i] = authorized(db, asns[i]!, asns[i + 1]!);
    down[i] = authorized(db, asns[i + 1]!, asns[i]!);
  }
  const r = ramps(up, down, n);
  const verdict = rampVerdict(r, n, direction);
  const at = (i: number) => n - 1 - i; // internal index → printed index
  const upHop = (i: number, code = up[i]!): AspaHop => ({
    from: asns[i]!,
    to: asns[i + 1]!,
    result: RESULT_NAMES[code]!,
    ramp: 'up',
    fromIndex: at(i),
    toIndex: at(i + 1),
  });
  const downHop = (i: number, code = down[i]!): AspaHop => ({
    from: asns[i + 1]!,
    to: asns[i]!,
    result: RESULT_NAMES[code]!,
    ramp: 'down',
    fromIndex: at(i + 1),
    toIndex: at(i),
  });
  // Printed order: the hop nearest the neighbour first, up hops then (downstream) down hops.
  const hops: AspaHop[] = [];
  for (let i = n - 2; i >= 0; i--) hops.push(upHop(i));
  if (direction === 'downstream') for (let i = n - 2; i >= 0; i--) hops.push(downHop(i));
  const rampsOut = direction === 'upstream' ? { maxUp: r.maxUp, minUp: r.minUp } : { ...r };

  const result: AspaVerification = { ...base, verdict, reason: '', hops, ramps: rampsOut };
  if (verdict === 'valid') {
    return {
      ...result,
      reason:
        direction === 'upstream'
          ? n === 1
            ? 'The neighbour is the origin.'
            : 'Every hop from the origin to the neighbour is an attested customer-to-provider hop.'
          : `The path climbs ${r.minUp - 1} attested hop(s) from the origin and descends ${r.minDown - 1} attested hop(s) to the neighbour, covering all ${n} ASes.`,
    };
  }
  if (verdict === 'invalid') {
    const leakHop = findLeak(up, down, n, upHop, downHop, at, asns);
    return {
      ...result,
      leakHop,
      reason:
        direction === 'upstream'
          ? `max_up_ramp ${r.maxUp} < N ${n}: ${leakHop.explanation}`
          : `max_up_ramp ${r.maxUp} + max_down_ramp ${r.maxDown} < N ${n}: ${leakHop.explanation}`,
    };
  }
  const missing = [...new Set(hops.filter((h) => h.result === 'no-attestation').map((h) => h.from))];
  const whatIf = whatIfFor(db, opts, asns, up, down, n, upHop, downHop);
  return {
    ...result,
    ...(whatIf ? { whatIf } : {}),
    reason: `${
      direction === 'upstream' ? `min_up_ramp ${r.minUp} < N ${n}` : `min_up_ramp ${r.minUp} + min_down_ramp ${r.minDown} < N ${n}`
    }: ${direction === 'upstream' ? 'no hop is Not Provider+' : 'the path may be valley-free'}, but ${missing.map((a) => `AS${a}`).join(', ')} ${
      missing.length === 1 ? 'has' : 'have'
    } no ASPA, so it cannot be proven.`,
  };
}

/**
 * Who broke the valley-free rule. The route stops climbing at the first Not Provider+ up hop from the origin
 * (AS(u+1) got it from a peer or provider); from there on each AS may only pass it to customers. The first
 * AS that passes it to a known non-customer — the next AS's ASPA does not name it as provider, or its own
 * ASPA names the next AS as its provider — is the leaker. If none is known on the path, upstream it is the
 * neighbour, which sent us (its provider or peer) a route it got from a non-customer.
 */
function findLeak(
  up: Uint8Array,
  down: Uint8Array,
  n: number,
  upHop: (i: number) => AspaHop,
  downHop: (i: number) => AspaHop,
  at: (i: number) => number,
  asns: readonly Asn[],
): LeakHop {
  let u = 0;
  while (u < n - 1 && up[u] !== NOT_PROVIDER) u++;
  const start = u < n - 1 ? `the path stops climbing at AS${asns[u]!} -> AS${asns[u + 1]!}, which AS${asns[u]!}'s ASPA does not authorise` : '';
  for (let j = u + 1; j < n - 1; j++) {
    const leaker = asns[j]!;
    const next = asns[j + 1]!;
    const byDown = down[j] === NOT_PROVIDER;
    if (!byDown && up[j] !== PROVIDER) continue;
    const h = byDown ? downHop(j) : upHop(j);
    return {
      ...h,
      leaker,
      leakerIndex: at(j),
      sentTo: next,
      sentToIndex: at(j + 1),
      explanation: `AS${leaker} got the route from a non-customer (${start}) and passed it to AS${next}, ${
        byDown ? `whose ASPA does not name AS${leaker} as a provider` : `which AS${leaker}'s own ASPA names as its provider`
      }: AS${leaker} leaked it.`,
    };
  }
  const h = upHop(Math.min(u, Math.max(0, n - 2)));
  return {
    ...h,
    leaker: asns[n - 1]!,
    leakerIndex: 0,
    explanation: `AS${asns[n - 1]!} sent us a route it got from a non-customer (${start || 'the path is not valley-free'}).`,
  };
}

/**
 * Which single missing ASPA, published honestly, would make the path Invalid. We can only name ASes whose
 * honest ASPA we can infer: one that a neighbour on the path declares as *its* provider (so the neighbour
 * is its customer, not its provider), one the inferred relationships say is a customer or peer, or a
 * transit-free network (whose honest ASPA is AS0). Each is simulated: its hops with that evidence turn Not
 * Provider+, its other hops are assumed Provider+ (the most favourable case), and the verdict recomputed.
 */
function whatIfFor(
  db: AspaDb,
  opts: VerifyOptions,
  asns: readonly Asn[],
  up: Uint8Array,
  down: Uint8Array,
  n: number,
  upHop: (i: number, code?: Code) => AspaHop,
  downHop: (i: number, code?: Code) => AspaHop,
): WhatIf | undefined {
  const transitFree = opts.transitFree ?? TRANSIT_FREE_ASNS;
  const suggestions: WhatIfSuggestion[] = [];
  const seen = new Set<number>();
  // From the neighbour side, the order people read the path in.
  for (let k = n - 1; k >= 0; k--) {
    const x = asns[k]!;
    if (seen.has(x) || (db as ReadonlyMap<number, unknown>).has(x)) continue;
    seen.add(x);
    const as0 = transitFree.has(x);
    const evidenceAgainst = (y: Asn): string | undefined => {
      if ((db as ReadonlyMap<number, ReadonlySet<number>>).get(y)?.has(x)) return `AS${y}'s ASPA names AS${x} as its provider, so AS${y} is AS${x}'s customer`;
      const rel = opts.relationships?.get(x, y);
      if (rel === 'p2c') return `AS${y} is AS${x}'s customer in the inferred relationships`;
      if (rel === 'p2p') return `AS${y} is AS${x}'s peer in the inferred relationships`;
      return undefined;
    };
    const up2 = up.slice();
    const down2 = down.slice();
    let hop: AspaHop | undefined;
    let because: string | undefined;
    let kind: 'aspa' | 'as0' = 'aspa';
    const consider = (arr: Uint8Array, i: number, y: Asn, make: (i: number, code?: Code) => AspaHop) => {
      const ev = evidenceAgainst(y);
      if (ev !== undefined || as0) {
        arr[i] = NOT_PROVIDER;
        if (ev !== undefined && (because === undefined || kind === 'as0')) {
          hop = make(i, NOT_PROVIDER);
          because = ev;
          kind = 'aspa';
        } else if (because === undefined) {
          hop = make(i, NOT_PROVIDER);
          because = `AS${x} is a transit-free network: its ASPA would be AS0`;
          kind = 'as0';
        }
      } else arr[i] = PROVIDER;
    };
    for (let i = 0; i < n - 1; i++) {
      if (asns[i] === x && up[i] === NO_ATTESTATION) consider(up2, i, asns[i + 1]!, upHop);
      if (opts.direction === 'downstream' && asns[i + 1] === x && down[i] === NO_ATTESTATION) consider(down2, i, asns[i]!, downHop);
    }
    if (hop === undefined || because === undefined) continue;
    if (rampVerdict(ramps(up2, down2, n), n, opts.direction) !== 'invalid') continue;
    suggestions.push({ asn: x, kind, hop, because });
  }
  if (suggestions.length === 0) return undefined;
  const phrases = suggestions.map((s) => (s.kind === 'as0' ? `an AS0 ASPA from AS${s.asn}` : `an ASPA from AS${s.asn}`));
  const list = phrases.length <= 2 ? phrases.join(' or ') : `${phrases.slice(0, -1).join(', ')} or ${phrases[phrases.length - 1]!}`;
  return { suggestions, text: `${list[0]!.toUpperCase()}${list.slice(1)} would make this path Invalid.` };
}

/**
 * The verdict alone, for full tables: `path` as printed (neighbour first), plain sequence (no sets),
 * prepends allowed. One pass from the origin, no allocation. Neighbour and AS_SET checks are the caller's.
 * Pass a CompiledAspaDb (built once per data set) for the fastest lookups; a plain AspaDb works too.
 */
export function aspaVerdict(path: ArrayLike<number>, db: AspaDb | CompiledAspaDb, direction: Direction): Verdict {
  const table = db instanceof CompiledAspaDb ? db : new MapLookup(db);
  const len = path.length;
  if (len === 0) return 'invalid';
  if (direction === 'upstream') {
    let unknown = false;
    let prev = path[len - 1]!;
    for (let k = len - 2; k >= 0; k--) {
      const cur = path[k]!;
      if (cur === prev) continue;
      const r = table.authorized(prev, cur);
      if (r === NOT_PROVIDER) return 'invalid';
      if (r === NO_ATTESTATION) unknown = true;
      prev = cur;
    }
    return unknown ? 'unknown' : 'valid';
  }
  // Downstream: i counts hops from the origin; track where each ramp ends.
  let i = 0;
  let firstNotProviderUp = -1;
  let firstNonProviderUp = -1;
  let lastNotProviderDown = -1;
  let lastNonProviderDown = -1;
  let prev = path[len - 1]!;
  for (let k = len - 2; k >= 0; k--) {
    const cur = path[k]!;
    if (cur === prev) continue;
    if (firstNotProviderUp < 0) {
      const u = table.authorized(prev, cur);
      if (u !== PROVIDER && firstNonProviderUp < 0) firstNonProviderUp = i;
      if (u === NOT_PROVIDER) firstNotProviderUp = i;
    }
    const d = table.authorized(cur, prev);
    if (d !== PROVIDER) lastNonProviderDown = i;
    if (d === NOT_PROVIDER) lastNotProviderDown = i;
    prev = cur;
    i++;
  }
  const n = i + 1;
  const maxUp = firstNotProviderUp < 0 ? n : firstNotProviderUp + 1;
  const minUp = firstNonProviderUp < 0 ? n : firstNonProviderUp + 1;
  const maxDown = lastNotProviderDown < 0 ? n : n - 1 - lastNotProviderDown;
  const minDown = lastNonProviderDown < 0 ? n : n - 1 - lastNonProviderDown;
  return maxUp + maxDown < n ? 'invalid' : minUp + minDown < n ? 'unknown' : 'valid';
}

/** The plain map behind the same `authorized` call as CompiledAspaDb. */
class MapLookup {
  constructor(private readonly db: AspaDb) {}
  authorized(customer: number, provider: number): Code {
    return authorized(this.db, customer, provider);
  }
}

/** An AspaDb from plain numbers; `[0]` or `[]` is an AS0 ASPA, AS0 beside other providers is dropped. */
export function aspaDbFrom(entries: Iterable<readonly [number, readonly number[]]>): AspaDb {
  const db = new Map<Asn, Set<Asn>>();
  for (const [customer, providers] of entries) {
    let set = db.get(customer as Asn);
    if (!set) db.set(customer as Asn, (set = new Set()));
    for (const p of providers) if (p !== 0) set.add(p as Asn);
  }
  return db;
}
