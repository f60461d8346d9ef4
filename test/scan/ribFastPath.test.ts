/**
 * The scan reads TABLE_DUMP_V2 RIB entries on a fast path (AS_PATH bytes hashed, verdicts per distinct path, ROV
 * once per record and origin). It must find exactly what the scan of fully decoded routes finds: checked here on a
 * generated RIB with injected leaks (known leaker and hop), ROV Invalid origins, AS_SETs, OTC and an entry with a
 * malformed attribute, in IPv4 and IPv6.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadAspaData } from '../../server/src/core/aspa/loader';
import type { Asn } from '../../server/src/core/net/asn';
import { parsePrefix } from '../../server/src/core/net/prefix';
import { aspaChecker } from '../../server/src/core/paths/aspaCheck';
import { parseRelationships } from '../../server/src/core/paths/relationships';
import { MrtReader } from '../../server/src/core/mrt/reader';
import { RovIndex } from '../../server/src/core/rpki/rovIndex';
import type { ScanData } from '../../server/src/core/scan/classify';
import { MrtScanner } from '../../server/src/core/scan/scanner';
import { repoRoot } from '../support/lspClient';
import { cleanPath, ORIGINS, PEERS, topologyAspa } from '../support/leakStream';
import { concat, peerIndexTable, ribRecord, type WriteRoute } from '../support/mrtWriter';

const T = 1767225600;

/** Every origin's /16 (and an IPv6 /48) from every peer; origin 30005 leaked by AS4001 (AS1001 → AS1002) to peers 1 and 4. */
function rib(): Uint8Array {
  const parts = [peerIndexTable(T, PEERS)];
  let seq = 0;
  for (const origin of ORIGINS.slice(0, 40)) {
    for (const prefix of [`45.${origin - 30000}.0.0/16`, `2001:db8:${(origin - 30000).toString(16)}::/48`]) {
      const entries = PEERS.map((_, i): { peer: number; route: WriteRoute } => {
        let p: (number | number[])[] = cleanPath(i, origin);
        if (origin === 30005 && (i === 1 || i === 4)) p = [PEERS[i]!.peerAs, 1002, 4001, 1001, 2005, 30005];
        if (origin === 30007 && i === 2) p = [...p.slice(0, 3), [30007, 30008]];
        // Peer 5 sees 30003's prefixes from AS64500, which the VRPs allow: one record, two origins.
        if (origin === 30003 && i === 5) p = [...p.slice(0, 3), 64500];
        const route: WriteRoute = { prefix, path: p, ...(origin === 30009 && i === 0 ? { otc: 1001 } : {}), communities: [[i, origin & 0xffff]] };
        return { peer: i, route };
      });
      parts.push(ribRecord(T, seq++, prefix, entries));
    }
  }
  const out = concat(parts);
  return out;
}

/** A copy where the ORIGIN attribute of one entry says 7 (no such value): decodeAttributes drops that entry. */
function withBadOrigin(bytes: Uint8Array): Uint8Array {
  const b = bytes.slice();
  // The first ORIGIN attribute after the peer index table: flags 0x40, type 1, length 1, value 0.
  for (let i = 200; i < b.length - 4; i++)
    if (b[i] === 0x40 && b[i + 1] === 1 && b[i + 2] === 1 && b[i + 3] === 0) {
      b[i + 3] = 7;
      break;
    }
  return b;
}

function scanBytes(bytes: Uint8Array, data: ScanData, fast: boolean) {
  const scanner = new MrtScanner(data);
  const sink = scanner.file('rrc00/bview.test', 'rrc00');
  const { ribRecord, ...decoded } = sink;
  const reader = new MrtReader(fast ? sink : decoded);
  for (let at = 0; at < bytes.length; at += 1000) reader.push(bytes.subarray(at, at + 1000));
  sink.done(reader.end());
  assert.equal(typeof ribRecord, 'function');
  return scanner.result();
}

function data(): ScanData {
  const aspa = loadAspaData(topologyAspa([{ asn: 4001, providers: [1001, 1002] }]), 'topology.aspa');
  const rels = parseRelationships(readFileSync(path.join(repoRoot, 'examples', 'cantv', 'cantv.as-rel2.txt'), 'utf8')).relationships;
  const vrp = (p: string, asn: number) => {
    const r = parsePrefix(p);
    assert.ok(r.ok);
    return { prefix: r.prefix, maxLength: r.prefix.length, asn: asn as Asn };
  };
  // 30003 has a VRP for another AS (its routes are ROV Invalid); 30004 a valid one.
  const rov = new RovIndex([vrp('45.3.0.0/16', 64500), vrp('45.4.0.0/16', 30004), vrp('2001:db8:3::/48', 64500)]);
  const check = aspaChecker(aspa.db, rels);
  return { aspa: check, aspaVerdict: check.verdictOf, rov, relationships: rels };
}

