import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { AsPathSegment } from '../lg/types';
import type { Asn } from '../net/asn';
import { collapsedHops, pathShape } from './pathShape';

const arbSegments = fc.array(
  fc.record({
    type: fc.constantFrom<AsPathSegment['type']>('sequence', 'sequence', 'set', 'confed-sequence', 'confed-set'),
    asns: fc.array(fc.integer({ min: 1, max: 4 }).map((n) => n as Asn), { minLength: 1, maxLength: 6 }),
  }),
  { maxLength: 5 },
);

test('collapsedHops (what a scan asks of each distinct path) is pathShape().hops', () => {
  const seg = (type: AsPathSegment['type'], asns: number[]): AsPathSegment => ({ type, asns: asns as Asn[] });
  assert.deepEqual(collapsedHops([seg('sequence', [3, 3, 2]), seg('set', [9]), seg('sequence', [2, 1, 1])]), [3, 2, 1]);
  fc.assert(fc.property(arbSegments, (segments) => assert.deepEqual(collapsedHops(segments), pathShape(segments).hops)), { numRuns: 500 });
});
