/**
 * The distinct AS paths of a scan, keyed by their wire bytes (and the OTC value): a RIB repeats each path for
 * many prefixes and peers, so a scan decodes and checks a path once and then finds it again by hashing a few dozen
 * bytes, with no string or object made per entry. Laid out for the cache, since a full table's paths do not fit in
 * it and each lookup is a miss or two: a slot holds the hash beside the entry, and an entry is one run of words —
 * key length (with a flag when it carries a value), extra value, the caller's number (the origin), then the key
 * as big-endian words (the tail word padded with zeros) — so checking a candidate touches one place in memory and
 * compares a word at a time. Only entries with a value (flags) look further. Bounded: when full it starts over, so
 * memory stays flat however large the file (a path seen again is then checked again, with the same verdict).
 */
const HAS_VALUE = 0x10000;
/** Words before an entry's key: length (| HAS_VALUE), extra, number. */
const HEAD = 3;
/**
 * Entries live in pages of this many words (4 MB), none across two: a table of a full RIB's ~2 M paths holds
 * ~80 MB of them, and one array grown by doubling would hold up to twice that, plus the old copy while it grows.
 */
const PAGE_WORDS = 1 << 20;

/** The last `end - start` (1 to 3) bytes of a key as the high bytes of a word, as the table stores its tail. */
function tail(b: Uint8Array, start: number, end: number): number {
  let w = 0;
  for (let i = 0; i < 4; i++) w = (w << 8) | (start + i < end ? b[start + i]! : 0);
  return w >>> 0;
}

export class PathTable<T> {
  /** Pairs (hash, entry + 1); 0 is an empty slot. */
  private slots: Int32Array;
  /**
   * The entries, back to back in pages; an entry's id is the index of its first word as if the pages were one
   * array (page * pageWords + offset). The first page starts small and grows to pageWords; the others are full size.
   */
  private pages: Uint32Array[];
  /** Words used in the last page. */
  private used = 0;
  private readonly pageShift: number;
  private count = 0;
  private readonly values = new Map<number, T>();
  /** Big-endian word reads of the bytes last asked about (a RIB record: every entry of it asks). */
  private viewOf: Uint8Array | undefined;
  private view: DataView = new DataView(new ArrayBuffer(0));

  /** `pageWords`: a power of two of at least 2^15 (a key of the longest attribute fits); smaller only to test paging. */
  constructor(
    private readonly maxEntries = 1 << 21,
    private readonly pageWords = PAGE_WORDS,
  ) {
    this.slots = new Int32Array(2 * 1024);
    this.pages = [new Uint32Array(Math.min(pageWords, 512 * 12))];
    this.pageShift = Math.log2(pageWords);
  }

  /** The page that holds entry `id`; the entry's words start there at `id & (pageWords - 1)`. */
  private page(id: number): Uint32Array {
    return this.pages[id >>> this.pageShift]!;
  }

  get size(): number {
    return this.count;
  }


  private dataView(b: Uint8Array): DataView {
    if (b !== this.viewOf) {
      this.viewOf = b;
      this.view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    }
    return this.view;
  }

