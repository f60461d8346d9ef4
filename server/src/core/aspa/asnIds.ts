import { ChunkedColumn } from './chunkedColumn';
import { PairIndex } from './pairIndex';

/** AS numbers below this are looked up directly by number: all of the 16-bit ones and the 32-bit ones given out so far. */
const DIRECT_BELOW = 1 << 22;

/**
 * Dense ids for AS numbers, 0, 1, 2… in the order first seen. Most ASNs are looked up by number in a chunked
 * column (id + 1, 0 = not seen; only the ranges in use are allocated), which reads one word in a small,
 * dense area where a hash reads a slot anywhere in a table three times its size; the rest (private and
 * reserved ranges, 4200000000 and up) go through a hash.
 */
export class AsnIds {
  private readonly direct = new ChunkedColumn();
  private readonly others = new PairIndex(64);
  /** Ids of the hashed ASNs, by their index in `others`. */
  private readonly idOfOther: number[] = [];
  private readonly asns = new ChunkedColumn();
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The AS number of `id`. */
  asn(id: number): number {
    return this.asns.get(id);
  }

  /** The id of `asn`, or -1. */
  find(asn: number): number {
    if (asn < DIRECT_BELOW) return this.direct.get(asn) - 1;
    const k = this.others.find(asn, 0);
    return k < 0 ? -1 : this.idOfOther[k]!;
  }

  /** The id of `asn`, given a new one the first time. */
  intern(asn: number): number {
    if (asn < DIRECT_BELOW) {
      const id = this.direct.get(asn) - 1;
      if (id >= 0) return id;
      this.direct.set(asn, this.count + 1);
    } else {
      const k = this.others.intern(asn, 0);
      if (k < this.idOfOther.length) return this.idOfOther[k]!;
      this.idOfOther.push(this.count);
    }
    this.asns.set(this.count, asn);
    return this.count++;
  }
}
