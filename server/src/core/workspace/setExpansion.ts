import { parseAsn, type Asn } from '../net/asn';
import { parsePrefix, type Prefix } from '../net/prefix';
import { parseRangeOperator } from '../policy/rangeOperator';
import type { RangeOp } from '../policy/ast';
import { setClassOf } from '../rpsl/setName';
import type { RpslObject } from '../rpsl/model';
import { AsnMembers } from './asnMembers';
import { valueWords } from './references';
import { EntryMemo, type IndexedObject, type ReadToken, type WorkspaceIndex } from './workspaceIndex';

/** Nesting deeper than this is reported (IRRd and bgpq4 users treat deep sets as a smell; RPSLyzer too). */
export const MAX_SET_DEPTH = 5;
/** An expansion beyond this many members is reported, and expansion stops there. */
export const MAX_SET_SIZE = 20000;

export interface SetExpansion {
  readonly name: string;
  /** ASNs reached, each with the set whose members named it. */
  readonly asns: ReadonlyMap<Asn, string>;
  /** For route-sets: prefixes reached (with their range operator) and the set that named them. */
  readonly prefixes: readonly { readonly prefix: Prefix; readonly range?: RangeOp; readonly via: string }[];
  /** Sets named somewhere below this one that no object defines. */
  readonly unresolved: readonly string[];
  /** Each cycle as the chain of set names, first = last. */
  readonly loops: readonly (readonly string[])[];
  /** Longest chain of nested sets, this one counted as 1. */
  readonly depth: number;
  /** The chain that reached `depth`. */
  readonly deepest: readonly string[];
  readonly truncated: boolean;
  /** False when the set itself is not in the workspace. */
  readonly found: boolean;
}

/**
 * A set's members, each word classified once (a set is expanded under every set that names it, and each
 * time its words were split, upper-cased and parsed again): an AS number as itself (>= 0), anything else
 * as `-1 - i` for `others[i]`. A number costs 8 bytes here, about what its text did in the joined string
 * this replaced (sets of a dump list millions of members).
 */
interface MemberCodes {
  readonly codes: Float64Array;
  readonly others: readonly Other[];
}

/**
 * A member that is no AS number: a set to expand (its name upper-cased), a word that names nothing to
 * expand (AS-ANY, RS-ANY, and in an as-set a prefix or junk: it still counts for the size check), or a
 * word that may be a prefix of a route-set (parsed when a route-set's expansion first reads it).
 */
type Other = SetMember | { readonly kind: 'word'; readonly word: string; parsed?: ParsedPrefix | null } | typeof NOTHING;
interface SetMember {
  readonly kind: 'set';
  readonly name: string;
  /** The node this name had in the walks of `nodes` (see nodeOf): looked up once per generation, not once per walk. */
  node?: SetNode;
  nodes?: Map<string, SetNode>;
}
interface ParsedPrefix {
  readonly prefix: Prefix;
  readonly range?: RangeOp;
}
const NOTHING = { kind: 'nothing' } as const;

interface ParsedMembers extends MemberCodes {
  readonly mbrsByRef: ReadonlySet<string>;
}

const NO_MBRS: ReadonlySet<string> = new Set();

const parsedMembers = new EntryMemo<ParsedMembers>();

/** Classifies `words` as `visit` in computeExpansion reads them (see MemberCodes). */
function memberCodes(words: readonly string[]): MemberCodes {
  const codes = new Float64Array(words.length);
  const others: Other[] = [];
  const other = (o: Other): number => -1 - (others.push(o) - 1);
  words.forEach((w, i) => {
    const caret = w.indexOf('^');
    const base = caret >= 0 ? w.slice(0, caret) : w;
    const sub = setClassOf(base);
    if (sub === 'as-set' || sub === 'route-set') {
      const upper = base.toUpperCase();
      codes[i] = upper === 'AS-ANY' || upper === 'RS-ANY' ? other(NOTHING) : other({ kind: 'set', name: upper });
      return;
    }
    const a = parseAsn(base);
    codes[i] = a.ok && a.hadPrefix ? a.asn : other({ kind: 'word', word: w });
  });
  return { codes, others };
}

/** A word of a route-set's members as a prefix with its range operator, or null when it is none. */
function prefixOf(o: { readonly word: string; parsed?: ParsedPrefix | null }): ParsedPrefix | null {
  if (o.parsed !== undefined) return o.parsed;
  const w = o.word;
  const caret = w.indexOf('^');
  const p = parsePrefix(caret >= 0 ? w.slice(0, caret) : w);
  if (!p.ok) return (o.parsed = null);
  const r = caret >= 0 ? parseRangeOperator(w.slice(caret), 0, p.prefix.length, p.prefix.afi === 4 ? 32 : 128) : undefined;
  return (o.parsed = { prefix: p.prefix, ...(r?.ok ? { range: r.op } : {}) });
}

