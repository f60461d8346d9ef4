import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Asn } from '../net/asn';
import { formatPrefix, parsePrefix, prefixCovers, type Prefix } from '../net/prefix';
import { ROV_STATES, RovIndex } from './rovIndex';
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

/** The batch verdicts of `routes` through the columns a scan hands over (`statesV4`, `statesV6`), in the routes' order. */
function batchStates(idx: RovIndex, routes: readonly (readonly [Prefix, number | undefined])[]): string[] {
  const v4 = routes.map((r, i) => [r, i] as const).filter(([[p]]) => p.afi === 4);
  const v6 = routes.map((r, i) => [r, i] as const).filter(([[p]]) => p.afi === 6);
  const out: string[] = new Array<string>(routes.length);
  const states4 = new Uint8Array(v4.length).fill(255);
  idx.statesV4(
    Uint32Array.from(v4, ([[p]]) => p.words[0]!),
    Uint8Array.from(v4, ([[p]]) => p.length),
    Uint32Array.from(v4, ([[, o]]) => o ?? 0),
    states4,
  );
  v4.forEach(([, i], k) => (out[i] = ROV_STATES[states4[k]!]!));
  const words = new Uint32Array(4 * v6.length);
  v6.forEach(([[p]], k) => p.words.forEach((w, j) => (words[4 * k + j] = w)));
  const states6 = new Uint8Array(v6.length).fill(255);
  idx.statesV6(words, Uint8Array.from(v6, ([[p]]) => p.length), Uint32Array.from(v6, ([[, o]]) => o ?? 0), states6);
  v6.forEach(([, i], k) => (out[i] = ROV_STATES[states6[k]!]!));
  return out;
}

/**
 * Prefixes drawn around two /24s and two /48s, so that routes longer than the tables' blocks meet longer VRPs often;
 * and IPv6 prefixes on the edges of the /48 runs' /19 buckets and /27 parts (the second group's low five bits are
 * below a part), so that searches start in one part and end in the run of another.
 */
const arbNear = fc.oneof(
  fc.tuple(fc.constantFrom(0x0000, 0x0020, 0x0040, 0x1fe0, 0x2000, 0x2020, 0xffe0), fc.integer({ min: 0, max: 1 }), fc.integer({ min: 16, max: 56 })).map(([h, c, len]) =>
    pfx(`2001:${h.toString(16)}:${c}::/${len}`),
  ),
  fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 20, max: 32 })).map(([c, d, len]) => pfx(`10.0.${c}.${d}/${len}`)),
  fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 40, max: 64 })).map(([c, d, len]) =>
    pfx(`2001:db8:${c}:${(d << 8).toString(16)}::/${len}`),
  ),
  arbPrefix,
);

test('the /24 table and the /48 runs ask the forest for routes longer than their blocks where longer VRPs are', () => {
  const vrps = [vrp('10.0.1.128/25', 26, 5), vrp('10.0.0.0/16', 24, 6), vrp('2001:db8:0:100::/56', 56, 7), vrp('2001:db8::/32', 48, 8)];
  const idx = new RovIndex(vrps, { v4Table: true, v6Runs: true });
  const cases: [string, number, string][] = [
    ['10.0.1.192/26', 5, 'valid'],
    ['10.0.1.192/26', 6, 'invalid'],
    ['10.0.1.0/25', 6, 'invalid'],
    ['10.0.1.0/24', 6, 'valid'],
    ['10.0.2.0/24', 5, 'invalid'],
    ['10.1.0.0/24', 6, 'not-found'],
    ['2001:db8:0:100::/56', 7, 'valid'],
    ['2001:db8:0:100::/64', 7, 'invalid'],
    ['2001:db8::/48', 8, 'valid'],
    ['2001:db8:0:200::/56', 7, 'invalid'],
    ['2001:db9::/48', 8, 'not-found'],
  ];
  const batch = batchStates(idx, cases.map(([p, origin]) => [pfx(p), origin]));
  cases.forEach(([p, origin, want], i) => {
    assert.equal(idx.validateOrigin(pfx(p), origin as Asn).state, want, p);
    assert.equal(idx.originState(pfx(p), origin as Asn), want, p);
    assert.equal(batch[i], want, p);
  });
});

