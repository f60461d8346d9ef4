import { parseAsn, type Asn } from '../net/asn';
import type { Relationship } from './model';

/**
 * AS relationships as CAIDA publishes them (serial-1 `<provider>|<customer>|-1`, `<peer>|<peer>|0`;
 * serial-2 adds `|<source>`). Inferred, not declared: the analysis reports valleys as warnings.
 */
export interface Relationships {
  /** Relationship of `from` to `to`, when known. */
  get(from: Asn | number, to: Asn | number): Relationship | undefined;
  readonly size: number;
}

export interface RelationshipsParse {
  readonly relationships: Relationships;
  readonly errors: readonly { readonly line: number; readonly message: string }[];
}

class RelationshipTable implements Relationships {
  // links[a][b] with a < b is the relationship of a to b. Numbers, not `a|b` strings: a scan asks for every hop of
  // millions of paths, and building a key string per lookup was most of a valley-free check.
  private readonly links = new Map<number, Map<number, Relationship>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  set(a: number, b: number, rel: Relationship): void {
    const [lo, hi, r] = a < b ? [a, b, rel] : [b, a, invert(rel)];
    let row = this.links.get(lo);
    if (row === undefined) this.links.set(lo, (row = new Map<number, Relationship>()));
    if (!row.has(hi)) this.count++;
    row.set(hi, r);
  }

  get(from: number, to: number): Relationship | undefined {
    if (from < to) return this.links.get(from)?.get(to);
    const r = this.links.get(to)?.get(from);
    return r && invert(r);
  }
}

function invert(r: Relationship): Relationship {
  return r === 'c2p' ? 'p2c' : r === 'p2c' ? 'c2p' : 'p2p';
}

/** Parses one or more CAIDA files concatenated; never throws, reports bad lines. */
export function parseRelationships(text: string, into?: Relationships): RelationshipsParse {
  const table = into instanceof RelationshipTable ? into : new RelationshipTable();
  const errors: { line: number; message: string }[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [a, b, kind] = line.split('|');
    const left = a === undefined ? undefined : parseAsn(a);
    const right = b === undefined ? undefined : parseAsn(b);
    if (!left?.ok || !right?.ok) {
      errors.push({ line: i, message: `expected "<as>|<as>|-1" or "<as>|<as>|0", got "${line.slice(0, 60)}"` });
      continue;
    }
    if (kind === '-1') table.set(left.asn, right.asn, 'p2c');
    else if (kind === '0') table.set(left.asn, right.asn, 'p2p');
    else errors.push({ line: i, message: `unknown relationship "${kind ?? ''}" (CAIDA uses -1 provider→customer, 0 peer)` });
  }
  return { relationships: table, errors };
}

/** A small table from code, for tests and examples: `[provider, customer]` and `[peer, peer, 'p2p']`. */
export function relationshipsFrom(links: readonly (readonly [Asn | number, Asn | number, ('p2c' | 'p2p')?])[]): Relationships {
  const table = new RelationshipTable();
  for (const [a, b, kind] of links) table.set(a, b, kind ?? 'p2c');
  return table;
}
