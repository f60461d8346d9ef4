/**
 * SLURM, RFC 8416: local filters and assertions applied on top of validated data; plus the ASPA members of
 * draft-ietf-sidrops-aspa-slurm (`aspaFilters`, `aspaAssertions`, slurmVersion 2).
 */
import type { Asn } from '../net/asn';
import { parsePrefix, prefixCovers, type Prefix } from '../net/prefix';
import { aspaFromJson, asnFromJson, vrpFromJson } from './vrpFile';
import { aspaKey, vrpKey, type AspaRecord, type RpkiIssue, type Vrp } from './types';

export interface PrefixFilter {
  readonly prefix?: Prefix;
  readonly asn?: Asn;
}

export interface Slurm {
  readonly prefixFilters: readonly PrefixFilter[];
  readonly prefixAssertions: readonly Vrp[];
  readonly aspaFilters: readonly Asn[];
  readonly aspaAssertions: readonly AspaRecord[];
}

export const EMPTY_SLURM: Slurm = { prefixFilters: [], prefixAssertions: [], aspaFilters: [], aspaAssertions: [] };

function obj(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** Reads a parsed SLURM document; entries it cannot read are reported and left out. */
export function parseSlurm(doc: unknown, source: string): { slurm: Slurm; issues: RpkiIssue[] } {
  const issues: RpkiIssue[] = [];
  const bad = (message: string): void => {
    issues.push({ code: 'rpki/slurm-entry-invalid', severity: 'warning', message: `${source}: ${message}`, source });
  };
  const root = obj(doc);
  const version = root.slurmVersion;
  if (version !== 1 && version !== 2) bad(`slurmVersion is ${JSON.stringify(version)}; RFC 8416 defines 1 (2 adds ASPA). Reading it anyway.`);
  const filters = obj(root.validationOutputFilters);
  const assertions = obj(root.locallyAddedAssertions);

  const prefixFilters: PrefixFilter[] = [];
  for (const f of arr(filters.prefixFilters)) {
    const o = obj(f);
    const p = typeof o.prefix === 'string' ? parsePrefix(o.prefix) : undefined;
    const asn = o.asn === undefined ? undefined : asnFromJson(o.asn);
    if ((o.prefix !== undefined && !p?.ok) || (o.asn !== undefined && asn === undefined) || (o.prefix === undefined && o.asn === undefined)) {
      bad(`prefix filter ${JSON.stringify(f)} needs a valid "prefix", "asn" or both (RFC 8416 §3.3.1).`);
      continue;
    }
    prefixFilters.push({ ...(p?.ok ? { prefix: p.prefix } : {}), ...(asn !== undefined ? { asn } : {}) });
  }
  const prefixAssertions: Vrp[] = [];
  for (const a of arr(assertions.prefixAssertions)) {
    const got = vrpFromJson(a);
    if (got.vrp) prefixAssertions.push(got.vrp);
    else bad(`prefix assertion skipped: ${got.error}.`);
  }
  const aspaFilters: Asn[] = [];
  for (const f of arr(filters.aspaFilters)) {
    const c = asnFromJson(obj(f).customerAsid ?? obj(f).customer_asid);
    if (c === undefined) bad(`ASPA filter ${JSON.stringify(f)} needs "customerAsid".`);
    else aspaFilters.push(c);
  }
  const aspaAssertions: AspaRecord[] = [];
  for (const a of arr(assertions.aspaAssertions)) {
    const got = aspaFromJson(a);
    if (got.aspa) aspaAssertions.push(got.aspa);
    else bad(`ASPA assertion skipped: ${got.error}.`);
  }
  return { slurm: { prefixFilters, prefixAssertions, aspaFilters, aspaAssertions }, issues };
}

export function mergeSlurm(list: readonly Slurm[]): Slurm {
  return {
    prefixFilters: list.flatMap((s) => s.prefixFilters),
    prefixAssertions: list.flatMap((s) => s.prefixAssertions),
    aspaFilters: list.flatMap((s) => s.aspaFilters),
    aspaAssertions: list.flatMap((s) => s.aspaAssertions),
  };
}

/** RFC 8416 §3.3.1: a filter with a prefix removes VRPs whose prefix it covers; with an ASN, those of that ASN; with both, both must hold. */
function filtered(v: Vrp, filters: readonly PrefixFilter[]): boolean {
  for (const f of filters) {
    if (f.asn !== undefined && f.asn !== v.asn) continue;
    if (f.prefix !== undefined && !prefixCovers(f.prefix, v.prefix)) continue;
    return true;
  }
  return false;
}

/** Filters first, then assertions added (RFC 8416 §4), without duplicates. */
export function applySlurmToVrps(vrps: readonly Vrp[], slurm: Slurm): Vrp[] {
  if (slurm.prefixFilters.length === 0 && slurm.prefixAssertions.length === 0) return [...vrps];
  const out = slurm.prefixFilters.length === 0 ? [...vrps] : vrps.filter((v) => !filtered(v, slurm.prefixFilters));
  const seen = new Set(out.map(vrpKey));
  for (const a of slurm.prefixAssertions) {
    const k = vrpKey(a);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(a);
    }
  }
  return out;
}

/** ASPA filters drop every ASPA of the customer; an assertion replaces what the data said for its customer. */
export function applySlurmToAspas(aspas: readonly AspaRecord[], slurm: Slurm): AspaRecord[] {
  if (slurm.aspaFilters.length === 0 && slurm.aspaAssertions.length === 0) return [...aspas];
  const drop = new Set<number>([...slurm.aspaFilters, ...slurm.aspaAssertions.map((a) => a.customer)]);
  const out = aspas.filter((a) => !drop.has(a.customer));
  const seen = new Set<string>();
  for (const a of slurm.aspaAssertions) {
    if (seen.has(aspaKey(a))) continue;
    seen.add(aspaKey(a));
    out.push(a);
  }
  return out;
}
