/**
 * One bzip2 block decoded at a time from bytes in memory: the format of Julian Seward's bzip2 (block header, symbol
 * map, Huffman tables, MTF/RLE2 symbols, inverse BWT, RLE1, CRC-32), written for speed in plain JavaScript so the
 * panel's reader (and the CLI's) runs the same in Node and in the browser build's Web Worker.
 *
 * Why not `unbzip2-stream`'s decoder (used before): it reads every Huffman code bit by bit through a closure and
 * hands every output byte to a callback; here codes are looked up 10 bits at a time from a table, the bits are kept
 * in a local 32-bit buffer, and the output goes to a typed array (bench/mrtPanel.bench.ts prints both).
 */

/** Thrown when the buffered input ends inside a block: the caller restores its position and waits for more. */
export class NeedInput extends Error {
  constructor() {
    super('bzip2: more input needed');
  }
}
const NEED_INPUT = new NeedInput();

export class Bzip2Error extends Error {}

/** Where the decoder is in its input: the byte to read next, and up to 32 bits already taken from earlier bytes. */
export interface BitCursor {
  buf: Uint8Array;
  /** Bytes of `buf` that hold input. */
  end: number;
  pos: number;
  bits: number;
  count: number;
}

export function readBits(c: BitCursor, n: number): number {
  while (c.count < n) {
    if (c.pos >= c.end) throw NEED_INPUT;
    c.bits = (c.bits << 8) | c.buf[c.pos++]!;
    c.count += 8;
  }
  c.count -= n;
  return (c.bits >>> c.count) & ((1 << n) - 1);
}

export function read32(c: BitCursor): number {
  return ((readBits(c, 16) << 16) | readBits(c, 16)) >>> 0;
}

/** Drops the rest of the current byte and gives back whole bytes held in the bit buffer (streams start on a byte). */
export function alignToByte(c: BitCursor): void {
  c.pos -= c.count >>> 3;
  c.count = 0;
  c.bits = 0;
}

/** CRC-32 as bzip2 computes it: polynomial 0x04C11DB7, most significant bit first (not zlib's reflected form). */
const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i << 24;
    for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
    t[i] = c;
  }
  return t;
})();

const MAX_GROUPS = 6;
const MAX_ALPHA = 258;
const MAX_CODE_LEN = 20;
/** Codes up to this many bits are found by one table look-up; longer ones (rare) by the canonical limits. */
const FAST_BITS = 10;
/** libbzip2 reads at most this many selectors and ignores the rest (a 900 kB block needs 18,000). */
const MAX_SELECTORS = 18_002;
const GROUP_SIZE = 50;

/** Work arrays of one decoder, reused from block to block. */
export class BlockScratch {
  tt = new Int32Array(0);
  /** The chain backwards: for each entry, the one before it (high bits) and its byte, as tt has them forwards. */
  back = new Int32Array(0);
  /** The block's bytes in order, before RLE1 is undone. */
  pre = new Uint8Array(0);
  out = new Uint8Array(1 << 20);
  readonly fast = new Int32Array(MAX_GROUPS << FAST_BITS);
  readonly limit = new Int32Array(MAX_GROUPS * (MAX_CODE_LEN + 2));
  readonly base = new Int32Array(MAX_GROUPS * (MAX_CODE_LEN + 2));
  readonly perm = new Uint16Array(MAX_GROUPS * MAX_ALPHA);
  readonly maxLen = new Int32Array(MAX_GROUPS);
  readonly lengths = new Uint8Array(MAX_ALPHA);
  readonly selectors = new Uint8Array(MAX_SELECTORS);
  readonly counts = new Int32Array(256);
  readonly mtf = new Uint8Array(256);
}

/** The block's decoded bytes are `scratch.out[0 … length)`; `crc` is the one its header declared (already checked). */
export interface DecodedBlock {
  readonly length: number;
  readonly crc: number;
}

/**
 * Decodes the block whose 48-bit magic was just read. `level` is the stream's block size (1–9, × 100 kB).
 * Throws NeedInput when the buffered bytes end first, Bzip2Error when the data is not a valid block.
 */
