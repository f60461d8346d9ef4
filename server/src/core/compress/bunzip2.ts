/**
 * bzip2 (RouteViews' compression) as an async stream of chunks, in Node and in a browser Web Worker alike: the
 * input is buffered until a whole block is surely there, then bzip2Block.ts decodes it. Streams written one after
 * another (pbzip2, or files joined with `cat`) are read in turn; bytes after the last stream that are no stream
 * header are ignored, as bzip2(1) does.
 */
import {
  alignToByte,
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
} from './bzip2Block';

/**
 * A block is tried once this many bytes past its start are buffered (a level-N block compresses to a little under
 * N × 100 kB at worst); if the input still ends inside it, the decoder waits for more and tries again.
 */
const BLOCK_BYTES = 100_000;
const HEADROOM = 25_000;

type Step = { readonly kind: 'header'; readonly level: number } | { readonly kind: 'block'; readonly length: number; readonly crc: number } | { readonly kind: 'end' } | { readonly kind: 'trailing' };

export async function* bunzip2(input: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const c: BitCursor = { buf: new Uint8Array(1 << 20), end: 0, pos: 0, bits: 0, count: 0 };
  const scratch = new BlockScratch();
  /** Block size level of the current stream; 0 before a stream header. */
  let level = 0;
  let streams = 0;
  let streamCrc = 0;
  let done = false;

  const append = (chunk: Uint8Array): void => {
    // Keep the unread bytes (and any the bit buffer holds back) at the front, then add the chunk.
    const keep = c.pos - (c.count >>> 3);
    const live = c.end - keep;
    if (live + chunk.length > c.buf.length) {
      const grown = new Uint8Array(Math.max(c.buf.length * 2, live + chunk.length));
      grown.set(c.buf.subarray(keep, c.end));
      c.buf = grown;
    } else c.buf.copyWithin(0, keep, c.end);
    c.buf.set(chunk, live);
    c.pos -= keep;
    c.end = live + chunk.length;
  };

  const step = (): Step => {
    if (level === 0) {
      if (c.end - c.pos < 4) throw new NeedInput();
      const l = streamLevel(c.buf, c.pos);
      if (l === 0) {
        if (streams > 0) return { kind: 'trailing' };
        throw new Bzip2Error('bzip2: no "BZh1"–"BZh9" stream header');
      }
      c.pos += 4;
      return { kind: 'header', level: l };
    }
    const hi = readBits(c, 24);
    const lo = readBits(c, 24);
    if (hi === BLOCK_MAGIC_HI && lo === BLOCK_MAGIC_LO) return { kind: 'block', ...decodeBlock(c, level, scratch) };
    if (hi === END_MAGIC_HI && lo === END_MAGIC_LO) {
      const crc = read32(c);
      if (crc !== streamCrc >>> 0) throw new Bzip2Error(`bzip2: stream CRC mismatch (stored ${crc.toString(16)}, computed ${(streamCrc >>> 0).toString(16)}): the file is corrupt`);
      alignToByte(c);
      return { kind: 'end' };
    }
    throw new Bzip2Error('bzip2: no block or end-of-stream marker where one must be: the file is corrupt');
  };

  /** Runs steps while the buffer holds enough (all of it once the input has ended), yielding decoded blocks. */
  function* drain(ended: boolean): Generator<Uint8Array> {
    while (!done) {
      const available = c.end - c.pos + (c.count >>> 3);
      if (!ended && level > 0 && available < level * BLOCK_BYTES + HEADROOM) return;
      if (ended && level === 0 && available === 0) return;
      const saved = { pos: c.pos, bits: c.bits, count: c.count };
      let r: Step;
      try {
        r = step();
      } catch (e) {
        if (!(e instanceof NeedInput)) throw e;
        c.pos = saved.pos;
        c.bits = saved.bits;
        c.count = saved.count;
        if (ended) throw new Bzip2Error('bzip2: the file ends inside a compressed stream');
        return;
      }
      switch (r.kind) {
        case 'header':
          level = r.level;
          streamCrc = 0;
          streams++;
          break;
        case 'block': {
          streamCrc = withBlockCrc(streamCrc, r.crc);
          if (r.length > 0) yield scratch.out.slice(0, r.length);
          break;
        }
        case 'end':
          level = 0;
          break;
        case 'trailing':
          done = true;
          return;
      }
    }
  }

  for await (const chunk of input) {
    if (chunk.length === 0 || done) continue;
    append(chunk);
    yield* drain(false);
  }
  yield* drain(true);
  if (level !== 0) throw new Bzip2Error('bzip2: the file ends inside a compressed stream');
  if (streams === 0) throw new Bzip2Error('bzip2: the file is empty');
}
