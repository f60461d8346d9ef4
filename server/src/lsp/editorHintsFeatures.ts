import type { CodeLens } from 'vscode-languageserver';
import { asNameHints } from '../core/editorHints/asNameHints';
import { languageServices } from '../core/languages/services';
import { resolveSetSizeLens, setSizeLenses } from '../core/editorHints/setSizeLenses';
import type { Asn } from '../core/net/asn';
import { parseAsNames } from '../core/paths/asNames';
import type { FeatureModule } from './context';
import { resolveInWorkspace } from './workspacePath';

/** After the index or settings change, hints and lenses are asked for again at most this often. */
const REFRESH_DELAY_MS = 500;

/**
 * Code lenses of the language services, AS names as inlay hints (off unless `routelens.inlayHints.asNames`) and set sizes as code lenses (on unless
 * `routelens.codeLens.setSizes` is false). Both read the workspace index, so they are refreshed when it changes,
 * where the client said it can be asked to.
 */
export const editorHintsFeatures: FeatureModule = (ctx) => {
  const { connection } = ctx;
  const settings = () => ctx.serviceContext().settings;

  // The names file (`routelens.data.asNamesFile`) names what the workspace's aut-nums do not; read when set.
  let namesFile = '';
  let names: ReadonlyMap<Asn, string> = new Map();
  ctx.onSettings((settings) => {
    const file = settings.pathData.asNamesFile;
    const uri = file !== undefined ? resolveInWorkspace(file, ctx.workspaceFolders) : '';
    if (uri === namesFile) return;
    namesFile = uri;
    names = new Map();
    const read = ctx.runtime.readFile;
    if (uri === '' || !read) return;
    ctx.background(
      'reading routelens.data.asNamesFile',
      read(uri).then((text) => {
        if (namesFile === uri) names = parseAsNames(text).names;
        refreshSoon();
      }),
    );
  });

  connection.languages.inlayHint.on((params) => {
    if (!settings().inlayAsNames) return [];
    const doc = ctx.sourceDocument(params.textDocument.uri);
    return doc ? asNameHints(doc, params.range, ctx.serviceContext().workspace, (a) => names.get(a)) : [];
  });
  connection.onCodeLens((params) => {
    const doc = ctx.sourceDocument(params.textDocument.uri);
    if (!doc) return [];
    // Each language's own lenses (ASPA: what a declaration does to observed routes), and set sizes in RPSL.
    const own = languageServices.get(doc.languageId)?.codeLenses?.(doc, ctx.serviceContext()) ?? [];
    return settings().setSizeLenses ? [...own, ...setSizeLenses(doc)] : own;
  });
  connection.onCodeLensResolve((lens: CodeLens) => resolveSetSizeLens(lens, ctx.serviceContext().workspace));

  let pending: { dispose(): void } | undefined;
  const refreshSoon = (): void => {
    const caps = ctx.clientCapabilities;
    if (pending || (!caps.inlayHintRefresh && !caps.codeLensRefresh)) return;
    pending = ctx.runtime.timer.setTimeout(() => {
      pending = undefined;
      if (caps.inlayHintRefresh && settings().inlayAsNames) ctx.background('inlay hint refresh', connection.languages.inlayHint.refresh());
      if (caps.codeLensRefresh && settings().setSizeLenses) ctx.background('code lens refresh', connection.sendRequest('workspace/codeLens/refresh'));
    }, REFRESH_DELAY_MS);
  };
  ctx.onDidIndex(refreshSoon);
  ctx.onSettings(refreshSoon);
};