export function decodeBlock(c: BitCursor, level: number, s: BlockScratch): DecodedBlock {
  const crc = read32(c);
  if (readBits(c, 1) !== 0) throw new Bzip2Error('bzip2: a randomised block (written by bzip2 before version 0.9.5) is not supported');
  const origPtr = readBits(c, 24);
  // Symbol map: which byte values occur, in 16 groups of 16.
  const used = readBits(c, 16);
  const mtf = s.mtf;
  let inUse = 0;
  for (let g = 0; g < 16; g++) {
    if ((used & (0x8000 >>> g)) === 0) continue;
    const bits = readBits(c, 16);
    for (let k = 0; k < 16; k++) if (bits & (0x8000 >>> k)) mtf[inUse++] = (g << 4) | k;
  }
  if (inUse === 0) throw new Bzip2Error('bzip2: a block uses no byte value');
  const alpha = inUse + 2;
  const groups = readBits(c, 3);
  if (groups < 2 || groups > MAX_GROUPS) throw new Bzip2Error(`bzip2: ${groups} Huffman tables in a block (2 to 6 allowed)`);
  const nSelectors = readBits(c, 15);
  if (nSelectors < 1) throw new Bzip2Error('bzip2: a block has no selectors');
  // Selectors, MTF-coded over the table numbers, each in unary.
  const order = [0, 1, 2, 3, 4, 5];
  const selectors = s.selectors;
  for (let i = 0; i < nSelectors; i++) {
    let j = 0;
    while (readBits(c, 1) === 1) if (++j >= groups) throw new Bzip2Error('bzip2: a selector names no table');
    const t = order[j]!;
    for (; j > 0; j--) order[j] = order[j - 1]!;
    order[0] = t;
    if (i < MAX_SELECTORS) selectors[i] = t;
  }
  const selectorCount = Math.min(nSelectors, MAX_SELECTORS);
  // Code lengths, delta-coded, then the canonical codes of each table.
  const { fast, limit, base, perm, maxLen, lengths } = s;
  fast.fill(0);
  for (let t = 0; t < groups; t++) {
    let len = readBits(c, 5);
    let longest = 0;
    for (let i = 0; i < alpha; i++) {
      for (;;) {
        if (len < 1 || len > MAX_CODE_LEN) throw new Bzip2Error(`bzip2: a Huffman code length of ${len}`);
        if (readBits(c, 1) === 0) break;
        len += readBits(c, 1) === 0 ? 1 : -1;
      }
      lengths[i] = len;
      if (len > longest) longest = len;
    }
    maxLen[t] = longest;
    const lo = t * (MAX_CODE_LEN + 2);
    let code = 0;
    let index = 0;
    for (let l = 1; l <= MAX_CODE_LEN; l++) {
      const first = code;
      base[lo + l] = code - index;
      for (let i = 0; i < alpha; i++) {
        if (lengths[i] !== l) continue;
        perm[t * MAX_ALPHA + index++] = i;
        if (l <= FAST_BITS) fast.fill((i << 5) | l, (t << FAST_BITS) + (code << (FAST_BITS - l)), (t << FAST_BITS) + ((code + 1) << (FAST_BITS - l)));
        code++;
      }
      if (code > 1 << l) throw new Bzip2Error('bzip2: a Huffman table has more codes than its lengths allow');
      limit[lo + l] = code - 1;
      if (code === first) limit[lo + l] = -1;
      code <<= 1;
    }
  }

  const n = decodeSymbols(c, level, s, inUse, selectorCount);
  if (origPtr >= n) throw new Bzip2Error(`bzip2: a block's origin pointer ${origPtr} is past its ${n} bytes`);
  inverseBwt(s, n);
  walk(s, n, origPtr);
  const length = unRle1(s, n);
  const computed = crcOf(s.out, length);
  if (computed !== crc) throw new Bzip2Error(`bzip2: block CRC mismatch (stored ${crc.toString(16)}, computed ${computed.toString(16)}): the file is corrupt`);
  return { length, crc };
}

