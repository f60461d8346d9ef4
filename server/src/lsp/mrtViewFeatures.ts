import { scanDataOf, type RovLookup, type ScanData } from '../core/scan/classify';
import type { PathData } from '../core/paths/analyze';
import type { LiveRpki } from '../core/paths/loadData';
import type { Asn } from '../core/net/asn';
import { openMrt, type MrtOpened } from '../core/mrtView/open';
import { MrtProgressNotification, MrtRoutesRequest, OpenMrtRequest } from '../protocol/lsp';
import type { ServerContext } from './context';

/** Opened files kept for drawing their episodes: the panel shows one at a time, the one before may still be asked. */
const KEEP = 2;

/**
 * `routelens/openMrt` and `routelens/mrtRoutes`: the path panel's MRT files, read streaming by the server (or, in
 * VS Code for the web, from bytes the client hands over) and scanned with the data the panel's analysis uses.
 */
export function registerMrtView(ctx: ServerContext, pathData: () => Promise<PathData>): void {
  const opened = new Map<number, MrtOpened>();
  ctx.connection.onRequest(OpenMrtRequest, async (params, token) => {
    const open = ctx.runtime.openBytes;
    if (!open) return { error: 'this host cannot read files' };
    let source;
    try {
      source = await open(params.uri);
    } catch (e) {
      return { error: `cannot read ${params.uri}: ${e instanceof Error ? e.message : String(e)}` };
    }
    const data = panelScanData(await pathData(), ctx.liveRpki());
    const r = await openMrt(source, {
      session: params.session,
      data,
      onProgress: (p) => ctx.background('MRT progress', ctx.connection.sendNotification(MrtProgressNotification, p)),
      isCancelled: () => token.isCancellationRequested,
    });
    if ('cancelled' in r) return null;
    if ('error' in r) return r;
    opened.set(params.session, r);
    for (const k of opened.keys()) if (opened.size > KEEP) opened.delete(k);
    return { view: r.view };
  });
  ctx.connection.onRequest(MrtRoutesRequest, (params) => opened.get(params.session)?.routes(params.episodes) ?? null);
}

/**
 * The scan's data as the panel has it. When the RPKI store holds VRPs (it reads routelens.data.vrpFiles too, or an
 * RTR cache), the panel's analysis validates origins through it and keeps no index of its own; the scan then asks
 * the store as well, rather than checking no route at all.
 */
function panelScanData(data: PathData, live: LiveRpki | undefined): ScanData {
  const scan = scanDataOf(data);
  if (scan.rov !== undefined || live === undefined || live.vrpCount === 0) return scan;
  const rov: RovLookup = {
    originState: (prefix, origin) => (origin === undefined ? 'not-found' : live.validateOrigin(prefix, origin)),
    originStateV4: (address, length, origin) => live.validateOrigin({ afi: 4, words: [address >>> 0], length }, origin as Asn),
  };
  return { ...scan, rov };
}
