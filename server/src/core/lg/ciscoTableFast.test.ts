/**
 * The table row fast path (CiscoTableParser.fast) must give exactly what the general code gives. The
 * general code is forced by ending lines with CRLF: `cleanLine` strips the CR, so the text parsed is the
 * same, but the fast path declines any line holding a CR. Truth for the general code itself is in the
 * fixture and corpus tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { CiscoTableParser } from './ciscoTable';
import { LgStreamParser } from './parse';
import type { LgFormat, LgParseResult } from './types';

function parse(text: string, format: LgFormat | undefined, chunk = 1 << 16): LgParseResult & { steps: number } {
  const p = new LgStreamParser(format === undefined ? {} : { format });
  for (let i = 0; i < text.length; i += chunk) p.push(text.slice(i, i + chunk));
  const r = p.end();
  return { ...r, steps: p.steps };
}

/** How many lines the fast path took while `f` ran. */
function fastTaken(f: () => void): number {
  const proto = CiscoTableParser.prototype;
  const orig = proto.fast;
  let taken = 0;
  proto.fast = function (this: CiscoTableParser, t: string, u: Uint8Array, a: number, b: number, n: number): boolean {
    const ok = orig.call(this, t, u, a, b, n);
    if (ok) taken++;
    return ok;
  };
  try {
    f();
  } finally {
    proto.fast = orig;
  }
  return taken;
}

function assertSame(text: string, format: LgFormat | undefined, chunk?: number): void {
  const fast = parse(text, format, chunk);
  const general = parse(text.replace(/\n/g, '\r\n'), format, chunk);
  assert.deepEqual(fast.routes, general.routes);
  assert.deepEqual(fast.unparsed, general.unparsed);
  assert.equal(fast.steps, general.steps);
}

const HEADER = '     Network          Next Hop            Metric LocPrf Weight Path';

test('fast path: an IOS row gives the route IOS printed, and takes the plain rows only', () => {
  const text = [
    HEADER,
    ' *>  200.74.226.0/24  192.0.2.1                0    100      0 24482 52320 8048 8048 6762 1299 269832 21980 i',
    ' *                    198.51.100.7          2000             0 6939 1299 269832 21980 ?',
    ' *>  10.0.0.0/8       192.0.2.1                0             0 65001 {1,2} i',
    '',
  ].join('\n');
  let res: LgParseResult | undefined;
  const taken = fastTaken(() => {
    res = parse(text, 'cisco-ios');
  });
  assert.equal(taken, 2, 'the AS_SET row goes the general way');
  const [a, b, c] = res?.routes ?? [];
  assert.equal(res?.routes.length, 3);
  assert.equal(a?.prefix, '200.74.226.0/24');
  assert.equal(a?.nextHop, '192.0.2.1');
  assert.deepEqual([a?.med, a?.localPref, a?.weight, a?.origin, a?.best, a?.valid], [0, 100, 0, 'igp', true, true]);
  assert.deepEqual(a?.asPath, [{ type: 'sequence', asns: [24482, 52320, 8048, 8048, 6762, 1299, 269832, 21980] }]);
  assert.equal(a?.asPathText, '24482 52320 8048 8048 6762 1299 269832 21980');
  assert.equal(b?.prefix, '200.74.226.0/24');
  assert.deepEqual([b?.med, b?.localPref, b?.weight, b?.origin, b?.best], [2000, undefined, 0, 'incomplete', false]);
  assert.deepEqual(c?.asPath, [{ type: 'sequence', asns: [65001] }, { type: 'set', asns: [1, 2] }]);
  assertSame(text, 'cisco-ios');
});

function assertSameOnPastes(dir: string): void {
  const files = readdirSync(dir).filter((x) => x.endsWith('.txt'));
  assert.ok(files.length > 0);
  for (const f of files) {
    const text = readFileSync(path.join(dir, f), 'utf8');
    for (const format of [undefined, 'cisco-ios', 'cisco-iosxr', 'cisco-nxos', 'frr'] as const) assertSame(text, format);
  }
}

const repoRoot = path.resolve(__dirname, '../../../..');

test('fast path: same routes as the general code on every fixture', () => {
  assertSameOnPastes(path.join(repoRoot, 'test/lg/fixtures'));
});

test('fast path: same routes as the general code on every corpus paste', (t) => {
  const corpus = path.join(path.resolve(repoRoot, '../shared'), 'corpora/lg');
  if (!existsSync(corpus)) {
    t.skip('../shared not present');
    return;
  }
  assertSameOnPastes(corpus);
});

