import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseLookingGlass } from '../lg/parse';
import type { Asn } from '../net/asn';
import { parseRelationships } from '../paths/relationships';
import { aspaImpact } from './impact';
import { loadAspaData } from './loader';
import { type ObservedRoute, observedRoutes, PathEvidence } from './pathEvidence';
import { suggestProviders } from './suggestProviders';
import { aspaVerdict, aspaDbFrom } from './verify';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const example = (f: string) => readFileSync(path.join(root, 'examples', 'cantv', f), 'utf8');
const asn = (n: number) => n as Asn;

/** Route Views' view of the leak (examples/cantv, from the published incident write-ups): 8 leaked routes, 1 normal one. */
const routeViews = observedRoutes(parseLookingGlass(example('cantv-route-views.txt')).routes, 'cantv-route-views.txt');

/** The 27 paths RIPE RIS collectors saw during the leak, with their peers as vantage points (../shared, when present). */
const risFile = path.join(root, '..', 'shared', 'corpora', 'aspa', 'cantv_observed_paths_2026-01-02.jsonl');
const ris: ObservedRoute[] = existsSync(risFile)
  ? readFileSync(risFile, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { prefix: string; path: number[]; peer_ip: string; unix: number })
      .map((r) => ({ prefix: r.prefix, path: r.path.filter((a, i) => a !== r.path[i - 1]) as Asn[], vantage: r.peer_ip, source: 'ris', time: r.unix }))
  : [];

const relationships = parseRelationships(example('cantv.as-rel2.txt')).relationships;

test('the Route Views paste gives 9 observed routes, prepends removed', () => {
  assert.equal(routeViews.length, 9);
  assert.deepEqual(routeViews[1]!.path, [24482, 52320, 8048, 6762, 1299, 269832, 21980]);
});

