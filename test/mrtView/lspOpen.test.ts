/**
 * The panel's MRT open through the built language server, as VS Code's node build runs it: `routelens/openMrt` on a
 * real RIS update file (updates.20071015.1505.gz), progress notifications, and `routelens/mrtRoutes`. The VRP file of
 * the settings is made up (documentation ASN 64496 for 58.147.184.0/24, which AS24534 originates in the file): once
 * the server's RPKI store holds it, the scan must validate origins through the store and find the ROV episode that
 * bgpdump's lines say.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { MrtProgress, MrtRoutes, OpenMrtResult, RpkiStatus } from '../../server/src/protocol/lsp';
import { LspSession, repoRoot, serverModule } from '../support/lspClient';

const FILE = path.join(repoRoot, 'test/fixtures/mrt/updates.20071015.1505.gz');
const PREFIX = '58.147.184.0/24';

test('routelens/openMrt in the node server: the ROV episode of a made-up VRP through the RPKI store, progress, routes', { timeout: 60_000 }, async (t) => {
  if (!existsSync(serverModule)) return t.skip('dist/server/node.js not built (node scripts/build.mjs)');
  const lines = gunzipSync(readFileSync(`${FILE}.bgpdump.txt.gz`)).toString('utf8').split('\n').filter((l) => l.split('|')[2] === 'A' && l.split('|')[5] === PREFIX);
  assert.ok(lines.length > 0 && lines.every((l) => l.split('|')[6]!.endsWith(' 24534')), 'the fixture announces the prefix from AS24534 only');
  const dir = mkdtempSync(path.join(tmpdir(), 'rl-mrt-lsp-'));
  const vrps = path.join(dir, 'vrps.csv');
  writeFileSync(vrps, `ASN,IP Prefix,Max Length,Trust Anchor\nAS64496,${PREFIX},24,test\n`);
  const session = new LspSession();
  const settings = { data: { vrpFiles: [vrps] } };
  session.connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((i) => (i.section === 'routelens' ? settings : {})));
  const stored = new Promise<void>((resolve) => session.connection.onNotification('routelens/rpkiStatus', (s: RpkiStatus) => {
      if (s.vrpCount > 0) resolve();
    }));
  const progress: MrtProgress[] = [];
  session.connection.onNotification('routelens/mrtProgress', (p: MrtProgress) => void progress.push(p));
  try {
    await session.initialize();
    await stored;
    const r = await session.connection.sendRequest<OpenMrtResult>('routelens/openMrt', { uri: pathToFileURL(FILE).toString(), session: 5 });
    assert.ok(r !== null && 'view' in r, JSON.stringify(r));
    const v = r.view;
    assert.equal(v.routes, 10_111 + 385);
    assert.deepEqual(v.data, { aspa: false, rov: true, relationships: false });
    assert.equal(v.episodeCount, 1);
    const e = v.episodes[0]!;
    assert.equal(e.kind, 'rov');
    assert.equal(e.leaker, 24534);
    assert.deepEqual(e.prefixes, [PREFIX]);
    assert.equal(e.routes, lines.length);
    assert.ok(progress.length > 0 && progress.every((p) => p.session === 5));
    const drawn = await session.connection.sendRequest<MrtRoutes | null>('routelens/mrtRoutes', { session: 5, episodes: [e.id] });
    assert.ok(drawn);
    for (const l of drawn.text.trimEnd().split('\n')) assert.ok(lines.includes(l), `not a bgpdump line of ${PREFIX}: ${l}`);
    assert.equal(await session.connection.sendRequest('routelens/mrtRoutes', { session: 99, episodes: [0] }), null);
    const notMrt = await session.connection.sendRequest<OpenMrtResult>('routelens/openMrt', { uri: pathToFileURL(vrps).toString(), session: 6 });
    assert.ok(notMrt !== null && 'error' in notMrt && /not an MRT file/.test(notMrt.error), JSON.stringify(notMrt));

    // A file dropped on the panel from the operating system has no file: URI: the server asks the client for its
    // bytes slice by slice (routelens/readBytes, answered from the page by MrtHost), as the web build does for all.
    const bz2 = readFileSync(path.join(repoRoot, 'test/fixtures/mrt/updates.20071015.1505.bz2'));
    const dropped = 'routelens-dropped:/7/updates.20071015.1505.bz2';
    const asked: { offset: number; length: number }[] = [];
    session.connection.onRequest('routelens/readBytes', (p: { uri: string; offset: number; length: number }) => {
      assert.equal(p.uri, dropped);
      asked.push({ offset: p.offset, length: p.length });
      return { size: bz2.length, data: bz2.subarray(p.offset, p.offset + p.length).toString('base64') };
    });
    const d = await session.connection.sendRequest<OpenMrtResult>('routelens/openMrt', { uri: dropped, session: 7 });
    assert.ok(d !== null && 'view' in d, JSON.stringify(d));
    assert.equal(d.view.file, 'updates.20071015.1505.bz2');
    assert.equal(d.view.compression, 'bzip2');
    assert.equal(d.view.routes, 10_111 + 385);
    assert.deepEqual(asked[0], { offset: 0, length: 0 }, 'the size first');
    assert.equal(asked.slice(1).reduce((n, a) => n + a.length, 0), bz2.length);
  } finally {
    await session.dispose();
  }
});
