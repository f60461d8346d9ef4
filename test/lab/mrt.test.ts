/**
 * The daemons' own MRT (issue 18): gobgpd, FRR, BIRD and OpenBGPD write their RIBs and their sessions' messages in
 * every form they offer, and the reader must give back every injected route — prefix, AS path (AS_SETs, 4-byte
 * ASNs, the CANTV path), peer, time, next hop, communities (standard, large, extended), OTC where the daemon keeps
 * it — exactly as routes.ts and BGP's rules say (mrtTruth.ts), and print exactly what Debian's bgpdump prints
 * for the same file. The committed files (test/fixtures/lab-mrt, written by `run.ts --update-mrt-fixtures`) are
 * checked everywhere; with root and the daemons, a fresh lab run is checked the same way.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bgpdumpRouteLine, bgpdumpStateLine } from '../../server/src/core/mrt/bgpdumpText';
import { MrtReader } from '../../server/src/core/mrt/reader';
import type { MrtDiagnostic, MrtRoute, MrtStateChange } from '../../server/src/core/mrt/types';
import { labUnavailable, runLab } from './lab';
import { bgpdumpOf, MRT_FIXTURE_DIR, type BgpdumpReading, type MrtManifest, type MrtManifestEntry } from './mrtFixtures';
import { mrtTruth, stateChangePeer, type MrtTruthRoute } from './mrtTruth';
import { INJECTED, isIpv6 } from './routes';

interface ReadBack {
  readonly routes: MrtRoute[];
  readonly states: MrtStateChange[];
  readonly diagnostics: MrtDiagnostic[];
  /** Routes and state changes as bgpdump -m prints them, in file order. */
  readonly lines: string[];
}

function readBack(bytes: Uint8Array): ReadBack {
  const out: ReadBack = { routes: [], states: [], diagnostics: [], lines: [] };
  const reader = new MrtReader({
    route: (r) => {
      out.routes.push(r);
      // bgpdump 1.6 prints nothing for BGP4MP_ENTRY (OpenBGPD's `dump table-mp`).
      if (!(r.source === 'BGP4MP' && r.kind === 'rib')) out.lines.push(bgpdumpRouteLine(r));
    },
    state: (s) => {
      out.states.push(s);
      out.lines.push(bgpdumpStateLine(s));
    },
    diagnostic: (d) => out.diagnostics.push(d),
  });
  // Odd chunk sizes, so records straddle chunk boundaries as they do when streamed.
  for (let i = 0; i < bytes.length; i += 333) reader.push(bytes.subarray(i, i + 333));
  reader.end();
  return out;
}

/**
 * What the daemons write that is not routes of ours, as the reader must report it. GoBGP 3.10 writes its own
 * routes in a table dump under peer index N of an N-peer PEER_INDEX_TABLE (bgpdump aborts on the first one), and
 * its VPN routes as RIB_GENERIC; FRR's message dump holds gobgpd's VPN UPDATEs.
 */
function expectedDiagnostics(e: Pick<MrtManifestEntry, 'daemon' | 'kind'>): string[] {
  if (e.daemon === 'gobgp' && e.kind === 'rib') return [...INJECTED.map(() => 'mrt/unknown-peer'), 'mrt/rib-generic-skipped'];
  if (e.daemon === 'frr' && e.kind === 'updates') return ['mrt/family-skipped'];
  return [];
}

/** OpenBGPD's TABLE_DUMP (v1) has a 16-byte peer field in IPv6 entries, and copies an IPv4 peer's 4 bytes into its start. */
function peerAsWritten(e: MrtManifestEntry, r: MrtTruthRoute): MrtTruthRoute['peer'] {
  if (e.daemon !== 'openbgpd' || e.how !== 'dump table FILE 1' || !isIpv6(r.prefix) || r.peer.address.includes(':')) return r.peer;
  const [a, b, c, d] = r.peer.address.split('.').map(Number) as [number, number, number, number];
  return { ...r.peer, address: `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}::` };
}

