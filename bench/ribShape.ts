// How much a RIB's routes share, the figures that decide a scan's path-cache hits: per entry, distinct AS paths and
// distinct attribute sets of one full-feed peer, and how often its path repeats the one of the prefix before (in
// the dump's address order). Read from a real RIS RIB (../shared/corpora/mrt) to check a generated one against.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { readMrtFile } from '../server/src/core/mrt/node/readMrtFile';
import type { MrtRoute } from '../server/src/core/mrt/types';

export interface RibShape {
  readonly paths: number;
  readonly attributeSets: number;
  readonly samePathAsPrevious: number;
}

/** The real RIB the generated ones are calibrated on: RIS rrc00, 2002-07-22 (one full-feed peer, 112,986 prefixes). */
export const REAL_RIB = path.join(__dirname, '..', '..', 'shared', 'corpora', 'mrt', 'bview.20020722.2337.gz');

/** The shape of `file`'s full-feed peer (the one with the most routes); undefined when the file is not there. */
export async function realRibShape(file = REAL_RIB): Promise<RibShape | undefined> {
  if (!existsSync(file)) return undefined;
  const byPeer = new Map<string, MrtRoute[]>();
  await readMrtFile(file, {
    route: (r) => {
      if (r.kind !== 'rib' || r.attributes === undefined) return;
      const list = byPeer.get(r.peer.address);
      if (list) list.push(r);
      else byPeer.set(r.peer.address, [r]);
    },
  });
  const routes = [...byPeer.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  const shape = new ShapeCount();
  for (const r of routes) shape.add(0, JSON.stringify(r.attributes!.asPath), JSON.stringify(r.attributes));
  return shape.ratios();
}

/** Distinct (peer, AS path) and (peer, attribute set) pairs per entry, and how often a peer's path repeats its last. */
export class ShapeCount {
  private readonly paths = new Set<string>();
  private readonly sets = new Set<string>();
  private readonly previous = new Map<number, string>();
  private entries = 0;
  private same = 0;

  /** One entry of `peer`, by its path's text and the text of its other attributes. */
  add(peer: number, path: string, attributes: string): void {
    const key = `${peer}|${path}`;
    this.entries++;
    this.paths.add(key);
    this.sets.add(`${key}|${attributes}`);
    if (this.previous.get(peer) === key) this.same++;
    this.previous.set(peer, key);
  }

  ratios(): RibShape {
    const n = Math.max(1, this.entries);
    return { paths: this.paths.size / n, attributeSets: this.sets.size / n, samePathAsPrevious: this.same / n };
  }
}
