import {
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  DidChangeConfigurationNotification,
  type Diagnostic as LspDiagnostic,
  DocumentDiagnosticReportKind,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SourceDocument } from '../core/document';
import { languageOfDocument, languageOfFile } from '../core/languages/detect';
import { languageServices } from '../core/languages/services';
import type { LanguageService, ServiceContext } from '../core/languages/service';
import type { ObservedPaths } from '../core/aspa/observedChecks';
import { WorkspaceIndex } from '../core/workspace/workspaceIndex';
import { workspaceSymbols } from '../core/workspace/navigation';
import { CrossCheckCache } from '../core/workspace/crossCheckCache';
import type { RouteLensSettings } from '../core/settings';
import { defaultSettings } from '../core/settings';
import { fixesToCodeActions, toLspDiagnostic } from './convert';
import type { FeatureModule, Runtime, ServerContext } from './context';
import { documentPositions } from './documentPositions';
import { liveRpki } from './rpkiFeatures';
import { readSettings } from './settings';
import { AuthoredSources } from '../core/rpsl/authoredSources';
import { featureModules } from './features';
import { applyBudget } from '../core/diagnostics/budget';
import type { Diagnostic } from '../core/diagnostics/diagnostic';
import { commonLength } from '../core/text/commonLength';

const PUSH_DEBOUNCE_MS = 150;
/**
 * Above this size an RPSL document is a registry dump: a keystroke gets the per-object checks at once (the
 * RPSL service re-validates only the changed object), while the whole-document work — re-indexing it and the
 * cross-object checks — waits until typing pauses for SETTLE_MS, and its result is shown from then on.
 */
const LARGE_DOCUMENT = 1_000_000;
const SETTLE_MS = 750;
/** How long one slice of cross-object checking may hold the server before other requests get their turn. */
const CROSS_SLICE_MS = 50;

/**
 * Wires the pure language services to an LSP connection. The node and browser entry points only build
 * the connection and the runtime (as json-language-features' startServer does); everything else is here.
 */
