import type { Asn } from '../net/asn';
import type { AspaDb } from '../aspa/types';
import type { AspaRecord } from './types';

/**
 * Folds ASPA records into the AspaDb the verifier reads: a customer's providers are the union over its records
 * (and over address families, which current ASPA profiles no longer distinguish); AS0 alone means "no providers"
 * and is dropped when real providers exist.
 */
export function toAspaDb(records: Iterable<AspaRecord>): AspaDb {
  const db = new Map<Asn, Set<Asn>>();
  for (const r of records) {
    let set = db.get(r.customer);
    if (!set) {
      set = new Set();
      db.set(r.customer, set);
    }
    for (const p of r.providers) if (p !== 0) set.add(p);
  }
  return db;
}
