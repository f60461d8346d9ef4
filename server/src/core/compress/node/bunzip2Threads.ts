/**
 * bzip2 decoded by worker threads, a block each, for Node callers with cores to spare: bzip2's blocks are coded
 * independently (each restarts its Huffman tables, MTF list and BWT), so while this thread walks the stream's
 * structure in order and the caller reads what comes out, the blocks ahead are decoded elsewhere. Blocks start at
 * the 48-bit magic 0x314159265359, at any bit: the stored bytes are searched for it, and every place found is
 * handed to a worker as a guess. Only the walk in order decides: a block's decoder says where the block ended,
 * which is where the next marker must be, so a magic that merely occurs inside compressed data is never taken for
 * a block (its guess goes unused), and a block cut short by such a false start is decoded again here with more
 * bytes. Output, errors and their messages are those of the sequential decoder (bunzip2.ts), which this follows
 * step for step; bzip2.test.ts runs both on the same files.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, workerData, type Worker } from 'node:worker_threads';
import { selfWorker } from '../../node/selfWorker';
import {
  BLOCK_MAGIC_HI,
  BLOCK_MAGIC_LO,
  BlockScratch,
  Bzip2Error,
  decodeBlock,
  END_MAGIC_HI,
  END_MAGIC_LO,
  NeedInput,
  read32,
  readBits,
  streamLevel,
  withBlockCrc,
  type BitCursor,
} from '../bzip2Block';
/** The 48-bit block magic, most significant bit first. */
const MAGIC_BITS = Array.from({ length: 48 }, (_, i) => (i < 24 ? BLOCK_MAGIC_HI >>> (23 - i) : BLOCK_MAGIC_LO >>> (47 - i)) & 1);
/**
 * `SHIFTS[b]`: the bit offsets s (0–7) at which a magic starting at bit s of a byte makes the next byte b. Every
 * byte is looked up once; a hit (rare) is then checked bit by bit.
 */
const SHIFTS = (() => {
  const t = new Uint8Array(256);
  for (let s = 0; s < 8; s++) {
    let b = 0;
    for (let k = 0; k < 8; k++) b = (b << 1) | MAGIC_BITS[8 - s + k]!;
    t[b] = t[b]! | (1 << s);
  }
  return t;
})();
/** Bytes past the next guessed block start that a piece carries: the decoder reads up to 4 bytes ahead. */
const SLACK = 8;
/** A block with no guessed start after it is handed out once this many bytes past its start are there (see bunzip2.ts). */
const BLOCK_BYTES = 100_000;
const HEADROOM = 25_000;

interface Decoded {
  readonly out?: Uint8Array<ArrayBuffer>;
  readonly crc?: number;
  /** Bit just past the block, counted from the piece's first byte. */
  readonly end?: number;
  /** 'need': the piece ended inside the block. */
  readonly error?: string;
}

interface Job {
  readonly id: number;
  readonly piece: Uint8Array;
  /** Bits of the piece's first byte before the magic. */
  readonly skip: number;
  readonly level: number;
}

/** Decodes the block whose magic starts `skip` bits into `piece`. */
function decodePiece(job: Job, scratch: BlockScratch): Decoded {
  const c: BitCursor = { buf: job.piece, end: job.piece.length, pos: 0, bits: 0, count: 0 };
  try {
    if (job.skip > 0) readBits(c, job.skip);
    if (readBits(c, 24) !== BLOCK_MAGIC_HI || readBits(c, 24) !== BLOCK_MAGIC_LO) return { error: 'bzip2: no block where one was found' };
    const r = decodeBlock(c, job.level, scratch);
    return { out: scratch.out.slice(0, r.length), crc: r.crc, end: c.pos * 8 - c.count };
  } catch (e) {
    return { error: e instanceof NeedInput ? 'need' : e instanceof Error ? e.message : String(e) };
  }
}

/** Threads to decode with by default: every processor (this thread mostly waits or reads what comes out), at most 8. */
export function defaultBzip2Threads(): number {
  return Math.min(8, availableParallelism());
}

export interface ThreadsOptions {
  /**
   * Absolute bit offsets taken for block starts besides the magics found: for tests, which cannot make bzip2(1)
   * write a magic inside compressed data (one in 2^48 bit offsets), to show such false starts change nothing.
   */
  readonly falseStarts?: readonly number[];
}