test('RIB fast path: the same result as the scan of decoded routes, with the injected leak and ROV Invalid origin found', () => {
  const bytes = withBadOrigin(rib());
  const d = data();
  const fast = scanBytes(bytes, d, true);
  const slow = scanBytes(bytes, d, false);
  assert.deepEqual(fast.episodes, slow.episodes);
  assert.equal(fast.routesFlagged, slow.routesFlagged);
  assert.equal(fast.routesChecked, slow.routesChecked);
  assert.deepEqual(fast.files[0]!.diagnostics, slow.files[0]!.diagnostics);
  assert.equal(fast.files[0]!.diagnostics[0]?.code, 'mrt/attribute-malformed');
  assert.equal(fast.routesChecked, 40 * 2 * 6 - 1);
  assert.equal(fast.files[0]!.routes, 40 * 2 * 6 - 1, 'the malformed entry is no route on either path');
  assert.deepEqual(fast.files, slow.files);
  const leak = fast.episodes.find((e) => e.kind === 'leak' && e.leaker === 4001);
  assert.ok(leak, 'the injected leak');
  assert.deepEqual([leak.sentTo, leak.origins, leak.learnedFrom, leak.peers.length, leak.prefixes.length], [1002, [30005], [1001], 2, 2]);
  const rov = fast.episodes.filter((e) => e.kind === 'rov');
  assert.deepEqual(
    rov.map((e) => [e.leaker, e.prefixes, e.routes]),
    [[30003, ['2001:db8:3::/48', '45.3.0.0/16'], 10]],
  );
});

test('RIB fast path with upstream peers (--peer-role): the same result as the decoded scan, and more flagged than downstream alone', () => {
  const bytes = rib();
  // Two collector peers treated as lateral peers of the collector: their routes get upstream verification.
  const d: ScanData = { ...data(), upstreamPeers: new Set([PEERS[1]!.peerAs, PEERS[2]!.peerAs]) };
  const fast = scanBytes(bytes, d, true);
  const slow = scanBytes(bytes, d, false);
  assert.deepEqual(fast.episodes, slow.episodes);
  assert.equal(fast.routesFlagged, slow.routesFlagged);
  const downstreamOnly = scanBytes(bytes, data(), true);
  // Upstream is the stricter check: whatever downstream flags it flags too, and here more (paths through providers).
  assert.ok(fast.routesFlagged > downstreamOnly.routesFlagged, `${fast.routesFlagged} > ${downstreamOnly.routesFlagged}`);
  assert.deepEqual(fast.data.upstreamPeers, [PEERS[1]!.peerAs, PEERS[2]!.peerAs].sort((a, b) => a - b));
});

/** `record` with the ORIGIN value of its entries at `entries` set to 7 (no such value): decodeAttributes drops them. */
function withBadOrigins(record: Uint8Array, entries: readonly number[]): Uint8Array {
  const b = record.slice();
  let k = 0;
  for (let i = 0; i < b.length - 4; i++)
    if (b[i] === 0x40 && b[i + 1] === 1 && b[i + 2] === 1 && b[i + 3] === 0) {
      if (entries.includes(k)) b[i + 3] = 7;
      k++;
    }
  return b;
}

test('RIB fast path, a record at a time: an unknown peer and a cut record report where the entries around them do, as one entry at a time', () => {
  const leaked = (i: number): { peer: number; route: WriteRoute } => ({ peer: i, route: { prefix: '45.5.0.0/16', path: [PEERS[i]!.peerAs, 1002, 4001, 1001, 2005, 30005] } });
  // Entries 0 and 2 malformed, between them a peer index the PEER_INDEX_TABLE does not have, then a clean leak.
  const mixed = withBadOrigins(ribRecord(T, 1, '45.5.0.0/16', [leaked(0), { peer: 99, route: leaked(1).route }, leaked(2), leaked(3)]), [0, 2]);
  // Says 3 entries and holds 2: the third runs past the record's end after the first two were read.
  const cut = ribRecord(T + 60, 2, '45.5.0.0/16', [leaked(4), leaked(5)]);
  const count = 12 + 4 + 1 + 2;
  cut[count + 1] = 3;
  const bytes = concat([peerIndexTable(T, PEERS), mixed, cut]);
  const fast = scanBytes(bytes, data(), true);
  const slow = scanBytes(bytes, data(), false);
  assert.deepEqual(
    fast.files[0]!.diagnostics.map((d) => d.code),
    ['mrt/attribute-malformed', 'mrt/unknown-peer', 'mrt/attribute-malformed', 'mrt/record-corrupt'],
  );
  // One truth for both paths: the malformed entries and the one of an unknown peer are no routes of the file.
  assert.deepEqual(fast, slow);
  assert.equal(fast.files[0]!.routes, 3);
  assert.equal(fast.routesChecked, 3);
  assert.equal(fast.episodes.find((e) => e.leaker === 4001)?.routes, 3);
});
