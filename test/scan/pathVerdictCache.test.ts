/**
 * The RIB fast path keeps one verdict per distinct AS_PATH (PathTable) and decides most of them from the bytes
 * (PlainPathCheck); the full check (RouteClassifier.pathVerdict) decides the rest. Here every entry of a real RIS
 * RIB (rrc00, 2002-07-22: 115,521 entries, re-encoded as TABLE_DUMP_V2) and the 27 real RIS paths of the CANTV leak
 * are scanned on that path, and each entry's flags are compared with the full check made afresh for that entry
 * alone. Two data sets: the CANTV example's real ASPAs and relationships, and one generated over the file's own
 * links (deterministic, dense: many paths Invalid, with valleys and unknown links), in both ASPA directions and
 * with ROV Invalid origins.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadAspaData } from '../../server/src/core/aspa/loader';
import type { Asn } from '../../server/src/core/net/asn';
import { parsePrefix } from '../../server/src/core/net/prefix';
import { readMrtFile } from '../../server/src/core/mrt/node/readMrtFile';
import { MrtReader } from '../../server/src/core/mrt/reader';
import type { MrtRoute, MrtSegment } from '../../server/src/core/mrt/types';
import { aspaChecker } from '../../server/src/core/paths/aspaCheck';
import { parseRelationships } from '../../server/src/core/paths/relationships';
import { RovIndex } from '../../server/src/core/rpki/rovIndex';
import { originOf, RouteClassifier, withRov, type LeakFlag, type ScanData } from '../../server/src/core/scan/classify';
import { FULL_CHECK, PlainPathCheck } from '../../server/src/core/scan/plainPath';
import { MrtScanner } from '../../server/src/core/scan/scanner';
import { repoRoot } from '../support/lspClient';
import { concat, peerIndexTable, ribRecord, type Session, type WriteRoute } from '../support/mrtWriter';

const SHARED = path.resolve(repoRoot, '../shared/corpora');
const RIB = path.join(SHARED, 'mrt', 'bview.20020722.2337.gz');
const CANTV = path.join(SHARED, 'aspa', 'cantv_observed_paths_2026-01-02.jsonl');
const example = (n: string): string => path.join(repoRoot, 'examples', 'cantv', n);

interface Entry {
  readonly prefix: string;
  readonly peer: Session;
  readonly path: readonly MrtSegment[];
}

/** The real entries: the RIB's routes (those without confederation segments, which the writer cannot write) and CANTV's. */
async function realEntries(): Promise<Entry[]> {
  const out: Entry[] = [];
  await readMrtFile(RIB, {
    route: (r: MrtRoute) => {
      const p = r.attributes?.asPath;
      if (r.kind === 'rib' && p !== undefined && p.every((s) => s.type === 'sequence' || s.type === 'set')) out.push({ prefix: r.prefix, peer: { peerAs: r.peer.asn, peerIp: r.peer.address }, path: p });
    },
  });
  for (const line of readFileSync(CANTV, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const row = JSON.parse(line) as { peer_ip: string; peer_asn: number; prefix: string; path: number[] };
    out.push({ prefix: row.prefix, peer: { peerAs: row.peer_asn, peerIp: row.peer_ip }, path: [{ type: 'sequence', asns: row.path }] });
  }
  return out;
}

/** The entries as one TABLE_DUMP_V2 RIB: a record per prefix, a peer index per (AS, address). */
function asRib(entries: readonly Entry[], time: number): Uint8Array {
  const peers: Session[] = [];
  const peerIndex = new Map<string, number>();
  const byPrefix = new Map<string, { peer: number; route: WriteRoute }[]>();
  for (const e of entries) {
    const key = `${e.peer.peerAs} ${e.peer.peerIp}`;
    let i = peerIndex.get(key);
    if (i === undefined) peerIndex.set(key, (i = peers.push(e.peer) - 1));
    const route: WriteRoute = { prefix: e.prefix, path: e.path.flatMap((s): (number | readonly number[])[] => (s.type === 'set' ? [s.asns] : [...s.asns])) };
    const list = byPrefix.get(e.prefix);
    if (list) list.push({ peer: i, route });
    else byPrefix.set(e.prefix, [{ peer: i, route }]);
  }
  let seq = 0;
  return concat([peerIndexTable(time, peers), ...[...byPrefix].map(([prefix, list]) => ribRecord(time, seq++, prefix, list))]);
}

/** A well-mixed number of two, to draw generated data from the links themselves (same data every run). */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35);
  return (h ^ (h >>> 13)) >>> 0;
}

