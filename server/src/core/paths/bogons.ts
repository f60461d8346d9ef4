import { parsePrefix, prefixCovers, type Prefix } from '../net/prefix';

/** Prefixes that must never be in the global table (IANA special-purpose registries, RFC 6890 and successors). */
const BOGON_TABLE: readonly { readonly prefix: string; readonly why: string }[] = [
  { prefix: '0.0.0.0/8', why: '"this network" (RFC 791)' },
  { prefix: '10.0.0.0/8', why: 'private (RFC 1918)' },
  { prefix: '100.64.0.0/10', why: 'shared CGN space (RFC 6598)' },
  { prefix: '127.0.0.0/8', why: 'loopback (RFC 1122)' },
  { prefix: '169.254.0.0/16', why: 'link-local (RFC 3927)' },
  { prefix: '172.16.0.0/12', why: 'private (RFC 1918)' },
  { prefix: '192.0.0.0/24', why: 'IETF protocol assignments (RFC 6890)' },
  { prefix: '192.0.2.0/24', why: 'documentation TEST-NET-1 (RFC 5737)' },
  { prefix: '192.168.0.0/16', why: 'private (RFC 1918)' },
  { prefix: '198.18.0.0/15', why: 'benchmarking (RFC 2544)' },
  { prefix: '198.51.100.0/24', why: 'documentation TEST-NET-2 (RFC 5737)' },
  { prefix: '203.0.113.0/24', why: 'documentation TEST-NET-3 (RFC 5737)' },
  { prefix: '224.0.0.0/4', why: 'multicast (RFC 5771)' },
  { prefix: '240.0.0.0/4', why: 'reserved (RFC 1112)' },
  { prefix: '::/8', why: 'reserved, includes loopback and unspecified (RFC 4291)' },
  { prefix: '100::/64', why: 'discard-only (RFC 6666)' },
  { prefix: '2001:2::/48', why: 'benchmarking (RFC 5180)' },
  { prefix: '2001:10::/28', why: 'ORCHID (RFC 4843)' },
  { prefix: '2001:db8::/32', why: 'documentation (RFC 3849)' },
  { prefix: '3fff::/20', why: 'documentation (RFC 9637)' },
  { prefix: 'fc00::/7', why: 'unique local (RFC 4193)' },
  { prefix: 'fe80::/10', why: 'link-local (RFC 4291)' },
  { prefix: 'fec0::/10', why: 'site-local, deprecated (RFC 3879)' },
  { prefix: 'ff00::/8', why: 'multicast (RFC 4291)' },
];

const BOGONS: readonly { readonly prefix: Prefix; readonly text: string; readonly why: string }[] = BOGON_TABLE.flatMap((b) => {
  const p = parsePrefix(b.prefix);
  return p.ok ? [{ prefix: p.prefix, text: b.prefix, why: b.why }] : [];
});

/** Why `prefix` is a bogon (`inside 10.0.0.0/8, private (RFC 1918)`), or undefined. */
export function bogonReason(prefix: string): string | undefined {
  const p = parsePrefix(prefix);
  if (!p.ok) return undefined;
  for (const b of BOGONS) if (prefixCovers(b.prefix, p.prefix)) return `inside ${b.text}, ${b.why}`;
  return undefined;
}
