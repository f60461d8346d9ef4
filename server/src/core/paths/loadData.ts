import type { AspaDb } from '../aspa/types';
import type { Asn } from '../net/asn';
import { parsePrefix, type Prefix } from '../net/prefix';
import { loadAspaData, mergeAspaDbs, type AspaLoad } from '../aspa/loader';
import { RovIndex } from '../rpki/rovIndex';
import type { Vrp } from '../rpki/types';
import { loadVrpFile } from '../rpki/vrpFile';
import type { PathData } from './analyze';
import { aspaChecker } from './aspaCheck';
import type { AspaDeclarations } from './aspaWhatIf';
import { parseAsNames } from './asNames';
import type { DataSetStatus } from './model';
import { parseRelationships, type Relationships } from './relationships';

/** The files the panel and `routelens paths` read, as settings or options name them. */
export interface PathDataFiles {
  readonly aspaFiles?: readonly string[];
  readonly vrpFiles?: readonly string[];
  readonly relationshipFiles?: readonly string[];
  readonly asNamesFile?: string;
  /** ASPA text already in memory (open or workspace `.aspa` documents), read like the files. */
  readonly aspaDocuments?: readonly { readonly source: string; readonly text: string }[];
}

/**
 * RPKI data the server already holds (an RTR cache and the files of `routelens.data.*`, merged by the
 * RpkiStore), so the panel's verdicts are the ones the routers see. It supersedes the VRP files, which the
 * store has loaded too; its ASPAs are united with the workspace's `.aspa` documents.
 */
export interface LiveRpki {
  readonly label: string;
  readonly aspaDb: AspaDb;
  readonly vrpCount: number;
  validateOrigin(prefix: Prefix, origin: Asn): 'valid' | 'invalid' | 'not-found';
}

interface Collected {
  count: number;
  sources: string[];
  errors: { source: string; message: string }[];
}

/**
 * Reads every data file and binds the verifiers. Never throws: a file that cannot be read or parsed is
 * reported in the status with its reason, and the analysis goes on with what did load.
 */
