/**
 * Groups flagged routes into episodes: one per leak hop (leaker → the AS it sent the routes to), split where no route with that leak was
 * seen for `gap` seconds. Single-linkage clustering of sighting times is order-free, so scanning files in any
 * order, or in separate processes merged afterwards, gives the same episodes.
 */
import type { LeakCheck, LeakFlag } from './classify';
import type { Episode, LeakerSummary, ScanResult } from './model';

interface Cluster {
  first: number;
  last: number;
  readonly checks: Set<LeakCheck>;
  readonly origins: Set<number>;
  readonly learnedFrom: Set<number>;
  readonly prefixes: Set<string>;
  readonly peers: Set<string>;
  readonly collectors: Set<string>;
  routes: number;
  example: Episode['example'];
}

export interface Sighting {
  readonly time: number;
  readonly prefix: string;
  readonly peer: string;
  readonly collector: string;
  readonly path: string;
}

type Kind = Episode['kind'];

function keyOf(kind: Kind, leaker: number, sentTo: number | undefined): string {
  return `${kind}:${leaker}>${sentTo ?? ''}`;
}

function kindOf(flag: LeakFlag): Kind {
  return flag.check === 'rov' ? 'rov' : 'leak';
}

export class EpisodeBuilder {
  /** Per key, clusters sorted by time and more than `gap` apart. */
  private readonly byKey = new Map<string, { kind: Kind; leaker: number; sentTo?: number; clusters: Cluster[] }>();

  constructor(readonly gap: number) {}

  add(flag: LeakFlag, s: Sighting): void {
    const c: Cluster = {
      first: s.time,
      last: s.time,
      checks: new Set([flag.check]),
      origins: new Set([flag.origin]),
      learnedFrom: new Set(flag.learnedFrom !== undefined ? [flag.learnedFrom] : []),
      prefixes: new Set([s.prefix]),
      peers: new Set([s.peer]),
      collectors: new Set([s.collector]),
      routes: 1,
      example: { prefix: s.prefix, path: s.path, peer: s.peer, time: s.time, reason: flag.reason },
    };
    // Fast path: a sighting inside the latest cluster of its key (the common case in time-ordered input).
    const kind = kindOf(flag);
    const entry = this.byKey.get(keyOf(kind, flag.leaker, flag.sentTo));
    const last = entry?.clusters[entry.clusters.length - 1];
    if (last !== undefined && s.time >= last.first && s.time <= last.last + this.gap) {
      last.last = Math.max(last.last, s.time);
      last.checks.add(flag.check);
      last.origins.add(flag.origin);
      if (flag.learnedFrom !== undefined) last.learnedFrom.add(flag.learnedFrom);
      last.prefixes.add(s.prefix);
      last.peers.add(s.peer);
      last.collectors.add(s.collector);
      last.routes++;
      return;
    }
    this.insert(kind, flag.leaker, flag.sentTo, c);
  }

  /** Adds a whole cluster (a sighting, or an episode of a part being merged), joining every cluster within `gap`. */
  private insert(kind: Kind, leaker: number, sentTo: number | undefined, c: Cluster): void {
    const key = keyOf(kind, leaker, sentTo);
    let entry = this.byKey.get(key);
    if (entry === undefined) {
      entry = { kind, leaker, ...(sentTo !== undefined ? { sentTo } : {}), clusters: [] };
      this.byKey.set(key, entry);
    }
    const list = entry.clusters;
    const kept: Cluster[] = [];
    let merged = c;
    for (const x of list) {
      if (x.last + this.gap < merged.first || merged.last + this.gap < x.first) kept.push(x);
      else merged = join(x, merged);
    }
    kept.push(merged);
    kept.sort((a, b) => a.first - b.first);
    entry.clusters = kept;
  }

  /** Folds in the episodes of another scan (one part of a longer period). */
  addEpisodes(episodes: readonly Episode[]): void {
    for (const e of episodes)
      this.insert(e.kind, e.leaker, e.sentTo, {
        first: e.first,
        last: e.last,
        checks: new Set(e.checks),
        origins: new Set(e.origins),
        learnedFrom: new Set(e.learnedFrom),
        prefixes: new Set(e.prefixes),
        peers: new Set(e.peers),
        collectors: new Set(e.collectors),
        routes: e.routes,
        example: e.example,
      });
  }

  episodes(): Episode[] {
    const out: Episode[] = [];
    for (const { kind, leaker, sentTo, clusters } of this.byKey.values())
      for (const c of clusters)
        out.push({
          kind,
          leaker,
          ...(sentTo !== undefined ? { sentTo } : {}),
          origins: [...c.origins].sort((a, b) => a - b),
          checks: [...c.checks].sort(),
          learnedFrom: [...c.learnedFrom].sort((a, b) => a - b),
          first: c.first,
          last: c.last,
          prefixes: [...c.prefixes].sort(),
          peers: [...c.peers].sort(),
          collectors: [...c.collectors].sort(),
          routes: c.routes,
          example: c.example,
        });
    return out.sort(compareEpisodes);
  }
}

