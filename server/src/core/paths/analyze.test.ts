import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asn } from '../net/asn';
import { analyzePaths } from './analyze';
import { checkOtc, otcWhatIf } from './otc';
import { parseRelationships, relationshipsFrom } from './relationships';
import { parseOf, routeOf } from '../../../../test/support/testRoutes';
import { checkValleyFree } from './valleyFree';

// The path seen on 2026-01-02 for Dayco's 200.74.226.0/24, leaked by CANTV (AS8048) from Sparkle to GlobeNet.
const CANTV = '24482 52320 8048 8048 8048 8048 8048 8048 8048 8048 8048 6762 1299 269832 21980';
// Relationships as CAIDA infers them around the leak (provider|customer|-1, peer|peer|0).
const CANTV_RELS = parseRelationships(
  ['# serial-2', '6762|8048|-1|bgp', '52320|8048|-1|bgp', '1299|6762|0|bgp', '1299|269832|-1|bgp', '269832|21980|-1|bgp', '24482|52320|0|bgp'].join('\n'),
).relationships;

test('CANTV path: AS8048 prepended ×9, 15 ASes but 7 hops', () => {
  const m = analyzePaths(parseOf([routeOf('200.74.226.0/24', CANTV)]));
  const r = m.routes[0]!;
  assert.deepEqual(r.prepends, [{ asn: 8048, count: 9 }]);
  assert.deepEqual(r.length, { raw: 15, collapsed: 7 });
  assert.deepEqual(r.hops, [24482, 52320, 8048, 6762, 1299, 269832, 21980]);
  assert.equal(r.origin, 21980);
  assert.equal(r.neighbor, 24482);
  assert.deepEqual(r.loops, []);
  assert.ok(m.findings.some((f) => f.code === 'paths/long-prepend'));
  // No data sets: nothing is guessed.
  assert.equal(r.aspa, undefined);
  assert.equal(r.valley, undefined);
  assert.equal(r.rov, undefined);
  assert.equal(m.data.aspa.loaded, false);
});

test('valley-free: CANTV leaks at 8048→52320 (from provider 6762 to provider 52320)', () => {
  const v = checkValleyFree([24482, 52320, 8048, 6762, 1299, 269832, 21980], CANTV_RELS);
  assert.equal(v.verdict, 'valley');
  assert.deepEqual(v.leakHop, { from: 8048, to: 52320 });
  // The legitimate path through Sparkle to CANTV: up, across one peer link, down.
  assert.equal(checkValleyFree([8048, 6762, 1299, 269832, 21980], CANTV_RELS).verdict, 'valley-free');
  // Two peer links in a row are a valley (RFC 7908 type 4-like).
  const peers = relationshipsFrom([[1, 2, 'p2p'], [2, 3, 'p2p']]);
  assert.deepEqual(checkValleyFree([3, 2, 1], peers).leakHop, { from: 2, to: 3 });
  // An unknown link keeps the verdict open rather than calling it clean.
  assert.equal(checkValleyFree([9, 8048, 6762], CANTV_RELS).verdict, 'unknown');
});

test('RFC 9234 rule 1: OTC route received from a customer is a leak', () => {
  // 6762 got the route from its peer 1299 and set OTC=1299 on ingress; 8048 passed it up to 52320.
  const c = checkOtc([24482, 52320, 8048, 6762, 1299, 269832, 21980], 1299, CANTV_RELS);
  assert.equal(c.verdict, 'leak');
  assert.deepEqual(c.leakHop, { from: 8048, to: 52320 });
  assert.match(c.reason, /rule 1/);
});

test('RFC 9234 rule 2: OTC from a peer must equal that peer', () => {
  // 10 → 20 customer→provider; 20 → 30 peer (OTC=20); 30 → 40 peer again with OTC=20 ≠ 30.
  const rels = relationshipsFrom([[20, 10], [20, 30, 'p2p'], [30, 40, 'p2p'], [30, 50]]);
  const leak = checkOtc([40, 30, 20, 10], 20, rels);
  assert.equal(leak.verdict, 'leak');
  assert.deepEqual(leak.leakHop, { from: 30, to: 40 });
  assert.match(leak.reason, /rule 2/);
  // Down to a customer after the peer link: allowed.
  assert.equal(checkOtc([50, 30, 20, 10], 20, rels).verdict, 'ok');
  // OTC from an AS not on the path (a route server) cannot be placed.
  assert.equal(checkOtc([50, 30, 20, 10], 6695, rels).verdict, 'unchecked');
  // Without relationships nothing is claimed.
  assert.equal(checkOtc([50, 30, 20, 10], 20, undefined).verdict, 'unchecked');
});

test('OTC what-if names the AS that would have dropped the CANTV leak', () => {
  const w = otcWhatIf([24482, 52320, 8048, 6762, 1299, 269832, 21980], CANTV_RELS);
  assert.match(w ?? '', /OTC=1299 .*AS1299→AS6762.*AS52320 would then have rejected the route from AS8048/);
  assert.equal(otcWhatIf([8048, 6762, 1299, 269832, 21980], CANTV_RELS), undefined);
});

