/**
 * ASPA authoring against real daemons (issue 19): gobgpd injects every valley-free path of a small Internet whose
 * relationships we chose (aspaScenario.ts), FRR, BIRD and OpenBGPD receive them, and their own CLI output is the
 * evidence. Suggestions must name exactly the true providers; the impact of an ASPA that forgets one must list
 * exactly the routes that cross the forgotten link.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { aspaImpact } from '../../server/src/core/aspa/impact';
import { type ObservedRoute, observedRoutes, PathEvidence } from '../../server/src/core/aspa/pathEvidence';
import { suggestProviders } from '../../server/src/core/aspa/suggestProviders';
import { aspaDbFrom, aspaVerdict } from '../../server/src/core/aspa/verify';
import { parseLookingGlass } from '../../server/src/core/lg/parse';
import type { Asn } from '../../server/src/core/net/asn';
import { ALL_RECEIVERS, labUnavailable, runLab } from './lab';
import { runCmd, waitFor } from './processes';
import { A, AUTHORED, B, C, PROVIDERS, SCENARIO_ROUTES } from './aspaScenario';
import { GOBGP, INJECT_NEXT_HOP, type Receiver } from './routes';

/** The table command each receiver's looking glass would run. */
const TABLE: Readonly<Record<Receiver, string>> = { frr: 'show ip bgp', bird: 'show route all', openbgpd: 'show rib' };

const asn = (n: number) => n as Asn;
const sorted = (xs: Iterable<number>) => [...xs].sort((x, y) => x - y);

test('ASPA authoring on paths real daemons hold: suggestions name exactly the true providers; impact lists exactly the routes a forgotten provider breaks', { timeout: 180_000 }, async (t) => {
  const why = await labUnavailable();
  if (why) {
    t.skip(`lab skipped: ${why}`);
    return;
  }
  const tables = new Map<Receiver, string>();
  await runLab({
    timeoutMs: 90_000,
    async afterReady({ dir, daemons }) {
      const target = ['--target', `unix://${path.join(dir, 'gobgp', 'gobgp.sock')}`];
      for (const r of SCENARIO_ROUTES) {
        const args = [...target, 'global', 'rib', 'add', r.prefix, 'aspath', r.path.join(' '), 'nexthop', INJECT_NEXT_HOP, 'origin', 'igp'];
        const res = await runCmd('gobgp', args);
        if (res.code !== 0) throw new Error(`gobgp ${args.join(' ')}: ${res.stderr || res.stdout}`);
      }
      for (const receiver of ALL_RECEIVERS) {
        const capture = daemons.find((d) => d.name === receiver)?.captures().find((c) => c.command === TABLE[receiver]);
        assert.ok(capture, `${receiver}: no capture for ${TABLE[receiver]}`);
        const [cmd, ...args] = capture.argv;
        const text = await waitFor(
          `${receiver} to hold the scenario's ${SCENARIO_ROUTES.length} routes`,
          async () => {
            const res = await runCmd(cmd!, args);
            return res.code === 0 && SCENARIO_ROUTES.every((r) => res.stdout.includes(r.prefix)) ? res.stdout : undefined;
          },
          60_000,
          500,
        );
        tables.set(receiver, text);
      }
    },
  });

  // Each receiver is one vantage point; its table, as its looking glass prints it, is the evidence.
  const observed: ObservedRoute[] = [];
  const inScenario = new Set(SCENARIO_ROUTES.map((r) => r.prefix));
  for (const [receiver, text] of tables) {
    const routes = observedRoutes(parseLookingGlass(text).routes, receiver).filter((r) => inScenario.has(r.prefix));
    // The parser reads back exactly what was injected, gobgpd's AS first.
    const expected = SCENARIO_ROUTES.map((r) => [r.prefix, [GOBGP.asn, ...r.path].join(' ')]);
    assert.deepEqual(
      routes.map((r) => [r.prefix, r.path.join(' ')]).sort(),
      expected.sort(),
      `${receiver}: ${TABLE[receiver]} read back`,
    );
    observed.push(...routes);
  }
  const evidence = PathEvidence.of(observed);

  for (const customer of AUTHORED) {
    const s = suggestProviders(asn(customer), { paths: evidence });
    const confident = s.providers.filter((p) => p.confidence !== 'low');
    assert.deepEqual(
      confident.map((p) => p.asn),
      sorted(PROVIDERS.get(customer) ?? []),
      `AS${customer}: ${JSON.stringify(s.providers)}`,
    );
    // What remains as a weak candidate is only ever the vantage points' own neighbour, gobgpd: seen next to the
    // customer but never passing its routes on, as a peer or a customer looks too. It is never a provider here.
    for (const weak of s.providers.filter((p) => p.confidence === 'low')) assert.equal(weak.asn, GOBGP.asn, `AS${customer}`);
  }
  // The Tier-1s pass each other's routes on toward their customers: peers, set apart.
  assert.deepEqual(
    suggestProviders(asn(64496), { paths: evidence }).notProviders.map((n) => [n.asn, n.looksLike]),
    [[64497, 'peer']],
  );

  // Everyone's true ASPA published; C then forgets B. The receivers are gobgpd's customers: downstream verification.
  const truth = aspaDbFrom([...PROVIDERS].map(([c, ps]) => [c, ps.length === 0 ? [0] : ps]));
  for (const r of observed) assert.equal(aspaVerdict(r.path, truth, 'downstream'), 'valid', `${r.prefix} ${r.path.join(' ')} under the true ASPAs`);
  const forgot = aspaDbFrom([[C, [A]]]);
  const impact = aspaImpact(evidence, truth, forgot);
  const crossing = observed.filter((r) => r.path.some((a, i) => a === B && r.path[i + 1] === C));
  assert.equal(crossing.length, 4 * ALL_RECEIVERS.length, 'the scenario has four paths through B → C, seen by each receiver');
  assert.deepEqual(
    impact.changes.map((c) => [c.route.vantage, c.route.prefix, c.direction, c.before, c.after, c.hop, c.keepBy]).sort(),
    crossing.map((r) => [r.vantage, r.prefix, 'downstream', 'valid', 'invalid', { from: C, to: B }, { customer: C, addProvider: B }]).sort(),
  );
  assert.deepEqual(aspaImpact(evidence, truth, truth).changes, []);
});
