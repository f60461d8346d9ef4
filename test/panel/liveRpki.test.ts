import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { loadAspaData } from '../../server/src/core/aspa/loader';
import { analyzeLookingGlass } from '../../server/src/core/paths/analyze';
import { loadPathData } from '../../server/src/core/paths/loadData';
import { RovIndex } from '../../server/src/core/rpki/rovIndex';
import { loadVrpFile } from '../../server/src/core/rpki/vrpFile';
import { repoRoot } from '../support/lspClient';

const example = (name: string): string => path.join(repoRoot, 'examples', 'cantv', name);

// What the RTR cache would hold: the example's ASPAs and a ROA for Dayco's /20 that covers the leaked /23–/24s.
const VRP_CSV = 'ASN,IP Prefix,Max Length,Trust Anchor\nAS21980,200.74.224.0/20,24,lacnic\n';

test('the server\'s live RPKI data drives ROV and ASPA in the panel, and the VRP files are not read again', async () => {
  const aspa = loadAspaData(await fs.readFile(example('aspa.aspa'), 'utf8'), 'aspa.aspa');
  const rov = new RovIndex(loadVrpFile(VRP_CSV, 'vrps.csv').vrps);
  const read: string[] = [];
  const data = await loadPathData(
    { vrpFiles: ['/nonexistent/vrps.json'] },
    async (p) => {
      read.push(p);
      throw new Error('not found');
    },
    { label: 'RTR cache 127.0.0.1:3323', aspaDb: aspa.db, vrpCount: rov.size, validateOrigin: (p, o) => rov.validateOrigin(p, o).state },
  );
  assert.deepEqual(read, [], 'the store has loaded the VRP files already');
  assert.deepEqual(data.status?.rov?.sources, ['RTR cache 127.0.0.1:3323']);
  assert.equal(data.status?.rov?.loaded, true);
  assert.equal(data.status?.aspa?.count, aspa.db.size);

  const model = analyzeLookingGlass(await fs.readFile(example('cantv.lg'), 'utf8'), data);
  const leaked = model.routes.filter((r) => r.hops.includes(8048));
  assert.ok(leaked.length >= 8);
  for (const r of leaked) {
    // The origin is right (ROV valid): only ASPA sees the leak — the point of the whole case.
    assert.equal(r.rov, 'valid', r.prefix);
    assert.equal(r.aspa?.downstream.verdict, 'invalid', r.prefix);
  }
});
