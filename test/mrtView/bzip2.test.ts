/**
 * The panel's bzip2 decoder (core/compress/bunzip2.ts, bzip2Block.ts; the CLI reads with it too) against the reference: bytes compressed by
 * Debian's bzip2 1.0.8 (the program RouteViews' files are written with) must come back exactly, whatever the slices
 * the input arrives in; RLE1's edge cases (runs of 3, 4, 5, 259 and 260 equal bytes), every byte value, random
 * (incompressible) bytes, block sizes 1 and 9, several blocks, streams joined one after another, bytes after the
 * last stream, a cut file and a flipped byte. Skipped where bzip2(1) is not installed (scripts/apt-packages.txt).
 * The decoder that spreads blocks over worker threads (compress/node/bunzip2Threads.ts, the CLI's) is held to the
 * same files and errors, and to false block starts, which bzip2(1) cannot be made to write.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { bunzip2 } from '../../server/src/core/compress/bunzip2';
import { bunzip2Threads, type ThreadsOptions } from '../../server/src/core/compress/node/bunzip2Threads';
import { bgpdumpRouteLine } from '../../server/src/core/mrt/bgpdumpText';
import { readMrtFile } from '../../server/src/core/mrt/node/readMrtFile';

const haveBzip2 = spawnSync('bzip2', ['--help'], { encoding: 'utf8' }).error === undefined;
const skip = haveBzip2 ? false : 'bzip2(1) is not installed';

function compress(bytes: Uint8Array, level = 9): Uint8Array {
  const r = spawnSync('bzip2', [`-${level}`, '-c'], { input: bytes, maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, r.stderr.toString());
  return new Uint8Array(r.stdout);
}

/** The sequential decoder, or (`threads`) the one that decodes blocks in worker threads. */
async function decode(bz: Uint8Array, slice = 1 << 16, threads?: number, options?: ThreadsOptions): Promise<Uint8Array> {
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (let at = 0; at < bz.length; at += slice) yield bz.subarray(at, at + slice);
  }
  const parts: Uint8Array[] = [];
  for await (const p of threads === undefined ? bunzip2(chunks()) : bunzip2Threads(chunks(), threads, options)) parts.push(p);
  return Buffer.concat(parts);
}

/** Deterministic bytes: `n` of them from a small generator, drawn from `alphabet` values (1: a single repeated byte). */
function pseudoRandom(n: number, alphabet: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = (x >>> 0) % alphabet;
  }
  return out;
}

const runs = (lengths: readonly number[]): Uint8Array => Uint8Array.from(lengths.flatMap((n, i) => Array<number>(n).fill((i * 37) & 0xff)));

test('bzip2: decodes what bzip2(1) wrote, byte for byte, in any slicing', { skip }, async () => {
  const cases: [string, Uint8Array, number][] = [
    ['one byte', Uint8Array.of(0x41), 9],
    ['RLE1 edges: runs of 1–6, 255, 258–262 and 1000 equal bytes', runs([1, 2, 3, 4, 5, 6, 255, 258, 259, 260, 261, 262, 1000, 4, 4, 5]), 9],
    ['every byte value, twice', Uint8Array.from({ length: 512 }, (_, i) => i & 0xff), 9],
    ['random bytes (incompressible), several blocks at level 1', pseudoRandom(350_000, 256, 7), 1],
    ['few symbols, long repeats, several blocks at level 1', pseudoRandom(400_000, 3, 11), 1],
    ['an MRT-like mix at level 9, two blocks', Uint8Array.from({ length: 1_200_000 }, (_, i) => ((i % 97) * (i % 13)) & 0xff), 9],
    // A block that repeats itself: its BWT chain is a cycle shorter than the block, walked round several times.
    ['a block of 800 kB repeating 1,000 random bytes', Buffer.concat(Array<Uint8Array>(800).fill(pseudoRandom(1000, 256, 9))), 9],
    ['a block of one byte value', new Uint8Array(300_000).fill(7), 9],
  ];
  for (const [name, bytes, level] of cases) {
    const bz = compress(bytes, level);
    for (const slice of [1 << 20, 4099, 1]) {
      if (slice === 1 && bz.length > 20_000) continue;
      assert.deepEqual(await decode(bz, slice), Buffer.from(bytes), `${name}, slices of ${slice}`);
    }
    for (const slice of [1 << 20, 4099]) assert.deepEqual(await decode(bz, slice, 3), Buffer.from(bytes), `${name}, in threads, slices of ${slice}`);
  }
});

test('bzip2 in threads: false block starts (a magic inside compressed data) change nothing', { skip }, async () => {
  const bytes = pseudoRandom(700_000, 7, 21);
  const bz = compress(bytes, 1);
  // Starts every ~10 kB, most inside blocks: each block's piece is cut short and the block is decoded again here.
  const falseStarts = Array.from({ length: Math.floor(bz.length / 9973) }, (_, i) => 100 + i * 9973 * 8 + (i % 8));
  for (const slice of [1 << 20, 5000]) assert.deepEqual(await decode(bz, slice, 2, { falseStarts }), Buffer.from(bytes), `slices of ${slice}`);
});

