import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Asn } from '../net/asn';
import { aspaImpact } from './impact';
import { type NeighbourEvidence, type ObservedRoute, PathEvidence } from './pathEvidence';
import type { Direction } from './types';
import { aspaDbFrom, aspaVerdict } from './verify';

/**
 * The straightforward reference the compact index must agree with: an object per route, nested maps of
 * adjacencies, a set of vantage points per adjacency, and a linear search for the routes through an AS.
 */
function reference(routes: readonly ObservedRoute[]) {
  type Adjacency = { paths: number; vantages: Set<string>; propagated: number; ownPrefixes: number };
  const leftOf = new Map<number, Map<number, Adjacency>>();
  for (const r of routes) {
    const p = r.path;
    for (let i = 0; i + 1 < p.length; i++) {
      const [left, right] = [p[i]!, p[i + 1]!];
      if (left === right) continue;
      const byLeft = leftOf.get(right) ?? new Map<number, Adjacency>();
      leftOf.set(right, byLeft);
      const e = byLeft.get(left) ?? { paths: 0, vantages: new Set<string>(), propagated: 0, ownPrefixes: 0 };
      byLeft.set(left, e);
      e.paths++;
      e.vantages.add(r.vantage);
      if (i > 0) e.propagated++;
      if (right === p[p.length - 1]) e.ownPrefixes++;
    }
  }
  const evidence = (e: { paths: number; vantages: Set<string>; propagated: number; ownPrefixes: number }): NeighbourEvidence => ({ ...e, vantages: e.vantages.size });
  return {
    sentTo: (asn: number) => new Map([...(leftOf.get(asn) ?? [])].map(([l, e]) => [l, evidence(e)])),
    seen: (left: number, right: number) => {
      const e = leftOf.get(right)?.get(left);
      return e && evidence(e);
    },
    through: (asn: number) => routes.flatMap((r, i) => (r.path.includes(asn as Asn) ? [i] : [])),
  };
}

const sorted = <V>(m: ReadonlyMap<number, V>) => [...m].sort((a, b) => a[0] - b[0]);

// A few small ASes so paths share adjacencies, and a few at the top of the 32-bit range.
const asnArb = fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constantFrom(0, 4_200_000_000, 4_294_967_295)).map((a) => a as Asn);
const routeArb = fc.record(
  {
    prefix: fc.constantFrom('192.0.2.0/24', '198.51.100.0/24', '2001:db8::/32'),
    path: fc.array(asnArb, { minLength: 1, maxLength: 9 }),
    // Often the same few, so counts add up; sometimes one of 70, so they come in more than one group of 32.
    vantage: fc.oneof(fc.constantFrom('a', 'b', 'c', 'd'), fc.nat({ max: 69 }).map((v) => `v${v}`)),
    source: fc.constantFrom('one.txt', 'two.mrt'),
    line: fc.nat({ max: 100_000 }),
    time: fc.integer({ min: 1, max: 2 ** 32 - 1 }),
  },
  { requiredKeys: ['prefix', 'path', 'vantage', 'source'] },
);

