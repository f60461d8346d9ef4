/**
 * The MRT reader against bgpdump's own expectations for real RIS files (../shared/corpora/mrt, or the copies of the
 * small ones in test/fixtures/mrt): every route and state change bgpdump prints — kind, time, peer, prefix, path
 * identifier, AS path, origin, next hop, LOCAL_PREF, MED, communities, atomic aggregate, aggregator — must come out
 * of the reader, in the same order. The only normalisation: IPv6 addresses in the expectation are re-printed per
 * RFC 5952, since bgpdump also compresses a single zero group (`2001:7f8:30::2:1:0:8447`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseIPv6 } from '../../server/src/core/net/prefix';
import { ipv6At } from '../../server/src/core/mrt/address';
import { bgpdumpRouteLine, bgpdumpStateLine } from '../../server/src/core/mrt/bgpdumpText';
import { readMrtFile } from '../../server/src/core/mrt/node/readMrtFile';
import type { MrtDiagnostic } from '../../server/src/core/mrt/types';

const repoRoot = path.resolve(__dirname, '../..');
const SHARED = path.join(path.resolve(repoRoot, '../shared'), 'corpora/mrt');
const LOCAL = path.join(repoRoot, 'test/fixtures/mrt');

/** File → the diagnostics it must give (bgpdump says nothing about these). */
const FILES: Readonly<Record<string, readonly string[]>> = {
  'bview.20020722.2337.gz': [],
  'bview.64k_stream_overflow.gz': [],
  'bview.ipv4_unicast_add_path.gz': [],
  'bview.ipv6_unicast_add_path.gz': [],
  'updates.20020722.2238.gz': [],
  'updates.20071015.1505.gz': [],
  'updates.20100722.2015.gz': [],
  'updates.et-header.2015.gz': [],
  'updates.long_withdrawal.gz': [],
  // After the /13 the NLRI field holds one more byte, a /11 with no address bytes: bgpdump drops it silently.
  'updates.nlri_mask_trailing_bits.gz': ['mrt/record-corrupt'],
};

function rfc5952(field: string): string {
  if (!field.includes(':') || field.includes(' ')) return field;
  const slash = field.indexOf('/');
  const addr = slash < 0 ? field : field.slice(0, slash);
  const words = parseIPv6(addr);
  if (words === undefined) return field;
  const bytes = new Uint8Array(16);
  words.forEach((w, i) => new DataView(bytes.buffer).setUint32(4 * i, w >>> 0));
  return ipv6At(bytes, 0) + (slash < 0 ? '' : field.slice(slash));
}

function where(name: string): string | undefined {
  for (const dir of [SHARED, LOCAL]) if (existsSync(path.join(dir, name)) && existsSync(path.join(dir, `${name}.bgpdump.txt.gz`))) return dir;
  return undefined;
}

test('MRT reader reproduces bgpdump -m on RIS files', async (t) => {
  if (where('updates.20071015.1505.gz') === undefined) {
    t.skip('no MRT corpus: neither ../shared/corpora/mrt nor test/fixtures/mrt is present');
    return;
  }
  for (const [name, wantCodes] of Object.entries(FILES)) {
    const dir = where(name);
    await t.test(name, { skip: dir === undefined ? `${name}: only in ../shared, which is not present` : false }, async () => {
      const expected = gunzipSync(readFileSync(path.join(dir!, `${name}.bgpdump.txt.gz`)))
        .toString('utf8')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => l.split('|').map(rfc5952).join('|'));
      const got: string[] = [];
      const diagnostics: MrtDiagnostic[] = [];
      await readMrtFile(path.join(dir!, name), {
        route: (r) => got.push(bgpdumpRouteLine(r)),
        state: (s) => got.push(bgpdumpStateLine(s)),
        diagnostic: (d) => diagnostics.push(d),
      });
      assert.equal(got.length, expected.length, 'as many routes and state changes as bgpdump prints');
      const firstDiff = got.findIndex((l, i) => l !== expected[i]);
      assert.equal(firstDiff, -1, firstDiff < 0 ? '' : `line ${firstDiff + 1}:\n  bgpdump: ${expected[firstDiff]}\n  ours:    ${got[firstDiff]}`);
      assert.deepEqual(
        diagnostics.map((d) => d.code),
        wantCodes,
      );
    });
  }
});
