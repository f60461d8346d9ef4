import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { MultiMap } from './multiMap';

/**
 * MultiMap against the plain model it packs (a Map of sorted id arrays): random adds (in order, once per id or
 * not), deletes and reads. The order is like the index's (file, then place in it): a different rank for every
 * id, so only an id added twice ties with itself.
 */
test('property: MultiMap holds what a Map of sorted arrays holds, lone ids and repeats included', () => {
  const op = fc.oneof(
    fc.record({ op: fc.constant('add' as const), key: fc.integer({ min: 0, max: 3 }), id: fc.integer({ min: 0, max: 12 }), once: fc.boolean() }),
    fc.record({ op: fc.constant('delete' as const), key: fc.integer({ min: 0, max: 3 }), id: fc.integer({ min: 0, max: 12 }), once: fc.constant(false) }),
  );
  fc.assert(
    fc.property(fc.shuffledSubarray([...Array(13).keys()], { minLength: 13 }), fc.array(op, { maxLength: 60 }), (rank, ops) => {
      const order = (a: number, b: number): number => rank[a]! - rank[b]!;
      const m = new MultiMap<number>();
      const model = new Map<number, number[]>();
      for (const { op, key, id, once } of ops) {
        const list = model.get(key) ?? [];
        if (op === 'add') {
          if (once && list.includes(id)) continue;
          if (once) m.addInOrderOnce(key, id, order);
          else m.addInOrder(key, id, order);
          // After every id not ranked after it: equal ranks keep insertion order.
          let at = list.length;
          while (at > 0 && order(list[at - 1]!, id) > 0) at--;
          list.splice(at, 0, id);
          model.set(key, list);
        } else {
          m.delete(key, id);
          const at = list.indexOf(id);
          if (at >= 0) list.splice(at, 1);
          if (list.length === 0) model.delete(key);
        }
        for (const k of [0, 1, 2, 3]) {
          const want = model.get(k) ?? [];
          assert.deepEqual(m.get(k), want);
          assert.equal(m.count(k), want.length);
          const seen: number[] = [];
          m.forEach(k, (x) => seen.push(x));
          assert.deepEqual(seen, want);
        }
        assert.deepEqual([...m.keys()].sort(), [...model.keys()].sort());
        assert.equal(m.size, model.size);
      }
    }),
    { numRuns: 300 },
  );
});
