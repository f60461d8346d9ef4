import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeLookingGlass } from './analyze';
import { loadPathData } from './loadData';

// The CANTV leak of 2026-01-02 (examples/cantv): eight routes of the looking-glass paste went
// 21980 → 269832 → 1299 → 6762 → 8048 → 52320 → 24482; one went 21980 → 269832 → 1299 → 6939.
const cantv = path.resolve(__dirname, '..', '..', '..', '..', 'examples', 'cantv');
const read = (name: string): string => readFileSync(path.join(cantv, name), 'utf8');
const LEAKED = [0, 2, 3, 4, 5, 6, 7, 8];

async function analyzeFocused(focus: number, aspaFiles: string[] = []) {
  const data = await loadPathData({ aspaFiles, aspaDocuments: [{ source: 'aspa.aspa', text: read('aspa.aspa') }] }, (p) => Promise.resolve(read(path.basename(p))));
  const model = analyzeLookingGlass(read('cantv.lg'), data, { focus });
  return { model, whatIf: model.whatIf };
}

test('CANTV: if GlobeNet (AS52320) published the ASPA of aspa.aspa, the 8 leaked routes turn Invalid downstream at 8048→52320', async () => {
  const { model, whatIf } = await analyzeFocused(52320);
  assert.ok(whatIf);
  assert.deepEqual([whatIf.customer, whatIf.sources, whatIf.providers, whatIf.routes], [52320, ['aspa.aspa'], [3356], 8]);
  // Without it, the down-ramp from AS24482 runs through 52320 and 8048 (Provider+ to 6762) and meets the
  // up-ramp: Unknown. GlobeNet's ASPA does not list AS8048, its customer: the down-ramp stops there.
  assert.deepEqual(
    whatIf.changes.map((c) => [c.route, c.direction, c.before, c.after, c.hop]),
    LEAKED.map((r) => [r, 'downstream', 'unknown', 'invalid', { from: 8048, to: 52320 }]),
  );
  // The provider AS8048 is not GlobeNet's to add: the change names no provider to keep the route.
  assert.ok(whatIf.changes.every((c) => c.addProvider === undefined));
  // Upstream they were Invalid already: AS1299's AS0 makes 1299→6762 Not Provider+.
  assert.deepEqual(whatIf.unchanged, { valid: 0, invalid: 8, unknown: 0 });
  // The after is the verdict the panel shows.
  for (const r of LEAKED) assert.equal(model.routes[r]?.aspa?.downstream.verdict, 'invalid');
});

test("CANTV: CANTV's own ASPA (AS8048) changes nothing, the others' ASPAs already make the leak Invalid", async () => {
  const { whatIf } = await analyzeFocused(8048);
  assert.ok(whatIf);
  assert.deepEqual([whatIf.changes.length, whatIf.unchanged, whatIf.providers], [0, { valid: 0, invalid: 16, unknown: 0 }, [6762, 23520, 52320]]);
});

test('the baseline is what the data files publish: the same ASPA in the RPKI JSON leaves nothing to change', async () => {
  const { whatIf } = await analyzeFocused(52320, [path.join(cantv, 'aspa.rpki-client.json')]);
  assert.ok(whatIf);
  assert.deepEqual([whatIf.changes.length, whatIf.unchanged.invalid], [0, 16]);
});

test('no what-if for an AS no .aspa document declares, nor without a focus', async () => {
  assert.equal((await analyzeFocused(24482)).whatIf, undefined);
  const data = await loadPathData({ aspaDocuments: [{ source: 'aspa.aspa', text: read('aspa.aspa') }] }, () => Promise.reject(new Error('no files')));
  assert.equal(analyzeLookingGlass(read('cantv.lg'), data).whatIf, undefined);
});
