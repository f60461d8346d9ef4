import { parseAsn, type Asn } from '../net/asn';
import { parsePrefix, type Prefix } from '../net/prefix';
import { parseRangeOperator } from '../policy/rangeOperator';
import type { RangeOp } from '../policy/ast';
import { setClassOf } from '../rpsl/setName';
import type { RpslObject } from '../rpsl/model';
import { AsnMembers } from './asnMembers';
import { valueWords } from './references';
import type { IndexedObject, ReadToken, WorkspaceIndex } from './workspaceIndex';

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
 * A set's members as one string, words joined by a blank (words hold none): sets of a dump list millions
 * of members, and a string plus an array slot per member cost four times their text.
 */
interface ParsedMembers {
  readonly words: string;
  readonly mbrsByRef: ReadonlySet<string>;
}

const NO_MBRS: ReadonlySet<string> = new Set();

const parsedMembers = new WeakMap<IndexedObject, ParsedMembers>();

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
    p = { words: words.join(' '), mbrsByRef: allowed.size === 0 ? NO_MBRS : allowed };
    parsedMembers.set(set, p);
  }
  return p;
}

/** Reads a set's members while its framed object is at hand (the linter's index pass): no framing it again to expand it. */
export function noteSet(set: IndexedObject, object: RpslObject): void {
  membersOf(set, object);
}

/** Members a set lists directly: its members/mp-members words, plus objects that join it by member-of. */
export function directMembers(index: WorkspaceIndex, set: IndexedObject): readonly string[] {
  const own = membersOf(set);
  const allowed = own.mbrsByRef;
  const words = own.words === '' ? [] : own.words.split(' ');
  if (allowed.size === 0) return words;
  const kind = set.className === 'as-set' ? 'as-set' : set.className === 'route-set' ? 'route-set' : undefined;
  if (kind) {
    for (const site of index.referencesTo(kind, set.key)) {
      if (site.ref.attribute !== 'member-of' || !memberOfAllowed(site.from.object, allowed)) continue;
      const o = site.from;
      if (o.className === 'aut-num') words.push(o.key);
      else if (o.route) words.push(o.route.normalized);
      else words.push(o.key);
    }
  }
  return words;
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

const caches = new WeakMap<WorkspaceIndex, { gen: number; map: Map<string, CachedExpansion> }>();

/** Expands an as-set or route-set over the workspace, bounded; cached until the index changes. */
export function expandSet(index: WorkspaceIndex, name: string): SetExpansion {
  const key = name.toUpperCase();
  let cache = caches.get(index);
  if (!cache || cache.gen !== index.generation) {
    cache = { gen: index.generation, map: new Map() };
    caches.set(index, cache);
  }
  const hit = cache.map.get(key);
  if (hit && !index.isTracking) return hit.value;
  if (hit?.reads) {
    index.noteReads(hit.reads);
    return hit.value;
  }
  const computed: CachedExpansion = index.isTracking ? index.tracking(() => computeExpansion(index, key)) : { value: computeExpansion(index, key) };
  cache.map.set(key, computed);
  return computed.value;
}

function computeExpansion(index: WorkspaceIndex, root: string): SetExpansion {
  const rootClass = setClassOf(root) === 'route-set' ? 'route-set' : 'as-set';
  const asns = new Map<Asn, string>();
  const prefixes: { prefix: Prefix; range?: RangeOp; via: string }[] = [];
  const unresolved = new Set<string>();
  const loops: string[][] = [];
  const seenLoops = new Set<string>();
  const done = new Set<string>();
  let depth = 0;
  let deepest: string[] = [];
  let truncated = false;
  const size = (): number => asns.size + prefixes.length;
  const stack: string[] = [];

  const visit = (name: string): void => {
    const onStack = stack.indexOf(name);
    if (onStack >= 0) {
      const cycle = [...stack.slice(onStack), name];
      const id = [...cycle.slice(0, -1)].sort().join(' ');
      if (!seenLoops.has(id)) {
        seenLoops.add(id);
        loops.push(cycle);
      }
      return;
    }
    stack.push(name);
    if (stack.length > depth) {
      depth = stack.length;
      deepest = [...stack];
    }
    if (!done.has(name)) {
      const cls = setClassOf(name) === 'route-set' ? 'route-set' : 'as-set';
      const obj = index.lookup(cls, name)[0];
      if (!obj) unresolved.add(name);
      else {
        for (const w of directMembers(index, obj)) {
          if (size() >= MAX_SET_SIZE) {
            truncated = true;
            break;
          }
          const caret = w.indexOf('^');
          const base = caret >= 0 ? w.slice(0, caret) : w;
          const sub = setClassOf(base);
          if (sub === 'as-set' || sub === 'route-set') {
            const upper = base.toUpperCase();
            if (upper !== 'AS-ANY' && upper !== 'RS-ANY') visit(upper);
            continue;
          }
          const a = parseAsn(base);
          if (a.ok && a.hadPrefix) {
            if (!asns.has(a.asn)) asns.set(a.asn, name);
            continue;
          }
          if (rootClass === 'route-set') {
            const p = parsePrefix(base);
            if (p.ok) {
              const r = caret >= 0 ? parseRangeOperator(w.slice(caret), 0, p.prefix.length, p.prefix.afi === 4 ? 32 : 128) : undefined;
              prefixes.push({ prefix: p.prefix, ...(r?.ok ? { range: r.op } : {}), via: name });
            }
          }
        }
      }
    }
    done.add(name);
    stack.pop();
  };
  visit(root);
  // Kept packed: expansions live as long as the index does not change (AsnMembers).
  return { name: root, asns: new AsnMembers(asns), prefixes, unresolved: [...unresolved], loops, depth, deepest, truncated, found: index.lookup(rootClass, root).length > 0 };
}
