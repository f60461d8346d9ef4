import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reduceCrossings, type LayeredGraph } from './layerOrder';

/** A layered graph as dagre hands it to `customOrder`: nodes with rank and order, one-rank edges with weights. */
function layered(nodes: Record<string, [rank: number, order: number]>, edges: [string, string, number?][]): LayeredGraph & { orderOf(id: string): number } {
  const labels = new Map(Object.entries(nodes).map(([id, [rank, order]]) => [id, { rank, order }]));
  const list = edges.map(([v, w, weight]) => ({ v, w, weight: weight ?? 1 }));
  return {
    nodes: () => [...labels.keys()],
    node: (id) => labels.get(id)!,
    edges: () => list.map(({ v, w }) => ({ v, w })),
    edge: (e) => list.find((x) => x.v === e.v && x.w === e.w),
    orderOf: (id) => labels.get(id)!.order,
  };
}

test('two crossing edges are uncrossed: a→d and b→c with a above b end with c above d', () => {
  const g = layered({ a: [0, 0], b: [0, 1], c: [1, 0], d: [1, 1] }, [['a', 'd'], ['b', 'c']]);
  reduceCrossings(g);
  assert.equal(Math.sign(g.orderOf('a') - g.orderOf('b')), Math.sign(g.orderOf('d') - g.orderOf('c')));
});

test('an order with no crossing is kept as it is', () => {
  const g = layered({ v: [0, 0], a: [1, 0], b: [1, 1], x: [2, 0], y: [2, 1] }, [['v', 'a'], ['v', 'b'], ['a', 'x'], ['b', 'y']]);
  reduceCrossings(g);
  assert.deepEqual(['v', 'a', 'b', 'x', 'y'].map((id) => g.orderOf(id)), [0, 0, 1, 0, 1]);
});

test('when not every crossing can go, the heavy bundle is the one left uncrossed', () => {
  // K2,2 plus weights: a–c and b–d carry 5 routes each, a–d and b–c one: some pair must cross; the light one should.
  const g = layered({ a: [0, 0], b: [0, 1], d: [1, 0], c: [1, 1] }, [['a', 'c', 5], ['b', 'd', 5], ['a', 'd', 1], ['b', 'c', 1]]);
  reduceCrossings(g);
  assert.equal(Math.sign(g.orderOf('a') - g.orderOf('b')), Math.sign(g.orderOf('c') - g.orderOf('d')));
});
