import {
  type Connection,
  type InitializeParams,
  type InitializeResult,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import type { ServiceContext } from '../core/languages/service';
import type { ObservedPaths } from '../core/aspa/observedChecks';
import { WorkspaceIndex } from '../core/workspace/workspaceIndex';
import { IncrementalRpslDocuments } from '../core/rpsl/document';
import type { RpkiStore } from '../core/rpki/store';
import { workspaceSymbols } from '../core/workspace/navigation';
import type { RouteLensSettings } from '../core/settings';
import { defaultSettings } from '../core/settings';
import { fixesToCodeActions } from './convert';
import type { ClientSupport, FeatureModule, Runtime, ServerContext } from './context';
import { registerDiagnosticsPullSupport, registerDiagnosticsPushSupport, type DiagnosticsSupport } from './diagnostics';
import { documentDiagnostics } from './documentDiagnostics';
import { editorDocuments } from './editorDocument';
import { featureModules } from './features';
import { guardWith } from './guard';
import { AuthoredSources } from '../core/rpsl/authoredSources';
import { liveRpkiOf } from './rpkiFeatures';
import { readServerSettings, type ServerSettings } from './settings';
import { SourceDocuments, type ServedDocument } from './sourceDocuments';

/**
 * Wires the pure language services to an LSP connection. The node and browser entry points only build
 * the connection and the runtime (as json-language-features' startServer does); everything else is here.
 */
export function startServer(connection: Connection, runtime: Runtime, features: readonly FeatureModule[] = featureModules): void {
  const documents = new TextDocuments(editorDocuments);
  const sources = new SourceDocuments(documents);
  const workspace = new WorkspaceIndex();
  const guarded = guardWith(connection);
  const settingsListeners: ((settings: ServerSettings) => void)[] = [];
  const indexListeners: ((uri: string) => void)[] = [];
  let settings: RouteLensSettings = defaultSettings;
  /** With routelens.rpsl.authoritativeSources unset, the registries the user writes to are those of the documents they edit. */
  const authored = new AuthoredSources();
  /** Each open document's version when opened: a later version is an edit by the user. */
  const openedVersions = new Map<string, number>();
  const effectiveSettings = (): RouteLensSettings => {
    const authoritative = authored.effective(settings.authoritativeSources);
    return authoritative === settings.authoritativeSources ? settings : { ...settings, authoritativeSources: authoritative };
  };
  let configurationPull = false;
  let initializationSettings: unknown;
  let capabilities: ClientSupport = NO_CAPABILITIES;
  let workspaceFolders: string[] = [];
  /** Push or pull, chosen at initialize. */
  let diagnostics: DiagnosticsSupport | undefined;

  /** Observed routes for ASPA authoring, set by the observed-paths feature when `routelens.data.pathFiles` load. */
  let observedPaths: ObservedPaths | undefined;
  let rpkiStore: RpkiStore | undefined;
  /** Large RPSL documents kept between versions, so a keystroke re-validates only the object it touched. */
  const incrementalRpsl = new IncrementalRpslDocuments();
  const serviceContext = (): ServiceContext => {
    const live = liveRpkiOf(rpkiStore);
    return {
      settings: effectiveSettings(),
      workspace,
      ...(live && live.aspaDb.size > 0 ? { cachedAspas: { label: live.label, db: live.aspaDb } } : {}),
      ...(observedPaths ? { observedPaths } : {}),
      incrementalRpsl,
    };
  };

  const background = (what: string, work: Promise<unknown>): void => {
    work.catch((err: unknown) => connection.console.error(`RouteLens: ${what} failed: ${err instanceof Error ? err.message : String(err)}`));
  };
  const refreshDiagnostics = (): void => diagnostics?.requestRefresh();

  const indexIfRpsl = (uri: string): void => {
    const found = sources.served(uri);
    if (found?.doc.languageId === 'rpsl') {
      // Framed again only around what changed since the last version indexed (a dump is not framed whole per pause).
      guarded('indexing', undefined, () => workspace.setText(uri, found.doc.text));
      for (const l of indexListeners) guarded('index listener', undefined, () => l(uri));
    }
  };

  /** An edit by the user: the registries its document names become the user's (when the setting names none). */
  const noteEdit = (uri: string): void => {
    const doc = sources.get(uri);
    if (doc?.languageId !== 'rpsl' || openedVersions.get(uri) === doc.version) return;
    if (authored.edited(uri, doc.text, doc.revision) && settings.authoritativeSources === undefined) refreshDiagnostics();
  };

  const findings = documentDiagnostics({
    runtime,
    sources,
    guarded,
    serviceContext,
    index: (uri) => {
      indexIfRpsl(uri);
      noteEdit(uri);
    },
    settled: (uri) => diagnostics?.requestRefresh(uri),
  });

  /**
   * Settings come from a `workspace/configuration` pull where the client supports it, otherwise from what
   * `didChangeConfiguration` carries (or the defaults). Listeners run either way, once at start-up at least,
   * so feature modules can rely on them to start.
   */
  const loadSettings = async (pushed?: unknown): Promise<void> => {
    const section: unknown = configurationPull
      ? await connection.workspace.getConfiguration('routelens')
      : ((pushed as { routelens?: unknown } | undefined)?.routelens ?? initializationSettings);
    const read = readServerSettings(section);
    settings = read.core;
    for (const l of settingsListeners) guarded('settings listener', undefined, () => l(read));
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    capabilities = {
      workDoneProgress: !!caps.window?.workDoneProgress,
      pullDiagnostics: !!caps.textDocument?.diagnostic,
      watchedFilesRegistration: !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration,
      inlayHintRefresh: !!caps.workspace?.inlayHint?.refreshSupport,
      codeLensRefresh: !!caps.workspace?.codeLens?.refreshSupport,
    };
    configurationPull = !!caps.workspace?.configuration;
    workspaceFolders = (params.workspaceFolders ?? []).map((f) => f.uri);
    // Editors other than VS Code often pass settings only here (eglot, Helix, Sublime LSP): either the
    // `routelens` section itself or an object holding it.
    const init = params.initializationOptions as { routelens?: unknown } | null | undefined;
    initializationSettings = init && typeof init === 'object' ? (init.routelens ?? init) : undefined;
    const host = { connection, documents, runtime, background };
    diagnostics = capabilities.pullDiagnostics
      ? registerDiagnosticsPullSupport(host, findings.diagnosticsOf, !!caps.workspace?.diagnostics?.refreshSupport)
      : registerDiagnosticsPushSupport(host, findings.diagnosticsOf);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' ', '-'] },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        documentFormattingProvider: true,
        foldingRangeProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        inlayHintProvider: true,
        codeLensProvider: { resolveProvider: true },
        ...(capabilities.pullDiagnostics ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'routelens' },
    };
  });

  const ctx: ServerContext = {
    connection,
    documents,
    runtime,
    sourceDocument: (uri) => sources.get(uri),
    serviceContext,
    refreshDiagnostics,
    background,
    onSettings: (l) => settingsListeners.push(l),
    onDidIndex: (l) => indexListeners.push(l),
    setObservedPaths: (o) => {
      observedPaths = o;
    },
    setRpkiStore: (store) => {
      rpkiStore = store;
    },
    liveRpki: () => liveRpkiOf(rpkiStore),
    get clientCapabilities() {
      return capabilities;
    },
    get workspaceFolders() {
      return workspaceFolders;
    },
  };

  connection.onInitialized(() => {
    if (configurationPull) background('registering for settings', connection.client.register(DidChangeConfigurationNotification.type, { section: 'routelens' }));
    background('reading settings', loadSettings().then(refreshDiagnostics));
  });
  connection.onDidChangeConfiguration((p) => background('reading settings', loadSettings(p.settings).then(refreshDiagnostics)));

  documents.onDidChangeContent((e) => {
    const previous = sources.last(e.document.uri);
    const doc = sources.get(e.document.uri);
    if (doc) findings.didChange(previous, doc);
  });
  documents.onDidOpen((e) => openedVersions.set(e.document.uri, e.document.version));
  documents.onDidClose((e) => {
    openedVersions.delete(e.document.uri);
    if (authored.forget(e.document.uri) && settings.authoritativeSources === undefined) refreshDiagnostics();
    sources.forget(e.document.uri);
    findings.didClose(e.document.uri);
  });

  /** A request about one open document, answered by its language service; `fallback` when there is none, or it fails. */
  const onDocument =
    <P extends { textDocument: { uri: string } }, R>(what: string, fallback: R, answer: (served: ServedDocument, p: P, ctx: ServiceContext) => R | undefined) =>
    (p: P): R => {
      const served = sources.served(p.textDocument.uri);
      return served ? guarded(what, fallback, () => answer(served, p, serviceContext()) ?? fallback) : fallback;
    };

  connection.onHover(onDocument('hover', null, ({ doc, service }, p, c) => service.hover?.(doc, p.position, c)));
  connection.onCompletion(onDocument('completion', [], ({ doc, service }, p, c) => service.complete?.(doc, p.position, c)));
  connection.onDocumentSymbol(onDocument('symbols', [], ({ doc, service }, _p, c) => service.documentSymbols?.(doc, c)));
  connection.onWorkspaceSymbol((p) => guarded('workspace symbols', [], () => workspaceSymbols(p.query, serviceContext())));
  connection.onDocumentFormatting(onDocument('formatting', [], ({ doc, service }, p, c) => service.format?.(doc, p.options, c)));
  connection.onFoldingRanges(onDocument('folding', [], ({ doc, service }) => service.foldingRanges?.(doc)));
  connection.onDefinition(onDocument('definition', [], ({ doc, service }, p, c) => service.definition?.(doc, p.position, c)));
  connection.onReferences(onDocument('references', [], ({ doc, service }, p, c) => service.references?.(doc, p.position, c, p.context.includeDeclaration)));
  connection.onRenameRequest(onDocument('rename', null, ({ doc, service }, p, c) => service.rename?.(doc, p.position, p.newName, c)));
  connection.onCodeAction((p) => [
    ...fixesToCodeActions(p.textDocument.uri, p.context.diagnostics),
    ...onDocument('code actions', [], ({ doc, service }, _p, c) => service.codeActions?.(doc, p.range, c))(p),
  ]);

  for (const feature of features) guarded('feature registration', undefined, () => feature(ctx));

  documents.listen(connection);
  connection.listen();
}

const NO_CAPABILITIES: ClientSupport = {
  workDoneProgress: false,
  pullDiagnostics: false,
  watchedFilesRegistration: false,
  inlayHintRefresh: false,
  codeLensRefresh: false,
};
