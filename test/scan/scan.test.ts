/**
 * `routelens scan` on generated update streams with injected leak episodes (known leaker, hop, start and end) in
 * clean traffic, on the 27 real RIS paths of the CANTV leak, and `--merge` against one scan of everything.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../server/src/cli/main';
import type { ScanResult } from '../../server/src/core/scan/model';
import { repoRoot } from '../support/lspClient';
import { memoryIo } from '../support/memoryIo';
import { leakEvents, T0, topologyAspa, type InjectedLeak } from '../support/leakStream';
import { bgp4mpUpdate, concat } from '../support/mrtWriter';

const dir = mkdtempSync(path.join(tmpdir(), 'routelens-scan-'));
const aspaFile = path.join(dir, 'topology.aspa');
writeFileSync(aspaFile, topologyAspa([{ asn: 4001, providers: [1001, 1002] }, { asn: 4002, providers: [2000, 2001] }]));

const LEAKS: readonly InjectedLeak[] = [
  // AS4001 passes routes of its provider AS1001 to its other provider AS1002, twice; AS4002 does the same one level down.
  { leaker: 4001, from: 1001, to: 1002, origins: [30000, 30001, 30002], start: T0 + 3600, end: T0 + 5400, every: 120 },
  { leaker: 4002, from: 2000, to: 2001, origins: [30010, 30020], start: T0 + 7200, end: T0 + 8100, every: 300 },
  { leaker: 4001, from: 1001, to: 1002, origins: [30003], start: T0 + 6 * 3600 - 300, end: T0 + 6 * 3600 + 300, every: 60 },
];
const events = leakEvents({ start: T0, span: 12 * 3600, step: 30, seed: 7, leaks: LEAKS });
const SPLIT = T0 + 6 * 3600;
const files = {
  all: path.join(dir, 'updates.all.mrt'),
  part1: path.join(dir, 'updates.part1.mrt'),
  part2: path.join(dir, 'updates.part2.mrt'),
};
writeFileSync(files.all, concat(events.map((e) => e.bytes)));
writeFileSync(files.part1, concat(events.filter((e) => e.time < SPLIT).map((e) => e.bytes)));
writeFileSync(files.part2, concat(events.filter((e) => e.time >= SPLIT).map((e) => e.bytes)));

async function scan(args: string[]): Promise<{ code: number; result: ScanResult; err: string }> {
  const io = memoryIo();
  const code = await main(['scan', '--format', 'json', ...args], io);
  return { code, result: JSON.parse(io.out) as ScanResult, err: io.err };
}

test('generated updates: every injected leak episode is found with its leaker, hop, origins, start and end, and nothing else', async () => {
  const { code, result, err } = await scan(['--aspa', aspaFile, files.all]);
  assert.equal(err, '');
  assert.equal(code, 1);
  assert.equal(result.routesFlagged, events.filter((e) => e.leak).length, 'exactly the injected announcements are flagged');
  assert.deepEqual(
    result.episodes.map((e) => ({ kind: e.kind, leaker: e.leaker, sentTo: e.sentTo, origins: e.origins, learnedFrom: e.learnedFrom, first: e.first, last: e.last, checks: e.checks })),
    LEAKS.map((l) => ({ kind: 'leak', leaker: l.leaker, sentTo: l.to, origins: l.origins, learnedFrom: [l.from], first: l.start, last: l.end, checks: ['aspa'] })),
  );
  // A leak to tier-1 AS1002 reaches the two peers below it; a leak to transit AS2001 reaches all six.
  assert.deepEqual(result.episodes.map((e) => e.peers.length), [2, 6, 2]);
  assert.deepEqual(result.episodes[0]!.prefixes, ['45.0.0.0/16', '45.1.0.0/16', '45.2.0.0/16']);
});

test('--gap: with 8 hours the two AS4001 episodes are one', async () => {
  const { result } = await scan(['--aspa', aspaFile, '--gap', String(8 * 3600), files.all]);
  assert.deepEqual(result.episodes.map((e) => [e.leaker, e.first, e.last]), [
    [4001, T0 + 3600, T0 + 6 * 3600 + 300],
    [4002, T0 + 7200, T0 + 8100],
  ]);
});

test('--merge of two halves (a leak crossing the split) equals one scan of both files', async () => {
  const whole = (await scan(['--aspa', aspaFile, files.part1, files.part2])).result;
  const p1 = path.join(dir, 'part1.json');
  const p2 = path.join(dir, 'part2.json');
  writeFileSync(p1, JSON.stringify((await scan(['--aspa', aspaFile, files.part1])).result));
  writeFileSync(p2, JSON.stringify((await scan(['--aspa', aspaFile, files.part2])).result));
  // In either order.
  for (const order of [[p1, p2], [p2, p1]]) {
    const { result } = await scan(['--merge', ...order]);
    assert.deepEqual(result, whole);
  }
  assert.equal(whole.episodes.length, 3);
  const io = memoryIo();
  assert.equal(await main(['scan', '--merge', '--gap', '60', p1, path.join(dir, 'no-such.json')], io), 2);
  const notMrt = memoryIo();
  assert.equal(await main(['scan', p1], notMrt), 2);
  assert.match(notMrt.err, /not MRT .*part1\.json \(a scan result\? use --merge\)/);
});

test('--jobs: files read in worker threads give exactly the result of one thread', async () => {
  const one = await scan(['--jobs', '1', '--aspa', aspaFile, files.part2, files.part1, files.all]);
  const threads = await scan(['--jobs', '2', '--aspa', aspaFile, files.part2, files.part1, files.all]);
  assert.equal(threads.err, '');
  assert.deepEqual(threads.result, one.result);
  assert.equal(one.result.files.length, 3);
  assert.ok(one.result.episodes.length > 0);
  const bad = memoryIo();
  assert.equal(await main(['scan', '--jobs', '0', files.all], bad), 2);
  assert.match(bad.err, /--jobs wants a whole number/);
});

test('text, Markdown and HTML: the per-AS sentence and a timeline with nothing remote', async () => {
  const text = memoryIo();
  await main(['scan', '--aspa', aspaFile, files.all], text);
  assert.match(text.out, /\n {2}AS4001: 2 episodes between 2026-01-01T01:00:00Z and 2026-01-01T06:05:00Z, always routes of 4 origin ASes learnt from AS1001 passed to AS1002\n/);
  assert.match(text.out, /\n {2}AS4002: 1 episode at 2026-01-01T02:00:00Z, routes of AS30010\/AS30020 learnt from AS2000 passed to AS2001\n/);
  const md = memoryIo();
  await main(['scan', '--format', 'markdown', '--aspa', aspaFile, files.all], md);
  assert.match(md.out, /\| 2026-01-01T02:00:00Z \| 2026-01-01T02:15:00Z \| 15 min \| AS4002 → AS2001 \| AS30010\/AS30020 \| aspa \| 2 \|/);
  const html = memoryIo();
  await main(['scan', '--format', 'html', '--aspa', aspaFile, files.all], html);
  assert.match(html.out, /<svg[^>]*aria-label="Episodes per leaker over time"/);
  assert.equal((html.out.match(/<rect /g) ?? []).length, 3);
  assert.deepEqual(html.out.match(/https?:\/\/[^"' ]+/g), ['http://www.w3.org/2000/svg']);
  assert.match(html.out, /default-src 'none'/);
});

test('without data nothing is flagged, and the output says which checks did not run', async () => {
  const io = memoryIo();
  assert.equal(await main(['scan', files.part1], io), 0);
  assert.match(io.out, /0 flagged, 0 episodes/);
  assert.match(io.out, /not checked \(no data given\): ASPA \(--aspa\), ROV \(--vrps\), valley-free and OTC hops \(--relationships\)/);
});

const CANTV = path.join(path.resolve(repoRoot, '../shared'), 'corpora/aspa/cantv_observed_paths_2026-01-02.jsonl');

/** The 27 real RIS sightings as one BGP4MP file, each from the RIS peer that saw it. */
function cantvFile(): { rows: { unix: number; peer_ip: string; peer_asn: number; prefix: string; path: number[] }[]; file: string } {
  const rows = readFileSync(CANTV, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { unix: number; peer_ip: string; peer_asn: number; prefix: string; path: number[] });
  assert.equal(rows.length, 27);
  const file = path.join(dir, 'cantv.mrt');
  writeFileSync(file, concat(rows.map((r) => bgp4mpUpdate(r.unix, { peerAs: r.peer_asn, peerIp: r.peer_ip }, [{ prefix: r.prefix, path: r.path }]))));
  return { rows, file };
}

