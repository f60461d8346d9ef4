/**
 * All RPKI data RouteLens knows, from every configured source: VRP/ASPA files, SLURM files applied on top, and
 * one RTR cache. The LSP layer subscribes to changes; lookups build their indexes lazily after each change.
 */
import type { AspaDb } from '../aspa/types';
import type { Asn } from '../net/asn';
import type { Prefix } from '../net/prefix';
import { toAspaDb } from './aspaDb';
import { RovIndex, type RovResult } from './rovIndex';
import { RtrClient, type RtrState } from './rtrClient';
import { applySlurmToAspas, applySlurmToVrps, EMPTY_SLURM, mergeSlurm, parseSlurm, type Slurm } from './slurm';
import type { Clock, Connector } from './transport';
import { aspaKey, vrpKey, type AspaRecord, type RpkiIssue, type Vrp } from './types';
import { loadVrpFile } from './vrpFile';
import { loadAspaData } from '../aspa/loader';

export interface RpkiSettings {
  readonly rtr: { readonly enabled: boolean; readonly host: string; readonly port: number };
  readonly vrpFiles: readonly string[];
  readonly aspaFiles: readonly string[];
}

export const defaultRpkiSettings: RpkiSettings = { rtr: { enabled: false, host: '127.0.0.1', port: 323 }, vrpFiles: [], aspaFiles: [] };

export interface RpkiRuntime {
  readonly clock: Clock;
  /** Absent where sockets are unavailable (the browser): RTR is then reported as unsupported. */
  readonly connector?: Connector;
  readFile(path: string): Promise<string>;
}

export type RpkiSourceKind = 'rtr' | 'file' | 'slurm';

export interface RpkiSourceStatus {
  readonly name: string;
  readonly kind: RpkiSourceKind;
  readonly state: RtrState | 'loaded' | 'failed' | 'loading';
  readonly vrps: number;
  readonly aspas: number;
  readonly serial?: number;
  /** Clock ms of the last successful load or End of Data. */
  readonly updatedAt?: number;
  readonly lastError?: string;
}

export interface RpkiStatus {
  readonly sources: readonly RpkiSourceStatus[];
  /** After de-duplication and SLURM. */
  readonly vrpCount: number;
  readonly aspaCount: number;
  readonly serial?: number;
  readonly updatedAt?: number;
  /** The most recent problems, newest last. */
  readonly issues: readonly RpkiIssue[];
}

interface FileData {
  status: RpkiSourceStatus;
  vrps: Vrp[];
  aspas: AspaRecord[];
  slurm?: Slurm;
}

const MAX_ISSUES = 30;

export class RpkiStore {
  private settings: RpkiSettings = defaultRpkiSettings;
  private files = new Map<string, FileData>();
  private rtr: RtrClient | undefined;
  private rtrStatus: RpkiSourceStatus | undefined;
  private issues: RpkiIssue[] = [];
  private listeners = new Set<(status: RpkiStatus) => void>();
  private loadGeneration = 0;

  private combined: { vrps: Vrp[]; aspas: AspaRecord[] } | undefined;
  private rov: RovIndex | undefined;
  private aspaDbCache: AspaDb | undefined;

  constructor(private readonly runtime: RpkiRuntime) {}

