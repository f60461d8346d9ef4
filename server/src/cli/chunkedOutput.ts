/**
 * Gathers many small writes into chunks of about 64 KiB before handing them on: a write call per finding costs
 * more than the finding, and a report built whole costs its size in memory. `flush` hands on what is left.
 */
export class ChunkedOutput {
  // Joined as they come: V8 keeps `+=` as a rope and flattens it once, when the chunk is written.
  private chunk = '';

  constructor(
    private readonly write: (s: string) => void,
    private readonly chunkSize = 1 << 16,
  ) {}

  push(s: string): void {
    this.chunk += s;
    if (this.chunk.length >= this.chunkSize) this.flush();
  }

  flush(): void {
    if (this.chunk === '') return;
    const chunk = this.chunk;
    this.chunk = '';
    this.write(chunk);
  }
}

/** A JSON array written one item a line as items come, never held whole; `indent` is the array's own indentation. */
export class JsonArrayOutput {
  private items = 0;

  constructor(
    private readonly out: ChunkedOutput,
    private readonly indent = '',
  ) {}

  item(value: unknown): void {
    this.itemJson(JSON.stringify(value));
  }

  /** An item already written as JSON text. */
  itemJson(json: string): void {
    this.out.push(`${this.items++ === 0 ? '[\n' : ',\n'}${this.indent}  ${json}`);
  }

  close(): void {
    this.out.push(this.items === 0 ? '[]' : `\n${this.indent}]`);
  }
}