test('property: the /24 table, the /48 runs and batches give validateOrigin().state', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(arbNear, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 8 })), { minLength: 4, maxLength: 30 }),
      fc.array(fc.tuple(arbNear, fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined })), { minLength: 8, maxLength: 30 }),
      (list, routes) => {
        const vrps = list.map(([p, asn, slack]) => ({ prefix: p, maxLength: Math.min(p.afi === 4 ? 32 : 128, p.length + slack), asn: asn as Asn }));
        const plain = new RovIndex(vrps, { v4Table: false, v6Runs: false });
        const tables = new RovIndex(vrps, { v4Table: true, v6Runs: true });
        const batch = batchStates(tables, routes);
        const plainBatch = batchStates(plain, routes);
        routes.forEach(([route, origin], i) => {
          const want = plain.validateOrigin(route, origin as Asn | undefined).state;
          assert.equal(tables.originState(route, origin as Asn | undefined), want);
          assert.equal(plain.originState(route, origin as Asn | undefined), want);
          assert.equal(batch[i], want);
          assert.equal(plainBatch[i], want);
        });
      },
    ),
    { numRuns: 100 },
  );
});

/** RFC 6811 §2 read literally over the whole VRP list: the reference the index's fast paths must agree with. */
function naiveState(vrps: readonly Vrp[], route: Prefix, origin: number | undefined): string {
  const covering = vrps.filter((v) => prefixCovers(v.prefix, route));
  if (covering.length === 0) return 'not-found';
  const matched = covering.some((v) => origin !== undefined && origin !== 0 && v.asn === origin && route.length <= v.maxLength);
  return matched ? 'valid' : 'invalid';
}

test('property: batches (tables forced on and off), originState and validateOrigin equal a naive RFC 6811 scan of every VRP', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(arbNear, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 8 })), { maxLength: 40 }),
      fc.array(fc.tuple(arbNear, fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined })), { minLength: 1, maxLength: 40 }),
      (list, routes) => {
        const vrps = list.map(([p, asn, slack]) => ({ prefix: p, maxLength: Math.min(p.afi === 4 ? 32 : 128, p.length + slack), asn: asn as Asn }));
        for (const options of [{ v4Table: true, v6Runs: true }, { v4Table: false, v6Runs: false }]) {
          const idx = new RovIndex(vrps, options);
          const batch = batchStates(idx, routes);
          routes.forEach(([route, origin], i) => {
            const want = naiveState(vrps, route, origin);
            const at = `${formatPrefix(route)} AS${origin}`;
            assert.equal(batch[i], want, at);
            assert.equal(idx.originState(route, origin as Asn | undefined), want, at);
            if (route.afi === 4) assert.equal(idx.originStateV4(route.words[0]!, route.length, origin ?? 0), want, at);
            assert.equal(idx.validateOrigin(route, origin as Asn | undefined).state, want, at);
          });
        }
      },
    ),
    { numRuns: 300 },
  );
});

test('property: batches longer than one pass of the lookup (256 rows) give the naive verdict on every row', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(arbNear, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 8 })), { minLength: 1, maxLength: 40 }),
      fc.array(fc.tuple(arbNear, fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined })), { minLength: 257, maxLength: 700 }),
      (list, routes) => {
        const vrps = list.map(([p, asn, slack]) => ({ prefix: p, maxLength: Math.min(p.afi === 4 ? 32 : 128, p.length + slack), asn: asn as Asn }));
        for (const options of [{ v4Table: true, v6Runs: true }, { v4Table: false, v6Runs: false }]) {
          const batch = batchStates(new RovIndex(vrps, options), routes);
          routes.forEach(([route, origin], i) => assert.equal(batch[i], naiveState(vrps, route, origin), `${formatPrefix(route)} AS${origin}`));
        }
      },
    ),
    { numRuns: 20 },
  );
});
