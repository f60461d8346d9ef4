/**
 * What `routelens scan` finds, as plain JSON: the unit of `--merge`. Every set is a sorted array so two scans of
 * the same routes print the same bytes, and merging parts gives exactly the result of one scan over all of them.
 */
import type { LeakCheck } from './classify';

/**
 * One leak: routes that `leaker` passed to `sentTo`, seen by collector peers with no pause longer than the scan's
 * gap. ROV episodes are apart: there the "leaker" is the origin of routes no VRP allows, and there is no hop.
 */
export interface Episode {
  readonly kind: 'leak' | 'rov';
  readonly leaker: number;
  /** The AS the leaker sent the routes to (the leak hop is leaker → sentTo); absent for ROV. */
  readonly sentTo?: number;
  /** Origin ASes of the routes (one for most leaks; a full-table leak has thousands). */
  readonly origins: readonly number[];
  readonly checks: readonly LeakCheck[];
  /** ASes the leaker learnt the routes from (the next AS towards the origin). */
  readonly learnedFrom: readonly number[];
  /** Unix seconds of the first and last route seen with this leak. */
  readonly first: number;
  readonly last: number;
  readonly prefixes: readonly string[];
  /** `AS<asn> <address>` of each collector peer that passed the route on. */
  readonly peers: readonly string[];
  readonly collectors: readonly string[];
  /** Routes (RIB entries and announcements) that carried it. */
  readonly routes: number;
  /** The first route seen, for the reader to check by hand. */
  readonly example: { readonly prefix: string; readonly path: string; readonly peer: string; readonly time: number; readonly reason: string };
}

export interface ScannedFile {
  readonly path: string;
  readonly collector: string;
  readonly records: number;
  readonly routes: number;
  readonly first?: number;
  readonly last?: number;
  readonly diagnostics: readonly { readonly code: string; readonly message: string; readonly offset: number }[];
}

export interface ScanResult {
  readonly version: 1;
  /** Sightings of one leak closer than this many seconds belong to one episode. */
  readonly gapSeconds: number;
  /** The data the checks had: a check without data never flags. */
  readonly data: {
    readonly aspa: boolean;
    readonly rov: boolean;
    readonly relationships: boolean;
    /** Collector peers (AS numbers) whose routes had upstream ASPA verification (`--peer-role`); absent when none. */
    readonly upstreamPeers?: readonly number[];
  };
  readonly files: readonly ScannedFile[];
  readonly routesChecked: number;
  readonly routesFlagged: number;
  readonly episodes: readonly Episode[];
}

/** The episodes of one leaker, as the per-AS summary tells them. */
export interface LeakerSummary {
  readonly leaker: number;
  readonly episodes: number;
  readonly first: number;
  readonly last: number;
  readonly prefixes: number;
  /** Distinct ways through the leaker (learnt from → sent to) with their origins and episode counts, most frequent first. */
  readonly patterns: readonly { readonly kind: Episode['kind']; readonly origins: readonly number[]; readonly learnedFrom: readonly number[]; readonly sentTo?: number; readonly episodes: number }[];
}
