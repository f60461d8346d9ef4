import { isPrefixToken } from './address';

/**
 * VPN prefixes as routers print them: the route distinguisher (RFC 4364 §4.2: `ASN:n`, `IPv4:n`, or a
 * 4-byte `ASN.ASN:n`/`ASNL:n`) glued before the IP prefix — `65000:1:10.0.0.0/24` (Junos, FRR, VyOS
 * detail headers), `[65000:1]10.0.0.0/24`. The route keeps the IP prefix; the RD is a field of its own.
 */
const GLUED = /^(?:\[)?((?:\d{1,3}(?:\.\d{1,3}){3}|\d+(?:\.\d+)?L?):\d+)(?:\]|:)(.+)$/;

export function splitRd(token: string): { readonly rd?: string; readonly prefix: string } {
  const m = GLUED.exec(token);
  if (m === null) return { prefix: token };
  const rest = m[2] ?? '';
  if (!isPrefixToken(rest)) return { prefix: token };
  return { rd: m[1], prefix: rest };
}

/** `Route Distinguisher: 65000:1 (default for vrf BLUE)` (IOS, IOS-XR, FRR tables): the RD and VRF of the rows below. */
const RD_LINE = /^\s*Route Distinguisher:\s*(\S+)(?:\s+\((?:default for )?vrf\s+([^)\s]+)\))?/i;

export function rdLine(s: string): { readonly rd: string; readonly vrf?: string } | undefined {
  const m = RD_LINE.exec(s);
  if (m === null) return undefined;
  return m[2] !== undefined ? { rd: m[1] ?? '', vrf: m[2] } : { rd: m[1] ?? '' };
}

/** A VRF heading: FRR `Instance BLUE:`, IOS `VRF: BLUE`, `BGP routing table information for VRF BLUE`, EOS `VRF BLUE`. */
const VRF_LINE = /^\s*(?:Instance\s+(\S+?):\s*$|VRF:?\s+(\S+?),?\s*$|BGP routing table information for VRF\s+([^\s,]+))/;

export function vrfLine(s: string): { readonly vrf?: string } | undefined {
  const m = VRF_LINE.exec(s);
  if (m === null) return undefined;
  const v = m[1] ?? m[2] ?? m[3];
  return v === undefined || v === 'default' ? {} : { vrf: v };
}
