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

/** Relationship codes of the table's cells: 0 is an empty cell. */
const CODES: readonly (Relationship | undefined)[] = [undefined, 'p2c', 'c2p', 'p2p'];
const CODE_OF: Readonly<Record<Relationship, number>> = { p2c: 1, c2p: 2, p2p: 3 };

class RelationshipTable implements Relationships {
  // One open-addressing table of links (a, b) with a < b, holding the relationship of a to b: a scan asks for every
  // hop of millions of paths, and a hop is then one or two cache lines (a Map of Maps was three or four lines and
  // most of a valley-free check). Two words of key per cell and a code byte beside; at most half full.
  private keys = new Uint32Array(2 * 1024);
  private codes = new Uint8Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  private cellOf(lo: number, hi: number): number {
    const mask = this.codes.length - 1;
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    let cell = h & mask;
    while (this.codes[cell] !== 0 && (this.keys[2 * cell] !== lo || this.keys[2 * cell + 1] !== hi)) cell = (cell + 1) & mask;
    return cell;
  }

  set(a: number, b: number, rel: Relationship): void {
    const [lo, hi, r] = a < b ? [a, b, rel] : [b, a, invert(rel)];
    if (2 * (this.count + 1) > this.codes.length) this.grow();
    const cell = this.cellOf(lo, hi);
    if (this.codes[cell] === 0) {
      this.count++;
      this.keys[2 * cell] = lo;
      this.keys[2 * cell + 1] = hi;
    }
    this.codes[cell] = CODE_OF[r];
  }

  get(from: number, to: number): Relationship | undefined {
    if (from < to) return CODES[this.codes[this.cellOf(from, to)]!];
    const r = CODES[this.codes[this.cellOf(to, from)]!];
    return r && invert(r);
  }

  private grow(): void {
    const keys = this.keys;
    const codes = this.codes;
    this.keys = new Uint32Array(2 * keys.length);
    this.codes = new Uint8Array(2 * codes.length);
    for (let c = 0; c < codes.length; c++) {
      if (codes[c] === 0) continue;
      const cell = this.cellOf(keys[2 * c]!, keys[2 * c + 1]!);
      this.keys[2 * cell] = keys[2 * c]!;
      this.keys[2 * cell + 1] = keys[2 * c + 1]!;
      this.codes[cell] = codes[c]!;
    }
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
