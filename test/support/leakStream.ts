/**
 * Generated BGP update streams with injected leak episodes, for the scan's tests and bench. The topology is small
 * and every AS has an ASPA, so each route's verdict is known by construction: clean paths climb from the origin
 * through its transit provider to a tier-1 and come down to a collector peer that buys transit from that tier-1;
 * a leak puts a multihomed customer between two of its providers.
 */
import { mulberry32 } from '../../bench/prng';
import { bgp4mpUpdate, concat, type Session } from './mrtWriter';

export const T0 = 1767225600; // 2026-01-01T00:00:00Z
export const TIER1 = [1001, 1002, 1003] as const;
export const TRANSIT = Array.from({ length: 10 }, (_, k) => 2000 + k);
export const ORIGINS = Array.from({ length: 200 }, (_, j) => 30000 + j);
/** Collector peer i buys transit from TIER1[i % 3]. */
export const PEERS: readonly Session[] = Array.from({ length: 6 }, (_, i) => ({ peerAs: 3000 + i, peerIp: `192.0.2.${10 + i}` }));

export const prefixOf = (origin: number): string => `45.${origin - 30000}.0.0/16`;
const transitOf = (origin: number): number => TRANSIT[(origin - 30000) % 10]!;

/** A leak to inject: `leaker` passes routes it learnt from `from` to `to`, between `start` and `end`. */
export interface InjectedLeak {
  readonly leaker: number;
  readonly from: number;
  readonly to: number;
  readonly origins: readonly number[];
  readonly start: number;
  readonly end: number;
  /** Seconds between re-announcements during the episode. */
  readonly every: number;
}

/** The ASPA text (Krill .aspa form) of the whole topology, leakers included. */
export function topologyAspa(leakers: readonly { asn: number; providers: readonly number[] }[]): string {
  const lines = [
    ...TIER1.map((t) => `AS${t} => AS0`),
    ...TRANSIT.map((p) => `AS${p} => ${TIER1.map((t) => `AS${t}`).join(', ')}`),
    ...ORIGINS.map((o) => `AS${o} => AS${transitOf(o)}`),
    ...PEERS.map((p, i) => `AS${p.peerAs} => AS${TIER1[i % 3]!}`),
    ...leakers.map((l) => `AS${l.asn} => ${l.providers.map((p) => `AS${p}`).join(', ')}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** The clean path peer i sees for an origin. */
export function cleanPath(peerIndex: number, origin: number): number[] {
  return [PEERS[peerIndex]!.peerAs, TIER1[peerIndex % 3]!, transitOf(origin), origin];
}

/**
 * Clean announcements and withdrawals every `step` seconds from `start` for `span` seconds, with the leaks'
 * announcements mixed in, in time order. A leak to a tier-1 reaches the peers below that tier-1; a leak to a
 * transit provider reaches every peer (through each peer's tier-1).
 */
export function leakStream(opts: LeakStreamOptions): Uint8Array {
  return concat(leakEvents(opts).map((e) => e.bytes));
}

export interface LeakStreamOptions {
  readonly start: number;
  readonly span: number;
  readonly step: number;
  readonly seed: number;
  readonly leaks: readonly InjectedLeak[];
}

/** The stream's records with their times, sorted, for tests that split it. */
export function leakEvents(opts: LeakStreamOptions): { time: number; bytes: Uint8Array; leak: boolean }[] {
  const rnd = mulberry32(opts.seed);
  const events: { time: number; bytes: Uint8Array; leak: boolean }[] = [];
  for (let t = opts.start; t < opts.start + opts.span; t += opts.step) {
    const i = Math.floor(rnd() * PEERS.length);
    const origin = ORIGINS[Math.floor(rnd() * ORIGINS.length)]!;
    const peer = PEERS[i]!;
    if (rnd() < 0.2) events.push({ time: t, bytes: bgp4mpUpdate(t, peer, [], [prefixOf(origin)]), leak: false });
    else events.push({ time: t, bytes: bgp4mpUpdate(t, peer, [{ prefix: prefixOf(origin), path: cleanPath(i, origin) }]), leak: false });
  }
  for (const leak of opts.leaks) {
    for (let t = leak.start; t <= leak.end; t += leak.every) {
      // Peers whose tier-1 provider received the leak see it: the path climbs from the leaker to `to` and comes down.
      PEERS.forEach((peer, i) => {
        const top = TIER1[i % 3]!;
        const upper = leak.to === top ? [peer.peerAs, top] : TIER1.includes(leak.to as 1001) ? undefined : [peer.peerAs, top, leak.to];
        if (upper === undefined) return;
        for (const origin of leak.origins) {
          const below = leak.from === transitOf(origin) ? [leak.from, origin] : [leak.from, transitOf(origin), origin];
          events.push({ time: t, bytes: bgp4mpUpdate(t, peer, [{ prefix: prefixOf(origin), path: [...upper, leak.leaker, ...below] }]), leak: true });
        }
      });
    }
  }
  // Stable: records of one second keep the order they were made in.
  return events.sort((a, b) => a.time - b.time);
}
