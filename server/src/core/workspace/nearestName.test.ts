import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { frameRpsl } from '../rpsl/frame';
import { editDistance, nearestName, nearestNameWork } from './nearestName';
import { WorkspaceIndex } from './workspaceIndex';

function indexOfSets(names: readonly string[]): WorkspaceIndex {
  const index = new WorkspaceIndex();
  const text = names.map((n) => `as-set: ${n}\nmembers: AS1\n`).join('\n');
  index.set('file:///sets.rpsl', frameRpsl(text).objects, text);
  return index;
}

test('a near-miss set name gets the one defined name within two edits', () => {
  const index = indexOfSets(['AS8048:AS-CUSTOMERS', 'AS8048:AS-PEERS', 'AS-SPARKLE-CUSTOMERS']);
  assert.equal(nearestName(index, 'as-set', 'AS8048:AS-CUSTOMRES'), 'AS8048:AS-CUSTOMERS'); // transposition
  assert.equal(nearestName(index, 'as-set', 'AS8048:AS-CUSTOMER'), 'AS8048:AS-CUSTOMERS'); // deletion
  assert.equal(nearestName(index, 'as-set', 'AS8048:AS-PERS'), 'AS8048:AS-PEERS');
  assert.equal(nearestName(index, 'as-set', 'AS8048:AS-PXXRS'), 'AS8048:AS-PEERS'); // two substitutions
  assert.equal(nearestName(index, 'as-set', 'AS8048:AS-PEERSXY'), 'AS8048:AS-PEERS'); // two insertions
  assert.equal(nearestName(index, 'as-set', 'AS8048:AS-PEE'), 'AS8048:AS-PEERS'); // two deletions
  assert.equal(nearestName(index, 'as-set', 'AS-SPRAKLE-CUSTOMRES'), 'AS-SPARKLE-CUSTOMERS'); // two transpositions
  assert.equal(nearestName(index, 'as-set', 'AS8048:AS-PXXXS'), undefined); // three edits away
  assert.equal(nearestName(index, 'route-set', 'AS8048:AS-PEERS'), undefined); // other class
});

test('a key two characters longer or shorter than every name still finds it, three does not', () => {
  const index = indexOfSets(['AS-ABCDEF', 'AS-ABCDXY']);
  assert.equal(nearestName(index, 'as-set', 'AS-ABCDEFGH'), 'AS-ABCDEF');
  assert.equal(nearestName(index, 'as-set', 'AS-ABCDE'), 'AS-ABCDEF');
  assert.equal(nearestName(index, 'as-set', 'AS-ABCY'), 'AS-ABCDXY');
  assert.equal(nearestName(index, 'as-set', 'AS-ABCDEFGHI'), undefined);
  assert.equal(nearestName(index, 'as-set', 'AS-ABC'), undefined);
});

test('two names equally near give no suggestion', () => {
  const index = indexOfSets(['AS-FOO1', 'AS-FOO2']);
  assert.equal(nearestName(index, 'as-set', 'AS-FOO3'), undefined);
  assert.equal(nearestName(index, 'as-set', 'AS-FOO1X'), 'AS-FOO1');
});

/** Deterministic pseudo-random names far apart from each other. */
function names(n: number, seed: number): string[] {
  let a = seed;
  const next = (): number => (a = (Math.imul(a, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return Array.from({ length: n }, () => `AS-${Array.from({ length: 10 }, () => abc[Math.floor(next() * abc.length)]).join('')}`);
}

test('the index finds exactly what comparing with every name finds', () => {
  const defined = names(300, 7);
  const index = indexOfSets(defined);
  const brute = (key: string): string | undefined => {
    let best: string | undefined;
    let bestD = 3;
    let tie = false;
    for (const k of defined) {
      const d = editDistance(k, key, 3);
      if (d < bestD) [best, bestD, tie] = [k, d, false];
      else if (d === bestD && k !== best) tie = true;
    }
    return bestD <= 2 && !tie ? best : undefined;
  };
  const queries = defined.flatMap((n, i) => [n.slice(0, 4 + (i % 6)) + 'Z' + n.slice(5 + (i % 6)), n.slice(0, 5) + n.slice(7), `${n}Q`, n.slice(0, 6) + (n[7] ?? '') + (n[6] ?? '') + n.slice(8)]);
  let suggested = 0;
  for (const q of queries) {
    const got = nearestName(index, 'as-set', q);
    assert.equal(got, brute(q), q);
    if (got) suggested++;
  }
  assert.ok(suggested > queries.length / 2);
});

test('work grows linearly with the number of unresolved references, not with its square', () => {
  const work = (n: number): number => {
    const defined = names(n, 11);
    const index = indexOfSets(defined);
    const before = nearestNameWork.distanceComputations;
    for (const d of defined) nearestName(index, 'as-set', `${d.slice(0, -1)}#`);
    return nearestNameWork.distanceComputations - before;
  };
  const small = work(500);
  const large = work(2000);
  assert.ok(small >= 500, `every near miss is measured at least once (${small})`);
  // Comparing each query with every name would make this 16.
  assert.ok(large / small <= 5, `4x the references cost ${large / small}x the distance computations`);
});

test('with names of many lengths, the index still finds exactly what comparing with every name finds', () => {
  // Short names from a small alphabet crowd each other, so ties, near misses and every length gap occur.
  const word = fc.stringMatching(/^[ABC1-]{1,9}$/).map((w) => `AS-${w}`);
  fc.assert(
    fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 40 }), fc.array(word, { minLength: 1, maxLength: 20 }), (defined, queries) => {
      const index = indexOfSets(defined);
      const brute = (key: string): string | undefined => {
        let best: string | undefined;
        let bestD = 3;
        let tie = false;
        for (const k of index.keysOf('as-set')) {
          const d = editDistance(k, key, 3);
          if (d < bestD) [best, bestD, tie] = [k, d, false];
          else if (d === bestD && k !== best) tie = true;
        }
        return bestD <= 2 && !tie ? best : undefined;
      };
      for (const q of queries) assert.equal(nearestName(index, 'as-set', q), brute(q), q);
    }),
    { numRuns: 200 },
  );
});
