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

/** The 48-bit markers before each block and at the end of a stream, as 24-bit halves. */
export const BLOCK_MAGIC_HI = 0x314159;
export const BLOCK_MAGIC_LO = 0x265359;
export const END_MAGIC_HI = 0x177245;
export const END_MAGIC_LO = 0x385090;

/** The block size level (1–9, × 100 kB) that a stream header "BZh1"–"BZh9" at `at` names; 0 when the bytes there are none. */
export function streamLevel(buf: Uint8Array, at: number): number {
  const l = buf[at + 3]!;
  return buf[at] === 0x42 && buf[at + 1] === 0x5a && buf[at + 2] === 0x68 && l >= 0x31 && l <= 0x39 ? l - 0x30 : 0;
}

/** A stream's CRC with one more block's: bzip2 rotates it left by one bit and XORs the block's in. */
export function withBlockCrc(streamCrc: number, blockCrc: number): number {
  return ((streamCrc << 1) | (streamCrc >>> 31)) ^ blockCrc;
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
  /** The pieces of the chain as four slots walk them, each slot in its quarter. */
  seg = new Uint8Array(0);
  /** The block's bytes in order, before RLE1 is undone (the second half holds the walked pieces until then). */
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
  /** The move-to-front list in 16 runs of 16 (see `MtfList`). */
  readonly mtfList = new Uint8Array(MTF_ROOM);
  readonly mtfBase = new Int32Array(16);
}

/**
 * Room of the move-to-front list: its 256 places are kept in 16 runs of 16 that slide down this array, libbzip2's
 * layout (decompress.c), so that moving the byte at place k to the front shifts at most 15 bytes within its run and
 * one byte per run before it, instead of all k.
 */
const MTF_ROOM = 4096;

/** Lays the block's byte values (`values[0 … 256)`, the symbol map's first) out at the end of the list's room. */
function mtfInit(list: Uint8Array, base: Int32Array, values: Uint8Array): void {
  let at = MTF_ROOM - 1;
  for (let run = 15; run >= 0; run--) {
    for (let k = 15; k >= 0; k--) list[at--] = values[run * 16 + k]!;
    base[run] = at + 1;
  }
}

/** The byte at place `k` of the list, moved to the front. */
function mtfTake(list: Uint8Array, base: Int32Array, k: number): number {
  if (k < 16) {
    // Within the first run: shift its first k bytes.
    const p = base[0]!;
    const b = list[p + k]!;
    for (let i = p + k; i > p; i--) list[i] = list[i - 1]!;
    list[p] = b;
    return b;
  }
  let run = k >>> 4;
  let p = base[run]! + (k & 15);
  const b = list[p]!;
  // Close the gap within its run, then each run before it gives its last byte to the next and starts one earlier.
  for (; p > base[run]!; p--) list[p] = list[p - 1]!;
  base[run]!++;
  for (; run > 0; run--) {
    base[run]!--;
    list[base[run]!] = list[base[run - 1]! + 15]!;
  }
  list[--base[0]!] = b;
  // The runs have slid to the start of the room: lay them out at its end again.
  if (base[0] === 0) {
    let at = MTF_ROOM - 1;
    for (let r = 15; r >= 0; r--) {
      for (let i = 15; i >= 0; i--) list[at--] = list[base[r]! + i]!;
      base[r] = at + 1;
    }
  }
  return b;
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
  const { fast, limit, base, perm, maxLen, selectors, mtfList, mtfBase } = s;
  mtfInit(mtfList, mtfBase, s.mtf);
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
      const b = mtfList[mtfBase[0]!]!;
      counts[b]! += run;
      tt.fill(b, n, n + run);
      n += run;
      run = 0;
      runBit = 0;
    }
    if (sym === eob) break;
    if (n >= max) throw new Bzip2Error('bzip2: a block longer than its stream\'s block size');
    // Symbol k names the byte at MTF position k − 1, which moves to the front.
    const b = mtfTake(mtfList, mtfBase, sym - 1);
    counts[b]!++;
    tt[n++] = b;
  }
  c.pos = pos;
  c.bits = bits;
  c.count = count;
  return n;
}

/** Inverse BWT: each entry's low byte is its symbol; the high bits get the index of the entry that follows it. */
function inverseBwt(s: BlockScratch, n: number): void {
  const { tt, counts } = s;
  let sum = 0;
  for (let b = 0; b < 256; b++) {
    const k = counts[b]!;
    counts[b] = sum;
    sum += k;
  }
  for (let i = 0; i < n; i++) tt[counts[tt[i]! & 0xff]!++]! |= i << 8;
}

/** tt's bit 31: a piece of the walk starts at this entry (the pointer takes bits 8–27, a block has < 2^20 entries). */
const START = 0x80000000 | 0;
const POINTER = 0xfffff;
/** Pieces the chain of a large block is cut into; four are walked at a time. */
const PIECES = 32;

/**
 * The block's bytes in order, from the chain through tt (every entry once, unless the block repeats itself). Each
 * step is a load from an unpredictable place in a 3.6 MB array, so a single chain waits on memory at every step. Instead the chain is cut
 * at entries spread over the array (marked in tt) and four pieces are walked in one loop, their loads independent
 * so they wait on memory together; each piece ends where another begins, which puts them back in order. Corrupt
 * data is caught here or by the CRC.
 */