test('the 27 real RIS paths of the CANTV leak (2026-01-02): one episode, AS8048 → AS52320, routes of AS21980', async (t) => {
  if (!existsSync(CANTV)) {
    t.skip('../shared/corpora/aspa not present');
    return;
  }
  const { rows, file } = cantvFile();
  const example = (n: string): string => path.join(repoRoot, 'examples', 'cantv', n);
  const { result } = await scan(['--aspa', example('aspa.aspa'), '--relationships', example('cantv.as-rel2.txt'), file]);
  assert.equal(result.routesChecked, 27);
  assert.equal(result.routesFlagged, 27);
  assert.equal(result.episodes.length, 1);
  const e = result.episodes[0]!;
  assert.deepEqual([e.leaker, e.sentTo, e.origins, e.learnedFrom, e.checks], [8048, 52320, [21980], [6762, 23520], ['aspa', 'valley']]);
  assert.deepEqual([e.first, e.last], [Math.min(...rows.map((r) => r.unix)), Math.max(...rows.map((r) => r.unix))]);
  assert.deepEqual(e.peers, ['AS24482 187.16.208.144', 'AS263237 187.16.222.45']);
  assert.equal(e.prefixes.length, 8);
});

test("CANTV's 27 RIS paths by the collector peer's position (draft-ietf-sidrops-aspa-verification §6): upstream only for a peer that is not the collector's provider", async (t) => {
  if (!existsSync(CANTV)) {
    t.skip('../shared/corpora/aspa not present');
    return;
  }
  const { rows, file } = cantvFile();
  const example = (n: string): string => path.join(repoRoot, 'examples', 'cantv', n);
  const full = ['--aspa', example('aspa.aspa'), '--relationships', example('cantv.as-rel2.txt')];
  // AS24482 and AS263237 pass the collector routes of AS52320, AS24482's lateral peer (CAIDA: 24482|52320|0): they
  // send it their full table, i.e. treat it as a customer. In that (provider) position only downstream applies,
  // which is also what a scan assumes when no role is given: the result is the same, byte for byte.
  const assumed = memoryIo();
  const declared = memoryIo();
  await main(['scan', '--format', 'json', ...full, file], assumed);
  await main(['scan', '--format', 'json', ...full, '--peer-role', '24482=provider', '--peer-role', 'AS263237=provider', file], declared);
  assert.equal(declared.out, assumed.out);

  // Only GlobeNet's own ASPA published (AS52320 => AS3356): downstream, every path is Unknown (no Not Provider+ hop
  // on either ramp can be proven), so nothing is flagged...
  const globenet = path.join(dir, 'globenet.aspa');
  writeFileSync(globenet, 'AS52320 => AS3356\n');
  const down = await scan(['--aspa', globenet, file]);
  assert.equal(down.result.routesFlagged, 0);
  // ...but were the collector AS24482's lateral peer, §6.1's upstream check applies to AS24482's routes: the path
  // stops climbing at AS52320 -> AS24482 (AS24482 is not in GlobeNet's ASPA), so AS24482 itself would have leaked a
  // lateral peer's routes to another lateral peer. AS263237's routes (role not given) stay downstream.
  const up = await scan(['--aspa', globenet, '--peer-role', '24482=peer', file]);
  const from24482 = rows.filter((r) => r.peer_asn === 24482);
  assert.equal(from24482.length, 16);
  assert.equal(up.result.routesFlagged, 16);
  assert.deepEqual(up.result.data.upstreamPeers, [24482]);
  assert.equal(up.result.episodes.length, 1);
  const e = up.result.episodes[0]!;
  assert.deepEqual([e.leaker, e.sentTo, e.learnedFrom, e.origins, e.peers], [24482, undefined, [52320], [21980], ['AS24482 187.16.208.144']]);
  assert.match(e.example.reason, /^ASPA Invalid upstream .*AS52320 -> AS24482/);
  const text = memoryIo();
  await main(['scan', '--aspa', globenet, '--peer-role', '24482=peer', file], text);
  assert.match(text.out, /ASPA upstream verification for the routes of collector peers AS24482 \(--peer-role\); downstream for the others/);
  // Parts scanned with different roles do not merge.
  const other = path.join(dir, 'globenet-down.json');
  writeFileSync(other, JSON.stringify(down.result));
  const upFile = path.join(dir, 'globenet-up.json');
  writeFileSync(upFile, JSON.stringify(up.result));
  const merged = memoryIo();
  assert.equal(await main(['scan', '--merge', other, upFile], merged), 2);
  assert.match(merged.err, /different --peer-role/);
  const bad = memoryIo();
  assert.equal(await main(['scan', '--peer-role', '24482=friend', file], bad), 2);
});
