import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import type { AsPathSegment } from '../lg/types';
import type { Asn } from '../net/asn';
import type { AspaDb, Direction, Verdict } from './types';
import { CompiledAspaDb } from './compiledDb';
import { aspaDbFrom, aspaVerdict, verifyAspaPath } from './verify';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

interface Case {
  id: string;
  aspas: Record<string, number[]>;
  path: (number | number[])[];
  direction: Direction;
  expect: Verdict;
}

function readCases(file: string): Case[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Case);
}

/** The corpus form (flat numbers, nested array = AS_SET) as segments. */
function segmentsOf(p: readonly (number | number[])[]): AsPathSegment[] {
  const out: AsPathSegment[] = [];
  for (const x of p) {
    if (Array.isArray(x)) out.push({ type: 'set', asns: x as Asn[] });
    else {
      const last = out[out.length - 1];
      if (last?.type === 'sequence') (last.asns as Asn[]).push(x as Asn);
      else out.push({ type: 'sequence', asns: [x as Asn] });
    }
  }
  return out;
}

const seq = (...asns: number[]): AsPathSegment[] => [{ type: 'sequence', asns: asns as Asn[] }];

function checkCases(cases: readonly Case[]): void {
  for (const c of cases) {
    const db = aspaDbFrom(Object.entries(c.aspas).map(([k, v]) => [Number(k), v] as const));
    const r = verifyAspaPath(segmentsOf(c.path), db, { direction: c.direction });
    assert.equal(r.verdict, c.expect, `${c.id}: ${r.reason}`);
    if (c.path.every((x) => typeof x === 'number')) {
      assert.equal(aspaVerdict(c.path, db, c.direction), c.expect, `${c.id} (verdict-only entry point)`);
      assert.equal(aspaVerdict(c.path, new CompiledAspaDb(db), c.direction), c.expect, `${c.id} (compiled)`);
    }
  }
}

test('in-repo fixture: the draft authors\' worked examples and APNIC\'s vectors', () => {
  const cases = readCases(path.join(__dirname, 'testdata', 'aspa_cases.jsonl'));
  assert.ok(cases.length >= 30);
  checkCases(cases);
});

test('every case of the shared ASPA corpus agrees with the draft formula', (t) => {
  const file = path.resolve(repoRoot, '../shared/corpora/aspa/aspa_cases.jsonl');
  if (!existsSync(file)) return t.skip('../shared not present');
  // All 43 source labels agree with the draft's formula; were one to differ, the draft wins and the
  // case would be listed here with the reason.
  checkCases(readCases(file));
});

test('§6 preconditions: empty path, neighbour mismatch (unless transparent RS client), AS_SET', () => {
  const db = aspaDbFrom([[1, [2]]]);
  assert.equal(verifyAspaPath([], db, { direction: 'upstream' }).verdict, 'invalid');
  assert.equal(verifyAspaPath([], db, { direction: 'downstream' }).verdict, 'invalid');
  const wrongNeighbour = verifyAspaPath(seq(2, 1), db, { direction: 'upstream', neighborAs: 3 as Asn });
  assert.equal(wrongNeighbour.verdict, 'invalid');
  assert.match(wrongNeighbour.reason, /neighbour AS3/);
  assert.equal(verifyAspaPath(seq(2, 1), db, { direction: 'upstream', neighborAs: 3 as Asn, transparentRsClient: true }).verdict, 'valid');
  assert.equal(verifyAspaPath(seq(2, 1), db, { direction: 'upstream', neighborAs: 2 as Asn }).verdict, 'valid');
  const withSet = verifyAspaPath([...seq(2, 1), { type: 'set', asns: [5, 6] as Asn[] }], db, { direction: 'downstream' });
  assert.equal(withSet.verdict, 'invalid');
  assert.match(withSet.reason, /AS_SET/);
});

test('hops are reported in printed orientation with indices into the collapsed path', () => {
  const db = aspaDbFrom([
    [1, [2]],
    [2, []],
  ]);
  const r = verifyAspaPath(seq(3, 3, 3, 2, 1, 1), db, { direction: 'upstream' });
  assert.deepEqual(r.path, [3, 2, 1]);
  assert.deepEqual(
    r.hops.map((h) => [h.from, h.to, h.result, h.fromIndex, h.toIndex]),
    [
      [2, 3, 'not-provider+', 1, 0],
      [1, 2, 'provider+', 2, 1],
    ],
  );
  assert.equal(r.verdict, 'invalid');
  assert.equal(r.leakHop?.from, 2);
  assert.equal(r.leakHop?.leaker, 3);
});

// The CANTV leak of 2026-01-02 as seen by the RIS peer AS24482 (our convention: neighbour first).
const CANTV = seq(24482, 52320, 8048, 8048, 8048, 8048, 8048, 8048, 8048, 8048, 8048, 6762, 1299, 269832, 21980);

