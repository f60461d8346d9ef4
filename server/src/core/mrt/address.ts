/**
 * Addresses and prefixes straight from wire bytes. IPv6 text follows RFC 5952 (longest run of two or more zero
 * groups compressed, lower case) with the mixed notation of §5 for IPv4-mapped and IPv4-compatible addresses,
 * which is also what inet_ntop prints (so bgpdump's output compares byte for byte).
 */

export function ipv4At(b: Uint8Array, at: number): string {
  return OCTET[b[at]!]! + '.' + OCTET[b[at + 1]!]! + '.' + OCTET[b[at + 2]!]! + '.' + OCTET[b[at + 3]!]!;
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
/** Decimal text of 0–255 and of "/0"–"/32": a prefix is then five concatenations, no number formatting. */
const OCTET: readonly string[] = Array.from({ length: 256 }, (_, i) => String(i));
const SLASH: readonly string[] = Array.from({ length: 33 }, (_, i) => `/${i}`);

function v4Text(w: number, bits: number): string {
  return OCTET[w >>> 24]! + '.' + OCTET[(w >>> 16) & 255]! + '.' + OCTET[(w >>> 8) & 255]! + '.' + OCTET[w & 255]! + SLASH[bits]!;
}

/**
 * A prefix of `bits` bits whose ceil(bits/8) bytes start at `at`; bits past the length are cleared (an NLRI may
 * carry them set, RFC 4271 §4.3 says they are irrelevant). The caller has checked that the bytes are there.
 */
export function prefixAt(afi: 1 | 2, bits: number, b: Uint8Array, at: number): string {
  const n = (bits + 7) >>> 3;
  if (afi === 1) {
    const w = ((n > 0 ? b[at]! << 24 : 0) | (n > 1 ? b[at + 1]! << 16 : 0) | (n > 2 ? b[at + 2]! << 8 : 0) | (n > 3 ? b[at + 3]! : 0)) & (bits === 0 ? 0 : ~0 << (32 - bits));
    return v4Text(w, bits);
  }
  SCRATCH.fill(0);
  for (let i = 0; i < n; i++) SCRATCH[i] = b[at + i]!;
  if ((bits & 7) !== 0) SCRATCH[n - 1] = SCRATCH[n - 1]! & (0xff << (8 - (bits & 7)));
  return `${ipv6At(SCRATCH, 0)}/${bits}`;
}
