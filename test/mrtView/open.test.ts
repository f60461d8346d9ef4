/**
 * The path panel's MRT open (core/mrtView/open.ts, the code the language server runs for the panel in Node and in
 * the browser build) on real RIPE RIS files, against bgpdump's own output for them (../shared/corpora/mrt when
 * present, else the copies in test/fixtures/mrt): every route bgpdump prints is counted, a leak injected through
 * relationship data gives the episode bgpdump's lines say it must, and the routes drawn for it are bgpdump's lines.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { bytesSource } from '../../server/src/core/mrtView/byteSource';
import { fileSource } from '../../server/src/core/mrtView/node/fileSource';
import { openMrt, type OpenResult, type MrtOpened } from '../../server/src/core/mrtView/open';
import type { MrtProgress } from '../../server/src/core/mrtView/model';
import { parseRelationships } from '../../server/src/core/paths/relationships';

const repoRoot = path.resolve(__dirname, '../..');
const SHARED = path.join(path.resolve(repoRoot, '../shared'), 'corpora/mrt');
const LOCAL = path.join(repoRoot, 'test/fixtures/mrt');

function where(name: string): string | undefined {
  for (const dir of [SHARED, LOCAL]) if (existsSync(path.join(dir, name)) && existsSync(path.join(dir, `${name}.bgpdump.txt.gz`))) return path.join(dir, name);
  return undefined;
}

function expectation(file: string): string[] {
  return gunzipSync(readFileSync(`${file}.bgpdump.txt.gz`)).toString('utf8').split('\n').filter((l) => l !== '');
}

function opened(r: OpenResult): MrtOpened {
  if ('error' in r) assert.fail(r.error);
  if ('cancelled' in r) assert.fail('cancelled');
  return r;
}

const NO_DATA = { session: 1, data: {} };

test('every route bgpdump prints for a RIS file is read by the panel (gzip through DecompressionStream)', async (t) => {
  const names = ['updates.20071015.1505.gz', 'updates.20020722.2238.gz', 'bview.ipv6_unicast_add_path.gz', 'bview.64k_stream_overflow.gz', 'bview.20020722.2337.gz', 'updates.et-header.2015.gz'];
  let checked = 0;
  for (const name of names) {
    const file = where(name);
    if (file === undefined) continue; // the two large files live in ../shared only
    const want = expectation(file).filter((l) => /^[^|]*\|[^|]*\|[ABW]\|/.test(l)).length;
    const r = opened(await openMrt(bytesSource(name, readFileSync(file)), NO_DATA));
    assert.equal(r.view.compression, 'gzip', name);
    assert.equal(r.view.routes, want, `${name}: routes read vs bgpdump's A/B/W lines`);
    assert.equal(r.view.diagnosticCount, 0, `${name}: ${JSON.stringify(r.view.diagnostics)}`);
    // No data given: nothing can be flagged, and the view says so rather than listing a clean file.
    assert.deepEqual(r.view.data, { aspa: false, rov: false, relationships: false });
    assert.equal(r.view.episodeCount, 0);
    checked++;
  }
  if (checked === 0) t.skip('no MRT corpus: neither ../shared/corpora/mrt nor test/fixtures/mrt is present');
  else assert.ok(checked >= 4, `only ${checked} files found`);
});

/** AS174 as a customer of both AS3741 and AS7473: AS174 passing 7473's routes to 3741 is a valley (a leak). */
const RELS = '3741|174|-1|test\n7473|174|-1|test\n';
const LEAK = / 3741 (174 )+7473 /;

