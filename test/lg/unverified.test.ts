/**
 * Routes the analysis must not judge: locally originated ones (empty AS path, next hop 0.0.0.0, weight
 * 32768 — what IOS prints for the router's own `network` statements) are "not verified (locally
 * originated)" for ASPA and never an error, and `routelens paths --aspa` exits 0 for them; a path the
 * parser flags as uncertain (lg/uncertain-path) gets no ASPA, OTC, valley or reserved-ASN verdict.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { aspaDbFrom } from '../../server/src/core/aspa/verify';
import { analyzeLookingGlass, analyzePaths } from '../../server/src/core/paths/analyze';
import { aspaChecker } from '../../server/src/core/paths/aspaCheck';
import { parseOf, routeOf } from '../support/testRoutes';
import { run } from '../../server/src/cli/paths';
import '../../server/src/cli/pathsAnalysis';

const repoRoot = path.resolve(__dirname, '../..');

/** An IOS table with one local route and one received route (the layout IOS prints). */
const TABLE = [
  'BGP table version is 5, local router ID is 192.0.2.254',
  'Status codes: s suppressed, d damped, h history, * valid, > best, i - internal,',
  'Origin codes: i - IGP, e - EGP, ? - incomplete',
  '',
  '     Network          Next Hop            Metric LocPrf Weight Path',
  ' *>  10.10.0.0/16     0.0.0.0                  0         32768 i',
  ' *>  200.74.226.0/24  192.0.2.1                0    100      0 6762 1299 269832 21980 i',
  '',
].join('\n');

const DB = aspaDbFrom([
  [21980, [269832]],
  [269832, [1299]],
  [1299, [0]],
  [6762, [0]],
]);

test('a locally originated route is not verified (locally originated), never ASPA Invalid, never an error', () => {
  const m = analyzeLookingGlass(TABLE, { aspa: aspaChecker(DB) });
  const local = m.routes.find((r) => r.prefix === '10.10.0.0/16');
  assert.ok(local);
  assert.equal(local.unverified, 'local');
  assert.equal(local.aspa?.downstream.verdict, 'unverified');
  assert.match(local.aspa?.downstream.reason ?? '', /locally originated/);
  assert.notEqual(local.verdict, 'leak');
  assert.deepEqual(
    m.findings.filter((f) => f.route === local.index && f.severity === 'error'),
    [],
  );
  const received = m.routes.find((r) => r.prefix === '200.74.226.0/24');
  assert.equal(received?.aspa?.downstream.verdict, 'valid');
});

test('routelens paths --aspa exits 0 on a table whose only odd route is the router\'s own', async () => {
  const out: string[] = [];
  const code = await run(['--aspa', path.join(repoRoot, 'examples/cantv/aspa.rpki-client.json'), 'table.txt'], {
    stdout: (s) => void out.push(s),
    stderr: (s) => void out.push(s),
    readFile: async (p) => (p === 'table.txt' ? TABLE : readFileSync(p, 'utf8')),
    readStdin: async () => '',
  });
  assert.equal(code, 0, out.join(''));
  assert.match(out.join(''), /unverified\/unverified/);
});

test('an uncertain path gets no ASPA, reserved-ASN or leak verdict, and says why', () => {
  // The weight read as the first AS would put AS0 first: reserved, and ASPA Invalid.
  const r = routeOf('200.74.226.0/24', '0 6762 1299 269832 21980', 0, { pathUncertain: 'the first number may be the weight' });
  const m = analyzePaths(parseOf([r]), { aspa: aspaChecker(DB) });
  const a = m.routes[0];
  assert.equal(a?.unverified, 'uncertain');
  assert.equal(a?.aspa?.downstream.verdict, 'unverified');
  assert.deepEqual(
    m.findings.map((f) => f.code),
    ['paths/unverified-path'],
  );
  assert.notEqual(a?.verdict, 'leak');
  // The same path without the flag is judged.
  const sure = analyzePaths(parseOf([routeOf('200.74.226.0/24', '0 6762 1299 269832 21980')]), { aspa: aspaChecker(DB) });
  assert.ok(sure.findings.some((f) => f.code === 'paths/reserved-asn'));
});