/** A set's own members and mbrs-by-ref, parsed once per indexed object (objects are replaced, never mutated). */
function membersOf(set: IndexedObject, object?: RpslObject): ParsedMembers {
  let p = parsedMembers.get(set);
  if (!p) {
    const o = object ?? set.object;
    const words: string[] = [];
    for (const a of o.attributes) {
      if (a.name === 'members' || a.name === 'mp-members') for (const w of valueWords(a.value)) words.push(w.text);
    }
    const allowed = mbrsByRef(o);
    p = { ...memberCodes(words), mbrsByRef: allowed.size === 0 ? NO_MBRS : allowed };
    parsedMembers.set(set, p);
  }
  return p;
}

/** Reads a set's members while its framed object is at hand (the linter's index pass): no framing it again to expand it. */
export function noteSet(set: IndexedObject, object: RpslObject): void {
  membersOf(set, object);
}

/**
 * Members a set lists directly: its members/mp-members, then the objects that join it by member-of (read
 * from the index on each call: they change with other files).
 */
function directMembers(index: WorkspaceIndex, set: IndexedObject): readonly MemberCodes[] {
  const own = membersOf(set);
  const allowed = own.mbrsByRef;
  if (allowed.size === 0) return [own];
  const kind = set.className === 'as-set' ? 'as-set' : set.className === 'route-set' ? 'route-set' : undefined;
  const words: string[] = [];
  if (kind) {
    for (const site of index.referencesTo(kind, set.key)) {
      if (site.ref.attribute !== 'member-of' || !memberOfAllowed(site.from.object, allowed)) continue;
      const o = site.from;
      if (o.className === 'aut-num') words.push(o.key);
      else if (o.route) words.push(o.route.normalized);
      else words.push(o.key);
    }
  }
  return words.length === 0 ? [own] : [own, memberCodes(words)];
}

/** The mntners of a set's mbrs-by-ref, upper-cased; `ANY` stands for every mntner. */
export function mbrsByRef(obj: RpslObject): Set<string> {
  const out = new Set<string>();
  for (const a of obj.attributes) if (a.name === 'mbrs-by-ref') for (const w of valueWords(a.value)) out.add(w.text.toUpperCase());
  return out;
}

/** RFC 2622 §5.1: a member-of is honoured only if one of the member's mnt-by is in the set's mbrs-by-ref (or it says ANY). */
export function memberOfAllowed(member: RpslObject, allowed: ReadonlySet<string>): boolean {
  if (allowed.has('ANY')) return true;
  for (const a of member.attributes) if (a.name === 'mnt-by') for (const w of valueWords(a.value)) if (allowed.has(w.text.toUpperCase())) return true;
  return false;
}

interface CachedExpansion {
  readonly value: SetExpansion;
  /** The lookups it came from, when computed under tracking: a cache hit replays them (see WorkspaceIndex.tracking). */
  readonly reads?: ReadonlySet<ReadToken>;
}

/**
 * A set as the walks of one index generation meet it: looked up, and its members read, once for all the
 * expansions that pass through it (a dump's sets are met again under every set that names them).
 */
interface SetNode {
  readonly name: string;
  /** Undefined when no object defines the set. */
  readonly parts: readonly MemberCodes[] | undefined;
  /** The expansion (`walks`) that last finished this set, and whether the walk under way is inside it. */
  done: number;
  onStack: boolean;
  /** The sets among its members in member order, and how many members it has in all (see setShape). */
  children?: readonly SetNode[];
  memberCount?: number;
}

let walks = 0;

const caches = new WeakMap<WorkspaceIndex, { gen: number; map: Map<string, CachedExpansion>; nodes: Map<string, SetNode> }>();

/** The expansions and nodes of the index's current generation. */
function generationCache(index: WorkspaceIndex): { map: Map<string, CachedExpansion>; nodes: Map<string, SetNode> } {
  let cache = caches.get(index);
  if (!cache || cache.gen !== index.generation) {
    cache = { gen: index.generation, map: new Map(), nodes: new Map() };
    caches.set(index, cache);
  }
  return cache;
}