/** Data generated over the entries' links: half the ASes with an ASPA naming some neighbours, random relationships, VRPs. */
function generatedData(entries: readonly Entry[]): ScanData {
  const links = new Set<string>();
  const neighbours = new Map<number, Set<number>>();
  for (const e of entries)
    for (const s of e.path)
      for (let i = 1; i < s.asns.length; i++) {
        const [a, b] = [s.asns[i - 1]!, s.asns[i]!];
        if (a === b) continue;
        links.add(a < b ? `${a}|${b}` : `${b}|${a}`);
        for (const [x, y] of [[a, b], [b, a]] as const) (neighbours.get(x) ?? neighbours.set(x, new Set()).get(x)!).add(y);
      }
  const rels: string[] = [];
  for (const l of links) {
    const [a, b] = l.split('|').map(Number) as [number, number];
    // CAIDA's form: `provider|customer|-1`, `peer|peer|0`; a quarter of the links left unknown.
    const r = mix(a, b) % 4;
    if (r === 0) rels.push(`${a}|${b}|-1`);
    else if (r === 1) rels.push(`${b}|${a}|-1`);
    else if (r === 2) rels.push(`${a}|${b}|0`);
  }
  const aspa: string[] = [];
  for (const [asn, ns] of neighbours) {
    if (mix(asn, 7) % 2 === 0) continue;
    const providers = [...ns].filter((n) => mix(asn, n) % 3 !== 0);
    aspa.push(`AS${asn} => ${providers.length === 0 ? 'AS0' : providers.map((p) => `AS${p}`).join(', ')}`);
  }
  return bind(aspa.join('\n'), rels.join('\n'), entries);
}

/** The CANTV example's real ASPAs and relationships, with the generated VRPs. */
function exampleData(entries: readonly Entry[]): ScanData {
  return bind(readFileSync(example('aspa.aspa'), 'utf8'), readFileSync(example('cantv.as-rel2.txt'), 'utf8'), entries);
}

function bind(aspaText: string, relText: string, entries: readonly Entry[]): ScanData {
  const relationships = parseRelationships(relText).relationships;
  const check = aspaChecker(loadAspaData(aspaText, 'data.aspa').db, relationships);
  // VRPs for some prefixes, every tenth naming another AS (its routes ROV Invalid).
  const vrps = new Map<string, { prefix: ReturnType<typeof parsePrefix>; asn: number }>();
  for (const e of entries) {
    const origin = originOf(e.path);
    const h = mix(origin ?? 0, e.prefix.length);
    if (origin !== undefined && h % 2 === 0 && !vrps.has(e.prefix)) vrps.set(e.prefix, { prefix: parsePrefix(e.prefix), asn: h % 10 === 0 ? origin + 1 : origin });
  }
  const rov = new RovIndex([...vrps.values()].flatMap((v) => (v.prefix.ok ? [{ prefix: v.prefix.prefix, maxLength: v.prefix.prefix.length, asn: v.asn as Asn }] : [])));
  // The collector peers of even AS number get upstream verification.
  const upstreamPeers = new Set(entries.map((e) => e.peer.peerAs).filter((a) => a % 2 === 0));
  return { aspa: check, aspaVerdict: check.verdictOf, rov, relationships, upstreamPeers };
}

/** Each entry's flags from the full check made for it alone (no cache), ROV included, as `prefix|peer` → flags. */
function freshFlags(entries: readonly Entry[], data: ScanData): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of entries) {
    const upstream = data.upstreamPeers?.has(e.peer.peerAs) ?? false;
    const v = new RouteClassifier(data).pathVerdict(e.path, undefined, upstream);
    let flags: readonly LeakFlag[] = v.flags;
    const p = parsePrefix(e.prefix);
    if (v.origin !== undefined && p.ok && data.rov?.originState(p.prefix, v.origin as Asn) === 'invalid') flags = withRov(flags, e.prefix, v.origin);
    if (flags.length > 0) add(out, `${e.prefix}|${e.peer.peerIp}`, JSON.stringify(flags));
  }
  return out;
}

