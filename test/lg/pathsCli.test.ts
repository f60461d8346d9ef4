import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { registerPathsAnalysis, run, type PathsJson } from '../../server/src/cli/paths';

const FIXTURES = path.join(__dirname, 'fixtures');

function io(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: (s: string) => void out.push(s),
      stderr: (s: string) => void err.push(s),
      readFile: async (p: string) => readFileSync(path.resolve(FIXTURES, p), 'utf8'),
      readStdin: async () => stdin,
    },
  };
}

test('paths --format json: the routes of a Cisco detail paste, 0-based lines', async () => {
  const t = io();
  assert.equal(await run(['--format', 'json', 'cisco-ios-detail.txt'], t.io), 0);
  const j = JSON.parse(t.out.join('')) as PathsJson;
  assert.equal(j.format, 'cisco-ios-detail');
  assert.equal(j.routes.length, 2);
  assert.deepEqual(j.routes[0]?.asPath, [{ type: 'sequence', asns: [24482, 52320, 8048, 8048, 8048, 8048, 8048, 8048, 8048, 8048, 8048, 6762, 1299, 269832, 21980] }]);
  assert.equal(j.routes[0]?.line, 6);
  assert.deepEqual(j.routes[0]?.communities, ['24482:2', '24482:12010']);
  assert.equal(j.routes[1]?.asPath[1]?.type, 'set');
  assert.deepEqual(j.unparsed, []);
});

test('paths reads standard input and prints text; unknown lines are listed', async () => {
  const t = io('3356 6762 8048 21980\nnot a path\n');
  assert.equal(await run(['-'], t.io), 0);
  const s = t.out.join('');
  assert.match(s, /^format: aspath-list, 1 route, 1 line not understood/);
  assert.match(s, /3356 6762 8048 21980/);
  assert.match(s, /line 2: not understood: not a path/);
});

test('paths: usage errors exit 2; --aspa/--relationships/--vrps are accepted without analysis', async () => {
  assert.equal(await run([], io().io), 2);
  assert.equal(await run(['--format', 'svg', 'aspath-list.txt'], io().io), 2);
  assert.equal(await run(['--bogus', 'x'], io().io), 2);
  const t = io();
  assert.equal(await run(['--aspa', 'a.json', '--aspa', 'b.json', '--relationships', 'r.txt', '--vrps', 'v.json', 'aspath-list.txt'], t.io), 0);
  assert.match(t.out.join(''), /format: aspath-list, 4 routes/);
});

test('paths: a registered analysis hook gets the parse and the data options, and may take over the output', async () => {
  let seen: { aspa: readonly string[]; rel?: string; routes: number; format: string } | undefined;
  registerPathsAnalysis(async (req) => {
    seen = { aspa: req.aspaFiles, rel: req.relationshipsFile, routes: req.result.routes.length, format: req.format };
    if (req.format === 'svg') {
      req.io.stdout('<svg/>');
      return 0;
    }
    return undefined;
  });
  try {
    const t = io();
    assert.equal(await run(['--format', 'svg', '--aspa', 'a.json', '--relationships', 'r.txt', 'aspath-list.txt'], t.io), 0);
    assert.equal(t.out.join(''), '<svg/>');
    assert.deepEqual(seen, { aspa: ['a.json'], rel: 'r.txt', routes: 4, format: 'svg' });
  } finally {
    registerPathsAnalysis(undefined);
  }
});