test('bzip2: an empty stream, streams joined with cat, and bytes after the last stream', { skip }, async () => {
  assert.deepEqual(await decode(compress(new Uint8Array(0))), Buffer.alloc(0));
  const a = pseudoRandom(150_000, 40, 3);
  const b = runs([300, 2, 9, 4]);
  const joined = Buffer.concat([compress(a, 1), compress(new Uint8Array(0)), compress(b, 9)]);
  assert.deepEqual(await decode(joined, 333), Buffer.concat([a, b]));
  assert.deepEqual(await decode(joined, 333, 2), Buffer.concat([a, b]));
  // bzip2(1) warns of trailing garbage and keeps what it decoded; so does the panel.
  const trailing = Buffer.concat([compress(b), Buffer.from('\0\0\0\0garbage')]);
  assert.deepEqual(await decode(trailing), Buffer.from(b));
  assert.deepEqual(await decode(trailing, undefined, 2), Buffer.from(b));
  // A block magic in the bytes after the last stream is found by the search and never taken.
  const magicAfter = Buffer.concat([compress(b), Buffer.from([0, 0, 0, 0, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59, 1, 2, 3, 4, 5, 6, 7, 8])]);
  assert.deepEqual(await decode(magicAfter, undefined, 2), Buffer.from(b));
});

test('bzip2: a cut file and a flipped byte are errors that say so, after the blocks before them', { skip }, async () => {
  const bytes = pseudoRandom(250_000, 5, 5);
  const bz = compress(bytes, 1);
  await assert.rejects(decode(bz.subarray(0, bz.length - 10)), /ends inside a compressed stream/);
  await assert.rejects(decode(bz.subarray(0, bz.length - 10), undefined, 2), /ends inside a compressed stream/);
  const blocks: Uint8Array[] = [];
  await assert.rejects(
    (async () => {
      async function* one(): AsyncGenerator<Uint8Array> {
        yield bz.subarray(0, bz.length >> 1);
      }
      for await (const p of bunzip2(one())) blocks.push(p);
    })(),
    /ends inside a compressed stream/,
  );
  assert.ok(blocks.length >= 1, 'the whole blocks before the cut are given');
  assert.deepEqual(Buffer.concat(blocks), Buffer.from(bytes.subarray(0, Buffer.concat(blocks).length)));
  for (const at of [40, bz.length >> 1, bz.length - 30]) {
    const bad = Uint8Array.from(bz);
    bad[at] = bad[at]! ^ 0x10;
    await assert.rejects(decode(bad), /bzip2: /, `byte ${at} flipped`);
    await assert.rejects(decode(bad, undefined, 2), /bzip2: /, `byte ${at} flipped, in threads`);
  }
  await assert.rejects(decode(new Uint8Array(0), undefined, 2), /the file is empty/);
  await assert.rejects(decode(new TextEncoder().encode('BGP4MP|1192460700|A|')), /no "BZh1"–"BZh9" stream header/);
});

test('bzip2: random inputs round-trip through bzip2(1) (property)', { skip }, async () => {
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 5000 }), fc.nat(255), async (bytes, level, slice, repeat) => {
      // Runs of one byte exercise RLE1 and RUNA/RUNB; the random part the MTF and the Huffman tables.
      const input = Buffer.concat([bytes, Buffer.alloc(repeat * 3, repeat), bytes.subarray(0, 100)]);
      assert.deepEqual(await decode(compress(input, level), slice), input);
    }),
    { numRuns: 60 },
  );
});

test('bzip2: random blocks over alphabets of 2 to 256 values round-trip through bzip2(1) (property)', { skip }, async () => {
  // Tens of thousands of symbols over wide alphabets take bytes from deep in the move-to-front list, again and again,
  // so that its runs of 16 slide down their room and are laid out afresh (bzip2Block.ts mtfTake).
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 1, max: 60_000 }), fc.integer({ min: 2, max: 256 }), fc.nat(), fc.integer({ min: 1, max: 9 }), async (n, alphabet, seed, level) => {
      const input = pseudoRandom(n, alphabet, seed);
      assert.deepEqual(await decode(compress(input, level)), Buffer.from(input));
    }),
    { numRuns: 25 },
  );
});

test('bzip2 in threads, as the CLI reads: a real RIS update file gives the records of its gzip original', async () => {
  const dir = path.resolve(__dirname, '../fixtures/mrt');
  const lines = async (f: string, bzip2Threads?: number): Promise<string[]> => {
    const out: string[] = [];
    await readMrtFile(path.join(dir, f), { route: (r) => out.push(bgpdumpRouteLine(r)) }, { bzip2Threads });
    return out;
  };
  const gz = await lines('updates.20071015.1505.gz');
  assert.equal(gz.length, 10496);
  assert.deepEqual(await lines('updates.20071015.1505.bz2', 2), gz);
});
