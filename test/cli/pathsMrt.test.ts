/**
 * `routelens paths` on MRT files: recognised by content whatever the name, routes in the looking-glass JSON
 * schema plus kind, peer and time; --aspa flags the leak; looking-glass text still goes to its parser.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../server/src/cli/main';
import { repoRoot } from '../support/lspClient';
import { memoryIo } from '../support/memoryIo';
import { bgp4mpUpdate, concat } from '../support/mrtWriter';

const dir = mkdtempSync(path.join(tmpdir(), 'routelens-paths-mrt-'));
const fixture = (n: string): string => path.join(repoRoot, 'test/fixtures/mrt', n);

test('a gzip MRT file named .txt is read as MRT: rib routes with peer, time, path identifier', async () => {
  const renamed = path.join(dir, 'looks-like-text.txt');
  copyFileSync(fixture('bview.ipv4_unicast_add_path.gz'), renamed);
  const io = memoryIo();
  assert.equal(await main(['paths', '--format', 'json', renamed], io), 0);
  const out = JSON.parse(io.out) as { format: string; routes: Record<string, unknown>[]; diagnostics: unknown[] };
  assert.equal(out.format, 'mrt');
  assert.equal(out.routes.length, 62);
  assert.deepEqual(out.diagnostics, []);
  assert.deepEqual(out.routes[0], {
    prefix: '10.0.10.0/24',
    asPath: [{ type: 'sequence', asns: [65015, 65014, 65013, 65012, 65011] }],
    asPathText: '65015 65014 65013 65012 65011',
    nextHop: '10.0.15.1',
    origin: 'igp',
    localPref: 100,
    communities: [],
    kind: 'rib',
    peer: { address: '10.0.15.1', as: 65015 },
    time: 1452168107,
    pathId: 36,
    file: renamed,
    offset: 65,
  });
});

test('updates in text: announcements and withdrawals, and a corrupt record reported with its byte offset (exit 1)', async () => {
  const io = memoryIo();
  assert.equal(await main(['paths', fixture('updates.nlri_mask_trailing_bits.gz'), fixture('updates.long_withdrawal.gz')], io), 1);
  const lines = io.out.trim().split('\n');
  assert.equal(lines[0], '2010-11-07T22:23:52Z  announce  AS7018 12.0.1.63  11.8.0.0/13  7018 3549 12389 48275 51044  via 12.0.1.63');
  assert.equal(lines[1], '2019-12-31T11:40:07Z  withdraw  AS65531 2001:db8::2  2001:db8::/64  withdrawn');
  assert.match(io.out, /format: mrt, 4097 routes\n.*updates\.nlri_mask_trailing_bits\.gz: byte 0: error: NLRI: prefix of \/11 runs past the end \[mrt\/record-corrupt\]/);
});

test('--aspa flags the leaking hop of each route; looking-glass text and MRT cannot be mixed', async () => {
  const file = path.join(dir, 'cantv.mrt');
  const leak = [24482, 52320, 8048, 8048, 8048, 6762, 1299, 269832, 21980];
  writeFileSync(file, concat([bgp4mpUpdate(1767368421, { peerAs: 24482, peerIp: '187.16.208.144' }, [{ prefix: '200.74.226.0/24', path: leak }]), bgp4mpUpdate(1767368422, { peerAs: 6939, peerIp: '187.16.216.17' }, [{ prefix: '200.74.226.0/24', path: [6939, 1299, 269832, 21980] }])]));
  const io = memoryIo();
  assert.equal(await main(['paths', '--aspa', path.join(repoRoot, 'examples/cantv/aspa.aspa'), '--format', 'json', file], io), 1);
  const routes = (JSON.parse(io.out) as { routes: { flags: { check: string; leaker: number; sentTo?: number }[] }[] }).routes;
  assert.deepEqual(routes.map((r) => r.flags.map((f) => [f.check, f.leaker, f.sentTo])), [[['aspa', 8048, 52320]], []]);
  const mixed = memoryIo();
  assert.equal(await main(['paths', file, path.join(repoRoot, 'examples/cantv/cantv.lg')], mixed), 2);
  assert.match(mixed.err, /cantv\.lg is not MRT/);
  const lg = memoryIo();
  assert.equal(await main(['paths', path.join(repoRoot, 'examples/cantv/cantv.lg')], lg), 0);
  assert.match(lg.out, /^format: bird, 9 routes/);
});
