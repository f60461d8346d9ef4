import type { SpanDiagnostic } from '../diagnostics/diagnostic';
import type { Asn } from '../net/asn';
import { checkDeclarations } from './checks';
import { parseBird, parseOpenBgpd } from './daemonConfigs';
import type { AspaDeclaration, AspaFormat, AspaParse, DiagnosticSink } from './declarations';
import { parseAspaJson } from './jsonFormats';
import { parseKrill } from './krillParser';
import type { AspaDb } from './types';

export interface AspaLoad {
  readonly format: AspaFormat;
  readonly db: AspaDb;
  readonly declarations: readonly AspaDeclaration[];
  /** SLURM `aspaFilters`: customers whose ASPAs from other sources are to be dropped. */
  readonly filteredCustomers: readonly Asn[];
  /** Syntax, format and semantic diagnostics, by offset. */
  readonly diagnostics: readonly SpanDiagnostic[];
}

/** Which parser reads a text: JSON by its first character, daemon configs by their keywords, else Krill text. */
export function parseAspaText(text: string, fileNameHint = '', sink?: DiagnosticSink): AspaParse {
  const name = fileNameHint.toLowerCase();
  const head = text.slice(0, 65536);
  if (name.endsWith('.json') || /^\s*[{[]/.test(head)) return parseAspaJson(text, sink);
  if (/(^|\n)\s*aspa-set\s*\{/.test(head) || name.endsWith('bgpd.conf')) return parseOpenBgpd(text, sink);
  if (/\broute\s+aspa\s/.test(head) || name.endsWith('bird.conf')) return parseBird(text, sink);
  return parseKrill(text, sink);
}

/**
 * Reads any ASPA file the project knows (format detected from the content, the name only as a hint) into
 * an AspaDb plus its declarations and diagnostics. Never throws; a broken entry is reported and skipped.
 * SLURM `aspaAssertions` are the file's data; its `aspaFilters` are returned apart, since they act on
 * the validated data of other sources (RFC 8416 §3: filters first, then assertions).
 * With a `sink`, the diagnostics go there as they are found, in the same order, and `diagnostics` is empty.
 */
export function loadAspaData(text: string, fileNameHint = '', sink?: DiagnosticSink): AspaLoad {
  const parse = parseAspaText(text, fileNameHint, sink);
  const db = new Map<Asn, Set<Asn>>();
  for (const d of parse.declarations) {
    const c = d.customer.asn;
    if (c === undefined || c === 0 || d.filter) continue;
    let set = db.get(c);
    if (!set) db.set(c, (set = new Set()));
    for (const p of d.providers) if (p.asn !== undefined && p.asn !== 0) set.add(p.asn);
  }
  const checks = checkDeclarations(parse.declarations);
  if (sink) for (const d of checks) sink.push(d);
  const diagnostics = sink ? [] : [...parse.diagnostics, ...checks];
  return {
    format: parse.format,
    db,
    filteredCustomers: parse.declarations.flatMap((d) => (d.filter && d.customer.asn !== undefined ? [d.customer.asn] : [])),
    declarations: parse.declarations,
    diagnostics,
  };
}

/** Several files' data as one AspaDb: a customer's provider sets are united, as validators do. */
export function mergeAspaDbs(dbs: Iterable<AspaDb>): AspaDb {
  const out = new Map<Asn, Set<Asn>>();
  for (const db of dbs) {
    for (const [c, ps] of db) {
      let set = out.get(c);
      if (!set) out.set(c, (set = new Set()));
      for (const p of ps) set.add(p);
    }
  }
  return out;
}
