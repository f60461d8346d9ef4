import { analyzeLookingGlass, type PathData } from '../core/paths/analyze';
import { withWorkspaceNames } from '../core/paths/asNames';
import { isGroupBy } from '../core/paths/groupBy';
import { loadPathData, type PathDataFiles } from '../core/paths/loadData';
import { policyChecker } from '../core/paths/policyCheck';
import { AnalyzePathsRequest, DataFilesStatusNotification, type DataFilesStatus, type DataSetStatus } from '../protocol/lsp';
import type { FeatureModule, ServerContext } from './context';
import { registerMrtView } from './mrtViewFeatures';
import { resolveInWorkspace } from './workspacePath';

/**
 * `routelens/analyzePaths`: parses a looking-glass paste and analyses it with the data files the settings
 * name (`routelens.data.*`) and the `.aspa` files of the workspace. Files are read once per settings
 * change; `.aspa` documents are read each time, since the user may be editing one to try a what-if.
 */
export const pathsFeatures: FeatureModule = (ctx) => {
  let files: PathDataFiles = {};
  let cached: { key: string; data: Promise<PathData> } | undefined;
  const disk: DiskCache = {};

  /** What the status bar is told of the relationships and names files. */
  const tell = (status: DataFilesStatus): void => ctx.background('data files status', ctx.connection.sendNotification(DataFilesStatusNotification, status));
  /** The data for the current settings, read again only when they, the `.aspa` documents or the live RPKI change. */
  const pathData = async (): Promise<PathData> => {
    const aspaDocuments = await aspaDocumentsOf(ctx, disk);
    const live = ctx.liveRpki();
    const key = JSON.stringify({ files, aspaDocuments, live: live?.label });
    if (cached?.key !== key) {
      const resolved = resolveFiles(files, ctx.workspaceFolders);
      const readFile = ctx.runtime.readFile ?? (() => Promise.reject(new Error('this host cannot read files; open the file instead')));
      const data = loadPathData({ ...resolved, aspaDocuments }, readFile, live);
      cached = { key, data };
      // The status bar says whether the relationships and names files loaded, from this very read.
      void data.then((d) => {
        if (cached?.data === data && d.status) {
          tell({ relationships: d.status.relationships, names: d.status.names });
        }
      });
    }
    return cached.data;
  };

  registerMrtView(ctx, pathData);

  ctx.onSettings((settings) => {
    files = settings.pathData;
    cached = undefined;
    if ((files.relationshipFiles ?? []).length > 0 || files.asNamesFile !== undefined) {
      // Read now rather than at the first paste, so the status bar can say they loaded (or why not).
      ctx.background('reading routelens.data files', pathData());
    } else {
      tell({ relationships: NOT_SET, names: NOT_SET });
    }
  });

  ctx.connection.onRequest(AnalyzePathsRequest, async (params, token) => {
    const text = typeof params?.text === 'string' ? params.text : '';
    const data = await pathData();
    if (token.isCancellationRequested) return null;
    // The workspace index changes under us as files are edited; the checker reads it at each request.
    const workspace = ctx.serviceContext().workspace;
    const autNums = workspace.countOf('aut-num');
    const policy = autNums > 0 ? { policy: policyChecker(workspace) } : {};
    const workspaceNames = autNums > 0 ? { names: withWorkspaceNames(data.names, workspace) } : {};
    const names = data.status?.names ?? { loaded: false, count: 0, sources: [], errors: [] };
    const status = {
      ...data.status,
      policy: { loaded: autNums > 0, count: autNums, sources: autNums > 0 ? ['workspace aut-nums'] : [], errors: [] },
      ...(autNums > 0 ? { names: { ...names, loaded: true, count: names.count + autNums, sources: [...names.sources, 'workspace aut-nums (as-name)'] } } : {}),
    };
    const focus = params?.focus;
    const prefix = params?.prefix;
    const view = {
      group: isGroupBy(params?.group) ? params.group : 'auto',
      ...(typeof focus === 'number' && Number.isInteger(focus) && focus >= 0 ? { focus } : {}),
      ...(typeof prefix === 'string' && prefix.trim() !== '' ? { prefix } : {}),
    } as const;
    return analyzeLookingGlass(text, { ...data, ...policy, ...workspaceNames, status }, view);
  });
};

/** What the status bar is told of a data file the settings do not name. */
const NOT_SET: DataSetStatus = { loaded: false, count: 0, sources: [], errors: [] };

function resolveFiles(files: PathDataFiles, folders: readonly string[]): PathDataFiles {
  const resolve = (p: string): string => resolveInWorkspace(p, folders);
  return {
    aspaFiles: (files.aspaFiles ?? []).map(resolve),
    vrpFiles: (files.vrpFiles ?? []).map(resolve),
    relationshipFiles: (files.relationshipFiles ?? []).map(resolve),
    ...(files.asNamesFile ? { asNamesFile: resolve(files.asNamesFile) } : {}),
  };
}

/** Workspace `.aspa` files on disk are re-read at most this often: the panel asks on every pause in typing. */
const DISK_TTL_MS = 10_000;
interface DiskCache {
  value?: { at: number; files: Promise<[string, string][]> };
}

/** Open `.aspa` documents (their unsaved text) and the other `.aspa` files of the workspace. */
async function aspaDocumentsOf(ctx: ServerContext, disk: DiskCache): Promise<{ source: string; text: string }[]> {
  const out = new Map<string, string>();
  for (const d of ctx.documents.all()) if (d.languageId === 'aspa' || d.uri.endsWith('.aspa')) out.set(d.uri, d.getText());
  if (!disk.value || Date.now() - disk.value.at > DISK_TTL_MS) disk.value = { at: Date.now(), files: readWorkspaceAspa(ctx) };
  for (const [uri, text] of await disk.value.files) if (!out.has(uri)) out.set(uri, text);
  return [...out].map(([source, text]) => ({ source, text }));
}

async function readWorkspaceAspa(ctx: ServerContext): Promise<[string, string][]> {
  const { findFiles, readFile } = ctx.runtime;
  if (!findFiles || !readFile) return [];
  const out: [string, string][] = [];
  for (const folder of ctx.workspaceFolders) {
    for (const uri of await findFiles(folder, ['.aspa']).catch(() => [])) {
      const text = await readFile(uri).catch(() => undefined);
      if (text !== undefined) out.push([uri, text]);
    }
  }
  return out;
}

