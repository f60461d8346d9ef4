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
  const paths = new Set<string>();
  const sets = new Set<string>();
  let same = 0;
  let previous = '';
  for (const r of routes) {
    const key = JSON.stringify(r.attributes!.asPath);
    paths.add(key);
    sets.add(JSON.stringify(r.attributes));
    if (key === previous) same++;
    previous = key;
  }
  const n = Math.max(1, routes.length);
  return { paths: paths.size / n, attributeSets: sets.size / n, samePathAsPrevious: same / n };
}
