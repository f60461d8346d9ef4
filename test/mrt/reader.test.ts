/**
 * The MRT reader on records written here field by field after RFC 6396, RFC 8050, RFC 6793 and RFC 9234, and on
 * broken files: chunking must not matter, a cut or corrupt record must become a diagnostic with its byte offset,
 * and the records around it must still be read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { bgpdumpRouteLine } from '../../server/src/core/mrt/bgpdumpText';
import { readMrtFile } from '../../server/src/core/mrt/node/readMrtFile';
import { MrtReader } from '../../server/src/core/mrt/reader';
import { looksLikeMrt, sniffCompression } from '../../server/src/core/mrt/sniff';
import type { MrtDiagnostic, MrtRoute } from '../../server/src/core/mrt/types';
import { bgp4mpUpdate, concat, peerIndexTable, record, ribRecord } from '../support/mrtWriter';

function read(bytes: Uint8Array, chunk = bytes.length): { routes: MrtRoute[]; diagnostics: MrtDiagnostic[] } {
  const routes: MrtRoute[] = [];
  const diagnostics: MrtDiagnostic[] = [];
  const r = new MrtReader({ route: (x) => routes.push(x), diagnostic: (d) => diagnostics.push(d) });
  for (let i = 0; i < bytes.length; i += chunk) r.push(bytes.subarray(i, i + chunk));
  r.end();
  return { routes, diagnostics };
}

const peer = { peerAs: 4200000001, peerIp: '198.51.100.7' };
const T = 1767368421;
const stream = concat([
  bgp4mpUpdate(T, peer, [{ prefix: '200.74.226.0/24', path: [4200000001, 52320, 8048, 6762, 1299, 269832, 21980], otc: 6762, largeCommunities: [[4200000001, 1, 2]], communities: [[65535, 65281]] }]),
  bgp4mpUpdate(T + 1, peer, [], ['200.74.226.0/24']),
  bgp4mpUpdate(T + 2, { peerAs: 6939, peerIp: '2001:db8::7' }, [{ prefix: '2001:db8:100::/40', path: [6939, [64512, 64513]], nextHop: '2001:db8::7' }]),
  bgp4mpUpdate(T + 3, peer, [{ prefix: '10.1.0.0/16', path: [4200000001, 3], pathId: 7 }], [], { addPath: true, micro: 250000 }),
]);

test('BGP4MP_MESSAGE_AS4: 4-byte ASNs, OTC, large and well-known communities, IPv6 MP_REACH, ADDPATH, ET microseconds', () => {
  const { routes, diagnostics } = read(stream);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(
    routes.map((r) => [r.kind, r.prefix, r.peer.asn, r.time, r.pathId, r.attributes?.otc]),
    [
      ['announce', '200.74.226.0/24', 4200000001, T, undefined, 6762],
      ['withdraw', '200.74.226.0/24', 4200000001, T + 1, undefined, undefined],
      ['announce', '2001:db8:100::/40', 6939, T + 2, undefined, undefined],
      ['announce', '10.1.0.0/16', 4200000001, T + 3.25, 7, undefined],
    ],
  );
  assert.deepEqual(routes[0]!.attributes!.largeCommunities, [4200000001, 1, 2]);
  assert.equal(bgpdumpRouteLine(routes[0]!), `BGP4MP|${T}|A|198.51.100.7|4200000001|200.74.226.0/24|4200000001 52320 8048 6762 1299 269832 21980|IGP|192.0.2.1|0|0|no-export|NAG||`);
  assert.equal(bgpdumpRouteLine(routes[2]!), `BGP4MP|${T + 2}|A|2001:db8::7|6939|2001:db8:100::/40|6939 {64512,64513}|IGP|2001:db8::7|0|0||NAG||`);
  assert.equal(routes[3]!.source, 'BGP4MP_ET');
});

test('chunk boundaries do not matter: 1-, 7- and 4096-byte chunks read the same routes', () => {
  const whole = read(stream).routes.map(bgpdumpRouteLine);
  for (const size of [1, 7, 4096]) assert.deepEqual(read(stream, size).routes.map(bgpdumpRouteLine), whole);
});

test('a file cut inside its last record: the earlier records are read, the cut one is a diagnostic at its offset', () => {
  const lastStart = stream.length - bgp4mpUpdate(T + 3, peer, [{ prefix: '10.1.0.0/16', path: [4200000001, 3], pathId: 7 }], [], { addPath: true, micro: 250000 }).length;
  const { routes, diagnostics } = read(stream.subarray(0, stream.length - 5), 10);
  assert.equal(routes.length, 3);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.offset]), [['mrt/record-truncated', lastStart]]);
});

test('garbage between records: one bad-header diagnostic at the first bad byte, and reading resumes at the next record', () => {
  const a = bgp4mpUpdate(T, peer, [{ prefix: '192.0.2.0/24', path: [4200000001, 64500] }]);
  const b = bgp4mpUpdate(T + 5, peer, [{ prefix: '198.51.100.0/24', path: [4200000001, 64501] }]);
  const junk = Uint8Array.from({ length: 40 }, (_, i) => (i * 37 + 11) & 255);
  const { routes, diagnostics } = read(concat([a, junk, b]), 16);
  assert.deepEqual(routes.map((r) => r.prefix), ['192.0.2.0/24', '198.51.100.0/24']);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.offset]), [['mrt/bad-header', a.length]]);
  assert.match(diagnostics[0]!.message, /skipped 40 bytes/);
});

test('an AS_PATH segment longer than its attribute: the route is left out with a diagnostic, the next record is read', () => {
  const good = bgp4mpUpdate(T, peer, [{ prefix: '192.0.2.0/24', path: [4200000001, 64500] }]);
  const bad = Uint8Array.from(good);
  // AS_PATH's segment count sits after ORIGIN (4 bytes) and the AS_PATH header (3) and the segment type (1).
  const attrStart = 12 + 4 + 4 + 2 + 2 + 4 + 4 + 19 + 2 + 2;
  assert.equal(bad[attrStart + 4 + 1], 2, 'the test points at the AS_PATH attribute type');
  bad[attrStart + 4 + 3 + 1] = 9;
  const { routes, diagnostics } = read(concat([bad, good]));
  assert.deepEqual(routes.map((r) => r.prefix), ['192.0.2.0/24']);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.offset]), [['mrt/attribute-malformed', 0]]);
  assert.match(diagnostics[0]!.message, /AS_PATH: AS path segment of 9 ASNs runs past the attribute/);
});

test('RFC 6793 §4.2.3: a 2-byte AS_PATH with AS_TRANS merged with AS4_PATH; ignored when AS4_PATH is longer', () => {
  // BGP4MP_MESSAGE (2-byte): AS_PATH 3333 23456 23456 64500, AS4_PATH 4200000001 4200000002 64500.
  const asPath = [2, 4, 0x0d, 0x05, 0x5b, 0xa0, 0x5b, 0xa0, 0xfb, 0xf4];
  const as4 = [2, 3, 0xfa, 0x56, 0xea, 0x01, 0xfa, 0x56, 0xea, 0x02, 0, 0, 0xfb, 0xf4];
  const update = (as4Path: number[]): Uint8Array => {
    const attrs = [0x40, 1, 1, 0, 0x40, 2, asPath.length, ...asPath, 0x40, 3, 4, 192, 0, 2, 1, 0xc0, 17, as4Path.length, ...as4Path];
    const body = [0, 0, 0, attrs.length, ...attrs, 24, 192, 0, 2];
    const msg = [...Array<number>(16).fill(255), 0, 19 + body.length, 2, ...body];
    return record(T, 16, 1, [0x0d, 0x05, 0x31, 0x6e, 0, 0, 0, 1, 193, 0, 0, 56, 193, 0, 4, 28, ...msg]);
  };
  const tooLong = [2, 5, ...as4.slice(2, 14), 0, 0, 0, 1, 0, 0, 0, 2];
  const { routes } = read(concat([update(as4), update(tooLong)]));
  assert.deepEqual(routes.map((r) => r.attributes!.asPath.flatMap((s) => s.asns)), [
    [3333, 4200000001, 4200000002, 64500],
    [3333, 23456, 23456, 64500],
  ]);
});

test('TABLE_DUMP_V2: peers from the PEER_INDEX_TABLE, an unknown peer index is a diagnostic', () => {
  const bytes = concat([
    peerIndexTable(T, [peer, { peerAs: 6939, peerIp: '2001:db8::7' }]),
    ribRecord(T, 0, '200.74.226.0/24', [
      { peer: 0, route: { prefix: '200.74.226.0/24', path: [4200000001, 8048, 21980] } },
      { peer: 1, route: { prefix: '200.74.226.0/24', path: [6939, 21980] } },
      { peer: 5, route: { prefix: '200.74.226.0/24', path: [1, 21980] } },
    ]),
    ribRecord(T, 1, '2001:db8::/32', [{ peer: 1, route: { prefix: '2001:db8::/32', path: [6939, 64500], nextHop: '2001:db8::7' } }]),
  ]);
  const { routes, diagnostics } = read(bytes);
  assert.deepEqual(routes.map((r) => `${r.kind} ${r.prefix} ${r.peer.address} AS${r.peer.asn} ${r.nextHop ?? '-'}`), [
    'rib 200.74.226.0/24 198.51.100.7 AS4200000001 192.0.2.1',
    'rib 200.74.226.0/24 2001:db8::7 AS6939 192.0.2.1',
    'rib 2001:db8::/32 2001:db8::7 AS6939 2001:db8::7',
  ]);
  assert.deepEqual(diagnostics.map((d) => d.code), ['mrt/unknown-peer']);
});

test('content sniffing: gzip and bzip2 magic, MRT headers, and text that is not MRT', () => {
  assert.equal(sniffCompression(Uint8Array.from([0x1f, 0x8b, 8, 0])), 'gzip');
  assert.equal(sniffCompression(new TextEncoder().encode('BZh9')), 'bzip2');
  assert.equal(looksLikeMrt(stream), true);
  assert.equal(looksLikeMrt(new TextEncoder().encode('BGP4MP|1192460700|A|213.200.87.254|3257|203.157.152.0/24|')), false);
  assert.equal(looksLikeMrt(new TextEncoder().encode('Network          Next Hop            Metric LocPrf Weight Path')), false);
});

test('bzip2: the same records as the gzip file (updates.20071015.1505, recompressed with bzip2 -9)', async () => {
  const dir = path.resolve(__dirname, '../fixtures/mrt');
  const lines = async (f: string): Promise<string[]> => {
    const out: string[] = [];
    await readMrtFile(path.join(dir, f), { route: (r) => out.push(bgpdumpRouteLine(r)) });
    return out;
  };
  const gz = await lines('updates.20071015.1505.gz');
  assert.equal(gz.length, 10496);
  assert.deepEqual(await lines('updates.20071015.1505.bz2'), gz);
});
