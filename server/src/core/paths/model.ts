import type { Severity } from '../diagnostics/diagnostic';
import type { LgFormat, UnparsedLine } from '../lg/types';
import type { AsnSpecial } from '../net/asn';

/**
 * The path panel's model: what the analysis found and the graph to draw, as plain JSON (it crosses the
 * LSP connection and the webview boundary). ASNs are plain numbers here: the model is data, not a parse.
 */
export interface PathsModel {
  readonly version: 1;
  readonly format: LgFormat;
  readonly routes: readonly RouteAnalysis[];
  readonly findings: readonly PathFinding[];
  readonly unparsed: readonly UnparsedLine[];
  readonly graph: PathGraph;
  /** Which data sets the analysis had; a missing one means that column is absent, never guessed. */
  readonly data: DataStatus;
  /** When the focused AS is declared as a customer in a workspace `.aspa` document: what publishing it changes. */
  readonly whatIf?: AspaWhatIf;
}

/**
 * The pasted routes verified twice: with the ASPAs of the data files and the RPKI only for `customer`
 * (`before`), and with the declaration of the `.aspa` documents (`after`, the verdicts the panel shows).
 */
export interface AspaWhatIf {
  readonly customer: number;
  /** The documents that declare it (URIs), first the one to name. */
  readonly sources: readonly string[];
  readonly providers: readonly number[];
  /** Route × direction, each one whose verdict changes, in route order. */
  readonly changes: readonly AspaWhatIfChange[];
  /** Route × direction pairs through the customer whose verdict stays, by verdict. */
  readonly unchanged: Readonly<Record<'valid' | 'invalid' | 'unknown', number>>;
  /** Routes through the customer that were verified (plain AS sequences, not cut by the looking glass). */
  readonly routes: number;
}

export interface AspaWhatIfChange {
  /** Index into `routes`. */
  readonly route: number;
  readonly direction: 'upstream' | 'downstream';
  readonly before: 'valid' | 'invalid' | 'unknown';
  readonly after: 'valid' | 'invalid' | 'unknown';
  /** The hop that decides: the customer → the AS it sent the route to. */
  readonly hop: Hop;
  /** For a route turned Invalid: the provider whose addition to the declaration keeps it as it was. */
  readonly addProvider?: number;
}

/** A hop as the route travelled: `from` announced it to `to` (so `from` is nearer the origin). */
export interface Hop {
  readonly from: number;
  readonly to: number;
}

/** Relationship of `from` to `to` on a hop: c2p = `from` is a customer of `to` (the route goes up). */
export type Relationship = 'c2p' | 'p2c' | 'p2p';

export type Check<V extends string> = {
  readonly verdict: V;
  /** The hop where the path stops being acceptable, when the check can say. */
  readonly leakHop?: Hop;
  readonly reason: string;
};

export interface AspaHopEvidence {
  readonly customer: number;
  readonly provider: number;
  readonly result: 'provider+' | 'not-provider+' | 'no-attestation';
  /** Up hops are read from the origin side, down hops (downstream only) from the neighbour side. */
  readonly ramp: 'up' | 'down';
}

/** `unverified`: not checked at all (locally originated, or a path the parser was unsure of). */
export interface AspaCheck extends Check<'valid' | 'invalid' | 'unknown' | 'unverified'> {
  readonly hops: readonly AspaHopEvidence[];
  /**
   * An Invalid path's leaker when it is the neighbour and passed the route to the vantage point itself, so there is
   * no AS-to-AS `leakHop` (upstream: the neighbour learnt it from a non-customer and still sent it up).
   */
  readonly leakedToVantage?: number;
  /** What would change the verdict (for example "AS8048 registering AS52320 as a provider would …"). */
  readonly whatIf?: string;
}

export type RouteVerdict = 'ok' | 'notice' | 'warning' | 'leak';