  onDidChange(listener: (status: RpkiStatus) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Applies settings: restarts RTR if its endpoint changed and reloads every file. Resolves once files are read. */
  async configure(settings: RpkiSettings): Promise<void> {
    const old = this.settings;
    this.settings = settings;
    const rtrChanged = old.rtr.enabled !== settings.rtr.enabled || old.rtr.host !== settings.rtr.host || old.rtr.port !== settings.rtr.port;
    if (rtrChanged || (settings.rtr.enabled && !this.rtr)) this.restartRtr();
    await this.reloadFiles();
  }

  /** The `routelens.refreshRpki` command: re-read files and ask the cache for news. */
  async refresh(): Promise<void> {
    this.rtr?.refresh();
    await this.reloadFiles();
  }

  dispose(): void {
    this.rtr?.stop();
    this.rtr = undefined;
    this.listeners.clear();
  }

  status(): RpkiStatus {
    const c = this.data();
    const sources = [...(this.rtrStatus ? [this.rtrStatus] : []), ...[...this.files.values()].map((f) => f.status)];
    const times = sources.map((s) => s.updatedAt).filter((t): t is number => t !== undefined);
    return {
      sources,
      vrpCount: c.vrps.length,
      aspaCount: this.aspaDb().size,
      ...(this.rtrStatus?.serial !== undefined ? { serial: this.rtrStatus.serial } : {}),
      ...(times.length > 0 ? { updatedAt: Math.max(...times) } : {}),
      issues: this.issues,
    };
  }

  validateOrigin(prefix: Prefix, originAs: Asn | undefined): RovResult {
    this.rov ??= new RovIndex(this.data().vrps);
    return this.rov.validateOrigin(prefix, originAs);
  }

  aspaDb(): AspaDb {
    this.aspaDbCache ??= toAspaDb(this.data().aspas);
    return this.aspaDbCache;
  }

  vrps(): readonly Vrp[] {
    return this.data().vrps;
  }

  // --- sources ---

  private restartRtr(): void {
    this.rtr?.stop();
    this.rtr = undefined;
    this.rtrStatus = undefined;
    const { enabled, host, port } = this.settings.rtr;
    if (!enabled) return this.changed();
    const name = `rtr://${host}:${port}`;
    if (!this.runtime.connector) {
      this.rtrStatus = { name, kind: 'rtr', state: 'stopped', vrps: 0, aspas: 0, lastError: 'RTR needs a TCP socket, which this runtime (VS Code for the Web) lacks.' };
      this.addIssue({ code: 'rpki/rtr-unavailable', severity: 'warning', message: `${name}: RTR is not available in VS Code for the Web; use routelens.data.vrpFiles instead.`, source: name });
      return this.changed();
    }
    this.rtrStatus = { name, kind: 'rtr', state: 'connecting', vrps: 0, aspas: 0 };
    const client: RtrClient = new RtrClient(
      { host, port, connector: this.runtime.connector, clock: this.runtime.clock },
      {
        onUpdate: (snap) => {
          if (this.rtr !== client) return;
          this.rtrStatus = {
            name,
            kind: 'rtr',
            state: client.currentState,
            vrps: snap.vrps.size,
            aspas: snap.aspas.size,
            ...(snap.serial !== undefined ? { serial: snap.serial } : {}),
            ...(snap.updatedAt !== undefined ? { updatedAt: snap.updatedAt } : {}),
          };
          this.invalidate();
        },
        onState: (state) => {
          if (this.rtr !== client || !this.rtrStatus) return;
          this.rtrStatus = { ...this.rtrStatus, state };
          this.changed();
        },
        onIssue: (issue) => {
          if (this.rtr !== client || !this.rtrStatus) return;
          if (issue.severity !== 'information') this.rtrStatus = { ...this.rtrStatus, lastError: issue.message };
          this.addIssue(issue);
        },
      },
    );
    this.rtr = client;
    client.start();
  }

  private async reloadFiles(): Promise<void> {
    const gen = ++this.loadGeneration;
    const names = [...new Set([...this.settings.vrpFiles, ...this.settings.aspaFiles])];
    const aspaOnly = new Set(this.settings.aspaFiles.filter((f) => !this.settings.vrpFiles.includes(f)));
    const loaded = await Promise.all(names.map((n) => this.loadFile(n, aspaOnly.has(n))));
    if (gen !== this.loadGeneration) return;
    this.files = new Map(loaded.map((f) => [f.status.name, f]));
    this.invalidate();
  }

  private async loadFile(name: string, aspaOnly: boolean): Promise<FileData> {
    let text: string;
    try {
      text = await this.runtime.readFile(name);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      this.addIssue({ code: 'rpki/file-load-failed', severity: 'error', message: `cannot read ${name} (${why}); check routelens.data.vrpFiles / aspaFiles.`, source: name });
      return { status: { name, kind: 'file', state: 'failed', vrps: 0, aspas: 0, lastError: why }, vrps: [], aspas: [] };
    }
    const now = this.runtime.clock.now();
    if (aspaOnly) return this.loadAspaFile(name, text, now);
    const got = loadVrpFile(text, name);
    got.issues.forEach((i) => this.addIssue(i));
    const failed = got.issues.find((i) => i.code === 'rpki/file-load-failed');
    if (got.format === 'slurm') {
      const s = parseSlurm(got.slurm, name);
      s.issues.forEach((i) => this.addIssue(i));
      const count = s.slurm.prefixAssertions.length + s.slurm.prefixFilters.length;
      return { status: { name, kind: 'slurm', state: 'loaded', vrps: count, aspas: s.slurm.aspaAssertions.length + s.slurm.aspaFilters.length, updatedAt: now }, vrps: [], aspas: [], slurm: s.slurm };
    }
    return {
      status: {
        name,
        kind: 'file',
        state: failed ? 'failed' : 'loaded',
        vrps: got.vrps.length,
        aspas: got.aspas.length,
        ...(failed ? { lastError: failed.message } : { updatedAt: now }),
      },
      vrps: got.vrps,
      aspas: got.aspas,
    };
  }

  /** ASPA files in every format the ASPA area reads (Krill/.aspa text, rpki-client, Routinator, SLURM, BIRD, OpenBGPD). */
  private loadAspaFile(name: string, text: string, now: number): FileData {
    const got = loadAspaData(text, name);
    const problems = got.diagnostics.filter((d) => d.severity === 'error');
    for (const d of problems.slice(0, 10)) this.addIssue({ code: d.code, severity: 'warning', message: `${name}: ${d.message}`, source: name });
    const aspas: AspaRecord[] = [...got.db].map(([customer, providers]) => ({ customer, providers: providers.size === 0 ? [0 as Asn] : [...providers] }));
    const slurm: Slurm = { ...EMPTY_SLURM, aspaFilters: got.filteredCustomers };
    return {
      status: { name, kind: 'file', state: 'loaded', vrps: 0, aspas: aspas.length, updatedAt: now, ...(problems[0] ? { lastError: problems[0].message } : {}) },
      vrps: [],
      aspas,
      ...(got.filteredCustomers.length > 0 ? { slurm } : {}),
    };
  }

  // --- combined view ---

  private data(): { vrps: Vrp[]; aspas: AspaRecord[] } {
    if (this.combined) return this.combined;
    const aspas: AspaRecord[] = [];
    const slurms: Slurm[] = [];
    let fileVrps = 0;
    for (const f of this.files.values()) {
      fileVrps += f.vrps.length;
      aspas.push(...f.aspas);
      if (f.slurm) slurms.push(f.slurm);
    }
    const snap = this.rtr?.snapshot();
    if (snap) for (const a of snap.aspas.values()) aspas.push(a);
    const slurm = slurms.length > 0 ? mergeSlurm(slurms) : EMPTY_SLURM;
    // Same customer from several sources: the union is what a router holding all of them would use.
    const uniqueAspas = new Map<string, AspaRecord>();
    for (const a of aspas) {
      const k = aspaKey(a);
      const prev = uniqueAspas.get(k);
      uniqueAspas.set(k, prev ? { ...a, providers: [...new Set([...prev.providers, ...a.providers])] } : a);
    }
    const vrps = fileVrps === 0 ? [...(snap?.vrps.values() ?? [])] : this.mergedVrps(snap?.vrps);
    const slurmVrps = slurm.prefixFilters.length > 0 || slurm.prefixAssertions.length > 0;
    this.combined = { vrps: slurmVrps ? applySlurmToVrps(vrps, slurm) : vrps, aspas: applySlurmToAspas([...uniqueAspas.values()], slurm) };
    return this.combined;
  }

  /**
   * VRPs of every file and the cache, without duplicates. Only needed when files add VRPs: the cache's own set
   * is unique by key, and a second 600k-entry map of it would cost ~30 MB for nothing.
   */
  private mergedVrps(rtrVrps: ReadonlyMap<string, Vrp> | undefined): Vrp[] {
    const byKey = new Map<string, Vrp>();
    for (const f of this.files.values()) for (const v of f.vrps) byKey.set(vrpKey(v), v);
    if (rtrVrps) for (const [k, v] of rtrVrps) byKey.set(k, v);
    return [...byKey.values()];
  }

  private invalidate(): void {
    this.combined = undefined;
    this.rov = undefined;
    this.aspaDbCache = undefined;
    this.changed();
  }

  private addIssue(issue: RpkiIssue): void {
    this.issues = [...this.issues.slice(-(MAX_ISSUES - 1)), issue];
    this.changed();
  }

  private changed(): void {
    if (this.listeners.size === 0) return;
    const s = this.status();
    for (const l of this.listeners) l(s);
  }
}
