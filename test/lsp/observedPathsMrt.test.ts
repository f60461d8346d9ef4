import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { repoRoot, unbuilt, withSession } from '../support/lspClient';

const mrt = path.join(repoRoot, 'test', 'fixtures', 'mrt', 'updates.20071015.1505.gz');

/**
 * The truth, from bgpdump's own reading of the same file (`bgpdump -m`, test/fixtures/mrt): every announcement whose
 * AS path is a plain sequence (no AS_SET, no confederation) of two ASes or more once prepends are removed.
 */
function bgpdumpPaths(): number[][] {
  const text = gunzipSync(readFileSync(`${mrt}.bgpdump.txt.gz`)).toString('latin1');
  const out: number[][] = [];
  for (const line of text.split('\n')) {
    const f = line.split('|');
    if (f[2] !== 'A' || /[{}()[\]]/.test(f[6] ?? '')) continue;
    const asns = (f[6] ?? '').split(' ').filter((a, i, all) => a !== '' && a !== all[i - 1]).map(Number);
    if (asns.length >= 2) out.push(asns);
  }
  return out;
}

test('an MRT file in routelens.data.pathFiles is streamed into the index: the lens counts the routes bgpdump reads in it', { skip: unbuilt }, async () => {
  await withSession({ settings: { data: { pathFiles: [mrt] } } }, async (session) => {
    // Level 3 (AS3356) declaring AS0: every route it passed on to a neighbour turns Invalid (the hop out of it).
    const uri = 'file:///mrt/level3.aspa';
    await session.open(uri, 'aspa', 'AS3356 => AS0\n');
    await session.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'aspa/observed-routes-invalidated'), 60_000);
    const lenses = await session.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const title = lenses[0]?.command?.title ?? '';
    const m = /^with this ASPA: ([\d,]+) observed routes? becomes? Invalid · ([\d,]+) others? through AS3356 \(([\d,]+) observed routes? from 1 file\)$/.exec(title);
    assert.ok(m, title);
    const [invalid, others, all] = m.slice(1).map((n) => Number(n.replace(/,/g, '')));
    const paths = bgpdumpPaths();
    const through = paths.filter((p) => p.includes(3356));
    assert.equal(all, paths.length);
    assert.equal(invalid! + others!, through.length);
    assert.equal(invalid, through.filter((p) => p.indexOf(3356) > 0).length);
  });
});
