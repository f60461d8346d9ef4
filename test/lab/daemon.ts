import type { ProcessGroup } from './processes';
import type { DaemonName, Route } from './routes';

/** The fields of a route that one command's output actually prints (so the ground truth can be compared exactly). */
export type Field = 'asPath' | 'nextHop' | 'origin' | 'med' | 'communities' | 'largeCommunities' | 'extCommunities' | 'otc' | 'rd' | 'vrf';

export interface Capture {
  /** The command as an operator types it, e.g. `show ip bgp`; the fixture file is `<daemon>__<slug>.txt`. */
  readonly command: string;
  readonly argv: readonly string[];
  /** Which table's routes this output lists (a daemon may have several, e.g. gobgp's loc-rib and adj-in). */
  readonly view: string;
  /** Only the view's routes for these prefixes (a per-prefix command); all of the view's routes when absent. */
  readonly prefixes?: readonly string[];
  readonly fields: readonly Field[];
  /**
   * The output as copied from a terminal this many columns wide: every longer line goes on on the next
   * one, cut wherever the column ends (inside an ASN too). The fixture's name ends in `-wrapped<N>`.
   */
  readonly wrapAt?: number;
}

/** What a terminal of `columns` columns shows, copied: each line cut into pieces of at most that width. */
export function terminalWrap(text: string, columns: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      const pieces: string[] = [];
      for (let i = 0; i < line.length; i += columns) pieces.push(line.slice(i, i + columns));
      return pieces.length > 0 ? pieces : [''];
    })
    .join('\n');
}

/** How an MRT file came about: a RIB dump (TABLE_DUMP, TABLE_DUMP_V2 or OpenBGPD's BGP4MP_ENTRY) or the BGP4MP messages of sessions. */
export type MrtDumpKind = 'rib' | 'updates';

/** An MRT file a daemon wrote, named for the config statement or command that made it. */
export interface MrtDump {
  readonly daemon: DaemonName;
  /** The statement or command as the daemon's docs write it, e.g. `dump table-mp FILE` or `mrt dump table "master*" to FILE`. */
  readonly how: string;
  readonly kind: MrtDumpKind;
  /** Where the daemon wrote it (in the lab's temp dir). */
  readonly path: string;
  /** `<daemon>__<name>.mrt`, the fixture's name (`mrtDumpFile`). */
  readonly file: string;
}

export function mrtDumpFile(daemon: DaemonName, name: string): string {
  return `${daemon}__${slug(name)}.mrt`;
}

export interface LabDaemon {
  readonly name: DaemonName;
  /** Executables that must exist for this daemon to take part. */
  readonly binaries: readonly string[];
  /** Writes its config into `dir` and starts in the foreground under `group`. */
  start(dir: string, group: ProcessGroup): Promise<void>;
  /** Its tables as it must show them, keyed by view name. */
  views(): Readonly<Record<string, readonly Route[]>>;
  /** Undefined until every route of every view is present; then a short description. */
  ready(): Promise<string | undefined>;
  captures(): readonly Capture[];
  /** The version line it reports, for the ground truth. */
  version(): Promise<string>;
  /**
   * With MRT on (the lab's `mrt` option), once every route is present: dumps its RIB (by command, or by adding
   * the dump to its config) and returns every MRT file it wrote, complete. `slow`: also dumps that take a
   * minute to come (gobgpd's table).
   */
  dumpMrt?(opts: { readonly slow: boolean }): Promise<readonly MrtDump[]>;
}

export function slug(command: string): string {
  return command
    .trim()
    .replace(/\//g, '_')
    .replace(/[^A-Za-z0-9._]+/g, '-') // also ':' (IPv6), which some file systems refuse
    .replace(/^-+|-+$/g, '');
}

export function fixtureName(daemon: DaemonName, command: string, wrapAt?: number): string {
  return `${daemon}__${slug(command)}${wrapAt !== undefined ? `-wrapped${wrapAt}` : ''}.txt`;
}
