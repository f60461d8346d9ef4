import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aspaDbFrom } from '../aspa/verify';
import { analyzePaths } from './analyze';
import { aspaChecker } from './aspaCheck';
import { parseOf, routeOf } from '../../../../test/support/testRoutes';

const CANTV = '24482 52320 8048 8048 8048 8048 8048 8048 8048 8048 8048 6762 1299 269832 21980';
// ASPAs as the networks would register them: Tier-1s 1299 and 6762 with AS0, CANTV with its two transit
// providers, GlobeNet (52320) with its own transits (not CANTV, its customer), Dayco behind 269832.
const DB = aspaDbFrom([
  [21980, [269832]],
  [269832, [1299]],
  [1299, [0]],
  [6762, [0]],
  [8048, [6762, 52320]],
  [52320, [1299, 3356]],
]);

test('CANTV leak: ASPA downstream Invalid, leak hop 8048→52320', () => {
  const m = analyzePaths(parseOf([routeOf('200.74.226.0/24', CANTV)]), { aspa: aspaChecker(DB) });
  const r = m.routes[0]!;
  assert.equal(r.aspa?.downstream.verdict, 'invalid');
  assert.deepEqual(r.aspa?.downstream.leakHop, { from: 8048, to: 52320 });
  assert.equal(r.aspa?.upstream.verdict, 'invalid');
  assert.equal(r.verdict, 'leak');
  const f = m.findings.find((x) => x.code === 'paths/aspa-invalid');
  assert.deepEqual(f?.hop, { from: 8048, to: 52320 });
  const edge = m.graph.edges.find((e) => e.id === 'AS8048>AS52320');
  assert.equal(edge?.verdict, 'leak');
  assert.match(edge?.reasons.join() ?? '', /ASPA Invalid/);
  // Evidence: the hop that broke the down ramp is in the list, Not Provider+.
  assert.ok(r.aspa?.downstream.hops.some((h) => h.customer === 52320 && h.provider === 8048 && h.result === 'not-provider+'));
});

test('the path CANTV should have used verifies Valid downstream', () => {
  const m = analyzePaths(parseOf([routeOf('200.74.226.0/24', '8048 6762 1299 269832 21980')]), { aspa: aspaChecker(DB) });
  assert.equal(m.routes[0]!.aspa?.downstream.verdict, 'valid');
  // Upstream it fails at the 1299–6762 peer link, which is normal for a route learnt from a provider.
  assert.equal(m.routes[0]!.aspa?.upstream.verdict, 'invalid');
  assert.equal(m.routes[0]!.verdict, 'notice');
});

test('upstream leak: the leaker sent the route on toward the neighbour', () => {
  // 65001 → 65002 → 65003 (not 65002's provider: the climb ends) → 65004, which 65003's own ASPA names as
  // its provider: 65003 passed a route from a non-customer up to its provider.
  const db = aspaDbFrom([
    [65001, [65002]],
    [65002, [65005]],
    [65003, [65004]],
  ]);
  const check = aspaChecker(db);
  const r = analyzePaths(parseOf([routeOf('193.0.0.0/21', '65004 65003 65002 65001')]), { aspa: check }).routes[0]!;
  assert.equal(r.aspa?.upstream.verdict, 'invalid');
  assert.deepEqual(r.aspa?.upstream.leakHop, { from: 65003, to: 65004 });
  // Without 65003's ASPA the leaker is the neighbour, which sent it to the vantage point: no AS hop to flag.
  const r2 = analyzePaths(parseOf([routeOf('193.0.0.0/21', '65004 65003 65002 65001')]), { aspa: aspaChecker(aspaDbFrom([[65001, [65002]], [65002, [65005]]])) }).routes[0]!;
  assert.equal(r2.aspa?.upstream.verdict, 'invalid');
  assert.equal(r2.aspa?.upstream.leakHop, undefined);
  assert.match(r2.aspa?.upstream.reason ?? '', /AS65004 sent us a route/);
});