export async function loadPathData(
  files: PathDataFiles,
  readFile: (path: string) => Promise<string>,
  live?: LiveRpki,
): Promise<PathData> {
  const read = async (path: string, into: Collected): Promise<string | undefined> => {
    try {
      const text = await readFile(path);
      into.sources.push(path);
      return text;
    } catch (e) {
      into.errors.push({ source: path, message: e instanceof Error ? e.message : String(e) });
      return undefined;
    }
  };
  const aspa: Collected = { count: 0, sources: [], errors: [] };
  const rov: Collected = { count: 0, sources: [], errors: [] };
  const rels: Collected = { count: 0, sources: [], errors: [] };
  const names: Collected = { count: 0, sources: [], errors: [] };

  const loads: AspaData[] = [];
  const addAspa = (source: string, text: string): void => {
    // Errors are counted as the parser finds them and only the first is kept: a file that is not ASPA has one
    // per line, and a million kept diagnostics were most of the memory of `paths --aspa` on such a file.
    let errors = 0;
    let first = '';
    const { format, db, filteredCustomers } = loadAspaData(text, source, {
      push(d) {
        if (d.severity === 'error' && errors++ === 0) first = d.message;
      },
    });
    loads.push({ format, db, filteredCustomers });
    if (errors > 0) aspa.errors.push({ source, message: `${errors} error(s), first: ${first}` });
    else if (db.size === 0 && filteredCustomers.length === 0) aspa.errors.push({ source, message: 'no ASPA records in this file' });
  };
  for (const f of files.aspaFiles ?? []) {
    const text = await read(f, aspa);
    if (text !== undefined) addAspa(f, text);
  }
  const fileLoads = loads.length;
  const declaredIn = new Map<Asn, string[]>();
  for (const d of files.aspaDocuments ?? []) {
    aspa.sources.push(d.source);
    addAspa(d.source, d.text);
    for (const c of loads[loads.length - 1]!.db.keys()) declaredIn.set(c, [...(declaredIn.get(c) ?? []), d.source]);
  }
  const liveAspa = live && live.aspaDb.size > 0 ? [live.aspaDb] : [];
  if (live && liveAspa.length > 0) aspa.sources.push(live.label);
  const db = aspaDbOf(loads, liveAspa);
  const aspaDeclarations: AspaDeclarations | undefined =
    db && declaredIn.size > 0 ? { all: db, published: aspaDbOf(loads.slice(0, fileLoads), liveAspa) ?? new Map(), declaredIn } : undefined;
  aspa.count = db?.size ?? 0;

  const useLive = live !== undefined && live.vrpCount > 0;
  if (useLive) {
    rov.sources.push(live.label);
    rov.count = live.vrpCount;
  }
  const vrps: Vrp[] = [];
  for (const f of useLive ? [] : (files.vrpFiles ?? [])) {
    const text = await read(f, rov);
    if (text === undefined) continue;
    const load = loadVrpFile(text, f);
    for (const v of load.vrps) vrps.push(v);
    for (const i of load.issues) if (i.severity === 'error') rov.errors.push({ source: f, message: i.message });
  }
  const index = new RovIndex(vrps);
  if (!useLive) rov.count = index.size;
  const rovLookup = useLive
    ? (prefix: Prefix, origin: Asn) => live.validateOrigin(prefix, origin)
    : index.size > 0
      ? (prefix: Prefix, origin: Asn) => index.validateOrigin(prefix, origin).state
      : undefined;

  let relationships: Relationships | undefined;
  for (const f of files.relationshipFiles ?? []) {
    const text = await read(f, rels);
    if (text === undefined) continue;
    const parsed = parseRelationships(text, relationships);
    relationships = parsed.relationships;
    const first = parsed.errors[0];
    if (first) rels.errors.push({ source: f, message: `${parsed.errors.length} line(s) skipped; line ${first.line + 1}: ${first.message}` });
  }
  rels.count = relationships?.size ?? 0;

  let nameMap: Map<Asn, string> | undefined;
  if (files.asNamesFile) {
    const text = await read(files.asNamesFile, names);
    if (text !== undefined) {
      const parsed = parseAsNames(text);
      nameMap = parsed.names;
      if (parsed.bad > 0) names.errors.push({ source: files.asNamesFile, message: `${parsed.bad} line(s) are not "ASN name"` });
    }
  }
  names.count = nameMap?.size ?? 0;

  const status = (c: Collected, loaded: boolean): DataSetStatus => ({ loaded, count: c.count, sources: c.sources, errors: c.errors });
  return {
    ...(db ? aspaOf(aspaChecker(db, relationships)) : {}),
    ...(aspaDeclarations ? { aspaDeclarations } : {}),
    ...(!useLive && index.size > 0 ? { rovIndex: index } : {}),
    ...(rovLookup
      ? {
          rov: (prefix: string, origin: Asn) => {
            const p = parsePrefix(prefix);
            return p.ok ? rovLookup(p.prefix, origin) : 'not-found';
          },
        }
      : {}),
    ...(relationships ? { relationships } : {}),
    ...(nameMap ? { names: nameMap } : {}),
    status: {
      aspa: status(aspa, db !== undefined),
      rov: status(rov, rovLookup !== undefined),
      relationships: status(rels, relationships !== undefined),
      names: status(names, nameMap !== undefined),
    },
  };
}

/** What the united data needs of a file's load (its declarations and diagnostics are let go as it is read). */
type AspaData = Pick<AspaLoad, 'format' | 'db' | 'filteredCustomers'>;

/** Every source's ASPAs united; SLURM filters drop a customer's data from the other sources (RFC 8416 §3). */
function aspaDbOf(loads: readonly AspaData[], extra: readonly AspaDb[]): AspaDb | undefined {
  if (loads.every((l) => l.db.size === 0) && extra.length === 0) return undefined;
  const filtered = new Set(loads.flatMap((l) => l.filteredCustomers));
  const slurm = loads.filter((l) => l.format === 'slurm');
  const others = [...loads.filter((l) => l.format !== 'slurm').map((l) => l.db), ...extra].map(
    (db) => new Map([...db].filter(([c]) => !filtered.has(c))),
  );
  return mergeAspaDbs([...others, ...slurm.map((l) => l.db)]);
}

/** The checker and its plain verdict, bound to the same compiled data. */
function aspaOf(check: ReturnType<typeof aspaChecker>): Pick<PathData, 'aspa' | 'aspaVerdict'> {
  return { aspa: check, aspaVerdict: check.verdictOf };
}
