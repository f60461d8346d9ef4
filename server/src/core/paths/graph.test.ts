import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { AsPathSegment, LgRoute } from '../lg/types';
import type { Asn } from '../net/asn';
import { analyzePaths } from './analyze';
import { relationshipsFrom } from './relationships';
import { renderSvg } from './svg';
import { parseOf } from './testRoutes';

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
      assert.ok(renderSvg(m).endsWith('</svg>'));
    }),
    { numRuns: 150 },
  );
});