function add(m: Map<string, string[]>, key: string, value: string): void {
  const list = m.get(key);
  if (list) list.push(value);
  else m.set(key, [value]);
}

/** Each flagged entry of the fast path's scan (a record at a time, verdicts per distinct path), as freshFlags has them. */
function fastFlags(bytes: Uint8Array, data: ScanData): { flagged: Map<string, string[]>; checked: number } {
  const flagged = new Map<string, string[]>();
  const scanner = new MrtScanner(data, 3600, (flags, route) => add(flagged, `${route.prefix}|${route.peer.address}`, JSON.stringify(flags)));
  const sink = scanner.file('rrc00/bview', 'rrc00');
  assert.equal(typeof sink.ribRecord, 'function');
  const reader = new MrtReader(sink);
  reader.push(bytes);
  sink.done(reader.end());
  return { flagged, checked: scanner.result().routesChecked };
}

const sorted = (m: Map<string, string[]>): [string, string[]][] => [...m].map(([k, v]): [string, string[]] => [k, [...v].sort()]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

for (const [name, dataOf] of [
  ['the CANTV example data', exampleData],
  ['data generated over the file’s links', generatedData],
] as const) {
  test(`RIB fast path: every entry of a real RIS RIB and the CANTV paths flagged as the full check of that entry alone flags it (${name})`, async (t) => {
    if (!existsSync(RIB) || !existsSync(CANTV)) {
      t.skip('../shared/corpora not present');
      return;
    }
    const entries = await realEntries();
    assert.ok(entries.length > 115_000, `${entries.length} entries`);
    const data = dataOf(entries);
    const fresh = freshFlags(entries, data);
    const fast = fastFlags(asRib(entries, 1027381055), data);
    assert.equal(fast.checked, entries.length);
    // Not a test that cannot fail: both kinds of verdict occur (leaks, and ROV Invalid origins).
    const all = [...fresh.values()].flat().join('\n');
    assert.match(all, /"check":"(aspa|valley)"/);
    assert.match(all, /"check":"rov"/);
    assert.deepEqual(sorted(fast.flagged), sorted(fresh));
  });
}

for (const [name, dataOf] of [
  ['the CANTV example data', exampleData],
  ['data generated over the file’s links', generatedData],
] as const) {
  test(`PlainPathCheck: a clean origin only for paths the full check finds clean with that origin, on every real path, both directions (${name})`, async (t) => {
  if (!existsSync(RIB) || !existsSync(CANTV)) {
    t.skip('../shared/corpora not present');
    return;
  }
  const entries = await realEntries();
  const data = dataOf(entries);
  const plain = new PlainPathCheck(data);
  const full = new RouteClassifier(data);
  const seen = new Set<string>();
  const counts = { clean: 0, full: 0, flaggedFull: 0 };
  for (const e of entries) {
    const key = JSON.stringify(e.path);
    if (seen.has(key)) continue;
    seen.add(key);
    const bytes = asPathBytes(e.path);
    for (const upstream of [false, true]) {
      const origin = plain.originIfClean(bytes, 0, bytes.length, -1, upstream);
      const v = full.pathVerdict(e.path, undefined, upstream);
      if (origin === FULL_CHECK) {
        counts.full++;
        if (v.flags.length > 0) counts.flaggedFull++;
      } else {
        counts.clean++;
        assert.deepEqual({ flags: v.flags, origin: v.origin }, { flags: [], origin }, key);
      }
    }
  }
  // Both outcomes occur: paths decided clean from the bytes, and flagged ones sent to the full check.
  assert.ok(counts.clean > 1000 && counts.flaggedFull > 10, JSON.stringify(counts));
});
}

/** AS_PATH bytes with 4-byte ASNs, as a TABLE_DUMP_V2 RIB entry carries them. */
function asPathBytes(segments: readonly MrtSegment[]): Uint8Array {
  const out: number[] = [];
  for (const s of segments) {
    out.push(s.type === 'set' ? 1 : 2, s.asns.length);
    for (const a of s.asns) out.push(a >>> 24, (a >>> 16) & 255, (a >>> 8) & 255, a & 255);
  }
  return Uint8Array.from(out);
}