/** The symbols: MTF positions and RUNA/RUNB runs of the front byte, up to the end-of-block symbol, into `s.tt`. */
function decodeSymbols(c: BitCursor, level: number, s: BlockScratch, inUse: number, selectorCount: number): number {
  const { fast, limit, base, perm, maxLen, selectors, mtf } = s;
  const max = level * 100_000;
  if (s.tt.length < max) s.tt = new Int32Array(max);
  const tt = s.tt;
  const counts = s.counts;
  counts.fill(0);
  const eob = inUse + 1;
  const buf = c.buf;
  const end = c.end;
  let pos = c.pos;
  let bits = c.bits;
  let count = c.count;
  let n = 0;
  let run = 0;
  let runBit = 0;
  let left = 0;
  let sel = 0;
  let table = 0;
  let fastBase = 0;
  let lo = 0;
  let longest = 0;
  for (;;) {
    if (left === 0) {
      if (sel >= selectorCount) throw new Bzip2Error('bzip2: a block runs past its selectors');
      table = selectors[sel++]!;
      fastBase = table << FAST_BITS;
      lo = table * (MAX_CODE_LEN + 2);
      longest = maxLen[table]!;
      left = GROUP_SIZE;
    }
    left--;
    while (count <= 24) {
      if (pos >= end) throw NEED_INPUT;
      bits = (bits << 8) | buf[pos++]!;
      count += 8;
    }
    const e = fast[fastBase + ((bits >>> (count - FAST_BITS)) & ((1 << FAST_BITS) - 1))]!;
    let sym: number;
    if (e !== 0) {
      count -= e & 31;
      sym = e >>> 5;
    } else {
      let l = FAST_BITS + 1;
      let code = (bits >>> (count - l)) & ((1 << l) - 1);
      while (code > limit[lo + l]!) {
        if (++l > longest) throw new Bzip2Error('bzip2: a bit sequence that is no Huffman code');
        code = (bits >>> (count - l)) & ((1 << l) - 1);
      }
      count -= l;
      sym = perm[table * MAX_ALPHA + code - base[lo + l]!]!;
    }
    if (sym <= 1) {
      // RUNA (0) and RUNB (1): a run length in bijective base 2, least significant digit first.
      if (runBit > 20) throw new Bzip2Error('bzip2: a run longer than a block');
      run += (sym + 1) << runBit++;
      continue;
    }
    if (run > 0) {
      if (n + run > max) throw new Bzip2Error('bzip2: a block longer than its stream\'s block size');
      const b = mtf[0]!;
      counts[b]! += run;
      tt.fill(b, n, n + run);
      n += run;
      run = 0;
      runBit = 0;
    }
    if (sym === eob) break;
    if (n >= max) throw new Bzip2Error('bzip2: a block longer than its stream\'s block size');
    // Symbol k names the byte at MTF position k − 1, which moves to the front.
    let k = sym - 1;
    const b = mtf[k]!;
    for (; k > 0; k--) mtf[k] = mtf[k - 1]!;
    mtf[0] = b;
    counts[b]!++;
    tt[n++] = b;
  }
  c.pos = pos;
  c.bits = bits;
  c.count = count;
  return n;
}

/**
 * Inverse BWT: each entry's low byte is its symbol; in `tt` the high bits get the index of the entry that follows
 * it, in `back` the index of the one before it (the LF mapping), so the chain can be walked from both ends at once.
 */
function inverseBwt(s: BlockScratch, n: number): void {
  const { tt, counts } = s;
  if (s.back.length < tt.length) s.back = new Int32Array(tt.length);
  const back = s.back;
  let sum = 0;
  for (let b = 0; b < 256; b++) {
    const k = counts[b]!;
    counts[b] = sum;
    sum += k;
  }
  for (let i = 0; i < n; i++) {
    const b = tt[i]! & 0xff;
    const j = counts[b]!++;
    tt[j]! |= i << 8;
    back[i] = (j << 8) | b;
  }
}

/**
 * The block's bytes in order. The chain visits every entry once and ends on the origin pointer, so it is walked
 * forwards from the origin's successor and backwards from the origin together, meeting in the middle: each step is
 * a load from an unpredictable place in a 3.6 MB array, and two independent ones wait on memory at the same time.
 */
function walk(s: BlockScratch, n: number, origPtr: number): void {
  const { tt, back } = s;
  if (s.pre.length < tt.length) s.pre = new Uint8Array(tt.length);
  const pre = s.pre;
  const half = n >>> 1;
  let ahead = tt[origPtr]! >>> 8;
  let behind = origPtr;
  for (let i = 0, k = n - 1; i < half; i++, k--) {
    const v = tt[ahead]!;
    const w = back[behind]!;
    pre[i] = v;
    pre[k] = w;
    ahead = v >>> 8;
    behind = w >>> 8;
  }
  if (n & 1) pre[half] = tt[ahead]!;
}

/** Undoes RLE1: four equal bytes are followed by a count of further copies, 0–255. */
function unRle1(s: BlockScratch, n: number): number {
  const pre = s.pre;
  let out = s.out;
  if (out.length < n) out = s.out = new Uint8Array(Math.max(n, out.length * 2));
  let o = 0;
  let last = -1;
  let same = 0;
  for (let i = 0; i < n; i++) {
    const b = pre[i]!;
    if (same === 4) {
      if (o + b + (n - i) > out.length) {
        const grown = new Uint8Array(Math.max(out.length * 2, o + b + (n - i)));
        grown.set(out.subarray(0, o));
        out = s.out = grown;
      }
      out.fill(last, o, o + b);
      o += b;
      same = 0;
      last = -1;
      continue;
    }
    if (b === last) same++;
    else {
      last = b;
      same = 1;
    }
    out[o++] = b;
  }
  return o;
}

function crcOf(bytes: Uint8Array, length: number): number {
  let crc = -1;
  for (let i = 0; i < length; i++) crc = (crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ bytes[i]!) & 0xff]!;
  return ~crc >>> 0;
}