test('an injected leak in RIS updates of 2007: the episode and the routes drawn are what bgpdump\'s lines say', async (t) => {
  const file = where('updates.20071015.1505.gz');
  if (file === undefined) return t.skip('no MRT corpus');
  const lines = expectation(file).filter((l) => l.split('|')[2] === 'A' && LEAK.test(` ${l.split('|')[6]} `));
  assert.equal(lines.length, 502, 'the fixture holds 502 announcements through 3741 174 7473');
  const times = lines.map((l) => Number(l.split('|')[1]));
  const prefixes = new Set(lines.map((l) => l.split('|')[5]));
  const distinct = new Set(lines.map((l) => l.split('|').filter((_, i) => i !== 1).join('|')));
  const progress: MrtProgress[] = [];
  const r = opened(await openMrt(await fileSource(file), { session: 7, data: { relationships: parseRelationships(RELS).relationships }, onProgress: (p) => progress.push(p), progressMs: 0 }));
  assert.equal(r.view.session, 7);
  assert.equal(r.view.episodeCount, 1);
  const [e] = r.view.episodes;
  assert.ok(e);
  assert.equal(e.kind, 'leak');
  assert.equal(e.leaker, 174);
  assert.equal(e.sentTo, 3741);
  assert.deepEqual(e.learnedFrom, [7473]);
  assert.deepEqual(e.checks, ['valley']);
  assert.equal(e.routes, 502);
  assert.equal(e.prefixCount, prefixes.size);
  assert.equal(e.first, Math.min(...times));
  assert.equal(e.last, Math.max(...times));
  assert.equal(r.view.routesFlagged, 502);
  // Drawn: bgpdump's own lines, each distinct route once (a re-announcement of the same path is one route).
  const drawn = r.routes([e.id]);
  const got = drawn.text.trimEnd().split('\n');
  assert.equal(drawn.routes, distinct.size);
  assert.equal(drawn.total, 502);
  const all = new Set(lines);
  for (const l of got) assert.ok(all.has(l), `drawn line not in bgpdump's output: ${l}`);
  assert.equal(r.routes([99]).routes, 0, 'an id that names no episode draws nothing');
  // Progress: from 0 to the whole file, never backwards.
  assert.ok(progress.length >= 2);
  assert.equal(progress.at(-1)!.bytesRead, progress.at(-1)!.totalBytes);
  for (let i = 1; i < progress.length; i++) assert.ok(progress[i]!.bytesRead >= progress[i - 1]!.bytesRead);
  assert.equal(progress.at(-1)!.routes, 10111 + 385);
});

test('bzip2 reads as gzip does, in the browser-capable decoder (core/compress/bunzip2.ts)', async (t) => {
  const gz = where('updates.20071015.1505.gz');
  const bz = path.join(LOCAL, 'updates.20071015.1505.bz2');
  if (gz === undefined || !existsSync(bz)) return t.skip('no MRT corpus');
  const data = { relationships: parseRelationships(RELS).relationships };
  const a = opened(await openMrt(bytesSource('rrc00-updates', readFileSync(gz)), { session: 1, data }));
  // Small slices, so blocks straddle many chunk boundaries.
  const b = opened(await openMrt(bytesSource('rrc00-updates', readFileSync(bz), 777), { session: 1, data }));
  assert.equal(b.view.compression, 'bzip2');
  assert.equal(b.view.decompressedBytes, a.view.decompressedBytes);
  assert.equal(b.view.routes, a.view.routes);
  assert.deepEqual(b.view.episodes, a.view.episodes);
  assert.equal(b.routes([0]).text, a.routes([0]).text);
});

test('a cut or corrupt file: what was read is listed and a diagnostic says where it stopped; text is not MRT', async (t) => {
  const gz = where('updates.20071015.1505.gz');
  if (gz === undefined) return t.skip('no MRT corpus');
  const whole = readFileSync(gz);
  const cut = opened(await openMrt(bytesSource('cut.gz', whole.subarray(0, whole.length >> 1)), NO_DATA));
  assert.ok(cut.view.routes > 1000 && cut.view.routes < 10111 + 385, `read ${cut.view.routes} routes`);
  assert.ok(cut.view.diagnostics.some((d) => d.code === 'mrt/decompress-failed'), JSON.stringify(cut.view.diagnostics));
  const bz = readFileSync(path.join(LOCAL, 'updates.20071015.1505.bz2'));
  const bad = Uint8Array.from(bz);
  bad[20_000] = bad[20_000]! ^ 0xff;
  // The file is one bzip2 block: a flipped byte in it leaves nothing readable, and the error names the CRC.
  const badBz = await openMrt(bytesSource('bad.bz2', bad), NO_DATA);
  assert.ok('error' in badBz && /crc/i.test(badBz.error), JSON.stringify(badBz));
  const text = await openMrt(bytesSource('notes.txt.gz', gzipSync('show ip bgp\n 10.0.0.0/8 192.0.2.1 0 65001 i\n')), NO_DATA);
  assert.ok('error' in text && /not an MRT file/.test(text.error), JSON.stringify(text));
  const cancelled = await openMrt(bytesSource('u.gz', whole, 4096), { ...NO_DATA, progressMs: 0, isCancelled: () => true });
  assert.deepEqual(cancelled, { cancelled: true });
});
