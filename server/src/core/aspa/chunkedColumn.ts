/**
 * A column of unsigned 32-bit integers in fixed-size chunks: it grows without ever copying (a doubling array
 * holds old and new buffers at once, half again the final size at the worst moment — at 10 M observed paths,
 * hundreds of MB), and a chunk is only allocated once something other than `fill` is written into it, so a
 * column nobody sets (lines for MRT input) costs nothing.
 */
export class ChunkedColumn {
  private readonly chunks: (Uint32Array | undefined)[] = [];
  readonly chunkSize: number;
  private readonly mask: number;

  /** `chunkBits` sets the chunk size (2^bits entries); tests make it small to cross chunk boundaries often. */
  constructor(
    private readonly fill = 0,
    readonly chunkBits = 16,
  ) {
    this.chunkSize = 1 << chunkBits;
    this.mask = this.chunkSize - 1;
  }

  get(i: number): number {
    const c = this.chunks[i >>> this.chunkBits];
    return c === undefined ? this.fill : c[i & this.mask]!;
  }

  set(i: number, v: number): void {
    const c = this.chunks[i >>> this.chunkBits];
    if (c !== undefined) c[i & this.mask] = v;
    else if (v !== this.fill) this.chunk(i >>> this.chunkBits)[i & this.mask] = v;
  }

  /** Chunk `k`, allocated (and filled) when missing: for loops that read or write a run of entries. */
  chunk(k: number): Uint32Array {
    let c = this.chunks[k];
    if (c === undefined) {
      c = new Uint32Array(this.chunkSize);
      if (this.fill !== 0) c.fill(this.fill);
      this.chunks[k] = c;
    }
    return c;
  }
}