export interface RouteAnalysis {
  readonly index: number;
  readonly prefix: string;
  /** 0-based inclusive lines of the paste. */
  readonly lines: { readonly start: number; readonly end: number };
  readonly asPathText: string;
  readonly truncated: boolean;
  /** ASNs in sequence order as printed (vantage side first), prepends collapsed; sets and confeds left out. */
  readonly hops: readonly number[];
  readonly origin?: number;
  readonly neighbor?: number;
  readonly length: { readonly raw: number; readonly collapsed: number };
  readonly prepends: readonly { readonly asn: number; readonly count: number }[];
  readonly loops: readonly number[];
  readonly specialAsns: readonly { readonly asn: number; readonly kind: AsnSpecial; readonly rfc: string }[];
  readonly bogon?: string;
  readonly asSets: readonly (readonly number[])[];
  readonly confed: boolean;
  readonly otc?: Check<'ok' | 'leak' | 'unchecked'> & { readonly value: number };
  /** Without OTC on the route: where RFC 9234 would have set it and who would have dropped the leak. */
  readonly otcWhatIf?: string;
  /** Evidence (`hops`) is on `downstream` only: the upstream hops are its up-ramp hops. */
  readonly aspa?: { readonly upstream: AspaCheck; readonly downstream: AspaCheck };
  readonly valley?: Check<'valley-free' | 'valley' | 'unknown'>;
  readonly rov?: 'valid' | 'invalid' | 'not-found';
  readonly policy?: readonly PolicyHopResult[];
  /** Index into the palette: one colour per distinct (collapsed) path. */
  readonly color: number;
  readonly best: boolean;
  readonly verdict: RouteVerdict;
  /** Why the path got no ASPA/OTC/valley verdict: 'local' (empty path) or 'uncertain' (lg/uncertain-path). */
  readonly unverified?: 'local' | 'uncertain';
  /** Node ids along the route, vantage first. */
  readonly nodeIds: readonly string[];
}

export interface PolicyHopResult {
  readonly hop: Hop;
  readonly verdict: 'ok' | 'mismatch' | 'unknown';
  readonly reason: string;
}

export interface PathFinding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly route: number;
  /** 0-based line of the paste the finding is about. */
  readonly line: number;
  readonly hop?: Hop;
}

export type NodeKind = 'vantage' | 'as' | 'as-set' | 'aggregate';

export interface GraphNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly label: string;
  readonly asn?: number;
  readonly name?: string;
  readonly members?: readonly number[];
  /** Largest prepend count seen on this AS (shown as ×N when > 1). */
  readonly prepend: number;
  readonly origin: boolean;
  readonly leaker: boolean;
  readonly special?: AsnSpecial;
  readonly routes: readonly number[];
  x: number;
  y: number;
  readonly width: number;
  readonly height: number;
}

export interface GraphEdge {
  readonly id: string;
  /** Propagation: `from` announced to `to`; drawn right (origin side) to left (vantage). */
  readonly from: string;
  readonly to: string;
  readonly rel?: Relationship;
  readonly verdict: 'ok' | 'leak' | 'unknown';
  readonly reasons: readonly string[];
  readonly routes: readonly number[];
  readonly colors: readonly number[];
  points: { x: number; y: number }[];
}

export interface PathGraph {
  readonly nodes: GraphNode[];
  readonly edges: GraphEdge[];
  width: number;
  height: number;
  /** How it was laid out (absent before layout, or from an older model): RL puts the vantage point on the left. */
  direction?: LayoutDirection;
  /** Set when the table was too large to draw as is. */
  readonly aggregated?: { readonly by: 'first-hop' | 'origin' | 'neighbours' | 'prefix'; readonly hiddenNodes: number; /** Hops kept by 'first-hop' when more than one. */ readonly depth?: number };
}

export interface DataSetStatus {
  readonly loaded: boolean;
  /** Entries loaded (customers for ASPA, VRPs, links, names). */
  readonly count: number;
  readonly sources: readonly string[];
  readonly errors: readonly { readonly source: string; readonly message: string }[];
}

export interface DataStatus {
  readonly aspa: DataSetStatus;
  readonly rov: DataSetStatus;
  readonly relationships: DataSetStatus;
  readonly names: DataSetStatus;
  readonly policy: DataSetStatus;
}

export const PALETTE_SIZE = 8;

/** `RL`: vantage on the left, origins on the right (wide panes, exports); `BT`: vantage on top (narrow panes). */
export type LayoutDirection = 'RL' | 'BT';
