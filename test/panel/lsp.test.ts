import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { AnalyzePathsRequest, type AnalyzePathsParams } from '../../server/src/protocol/lsp';
import { repoRoot, unbuilt as skip, withSession } from '../support/lspClient';
import { CANTV_ASPAS } from './cantvAspa';

test('routelens/analyzePaths: the built server analyses a paste with the open .aspa document', { skip }, async () => {
  await withSession({}, async (lsp) => {
    const text = await fs.readFile(path.join(repoRoot, 'examples', 'cantv', 'cantv.lg'), 'utf8');
    const before = await lsp.connection.sendRequest(AnalyzePathsRequest, { text });
    assert.equal(before?.routes.length, 9);
    assert.equal(before?.data.aspa.loaded, false, 'no ASPA data yet: the verdict is absent, not guessed');
    assert.equal(before?.routes[0]?.aspa, undefined);

    await lsp.open('file:///lsp-test/cantv.aspa', 'aspa', CANTV_ASPAS);
    const after = await lsp.connection.sendRequest(AnalyzePathsRequest, { text });
    const r = after?.routes.find((x) => x.prefix === '200.74.226.0/24' && x.best);
    assert.equal(r?.aspa?.downstream.verdict, 'invalid');
    assert.deepEqual(r?.aspa?.downstream.leakHop, { from: 8048, to: 52320 });
    assert.equal(after?.graph.edges.find((e) => e.id === 'AS8048>AS52320')?.verdict, 'leak');

    // The workspace's aut-nums name the nodes, as the editor's hovers do, with no names file set.
    assert.equal(after?.graph.nodes.find((n) => n.asn === 8048)?.name, undefined);
    await lsp.open('file:///lsp-test/cantv.rpsl', 'rpsl', await fs.readFile(path.join(repoRoot, 'examples', 'cantv', 'cantv.rpsl'), 'utf8'));
    const named = await lsp.connection.sendRequest(AnalyzePathsRequest, { text });
    assert.equal(named?.graph.nodes.find((n) => n.asn === 8048)?.name, 'CANTV');
    assert.equal(named?.graph.nodes.find((n) => n.asn === 52320)?.name, 'GLOBENET');
    assert.equal(named?.data.names.loaded, true);

    // Garbage and wrong params never take the server down.
    const junk = await lsp.connection.sendRequest(AnalyzePathsRequest, { text: '\u0000{{{ 1 2 3\n'.repeat(50) });
    assert.equal(junk?.routes.length !== undefined, true);
    // Params of the wrong type on purpose, as a foreign client might send them.
    const wrong = await lsp.connection.sendRequest(AnalyzePathsRequest, { text: 42 } as unknown as AnalyzePathsParams);
    assert.equal(wrong?.routes.length, 0);
  });
});
