import { ChunkedColumn } from './chunkedColumn';

const EMPTY = 0;

/**
 * Dense ids for pairs of unsigned 32-bit integers, 0, 1, 2… in the order they were first seen: AS numbers
 * (paired with 0), adjacencies (left id, right id), observers (vantage id, source id). An open-addressing hash
 * whose slots hold the key beside its id, so a lookup reads one cache line; no object per entry. A Map keyed by
 * a string or a nested Map costs some 100 bytes per entry, and the path index makes tens of millions of lookups.
 */
export class PairIndex {
  /** Per slot: first, second, id + 1 (0 = empty). */
  private slots: Uint32Array;
  private mask: number;
  private count = 0;
  /** The keys by id. */
  private readonly firsts = new ChunkedColumn();
  private readonly seconds = new ChunkedColumn();

  constructor(capacity = 1024) {
    let c = 16;
    while (c < capacity * 2) c *= 2;
    this.mask = c - 1;
    this.slots = new Uint32Array(c * 3);
  }

  get size(): number {
    return this.count;
  }

  first(id: number): number {
    return this.firsts.get(id);
  }

  second(id: number): number {
    return this.seconds.get(id);
  }

  /** The id of (a, b), or -1. */
  find(a: number, b: number): number {
    const slots = this.slots;
    for (let s = hash(a, b) & this.mask; ; s = (s + 1) & this.mask) {
      const id = slots[s * 3 + 2]!;
      if (id === EMPTY) return -1;
      if (slots[s * 3] === a && slots[s * 3 + 1] === b) return id - 1;
    }
  }

  /** The id of (a, b), given a new one the first time. */
  intern(a: number, b: number): number {
    const slots = this.slots;
    let s = hash(a, b) & this.mask;
    for (; ; s = (s + 1) & this.mask) {
      const id = slots[s * 3 + 2]!;
      if (id === EMPTY) break;
      if (slots[s * 3] === a && slots[s * 3 + 1] === b) return id - 1;
    }
    const id = this.count++;
    slots[s * 3] = a;
    slots[s * 3 + 1] = b;
    slots[s * 3 + 2] = id + 1;
    this.firsts.set(id, a);
    this.seconds.set(id, b);
    // Kept at most half full: probes stay short.
    if (this.count * 2 > this.mask + 1) this.grow();
    return id;
  }

  private grow(): void {
    const capacity = (this.mask + 1) * 2;
    this.mask = capacity - 1;
    const slots = new Uint32Array(capacity * 3);
    for (let id = 0; id < this.count; id++) {
      const a = this.firsts.get(id);
      const b = this.seconds.get(id);
      let s = hash(a, b) & this.mask;
      while (slots[s * 3 + 2] !== EMPTY) s = (s + 1) & this.mask;
      slots[s * 3] = a;
      slots[s * 3 + 1] = b;
      slots[s * 3 + 2] = id + 1;
    }
    this.slots = slots;
  }
}

/** Both keys mixed, then the high bits folded down (the mask keeps the low ones). */
function hash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 13)) >>> 0;
}
