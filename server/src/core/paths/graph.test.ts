import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { AsPathSegment, LgRoute } from '../lg/types';
import type { Asn } from '../net/asn';
import { analyzePaths } from './analyze';
import { edgesThroughNodes } from './layoutQuality';
import { relationshipsFrom } from './relationships';
import { renderSvg } from './svg';
import { parseOf, routeOf } from '../../../../test/support/testRoutes';

// Small ASN pools so paths share ASes, repeat them (prepends, loops) and hit special ranges.
const asnArb = fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constantFrom(0, 23456, 64512, 65535, 4200000000, 4294967295)).map((n) => n as Asn);
const segmentArb: fc.Arbitrary<AsPathSegment> = fc.record({
  type: fc.constantFrom('sequence', 'sequence', 'sequence', 'set', 'confed-sequence', 'confed-set'),
  asns: fc.array(asnArb, { minLength: 0, maxLength: 6 }),
});
const routeArb = (line: number): fc.Arbitrary<LgRoute> =>
  fc.record({ path: fc.array(segmentArb, { maxLength: 4 }), otc: fc.option(asnArb, { nil: undefined }), prefix: fc.constantFrom('193.0.0.0/21', '10.0.0.0/8', '2001:db8::/32', 'not a prefix') }).map((r) => ({
    prefix: r.prefix,
    asPath: r.path,
    asPathText: '',
    communities: [],
    lines: { start: line, end: line },
    ...(r.otc !== undefined ? { otc: r.otc } : {}),
  }));
const rels = relationshipsFrom([[1, 2], [2, 3], [3, 4, 'p2p'], [5, 6], [6, 7, 'p2p'], [8, 9]]);

test('any paths: the analysis never throws, one node per AS, every route walks existing nodes and edges', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 12 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => routeArb(i)))), (routes) => {
      const m = analyzePaths(parseOf(routes), { relationships: rels });
      const ids = m.graph.nodes.map((n) => n.id);
      assert.equal(new Set(ids).size, ids.length);
      const asns = m.graph.nodes.filter((n) => n.kind === 'as').map((n) => n.asn);
      assert.equal(new Set(asns).size, asns.length);
      const edges = new Set(m.graph.edges.map((e) => e.id));
      for (const r of m.routes) {
        assert.equal(r.nodeIds[0], 'vantage');
        for (const id of r.nodeIds) assert.ok(ids.includes(id), id);
        for (let k = 1; k < r.nodeIds.length; k++) assert.ok(edges.has(`${r.nodeIds[k]}>${r.nodeIds[k - 1]}`));
        assert.ok(r.length.collapsed <= r.length.raw);
      }
      for (const n of m.graph.nodes) assert.ok(Number.isFinite(n.x) && Number.isFinite(n.y));
      // Layered routing: no edge runs over a box it does not end at (dagre's own last segments did, 600 times in 100 routes).
      assert.equal(edgesThroughNodes(m.graph), 0);
      assert.ok(renderSvg(m).endsWith('</svg>'));
    }),
    { numRuns: 150 },
  );
});

test('the vantage point, centred on its packed first hops, keeps clear of a line that passes its layer (a loop ranks an AS beyond it)', () => {
  // The property test's counterexample (CI, seed 1159360023): AS64512 is both behind AS9 and AS6's neighbour, so
  // dagre ranks it beyond the vantage point, and AS6 → AS64512 passes the vantage point's layer. Moved to face AS1
  // and AS6, the vantage box lay on that line.
  const seq = (...asns: number[]): AsPathSegment => ({ type: 'sequence', asns: asns as Asn[] });
  const empty = (line: number): LgRoute => ({ prefix: '193.0.0.0/21', asPath: [], asPathText: '', communities: [], lines: { start: line, end: line } });
  const looped: LgRoute = { ...empty(1), asPath: [seq(1, 9, 64512), seq(6, 64512), seq(0, 6, 9)] };
  const m = analyzePaths(parseOf([empty(0), looped, empty(2)]), { relationships: rels });
  assert.equal(edgesThroughNodes(m.graph), 0);
});

type Model = ReturnType<typeof analyzePaths>;

