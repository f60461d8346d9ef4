import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Asn } from '../net/asn';
import { AsnMembers } from './asnMembers';

test('AsnMembers answers as the Map it packs: order met, set per AS, absent numbers, 0 and 2^32-1', () => {
  const r = (() => {
    let s = 7;
    return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0);
  })();
  for (const n of [0, 1, 2, 3, 5, 100, 5000]) {
    const map = new Map<Asn, string>();
    const edge = [0, 4294967295, 65536, 23456] as Asn[];
    for (const a of edge.slice(0, Math.min(n, edge.length))) map.set(a, `AS-E${a % 3}`);
    while (map.size < n) map.set((r() % 400_000) as Asn, `AS-S${map.size % 7}`);
    const packed = new AsnMembers(map);
    assert.equal(packed.size, map.size);
    assert.deepEqual([...packed], [...map]);
    assert.deepEqual([...packed.keys()], [...map.keys()]);
    for (const [a, via] of map) {
      assert.ok(packed.has(a));
      assert.equal(packed.get(a), via);
    }
    for (let i = 0; i < 200; i++) {
      const a = (r() % 500_000) as Asn;
      assert.equal(packed.has(a), map.has(a), `AS${a} of ${n}`);
    }
  }
});
