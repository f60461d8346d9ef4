import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { main } from '../../server/src/cli/main';
import { loadAspaData } from '../../server/src/core/aspa/loader';
import { memoryIo } from '../support/memoryIo';

const cantv = (f: string) => path.resolve(__dirname, '..', '..', 'examples', 'cantv', f);
const evidence = ['--paths', cantv('cantv-route-views.txt'), '--relationships', cantv('cantv.as-rel2.txt'), '--rpsl', cantv('cantv.rpsl')];

async function cli(...args: string[]) {
  const io = memoryIo();
  const code = await main(['aspa', ...args], io);
  return { code, out: io.out, err: io.err };
}

test('aspa suggest: providers with their evidence; Sparkle gets AS0 and AS8048 is listed apart as its customer', async () => {
  const r = await cli('suggest', 'AS21980', 'AS8048', 'AS6762', ...evidence);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^AS21980: 1 provider candidate\(s\)\n {2}AS269832 {2}high\n {6}seen upstream of AS21980 in 9 paths/m);
  assert.match(r.out, /ASPA: AS8048 => AS6762, AS23520, AS52320/);
  assert.match(r.out, /AS6762: no provider candidates\n {2}not providers:\n {2}AS8048 {2}looks like a customer/);
  assert.match(r.out, /ASPA: AS6762 => AS0/);
});

test('aspa suggest --format aspa and rpki-client: what they print loads back as the same declarations', async () => {
  const text = await cli('suggest', 'AS21980', 'AS8048', 'AS6762', ...evidence, '--format', 'aspa');
  assert.equal(text.out, 'AS21980 => AS269832\nAS8048 => AS6762, AS23520, AS52320\nAS6762 => AS0\n');
  const json = await cli('suggest', 'AS21980', 'AS8048', 'AS6762', ...evidence, '--format', 'rpki-client');
  const a = loadAspaData(text.out, 'x.aspa');
  const b = loadAspaData(json.out, 'x.json');
  assert.deepEqual(a.diagnostics.filter((d) => d.severity === 'error'), []);
  assert.deepEqual([...b.db].map(([c, p]) => [c, [...p]]), [...a.db].map(([c, p]) => [c, [...p]]));
  const krill = await cli('suggest', 'AS21980', ...evidence, '--format', 'krill');
  assert.equal(krill.out, 'krillc aspas add --ca "$CA" --aspa "AS21980 => AS269832"\n');
});

test('aspa impact: the routes a declaration invalidates, the hop and the provider to add; exit 1 when any would turn Invalid', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'routelens-impact-'));
  writeFileSync(path.join(dir, 'forgot.aspa'), 'AS21980 => AS0\n');
  const r = await cli('impact', '--aspa', path.join(dir, 'forgot.aspa'), '--aspa-baseline', cantv('aspa.aspa'), '--paths', cantv('cantv-route-views.txt'), '--format', 'json');
  assert.equal(r.code, 1, r.err);
  const j = JSON.parse(r.out) as { changes: { prefix: string; path: number[]; direction: string; before: string; after: string; keepBy?: unknown }[] };
  assert.deepEqual(
    j.changes.map((c) => [c.path.join(' '), c.direction, c.before, c.after, c.keepBy]),
    [['6939 1299 269832 21980', 'downstream', 'valid', 'invalid', { customer: 21980, addProvider: 269832 }]],
  );
  // Publishing what is already published changes nothing: exit 0.
  const same = await cli('impact', '--aspa', cantv('aspa.aspa'), '--aspa-baseline', cantv('aspa.aspa'), '--paths', cantv('cantv-route-views.txt'));
  assert.equal(same.code, 0, same.err);
  assert.match(same.out, /^0 route verdict\(s\) become Invalid/m);
});

test('aspa impact names a leak as a leak when the relationships say the "missing provider" is a customer', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'routelens-impact-'));
  writeFileSync(path.join(dir, 'sparkle.aspa'), 'AS6762 => AS0\n');
  const r = await cli('impact', '--aspa', path.join(dir, 'sparkle.aspa'), '--paths', cantv('cantv-route-views.txt'), '--relationships', cantv('cantv.as-rel2.txt'));
  assert.equal(r.code, 1);
  assert.match(r.out, /upstream +unknown -> invalid {2}200\.74\.226\.0\/24 {2}24482 52320 8048 6762 1299 269832 21980/);
  assert.match(r.out, /AS8048 is AS6762's customer \(relationships\): this route is a leak, which the ASPA is meant to stop/);
});

test('aspa suggest and impact: usage errors and unreadable data exit 2', async () => {
  assert.equal((await cli('suggest', 'AS21980')).code, 2);
  assert.equal((await cli('suggest', '--paths', cantv('cantv-route-views.txt'))).code, 2);
  assert.equal((await cli('suggest', 'ASX', '--paths', cantv('cantv-route-views.txt'))).code, 2);
  assert.equal((await cli('impact', '--paths', cantv('cantv-route-views.txt'))).code, 2);
  const dir = mkdtempSync(path.join(tmpdir(), 'routelens-impact-'));
  writeFileSync(path.join(dir, 'bad.aspa'), 'AS21980 => ASX\n');
  assert.equal((await cli('impact', '--aspa', path.join(dir, 'bad.aspa'), '--paths', cantv('cantv-route-views.txt'))).code, 2);
  assert.equal((await cli('nonsense')).code, 2);
});

test('aspa suggest reads MRT: in RIPE RIS updates of 2007, Level 3 (AS3356) is transit-free and its tier-1 neighbours look like peers', async () => {
  const mrt = path.resolve(__dirname, '..', 'fixtures', 'mrt', 'updates.20071015.1505.gz');
  const r = await cli('suggest', 'AS3356', '--paths', mrt);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /AS7018 {2}looks like a peer\n {6}AS3356 and AS7018 each pass the other's routes on/);
  assert.match(r.out, /ASPA: AS3356 => AS0\n/);
  // Single-vantage evidence alone is never more than low confidence.
  assert.doesNotMatch(r.out, /^ {2}AS\d+ {2}(medium|high)$/m);
  assert.equal((await cli('suggest', 'AS3356', '--paths', mrt, '--format', 'aspa')).out, 'AS3356 => AS0\n');
});