test('grouping: none draws every AS; first hop keeps the neighbours; origin keeps the transit path and merges the origins behind each last transit AS', () => {
  const paths = ['1 2 3 100', '1 2 3 101', '1 4 3 102', '5 2 103', '5 104'];
  const m = (group: 'none' | 'first-hop' | 'origin'): Model => analyzePaths(parseOf(paths.map((p, i) => routeOf(`193.0.${i}.0/24`, p, i))), {}, { group });
  const ids = (g: Model): string[] => g.graph.nodes.map((n) => n.id).sort();
  assert.deepEqual(ids(m('none')), ['AS1', 'AS100', 'AS101', 'AS102', 'AS103', 'AS104', 'AS2', 'AS3', 'AS4', 'AS5', 'vantage']);
  assert.equal(m('none').graph.aggregated, undefined);
  assert.deepEqual(ids(m('first-hop')), ['AS1', 'AS5', 'agg:AS1', 'agg:AS5', 'vantage']);
  const byOrigin = m('origin');
  assert.deepEqual(ids(byOrigin), ['AS1', 'AS2', 'AS3', 'AS4', 'AS5', 'agg:up:AS2', 'agg:up:AS3', 'agg:up:AS5', 'vantage']);
  assert.deepEqual(byOrigin.graph.aggregated, { by: 'origin', hiddenNodes: 5 });
  // Three routes, three origins behind AS3 (over AS2 and over AS4): one box.
  assert.equal(byOrigin.graph.nodes.find((n) => n.id === 'agg:up:AS3')?.label, '3 routes, 3 origins');
  assert.deepEqual(byOrigin.routes[2]!.nodeIds, ['vantage', 'AS1', 'AS4', 'AS3', 'agg:up:AS3']);
});

test('focus on an AS: only its routes; past MAX_FOCUS_NODES ASes the first hop, its neighbours and the AS stay, the rest is merged', () => {
  // 40 routes through AS7 with long distinct tails, and routes that avoid it.
  const through = Array.from({ length: 40 }, (_, i) => `1 ${1000 + i} ${2000 + i} 6 7 8 ${3000 + i} ${4000 + i}`);
  const m = analyzePaths(parseOf([...through, '9 10 11', '1 6 12'].map((p, i) => routeOf(`193.0.${i}.0/24`, p, i))), {}, { focus: 7 });
  assert.deepEqual(m.routes.at(-1)!.nodeIds, [], 'a route that avoids AS7 is not drawn');
  assert.deepEqual(m.routes[0]!.nodeIds, ['vantage', 'AS1', 'agg:near:AS6', 'AS6', 'AS7', 'AS8', 'agg:far:AS8']);
  const near = m.graph.nodes.find((n) => n.id === 'agg:near:AS6')!;
  assert.equal(near.label, '80 ASes between');
  assert.equal(m.graph.nodes.find((n) => n.id === 'agg:far:AS8')?.label, '40 routes, 40 origins');
  assert.equal(m.graph.aggregated?.by, 'neighbours');
  assert.ok(m.graph.nodes.length <= 8);
  // A small focus is drawn in full.
  const small = analyzePaths(parseOf(['1 2 7 8 9', '3 7 10'].map((p, i) => routeOf(`193.0.${i}.0/24`, p, i))), {}, { focus: 7 });
  assert.deepEqual(small.routes[0]!.nodeIds, ['vantage', 'AS1', 'AS2', 'AS7', 'AS8', 'AS9']);
  assert.equal(small.graph.aggregated, undefined);
});

test('any paths, any grouping or focus: every drawn route walks existing nodes and edges, a focus draws exactly the routes through it', () => {
  const view = fc.record({ group: fc.constantFrom('auto', 'none', 'first-hop', 'origin', 'prefixes'), focus: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }) });
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 12 }).chain((n) => fc.tuple(view, ...Array.from({ length: n }, (_, i) => routeArb(i)))), ([v, ...routes]) => {
      const m = analyzePaths(parseOf(routes), { relationships: rels }, v.focus === undefined ? { group: v.group } : { group: v.group, focus: v.focus });
      const ids = new Set(m.graph.nodes.map((n) => n.id));
      assert.equal(ids.size, m.graph.nodes.length);
      const edges = new Set(m.graph.edges.map((e) => e.id));
      for (const r of m.routes) {
        const through = routes[r.index]!.asPath.some((seg) => (seg.type === 'sequence' || seg.type === 'confed-sequence') && seg.asns.includes(v.focus as Asn));
        if (v.focus !== undefined) assert.equal(r.nodeIds.length > 0, through, `route ${r.index} drawn: ${r.nodeIds.join(' ')}`);
        if (v.focus !== undefined && r.nodeIds.length > 0) assert.ok(r.nodeIds.includes(`AS${v.focus}`), `${r.nodeIds.join(' ')} lacks AS${v.focus}`);
        for (const id of r.nodeIds) assert.ok(ids.has(id), id);
        for (let k = 1; k < r.nodeIds.length; k++) assert.ok(edges.has(`${r.nodeIds[k]}>${r.nodeIds[k - 1]}`));
      }
      for (const n of m.graph.nodes) assert.ok(Number.isFinite(n.x) && Number.isFinite(n.y));
    }),
    { numRuns: 150 },
  );
});
