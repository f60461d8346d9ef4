import type { LiveRpki } from '../core/paths/loadData';
import { RpkiStore } from '../core/rpki/store';
import { RefreshRpkiRequest, RpkiStatusNotification } from '../protocol/lsp';
import type { FeatureModule } from './context';
import { resolveInWorkspace } from './workspacePath';

/**
 * Live RPKI data: reads `routelens.rtr.*` and `routelens.data.{vrpFiles,aspaFiles}`, keeps an RpkiStore in
 * step with them, pushes `routelens/rpkiStatus` to the client (debounced) and answers `routelens/refreshRpki`.
 * RTR needs the runtime's `rtrConnector` (node only); in the browser RTR is reported as unavailable.
 */
export const rpkiFeatures: FeatureModule = (ctx) => {
  const { timer, readFile, rtrConnector: connector } = ctx.runtime;
  const store = new RpkiStore({
    clock: {
      setTimeout: (fn, ms) => timer.setTimeout(fn, ms),
      clearTimeout: (h) => (h as { dispose(): void }).dispose(),
      now: () => Date.now(),
    },
    ...(connector ? { connector } : {}),
    readFile: (p) => (readFile ? readFile(resolveInWorkspace(p, ctx.workspaceFolders)) : Promise.reject(new Error('this host cannot read files'))),
  });
  ctx.setRpkiStore(store);

  let pending: { dispose(): void } | undefined;
  const push = (): void => {
    pending?.dispose();
    // RTR sessions can report several changes in a burst (state, data, issue): one message per burst.
    pending = timer.setTimeout(() => {
      pending = undefined;
      ctx.background('RPKI status', ctx.connection.sendNotification(RpkiStatusNotification, store.status()));
      // ASPA documents are compared with the cache: re-check them against the new data.
      ctx.refreshDiagnostics();
    }, 250);
  };
  store.onDidChange(push);

  let last = '';
  ctx.onSettings(({ rpki: settings }) => {
    const key = JSON.stringify(settings);
    if (key === last) return;
    last = key;
    ctx.background('RPKI configuration', store.configure(settings).then(push));
  });
  ctx.connection.onRequest(RefreshRpkiRequest, async () => {
    await store.refresh();
    return store.status();
  });
  ctx.connection.onShutdown(() => store.dispose());
};


/** The store's data when it holds any; its label changes with every update, which refreshes the caches that key on it. */
export function liveRpkiOf(store: RpkiStore | undefined): LiveRpki | undefined {
  if (!store) return undefined;
  const status = store.status();
  if (status.vrpCount === 0 && status.aspaCount === 0) return undefined;
  const serial = status.serial !== undefined ? `, serial ${status.serial}` : '';
  return {
    label: `RPKI data of the server (${status.vrpCount} VRPs, ${status.aspaCount} ASPAs${serial}, updated ${new Date(status.updatedAt ?? 0).toISOString()})`,
    aspaDb: store.aspaDb(),
    vrpCount: status.vrpCount,
    validateOrigin: (prefix, origin) => store.validateOrigin(prefix, origin).state,
  };
}
