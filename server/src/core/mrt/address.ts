/**
 * Addresses and prefixes straight from wire bytes. IPv6 text follows RFC 5952 (longest run of two or more zero
 * groups compressed, lower case) with the mixed notation of §5 for IPv4-mapped and IPv4-compatible addresses,
 * which is also what inet_ntop prints (so bgpdump's output compares byte for byte).
 */

export function ipv4At(b: Uint8Array, at: number): string {
  return `${b[at]!}.${b[at + 1]!}.${b[at + 2]!}.${b[at + 3]!}`;
}

export function ipv6At(b: Uint8Array, at: number): string {
  const g = new Array<number>(8);
  for (let i = 0; i < 8; i++) g[i] = (b[at + 2 * i]! << 8) | b[at + 2 * i + 1]!;
  return ipv6Text(g);
}

function ipv6Text(g: readonly number[]): string {
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestLen < 2) bestStart = -1;
  // ::a.b.c.d (compatible, not ::1 or ::) and ::ffff:a.b.c.d (mapped).
  if (bestStart === 0 && (bestLen === 6 || (bestLen === 5 && g[5] === 0xffff))) {
    const v4 = `${g[6]! >>> 8}.${g[6]! & 255}.${g[7]! >>> 8}.${g[7]! & 255}`;
    return bestLen === 6 ? `::${v4}` : `::ffff:${v4}`;
  }
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      out += i === 0 ? '::' : ':';
      i += bestLen - 1;
      if (i === 7) break;
      continue;
    }
    out += g[i]!.toString(16);
    if (i < 7) out += ':';
  }
  return out;
}

/** An address of `afi` (1 IPv4, 2 IPv6) at `at`. */
export function addressAt(afi: 1 | 2, b: Uint8Array, at: number): string {
  return afi === 1 ? ipv4At(b, at) : ipv6At(b, at);
}

const SCRATCH = new Uint8Array(16);
const V4_PREFIXES = new Map<number, string>();
/** About a full IPv4 table: ~60 MB at most, then it starts again. */
const V4_CACHE_MAX = 1 << 20;

/**
 * A prefix of `bits` bits whose ceil(bits/8) bytes start at `at`; bits past the length are cleared (an NLRI may
 * carry them set, RFC 4271 §4.3 says they are irrelevant). The caller has checked that the bytes are there.
 */
export function prefixAt(afi: 1 | 2, bits: number, b: Uint8Array, at: number): string {
  const n = (bits + 7) >>> 3;
  if (afi === 1) {
    let w = 0;
    for (let i = 0; i < 4; i++) w = w * 256 + (i < n ? b[at + i]! : 0);
    if (bits < 32) w -= w % 2 ** (32 - bits);
    // Update streams repeat the same prefixes over and over: one string each saves most of the work and garbage.
    const key = w * 64 + bits;
    let text = V4_PREFIXES.get(key);
    if (text === undefined) {
      if (V4_PREFIXES.size >= V4_CACHE_MAX) V4_PREFIXES.clear();
      text = `${Math.floor(w / 16777216)}.${Math.floor(w / 65536) & 255}.${Math.floor(w / 256) & 255}.${w & 255}/${bits}`;
      V4_PREFIXES.set(key, text);
    }
    return text;
  }
  SCRATCH.fill(0);
  for (let i = 0; i < n; i++) SCRATCH[i] = b[at + i]!;
  if ((bits & 7) !== 0) SCRATCH[n - 1] = SCRATCH[n - 1]! & (0xff << (8 - (bits & 7)));
  return `${ipv6At(SCRATCH, 0)}/${bits}`;
}
