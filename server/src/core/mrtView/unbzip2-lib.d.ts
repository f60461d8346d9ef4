// unbzip2-stream ships no types. Its stream wrapper needs Node's `stream`; the two modules under lib/ are plain
// functions over bytes, which is what the browser build can bundle, so RouteLens drives them itself (bunzip2.ts).
declare module 'unbzip2-stream/lib/bit_iterator' {
  /** Reads `n` bits (`null`: skip to the next byte boundary) from the buffers `next` hands out, in order. */
  export interface BitReader {
    (n: number | null): number;
    bytesRead: number;
  }
  export default function bitIterator(next: () => Uint8Array | undefined): BitReader;
}
declare module 'unbzip2-stream/lib/bzip2' {
  import type { BitReader } from 'unbzip2-stream/lib/bit_iterator';
  const bzip2: {
    /** The stream header: returns the block size level 1–9; throws on a non-bzip2 start. */
    header(bits: BitReader): number;
    /** One block into `out` byte by byte: the running stream CRC, or null at the end-of-stream marker. Throws on corrupt data. */
    decompress(bits: BitReader, out: (byte: number) => void, buf: Int32Array, bufsize: number, streamCRC: number | null): number | null;
  };
  export default bzip2;
}
