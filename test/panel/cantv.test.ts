import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parseLookingGlass } from '../../server/src/core/lg/parse';
import { analyzeLookingGlass, analyzePaths } from '../../server/src/core/paths/analyze';
import { policyChecker } from '../../server/src/core/paths/policyCheck';
import { frameRpsl } from '../../server/src/core/rpsl/frame';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';
import { loadPathData } from '../../server/src/core/paths/loadData';
import { renderPaths } from '../../server/src/core/paths/renderPaths';
import { repoRoot } from '../support/lspClient';

const example = (name: string): string => path.join(repoRoot, 'examples', 'cantv', name);
const LEAKED = ['200.74.226.0/24', '200.74.228.0/23', '200.74.230.0/23', '200.74.232.0/24', '200.74.233.0/24', '200.74.234.0/24', '200.74.236.0/23', '200.74.238.0/23'];

for (const file of ['cantv.lg', 'cantv-route-views.txt']) {
  test(`examples/cantv/${file}: the eight leaked prefixes, ASPA Invalid at 8048→52320, the HE path clean`, async () => {
    const parse = parseLookingGlass(await fs.readFile(example(file), 'utf8'));
    assert.deepEqual(parse.unparsed, []);
    const data = await loadPathData(
      {
        relationshipFiles: [example('cantv.as-rel2.txt')],
        asNamesFile: example('as-names.txt'),
        // The ASPA area's illustrative declarations for the case, plus a file that does not exist.
        aspaFiles: [example('aspa.aspa'), example('missing.aspa')],
      },
      (p) => fs.readFile(p, 'utf8'),
    );
    const m = analyzePaths(parse, data);
    const leaked = m.routes.filter((r) => r.hops.includes(8048));
    assert.deepEqual([...new Set(leaked.map((r) => r.prefix))], LEAKED);
    for (const r of leaked) {
      assert.deepEqual(r.prepends, [{ asn: 8048, count: 9 }]);
      assert.equal(r.aspa?.downstream.verdict, 'invalid');
      assert.deepEqual(r.aspa?.downstream.leakHop, { from: 8048, to: 52320 });
      assert.deepEqual(r.valley?.leakHop, { from: 8048, to: 52320 });
      assert.equal(r.verdict, 'leak');
      assert.equal(r.best, true);
    }
    const he = m.routes.find((r) => r.hops[0] === 6939);
    assert.equal(he?.aspa?.downstream.verdict, 'valid');
    assert.equal(he?.best, false);
    // One node per AS across all nine routes.
    const asns = m.graph.nodes.flatMap((n) => (n.asn === undefined ? [] : [n.asn]));
    assert.deepEqual([...asns].sort((a, b) => a - b), [1299, 6762, 6939, 8048, 21980, 24482, 52320, 269832]);
    assert.equal(m.graph.nodes.find((n) => n.asn === 8048)?.name, 'CANTV Servicios, Venezuela');
    // The missing file is reported, the rest still loaded.
    assert.equal(m.data.aspa.loaded, true);
    assert.equal(m.data.aspa.count, 7);
    assert.match(m.data.aspa.errors[0]?.message ?? '', /ENOENT/);
    assert.equal(m.data.relationships.count, 9);
    assert.equal(m.data.rov.loaded, false);
    assert.match(renderPaths(m, 'markdown'), /\*\*AS8048 → AS52320\*\* \(c2p\): ASPA Invalid/);
  });
}

test('RPSL policy per AS pair: the example objects, and a registered export that rejects the leak', async () => {
  const index = new WorkspaceIndex();
  const rpsl = await fs.readFile(example('cantv.rpsl'), 'utf8');
  index.set('file:///cantv.rpsl', frameRpsl(rpsl).objects, rpsl);
  const text = await fs.readFile(example('cantv.lg'), 'utf8');
  const m = analyzeLookingGlass(text, { policy: policyChecker(index) });
  const leaked = m.routes.find((r) => r.prefix === '200.74.226.0/24' && r.best)!;
  const verdict = (from: number, to: number): string | undefined => leaked.policy?.find((p) => p.hop.from === from && p.hop.to === to)?.verdict;
  assert.equal(verdict(6762, 8048), 'ok');
  assert.equal(verdict(21980, 269832), 'ok');
  // What the check lacks is named: a route object with origin AS8048 (AS8048:AS-CUSTOMERS = {AS8048}).
  const leakHop = leaked.policy?.find((p) => p.hop.from === 8048 && p.hop.to === 52320);
  assert.equal(leakHop?.verdict, 'unknown');
  assert.match(leakHop?.reason ?? '', /^AS8048's export to AS52320 and AS52320's import from AS8048 depend on route objects with origin AS8048, and the workspace has none/);

  // AS8048 registers that it announces only its own routes (200.44.0.0/16) to AS52320; Dayco's are AS21980's.
  const strict = new WorkspaceIndex();
  const objects = [
    'aut-num: AS8048\nas-name: CANTV\nimport: from AS6762 accept ANY\nexport: to AS52320 announce AS8048\nsource: TEST\n',
    'route: 200.74.226.0/24\norigin: AS21980\nsource: TEST\n',
    'route: 200.44.0.0/16\norigin: AS8048\nsource: TEST\n',
  ].join('\n');
  strict.set('file:///strict.rpsl', frameRpsl(objects).objects, objects);
  const s = analyzeLookingGlass(text, { policy: policyChecker(strict) });
  const hop = s.routes[0]!.policy?.find((p) => p.hop.from === 8048 && p.hop.to === 52320);
  assert.equal(hop?.verdict, 'mismatch');
  assert.match(hop?.reason ?? '', /AS8048's export rules do not allow this route \(export to AS52320\)/);
  assert.ok(s.findings.some((f) => f.route === 0 && f.code === 'paths/policy-mismatch' && f.hop?.from === 8048));
});

test('examples/cantv: the ASPA files and the RPSL objects agree (no warning between them), the story the README tells', (t) => {
  const cli = path.join(repoRoot, 'dist', 'cli.js');
  if (!existsSync(cli)) return t.skip('dist/cli.js not built (node scripts/build.mjs)');
  const r = spawnSync(process.execPath, [cli, 'lint', example('aspa.aspa'), example('aspa.rpki-client.json'), example('cantv.rpsl')], { encoding: 'utf8' });
  assert.equal(r.stdout.trim().split('\n').at(-1), '3 file(s): 0 error(s), 0 warning(s), 0 note(s)', r.stdout);
  assert.equal(r.status, 0);
});
