const DOT = 0x2e;
const SLASH = 0x2f;
const ZERO = 0x30;
const NINE = 0x39;

/**
 * An IPv4 prefix written canonically ("192.0.2.0/24": decimal octets and length, no leading zeros) as two
 * integers, so a path index can keep millions of them without a string each. Writes the address into
 * `out[0]`, the length into `out[1]` and says whether the text was such a prefix; anything else (IPv6, other
 * spellings) is for the caller to keep as text — `ipv4PrefixText` must give back exactly the text read.
 */
export function packIPv4Prefix(text: string, out: Uint32Array): boolean {
  let addr = 0;
  let i = 0;
  const n = text.length;
  for (let part = 0; part < 5; part++) {
    const start = i;
    let v = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < ZERO || c > NINE) break;
      v = v * 10 + (c - ZERO);
      i++;
    }
    const digits = i - start;
    if (digits === 0 || digits > 3 || (digits > 1 && text.charCodeAt(start) === ZERO)) return false;
    if (part < 4) {
      if (v > 255 || i >= n || text.charCodeAt(i) !== (part < 3 ? DOT : SLASH)) return false;
      addr = addr * 256 + v;
      i++;
    } else {
      if (v > 32 || i !== n) return false;
      out[0] = addr;
      out[1] = v;
    }
  }
  return true;
}

export function ipv4PrefixText(addr: number, length: number): string {
  return `${addr >>> 24}.${(addr >>> 16) & 255}.${(addr >>> 8) & 255}.${addr & 255}/${length}`;
}
