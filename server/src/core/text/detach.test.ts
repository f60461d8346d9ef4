import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { detached } from './detach';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Heap growth after keeping 100 short names cut from each of ten ~3 MB documents. */
function retained(keep: (s: string) => string): number {
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: string[] = [];
  for (let doc = 0; doc < 10; doc++) {
    const text = Array.from({ length: 200_000 }, (_, i) => `MAINT-AS${doc}-${i}\n`).join('');
    for (let i = 0; i < 100; i++) kept.push(keep(text.slice(i * 1000, i * 1000 + 16).toUpperCase()));
  }
  gc();
  gc();
  const grown = process.memoryUsage().heapUsed - before;
  assert.equal(kept.length, 1000);
  return grown;
}

test('a detached name does not keep the document it was cut from alive', () => {
  const text = 'route: 192.0.2.0/24\norigin: AS64500\n'.repeat(10);
  const name = text.slice(0, 20);
  assert.equal(detached(name), name);
  assert.equal(detached('AS1'), 'AS1');
  // Ten documents of ~3 MB each (one byte a character): the sliced names keep them all, detached ones do not.
  // What the heap keeps anyway (V8 holds on to the last document it joined) is measured, and subtracted.
  const baseline = retained(() => 'x');
  const sliced = retained((s) => s) - baseline;
  const own = retained(detached) - baseline;
  assert.ok(sliced > 20e6, `slices keep their documents (${(sliced / 1e6).toFixed(1)} MB)`);
  assert.ok(own < 5e6, `detached names keep only themselves (${(own / 1e6).toFixed(1)} MB)`);
});
