import { mrtEvidenceSink } from '../core/aspa/mrtObservations';
import { observedRoutes, PathEvidence } from '../core/aspa/pathEvidence';
import { parseLookingGlass } from '../core/lg/parse';
import { DataFilesStatusNotification, type DataSetStatus } from '../protocol/lsp';
import type { FeatureModule } from './context';
import { resolveInWorkspace } from './workspacePath';

/**
 * Observed routes for ASPA authoring: the files of `routelens.data.pathFiles` (looking-glass output, `bgpdump -m`
 * text, MRT) are read when the setting changes and indexed once; the ASPA services then check declarations against
 * them (diagnostics, code lenses, completion, "suggest providers"). A file that cannot be read is logged and
 * left out; the others still count.
 */
export const observedPathsFeatures: FeatureModule = (ctx) => {
  let loadedFor = '';
  /** What the status bar was last told; said again on every settings change, since the client forgets it then. */
  let told: DataSetStatus | undefined;
  const tell = (paths: DataSetStatus): void => {
    told = paths;
    ctx.background('data files status', ctx.connection.sendNotification(DataFilesStatusNotification, { paths }));
  };
  ctx.onSettings((settings) => {
    const files = settings.pathFiles.map((p) => resolveInWorkspace(p, ctx.workspaceFolders));
    const key = JSON.stringify(files);
    if (key === loadedFor) {
      if (told) tell(told);
      return;
    }
    loadedFor = key;
    if (files.length === 0) {
      ctx.setObservedPaths(undefined);
      tell({ loaded: false, count: 0, sources: [], errors: [] });
      return;
    }
    const read = ctx.runtime.readFile;
    if (!read) {
      ctx.connection.console.warn('RouteLens: routelens.data.pathFiles cannot be read by this host');
      tell({ loaded: false, count: 0, sources: [], errors: files.map((source) => ({ source, message: 'this host cannot read files' })) });
      return;
    }
    ctx.background(
      'reading routelens.data.pathFiles',
      (async () => {
        const evidence = new PathEvidence();
        const sources: string[] = [];
        const errors: { source: string; message: string }[] = [];
        let readable = 0;
        for (const uri of files) {
          const source = uri.replace(/^.*\//, '');
          // MRT (RIB dumps, updates) is streamed a record at a time, never held whole; anything else is text.
          const mrt = ctx.runtime.streamMrt
            ? await ctx.runtime.streamMrt(uri, mrtEvidenceSink(evidence, source)).catch(() => false)
            : false;
          if (mrt) {
            readable++;
            sources.push(uri);
            continue;
          }
          const text = await read(uri).catch((err: unknown) => {
            const message = err instanceof Error ? err.message : String(err);
            ctx.connection.console.warn(`RouteLens: cannot read ${uri}: ${message}`);
            errors.push({ source: uri, message });
            return undefined;
          });
          if (text === undefined) continue;
          readable++;
          sources.push(uri);
          for (const r of observedRoutes(parseLookingGlass(text).routes, source)) evidence.add(r);
        }
        // A newer setting may have started another load meanwhile: only the latest one counts.
        if (loadedFor !== key) return;
        // Indexed here, in the background, so the first .aspa file opened afterwards gets its lens at once.
        evidence.prepare();
        const routes = evidence.size;
        ctx.setObservedPaths({ evidence, label: `${routes.toLocaleString('en-US')} observed route${routes === 1 ? '' : 's'} from ${readable} file${readable === 1 ? '' : 's'}` });
        ctx.refreshDiagnostics();
        tell({ loaded: readable > 0, count: routes, sources, errors });
      })(),
    );
  });
};
