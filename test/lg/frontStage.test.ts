/**
 * The front stage on the reformattings the issue saw in real pastes: a row an 80-column terminal
 * wrapped inside an ASN (NX-OS, `645` + `12` must give AS64512, not AS645 and AS12), automation log
 * lines around the output (unicon/pyATS), and a paste of two commands' outputs. The rows are NX-OS's own
 * layout (ntc-templates' cisco_nxos show_ip_bgp sample in ../shared/corpora/lg) with longer paths.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLookingGlass } from '../../server/src/core/lg/parse';
import type { LgRoute } from '../../server/src/core/lg/types';

const NXOS_HEAD = [
  'Status: s-suppressed, x-deleted, S-stale, d-dampened, h-history, *-valid, >-best',
  'Path type: i-internal, e-external, c-confed, l-local, a-aggregate, r-redist, I-injected',
  'Origin codes: i - IGP, e - EGP, ? - incomplete, | - multipath, & - backup',
  '',
  '   Network            Next Hop            Metric     LocPrf     Weight Path',
];
const ROW = '*>e10.10.0.101/32     10.10.1.1                                      0 64101 4200000011 64512 65000 i';

const flat = (r: LgRoute | undefined): number[] => (r?.asPath ?? []).flatMap((s) => [...s.asns]);

function wrapAt80(line: string): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > 80) {
    out.push(rest.slice(0, 80));
    rest = rest.slice(80);
  }
  return [...out, rest];
}

test('an NX-OS row wrapped at 80 columns inside an ASN gives the whole ASN', () => {
  // Column 80 falls inside 4200000011 here: `42000000` + `11 64512 65000 i`.
  const pieces = wrapAt80(ROW);
  assert.equal(pieces.length, 2);
  const r = parseLookingGlass([...NXOS_HEAD, ...pieces, '*>e10.10.0.102/32     10.10.2.1                                      0 64102 i', ''].join('\n'));
  assert.equal(r.format, 'cisco-nxos');
  assert.deepEqual(r.unparsed, []);
  assert.deepEqual(flat(r.routes[0]), [64101, 4200000011, 64512, 65000]);
  assert.deepEqual(flat(r.routes[1]), [64102]);
  for (const first of ['1', '12', '123', '1234', '12345', '123456', '1234567', '12345678', '123456789']) {
    // The cut at every place of the path: inside an ASN, on a blank, before the origin code.
    const row = ROW.replace('64101', first);
    const got = parseLookingGlass([...NXOS_HEAD, ...wrapAt80(row), ''].join('\n'));
    assert.deepEqual(flat(got.routes[0]), [Number(first), 4200000011, 64512, 65000], `first AS ${first}`);
    assert.equal(got.routes[0]?.origin, 'igp');
    assert.equal(got.routes[0]?.pathUncertain, undefined);
  }
});

test('a row whose blank at column 80 was dropped when copied is rejoined with the blank', () => {
  const row = `${ROW.slice(0, 79 - '64512'.length - 1)} 64512`; // ends at column 79, a blank at 80 dropped
  const padded = row.padEnd(79, ' ');
  const r = parseLookingGlass([...NXOS_HEAD, padded.trimEnd().length === 79 ? padded : row, '65000 i', ''].join('\n'));
  assert.deepEqual(flat(r.routes[0]).slice(-2), [64512, 65000]);
});

test('automation log lines and prompts are set aside and reported as skipped', () => {
  const text = [
    "2024-01-01 12:00:00,123: %UNICON-INFO: +++ nx1 with via 'cli': executing command 'show ip bgp' +++",
    'nx1# show ip bgp',
    ...NXOS_HEAD,
    ROW,
    '',
    'nx1#',
    '[2024-01-01 12:00:01,456] INFO: command finished',
  ].join('\n');
  const r = parseLookingGlass(text);
  assert.equal(r.format, 'cisco-nxos');
  assert.deepEqual(r.unparsed, []);
  assert.equal(r.routes.length, 1);
  assert.deepEqual(
    (r.skipped ?? []).map((k) => [k.line, k.kind]),
    [
      [0, 'log'],
      [1, 'prompt'],
      [9, 'prompt'],
      [10, 'log'],
    ],
  );
});

test('two commands in one paste give the routes of both, each read in its own format', () => {
  const text = [
    'nx1# show ip bgp',
    ...NXOS_HEAD,
    ROW,
    '',
    'user@mx1> show route receive-protocol bgp 192.0.2.1',
    '',
    'inet.0: 3 destinations, 3 routes (3 active, 0 holddown, 0 hidden)',
    '  Prefix\t\t  Nexthop\t       MED     Lclpref    AS path',
    '* 198.51.100.0/24         192.0.2.1                               174 13335 I',
    '',
  ].join('\n');
  const r = parseLookingGlass(text);
  assert.deepEqual(r.unparsed, []);
  assert.deepEqual(
    r.routes.map((x) => [x.prefix, flat(x)]),
    [
      ['10.10.0.101/32', [64101, 4200000011, 64512, 65000]],
      ['198.51.100.0/24', [174, 13335]],
    ],
  );
  assert.deepEqual(
    r.blocks?.map((b) => b.format),
    ['cisco-nxos', 'junos'],
  );
});
