/**
 * The distinct AS paths of a scan, keyed by their wire bytes (and the OTC value): a RIB repeats each path for
 * many prefixes and peers, so a scan decodes and checks a path once and then finds it again by hashing a few dozen
 * bytes, with no string or object made per entry. Bounded: when full it starts over, so memory stays flat however
 * large the file (a path seen again is then checked again, with the same verdict).
 */
export class PathTable<T> {
  private slots: Int32Array;
  private readonly hashes: Uint32Array;
  private readonly keyAt: Uint32Array;
  private readonly keyLength: Uint16Array;
  private readonly extras: Int32Array;
  private arena: Uint8Array;
  private used = 0;
  private readonly values: T[] = [];

  constructor(private readonly maxEntries = 1 << 20) {
    // Open addressing at most half full; a power of two so a mask finds the slot.
    this.slots = new Int32Array(2 ** Math.ceil(Math.log2(maxEntries * 2)));
    this.hashes = new Uint32Array(maxEntries);
    this.keyAt = new Uint32Array(maxEntries);
    this.keyLength = new Uint16Array(maxEntries);
    this.extras = new Int32Array(maxEntries);
    this.arena = new Uint8Array(maxEntries * 16);
  }

  get size(): number {
    return this.values.length;
  }

  /** FNV-1a over the bytes, then the extra value. */
  private static hash(b: Uint8Array, start: number, end: number, extra: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
    return Math.imul(h ^ extra, 0x01000193) >>> 0;
  }

  /** The value stored for these bytes and extra, or undefined. */
  get(b: Uint8Array, start: number, end: number, extra: number): T | undefined {
    const h = PathTable.hash(b, start, end, extra);
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]! - 1;
      if (id < 0) return undefined;
      if (this.hashes[id] === h && this.extras[id] === extra && this.sameKey(id, b, start, end)) return this.values[id];
    }
  }

  private sameKey(id: number, b: Uint8Array, start: number, end: number): boolean {
    if (this.keyLength[id] !== end - start) return false;
    const a = this.arena;
    for (let i = 0, at = this.keyAt[id]!; i < end - start; i++) if (a[at + i] !== b[start + i]) return false;
    return true;
  }

  /** Stores a value for bytes not yet in the table (call after `get` missed). */
  set(b: Uint8Array, start: number, end: number, extra: number, value: T): void {
    const len = end - start;
    if (len > 0xffff) return;
    if (this.values.length >= this.maxEntries) this.clear();
    if (this.used + len > this.arena.length && this.arena.length >= this.maxEntries * 64) this.clear();
    if (this.used + len > this.arena.length) {
      const grown = new Uint8Array(Math.max(this.arena.length * 2, this.used + len));
      grown.set(this.arena.subarray(0, this.used));
      this.arena = grown;
    }
    const id = this.values.length;
    const h = PathTable.hash(b, start, end, extra);
    this.hashes[id] = h;
    this.extras[id] = extra;
    this.keyAt[id] = this.used;
    this.keyLength[id] = len;
    this.arena.set(b.subarray(start, end), this.used);
    this.used += len;
    this.values.push(value);
    const mask = this.slots.length - 1;
    let slot = h & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = id + 1;
  }

  private clear(): void {
    this.slots.fill(0);
    this.values.length = 0;
    this.used = 0;
  }
}