export function startServer(connection: Connection, runtime: Runtime, features: readonly FeatureModule[] = featureModules): void {
  const documents = new TextDocuments(TextDocument);
  const sources = new Map<string, SourceDocument>();
  const workspace = new WorkspaceIndex();
  const settingsListeners: ((section: unknown) => void)[] = [];
  const indexListeners: ((uri: string) => void)[] = [];
  let settings: RouteLensSettings = defaultSettings;
  /** With routelens.rpsl.authoritativeSources unset, the registries the user writes to are those of the documents they edit. */
  const authored = new AuthoredSources();
  /** Each open document's version when opened: a later version is an edit by the user. */
  const openedVersions = new Map<string, number>();
  const effectiveSettings = (): RouteLensSettings => {
    const sources = authored.effective(settings.authoritativeSources);
    return sources === settings.authoritativeSources ? settings : { ...settings, authoritativeSources: sources };
  };
  let pullDiagnostics = false;
  let pullRefresh = false;
  let configurationPull = false;
  let initializationSettings: unknown;
  let watchedFilesRegistration = false;
  let inlayHintRefresh = false;
  let codeLensRefresh = false;
  let workDoneProgress = false;
  let workspaceFolders: string[] = [];
  const pending = new Map<string, { dispose(): void }>();

  /** Observed routes for ASPA authoring, set by the observed-paths feature when `routelens.data.pathFiles` load. */
  let observedPaths: ObservedPaths | undefined;
  const serviceContext = (): ServiceContext => {
    const live = liveRpki();
    return {
      settings: effectiveSettings(),
      workspace,
      ...(live && live.aspaDb.size > 0 ? { cachedAspas: { label: live.label, db: live.aspaDb } } : {}),
      ...(observedPaths ? { observedPaths } : {}),
    };
  };

  const sourceDocument = (uri: string): SourceDocument | undefined => {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const cached = sources.get(uri);
    if (cached && cached.version === doc.version) return cached;
    const text = doc.getText();
    // A saved whois answer is RPSL by its first line (package.json firstLine) only if its content agrees.
    const fresh = new SourceDocument(uri, languageOfDocument(uri, servedLanguage(uri, doc.languageId, text), text), doc.version, text, documentPositions(doc, doc.version));
    sources.set(uri, fresh);
    return fresh;
  };

  const serviceFor = (uri: string): { doc: SourceDocument; service: LanguageService } | undefined => {
    const doc = sourceDocument(uri);
    const service = doc && languageServices.get(doc.languageId);
    return doc && service ? { doc, service } : undefined;
  };

  /** Never lets a service's bug take the server down: a failure is logged and the feature answers empty. */
  const guarded = <T>(what: string, fallback: T, run: () => T): T => {
    try {
      return run();
    } catch (err) {
      connection.console.error(`RouteLens: ${what} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return fallback;
    }
  };

  const background = (what: string, work: Promise<unknown>): void => {
    work.catch((err: unknown) => connection.console.error(`RouteLens: ${what} failed: ${err instanceof Error ? err.message : String(err)}`));
  };
  /** Asks the client to pull diagnostics again, if it said it can be asked (LSP 3.17 refreshSupport). */
  const requestPull = (): void => {
    if (pullRefresh) background('diagnostics refresh', connection.languages.diagnostics.refresh());
  };

  const isLargeRpsl = (doc: SourceDocument): boolean => doc.languageId === 'rpsl' && doc.text.length >= LARGE_DOCUMENT;
  /** Cross-object diagnostics of large documents, from the last time typing paused. */
  const settledCross = new Map<string, readonly Diagnostic[]>();
  const settling = new Map<string, { dispose(): void }>();
  /** Per-object cross-check results of large documents: a pause re-checks only what the edits affected. */
  const crossCaches = new Map<string, CrossCheckCache>();

  /** The line of each open document's last edit (0 before any): its diagnostics budget favours findings near it. */
  const focusLines = new Map<string, number>();
  const trackFocus = (before: SourceDocument, after: SourceDocument): void => {
    const max = Math.min(before.text.length, after.text.length);
    const at = commonLength(before.text, after.text, max, false);
    if (at < max || before.text.length !== after.text.length) focusLines.set(after.uri, after.lineIndex.positionAt(at).line);
  };

  /** Every finding when they fit `routelens.diagnostics.maxPerFile`, else the most severe nearest the last edit and a notice. */
  const diagnosticsFor = (uri: string): LspDiagnostic[] => {
    const found = serviceFor(uri);
    if (!found) return [];
    const budget = { focusLine: focusLines.get(uri) ?? 0, limit: settings.maxDiagnosticsPerFile, uri };
    if (!settings.crossChecks || !isLargeRpsl(found.doc)) {
      return guarded('validation', [], () => applyBudget(found.service.validate(found.doc, serviceContext()), budget).map((d) => toLspDiagnostic(uri, d)));
    }
    const ctx = serviceContext();
    const perObject = { ...ctx, settings: { ...ctx.settings, crossChecks: false } };
    const own = guarded('validation', [], () => found.service.validate(found.doc, perObject));
    // Only what the budget keeps is converted: a dump's cross-object findings run to six figures.
    return guarded('diagnostics budget', [], () => applyBudget([...own, ...(settledCross.get(uri) ?? [])], budget).map((d) => toLspDiagnostic(uri, d)));
  };

  /**
   * After the pause: re-index the document, then bring its cross-object findings up to date in slices of
   * CROSS_SLICE_MS, so keystrokes and hovers are answered between them (the first check of a dump takes
   * seconds); then ask the client to pull. An edit meanwhile cancels the rest and starts a new pause.
   */
  const settleSoon = (uri: string): void => {
    settling.get(uri)?.dispose();
    const step = (first: boolean): { dispose(): void } =>
      runtime.timer.setTimeout(
        () => {
          settling.delete(uri);
          const doc = sourceDocument(uri);
          if (!doc) return;
          if (first) {
            indexIfRpsl(uri);
            noteEdit(uri);
          }
          if (settings.crossChecks) {
            let cache = crossCaches.get(uri);
            if (!cache) crossCaches.set(uri, (cache = new CrossCheckCache(workspace, uri)));
            const cached = cache;
            const until = Date.now() + CROSS_SLICE_MS;
            if (!guarded('cross-checks', true, () => cached.update(() => Date.now() > until).done)) {
              settling.set(uri, step(false));
              return;
            }
            settledCross.set(
              uri,
              guarded('cross-checks', [], () => cached.diagnostics((s) => doc.lineIndex.range(s))),
            );
          }
          if (pullDiagnostics) requestPull();
          else pushSoon(uri);
        },
        first ? SETTLE_MS : 0,
      );
    settling.set(uri, step(true));
  };

  const pushSoon = (uri: string): void => {
    pending.get(uri)?.dispose();
    pending.set(
      uri,
      runtime.timer.setTimeout(() => {
        pending.delete(uri);
        if (!documents.get(uri)) return;
        background('publishing diagnostics', connection.sendDiagnostics({ uri, diagnostics: diagnosticsFor(uri) }));
      }, PUSH_DEBOUNCE_MS),
    );
  };

  const refreshDiagnostics = (): void => {
    if (pullDiagnostics) requestPull();
    else for (const d of documents.all()) pushSoon(d.uri);
  };

  /** An edit by the user: the registries its document names become the user's (when the setting names none). */
  const noteEdit = (uri: string): void => {
    const doc = sourceDocument(uri);
    if (doc?.languageId !== 'rpsl' || openedVersions.get(uri) === doc.version) return;
    if (authored.edited(uri, doc.text) && settings.authoritativeSources === undefined) refreshDiagnostics();
  };

  const indexIfRpsl = (uri: string): void => {
    const found = serviceFor(uri);
    if (found?.doc.languageId === 'rpsl') {
      // Framed again only around what changed since the last version indexed (a dump is not framed whole per pause).
      guarded('indexing', undefined, () => workspace.setText(uri, found.doc.text));
      for (const l of indexListeners) guarded('index listener', undefined, () => l(uri));
    }
  };

  /**
   * Settings come from a `workspace/configuration` pull where the client supports it, otherwise from what
   * `didChangeConfiguration` carries (or the defaults). Listeners run either way, once at start-up at least,
   * so feature modules can rely on them to start.
   */
  const loadSettings = async (pushed?: unknown): Promise<void> => {
    const section: unknown = configurationPull
      ? await connection.workspace.getConfiguration('routelens')
      : ((pushed as { routelens?: unknown } | undefined)?.routelens ?? initializationSettings);
    settings = readSettings(section);
    for (const l of settingsListeners) guarded('settings listener', undefined, () => l(section));
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    pullDiagnostics = !!caps.textDocument?.diagnostic;
    pullRefresh = pullDiagnostics && !!caps.workspace?.diagnostics?.refreshSupport;
    configurationPull = !!caps.workspace?.configuration;
    workDoneProgress = !!caps.window?.workDoneProgress;
    watchedFilesRegistration = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    inlayHintRefresh = !!caps.workspace?.inlayHint?.refreshSupport;
    codeLensRefresh = !!caps.workspace?.codeLens?.refreshSupport;
    workspaceFolders = (params.workspaceFolders ?? []).map((f) => f.uri);
    // Editors other than VS Code often pass settings only here (eglot, Helix, Sublime LSP): either the
    // `routelens` section itself or an object holding it.
    const init = params.initializationOptions as { routelens?: unknown } | null | undefined;
    initializationSettings = init && typeof init === 'object' ? (init.routelens ?? init) : undefined;
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
        ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'routelens' },
    };
  });

  const ctx: ServerContext = {
    connection,
    documents,
    runtime,
    sourceDocument,
    serviceContext,
    refreshDiagnostics,
    background,
    onSettings: (l) => settingsListeners.push(l),
    onDidIndex: (l) => indexListeners.push(l),
    setObservedPaths: (o) => {
      observedPaths = o;
    },
    get clientCapabilities() {
      return { workDoneProgress, pullDiagnostics, watchedFilesRegistration, inlayHintRefresh, codeLensRefresh };
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
    const previous = sources.get(e.document.uri);
    const doc = sourceDocument(e.document.uri);
    if (previous && doc) trackFocus(previous, doc);
    if (doc && isLargeRpsl(doc)) settleSoon(e.document.uri);
    else {
      indexIfRpsl(e.document.uri);
      noteEdit(e.document.uri);
    }
    if (!pullDiagnostics) pushSoon(e.document.uri);
  });
  documents.onDidOpen((e) => openedVersions.set(e.document.uri, e.document.version));
  documents.onDidClose((e) => {
    openedVersions.delete(e.document.uri);
    if (authored.forget(e.document.uri) && settings.authoritativeSources === undefined) refreshDiagnostics();
    sources.delete(e.document.uri);
    focusLines.delete(e.document.uri);
    settledCross.delete(e.document.uri);
    crossCaches.get(e.document.uri)?.dispose();
    crossCaches.delete(e.document.uri);
    settling.get(e.document.uri)?.dispose();
    settling.delete(e.document.uri);
    pending.get(e.document.uri)?.dispose();
    pending.delete(e.document.uri);
    if (!pullDiagnostics) background('clearing diagnostics', connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }));
  });

  connection.languages.diagnostics.on((params, token: CancellationToken) => {
    if (token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    return { kind: DocumentDiagnosticReportKind.Full, items: diagnosticsFor(params.textDocument.uri) };
  });

  connection.onHover((p) => {
    const f = serviceFor(p.textDocument.uri);
    return f?.service.hover ? guarded('hover', null, () => f.service.hover!(f.doc, p.position, serviceContext())) : null;
  });
  connection.onCompletion((p) => {
    const f = serviceFor(p.textDocument.uri);
    return f?.service.complete ? guarded('completion', [], () => f.service.complete!(f.doc, p.position, serviceContext())) : [];
  });
  connection.onDocumentSymbol((p) => {
    const f = serviceFor(p.textDocument.uri);
    return f?.service.documentSymbols ? guarded('symbols', [], () => f.service.documentSymbols!(f.doc, serviceContext())) : [];
  });
  connection.onWorkspaceSymbol((p) => guarded('workspace symbols', [], () => workspaceSymbols(p.query, serviceContext())));
  connection.onDocumentFormatting((p) => {
    const f = serviceFor(p.textDocument.uri);
    return f?.service.format ? guarded('formatting', [], () => f.service.format!(f.doc, p.options, serviceContext())) : [];
  });
  connection.onFoldingRanges((p) => {
    const f = serviceFor(p.textDocument.uri);
    return f?.service.foldingRanges ? guarded('folding', [], () => f.service.foldingRanges!(f.doc)) : [];
  });
  connection.onDefinition((p) => {
    const f = serviceFor(p.textDocument.uri);
    return f?.service.definition ? guarded('definition', [], () => f.service.definition!(f.doc, p.position, serviceContext())) : [];
  });
  connection.onReferences((p) => {
    const f = serviceFor(p.textDocument.uri);
    return f?.service.references
      ? guarded('references', [], () => f.service.references!(f.doc, p.position, serviceContext(), p.context.includeDeclaration))
      : [];
  });
  connection.onRenameRequest((p) => {
    const f = serviceFor(p.textDocument.uri);
    return f?.service.rename ? guarded('rename', null, () => f.service.rename!(f.doc, p.position, p.newName, serviceContext())) : null;
  });
  connection.onCodeAction((p) => {
    const f = serviceFor(p.textDocument.uri);
    const fromFixes = fixesToCodeActions(p.textDocument.uri, p.context.diagnostics);
    const more = f?.service.codeActions ? guarded('code actions', [], () => f.service.codeActions!(f.doc, p.range, serviceContext())) : [];
    return [...fromFixes, ...more];
  });

  for (const feature of features) guarded('feature registration', undefined, () => feature(ctx));

  documents.listen(connection);
  connection.listen();
}

/**
 * The language a document is served as. Editors other than VS Code name languages their own way (Sublime's
 * `plaintext`, an unconfigured Neovim's empty filetype): where the id is not one of ours, the file's name and
 * first line decide, as `routelens lint` does.
 */
function servedLanguage(uri: string, languageId: string, text: string): string {
  if (languageServices.has(languageId)) return languageId;
  return languageOfFile(uri.replace(/[?#].*$/, ''), text) ?? languageId;
}