test('CANTV upstream with only AS8048\'s ASPA: Unknown, and the what-if names AS6762 or an AS0 ASPA from AS1299', () => {
  // AS8048 (CANTV) declares its real providers: Sparkle and GlobeNet.
  const db = aspaDbFrom([[8048, [6762, 52320]]]);
  const r = verifyAspaPath(CANTV, db, { direction: 'upstream', neighborAs: 24482 as Asn });
  assert.equal(r.verdict, 'unknown');
  assert.deepEqual(r.path, [24482, 52320, 8048, 6762, 1299, 269832, 21980]);
  assert.ok(r.whatIf);
  assert.deepEqual(
    r.whatIf.suggestions.map((s) => [s.asn, s.kind, s.hop.from, s.hop.to]),
    [
      [6762, 'aspa', 6762, 8048],
      [1299, 'as0', 1299, 6762],
    ],
  );
  assert.equal(r.whatIf.text, 'An ASPA from AS6762 or an AS0 ASPA from AS1299 would make this path Invalid.');
  // Neither the origin's nor its provider's ASPA could help: they would list their real providers, on the path.
  assert.ok(!r.whatIf.suggestions.some((s) => s.asn === 21980 || s.asn === 269832 || s.asn === 52320));
});

test('CANTV upstream without any ASPA on the path: only transit-free networks can be named', () => {
  const r = verifyAspaPath(CANTV, aspaDbFrom([]), { direction: 'upstream' });
  assert.equal(r.verdict, 'unknown');
  assert.deepEqual(r.whatIf?.suggestions.map((s) => [s.asn, s.kind]), [
    [6762, 'as0'],
    [1299, 'as0'],
  ]);
});

test('CANTV with the ASPAs of examples/cantv: Invalid, AS8048 is the leaker, in both directions', () => {
  const db = aspaDbFrom([
    [21980, [269832]],
    [269832, [1299, 6762]],
    [1299, [0]],
    [6762, [0]],
    [8048, [6762, 52320]],
    [52320, [3356]],
  ]);
  const up = verifyAspaPath(CANTV, db, { direction: 'upstream' });
  assert.equal(up.verdict, 'invalid');
  assert.equal(up.leakHop?.leaker, 8048);
  assert.deepEqual([up.leakHop?.leakerIndex, up.leakHop?.sentTo, up.leakHop?.sentToIndex], [2, 52320, 1]);
  // Without AS52320's ASPA, AS8048's own ASPA still shows it sent a provider's route to another provider.
  const noGlobeNet = new Map(db);
  noGlobeNet.delete(52320 as Asn);
  const up2 = verifyAspaPath(CANTV, noGlobeNet, { direction: 'upstream' });
  assert.deepEqual([up2.leakHop?.leaker, up2.leakHop?.from, up2.leakHop?.to, up2.leakHop?.result], [8048, 8048, 52320, 'provider+']);
  // A customer of AS24482 receives it from its provider (downstream). Going down from AS24482, AS52320 and
  // AS8048 could be customers of each other as far as ASPA knows: only AS52320's own ASPA shows the valley.
  const down = verifyAspaPath(CANTV, noGlobeNet, { direction: 'downstream' });
  assert.equal(down.verdict, 'unknown', down.reason);
  assert.deepEqual(down.whatIf?.suggestions.map((s) => [s.asn, s.kind, s.hop.from, s.hop.to, s.hop.ramp]), [[52320, 'aspa', 52320, 8048, 'down']]);
  const withGlobeNet = db;
  const down2 = verifyAspaPath(CANTV, withGlobeNet, { direction: 'downstream' });
  assert.equal(down2.verdict, 'invalid', down2.reason);
  assert.equal(down2.leakHop?.leaker, 8048);
  assert.equal(aspaVerdict([24482, 52320, 8048, 8048, 6762, 1299, 269832, 21980], withGlobeNet, 'downstream'), 'invalid');
});

test('AS0 ASPA: the customer has no provider at all', () => {
  const db = aspaDbFrom([[1, [0]]]);
  assert.equal(verifyAspaPath(seq(2, 1), db, { direction: 'upstream' }).verdict, 'invalid');
  assert.equal(verifyAspaPath(seq(2, 1), db, { direction: 'downstream' }).verdict, 'valid');
});

// Property tests over a small AS universe so that paths and ASPAs meet often.
const asnArb = fc.integer({ min: 1, max: 8 });
const dbArb = fc
  .array(fc.tuple(asnArb, fc.uniqueArray(fc.integer({ min: 0, max: 8 }), { maxLength: 4 })), { maxLength: 8 })
  .map((e): AspaDb => aspaDbFrom(e));
