import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parseLookingGlass } from '../../server/src/core/lg/parse';
import { analyzePaths } from '../../server/src/core/paths/analyze';
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
