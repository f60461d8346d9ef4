/** A 32-bit AS number, checked at the boundary: only parseAsn and asn() make one. */
export type Asn = number & { readonly __brand: 'Asn' };

export const AS_TRANS = 23456 as Asn;
export const MAX_ASN = 4294967295;

export function isAsnNumber(n: number): n is Asn {
  return Number.isInteger(n) && n >= 0 && n <= MAX_ASN;
}

/** Throws only on a programming error (a literal out of range); parsers use parseAsn. */
export function asn(n: number): Asn {
  if (!isAsnNumber(n)) throw new RangeError(`not an AS number: ${n}`);
  return n;
}

export type AsnNotation = 'asplain' | 'asdot';

export type AsnParse =
  | { ok: true; asn: Asn; notation: AsnNotation; hadPrefix: boolean; leadingZeros: boolean }
  | { ok: false; reason: 'syntax' | 'range' };

const DIGITS = /^[0-9]+$/;

/**
 * Parses `AS65000`, `as65000`, `65000`, `AS1.10` / `1.10` (asdot, RFC 5396). The caller decides whether
 * a bare number or asdot is acceptable where it stands; this only says what was written.
 */
export function parseAsn(text: string): AsnParse {
  let t = text;
  let hadPrefix = false;
  if (t.length >= 2 && (t.charCodeAt(0) | 32) === 97 && (t.charCodeAt(1) | 32) === 115) {
    t = t.slice(2);
    hadPrefix = true;
  }
  const dot = t.indexOf('.');
  if (dot >= 0) {
    const hi = t.slice(0, dot);
    const lo = t.slice(dot + 1);
    if (!DIGITS.test(hi) || !DIGITS.test(lo) || hi.length > 5 || lo.length > 5) return { ok: false, reason: 'syntax' };
    const h = Number(hi);
    const l = Number(lo);
    if (h > 65535 || l > 65535) return { ok: false, reason: 'range' };
    return {
      ok: true,
      asn: (h * 65536 + l) as Asn,
      notation: 'asdot',
      hadPrefix,
      leadingZeros: (hi.length > 1 && hi[0] === '0') || (lo.length > 1 && lo[0] === '0'),
    };
  }
  if (!DIGITS.test(t)) return { ok: false, reason: 'syntax' };
  if (t.length > 10) return { ok: false, reason: 'range' };
  const n = Number(t);
  if (n > MAX_ASN) return { ok: false, reason: 'range' };
  return { ok: true, asn: n as Asn, notation: 'asplain', hadPrefix, leadingZeros: t.length > 1 && t[0] === '0' };
}

export function formatAsn(a: Asn): string {
  return `AS${a}`;
}

/** Why an ASN must not appear in a public path or as an ASPA party; undefined for an ordinary one. */
export type AsnSpecial =
  | 'as0' // RFC 7607
  | 'as-trans' // RFC 6793
  | 'documentation' // RFC 5398
  | 'private' // RFC 6996
  | 'reserved'; // RFC 7300, IANA reserved ranges

const SPECIAL_RANGES: readonly { from: number; to: number; kind: AsnSpecial; rfc: string }[] = [
  { from: 0, to: 0, kind: 'as0', rfc: 'RFC 7607' },
  { from: 23456, to: 23456, kind: 'as-trans', rfc: 'RFC 6793' },
  { from: 64496, to: 64511, kind: 'documentation', rfc: 'RFC 5398' },
  { from: 64512, to: 65534, kind: 'private', rfc: 'RFC 6996' },
  { from: 65535, to: 65535, kind: 'reserved', rfc: 'RFC 7300' },
  { from: 65536, to: 65551, kind: 'documentation', rfc: 'RFC 5398' },
  { from: 65552, to: 131071, kind: 'reserved', rfc: 'IANA' },
  { from: 4200000000, to: 4294967294, kind: 'private', rfc: 'RFC 6996' },
  { from: 4294967295, to: 4294967295, kind: 'reserved', rfc: 'RFC 7300' },
];

export function classifyAsn(a: number): { kind: AsnSpecial; rfc: string } | undefined {
  for (const r of SPECIAL_RANGES) if (a >= r.from && a <= r.to) return { kind: r.kind, rfc: r.rfc };
  return undefined;
}