function join(a: Cluster, b: Cluster): Cluster {
  const [early, late] = earlier(a, b) ? [a, b] : [b, a];
  return {
    first: Math.min(a.first, b.first),
    last: Math.max(a.last, b.last),
    checks: new Set([...a.checks, ...b.checks]),
    origins: new Set([...a.origins, ...b.origins]),
    learnedFrom: new Set([...a.learnedFrom, ...b.learnedFrom]),
    prefixes: new Set([...a.prefixes, ...b.prefixes]),
    peers: new Set([...a.peers, ...b.peers]),
    collectors: new Set([...a.collectors, ...b.collectors]),
    routes: a.routes + b.routes,
    // The earliest sighting is the example whichever part saw it; ties go to the smaller text, for determinism.
    example: early.example.time === late.example.time && exampleText(late) < exampleText(early) ? late.example : early.example,
  };
}

function earlier(a: Cluster, b: Cluster): boolean {
  return a.example.time < b.example.time || (a.example.time === b.example.time && exampleText(a) <= exampleText(b));
}

function exampleText(c: Cluster): string {
  return `${c.example.prefix}|${c.example.peer}|${c.example.path}`;
}

export function compareEpisodes(a: Episode, b: Episode): number {
  return a.first - b.first || a.leaker - b.leaker || (a.sentTo ?? -1) - (b.sentTo ?? -1) || a.kind.localeCompare(b.kind);
}

/** Merges scans of separate files or periods into the result one scan over all of them gives. */
export function mergeScans(parts: readonly ScanResult[]): ScanResult | { error: string } {
  const gap = parts[0]?.gapSeconds ?? 3600;
  if (parts.some((p) => p.version !== 1)) return { error: 'not a RouteLens scan result (version 1)' };
  if (parts.some((p) => p.gapSeconds !== gap)) return { error: `the parts were scanned with different --gap values (${[...new Set(parts.map((p) => p.gapSeconds))].join(', ')}); they cannot merge exactly` };
  const upstream = JSON.stringify(parts[0]?.data.upstreamPeers ?? []);
  if (parts.some((p) => JSON.stringify(p.data.upstreamPeers ?? []) !== upstream)) return { error: 'the parts were scanned with different --peer-role upstream peers; they cannot merge exactly' };
  const b = new EpisodeBuilder(gap);
  for (const p of parts) b.addEpisodes(p.episodes);
  const upstreamPeers = parts[0]?.data.upstreamPeers;
  return {
    version: 1,
    gapSeconds: gap,
    data: {
      aspa: parts.some((p) => p.data.aspa),
      rov: parts.some((p) => p.data.rov),
      relationships: parts.some((p) => p.data.relationships),
      ...(upstreamPeers !== undefined ? { upstreamPeers } : {}),
    },
    files: parts.flatMap((p) => p.files).sort((x, y) => (x.first ?? 0) - (y.first ?? 0) || x.path.localeCompare(y.path)),
    routesChecked: parts.reduce((n, p) => n + p.routesChecked, 0),
    routesFlagged: parts.reduce((n, p) => n + p.routesFlagged, 0),
    episodes: b.episodes(),
  };
}

/** Per leaker: how many episodes, over what period, and which ways through it (learnt from → sent to). */
export function summarizeLeakers(episodes: readonly Episode[]): LeakerSummary[] {
  const by = new Map<number, Episode[]>();
  for (const e of episodes) by.set(e.leaker, [...(by.get(e.leaker) ?? []), e]);
  const out: LeakerSummary[] = [];
  for (const [leaker, list] of by) {
    // A pattern is the way through the leaker (learnt from → sent to); the origins of its episodes are united.
    const patterns = new Map<string, { kind: Episode['kind']; origins: Set<number>; learnedFrom: readonly number[]; sentTo?: number; episodes: number }>();
    for (const e of list) {
      const k = `${e.kind}|${e.learnedFrom.join(',')}|${e.sentTo ?? ''}`;
      const p = patterns.get(k);
      if (p) {
        p.episodes++;
        for (const o of e.origins) p.origins.add(o);
      } else patterns.set(k, { kind: e.kind, origins: new Set(e.origins), learnedFrom: e.learnedFrom, ...(e.sentTo !== undefined ? { sentTo: e.sentTo } : {}), episodes: 1 });
    }
    out.push({
      leaker,
      episodes: list.length,
      first: Math.min(...list.map((e) => e.first)),
      last: Math.max(...list.map((e) => e.last)),
      prefixes: new Set(list.flatMap((e) => e.prefixes)).size,
      patterns: [...patterns.values()]
        .map((p) => ({ ...p, origins: [...p.origins].sort((a, b) => a - b) }))
        .sort((a, b) => b.episodes - a.episodes || (a.sentTo ?? 0) - (b.sentTo ?? 0)),
    });
  }
  return out.sort((a, b) => b.episodes - a.episodes || a.leaker - b.leaker);
}
