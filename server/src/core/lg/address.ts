/** Cheap shape checks for the tokens of router tables; full parsing lives in net/prefix.ts. */

const V6 = /^[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){1,7}(?::\d{1,3}(?:\.\d{1,3}){3})?$/;
const V6_TAIL4 = /^[0-9A-Fa-f:]*:\d{1,3}(?:\.\d{1,3}){3}$/;

/** Dotted-quad IPv4 from `from` to `to`, by hand: it runs on every line of a full table. */
function isV4(t: string, from: number, to: number): boolean {
  let dots = 0;
  let digits = 0;
  for (let i = from; i < to; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++digits > 3) return false;
    } else if (c === 46) {
      if (digits === 0 || ++dots > 3) return false;
      digits = 0;
    } else return false;
  }
  return dots === 3 && digits > 0;
}

export function isAddress(t: string): boolean {
  if (t.indexOf(':') >= 0) return t.indexOf('::') === t.lastIndexOf('::') && (V6.test(t) || V6_TAIL4.test(t));
  return isV4(t, 0, t.length);
}

/** `10.0.0.0/8`, `2001:db8::/32`, or a classful IPv4 network printed without its mask. */
export function isPrefixToken(t: string): boolean {
  const slash = t.indexOf('/');
  if (slash < 0) return isV4(t, 0, t.length);
  const n = t.length - slash - 1;
  if (n < 1 || n > 3) return false;
  for (let i = slash + 1; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return t.indexOf(':') >= 0 ? isAddress(t.slice(0, slash)) : isV4(t, 0, slash);
}

/**
 * IOS prints classful networks without a mask (`192.168.1.0` is a /24). Returns the prefix with the
 * length made explicit, so every route carries a real prefix.
 */
export function withClassfulLength(t: string): string {
  if (t.indexOf('/') >= 0 || t.indexOf(':') >= 0) return t;
  // The default route: IOS prints it `0.0.0.0` too, and 0.0.0.0/8 is never a routed network.
  if (t === '0.0.0.0') return '0.0.0.0/0';
  const dot = t.indexOf('.');
  const first = Number(t.slice(0, dot < 0 ? t.length : dot));
  const len = first < 128 ? 8 : first < 192 ? 16 : first < 224 ? 24 : 32;
  // A classful length with host bits set cannot be what IOS meant (it prints the mask then): use /32.
  const parts = t.split('.').map(Number);
  const octets = len / 8;
  for (let i = octets; i < 4; i++) if ((parts[i] ?? 0) !== 0) return `${t}/32`;
  return `${t}/${len}`;
}

/** Where an address or prefix token could start: a digit, or hex digits followed by `:`. */
export function addressStartsAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c >= 48 && c <= 57) return true;
  if (c === 58 && s.charCodeAt(i + 1) === 58) return true;
  let j = i;
  while (j < s.length && j - i < 5) {
    const d = s.charCodeAt(j);
    const hex = (d >= 48 && d <= 57) || (d >= 97 && d <= 102) || (d >= 65 && d <= 70);
    if (!hex) return d === 58 && j > i;
    j++;
  }
  return false;
}

/**
 * The address of a table's next hop as FRR decorates it: `10.0.0.2(pe1)` (`bgp default
 * show-nexthop-hostname`), `10.0.0.7@0<` (the next hop's VRF id and announce-nh-self, the `@NNN` and `<`
 * of its `Nexthop codes:` legend), `fe80::1%Et1` (a link-local zone). Undefined when `t` is none of these
 * (a plain address is checked with isAddress first; this runs only on the rows it declined).
 */
export function decoratedNextHop(t: string): string | undefined {
  const m = /^([0-9A-Fa-f.:]+)(?:%[\w./-]+)?(?:\([^()\s]*\))?(?:@(?:\d+|\?|-|UNK))?<?$/.exec(t);
  if (m === null || m[1] === t) return undefined;
  const addr = m[1] ?? '';
  return isAddress(addr) ? addr : undefined;
}

/**
 * An interface name printed as the next hop: FRR prints the outgoing interface (`swp51`,
 * `peerlink.4094`) for routes learned over an unnumbered (IPv6 link-local) session. A letter first, then
 * interface-name characters; the caller checks that it sits in the Next Hop column.
 */
export function isInterfaceName(t: string): boolean {
  return /^[A-Za-z][\w./:-]{0,40}$/.test(t) && /\d/.test(t);
}
