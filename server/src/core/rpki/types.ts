import type { Asn } from '../net/asn';
import type { Afi, Prefix } from '../net/prefix';

/** A Validated ROA Payload (RFC 6811 §2): the prefix, how far it may be deaggregated, and the one AS that may originate it. */
export interface Vrp {
  readonly prefix: Prefix;
  readonly maxLength: number;
  readonly asn: Asn;
  /** Trust anchor or other provenance, when the source says. */
  readonly ta?: string;
}

/**
 * One ASPA as delivered by a source. `afi` is set only by sources that still split ASPAs per address family
 * (RTR draft-ietf-sidrops-8210bis-10 as spoken by stayrtr 0.5, stayrtr's `provider_authorizations` JSON);
 * the current drafts have one record per customer for both families.
 */
export interface AspaRecord {
  readonly customer: Asn;
  readonly providers: readonly Asn[];
  readonly afi?: Afi;
}

/** A problem met while loading or syncing RPKI data; `code` has a row in ./codes.ts. */
export interface RpkiIssue {
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'information';
  readonly message: string;
  /** File name or `rtr://host:port`. */
  readonly source: string;
  /** 0-based line in a text file, where the source is line-oriented. */
  readonly line?: number;
}

/**
 * Identity of a VRP for set semantics (RTR announce/withdraw, SLURM filters, de-duplication): a short flat string
 * of 16-bit units (address, lengths, ASN). A full table keeps 600k of these, where a readable template string
 * would cost ~200 bytes each in concatenation nodes.
 */
export function vrpKey(v: Vrp): string {
  const w = v.prefix.words;
  const lens = (v.prefix.length << 8) | v.maxLength;
  const a = v.asn;
  const w0 = w[0] ?? 0;
  if (v.prefix.afi === 4) return String.fromCharCode(w0 >>> 16, w0 & 0xffff, lens, a >>> 16, a & 0xffff);
  const w1 = w[1] ?? 0;
  const w2 = w[2] ?? 0;
  const w3 = w[3] ?? 0;
  return String.fromCharCode(w0 >>> 16, w0 & 0xffff, w1 >>> 16, w1 & 0xffff, w2 >>> 16, w2 & 0xffff, w3 >>> 16, w3 & 0xffff, lens, a >>> 16, a & 0xffff);
}

export function aspaKey(a: AspaRecord): string {
  return a.afi === undefined ? `${a.customer}` : `${a.customer}|${a.afi}`;
}
