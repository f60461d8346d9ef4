// parseIPv4 and parsePrefix as they were at 9f7dea4 (split and regexes), kept unchanged as the oracle the
// character-code parsers of server/src/core/net/prefix.ts are compared with: test/net/prefixOracle.test.ts.
import { formatPrefix, parseIPv6, type Prefix, type PrefixParse } from '../../server/src/core/net/prefix';

const V4_OCTET = /^[0-9]{1,3}$/;

export function oldParseIPv4(text: string): { words: number[]; leadingZeros: boolean; parts: number } | undefined {
  const parts = text.split('.');
  if (parts.length < 1 || parts.length > 4) return undefined;
  let w = 0;
  let leadingZeros = false;
  for (let i = 0; i < 4; i++) {
    const p = parts[i];
    let v = 0;
    if (p !== undefined) {
      if (!V4_OCTET.test(p)) return undefined;
      v = Number(p);
      if (v > 255) return undefined;
      if (p.length > 1 && p[0] === '0') leadingZeros = true;
    }
    w = w * 256 + v;
  }
  return { words: [w >>> 0], leadingZeros, parts: parts.length };
}

function maskWords(words: readonly number[], length: number): number[] {
  return words.map((w, i) => {
    const bits = Math.max(0, Math.min(32, length - i * 32));
    if (bits === 0) return 0;
    if (bits === 32) return w >>> 0;
    return (w & (~0 << (32 - bits))) >>> 0;
  });
}

export function oldParsePrefix(text: string): PrefixParse {
  const slash = text.indexOf('/');
  if (slash < 0) return { ok: false, reason: 'missing /length' };
  const addr = text.slice(0, slash);
  const lenText = text.slice(slash + 1);
  if (!/^[0-9]{1,3}$/.test(lenText)) return { ok: false, reason: 'prefix length is not a number' };
  const length = Number(lenText);
  if (addr.includes(':')) {
    const words = parseIPv6(addr);
    if (!words) return { ok: false, reason: 'not an IPv6 address' };
    if (length > 128) return { ok: false, reason: 'IPv6 prefix length above 128' };
    const masked = maskWords(words, length);
    const prefix: Prefix = { afi: 6, words: masked, length };
    return {
      ok: true,
      prefix,
      hostBitsSet: masked.some((w, i) => w !== words[i]),
      normalized: formatPrefix(prefix),
      leadingZeros: false,
      shortForm: false,
    };
  }
  const v4 = oldParseIPv4(addr);
  if (!v4) return { ok: false, reason: 'not an IPv4 address' };
  if (length > 32) return { ok: false, reason: 'IPv4 prefix length above 32' };
  const masked = maskWords(v4.words, length);
  const prefix: Prefix = { afi: 4, words: masked, length };
  return {
    ok: true,
    prefix,
    hostBitsSet: masked[0] !== v4.words[0],
    normalized: formatPrefix(prefix),
    leadingZeros: v4.leadingZeros,
    shortForm: v4.parts !== 4,
  };
}
