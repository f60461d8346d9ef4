import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { run } from '../../server/src/cli/aspa';
import { memoryIo } from '../support/memoryIo';

const root = path.resolve(__dirname, '..', '..');
const example = path.join(root, 'examples', 'cantv', 'aspa.aspa');
const exampleJson = path.join(root, 'examples', 'cantv', 'aspa.rpki-client.json');
const CANTV = '24482 52320 8048 8048 8048 8048 8048 8048 8048 8048 8048 6762 1299 269832 21980';

test('aspa verify: the CANTV path with the example ASPAs is invalid upstream, AS8048 the leaker', async () => {
  const io = memoryIo();
  const code = await run(['verify', '--aspa', example, '--direction', 'upstream', '--neighbor', '24482', '--path', CANTV], io);
  assert.equal(code, 0, io.err);
  const lines = io.out.split('\n');
  assert.equal(lines[0], 'invalid');
  assert.match(io.out, /path \(upstream, neighbour first\): 24482 52320 8048 6762 1299 269832 21980/);
  assert.match(io.out, /AS6762 -> AS8048\s+not-provider\+/);
  assert.match(io.out, /leaker: AS8048 \(sent it to AS52320\)/);
  assert.match(io.out, /evidence: down hop AS52320 -> AS8048 is not-provider\+/);
});

test('aspa verify --format json: verdict, hops, leak hop; the JSON and .aspa forms agree', async () => {
  for (const file of [example, exampleJson]) {
    const io = memoryIo();
    assert.equal(await run(['verify', '--aspa', file, '--direction', 'downstream', '--format', 'json', '--path', CANTV], io), 0, io.err);
    const r = JSON.parse(io.out) as { verdict: string; hops: { from: number; to: number; result: string }[]; leakHop?: { leaker: number } };
    assert.equal(r.verdict, 'invalid');
    assert.equal(r.leakHop?.leaker, 8048);
    assert.deepEqual(r.hops.find((h) => h.from === 52320 && h.to === 8048)?.result, 'not-provider+');
  }
});

test('aspa verify: Unknown comes with the what-if (only AS8048 has an ASPA)', async () => {
  const io = memoryIo();
  const fake = { ...io, readFile: async () => 'AS8048 => AS6762, AS52320\n' };
  assert.equal(await run(['verify', '--aspa', 'only-cantv.aspa', '--format', 'json', '--path', CANTV], fake), 0);
  const r = JSON.parse(io.out) as { verdict: string; whatIf?: { text: string; suggestions: { asn: number; kind: string }[] } };
  assert.equal(r.verdict, 'unknown');
  assert.equal(r.whatIf?.text, 'An ASPA from AS6762 or an AS0 ASPA from AS1299 would make this path Invalid.');
});

test('aspa verify: AS_SET in the path ({1 2} and {1,2}) is invalid', async () => {
  for (const p of ['3 2 {5 6}', '3 2 {5,6}']) {
    const io = memoryIo();
    assert.equal(await run(['verify', '--aspa', example, '--path', p], io), 0);
    assert.equal(io.out.split('\n')[0], 'invalid');
    assert.match(io.out, /AS_SET/);
  }
});

test('aspa verify: usage errors exit 2 and say why', async () => {
  const cases: [string[], RegExp][] = [
    [[], /usage: routelens aspa verify/],
    [['frobnicate'], /unknown aspa command/],
    [['verify', '--aspa', example], /--path is required/],
    [['verify', '--path', '1 2', '--direction', 'sideways'], /--direction must be upstream or downstream/],
    [['verify', '--path', '1 x2'], /`x2` is not an AS number/],
    [['verify', '--path', '1 {2'], /unbalanced/],
    [['verify', '--path', '1 2', '--neighbor', 'ASX'], /--neighbor/],
    [['verify', '--path', '1 2', '--format', 'xml'], /--format must be text or json/],
    [['verify', '--path', '1 2', '--aspa', path.join(root, 'no-such-file.aspa')], /cannot read/],
  ];
  for (const [args, msg] of cases) {
    const io = memoryIo();
    assert.equal(await run(args, io), 2, args.join(' '));
    assert.match(io.err, msg);
  }
});