const pairs = (flat: readonly number[]): number[][] => flat.map((c) => [Math.floor(c / 65536), c & 0xffff]);
const triples = (flat: readonly number[]): number[][] => Array.from({ length: flat.length / 3 }, (_, i) => flat.slice(3 * i, 3 * i + 3));
/** Route targets of the two-octet-AS type (RFC 4360 §4) as [asn, value]; anything else as hex, so it shows in a diff. */
const targets = (ext: readonly Uint8Array[]): (number[] | string)[] =>
  ext.map((b) => ((b[0]! & 0xbf) === 0 && b[1] === 2 ? [(b[2]! << 8) | b[3]!, new DataView(b.buffer, b.byteOffset + 4, 4).getUint32(0)] : Buffer.from(b).toString('hex')));
const sortedPairs = (xs: readonly (readonly number[])[]): string[] => xs.map((x) => x.join(':')).sort();

function checkTruth(e: MrtManifestEntry, got: ReadBack, window: MrtManifest['window']): void {
  assert.deepEqual(
    got.diagnostics.map((d) => d.code).sort(),
    expectedDiagnostics(e).sort(),
    `diagnostics: ${got.diagnostics.map((d) => d.message).join('; ')}`,
  );
  const truth = mrtTruth(e.daemon, e.kind).filter((r) => !(e.daemon === 'gobgp' && e.kind === 'rib' && r.peer.address === '0.0.0.0'));
  const key = (peer: { address: string }, prefix: string): string => `${peer.address} ${prefix}`;
  const want = new Map(truth.map((r) => [key(peerAsWritten(e, r), r.prefix), r]));
  const seen = new Set<string>();
  for (const r of got.routes) {
    const k = key(r.peer, r.prefix);
    const t = want.get(k);
    assert.ok(t !== undefined, `${k}: a route the lab never sent there`);
    seen.add(k);
    assert.equal(r.kind, e.kind === 'rib' ? 'rib' : 'announce', `${k}: kind`);
    assert.ok(r.time >= window.from && r.time <= window.to + 1, `${k}: time ${r.time} outside the run ${window.from}-${window.to}`);
    assert.equal(r.peer.asn, t.peer.asn, `${k}: peer AS`);
    const a = r.attributes!;
    assert.deepEqual(
      a.asPath.map((s) => ({ type: s.type, asns: [...s.asns] })),
      t.asPath.map((s) => ({ type: s.type, asns: [...s.asns] })),
      `${k}: AS path`,
    );
    assert.equal(a.origin, t.origin, `${k}: origin`);
    assert.equal(r.nextHop, t.nextHop, `${k}: next hop`);
    assert.equal(a.med ?? 0, t.med ?? 0, `${k}: MED`);
    assert.deepEqual(sortedPairs(pairs(a.communities)), sortedPairs(t.communities), `${k}: communities`);
    assert.deepEqual(sortedPairs(triples(a.largeCommunities)), sortedPairs(t.largeCommunities), `${k}: large communities`);
    assert.deepEqual(targets(a.extendedCommunities), t.extCommunities.map((x) => [...x]), `${k}: extended communities`);
    assert.equal(a.otc, t.otc, `${k}: OTC`);
  }
  assert.deepEqual([...seen].sort(), [...want.keys()].sort(), 'every route the daemon holds or was sent, once');
  if (e.kind === 'updates' && got.states.length > 0) {
    // BGP4MP state changes: the session is Established (6) before its first UPDATE.
    const up = got.states.find((s) => s.peer.address === stateChangePeer(e.daemon) && s.newState === 6);
    assert.ok(up !== undefined, `no state change to Established naming ${stateChangePeer(e.daemon)}`);
    for (const r of got.routes) assert.ok(up.offset < r.offset, `${r.prefix}: announced before the session was up`);
  }
}