/** Pieces of table rows, put together in order with some shuffled in, so rows are nearly right. */
/** Mostly the plain form (so rows reach the fast path), sometimes an odd one (so they must leave it). */
const pick = (plain: readonly string[], odd: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof({ arbitrary: fc.constantFrom(...plain), weight: 5 }, { arbitrary: fc.constantFrom(...odd), weight: 1 });
const STATUS = pick([' *> ', ' *  ', '*>i', ' *>i', 'V*> ', 'I*  ', 'N*>', ' s> ', ' d  ', ' r> ', ' *m ', '*> ', '    '], ['E*> ', 'x', ' *\t', 'q*>', ' *>  ']);
const PREFIX = pick(['10.0.0.0/8', '200.74.226.0/24', '1.2.3.4/32', '123.123.123.128/25'], ['192.168.1.0', '2001:db8::/32', '1.2.3/24', '1.2.3.4/', '1.2.3.4/1234', '10.0.0.0/8x', '']);
const NEXT_HOP = pick(['192.0.2.1', '198.51.100.7', '0.0.0.0'], ['2001:db8::1', '-', '192.0.2.1x', '1.2.3', '']);
const NUMBER = pick(['0', '100', '2000', '32768', '4294967295', ''], ['12345678901', '-', 'x']);
const PATH = pick(
  ['24482 1299 21980 i', '6939 ?', '1 2 3', '174  3356   i  ', '701 e', '3356 I', '4294967295 E'],
  ['65001 {1,2} i', '3222 65401i', '1.65536 e', 'i', '?', 'E', 'IGP', '', '65001 4294967296 i', '65001, (Received from a RR-client)', '65001 (65002) i', '65001 ...', '65001\t2 i', '65001 &amp; i', '65001 <b>i</b>', '65001 \u2026', '65001\u00a0i', '\u0120701 i'],
);

const row = fc
  .record({
    status: STATUS,
    prefix: PREFIX,
    gap1: fc.integer({ min: 0, max: 20 }),
    nh: NEXT_HOP,
    nums: fc.array(fc.record({ v: NUMBER, w: fc.integer({ min: 0, max: 12 }) }), { maxLength: 4 }),
    path: PATH,
  })
  .map((r) => `${r.status}${r.prefix}${' '.repeat(r.gap1)} ${r.nh.padEnd(16)}${r.nums.map((x) => x.v.padStart(x.w)).join(' ')} ${r.path}`);
/** A prefix alone on its line (IOS wraps long ones), or the rest of such a route, or another path of it. */
const wrap = fc.oneof(
  fc.tuple(STATUS, PREFIX).map(([st, p]) => `${st}${p}`),
  fc.tuple(STATUS, fc.integer({ min: 0, max: 24 }), NEXT_HOP, PATH).map(([st, g, nh, p]) => `${st}${' '.repeat(g)}${nh.padEnd(16)}        0             0 ${p}`),
);
const rows = fc.array(fc.oneof({ arbitrary: row, weight: 3 }, { arbitrary: wrap, weight: 2 }), { maxLength: 30 });

test('fast path: same routes, unparsed lines and steps as the general code on generated rows', () => {
  const headers = [HEADER, '   Network            Next Hop            Metric LocPrf Weight Path', 'Network Next Hop Metric LocPrf Weight Path', ''];
  fc.assert(
    fc.property(
      fc.constantFrom(...headers),
      rows,
      fc.constantFrom<LgFormat>('cisco-ios', 'cisco-iosxr', 'cisco-nxos', 'frr', 'arista'),
      fc.integer({ min: 1, max: 400 }),
      (header, lines, format, chunk) => {
        assertSame([header, ...lines, ''].join('\n'), format, chunk);
      },
    ),
    { numRuns: 400 },
  );
});

test('fast path: another path under a wrapped prefix, and rows after a wrapped one', () => {
  const text = [
    HEADER,
    ' *>  123.123.123.128/25',
    '                      192.0.2.1                0             0 24482 1299 65001 i',
    ' *                    192.0.2.65               0             0 6939 1299 65001 i',
    ' *>  10.0.0.0/8',
    ' *>  11.0.0.0/8       192.0.2.1                0             0 3356 i',
    '',
  ].join('\n');
  assertSame(text, 'cisco-ios');
  const res = parse(text, 'cisco-ios');
  assert.deepEqual(
    res.routes.map((r) => [r.prefix, r.nextHop, r.lines.start, r.lines.end]),
    [
      ['123.123.123.128/25', '192.0.2.1', 1, 2],
      ['123.123.123.128/25', '192.0.2.65', 3, 3],
      ['11.0.0.0/8', '192.0.2.1', 5, 5],
    ],
  );
  assert.deepEqual(
    res.unparsed.map((u) => u.line),
    [4],
  );
});

/** Rows laid out as IOS prints them under HEADER (`%-17s%-16s%10s%7s%7s path`), the form of a real full table. */
const aligned = fc
  .record({ status: STATUS, prefix: PREFIX, nh: NEXT_HOP, metric: NUMBER, lp: NUMBER, w: NUMBER, path: PATH })
  .map((r) => `${r.status.padEnd(5).slice(0, 5)}${r.prefix.padEnd(17)}${r.nh.padEnd(16)}${r.metric.padStart(10)}${r.lp.padStart(7)}${r.w.padStart(7)} ${r.path}`);

test('fast path: generated rows do reach it', () => {
  // A chunk with any non-ASCII character goes the general way as a whole, so those rows are left out here.
  // Rows off the header's columns go the general way on purpose (it flags them), so the rows are aligned.
  const rows = fc.sample(aligned, { numRuns: 300, seed: 7 }).filter((r) => /^[\x20-\x7e]*$/.test(r));
  const taken = fastTaken(() => parse([HEADER, ...rows, ''].join('\n'), 'cisco-ios'));
  assert.ok(taken >= 30, `only ${taken} generated rows took the fast path`);
});
