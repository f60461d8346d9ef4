/**
 * Gathers many small writes into chunks of about 64 KiB before handing them on: a write call per finding costs
 * more than the finding, and a report built whole costs its size in memory. `flush` hands on what is left.
 */
export class ChunkedOutput {
  private parts: string[] = [];
  private size = 0;

  constructor(
    private readonly write: (s: string) => void,
    private readonly chunkSize = 1 << 16,
  ) {}

  push(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= this.chunkSize) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    const chunk = this.parts.length === 1 ? (this.parts[0] ?? '') : this.parts.join('');
    this.parts = [];
    this.size = 0;
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
    this.out.push(`${this.items++ === 0 ? '[\n' : ',\n'}${this.indent}  ${JSON.stringify(value)}`);
  }

  close(): void {
    this.out.push(this.items === 0 ? '[]' : `\n${this.indent}]`);
  }
}