/** Expands an as-set or route-set over the workspace, bounded; cached until the index changes. */
export function expandSet(index: WorkspaceIndex, name: string): SetExpansion {
  const key = name.toUpperCase();
  const cache = generationCache(index);
  const hit = cache.map.get(key);
  if (hit && !index.isTracking) return hit.value;
  if (hit?.reads) {
    index.noteReads(hit.reads);
    return hit.value;
  }
  // A tracked walk looks every set up itself, so that its reads are recorded: it shares no nodes.
  const computed: CachedExpansion = index.isTracking ? index.tracking(() => computeExpansion(index, key, new Map())) : { value: computeExpansion(index, key, cache.nodes) };
  cache.map.set(key, computed);
  return computed.value;
}

/**
 * The AS numbers met so far in one expansion, each once with the set that named it, in the order met: an
 * open-addressing table over typed arrays, reused by every expansion (a Map per expansion, grown member by
 * member, was most of the time expanding a dump's sets took). `stamp` marks the slots of the expansion
 * under way, so starting one clears nothing.
 */
const met = {
  order: new Uint32Array(1024),
  via: new Uint32Array(1024),
  size: 0,
  slots: new Int32Array(2048),
  stamps: new Uint32Array(2048),
  stamp: 0,
};

function startMet(): void {
  met.size = 0;
  if (++met.stamp > 0xfffffff0) {
    met.stamp = 1;
    met.stamps.fill(0);
  }
}

/** Adds `a`, named by set number `via`, unless it was met already. */
function meet(a: number, via: number): void {
  let mask = met.slots.length - 1;
  let slot = Math.imul(a, 0x9e3779b1) & mask;
  for (; met.stamps[slot] === met.stamp; slot = (slot + 1) & mask) if (met.order[met.slots[slot]!] === a) return;
  if (met.size === met.order.length) {
    const order = new Uint32Array(met.size * 2);
    const via2 = new Uint32Array(met.size * 2);
    order.set(met.order);
    via2.set(met.via);
    met.order = order;
    met.via = via2;
  }
  met.order[met.size] = a;
  met.via[met.size] = via;
  met.size++;
  if (met.size * 2 > met.slots.length) {
    // Grow at half full, placing again every number met so far.
    met.slots = new Int32Array(met.slots.length * 2);
    met.stamps = new Uint32Array(met.slots.length);
    mask = met.slots.length - 1;
    for (let i = 0; i < met.size; i++) {
      let s = Math.imul(met.order[i]!, 0x9e3779b1) & mask;
      while (met.stamps[s] === met.stamp) s = (s + 1) & mask;
      met.stamps[s] = met.stamp;
      met.slots[s] = i;
    }
    return;
  }
  met.stamps[slot] = met.stamp;
  met.slots[slot] = met.size - 1;
}

function nodeOf(index: WorkspaceIndex, nodes: Map<string, SetNode>, name: string): SetNode {
  let node = nodes.get(name);
  if (!node) {
    const obj = index.lookup(setClassOf(name) === 'route-set' ? 'route-set' : 'as-set', name)[0];
    node = { name, parts: obj ? directMembers(index, obj) : undefined, done: 0, onStack: false };
    nodes.set(name, node);
  }
  return node;
}

/** What the set checks read of an expansion. */
export type SetShape = Pick<SetExpansion, 'loops' | 'depth' | 'deepest' | 'truncated'>;

/**
 * expandSet's loops, depth, deepest chain and truncation, found by walking the sets under `name` alone. The
 * walk meets the sets in the order the expansion does (their order among the members), each once, so the
 * loops and the depth come out the same. Members are only counted: while those of every set met add up to
 * at most MAX_SET_SIZE the expansion cannot have been cut (each member adds at most one to what it counts);
 * past that, the expansion itself says where it stopped. The sets of a dump list half a million AS numbers,
 * each met again under every set that includes its own: meeting them was most of what the set checks cost.
 */
export function setShape(index: WorkspaceIndex, name: string): SetShape {
  const key = name.toUpperCase();
  // A tracked walk must record its lookups, as expandSet's does.
  if (index.isTracking) return expandSet(index, key);
  const cache = generationCache(index);
  return cache.map.get(key)?.value ?? shapeWalk(index, key, cache.nodes) ?? expandSet(index, key);
}

/** The sets among `node`'s members, in member order, and how many members it has (kept on the node). */
function childrenOf(index: WorkspaceIndex, nodes: Map<string, SetNode>, node: SetNode): readonly SetNode[] {
  if (node.children) return node.children;
  const children: SetNode[] = [];
  let count = 0;
  for (const { codes, others } of node.parts ?? []) {
    count += codes.length;
    // `others` holds the members that are no AS number in member order, one per occurrence (memberCodes).
    for (const o of others) if (o.kind === 'set') children.push(nodeOf(index, nodes, o.name));
  }
  node.memberCount = count;
  return (node.children = children);
}

