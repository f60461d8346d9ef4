/**
 * VRP and ASPA files as validators export them: rpki-client JSON (`roas`, `aspas`), Routinator json/jsonext,
 * stayrtr's `provider_authorizations`, and VRP CSV (`ASN,IP Prefix,Max Length,Trust Anchor`). SLURM files are
 * recognised and handed back as such (see ./slurm.ts). Never throws: bad entries are skipped and reported.
 */
import { parseAsn, type Asn } from '../net/asn';
import { parsePrefix } from '../net/prefix';
import type { AspaRecord, RpkiIssue, Vrp } from './types';

export type VrpFileFormat = 'rpki-client-json' | 'routinator-jsonext' | 'stayrtr-json' | 'csv' | 'slurm' | 'unknown';

export interface VrpFileLoad {
  readonly format: VrpFileFormat;
  readonly vrps: Vrp[];
  readonly aspas: AspaRecord[];
  readonly issues: RpkiIssue[];
  /** The parsed document when `format` is `slurm`, for ./slurm.ts. */
  readonly slurm?: unknown;
}

/** An ASN written as a number, `"AS64496"` or `"64496"`. */
export function asnFromJson(value: unknown): Asn | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value <= 4294967295 ? (value as Asn) : undefined;
  if (typeof value === 'string') {
    const p = parseAsn(value.trim());
    return p.ok ? p.asn : undefined;
  }
  return undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * One VRP from `{prefix, maxLength|max_length|maxPrefixLength, asn}`; a missing maxLength means the prefix
 * length (RFC 8416 §3.4.2 says so for SLURM, and rpki-client never omits it).
 */
export function vrpFromJson(o: unknown): { vrp?: Vrp; error?: string } {
  if (!isObject(o)) return { error: 'entry is not an object' };
  const p = typeof o.prefix === 'string' ? parsePrefix(o.prefix.trim()) : undefined;
  if (!p?.ok) return { error: `bad prefix ${JSON.stringify(o.prefix)}` };
  const asn = asnFromJson(o.asn);
  if (asn === undefined) return { error: `bad asn ${JSON.stringify(o.asn)} for ${p.normalized}` };
  const rawMax = o.maxLength ?? o.max_length ?? o.maxPrefixLength;
  const maxLength = rawMax === undefined ? p.prefix.length : Number(rawMax);
  const top = p.prefix.afi === 4 ? 32 : 128;
  if (!Number.isInteger(maxLength) || maxLength < p.prefix.length || maxLength > top) {
    return { error: `bad maxLength ${JSON.stringify(rawMax)} for ${p.normalized}` };
  }
  const ta = typeof o.ta === 'string' ? o.ta : undefined;
  return { vrp: ta === undefined ? { prefix: p.prefix, maxLength, asn } : { prefix: p.prefix, maxLength, asn, ta } };
}

/**
 * ASPA entries in the shapes validators write: rpki-client `{customer_asid, providers:[n]}`, Routinator
 * `{customer: "AS1", providers: ["AS2"]}`, older `provider_asids`, provider objects `{asid|asn}`, and
 * SLURM's `{customerAsid, providerAsids}`.
 */
export function aspaFromJson(o: unknown, afi?: 4 | 6): { aspa?: AspaRecord; error?: string } {
  if (!isObject(o)) return { error: 'ASPA entry is not an object' };
  const customer = asnFromJson(o.customer_asid ?? o.customer ?? o.customerAsid ?? o.customer_asn);
  if (customer === undefined) return { error: `bad ASPA customer ${JSON.stringify(o.customer_asid ?? o.customer ?? o.customerAsid)}` };
  const list = o.providers ?? o.provider_asids ?? o.providerAsids ?? o.provider_set;
  if (!Array.isArray(list)) return { error: `ASPA for AS${customer} has no provider list` };
  const providers: Asn[] = [];
  for (const item of list) {
    const a = asnFromJson(isObject(item) ? (item.asid ?? item.asn ?? item.provider) : item);
    if (a === undefined) return { error: `ASPA for AS${customer} has a bad provider ${JSON.stringify(item)}` };
    providers.push(a);
  }
  return { aspa: afi === undefined ? { customer, providers } : { customer, providers, afi } };
}

function issue(source: string, message: string, line?: number, code = 'rpki/file-entry-skipped'): RpkiIssue {
  return line === undefined ? { code, severity: 'warning', message, source } : { code, severity: 'warning', message, source, line };
}

const MAX_REPORTED = 20;