  /**
   * FNV-1a over the key's words, then the extra value, then MurmurHash3's finaliser: FNV's multiply moves bits
   * only upwards, and the slot is taken from the low bits, which for 4-byte ASNs read across word boundaries are
   * mostly the zero high halves of 16-bit ASNs.
   */
  hash(b: Uint8Array, start: number, end: number, extra: number): number {
    const v = this.dataView(b);
    let h = 0x811c9dc5;
    let i = start;
    for (; i + 4 <= end; i += 4) h = Math.imul(h ^ v.getUint32(i), 0x01000193);
    if (i < end) h = Math.imul(h ^ tail(b, i, end), 0x01000193);
    h = Math.imul(h ^ extra, 0x01000193);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) | 0;
  }

  /** The entry of these bytes and extra, or -1. */
  find(b: Uint8Array, start: number, end: number, extra: number): number {
    return this.findHashed(this.hash(b, start, end, extra), b, start, end, extra);
  }

  /** `find` with the key's `hash` already taken. */
  findHashed(h: number, b: Uint8Array, start: number, end: number, extra: number): number {
    const slots = this.slots;
    const mask = slots.length / 2 - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = slots[2 * slot + 1]! - 1;
      if (id < 0) return -1;
      if (slots[2 * slot] === h && this.sameKey(id, b, start, end, extra)) return id;
    }
  }

  /**
   * The first slot of each of `n` keys' hashes, then the entry there (its head and the key's start): read for many
   * keys in a row before any is looked up, with no branch between the reads, the processor fetches their lines at
   * once, so the lookups that follow find them in the cache instead of each waiting for memory in turn. Returns
   * something of what it read. `ids` is scratch of at least `n`.
   */
  touch(hashes: Int32Array, n: number, ids: Int32Array): number {
    const slots = this.slots;
    const mask = slots.length / 2 - 1;
    let x = 0;
    for (let i = 0; i < n; i++) x ^= ids[i] = slots[2 * (hashes[i]! & mask) + 1]!;
    const mask2 = this.pageWords - 1;
    // Slot values are entry + 1: the entry's second word, in the line of its head and key start (0: an empty slot).
    for (let i = 0; i < n; i++) {
      const id = ids[i]!;
      x ^= this.page(id)[id & mask2]!;
    }
    return x;
  }

  private sameKey(id: number, b: Uint8Array, start: number, end: number, extra: number): boolean {
    const w = this.page(id);
    const e = id & (this.pageWords - 1);
    if ((w[e]! & ~HAS_VALUE) !== end - start || w[e + 1] !== extra >>> 0) return false;
    const v = this.dataView(b);
    let at = e + HEAD;
    let i = start;
    for (; i + 4 <= end; i += 4, at++) if (v.getUint32(i) !== w[at]) return false;
    return i === end || tail(b, i, end) === w[at];
  }

  /** The number stored with an entry. */
  number(id: number): number {
    return this.page(id)[(id & (this.pageWords - 1)) + 2]!;
  }

  /** The value stored with an entry, if any. */
  value(id: number): T | undefined {
    // The flag in the entry spares most entries a Map lookup.
    return (this.page(id)[id & (this.pageWords - 1)]! & HAS_VALUE) === 0 ? undefined : this.values.get(id);
  }

  /**
   * Adds bytes not yet in the table (call after `find` missed) with a number and, when there is one, a value;
   * -1 for a key of 64 KB or more (an attribute cannot be longer, but the table does not rely on it).
   */
  add(b: Uint8Array, start: number, end: number, extra: number, number: number, value?: T): number {
    return this.addHashed(this.hash(b, start, end, extra), b, start, end, extra, number, value);
  }

  /** `add` with the key's `hash` already taken. */
  addHashed(h: number, b: Uint8Array, start: number, end: number, extra: number, number: number, value?: T): number {
    const len = end - start;
    if (len >= HAS_VALUE) return -1;
    if (this.count >= this.maxEntries) this.clear();
    if (2 * (this.count + 1) > this.slots.length / 2) this.rehash(this.slots.length);
    const size = HEAD + ((len + 3) >>> 2);
    let w = this.pages[this.pages.length - 1]!;
    if (this.used + size > w.length && this.pages.length === 1 && w.length < this.pageWords) {
      const grown = new Uint32Array(Math.min(this.pageWords, Math.max(w.length * 2, this.used + size)));
      grown.set(w.subarray(0, this.used));
      this.pages[0] = w = grown;
    }
    if (this.used + size > w.length) {
      // A key is at most 2^14 + 3 words (under 64 KB), so it fits a fresh page.
      this.pages.push((w = new Uint32Array(this.pageWords)));
      this.used = 0;
    }
    const e = this.used;
    const id = (this.pages.length - 1) * this.pageWords + e;
    w[e] = value === undefined ? len : len | HAS_VALUE;
    w[e + 1] = extra >>> 0;
    w[e + 2] = number >>> 0;
    const v = this.dataView(b);
    let at = e + HEAD;
    let i = start;
    for (; i + 4 <= end; i += 4, at++) w[at] = v.getUint32(i);
    if (i < end) w[at] = tail(b, i, end);
    this.used += size;
    this.count++;
    if (value !== undefined) this.values.set(id, value);
    this.place(h, id);
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
    this.pages.length = 1;
  }
}