/** setShape's walk; undefined when the sets met list more than MAX_SET_SIZE members (the expansion may have been cut). */
function shapeWalk(index: WorkspaceIndex, root: string, nodes: Map<string, SetNode>): SetShape | undefined {
  const walk = ++walks;
  const loops: string[][] = [];
  const seenLoops = new Set<string>();
  let depth = 0;
  let deepest: string[] = [];
  let members = 0;
  const stack: SetNode[] = [];
  /** False as soon as the members counted pass MAX_SET_SIZE. */
  const visit = (node: SetNode): boolean => {
    if (node.onStack) {
      noteLoop(stack, node, seenLoops, loops);
      return true;
    }
    stack.push(node);
    node.onStack = true;
    if (stack.length > depth) {
      depth = stack.length;
      deepest = stack.map((n) => n.name);
    }
    if (node.done !== walk && node.parts) {
      const children = childrenOf(index, nodes, node);
      members += node.memberCount!;
      if (members > MAX_SET_SIZE) return false;
      for (const child of children) if (!visit(child)) return false;
    }
    node.done = walk;
    node.onStack = false;
    stack.pop();
    return true;
  };
  try {
    if (!visit(nodeOf(index, nodes, root))) return undefined;
  } finally {
    for (const n of stack) n.onStack = false;
  }
  return { loops, depth, deepest, truncated: false };
}

/** Records the cycle that meeting `node` again (it is on `stack`) closes, unless the same sets made one already. */
function noteLoop(stack: readonly SetNode[], node: SetNode, seen: Set<string>, loops: string[][]): void {
  const cycle = [...stack.slice(stack.indexOf(node)).map((n) => n.name), node.name];
  const id = [...cycle.slice(0, -1)].sort().join(' ');
  if (!seen.has(id)) {
    seen.add(id);
    loops.push(cycle);
  }
}

function computeExpansion(index: WorkspaceIndex, root: string, nodes: Map<string, SetNode>): SetExpansion {
  const rootClass = setClassOf(root) === 'route-set' ? 'route-set' : 'as-set';
  const walk = ++walks;
  startMet();
  /** The sets that named a member, by number (`met.via`). */
  const vias: string[] = [];
  const prefixes: { prefix: Prefix; range?: RangeOp; via: string }[] = [];
  const unresolved: string[] = [];
  const loops: string[][] = [];
  const seenLoops = new Set<string>();
  let depth = 0;
  let deepest: string[] = [];
  let truncated = false;
  const stack: SetNode[] = [];

  const visit = (node: SetNode): void => {
    if (node.onStack) {
      noteLoop(stack, node, seenLoops, loops);
      return;
    }
    stack.push(node);
    node.onStack = true;
    if (stack.length > depth) {
      depth = stack.length;
      deepest = stack.map((n) => n.name);
    }
    // Each set is walked once per expansion; met again, it only counts for the depth.
    if (node.done !== walk) {
      const name = node.name;
      if (!node.parts) unresolved.push(name);
      else {
        const via = vias.push(name) - 1;
        members: for (const { codes, others } of node.parts) {
          for (let i = 0; i < codes.length; i++) {
            if (met.size + prefixes.length >= MAX_SET_SIZE) {
              truncated = true;
              break members;
            }
            const code = codes[i]!;
            if (code >= 0) {
              meet(code, via);
              continue;
            }
            const o = others[-1 - code]!;
            if (o.kind === 'set') {
              if (o.nodes !== nodes) {
                o.node = nodeOf(index, nodes, o.name);
                o.nodes = nodes;
              }
              visit(o.node!);
            }
            else if (o.kind === 'word' && rootClass === 'route-set') {
              const p = prefixOf(o);
              if (p) prefixes.push({ prefix: p.prefix, ...(p.range ? { range: p.range } : {}), via: name });
            }
          }
        }
      }
    }
    node.done = walk;
    node.onStack = false;
    stack.pop();
  };
  try {
    visit(nodeOf(index, nodes, root));
  } finally {
    // A walk cut short by an exception leaves no set marked as under way for the next one.
    for (const n of stack) n.onStack = false;
  }
  // Kept packed: expansions live as long as the index does not change (AsnMembers).
  const asns = new AsnMembers({ order: met.order.slice(0, met.size), via: met.via.slice(0, met.size), sets: vias });
  return { name: root, asns, prefixes, unresolved, loops, depth, deepest, truncated, found: index.lookup(rootClass, root).length > 0 };
}