test("suggest: Dayco's and its upstream's providers come from the paths; AS8048 is not Sparkle's provider once relationships say it is its customer", () => {
  const evidence = PathEvidence.of(routeViews);
  const dayco = suggestProviders(asn(21980), { paths: evidence });
  assert.deepEqual(dayco.providers.map((p) => p.asn), [269832]);
  assert.match(dayco.providers[0]!.evidence[0]!, /seen upstream of AS21980 in 9 paths from 1 vantage point, passing AS21980's routes on in 9/);

  // From the paths alone, AS8048 received Sparkle's routes and passed them on: it looks like a provider. It is the leak.
  const fromPaths = suggestProviders(asn(6762), { paths: evidence });
  assert.deepEqual(fromPaths.providers.map((p) => p.asn), [8048]);
  assert.equal(fromPaths.providers[0]!.confidence, 'low');
  // With the AS relationships, AS8048 is Sparkle's customer: listed apart, never as a provider.
  const withRel = suggestProviders(asn(6762), { paths: evidence, relationships });
  assert.deepEqual(withRel.providers, []);
  assert.deepEqual(withRel.notProviders.map((n) => [n.asn, n.looksLike]), [[8048, 'customer']]);

  // With its aut-num (examples/cantv): CANTV imports ANY from Sparkle and GlobeNet and exports only its customers' routes.
  const cantv = suggestProviders(asn(8048), {
    paths: evidence,
    relationships,
    autNums: new Map([
      [
        asn(8048),
        {
          asn: asn(8048),
          imports: [6762, 52320].map((p) => ({ peer: asn(p), acceptsAny: true })),
          exports: [6762, 52320].map((p) => ({ peer: asn(p), announcesAny: false })),
          uri: '',
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        },
      ],
    ]),
  });
  assert.deepEqual(cantv.providers.map((p) => [p.asn, p.confidence]), [
    [6762, 'high'],
    [52320, 'high'],
  ]);
});

test('suggest with the RIS collectors: two vantage points make the evidence wider', { skip: ris.length === 0 && '../shared/corpora/aspa not present' }, () => {
  const evidence = PathEvidence.of(ris);
  const upstream = suggestProviders(asn(269832), { paths: evidence, relationships });
  assert.deepEqual(upstream.providers.map((p) => [p.asn, p.confidence]), [[1299, 'high']]);
  assert.match(upstream.providers[0]!.evidence[0]!, /in 27 paths from 2 vantage points/);
});

test('impact: an AS0 ASPA for Sparkle turns the leaked routes Invalid at the hop AS6762 → AS8048, and nothing else changes', () => {
  const routes = [...routeViews, ...ris];
  const proposed = aspaDbFrom([[6762, [0]]]);
  const impact = aspaImpact(PathEvidence.of(routes), new Map(), proposed);
  const through6762 = routes.filter((r) => r.path.includes(asn(6762)));
  // Received from a customer or peer (upstream) the leak is caught; from a provider (downstream, as a collector's
  // full feed) the path may legitimately come down from AS6762's provider side, so it stays Unknown.
  assert.equal(impact.changes.length, through6762.length);
  for (const c of impact.changes) {
    assert.equal(c.direction, 'upstream');
    assert.equal(c.before, 'unknown');
    assert.equal(c.after, 'invalid');
    assert.deepEqual(c.hop, { from: 6762, to: 8048 });
    assert.deepEqual(c.keepBy, { customer: 6762, addProvider: 8048 });
  }
  assert.equal(impact.untouched, routes.length - through6762.length);
});

test('impact: GlobeNet (AS52320) declaring only AS3356 turns the leak Invalid where it received it (8048→52320), and names AS8048 — adding AS24482, where it sent it, would change nothing', () => {
  const leaked = routeViews.filter((r) => r.path.includes(asn(52320)) && r.path.includes(asn(8048)));
  assert.ok(leaked.length > 0);
  // The example's other declarations as published; GlobeNet's is the one proposed.
  const baseline = new Map(loadAspaData(example('aspa.aspa'), 'aspa.aspa').db);
  baseline.delete(asn(52320));
  const impact = aspaImpact(PathEvidence.of(leaked), baseline, aspaDbFrom([[52320, [3356]]]), ['downstream']);
  assert.equal(impact.changes.length, leaked.length);
  for (const c of impact.changes) {
    assert.deepEqual([c.before, c.after], ['unknown', 'invalid']);
    // The down-ramp from the vantage point stops at 52320: its ASPA does not list the AS it got the route from.
    assert.deepEqual(c.hop, { from: 8048, to: 52320 });
    assert.deepEqual(c.keepBy, { customer: 52320, addProvider: 8048 });
    // The advice is tried, not guessed: with AS8048 added the route is back to its old verdict.
    assert.equal(aspaVerdict(c.route.path, new Map(baseline).set(asn(52320), new Set([asn(3356), asn(8048)])), 'downstream'), 'unknown');
  }
});

test('impact: Dayco forgetting its only provider invalidates every observed route of its prefixes, naming the provider to add', () => {
  const current = loadAspaData(example('aspa.aspa'), 'aspa.aspa').db;
  const forgot = aspaDbFrom([[21980, [0]]]);
  const impact = aspaImpact(PathEvidence.of(routeViews), current, forgot);
  // The normal route (6939 1299 269832 21980), as Route Views' full feed from AS6939 delivers it (downstream), was
  // valid; the leaked ones were invalid already both ways and stay so.
  const normal = routeViews.find((r) => r.path[0] === 6939)!;
  assert.equal(aspaVerdict(normal.path, current, 'downstream'), 'valid');
  assert.deepEqual(
    impact.changes.map((c) => [c.route.prefix, c.direction, c.before, c.after, c.hop, c.keepBy]),
    [[normal.prefix, 'downstream', 'valid', 'invalid', { from: 21980, to: 269832 }, { customer: 21980, addProvider: 269832 }]],
  );
  // 8 leaked routes × 2 directions, and the normal one upstream (AS6939 may not send a peer's route up).
  assert.equal(impact.unchanged.invalid, 17);
  // The current declaration against itself changes nothing.
  assert.deepEqual(aspaImpact(PathEvidence.of(routeViews), current, current).changes, []);
});

test('property: adding a provider to a declaration never turns an observed Valid route Invalid; impact of an ASPA against itself is empty', () => {
  const small = fc.integer({ min: 1, max: 8 });
  fc.assert(
    fc.property(
      fc.array(fc.tuple(small, fc.array(small, { maxLength: 3 })), { maxLength: 8 }),
      fc.array(fc.array(small, { minLength: 2, maxLength: 6 }), { minLength: 1, maxLength: 10 }),
      small,
      small,
      fc.constantFrom('upstream' as const, 'downstream' as const),
      (entries, paths, customer, provider, direction) => {
        const db = aspaDbFrom(entries);
        const routes = paths.map((p, i) => ({ prefix: `10.${i}.0.0/16`, path: p.filter((a, j) => a !== p[j - 1]) as Asn[], vantage: 'v', source: 's' }));
        const widened = new Map(db);
        widened.set(asn(customer), new Set([...(db.get(asn(customer)) ?? []), asn(provider)]));
        const evidence = PathEvidence.of(routes);
        const impact = aspaImpact(evidence, db, new Map([[asn(customer), widened.get(asn(customer))!]]), [direction]);
        for (const c of impact.changes) assert.ok(!(c.before === 'valid' && c.after === 'invalid'), JSON.stringify(c));
        assert.deepEqual(aspaImpact(evidence, db, db, [direction]).changes, []);
      },
    ),
    { numRuns: 300 },
  );
});

test('in the editor: a declaration that forgets a provider gets a warning with the fix, a lens with the count', async () => {
  const { checkAgainstObserved, observedLenses } = await import('./observedChecks');
  const { parseAspaText } = await import('./loader');
  const { LineIndex } = await import('../text/lineIndex');
  const evidence = PathEvidence.of(routeViews);
  const observed = { evidence, label: '9 observed routes from 1 file' };
  const text = 'AS21980 => AS0\nAS6762 => AS0\n';
  const decls = parseAspaText(text, 'x.aspa').declarations;
  const found = checkAgainstObserved(decls, observed, new Map());
  const forgot = found.find((d) => d.severity === 'warning')!;
  assert.equal(forgot.code, 'aspa/observed-routes-invalidated');
  // Nothing published yet (empty baseline): all 9 routes of Dayco's prefixes go from Unknown to Invalid.
  assert.match(forgot.message, /^With this ASPA, 9 observed routes through AS269832 \(e\.g\. 200\.74\.226\.0\/24 via 6939 1299 269832 21980, cantv-route-views\.txt\) become Invalid: /);
  assert.deepEqual(forgot.fixes?.[0]?.edits.map((e) => [text.slice(e.span.start, e.span.end), e.newText]), [['AS0', 'AS269832']]);
  // Sparkle's AS0 makes the leaked routes Invalid at AS6762 → AS8048. From paths alone AS8048 is no peer or customer
  // of Sparkle's (it passed the routes on), so this is a warning too; the fix would add the leaker — the message says
  // to add it only if it is a provider.
  const sparkle = found.filter((d) => d.span.start === text.indexOf('AS6762'));
  assert.equal(sparkle.length, 1);
  assert.match(sparkle[0]!.message, /8 observed routes through AS8048/);
  const lenses = observedLenses(decls, observed, new Map(), new LineIndex(text));
  assert.deepEqual(lenses.map((l) => l.command?.title), [
    'with this ASPA: 9 observed routes become Invalid · 0 others through AS21980 (9 observed routes from 1 file)',
    'with this ASPA: 8 observed routes become Invalid · 0 others through AS6762 (9 observed routes from 1 file)',
  ]);
});
