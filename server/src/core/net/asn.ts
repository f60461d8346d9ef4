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

/**
 * Parses `AS65000`, `as65000`, `65000`, `AS1.10` / `1.10` (asdot, RFC 5396). The caller decides whether
 * a bare number or asdot is acceptable where it stands; this only says what was written. One pass over the
 * character codes, no slices: every AS number of a registry dump comes through here.
 */
export function parseAsn(text: string): AsnParse {
  const n = text.length;
  const hadPrefix = n >= 2 && (text.charCodeAt(0) | 32) === 97 && (text.charCodeAt(1) | 32) === 115;
  const from = hadPrefix ? 2 : 0;
  let dot = -1;
  let value = 0;
  for (let i = from; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */ && dot < 0) dot = i;
    else if (c < 48 || c > 57) return SYNTAX;
    else if (dot < 0) value = value * 10 + (c - 48);
  }
  if (dot >= 0) {
    const hiLength = dot - from;
    const loLength = n - dot - 1;
    if (hiLength === 0 || loLength === 0 || hiLength > 5 || loLength > 5) return SYNTAX;
    let lo = 0;
    for (let i = dot + 1; i < n; i++) lo = lo * 10 + (text.charCodeAt(i) - 48);
    if (value > 65535 || lo > 65535) return RANGE;
    return {
      ok: true,
      asn: (value * 65536 + lo) as Asn,
      notation: 'asdot',
      hadPrefix,
      leadingZeros: (hiLength > 1 && text.charCodeAt(from) === 48) || (loLength > 1 && text.charCodeAt(dot + 1) === 48),
    };
  }
  const length = n - from;
  if (length === 0) return SYNTAX;
  if (length > 10 || value > MAX_ASN) return RANGE;
  return { ok: true, asn: value as Asn, notation: 'asplain', hadPrefix, leadingZeros: length > 1 && text.charCodeAt(from) === 48 };
}

const SYNTAX: AsnParse = { ok: false, reason: 'syntax' };
const RANGE: AsnParse = { ok: false, reason: 'range' };

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