function checkOracle(e: MrtManifestEntry, got: ReadBack, oracle: BgpdumpReading): void {
  if (!oracle.ok) {
    assert.equal(e.daemon === 'gobgp' && e.kind === 'rib', true, `bgpdump could not read ${e.file}: ${oracle.why}`);
    return;
  }
  const lines = oracle.text.split('\n').filter((l) => l !== '');
  if (e.how.startsWith('dump table-mp')) assert.equal(lines.length, 0, 'bgpdump 1.6 prints nothing for BGP4MP_ENTRY');
  assert.equal(got.lines.length, lines.length, 'as many routes and state changes as bgpdump prints');
  const first = got.lines.findIndex((l, i) => l !== lines[i]);
  assert.equal(first, -1, first < 0 ? '' : `line ${first + 1}:\n  bgpdump: ${lines[first]}\n  ours:    ${got.lines[first]}`);
}

test('daemon MRT fixtures: the reader gives back every injected route and prints what bgpdump prints', async (t) => {
  const manifestFile = path.join(MRT_FIXTURE_DIR, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as MrtManifest;
  // Every daemon and every form the issue names: BIRD's mrt protocol, FRR's dump bgp, OpenBGPD's table-mp and all in, GoBGP's mrt-dump.
  assert.deepEqual(new Set(manifest.dumps.map((d) => d.daemon)), new Set(['gobgp', 'frr', 'bird', 'openbgpd']));
  for (const how of ['dump table-mp FILE 1', 'dump all in FILE', 'dump bgp routes-mrt FILE', 'mrt dump table "master*" to FILE', '[[mrt-dump]] dump-type = "table"']) {
    assert.ok(manifest.dumps.some((d) => d.how === how), how);
  }
  const live = await bgpdumpOf(manifestFile).then(() => true).catch(() => false);
  for (const e of manifest.dumps) {
    await t.test(`${e.file} (${e.how})`, async () => {
      const file = path.join(MRT_FIXTURE_DIR, e.file);
      const got = readBack(new Uint8Array(readFileSync(file)));
      checkTruth(e, got, manifest.window);
      const committed: BgpdumpReading = e.bgpdump === 'read' ? { ok: true, text: readFileSync(`${file}.bgpdump.txt`, 'utf8') } : { ok: false, why: e.bgpdump };
      checkOracle(e, got, committed);
      // Where bgpdump is installed, the committed reading is what it says today.
      const now = live ? await bgpdumpOf(file) : undefined;
      if (now !== undefined) assert.equal(now.ok ? now.text : 'failed', committed.ok ? committed.text : 'failed', 'bgpdump still reads the file as committed');
    });
  }
  assert.ok(existsSync(path.join(MRT_FIXTURE_DIR, 'frr__dump-bgp-all-et.mrt')));
});

test('daemon lab writes MRT: every dump read back against the injected truth and against bgpdump', { timeout: 150_000 }, async (t: TestContext) => {
  const why = await labUnavailable();
  if (why) {
    t.skip(`lab skipped: ${why}`);
    return;
  }
  const result = await runLab({ timeoutMs: 90_000, mrt: true });
  // gobgpd's table dump comes a minute after it starts (its minimum interval), so only the fixtures hold one.
  assert.equal(result.mrt.length, 9, result.mrt.map((m) => m.dump.file).join(', '));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'routelens-lab-mrt-'));
  try {
    for (const m of result.mrt) {
      await t.test(`${m.dump.file} (${m.dump.how})`, async () => {
        const e: MrtManifestEntry = { file: m.dump.file, daemon: m.dump.daemon, how: m.dump.how, kind: m.dump.kind, bgpdump: 'read' };
        const got = readBack(m.bytes);
        checkTruth(e, got, result.window);
        const file = path.join(dir, m.dump.file);
        await writeFile(file, m.bytes);
        const oracle = await bgpdumpOf(file);
        if (oracle !== undefined) checkOracle(e, got, oracle);
      });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