function walk(s: BlockScratch, n: number, origPtr: number): void {
  const tt = s.tt;
  if (s.pre.length < 2 * tt.length) {
    s.pre = new Uint8Array(2 * tt.length);
    s.seg = new Uint8Array(4 * tt.length);
  }
  const first = (tt[origPtr]! >>> 8) & POINTER;
  const starts = [first];
  tt[first] = tt[first]! | START;
  const wanted = n >= 1 << 16 ? PIECES : 1;
  for (let j = 1; j < wanted; j++) {
    const r = Math.floor((j * n) / wanted);
    if (tt[r]! >= 0) {
      tt[r] = tt[r]! | START;
      starts.push(r);
    }
  }
  // Each of the four slots writes its piece into its own quarter of `seg`; a finished piece is appended to `done`.
  const seg = s.seg;
  const done = s.pre;
  const pieceAt: number[] = [];
  const pieceLength: number[] = [];
  const pieceEnd: number[] = [];
  const slot = [-1, -1, -1, -1];
  const base = [0, n, 2 * n, 3 * n];
  let kept = n;
  let nextPiece = 0;
  let walked = 0;
  /** Finishes the piece of slot `k` (it reached entry `end`, a start) and gives the slot the next piece, or none. */
  const refill = (k: number, write: number, end: number): number => {
    if (slot[k]! >= 0) {
      const len = write - base[k]!;
      walked += len;
      if (walked > n) throw new Bzip2Error('bzip2: a block whose BWT chain is broken: the file is corrupt');
      done.set(seg.subarray(base[k], write), kept);
      pieceAt[slot[k]!] = kept;
      pieceLength[slot[k]!] = len;
      pieceEnd[slot[k]!] = end;
      kept += len;
    }
    slot[k] = nextPiece < starts.length ? nextPiece++ : -1;
    return slot[k] < 0 ? -1 : starts[slot[k]]!;
  };
  // A slot's position is that of the entry it reads next; its first read is its piece's (marked) start, stepped
  // over before the loop. An idle slot reads entry `first` (a start) for ever and writes nothing.
  let pa = -1;
  let pb = -1;
  let pc = -1;
  let pd = -1;
  let wa = base[0]!;
  let wb = base[1]!;
  let wc = base[2]!;
  let wd = base[3]!;
  const begin = (k: number, at: number): number => {
    if (at < 0) return first;
    const v = tt[at]!;
    seg[base[k]!] = v;
    return (v >>> 8) & POINTER;
  };
  pa = begin(0, refill(0, wa, 0));
  pb = begin(1, refill(1, wb, 0));
  pc = begin(2, refill(2, wc, 0));
  pd = begin(3, refill(3, wd, 0));
  wa = slot[0]! >= 0 ? wa + 1 : wa;
  wb = slot[1]! >= 0 ? wb + 1 : wb;
  wc = slot[2]! >= 0 ? wc + 1 : wc;
  wd = slot[3]! >= 0 ? wd + 1 : wd;
  while (slot[0]! >= 0 || slot[1]! >= 0 || slot[2]! >= 0 || slot[3]! >= 0) {
    const va = tt[pa]!;
    const vb = tt[pb]!;
    const vc = tt[pc]!;
    const vd = tt[pd]!;
    if ((va | vb | vc | vd) >= 0) {
      seg[wa++] = va;
      seg[wb++] = vb;
      seg[wc++] = vc;
      seg[wd++] = vd;
      pa = (va >>> 8) & POINTER;
      pb = (vb >>> 8) & POINTER;
      pc = (vc >>> 8) & POINTER;
      pd = (vd >>> 8) & POINTER;
      continue;
    }
    // At least one slot reached a start (an idle slot sits on `first`, a start, and is skipped).
    if (va < 0) {
      if (slot[0]! >= 0) {
        pa = begin(0, refill(0, wa, pa));
        wa = base[0]! + (slot[0]! >= 0 ? 1 : 0);
      }
    } else {
      seg[wa++] = va;
      pa = (va >>> 8) & POINTER;
    }
    if (vb < 0) {
      if (slot[1]! >= 0) {
        pb = begin(1, refill(1, wb, pb));
        wb = base[1]! + (slot[1]! >= 0 ? 1 : 0);
      }
    } else {
      seg[wb++] = vb;
      pb = (vb >>> 8) & POINTER;
    }
    if (vc < 0) {
      if (slot[2]! >= 0) {
        pc = begin(2, refill(2, wc, pc));
        wc = base[2]! + (slot[2]! >= 0 ? 1 : 0);
      }
    } else {
      seg[wc++] = vc;
      pc = (vc >>> 8) & POINTER;
    }
    if (vd < 0) {
      if (slot[3]! >= 0) {
        pd = begin(3, refill(3, wd, pd));
        wd = base[3]! + (slot[3]! >= 0 ? 1 : 0);
      }
    } else {
      seg[wd++] = vd;
      pd = (vd >>> 8) & POINTER;
    }
  }
  // The pieces in order: the one from the origin's successor first, then the one starting where it ended, … back
  // to the first. A block that repeats itself (`abcabc`) has a chain shorter than the block, which the reference
  // decoder walks round and round for the block's length: so is it copied here.
  let o = 0;
  let j = 0;
  for (let count = 0; count < starts.length; count++) {
    done.copyWithin(o, pieceAt[j]!, pieceAt[j]! + pieceLength[j]!);
    o += pieceLength[j]!;
    if (pieceEnd[j] === first) break;
    j = starts.indexOf(pieceEnd[j]!);
  }
  if (o === 0 || o > n) throw new Bzip2Error('bzip2: a block whose BWT chain is broken: the file is corrupt');
  for (let have = o; have < n; have *= 2) done.copyWithin(have, 0, Math.min(have, n - have));
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
