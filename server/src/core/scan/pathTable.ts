/**
 * The distinct AS paths of a scan, keyed by their wire bytes (and the OTC value): a RIB repeats each path for
 * many prefixes and peers, so a scan decodes and checks a path once and then finds it again by hashing a few dozen
 * bytes, with no string or object made per entry. Laid out for the cache, since a full table's paths do not fit in
 * it and each lookup is a miss or two: a slot holds the hash beside the entry, and an entry is one run of words —
 * key length (with a flag when it carries a value), extra value, the caller's number (the origin), then the key
 * bytes — so checking a candidate touches one place in memory, not three. Only entries with a value (flags) look
 * further. Bounded: when full it starts over, so memory stays flat however large the file (a path seen again is
 * then checked again, with the same verdict).
 */
const HAS_VALUE = 0x10000;
/** Words before an entry's key bytes: length (| HAS_VALUE), extra, number. */
const HEAD = 3;

export class PathTable<T> {
  /** Pairs (hash, entry + 1); 0 is an empty slot. */
  private slots: Int32Array;
  /** The entries, back to back; an entry's id is the index of its first word. */
  private words: Uint32Array;
  private bytes: Uint8Array;
  private used = 0;
  private count = 0;
  private readonly values = new Map<number, T>();

  constructor(private readonly maxEntries = 1 << 21) {
    this.slots = new Int32Array(2 * 1024);
    this.words = new Uint32Array(512 * 12);
    this.bytes = new Uint8Array(this.words.buffer);
  }

  get size(): number {
    return this.count;
  }

  /** FNV-1a over the bytes four at a time (the tail one by one), then the extra value. */
  private static hash(b: Uint8Array, start: number, end: number, extra: number): number {
    let h = 0x811c9dc5;
    let i = start;
    for (; i + 4 <= end; i += 4) h = Math.imul(h ^ ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!), 0x01000193);
    for (; i < end; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
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
    const w = this.words;
    if ((w[id]! & ~HAS_VALUE) !== end - start || w[id + 1] !== extra >>> 0) return false;
    const a = this.bytes;
    for (let i = 0, at = 4 * (id + HEAD); i < end - start; i++) if (a[at + i] !== b[start + i]) return false;
    return true;
  }

  /** The number stored with an entry. */
  number(id: number): number {
    return this.words[id + 2]!;
  }

  /** The value stored with an entry, if any. */
  value(id: number): T | undefined {
    // The flag in the entry spares most entries a Map lookup.
    return (this.words[id]! & HAS_VALUE) === 0 ? undefined : this.values.get(id);
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
    const size = HEAD + ((len + 3) >>> 2);
    if (this.used + size > this.words.length) {
      const grown = new Uint32Array(Math.max(this.words.length * 2, this.used + size));
      grown.set(this.words.subarray(0, this.used));
      this.words = grown;
      this.bytes = new Uint8Array(grown.buffer);
    }
    const id = this.used;
    this.words[id] = value === undefined ? len : len | HAS_VALUE;
    this.words[id + 1] = extra >>> 0;
    this.words[id + 2] = number >>> 0;
    this.bytes.set(b.subarray(start, end), 4 * (id + HEAD));
    this.used += size;
    this.count++;
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
