/**
 * The distinct AS paths of a scan, keyed by their wire bytes (and the OTC value): a RIB repeats each path for
 * many prefixes and peers, so a scan decodes and checks a path once and then finds it again by hashing a few dozen
 * bytes, with no string or object made per entry. Laid out for the cache: a slot holds the hash beside the entry
 * number, an entry's key position, length, extra value and a number the caller keeps there (the origin) sit in
 * one row, and only entries that carry a value (flags) look further. Bounded: when full it starts over, so memory
 * stays flat however large the file (a path seen again is then checked again, with the same verdict).
 */
const HAS_VALUE = 0x10000;

export class PathTable<T> {
  /** Pairs (hash, entry + 1); 0 is an empty slot. */
  private slots: Int32Array;
  /** Rows of four: key offset in the arena, key length (| HAS_VALUE), extra, the caller's number. */
  private meta: Uint32Array;
  private arena: Uint8Array;
  private used = 0;
  private count = 0;
  private readonly values = new Map<number, T>();

  constructor(private readonly maxEntries = 1 << 21) {
    this.slots = new Int32Array(2 * 1024);
    this.meta = new Uint32Array(4 * 512);
    this.arena = new Uint8Array(512 * 32);
  }

  get size(): number {
    return this.count;
  }

  /** FNV-1a over the bytes, then the extra value. */
  private static hash(b: Uint8Array, start: number, end: number, extra: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
    return Math.imul(h ^ extra, 0x01000193) | 0;
  }

  /** The entry of these bytes and extra, or -1. */
  find(b: Uint8Array, start: number, end: number, extra: number): number {
    const h = PathTable.hash(b, start, end, extra);
    const slots = this.slots;
    const mask = slots.length / 2 - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = slots[2 * slot + 1]! - 1;
      if (id < 0) return -1;
      if (slots[2 * slot] === h && this.sameKey(id, b, start, end, extra)) return id;
    }
  }

  private sameKey(id: number, b: Uint8Array, start: number, end: number, extra: number): boolean {
    const m = this.meta;
    if ((m[4 * id + 1]! & ~HAS_VALUE) !== end - start || m[4 * id + 2] !== extra >>> 0) return false;
    const a = this.arena;
    for (let i = 0, at = m[4 * id]!; i < end - start; i++) if (a[at + i] !== b[start + i]) return false;
    return true;
  }

  /** The number stored with an entry. */
  number(id: number): number {
    return this.meta[4 * id + 3]!;
  }

  /** The value stored with an entry, if any. */
  value(id: number): T | undefined {
    // The flag in the row spares most entries a Map lookup.
    return (this.meta[4 * id + 1]! & HAS_VALUE) === 0 ? undefined : this.values.get(id);
  }

  /**
   * Adds bytes not yet in the table (call after `find` missed) with a number and, when there is one, a value;
   * -1 for a key of 64 KB or more (an attribute cannot be longer, but the table does not rely on it).
   */
  add(b: Uint8Array, start: number, end: number, extra: number, number: number, value?: T): number {
    const len = end - start;
    if (len >= HAS_VALUE) return -1;
    if (this.count >= this.maxEntries) this.clear();
    if (2 * (this.count + 1) > this.slots.length / 2) this.rehash(this.slots.length);
    if (4 * (this.count + 1) > this.meta.length) {
      const grown = new Uint32Array(this.meta.length * 2);
      grown.set(this.meta);
      this.meta = grown;
    }
    if (this.used + len > this.arena.length) {
      const grown = new Uint8Array(Math.max(this.arena.length * 2, this.used + len));
      grown.set(this.arena.subarray(0, this.used));
      this.arena = grown;
    }
    const id = this.count++;
    this.meta[4 * id] = this.used;
    this.meta[4 * id + 1] = value === undefined ? len : len | HAS_VALUE;
    this.meta[4 * id + 2] = extra >>> 0;
    this.meta[4 * id + 3] = number >>> 0;
    this.arena.set(b.subarray(start, end), this.used);
    this.used += len;
    if (value !== undefined) this.values.set(id, value);
    this.place(PathTable.hash(b, start, end, extra), id);
    return id;
  }

  private place(h: number, id: number): void {
    const slots = this.slots;
    const mask = slots.length / 2 - 1;
    let slot = h & mask;
    while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = h;
    slots[2 * slot + 1] = id + 1;
  }

  /** Twice the slots, the entries placed again (open addressing stays at most half full). */
  private rehash(length: number): void {
    const old = this.slots;
    this.slots = new Int32Array(length * 2);
    for (let s = 0; s < old.length; s += 2) if (old[s + 1] !== 0) this.place(old[s]!, old[s + 1]! - 1);
  }

  private clear(): void {
    this.slots.fill(0);
    this.values.clear();
    this.count = 0;
    this.used = 0;
  }
}
