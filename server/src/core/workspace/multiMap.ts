/**
 * A map from a key to the ids of indexed objects (workspaceIndex.ts) that stores a lone id bare: most keys of
 * a registry (a prefix, a set name) have one object, and an array per key is what made indexing slow and the
 * heap large. Ids are small integers, so a key costs its map slot and nothing else until it has two.
 */
export class MultiMap<K> {
  private readonly map = new Map<K, number | number[]>();

  /**
   * Adds `id` among the ids of `k` in `order` (ascending), so what a key holds does not depend on the
   * order ids came in. Ids mostly come in order, so the end is tried first.
   */
  addInOrder(k: K, id: number, order: (a: number, b: number) => number): void {
    const cur = this.map.get(k);
    if (cur === undefined) this.map.set(k, id);
    else if (typeof cur === 'number') this.map.set(k, order(cur, id) <= 0 ? [cur, id] : [id, cur]);
    else if (order(cur[cur.length - 1]!, id) <= 0) cur.push(id);
    else cur.splice(insertionPoint(cur, id, order), 0, id);
  }

  /**
   * addInOrder, unless `id` is among the ids of `k` already. Ids equal in `order` sit together, so only the
   * neighbour where `id` would go is compared: an object added once per reference stays once.
   */
  addInOrderOnce(k: K, id: number, order: (a: number, b: number) => number): void {
    const cur = this.map.get(k);
    if (cur === undefined) this.map.set(k, id);
    else if (typeof cur === 'number') {
      if (cur !== id) this.map.set(k, order(cur, id) <= 0 ? [cur, id] : [id, cur]);
    } else if (order(cur[cur.length - 1]!, id) <= 0) {
      if (cur[cur.length - 1] !== id) cur.push(id);
    } else {
      const at = insertionPoint(cur, id, order);
      if (cur[at - 1] !== id) cur.splice(at, 0, id);
    }
  }

  /** Removes `id` from the ids of `k`. */
  delete(k: K, id: number): void {
    const cur = this.map.get(k);
    if (cur === undefined) return;
    if (typeof cur === 'number') {
      if (cur === id) this.map.delete(k);
      return;
    }
    const at = cur.indexOf(id);
    if (at < 0) return;
    cur.splice(at, 1);
    if (cur.length === 1) this.map.set(k, cur[0]!);
  }

  /** What `k` holds as stored: a lone id, the ids in order (not to be changed), or undefined. */
  peek(k: K): number | readonly number[] | undefined {
    return this.map.get(k);
  }

  /** The ids of `k`, as a new array (forEach reads them without one). */
  get(k: K): number[] {
    const cur = this.map.get(k);
    return cur === undefined ? [] : typeof cur === 'number' ? [cur] : cur.slice();
  }

  forEach(k: K, visit: (id: number) => void): void {
    const cur = this.map.get(k);
    if (cur === undefined) return;
    if (typeof cur === 'number') visit(cur);
    else for (const id of cur) visit(id);
  }

  count(k: K): number {
    const cur = this.map.get(k);
    return cur === undefined ? 0 : typeof cur === 'number' ? 1 : cur.length;
  }

  keys(): IterableIterator<K> {
    return this.map.keys();
  }

  get size(): number {
    return this.map.size;
  }
}

/** Where `id` goes in the sorted `list`: after every id `order` does not put after it (so equal ids keep insertion order). */
function insertionPoint(list: readonly number[], id: number, order: (a: number, b: number) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (order(list[mid]!, id) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
