/**
 * parseLookingGlass against real daemon output with known ground truth: every fixture that
 * test/lab/run.ts captured must parse to exactly the routes the lab injected, field by field, for
 * the fields that output prints (ground-truth.json says which).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LgParseResult, LgRoute } from '../../server/src/core/lg/types';
import type { Field } from './daemon';
import type { GroundTruth, GroundTruthRoute } from './lab';

const FIXTURES = path.resolve(__dirname, '../fixtures/lab');
const truth = JSON.parse(readFileSync(path.join(FIXTURES, 'ground-truth.json'), 'utf8')) as GroundTruth;

/**
 * Outputs the parser does not read fully yet, with what it lacks. A todo subtest still runs and
 * reports; it just does not fail the suite. Remove an entry as soon as its fixture passes.
 */
const TODO: Readonly<Record<string, string>> = {
  'gobgp__global-rib.txt': 'parser lacks the gobgp table with an Age column (gobgpd 3.10)',
  'gobgp__neighbor-127.0.1.2-adj-in.txt': 'parser lacks the gobgp adj-in table (ID column)',
  'frr__show-ip-bgp-json.txt': 'parser lacks frr-json (show ip bgp json)',
  'frr__show-bgp-ipv4-unicast-200.74.226.0_24.txt': 'parser lacks FRR detail `otc N` (RFC 9234)',
  'frr__show-bgp-ipv4-unicast-203.0.113.0_24.txt': 'parser lacks FRR detail `otc N` (RFC 9234)',
  'frr__show-bgp-ipv4-unicast-203.0.113.128_25.txt': 'parser lacks FRR detail `otc N` (RFC 9234)',
  'frr__show-bgp-ipv4-unicast-198.18.0.0_24.txt': 'parser lacks FRR detail `otc N` (RFC 9234)',
  'frr__show-bgp-ipv4-unicast-198.18.1.0_24.txt': 'parser lacks FRR detail `otc N` (RFC 9234)',
  'frr__show-bgp-ipv4-unicast-198.18.2.0_24.txt': 'parser lacks FRR detail `otc N` (RFC 9234)',
  'frr__show-bgp-ipv4-unicast-198.18.3.0_24.txt': 'parser lacks FRR detail `otc N` (RFC 9234)',
  'frr__show-bgp-ipv4-unicast-200.74.226.0_24-json.txt': 'parser lacks frr-json per-prefix detail',
  'frr__show-bgp-ipv4-unicast-203.0.113.0_24-json.txt': 'parser lacks frr-json per-prefix detail',
  'frr__show-bgp-ipv4-unicast-198.18.2.0_24-json.txt': 'parser lacks frr-json per-prefix detail',
  'bird__show-route.txt': 'parser lacks the origin of a BIRD short line without origin AS (`[?]`)',
  'openbgpd__show-rib-detail.txt': 'parser lacks an OpenBGPD detail entry without an AS path line (its own network)',
  'openbgpd__show-rib.txt': 'parser lacks the OpenBGPD 7.7 `show rib` table (flags ovs columns)',
  'openbgpd__-j-show-rib.txt': 'parser lacks openbgpd-json',
  'openbgpd__-j-show-rib-detail.txt': 'parser lacks openbgpd-json',
};

type Parse = (text: string) => LgParseResult;

/** The parser is written in parallel; loaded by a path tsc does not resolve so that its absence is not a type error. */
function loadParser(): Parse | undefined {
  const modulePath = path.resolve(__dirname, '../../server/src/core/lg/parse');
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(modulePath) as { parseLookingGlass?: Parse };
    return mod.parseLookingGlass;
  } catch {
    return undefined;
  }
}

const byValue = (a: readonly number[], b: readonly number[]): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
};

/** One comparable value per field; communities are sets (RFC 1997, RFC 8092), so order does not count. */
const EXPECTED: Record<Field, (r: GroundTruthRoute) => unknown> = {
  asPath: (r) => r.asPath.map((s) => ({ type: s.type, asns: [...s.asns] })),
  nextHop: (r) => r.nextHop,
  origin: (r) => r.origin,
  med: (r) => r.med,
  communities: (r) => r.communities.map((c) => [...c]).sort(byValue),
  largeCommunities: (r) => r.largeCommunities.map((c) => [...c]).sort(byValue),
  otc: (r) => r.otc,
};

const ACTUAL: Record<Field, (r: LgRoute) => unknown> = {
  asPath: (r) => r.asPath.map((s) => ({ type: s.type, asns: [...s.asns] })),
  nextHop: (r) => r.nextHop,
  origin: (r) => r.origin,
  med: (r) => r.med,
  communities: (r) =>
    r.communities
      .flatMap((c) => (c.kind === 'standard' || c.kind === 'well-known' ? [[c.asn, c.value]] : []))
      .sort(byValue),
  largeCommunities: (r) =>
    r.communities.flatMap((c) => (c.kind === 'large' ? [[c.global, c.local1, c.local2]] : [])).sort(byValue),
  otc: (r) => r.otc,
};

const pick = <R>(r: R, fields: readonly Field[], how: Record<Field, (r: R) => unknown>): Record<string, unknown> =>
  Object.fromEntries(fields.map((f) => [f, how[f](r)]));

const parse = loadParser();

for (const fx of truth.fixtures) {
  const todo = parse === undefined ? 'server/src/core/lg/parse.ts (parseLookingGlass) not there yet' : TODO[fx.file];
  test(`lab fixture ${fx.file} (${fx.daemon}: ${fx.command})`, { todo }, () => {
    assert.ok(parse, 'parseLookingGlass not available');
    const text = readFileSync(path.join(FIXTURES, fx.file), 'utf8');
    const result = parse(text);
    const view = truth.views[fx.view] ?? [];
    assert.deepEqual(
      result.routes.map((r) => r.prefix).sort(),
      [...fx.prefixes].sort(),
      `${fx.file}: the parsed routes should be exactly the ${fx.prefixes.length} listed`,
    );
    for (const prefix of fx.prefixes) {
      const want = view.find((r) => r.prefix === prefix);
      const got = result.routes.find((r) => r.prefix === prefix);
      assert.ok(want && got);
      assert.deepEqual(pick(got, fx.fields, ACTUAL), pick(want, fx.fields, EXPECTED), `${fx.file}: ${prefix}`);
    }
  });
}
