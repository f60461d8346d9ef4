import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collapsedPath, findingWords, plainFirst } from '../../media/src/words';
import { pathCodes } from '../../server/src/core/paths/codes';

test('every finding code of the path analysis has words for the table (a new code must add some)', () => {
  for (const { code } of pathCodes) assert.notEqual(findingWords(code), code.replace(/^paths\//, ''), code);
});

test('the ASPA verdict in words first, the draft formula after', () => {
  const reason = 'ASPA Invalid: max_up_ramp 3 + max_down_ramp 2 < N 7: AS8048 got the route from a non-customer (AS6762) and passed it to AS52320.';
  assert.deepEqual(plainFirst(reason), {
    text: 'ASPA Invalid: AS8048 got the route from a non-customer (AS6762) and passed it to AS52320.',
    formula: 'max_up_ramp 3 + max_down_ramp 2 < N 7',
  });
  assert.deepEqual(plainFirst('min_up_ramp 2 < N 4: no hop is Not Provider+'), { text: 'no hop is Not Provider+', formula: 'min_up_ramp 2 < N 4' });
  assert.deepEqual(plainFirst('The neighbour is the origin.'), { text: 'The neighbour is the origin.' });
});

test('an AS path on one short line: prepends as ×N, sets kept', () => {
  assert.equal(collapsedPath('24482 52320 8048 8048 8048 8048 8048 8048 8048 8048 8048 6762 1299 269832 21980'), '24482 52320 8048×9 6762 1299 269832 21980');
  assert.equal(collapsedPath(' 3356 174 {64512,64513} {64512,64513} '), '3356 174 {64512,64513}×2');
  assert.equal(collapsedPath(''), '');
});
