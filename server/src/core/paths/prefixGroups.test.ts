import assert from 'node:assert/strict';
import { test } from 'node:test';
import { syntheticTables } from '../../../../bench/panelTables';
import { analyzePaths, analyzeLookingGlass } from './analyze';
import { coveringPrefix, groupRoutesByPath, groupsRows } from './prefixGroups';
import { parseOf, routeOf } from '../../../../test/support/testRoutes';

test('covering aggregate: the shortest prefix over them all, none across families or shorter than /8 (v4), /16 (v6)', () => {
  // 20.0.0.0/24 … 20.0.3.0/24: the third octet differs in its last two bits, so the cover is /22.
  assert.equal(coveringPrefix(['20.0.0.0/24', '20.0.1.0/24', '20.0.2.0/24', '20.0.3.0/24']), '20.0.0.0/22');
  // a covered more-specific keeps the covering one
  assert.equal(coveringPrefix(['200.74.0.0/16', '200.74.128.0/17']), '200.74.0.0/16');
  // 198 = 1100 0110, 203 = 1100 1011: four bits in common, too short to name
  assert.equal(coveringPrefix(['198.51.100.0/24', '203.0.113.0/24']), undefined);
  // third hextets 0x0001 and 0x0002 share 14 bits: 32 + 14
  assert.equal(coveringPrefix(['2001:db8:1::/48', '2001:db8:2::/48']), '2001:db8::/46');
  assert.equal(coveringPrefix(['2001:db8::/32', '20.0.0.0/24']), undefined);
  assert.equal(coveringPrefix(['not a prefix']), undefined);
});

test('prefixes sharing a path and every verdict are one entry; a ROV-invalid prefix behind the same path stays its own', () => {
  const model = analyzePaths(
    parseOf([
      routeOf('20.0.0.0/24', '3356 64500', 0),
      routeOf('20.0.1.0/24', '3356 64500', 1),
      routeOf('20.0.2.0/24', '3356 64500', 2),
      routeOf('20.0.9.0/24', '3356 64500', 3),
      routeOf('20.1.0.0/24', '1299 64500', 4),
    ]),
    { rov: (prefix) => (prefix === '20.0.9.0/24' ? 'invalid' : 'valid') },
  );
  const codes = (i: number): string[] => model.findings.filter((f) => f.route === i).map((f) => f.code);
  const groups = groupRoutesByPath(model.routes, [0, 1, 2, 3, 4], codes);
  assert.deepEqual(
    groups.map((g) => ({ route: g.route, routes: g.routes, aggregate: g.aggregate })),
    [
      { route: 0, routes: [0, 1, 2], aggregate: '20.0.0.0/22' },
      { route: 3, routes: [3], aggregate: undefined },
      { route: 4, routes: [4], aggregate: undefined },
    ],
  );
  // the selected member is the one the entry shows
  assert.equal(groupRoutesByPath(model.routes, [0, 1, 2], codes, 2)[0]!.route, 2);
  // only what is shown is grouped
  assert.deepEqual(groupRoutesByPath(model.routes, [1, 4], codes).map((g) => g.routes), [[1], [4]]);
});

test('when rows are grouped: always for "prefixes", for "auto" past 100 routes shown, never otherwise', () => {
  assert.equal(groupsRows('prefixes', 3), true);
  assert.equal(groupsRows('auto', 100), false);
  assert.equal(groupsRows('auto', 101), true);
  assert.equal(groupsRows('none', 5_000), false);
  assert.equal(groupsRows('first-hop', 5_000), false);
});

test('synthetic 1,000-route table (SYNTHETIC, bench/panelTables.ts): fewer entries than routes, every route in exactly one', () => {
  const t = syntheticTables(0x9a7b);
  const model = analyzeLookingGlass(t.paste(1_000), t.data);
  const all = model.routes.map((r) => r.index);
  const groups = groupRoutesByPath(model.routes, all, (i) => model.findings.filter((f) => f.route === i).map((f) => f.code));
  assert.deepEqual(groups.flatMap((g) => g.routes).sort((a, b) => a - b), all);
  for (const g of groups) {
    const first = model.routes[g.routes[0]!]!;
    for (const i of g.routes) assert.equal(model.routes[i]!.asPathText, first.asPathText);
  }
});
