/**
 * A map from a key to several values that stores a lone value bare: most keys of a registry (a prefix, a
 * set name) have one entry, and a Set or array per key is what made indexing slow and the heap large.
 * Values must not be arrays.
 */
export class MultiMap<K, V extends object> {
  private readonly map = new Map<K, V | V[]>();

  /**
   * Adds `v` among the values of `k` in `order` (ascending), so what a key holds does not depend on the
   * order values came in. Values mostly come in order, so the end is tried first.
   */
  addInOrder(k: K, v: V, order: (a: V, b: V) => number): void {
    const cur = this.map.get(k);
    if (cur === undefined) this.map.set(k, v);
    else if (!Array.isArray(cur)) this.map.set(k, order(cur, v) <= 0 ? [cur, v] : [v, cur]);
    else if (order(cur[cur.length - 1] as V, v) <= 0) cur.push(v);
    else cur.splice(insertionPoint(cur, v, order), 0, v);
  }

  /**
   * addInOrder, unless `v` is among the values of `k` already. Values equal in `order` sit together, so
   * only the neighbour where `v` would go is compared: a value added once per reference stays once.
   */
  addInOrderOnce(k: K, v: V, order: (a: V, b: V) => number): void {
    const cur = this.map.get(k);
    if (cur === undefined) this.map.set(k, v);
    else if (!Array.isArray(cur)) {
      if (cur !== v) this.map.set(k, order(cur, v) <= 0 ? [cur, v] : [v, cur]);
    } else if (order(cur[cur.length - 1] as V, v) <= 0) {
      if (cur[cur.length - 1] !== v) cur.push(v);
    } else {
      const at = insertionPoint(cur, v, order);
      if (cur[at - 1] !== v) cur.splice(at, 0, v);
    }
  }

  /** Removes the values of `k` that satisfy `drop`. */
  deleteWhere(k: K, drop: (v: V) => boolean): void {
    const cur = this.map.get(k);
    if (cur === undefined) return;
    const kept = Array.isArray(cur) ? cur.filter((v) => !drop(v)) : drop(cur) ? [] : [cur];
    if (kept.length === 0) this.map.delete(k);
    else this.map.set(k, kept.length === 1 ? (kept[0] as V) : kept);
  }

  get(k: K): readonly V[] {
    const cur = this.map.get(k);
    return cur === undefined ? [] : Array.isArray(cur) ? cur : [cur];
  }

  count(k: K): number {
    const cur = this.map.get(k);
    return cur === undefined ? 0 : Array.isArray(cur) ? cur.length : 1;
  }

  keys(): IterableIterator<K> {
    return this.map.keys();
  }

  get size(): number {
    return this.map.size;
  }
}

/** Where `v` goes in the sorted `list`: after every value `order` does not put after it (so equal values keep insertion order). */
function insertionPoint<V>(list: readonly V[], v: V, order: (a: V, b: V) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (order(list[mid]!, v) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
