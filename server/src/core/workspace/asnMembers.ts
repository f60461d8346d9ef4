import type { Asn } from '../net/asn';

/** AS numbers in the order met and, per number, the index of its set in `sets`. */
export interface PackedMembers {
  readonly order: Uint32Array;
  readonly via: Uint32Array;
  readonly sets: readonly string[];
}

function isPacked(m: ReadonlyMap<Asn, string> | PackedMembers): m is PackedMembers {
  return 'via' in m && m.via instanceof Uint32Array;
}

/**
 * The AS numbers a set expands to, each with the set whose members named it, in the order they were met:
 * what a Map<Asn, string> holds, in about a third of its memory. Expansions are kept for as long as the
 * index does not change, and a dump's sets expand to millions of members (about 50 bytes each in a Map);
 * here each costs 16 bytes — its number and its set's, in order, and a slot in an open-addressing table.
 */
export class AsnMembers implements ReadonlyMap<Asn, string> {
  /** The numbers in the order met, and per number the index of its set in `sets`. */
  private readonly order: Uint32Array;
  private readonly setOf: Uint32Array;
  private readonly sets: readonly string[];
  /** Open addressing: position in `order` + 1, 0 for an empty slot; the size is a power of two, at least 1.5 times the count. */
  private readonly table: Uint32Array;
  private readonly shift: number;

  /**
   * From a Map, or already packed: the numbers in the order met, per number the index of its set in `sets`
   * (arrays the instance takes over; set expansion builds them so, without a Map).
   */
  constructor(members: ReadonlyMap<Asn, string> | PackedMembers) {
    if (isPacked(members)) {
      this.order = members.order;
      this.setOf = members.via;
      this.sets = members.sets;
    } else {
      const n = members.size;
      this.order = new Uint32Array(n);
      this.setOf = new Uint32Array(n);
      const sets: string[] = [];
      const setIds = new Map<string, number>();
      let i = 0;
      for (const [a, via] of members) {
        let id = setIds.get(via);
        if (id === undefined) {
          setIds.set(via, (id = sets.length));
          sets.push(via);
        }
        this.order[i] = a;
        this.setOf[i++] = id;
      }
      this.sets = sets;
    }
    const n = this.order.length;
    let bits = 1;
    while (1 << bits < n + (n >> 1)) bits++;
    this.shift = 32 - bits;
    this.table = new Uint32Array(1 << bits);
    for (let i = 0; i < n; i++) {
      let slot = this.slotOf(this.order[i]!);
      while (this.table[slot] !== 0) slot = (slot + 1) & (this.table.length - 1);
      this.table[slot] = i + 1;
    }
  }

  private slotOf(a: number): number {
    return Math.imul(a, 0x9e3779b1) >>> this.shift;
  }

  /** The position of `a` in `order`, or -1. */
  private find(a: number): number {
    const mask = this.table.length - 1;
    for (let slot = this.slotOf(a); ; slot = (slot + 1) & mask) {
      const at = this.table[slot]!;
      if (at === 0) return -1;
      if (this.order[at - 1] === a) return at - 1;
    }
  }

  get size(): number {
    return this.order.length;
  }

  has(a: Asn): boolean {
    return this.find(a) >= 0;
  }

  get(a: Asn): string | undefined {
    const i = this.find(a);
    return i < 0 ? undefined : this.sets[this.setOf[i]!];
  }

  *keys(): MapIterator<Asn> {
    for (let i = 0; i < this.order.length; i++) yield this.order[i]! as Asn;
  }

  *values(): MapIterator<string> {
    for (let i = 0; i < this.order.length; i++) yield this.sets[this.setOf[i]!]!;
  }

  *entries(): MapIterator<[Asn, string]> {
    for (let i = 0; i < this.order.length; i++) yield [this.order[i]! as Asn, this.sets[this.setOf[i]!]!];
  }

  [Symbol.iterator](): MapIterator<[Asn, string]> {
    return this.entries();
  }

  forEach(visit: (via: string, a: Asn, map: ReadonlyMap<Asn, string>) => void): void {
    for (const [a, via] of this.entries()) visit(via, a, this);
  }
}
