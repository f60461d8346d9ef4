import { TARGET_CLASSES, type TargetKind } from './references';
import type { WorkspaceIndex } from './workspaceIndex';

/**
 * "Did you mean …" for an unresolved reference, without comparing it with every defined name.
 *
 * Comparing each unresolved reference with every name made cross-checks quadratic (16 s for 8k objects).
 * Instead each class keeps a symmetric-deletion index (the SymSpell idea): every name is filed under the
 * hashes of all strings reachable from it by deleting at most two characters. Two strings within
 * Damerau (OSA) distance 2 always share such a string — a substitution or a transposition is one deletion
 * on each side, an insertion one deletion on one side — so looking up the query's own deletion hashes
 * finds every name that can be within distance 2; only those are measured. Hash collisions only add
 * candidates, which the exact distance then rejects.
 */

/** Beyond this many names of a class the search is skipped (a registry dump has too many). */
export const NEAREST_CANDIDATE_LIMIT = 5000;

/**
 * Per query, at most this many index entries are visited and this many candidates measured. Past that the
 * neighbourhood is too crowded for a useful guess (in a dump, `AS12345:AS-CUSTOMERS` has dozens of names a
 * digit or two away), and without the caps the work per query would grow with the workspace.
 */
const MAX_VISITED = 2048;
const MAX_MEASURED = 128;

const MAX_DISTANCE = 2;

/** Work done, for tests that prove the search stays near-linear (read, never relied on for behaviour). */
export const nearestNameWork = { distanceComputations: 0, queries: 0, visited: 0 };

const BASE = 0x01000193;

let pow = new Int32Array([1]);
function powers(n: number): Int32Array {
  if (pow.length > n) return pow;
  const next = new Int32Array(Math.max(n + 1, pow.length * 2));
  next[0] = 1;
  for (let i = 1; i < next.length; i++) next[i] = Math.imul(next[i - 1] ?? 0, BASE);
  return (pow = next);
}

let prefix = new Int32Array(64);
/** What deletionHashes wrote last (its first `count` values); reused, since every query and name fills it. */
let hashes = new Uint32Array(256);
/** The length of the string each of `hashes` is of. */
let hashLengths = new Uint32Array(256);

/** How many strings deletionHashes gives for a string of length `n`: itself, n with one deletion, n(n-1)/2 with two. */
const deletionCount = (n: number): number => 1 + n + (n * (n - 1)) / 2;

/** Which deletions deletionHashes writes: a query's hashes of a length no name gives cannot be found, so are not made. */
const SELF = 1;
const ONE_DELETED = 2;
const TWO_DELETED = 4;
const EVERY_DELETION = SELF | ONE_DELETED | TWO_DELETED;

/**
 * Writes to `hashes` the hash of every string reachable from `s` by deleting 0, 1 or 2 characters (those
 * `wanted` asks for), and returns how many there are: into a typed array, not through a callback, since a
 * dump's unresolved names each give a few hundred.
 *
 * With h[k] the polynomial hash of s[0, k) and p[k] = BASE^k, deleting character i gives
 * h[i]·p[n-i-1] + (h[n] - h[i+1]·p[n-i-1]) = h[n] + (h[i] - h[i+1])·p[n-i-1], and deleting i < j likewise
 * h[n] + (h[j] - h[j+1] + (h[i] - h[i+1])·p[j-i-1])·p[n-j-1]: a few multiplications each (all modulo 2^32).
 */
function deletionHashes(s: string, wanted: number): number {
  const n = s.length;
  const p = powers(n);
  if (prefix.length <= n) prefix = new Int32Array(n * 2 + 1);
  const count = deletionCount(n);
  if (hashes.length < count) {
    hashes = new Uint32Array(count * 2);
    hashLengths = new Uint32Array(count * 2);
  }
  const out = hashes;
  const lengths = hashLengths;
  const h = prefix;
  h[0] = 0;
  for (let i = 0; i < n; i++) h[i + 1] = (Math.imul(h[i]!, BASE) + s.charCodeAt(i)) | 0;
  const whole = h[n]!;
  let k = 0;
  if (wanted & SELF) {
    lengths[k] = n;
    out[k++] = finish(whole, n);
  }
  if (wanted & ONE_DELETED) {
    for (let i = 0; i < n; i++) {
      lengths[k] = n - 1;
      out[k++] = finish((whole + Math.imul(h[i]! - h[i + 1]!, p[n - i - 1]!)) | 0, n - 1);
    }
  }
  if (wanted & TWO_DELETED) {
    for (let i = 0; i < n; i++) {
      const d = (h[i]! - h[i + 1]!) | 0;
      for (let j = i + 1; j < n; j++) {
        lengths[k] = n - 2;
        out[k++] = finish((whole + Math.imul((h[j]! - h[j + 1]! + Math.imul(d, p[j - i - 1]!)) | 0, p[n - j - 1]!)) | 0, n - 2);
      }
    }
  }
  return k;
}