const pathArb = fc.array(asnArb, { minLength: 1, maxLength: 8 });
const dirArb = fc.constantFrom<Direction>('upstream', 'downstream');
const RANK: Record<Verdict, number> = { valid: 0, unknown: 1, invalid: 2 };

test('property: prepending never changes the verdict', () => {
  fc.assert(
    fc.property(dbArb, pathArb, dirArb, fc.nat(), fc.integer({ min: 1, max: 5 }), (db, p, dir, at, times) => {
      const i = at % p.length;
      const prepended = [...p.slice(0, i), ...Array<number>(times).fill(p[i]!), ...p.slice(i)];
      const a = verifyAspaPath(seq(...p), db, { direction: dir }).verdict;
      assert.equal(verifyAspaPath(seq(...prepended), db, { direction: dir }).verdict, a);
      assert.equal(aspaVerdict(prepended, db, dir), a);
    }),
  );
});

test('property: the verdict-only entry point agrees with the full verifier', () => {
  fc.assert(
    fc.property(dbArb, pathArb, dirArb, (db, p, dir) => {
      const full = verifyAspaPath(seq(...p), db, { direction: dir }).verdict;
      assert.equal(aspaVerdict(p, db, dir), full);
      assert.equal(aspaVerdict(p, new CompiledAspaDb(db), dir), full);
    }),
  );
});

test('property: roles are consistent — downstream is symmetric under reversal and never stricter than upstream', () => {
  fc.assert(
    fc.property(dbArb, pathArb, (db, p) => {
      const down = verifyAspaPath(seq(...p), db, { direction: 'downstream' }).verdict;
      // Reversing the path swaps the up and down ramps; the downstream rule adds them, so it cannot change.
      assert.equal(verifyAspaPath(seq(...[...p].reverse()), db, { direction: 'downstream' }).verdict, down);
      // A route from a provider may come down after going up; one from a customer may only go up.
      assert.ok(RANK[down] <= RANK[verifyAspaPath(seq(...p), db, { direction: 'upstream' }).verdict]);
    }),
  );
});

test('property: an Unknown what-if suggestion, applied as described, really yields Invalid', () => {
  fc.assert(
    fc.property(dbArb, pathArb, dirArb, (db, p, dir) => {
      const r = verifyAspaPath(seq(...p), db, { direction: dir, transitFree: new Set([1, 2, 3]) });
      for (const s of r.whatIf?.suggestions ?? []) {
        if (s.kind !== 'as0') continue;
        const db2 = new Map(db);
        db2.set(s.asn, new Set());
        assert.equal(verifyAspaPath(seq(...p), db2, { direction: dir }).verdict, 'invalid');
      }
    }),
  );
});

test('CompiledAspaDb: large provider sets use the binary search and still answer exactly', () => {
  const providers = Array.from({ length: 40 }, (_, i) => 1000 + i * 7);
  const db = aspaDbFrom([[1, providers]]);
  const c = new CompiledAspaDb(db);
  for (const p of providers) assert.equal(c.authorized(1, p), 0);
  assert.equal(c.authorized(1, 1001), 2);
  assert.equal(c.authorized(2, 1000), 1);
});

test('the 27 RIS paths of the CANTV leak: Invalid with the example ASPAs (leaker AS8048), Unknown with only CANTV\'s', (t) => {
  const file = path.resolve(repoRoot, '../shared/corpora/aspa/cantv_observed_paths_2026-01-02.jsonl');
  if (!existsSync(file)) return t.skip('../shared not present');
  const observed = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { path: number[]; peer_asn: number });
  assert.equal(observed.length, 27);
  // examples/cantv/aspa.aspa, as a table (the loader has its own tests).
  const example = aspaDbFrom([
    [21980, [269832]],
    [269832, [1299, 6762]],
    [1299, [0]],
    [6762, [0]],
    [8048, [6762, 23520, 52320]],
    [23520, [1299]],
    [52320, [3356]],
  ]);
  const onlyCantv = aspaDbFrom([[8048, [6762, 23520, 52320]]]);
  for (const o of observed) {
    const opts = { direction: 'upstream' as const, neighborAs: o.peer_asn as Asn };
    const r = verifyAspaPath(seq(...o.path), example, opts);
    assert.equal(r.verdict, 'invalid', o.path.join(' '));
    assert.equal(r.leakHop?.leaker, 8048, r.reason);
    const u = verifyAspaPath(seq(...o.path), onlyCantv, opts);
    assert.equal(u.verdict, 'unknown');
    // The AS that handed the route to CANTV is named first: its honest ASPA cannot list its customer AS8048.
    const handedBy = o.path[o.path.lastIndexOf(8048) + 1]!;
    assert.deepEqual(u.whatIf?.suggestions[0] && [u.whatIf.suggestions[0].asn, u.whatIf.suggestions[0].kind], [handedBy, 'aspa']);
  }
});
