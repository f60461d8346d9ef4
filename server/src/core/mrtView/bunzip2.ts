/**
 * bzip2 (RouteViews' compression) as an async stream of chunks, in Node and in a browser Web Worker alike: the
 * block decoder of `unbzip2-stream` (MIT, pure JavaScript; the Node CLI uses the same package through its stream
 * wrapper), driven here over Uint8Arrays because the wrapper needs Node's `stream`.
 */
import bitIterator, { type BitReader } from 'unbzip2-stream/lib/bit_iterator';
import bzip2 from 'unbzip2-stream/lib/bzip2';

/**
 * A block is decoded only once its compressed bytes are surely all buffered, since the decoder cannot wait: a
 * level-N block compresses to less than N × 100 kB, plus the headroom the package's own wrapper keeps.
 */
const HEADROOM = 25_000;
const BLOCK = 100_000;

/** Decoded bytes of one block (a block can expand well past its level's size through bzip2's run-length stage). */
class Output {
  bytes = new Uint8Array(1 << 20);
  length = 0;
  readonly push = (b: number): void => {
    if (this.length === this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[this.length++] = b;
  };
  take(): Uint8Array {
    const out = this.bytes.slice(0, this.length);
    this.length = 0;
    return out;
  }
}

export async function* bunzip2(input: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const queue: Uint8Array[] = [];
  let received = 0;
  let bits: BitReader | undefined;
  /** Block size level of the current stream; 0 between streams (a file may hold several, as pbzip2 writes). */
  let level = 0;
  let crc: number | null = null;
  let work = new Int32Array(0);
  const out = new Output();
  const step = (reader: BitReader): void => {
    if (level === 0) {
      level = bzip2.header(reader);
      crc = 0;
      if (work.length < BLOCK * level) work = new Int32Array(BLOCK * level);
      return;
    }
    crc = bzip2.decompress(reader, out.push, work, BLOCK * level, crc);
    if (crc === null) level = 0;
  };
  for await (const chunk of input) {
    if (chunk.length === 0) continue;
    queue.push(chunk);
    received += chunk.length;
    bits ??= bitIterator(() => queue.shift());
    while (received - bits.bytesRead + 1 >= HEADROOM + BLOCK * level) {
      step(bits);
      if (out.length > 0) yield out.take();
    }
  }
  while (bits !== undefined && received > bits.bytesRead) {
    step(bits);
    if (out.length > 0) yield out.take();
  }
  if (crc !== null) throw new Error('bzip2: the file ends inside a compressed stream');
}