/** Mixes the length in and spreads the bits (murmur3 finaliser), giving an unsigned 32-bit value. */
function finish(h: number, len: number): number {
  let x = (h ^ Math.imul(len, 0x9e3779b1)) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** One class's names and their deletion hashes, grouped by the hashes' top bits. */
interface NameTable {
  readonly names: readonly string[];
  /** Every deletion hash of every name, and the name each is of (`ids`, by index in `names`), bucket by bucket. */
  readonly hashes: Uint32Array;
  readonly ids: Int32Array;
  /** `dir[b]` is the first entry whose hash has top bits `b`: a lookup scans one short bucket, no search. */
  readonly dir: Int32Array;
  readonly shift: number;
  /**
   * Bloom filters of the hashes, about 8 bits per entry, both bits of a hash in one word, one filter per
   * length of the strings hashed (`filters[length]`, undefined when no name gives a string of that length).
   * Nearly every hash a query tries is in no name's neighbourhood, and the entries are megabytes read at
   * random: a filter is small enough to stay in cache and answers those "no" without touching them. A hash
   * can only be equal to one of the same length (the length is mixed into it), so a query's hash is tried
   * in its length's filter alone: smaller than one filter of every hash, and for the lengths no name comes
   * near, not made at all. A filter never says no to a hash that is there, so what is found is the same.
   */
  readonly filters: readonly (Int32Array | undefined)[];
  /** The shortest and longest name: a key more than two characters outside that range has no neighbour. */
  readonly minLength: number;
  readonly maxLength: number;
  /** Identifies the key set the table was built from, so an edit that keeps the names reuses it. */
  readonly signature: number;
}

function buildTable(names: readonly string[], signature: number): NameTable {
  let total = 0;
  let minLength = Infinity;
  let maxLength = 0;
  for (const name of names) {
    total += deletionCount(name.length);
    minLength = Math.min(minLength, name.length);
    maxLength = Math.max(maxLength, name.length);
  }
  // A name of length L gives one string of length L, L of length L - 1 and L(L-1)/2 of length L - 2.
  const perLength = new Int32Array(maxLength + 1);
  for (const name of names) {
    const n = name.length;
    perLength[n]!++;
    if (n >= 1) perLength[n - 1]! += n;
    if (n >= 2) perLength[n - 2]! += (n * (n - 1)) / 2;
  }
  const filters: (Int32Array | undefined)[] = Array.from(perLength, (count) => (count === 0 ? undefined : new Int32Array(2 ** Math.min(26, Math.max(5, Math.ceil(Math.log2(count / 4 + 1)))))));
  const all = new Uint32Array(total);
  const idOf = new Int32Array(total);
  let at = 0;
  names.forEach((name, id) => {
    const n = deletionHashes(name, EVERY_DELETION);
    for (let k = 0; k < n; k++) {
      const h = hashes[k]!;
      const filter = filters[hashLengths[k]!]!;
      const w = h & (filter.length - 1);
      filter[w] = filter[w]! | filterBits(h);
      idOf[at] = id;
      all[at++] = h;
    }
  });
  // Entries placed by their buckets (a counting sort): only a bucket's members are ever compared.
  const bits = Math.min(24, Math.max(4, Math.ceil(Math.log2(total + 1))));
  const shift = 32 - bits;
  const dir = new Int32Array((1 << bits) + 1);
  for (let k = 0; k < total; k++) dir[(all[k]! >>> shift) + 1]!++;
  for (let b = 0; b < 1 << bits; b++) dir[b + 1]! += dir[b]!;
  const next = dir.slice(0, 1 << bits);
  const sorted = new Uint32Array(total);
  const ids = new Int32Array(total);
  for (let k = 0; k < total; k++) {
    const h = all[k]!;
    const to = next[h >>> shift]!++;
    sorted[to] = h;
    ids[to] = idOf[k]!;
  }
  return { names, hashes: sorted, ids, dir, shift, signature, filters, minLength, maxLength };
}

/** The two bits hash `h` sets in its filter word (taken from bits the word's index does not use). */
function filterBits(h: number): number {
  return (1 << ((h >>> 22) & 31)) | (1 << ((h >>> 27) & 31));
}

function signatureOf(names: readonly string[]): number {
  let sig = names.length;
  for (const name of names) {
    let h = 0;
    for (let i = 0; i < name.length; i++) h = (Math.imul(h, BASE) + name.charCodeAt(i)) | 0;
    sig = (sig + finish(h, name.length)) | 0;
  }
  return sig;
}

interface IndexCache {
  generation: number;
  /** Tables checked against the current generation. */
  readonly fresh: Set<string>;
  readonly tables: Map<string, NameTable>;
}

const caches = new WeakMap<WorkspaceIndex, IndexCache>();

/** The name table of `cls`, rebuilt only when the class's set of names changed since it was built. */
function tableOf(index: WorkspaceIndex, cls: string): NameTable {
  let cache = caches.get(index);
  if (!cache) caches.set(index, (cache = { generation: index.generation, fresh: new Set(), tables: new Map() }));
  if (cache.generation !== index.generation) {
    cache.generation = index.generation;
    cache.fresh.clear();
  }
  const old = cache.tables.get(cls);
  if (old && cache.fresh.has(cls)) return old;
  const names = [...index.keysOf(cls)];
  const signature = signatureOf(names);
  const table = old && old.signature === signature && old.names.length === names.length ? old : buildTable(names, signature);
  cache.tables.set(cls, table);
  cache.fresh.add(cls);
  return table;
}

/** The one defined name within edit distance 2 of `key` (a likely typo), if there is exactly one best. */
export function nearestName(index: WorkspaceIndex, kind: TargetKind, key: string): string | undefined {
  // Distinct names, not objects: the candidates are names, and an edited object keeps its name.
  const classes = TARGET_CLASSES[kind].filter((cls) => index.keyCountOf(cls) > 0);
  if (classes.some((cls) => index.keyCountOf(cls) > NEAREST_CANDIDATE_LIMIT)) return undefined;
  // The tables first: building one fills `hashes` too.
  const tables = classes.map((cls) => tableOf(index, cls));
  const n = key.length;
  let wanted = 0;
  for (const table of tables) {
    if (n < table.minLength - MAX_DISTANCE || n > table.maxLength + MAX_DISTANCE) continue;
    if (table.filters[n] !== undefined) wanted |= SELF;
    if (n >= 1 && table.filters[n - 1] !== undefined) wanted |= ONE_DELETED;
    if (n >= 2 && table.filters[n - 2] !== undefined) wanted |= TWO_DELETED;
  }
  const queries = wanted === 0 ? 0 : deletionHashes(key, wanted);
  let best: string | undefined;
  let bestD = MAX_DISTANCE + 1;
  let tie = false;
  let measured = 0;
  let visited = 0;
  nearestNameWork.queries++;
  for (const table of tables) {
    if (n < table.minLength - MAX_DISTANCE || n > table.maxLength + MAX_DISTANCE) continue;
    const { filters, hashes: tableHashes, ids, dir, shift } = table;
    let seen: Set<number> | undefined;
    for (let q = 0; q < queries; q++) {
      const filter = filters[hashLengths[q]!];
      if (filter === undefined) continue;
      const h = hashes[q]!;
      const want = filterBits(h);
      if ((filter[h & (filter.length - 1)]! & want) !== want) continue;
      const b = h >>> shift;
      for (let i = dir[b]!, end = dir[b + 1]!; i < end; i++) {
        if (tableHashes[i] !== h) continue;
        nearestNameWork.visited++;
        if (++visited > MAX_VISITED) return undefined;
        const id = ids[i]!;
        seen ??= new Set<number>();
        if (seen.has(id)) continue;
        seen.add(id);
        const k = table.names[id] ?? '';
        if (Math.abs(k.length - key.length) > MAX_DISTANCE) continue;
        if (++measured > MAX_MEASURED) return undefined;
        // bestD + 1: an early exit must read as "farther", not as a tie with the best so far.
        const d = editDistance(k, key, bestD + 1);
        if (d < bestD) {
          best = k;
          bestD = d;
          tie = false;
        } else if (d === bestD && k !== best) tie = true;
      }
    }
  }
  return best !== undefined && bestD <= MAX_DISTANCE && !tie ? best : undefined;
}

let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)] as const;

/** Levenshtein distance with adjacent transpositions (OSA), giving up at `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  nearestNameWork.distanceComputations++;
  const m = b.length;
  if (rows[0].length <= m) rows = [new Int32Array(m * 2 + 1), new Int32Array(m * 2 + 1), new Int32Array(m * 2 + 1)];
  let [prev2, prev, cur] = rows;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= limit) return limit;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[m] ?? limit, limit);
}
