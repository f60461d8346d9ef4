/** The five kinds of set of RFC 2622 §5 (and the set-valued names of the policy language). */
export type SetClass = 'as-set' | 'route-set' | 'rtr-set' | 'filter-set' | 'peering-set';

/** RFC 2622 §5: a set's class is told by its name's prefix; hierarchical names (`AS8048:AS-CUSTOMERS`) by a component's. */
export const SET_PREFIXES: readonly (readonly [string, SetClass])[] = [
  ['AS-', 'as-set'],
  ['RS-', 'route-set'],
  ['RTRS-', 'rtr-set'],
  ['FLTR-', 'filter-set'],
  ['PRNG-', 'peering-set'],
];

/** The set class a component starting at `i` is named for, by its prefix (case-insensitive), if any. */
function prefixClass(name: string, i: number, end: number): SetClass | undefined {
  for (const [p, cls] of SET_PREFIXES) {
    // Every prefix ends in `-`: checking that first skips most components (`AS8048`) at once.
    if (end - i <= p.length || name.charCodeAt(i + p.length - 1) !== 45) continue;
    let k = 0;
    // `& ~32` folds a–z onto A–Z; among component characters ([A-Za-z0-9_-]) it maps only `-` onto `-`'s image.
    while (k < p.length && (name.charCodeAt(i + k) & ~32) === (p.charCodeAt(k) & ~32)) k++;
    if (k === p.length) return cls;
  }
  return undefined;
}

function isComponentChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 /* _ */ || c === 45 /* - */;
}

/**
 * The set class of `name`, or undefined when it is no set name (an ASN, a keyword, a prefix). Called for
 * most policy words, so it scans character codes once instead of splitting and matching a regex.
 */
export function setClassOf(name: string): SetClass | undefined {
  if (name.indexOf('-') < 0) return undefined;
  let found: SetClass | undefined;
  const n = name.length;
  let start = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? name.charCodeAt(i) : 58;
    if (c !== 58 /* : */) {
      if (!isComponentChar(c)) return undefined;
      continue;
    }
    if (i === start) return undefined; // an empty component
    const cls = prefixClass(name, start, i);
    if (cls) {
      if (found && found !== cls) return undefined;
      found = cls;
    }
    start = i + 1;
  }
  return found;
}

/** Names RFC 2622 §2 reserves: they are never set names. */
export const RESERVED_SET_NAMES: ReadonlySet<string> = new Set(['AS-ANY', 'RS-ANY']);

/** `RESERVED_SET_NAMES.has(name.toUpperCase())`, without upper-casing every set name on the way. */
export function isReservedSetName(name: string): boolean {
  return name.length === 6 && RESERVED_SET_NAMES.has(name.toUpperCase());
}
