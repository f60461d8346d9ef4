/**
 * parseLookingGlass against real daemon output with known ground truth: every fixture that
 * test/lab/run.ts captured must parse to exactly the routes the lab injected, field by field, for
 * the fields that output prints (ground-truth.json says which).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseLookingGlass } from '../../server/src/core/lg/parse';
import type { LgRoute } from '../../server/src/core/lg/types';
import type { Field } from './daemon';
import type { GroundTruth, GroundTruthRoute } from './lab';

const FIXTURES = path.resolve(__dirname, '../fixtures/lab');
const truth = JSON.parse(readFileSync(path.join(FIXTURES, 'ground-truth.json'), 'utf8')) as GroundTruth;

/**
 * Outputs the parser does not read fully yet, with what it lacks. A todo subtest still runs and
 * reports; it just does not fail the suite. Remove an entry as soon as its fixture passes.
 */
const TODO: Readonly<Record<string, string>> = {};

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
  extCommunities: (r) => r.extCommunities.map((c) => [...c]).sort(byValue),
  otc: (r) => r.otc,
  rd: (r) => r.rd,
  vrf: (r) => r.vrf,
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
  // Kept as printed (`RT:64496:7`, `(rt, 64496, 7)`, `rt 64496:7`, `64496:7`): compare the numbers.
  extCommunities: (r) =>
    r.communities.flatMap((c) => (c.kind === 'extended' ? [(c.text.match(/\d+/g) ?? []).map(Number)] : [])).sort(byValue),
  otc: (r) => r.otc,
  rd: (r) => r.rd,
  vrf: (r) => r.vrf,
};

const pick = <R>(r: R, fields: readonly Field[], how: Record<Field, (r: R) => unknown>): Record<string, unknown> =>
  Object.fromEntries(fields.map((f) => [f, how[f](r)]));

for (const fx of truth.fixtures) {
  test(`lab fixture ${fx.file} (${fx.daemon}: ${fx.command})`, { todo: TODO[fx.file] }, () => {
    const text = readFileSync(path.join(FIXTURES, fx.file), 'utf8');
    const result = parseLookingGlass(text);
    // Every route of the view with a listed prefix: a VPN prefix may be there under several RDs.
    const wanted = (truth.views[fx.view] ?? []).filter((r) => fx.prefixes.includes(r.prefix));
    assert.deepEqual(
      result.routes.map((r) => r.prefix).sort(),
      wanted.map((r) => r.prefix).sort(),
      `${fx.file}: the parsed routes should be exactly the ${wanted.length} listed`,
    );
    const left = [...result.routes];
    for (const want of wanted) {
      // Paired by prefix and RD, so two RDs' routes for one prefix are not compared with each other.
      const at = left.findIndex((r) => r.prefix === want.prefix && (want.rd === undefined || r.rd === undefined || r.rd === want.rd));
      const got = left.splice(at, 1)[0];
      assert.ok(at >= 0 && got);
      assert.deepEqual(pick(got, fx.fields, ACTUAL), pick(want, fx.fields, EXPECTED), `${fx.file}: ${want.rd !== undefined ? `${want.rd}:` : ''}${want.prefix}`);
    }
  });
}