test('analysis with relationships flags the leak hop in the graph', () => {
  const routes = ['200.74.226.0/24', '200.74.228.0/23', '200.74.230.0/23'].map((p, i) => routeOf(p, CANTV, i));
  const m = analyzePaths(parseOf([...routes, routeOf('200.74.240.0/24', '6762 1299 269832 21980', 3, { otc: asn(1299) })]), { relationships: CANTV_RELS });
  const asNodes = m.graph.nodes.filter((n) => n.kind === 'as');
  assert.equal(asNodes.length, new Set(asNodes.map((n) => n.asn)).size, 'one node per AS');
  assert.equal(asNodes.length, 7);
  assert.equal(m.graph.nodes.find((n) => n.asn === 8048)?.prepend, 9);
  assert.equal(m.graph.nodes.find((n) => n.asn === 8048)?.leaker, true);
  const leak = m.graph.edges.find((e) => e.id === 'AS8048>AS52320');
  assert.equal(leak?.verdict, 'leak');
  assert.equal(leak?.rel, 'c2p');
  assert.deepEqual(leak?.routes, [0, 1, 2]);
  assert.equal(m.graph.edges.find((e) => e.id === 'AS1299>AS6762')?.rel, 'p2p');
  assert.equal(m.routes[0]!.verdict, 'warning');
  assert.equal(m.routes[3]!.verdict, 'ok');
  assert.equal(m.routes[3]!.otc?.verdict, 'ok');
  assert.equal(m.routes[0]!.color, m.routes[1]!.color);
  assert.notEqual(m.routes[0]!.color, m.routes[3]!.color);
  assert.deepEqual(m.routes[0]!.nodeIds, ['vantage', 'AS24482', 'AS52320', 'AS8048', 'AS6762', 'AS1299', 'AS269832', 'AS21980']);
  // Layout: vantage left of everything, origin right of everything.
  const x = (id: string): number => m.graph.nodes.find((n) => n.id === id)!.x;
  assert.ok(x('vantage') < x('AS24482') && x('AS24482') < x('AS21980'));
  assert.ok(m.graph.width > 0 && m.graph.height > 0);
});

test('loops, reserved ASNs, AS_SET, bogons', () => {
  const m = analyzePaths(
    parseOf([
      routeOf('193.0.0.0/21', '3356 174 3356 3333', 0),
      routeOf('193.0.8.0/24', '3356 64512 23456 3333', 1),
      routeOf('193.0.10.0/24', '3356 3333 {64500,3334}', 2),
      routeOf('10.1.0.0/16', '3356 3333', 3),
      routeOf('2001:db8::/32', '3356 3333', 4),
    ]),
  );
  const codes = (i: number): string[] => m.findings.filter((f) => f.route === i).map((f) => f.code);
  assert.deepEqual(m.routes[0]!.loops, [3356]);
  assert.deepEqual(codes(0), ['paths/loop']);
  assert.deepEqual(m.routes[1]!.specialAsns.map((s) => s.kind), ['private', 'as-trans']);
  assert.deepEqual(codes(1), ['paths/reserved-asn', 'paths/reserved-asn']);
  assert.equal(m.routes[1]!.verdict, 'leak');
  assert.deepEqual(m.routes[2]!.asSets, [[64500, 3334]]);
  assert.deepEqual(m.routes[2]!.length, { raw: 3, collapsed: 3 });
  assert.equal(m.routes[2]!.origin, undefined, 'an AS_SET at the end has no single origin');
  assert.ok(codes(2).includes('paths/as-set'));
  assert.ok(m.graph.nodes.some((n) => n.kind === 'as-set' && n.members?.join() === '3334,64500'));
  assert.match(m.routes[3]!.bogon ?? '', /RFC 1918/);
  assert.match(m.routes[4]!.bogon ?? '', /RFC 3849/);
  assert.equal(m.findings.find((f) => f.route === 4)?.line, 4);
});

test('CAIDA parser: serial-1 and serial-2, bad lines reported', () => {
  const { relationships, errors } = parseRelationships('# source\n1|2|-1\n2|3|0|mlp\nbad line\n4|5|7\n');
  assert.equal(relationships.get(1, 2), 'p2c');
  assert.equal(relationships.get(2, 1), 'c2p');
  assert.equal(relationships.get(3, 2), 'p2p');
  assert.equal(relationships.get(1, 3), undefined);
  assert.deepEqual(errors.map((e) => e.line), [3, 4]);
});

test('a table too large to draw is grouped by first hop; leaking paths stay drawn in full', () => {
  const routes = [];
  for (let i = 0; i < 400; i++) routes.push(routeOf(`20.${i >> 8}.${i & 255}.0/24`, `${3356 + (i % 3)} ${270000 + i} ${280000 + i}`, i));
  routes.push(routeOf('200.74.226.0/24', CANTV, 400));
  const m = analyzePaths(parseOf(routes), { relationships: CANTV_RELS });
  assert.equal(m.graph.aggregated?.by, 'first-hop');
  const agg = m.graph.nodes.filter((n) => n.kind === 'aggregate');
  assert.deepEqual(agg.map((n) => n.label).sort(), ['134 routes, 134 origins', '133 routes, 133 origins', '133 routes, 133 origins'].sort());
  // The CANTV route is not grouped: its leak hop is still an edge of the graph.
  assert.ok(m.graph.edges.some((e) => e.id === 'AS8048>AS52320' && e.verdict === 'leak'));
  assert.ok(m.graph.nodes.length < 30);
  assert.deepEqual(m.routes[0]!.nodeIds, ['vantage', 'AS3356', 'agg:AS3356']);
});