function loadJson(text: string, source: string): VrpFileLoad {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      format: 'unknown',
      vrps: [],
      aspas: [],
      issues: [{ code: 'rpki/file-load-failed', severity: 'error', message: `${source} is not valid JSON (${why}); export it again from your validator.`, source }],
    };
  }
  if (!isObject(doc)) {
    return { format: 'unknown', vrps: [], aspas: [], issues: [{ code: 'rpki/file-load-failed', severity: 'error', message: `${source}: the JSON top level is not an object.`, source }] };
  }
  if ('slurmVersion' in doc || 'validationOutputFilters' in doc || 'locallyAddedAssertions' in doc) {
    return { format: 'slurm', vrps: [], aspas: [], issues: [], slurm: doc };
  }
  const issues: RpkiIssue[] = [];
  let skipped = 0;
  const skip = (message: string): void => {
    if (++skipped <= MAX_REPORTED) issues.push(issue(source, message));
  };
  const vrps: Vrp[] = [];
  const roas = doc.roas ?? doc.vrps;
  let routinatorExt = false;
  if (Array.isArray(roas)) {
    for (const r of roas) {
      if (isObject(r) && 'source' in r) routinatorExt = true;
      const got = vrpFromJson(r);
      if (got.vrp) vrps.push(got.vrp);
      else skip(`${source}: VRP skipped: ${got.error}.`);
    }
  }
  const aspas: AspaRecord[] = [];
  let stayrtr = false;
  const takeAspas = (list: unknown, afi?: 4 | 6): void => {
    if (!Array.isArray(list)) return;
    for (const a of list) {
      const got = aspaFromJson(a, afi);
      if (got.aspa) aspas.push(got.aspa);
      else skip(`${source}: ASPA skipped: ${got.error}.`);
    }
  };
  takeAspas(doc.aspas);
  const pa = doc.provider_authorizations;
  if (isObject(pa)) {
    stayrtr = true;
    takeAspas(pa.ipv4, 4);
    takeAspas(pa.ipv6, 6);
  }
  if (!Array.isArray(roas) && aspas.length === 0 && !Array.isArray(doc.aspas)) {
    issues.push({
      code: 'rpki/file-load-failed',
      severity: 'error',
      message: `${source} has neither "roas" nor "aspas": expected rpki-client or Routinator JSON output.`,
      source,
    });
  }
  if (skipped > MAX_REPORTED) issues.push(issue(source, `${source}: ${skipped - MAX_REPORTED} more entries skipped.`));
  const format: VrpFileFormat = stayrtr ? 'stayrtr-json' : routinatorExt ? 'routinator-jsonext' : 'rpki-client-json';
  return { format, vrps, aspas, issues };
}

/** Column names as rpki-client, Routinator and OctoRPKI write them, lower-cased without spaces. */
const CSV_COLUMNS: Readonly<Record<string, 'asn' | 'prefix' | 'maxLength' | 'ta'>> = {
  asn: 'asn',
  ipprefix: 'prefix',
  prefix: 'prefix',
  maxlength: 'maxLength',
  trustanchor: 'ta',
  ta: 'ta',
};

function loadCsv(text: string, source: string): VrpFileLoad {
  const vrps: Vrp[] = [];
  const issues: RpkiIssue[] = [];
  const lines = text.split(/\r?\n/);
  let cols: Partial<Record<'asn' | 'prefix' | 'maxLength' | 'ta', number>> = { asn: 0, prefix: 1, maxLength: 2, ta: 3 };
  let skipped = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '' || line.startsWith('#')) continue;
    const fields = line.split(',').map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
    if (vrps.length === 0 && skipped === 0 && fields.some((f) => /^ip ?prefix$|^asn$/i.test(f))) {
      cols = {};
      fields.forEach((f, idx) => {
        const k = CSV_COLUMNS[f.toLowerCase().replace(/\s+/g, '')];
        if (k !== undefined && cols[k] === undefined) cols[k] = idx;
      });
      continue;
    }
    const get = (k: 'asn' | 'prefix' | 'maxLength' | 'ta'): string | undefined => (cols[k] === undefined ? undefined : fields[cols[k]]);
    const got = vrpFromJson({ asn: get('asn'), prefix: get('prefix'), maxLength: get('maxLength') || undefined, ta: get('ta') });
    if (got.vrp) vrps.push(got.vrp);
    else if (++skipped <= MAX_REPORTED) issues.push(issue(source, `${source}:${i + 1}: VRP skipped: ${got.error}.`, i));
  }
  if (skipped > MAX_REPORTED) issues.push(issue(source, `${source}: ${skipped - MAX_REPORTED} more lines skipped.`));
  if (vrps.length === 0 && skipped > 0) {
    issues.push({ code: 'rpki/file-load-failed', severity: 'error', message: `${source}: no line could be read as ASN,IP Prefix,Max Length,Trust Anchor.`, source });
  }
  return { format: 'csv', vrps, aspas: [], issues };
}

/** Loads a VRP/ASPA file by content (JSON when it starts with `{`), the name only breaking ties. */
export function loadVrpFile(text: string, fileNameHint: string): VrpFileLoad {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = body.trimStart()[0];
  if (first === '{' || (first === undefined && /\.json$/i.test(fileNameHint))) return loadJson(body, fileNameHint);
  return loadCsv(body, fileNameHint);
}
