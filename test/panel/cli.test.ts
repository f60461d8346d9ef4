import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import '../../server/src/cli/pathsAnalysis';
import { run } from '../../server/src/cli/paths';
import { repoRoot } from '../support/lspClient';

const example = (name: string): string => path.join(repoRoot, 'examples', 'cantv', name);

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    readFile: (p) => fs.readFile(p, 'utf8'),
    readStdin: () => Promise.resolve(''),
  });
  return { code, out, err };
}

test('routelens paths --format svg draws what the panel draws', async () => {
  const { code, out, err } = await cli(['--format', 'svg', '--aspa', example('aspa.aspa'), '--relationships', example('cantv.as-rel2.txt'), example('cantv.lg')]);
  assert.equal(err, '');
  assert.equal(code, 0);
  assert.ok(out.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  assert.match(out, /data-edge="AS8048&#62;AS52320"[^>]*><title>AS8048 → AS52320 \(c2p\)\nASPA Invalid/);
  assert.match(out, />×9</);
});

test('routelens paths --format html is a self-contained page; a missing data file is reported, not fatal', async () => {
  const { code, out, err } = await cli(['--format', 'html', '--aspa', example('nope.aspa'), example('cantv-route-views.txt')]);
  assert.equal(code, 0);
  assert.match(err, /nope\.aspa: ENOENT/);
  assert.match(out, /^<!DOCTYPE html>/);
  assert.match(out, /Content-Security-Policy" content="default-src 'none'/);
  assert.ok(!/<script/i.test(out));
  assert.match(out, /<td>200\.74\.226\.0\/24 <small>best<\/small><\/td>/);
});

test('routelens paths with data prints the Markdown analysis and exits 1 on a leak', async () => {
  const { code, out } = await cli(['--aspa', example('aspa.aspa'), example('cantv.lg')]);
  assert.equal(code, 1);
  assert.match(out, /- \*\*AS8048 → AS52320\*\*: ASPA Invalid/);
});