test('property: the compact index answers as the straightforward reference does (routes, neighbours, routes through an AS, impact)', () => {
  fc.assert(
    fc.property(
      fc.array(routeArb, { maxLength: 40 }),
      fc.nat(),
      fc.array(fc.tuple(asnArb, fc.array(asnArb, { maxLength: 3 })), { maxLength: 6 }),
      fc.array(fc.tuple(asnArb, fc.array(asnArb, { maxLength: 3 })), { minLength: 1, maxLength: 3 }),
      (generated, split, baselineEntries, proposedEntries) => {
        const routes = generated.map((r) => ({ ...r }));
        // Chunks of 16 entries: paths of up to 9 ASes often end a chunk early, and a column spans many chunks.
        const compact = new PathEvidence({ chunkBits: 4 });
        // Asked halfway, so what was built for the first routes must be rebuilt for all of them.
        const half = split % (routes.length + 1);
        for (const r of routes.slice(0, half)) compact.add(r);
        if (routes.length > 0) {
          compact.sentTo(routes[0]!.path[0]!);
          compact.routesThrough(routes[0]!.path[0]!);
        }
        for (const r of routes.slice(half)) compact.add(r);

        const ref = reference(routes);
        assert.equal(compact.size, routes.length);
        assert.deepEqual([...compact.routes()], routes);
        const asns = new Set(routes.flatMap((r) => r.path));
        for (const a of [...asns, 77 as Asn]) {
          assert.deepEqual(sorted(compact.sentTo(a)), sorted(ref.sentTo(a)), `sentTo(${a})`);
          assert.deepEqual([...compact.routesThrough(a)], ref.through(a), `routesThrough(${a})`);
          for (const b of asns) assert.deepEqual(compact.seen(a, b), ref.seen(a, b), `seen(${a}, ${b})`);
        }

        const baseline = aspaDbFrom(baselineEntries);
        const proposed = aspaDbFrom(proposedEntries);
        const after = new Map([...baseline, ...proposed]);
        const directions: Direction[] = ['upstream', 'downstream'];
        const expected = routes.flatMap((r, index) =>
          r.path.some((a) => proposed.has(a))
            ? directions.flatMap((d) => {
                const [before, now] = [aspaVerdict(r.path, baseline, d), aspaVerdict(r.path, after, d)];
                return before === now ? [] : [[index, d, before, now]];
              })
            : [],
        );
        const impact = aspaImpact(compact, baseline, proposed);
        assert.deepEqual(
          impact.changes.map((c) => [c.index, c.direction, c.before, c.after]),
          expected,
        );
        for (const c of impact.changes) assert.deepEqual(c.route, routes[c.index]);
        assert.equal(impact.untouched, routes.filter((r) => !r.path.some((a) => proposed.has(a))).length);
        // Restricted to the routes through one customer, the same changes for that customer's routes.
        const [customer] = proposed.keys();
        const only = aspaImpact(compact, baseline, proposed, directions, compact.routesThrough(customer!));
        assert.deepEqual(
          only.changes.map((c) => c.index),
          impact.changes.filter((c) => routes[c.index]!.path.includes(customer!)).map((c) => c.index),
        );
      },
    ),
    { numRuns: 300 },
  );
});

test('a path longer than a chunk is refused, not cut', () => {
  const e = new PathEvidence({ chunkBits: 2 });
  assert.throws(() => e.add({ prefix: '192.0.2.0/24', path: [1, 2, 3, 4] as Asn[], vantage: 'v', source: 's' }), RangeError);
  e.add({ prefix: '192.0.2.0/24', path: [1, 2, 3] as Asn[], vantage: 'v', source: 's' });
  assert.deepEqual(e.route(0).path, [1, 2, 3]);
});

test('vantage points are counted once each however many there are (beyond the 32 counted per pass)', () => {
  const routes: ObservedRoute[] = [];
  // 100 vantage points see 1 2 3, each twice; the first 40 also see 4 2 3; vantage point v99 alone sees 5 3.
  for (let round = 0; round < 2; round++) for (let v = 0; v < 100; v++) routes.push({ prefix: '192.0.2.0/24', path: [1, 2, 3] as Asn[], vantage: `v${v}`, source: 's' });
  for (let v = 0; v < 40; v++) routes.push({ prefix: '198.51.100.0/24', path: [4, 2, 3] as Asn[], vantage: `v${v}`, source: 's' });
  routes.push({ prefix: '203.0.113.0/24', path: [5, 3] as Asn[], vantage: 'v99', source: 's' });
  const e = PathEvidence.of(routes);
  assert.deepEqual(e.seen(1 as Asn, 2 as Asn), { paths: 200, vantages: 100, propagated: 0, ownPrefixes: 0 });
  assert.deepEqual(e.seen(2 as Asn, 3 as Asn), { paths: 240, vantages: 100, propagated: 240, ownPrefixes: 240 });
  assert.deepEqual(e.seen(4 as Asn, 2 as Asn), { paths: 40, vantages: 40, propagated: 0, ownPrefixes: 0 });
  assert.deepEqual(e.seen(5 as Asn, 3 as Asn), { paths: 1, vantages: 1, propagated: 0, ownPrefixes: 1 });
  assert.deepEqual(sorted(e.sentTo(3 as Asn)), sorted(reference(routes).sentTo(3)));
});
