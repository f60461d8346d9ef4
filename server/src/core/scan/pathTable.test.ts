import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mulberry32 } from '../../../../bench/prng';
import { PathTable } from './pathTable';

for (const pageWords of [1 << 20, 1 << 15]) {
  test(`PathTable finds every key added since it last started over, with its number and value, and no other (pages of ${pageWords} words)`, () => {
    const rnd = mulberry32(3);
    const table = new PathTable<string>(700, pageWords);
    const keys: { bytes: Uint8Array; extra: number; id: number }[] = [];
    for (let i = 0; i < 2000; i++) {
      // Mostly path-sized keys, some of several kB (they fill 2^15-word pages after a few dozen).
      const length = rnd() < 0.05 ? 1000 + Math.floor(rnd() * 20_000) : 1 + Math.floor(rnd() * 40);
      const bytes = Uint8Array.from({ length }, () => Math.floor(rnd() * 4));
      const extra = rnd() < 0.5 ? -1 : Math.floor(rnd() * 3);
      if (table.find(bytes, 0, bytes.length, extra) >= 0) continue;
      if (table.size === 700) keys.length = 0; // the next add starts over
      const id = table.add(bytes, 0, bytes.length, extra, i, i % 3 === 0 ? `v${i}` : undefined);
      keys.push({ bytes, extra, id });
    }
    assert.ok(keys.length > 100 && keys.length <= 700);
    // Small pages: the entries since the last start-over lie in more than one.
    assert.equal(keys.some((k) => k.id >= pageWords), pageWords < 1 << 20);
    for (const k of keys) {
      // The key inside a larger buffer, as a RIB entry's AS_PATH sits in its record.
      const host = new Uint8Array(k.bytes.length + 7);
      host.set(k.bytes, 5);
      const id = table.find(host, 5, 5 + k.bytes.length, k.extra);
      assert.equal(id, k.id);
      const i = table.number(id);
      assert.equal(table.value(id), i % 3 === 0 ? `v${i}` : undefined);
    }
    assert.equal(table.find(Uint8Array.from([9, 9, 9]), 0, 3, -1), -1);
  });
}
