import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Asn } from '../net/asn';
import { formatPrefix, parsePrefix, prefixCovers, type Prefix } from '../net/prefix';
import { RovIndex } from './rovIndex';
import { vrpKey, type Vrp } from './types';

const pfx = (s: string): Prefix => {
  const p = parsePrefix(s);
  assert.ok(p.ok, s);
  return p.prefix;
};
const vrp = (p: string, maxLength: number, asn: number): Vrp => ({ prefix: pfx(p), maxLength, asn: asn as Asn });
const state = (idx: RovIndex, p: string, origin: number | undefined) => idx.validateOrigin(pfx(p), origin as Asn | undefined).state;

test('RFC 6811 §2: valid needs a covering VRP with the origin and a max length that allows the route', () => {
  const idx = new RovIndex([vrp('192.0.2.0/24', 24, 64496)]);
  assert.equal(state(idx, '192.0.2.0/24', 64496), 'valid');
  assert.equal(state(idx, '192.0.2.0/24', 64497), 'invalid'); // wrong origin
  assert.equal(state(idx, '192.0.2.128/25', 64496), 'invalid'); // longer than maxLength
  assert.equal(state(idx, '192.0.0.0/16', 64496), 'not-found'); // less specific: not covered
  assert.equal(state(idx, '198.51.100.0/24', 64496), 'not-found');
});

test('RFC 6811: any matching VRP among several covering ones makes the route valid', () => {
  const idx = new RovIndex([vrp('10.0.0.0/8', 24, 1), vrp('10.1.0.0/16', 16, 2)]);
  const r = idx.validateOrigin(pfx('10.1.0.0/16'), 1 as Asn);
  assert.equal(r.state, 'valid');
  assert.deepEqual(r.matched.map((v) => v.asn), [1]);
  assert.deepEqual(r.covering.map((v) => formatPrefix(v.prefix)).sort(), ['10.0.0.0/8', '10.1.0.0/16']);
  assert.equal(state(idx, '10.1.0.0/16', 2), 'valid');
  assert.equal(state(idx, '10.1.1.0/24', 2), 'invalid'); // AS2 only up to /16; the /8 names AS1
  assert.equal(state(idx, '10.1.1.0/24', 1), 'valid');
  assert.equal(state(idx, '10.1.1.0/25', 1), 'invalid');
});

test('RFC 6483 §4 / RFC 7607: an AS0 VRP covers but never matches; origin NONE (AS_SET) never matches', () => {
  const idx = new RovIndex([vrp('203.0.113.0/24', 32, 0)]);
  assert.equal(state(idx, '203.0.113.0/24', 0), 'invalid');
  assert.equal(state(idx, '203.0.113.0/25', 64496), 'invalid');
  const both = new RovIndex([vrp('203.0.113.0/24', 24, 64496)]);
  assert.equal(state(both, '203.0.113.0/24', undefined), 'invalid');
});

test('IPv6, including lengths beyond /52 that use the long key', () => {
  const idx = new RovIndex([vrp('2001:db8::/32', 48, 64497), vrp('2001:db8:0:1::/64', 64, 64498), vrp('::/0', 0, 64499)]);
  assert.equal(state(idx, '2001:db8:1::/48', 64497), 'valid');
  assert.equal(state(idx, '2001:db8:1::/49', 64497), 'invalid');
  assert.equal(state(idx, '2001:db8:0:1::/64', 64498), 'valid');
  assert.equal(state(idx, '2001:db8:0:2::/64', 64498), 'invalid');
  assert.equal(state(idx, '::/0', 64499), 'valid');
  assert.equal(idx.covering(pfx('2001:db8:0:1::/64')).length, 3);
  // IPv4 and IPv6 never mix.
  assert.equal(state(idx, '0.0.0.0/0', 64499), 'not-found');
});

/** A random prefix drawn so that collisions and nesting are common. */
const arbPrefix = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 32 })).map(([hi, len]) => pfx(`${hi << 4}.${hi}.0.0/${len}`)),
  fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 128 })).map(([a, b, len]) =>
    pfx(`2001:db8:${a}::${b}:0/${len}`),
  ),
);

test('property: covering() equals a brute-force scan with prefixCovers', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(arbPrefix, fc.integer({ min: 0, max: 3 })), { maxLength: 40 }), arbPrefix, (list, route) => {
      const vrps = list.map(([p, asn]) => ({ prefix: p, maxLength: p.length, asn: asn as Asn }));
      const idx = new RovIndex(vrps);
      const got = idx.covering(route).map(vrpKey).sort();
      const want = vrps.filter((v) => prefixCovers(v.prefix, route)).map(vrpKey).sort();
      assert.deepEqual(got, want);
    }),
    { numRuns: 300 },
  );
});

test('property: originState() (typed arrays, no allocation) equals validateOrigin().state', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(arbPrefix, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 8 })), { maxLength: 40 }),
      arbPrefix,
      fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      (list, route, origin) => {
        const vrps = list.map(([p, asn, slack]) => ({ prefix: p, maxLength: Math.min(p.afi === 4 ? 32 : 128, p.length + slack), asn: asn as Asn }));
        const idx = new RovIndex(vrps);
        assert.equal(idx.originState(route, origin as Asn | undefined), idx.validateOrigin(route, origin as Asn | undefined).state);
      },
    ),
    { numRuns: 500 },
  );
});
