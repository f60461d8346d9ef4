import type { Diagnostic } from '../diagnostics/diagnostic';
import type { Asn } from '../net/asn';
import type { TextPositions } from '../text/lineIndex';
import type { AspaDeclaration } from './declarations';
import type { AspaDb } from './types';

/** What the RPKI cache (RTR or validator output) holds, as the ASPA service sees it. */
export interface CachedAspas {
  /** Where the data came from, for the message: "RTR cache 192.0.2.1:323, serial 42". */
  readonly label: string;
  readonly db: AspaDb;
}

/**
 * Compares each declaration with the validated ASPA the routers already see: a file that differs from
 * the cache is either not yet published or out of date, and either way what is being reviewed is not what
 * is enforced. Declarations of one customer are united first, as verification unites them.
 */
export function compareWithCache(decls: readonly AspaDeclaration[], cache: CachedAspas, index: TextPositions): Diagnostic[] {
  const declared = new Map<Asn, { providers: Set<Asn>; first: AspaDeclaration }>();
  for (const d of decls) {
    const c = d.customer.asn;
    if (c === undefined || d.filter || d.providers.some((p) => p.asn === undefined)) continue;
    const entry = declared.get(c) ?? { providers: new Set<Asn>(), first: d };
    for (const p of d.providers) if (p.asn !== undefined && p.asn !== 0) entry.providers.add(p.asn);
    declared.set(c, entry);
  }
  const out: Diagnostic[] = [];
  for (const [customer, { providers, first }] of declared) {
    const cached = cache.db.get(customer);
    if (cached === undefined) continue;
    const missing = [...cached].filter((p) => !providers.has(p)).sort((a, b) => a - b);
    const extra = [...providers].filter((p) => !cached.has(p)).sort((a, b) => a - b);
    if (missing.length === 0 && extra.length === 0) continue;
    const list = (xs: readonly number[]) => (xs.length === 0 ? 'none (AS0)' : xs.map((x) => `AS${x}`).join(', '));
    const parts = [
      ...(extra.length > 0 ? [`this file adds ${list(extra)}`] : []),
      ...(missing.length > 0 ? [`the cache also has ${list(missing)}`] : []),
    ];
    out.push({
      code: 'aspa/differs-from-cache',
      severity: 'warning',
      range: index.range(first.customer.span),
      message: `The RPKI cache (${cache.label}) has an ASPA for AS${customer} that differs from this file: ${parts.join('; ')}. Cached providers: ${list([...cached].sort((a, b) => a - b))}. Publish this file's version, or update the file to what is published.`,
    });
  }
  return out;
}
