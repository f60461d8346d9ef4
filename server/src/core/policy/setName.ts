import type { SetClass } from './ast';

/** RFC 2622 §5: a set's class is told by its name's prefix; hierarchical names (`AS8048:AS-CUSTOMERS`) by a component's. */
const SET_PREFIXES: readonly (readonly [string, SetClass])[] = [
  ['AS-', 'as-set'],
  ['RS-', 'route-set'],
  ['RTRS-', 'rtr-set'],
  ['FLTR-', 'filter-set'],
  ['PRNG-', 'peering-set'],
];

const COMPONENT = /^[A-Za-z0-9_-]+$/;

const memo = new Map<string, SetClass | null>();

/** The set class of `name`, or undefined when it is no set name (an ASN, a keyword, a prefix). */
export function setClassOf(name: string): SetClass | undefined {
  const hit = memo.get(name);
  if (hit !== undefined) return hit ?? undefined;
  const cls = computeSetClass(name);
  // Names repeat across a workspace; the memo is bounded so a huge dump cannot grow it without end.
  if (memo.size > 200000) memo.clear();
  memo.set(name, cls ?? null);
  return cls;
}

function computeSetClass(name: string): SetClass | undefined {
  if (name.indexOf('-') < 0) return undefined;
  let found: SetClass | undefined;
  for (const part of name.split(':')) {
    if (!COMPONENT.test(part)) return undefined;
    const upper = part.toUpperCase();
    for (const [p, cls] of SET_PREFIXES) {
      if (upper.startsWith(p) && upper.length > p.length) {
        if (found && found !== cls) return undefined;
        found = cls;
      }
    }
  }
  return found;
}

/** Names RFC 2622 §2 reserves: they are never set names. */
export const RESERVED_SET_NAMES: ReadonlySet<string> = new Set(['AS-ANY', 'RS-ANY']);
