import assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { repoRoot } from '../../../../test/support/lspClient';
import { analyzeLookingGlass } from './analyze';
import { MAX_FOCUS_NODES, MAX_GRAPH_NODES } from './graph';
import { prefixFilter } from './prefixFilter';

const ases = (m: ReturnType<typeof analyzeLookingGlass>): string[] =>
  m.graph.nodes
    .filter((n) => n.kind === 'as')
    .map((n) => n.id)
    .sort();

/** The CANTV paste (examples/cantv/cantv.lg, BIRD): nine routes, eight through AS8048, one through HE's AS6939 for 200.74.226.0/24. */
test('prefix focus on the CANTV paste: a prefix keeps itself and its more-specifics, text keeps what contains it; only their paths are drawn', async () => {
  const text = await fs.readFile(path.join(repoRoot, 'examples', 'cantv', 'cantv.lg'), 'utf8');
  const drawnRoutes = (prefix: string): string[] => {
    const m = analyzeLookingGlass(text, {}, { prefix });
    return m.routes.filter((r) => r.nodeIds.length > 0).map((r) => `${r.prefix} ${r.hops[0]}`);
  };
  // The /20 the leak was about covers every route of the paste.
  assert.equal(drawnRoutes('200.74.224.0/20').length, 9);
  // 200.74.226.0/24 has two routes: the leak through AS52320 and the clean one through AS6939.
  assert.deepEqual(drawnRoutes('200.74.226.0/24'), ['200.74.226.0/24 24482', '200.74.226.0/24 6939']);
  const one = analyzeLookingGlass(text, {}, { prefix: '200.74.228.0/23' });
  assert.deepEqual(ases(one), ['AS1299', 'AS21980', 'AS24482', 'AS269832', 'AS52320', 'AS6762', 'AS8048']);
  assert.equal(one.graph.aggregated, undefined, 'eight ASes are drawn in full');
  // Text that is not a prefix: the routes whose prefix contains it (the table's filter, the same predicate).
  assert.deepEqual(drawnRoutes('200.74.23'), ['200.74.230.0/23 24482', '200.74.232.0/24 24482', '200.74.233.0/24 24482', '200.74.234.0/24 24482', '200.74.236.0/23 24482', '200.74.238.0/23 24482']);
  assert.deepEqual(drawnRoutes('198.51.100.0/24'), []);
  // With an AS focus too: both must hold.
  const both = analyzeLookingGlass(text, {}, { prefix: '200.74.226.0/24', focus: 6939 });
  assert.deepEqual(
    both.routes.filter((r) => r.nodeIds.length > 0).map((r) => r.hops[0]),
    [6939],
  );
  const keep = prefixFilter(' 200.74.224.0/20 ')!;
  assert.equal(keep('200.74.226.0/24'), true);
  assert.equal(keep('200.74.240.0/24'), false);
  assert.equal(keep('2001:db8::/32'), false);
  assert.equal(prefixFilter('  '), undefined);
});

/**
 * A real RIPE RIS RIB (rrc00, 2002-07-22, bgpdump -m; ../shared/corpora/mrt), the routes of 193.108–193.111.x: focus on
 * 193.109.0.0/16 draws its routes only, and since they cross more than MAX_FOCUS_NODES ASes, each keeps the first
 * hop, the origin and the origin's upstream, the ASes between merged. The truth is read from the bgpdump lines
 * themselves (fields 6 and 7: prefix and AS path), not from the panel's parser.
 */
test('prefix focus on a real RIS table: the block\'s routes only, first hops, origins and their upstreams kept, the rest merged', async (t) => {
  const file = path.join(path.resolve(repoRoot, '../shared'), 'corpora/mrt/bview.20020722.2337.gz.bgpdump.txt.gz');
  if (!existsSync(file)) return t.skip('../shared/corpora/mrt is not present (a clone without the shared corpus)');
  const lines = gunzipSync(await fs.readFile(file))
    .toString('utf8')
    .split('\n')
    .filter((l) => /^TABLE_DUMP\|\d+\|B\|[^|]+\|\d+\|193\.1(08|09|10|11)\./.test(l));
  const paste = lines.join('\n');
  const ours = lines.map((l) => l.split('|')).filter((f) => f[5]!.startsWith('193.109.'));
  const paths = ours.map((f) => f[6]!.split(' ').filter((a, i, all) => a !== all[i - 1]));
  const every = new Set(paths.flat().map((a) => `AS${a}`));
  assert.ok(ours.length > 50 && ours.length < lines.length && every.size > MAX_FOCUS_NODES, `${ours.length} routes of ${lines.length}, ${every.size} ASes`);
  const kept = new Set(paths.flatMap((p) => [p[0]!, p.at(-1)!, ...(p.length >= 2 ? [p.at(-2)!] : [])]).map((a) => `AS${a}`));

  const m = analyzeLookingGlass(paste, {}, { prefix: '193.109.0.0/16' });
  assert.equal(m.routes.length, lines.length);
  assert.deepEqual(
    m.routes.filter((r) => r.nodeIds.length > 0).map((r) => r.prefix),
    ours.map((f) => f[5]),
  );
  assert.equal(m.graph.aggregated?.by, 'prefix');
  assert.deepEqual(ases(m), [...kept].sort());
  assert.equal(m.graph.aggregated.hiddenNodes, every.size - kept.size);
  // Each merged box stands for the ASes between a first hop and one upstream; no path loses its origin.
  for (const r of m.routes) if (r.nodeIds.length > 0) assert.equal(r.nodeIds.at(-1), `AS${r.origin}`);
  assert.ok(m.graph.nodes.some((n) => n.id.startsWith('agg:near:')));

  // A /8 of many origins stays too large that way: grouped behind its first hops as a large table is.
  const block = analyzeLookingGlass(paste, {}, { prefix: '193.0.0.0/8' });
  assert.equal(block.graph.aggregated?.by, 'first-hop');
  assert.ok(block.graph.nodes.length <= MAX_GRAPH_NODES);
});