export async function* bunzip2Threads(input: AsyncIterable<Uint8Array>, threads = defaultBzip2Threads(), options: ThreadsOptions = {}): AsyncGenerator<Uint8Array> {
  const it = input[Symbol.asyncIterator]();
  /** Stored bytes from absolute offset `base` on; `have` of them filled. */
  let data = new Uint8Array(1 << 22);
  let base = 0;
  let have = 0;
  let ended = false;
  /** Absolute byte offset up to which guesses have been searched; the guesses (absolute bit offsets), in order. */
  let searched = 0;
  const guesses: number[] = [];
  let nextGuess = 0;

  /** Reads one more chunk of input (false at its end), keeping the bytes from `keepFrom` (absolute) on. */
  const more = async (keepFrom: number): Promise<boolean> => {
    if (ended) return false;
    const r = await it.next();
    if (r.done) {
      ended = true;
      return false;
    }
    const chunk = r.value;
    const drop = Math.min(keepFrom, searched) - base;
    const live = base + have - Math.min(keepFrom, searched);
    if (live + chunk.length > data.length) {
      const grown = new Uint8Array(Math.max(2 * data.length, live + chunk.length));
      grown.set(data.subarray(drop, have));
      data = grown;
    } else data.copyWithin(0, drop, have);
    base += drop;
    have = live;
    data.set(chunk, have);
    have += chunk.length;
    search();
    return true;
  };

  /** Finds block magics in the bytes not yet searched (a magic's 7 bytes must all be there). */
  const search = (): void => {
    const bytes = data;
    const last = have - 7;
    const from = guesses.length;
    let o = Math.max(searched, base) - base;
    for (; o <= last; o++) {
      const m = SHIFTS[bytes[o + 1]!]!;
      if (m !== 0) for (let s = 0; s < 8; s++) if ((m >>> s) & 1 && magicAt((base + o) * 8 + s)) guesses.push((base + o) * 8 + s);
    }
    for (const f of options.falseStarts ?? []) if (f >= searched * 8 && f < (base + o) * 8) guesses.push(f);
    if (options.falseStarts !== undefined) guesses.splice(from, guesses.length - from, ...guesses.slice(from).sort((a, b) => a - b));
    searched = Math.max(searched, base + o);
  };
  const bit = (abs: number): number => (data[(abs >>> 3) - base]! >>> (7 - (abs & 7))) & 1;
  const magicAt = (abs: number): boolean => {
    for (let k = 0; k < 48; k++) if (bit(abs + k) !== MAGIC_BITS[k]) return false;
    return true;
  };

  // Workers, each decoding the pieces sent to it in turn; results by job id.
  const workers: Worker[] = [];
  const waiting = new Map<number, (d: Decoded) => void>();
  /** Blocks handed out, by guessed start: the stream level they were decoded for, and the answer to come. */
  const pending = new Map<number, { readonly level: number; readonly decoded: Promise<Decoded> }>();
  /** A worker that failed answers every piece it held with its error. */
  const fail = (e: Error): void => {
    for (const resolve of waiting.values()) resolve({ error: `bzip2: a decoding thread failed: ${e.message}` });
    waiting.clear();
  };
  const workerFor = (id: number): Worker => {
    const k = id % threads;
    if (workers[k] === undefined) {
      const w = selfWorker(__filename, { routelensBunzip2: true });
      w.on('message', (m: Decoded & { id: number }) => {
        waiting.get(m.id)?.(m);
        waiting.delete(m.id);
      });
      w.on('error', fail);
      w.on('exit', (code) => fail(new Error(`it exited with ${code}`)));
      workers[k] = w;
    }
    return workers[k];
  };
  let jobs = 0;
  /** Sends the block guessed at `start` (absolute bit) to a worker, its piece ending `end` bytes in (absolute). */
  const send = (start: number, end: number, level: number): void => {
    const id = jobs++;
    const piece = data.slice((start >>> 3) - base, end - base);
    pending.set(start, { level, decoded: new Promise<Decoded>((resolve) => waiting.set(id, resolve)) });
    workerFor(id).postMessage({ id, piece, skip: start & 7, level } satisfies Job, [piece.buffer]);
  };
  /** Hands out guesses while fewer than two per thread are in flight, each once its piece is all there. */
  const sendAhead = (level: number): void => {
    while (nextGuess < guesses.length && pending.size < 2 * threads) {
      const start = guesses[nextGuess]!;
      const after = guesses[nextGuess + 1];
      const end = after !== undefined ? (after >>> 3) + SLACK : (start >>> 3) + level * BLOCK_BYTES + HEADROOM;
      if (base + have < end && !ended) return;
      send(start, Math.min(base + have, end), level);
      nextGuess++;
    }
  };

  /** The bit cursor over the stored bytes at absolute bit `abs`, for the stream's structure. */
  const cursorAt = (abs: number): BitCursor => {
    const c: BitCursor = { buf: data, end: have, pos: (abs >>> 3) - base, bits: 0, count: 0 };
    if ((abs & 7) !== 0) readBits(c, abs & 7);
    return c;
  };
  /** Runs `read` on a cursor at `abs`, reading more input while it needs it; null when the input ends first. */
  const withBits = async <T>(abs: number, read: (c: BitCursor) => T): Promise<{ value: T; end: number } | null> => {
    for (;;) {
      try {
        const c = cursorAt(abs);
        const value = read(c);
        return { value, end: (base + c.pos) * 8 - c.count };
      } catch (e) {
        if (!(e instanceof NeedInput)) throw e;
        if (!(await more(abs >>> 3))) return null;
      }
    }
  };
  const scratch = new BlockScratch();

  try {
    search();
    let at = 0;
    let level = 0;
    let streams = 0;
    let streamCrc = 0;
    for (;;) {
      if (level === 0) {
        while (base + have - (at >>> 3) < 4 && (await more(at >>> 3)));
        const left = base + have - (at >>> 3);
        if (left === 0 && ended) break;
        if (left < 4) throw new Bzip2Error('bzip2: the file ends inside a compressed stream');
        const l = streamLevel(data, (at >>> 3) - base);
        if (l === 0) {
          if (streams > 0) break;
          throw new Bzip2Error('bzip2: no "BZh1"–"BZh9" stream header');
        }
        level = l;
        streams++;
        streamCrc = 0;
        at += 32;
        continue;
      }
      const marker = await withBits(at, (c) => [readBits(c, 24), readBits(c, 24)] as const);
      if (marker === null) throw new Bzip2Error('bzip2: the file ends inside a compressed stream');
      const [hi, lo] = marker.value;
      if (hi === END_MAGIC_HI && lo === END_MAGIC_LO) {
        const stored = await withBits(marker.end, read32);
        if (stored === null) throw new Bzip2Error('bzip2: the file ends inside a compressed stream');
        if (stored.value !== streamCrc >>> 0) throw new Bzip2Error(`bzip2: stream CRC mismatch (stored ${stored.value.toString(16)}, computed ${(streamCrc >>> 0).toString(16)}): the file is corrupt`);
        at = (stored.end + 7) & ~7;
        level = 0;
        continue;
      }
      if (hi !== BLOCK_MAGIC_HI || lo !== BLOCK_MAGIC_LO) throw new Bzip2Error('bzip2: no block or end-of-stream marker where one must be: the file is corrupt');
      // Guesses before this block are no blocks (magics inside compressed data): skip them.
      while (nextGuess < guesses.length && guesses[nextGuess]! < at) nextGuess++;
      for (const start of [...pending.keys()]) if (start < at) pending.delete(start);
      // The input is read ahead until this block and two per thread after it are handed out (the search finds
      // this block's magic once its bytes are read; guesses past the end of the stream take its level, and are
      // decoded again below if the next stream's differs).
      sendAhead(level);
      while ((!pending.has(at) || pending.size < 2 * threads) && (await more(at >>> 3))) sendAhead(level);
      sendAhead(level);
      const job = pending.get(at);
      pending.delete(at);
      let decoded: Decoded = job !== undefined && job.level === level ? await job.decoded : { error: 'need' };
      if (decoded.error === 'need') {
        // The piece ended inside the block (a false magic inside it cut it short): decode it here, with all of it.
        const here = await withBits(at, (c) => {
          readBits(c, 24);
          readBits(c, 24);
          const r = decodeBlock(c, level, scratch);
          return { out: scratch.out.slice(0, r.length), crc: r.crc };
        });
        if (here === null) throw new Bzip2Error('bzip2: the file ends inside a compressed stream');
        decoded = { ...here.value, end: here.end - (at & ~7) };
      }
      if (decoded.error !== undefined) throw new Bzip2Error(decoded.error);
      streamCrc = withBlockCrc(streamCrc, decoded.crc!);
      at = (at & ~7) + decoded.end!;
      if (decoded.out!.length > 0) yield decoded.out!;
    }
    if (streams === 0) throw new Bzip2Error('bzip2: the file is empty');
  } finally {
    for (const w of workers) void w.terminate();
  }
}

// In a worker thread started by bunzip2Threads (this file, or the bundle that holds it): decode pieces as they come.
if (!isMainThread && (workerData as { routelensBunzip2?: boolean } | null)?.routelensBunzip2 === true && parentPort !== null) {
  const port = parentPort;
  const scratch = new BlockScratch();
  port.on('message', (job: Job) => {
    const r = decodePiece(job, scratch);
    port.postMessage({ id: job.id, ...r }, r.out !== undefined ? [r.out.buffer] : []);
  });
}
