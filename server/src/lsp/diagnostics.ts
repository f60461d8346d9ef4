import { type Connection, type Diagnostic as LspDiagnostic, DocumentDiagnosticReportKind, type TextDocuments } from 'vscode-languageserver';
import type { EditorDocument } from './editorDocument';
import type { Runtime } from './context';

/**
 * How diagnostics reach the client, modelled on json-language-features' `registerDiagnosticsPushSupport` /
 * `registerDiagnosticsPullSupport`: the server picks one at `initialize` and only asks it to refresh.
 */
export interface DiagnosticsSupport {
  /** The diagnostics may have changed: of `uri` only, or of every open document. */
  requestRefresh(uri?: string): void;
  dispose(): void;
}

/** A document's diagnostics as the client should show them now. */
export type DiagnosticsOf = (uri: string) => LspDiagnostic[];

/** What both kinds of support need from the server. */
export interface DiagnosticsHost {
  readonly connection: Connection;
  readonly documents: TextDocuments<EditorDocument>;
  readonly runtime: Runtime;
  background(what: string, work: Promise<unknown>): void;
}

const PUSH_DEBOUNCE_MS = 150;

/** Push (clients without LSP 3.17 pull): debounced after each change, cleared when a document closes. */
export function registerDiagnosticsPushSupport(host: DiagnosticsHost, diagnosticsOf: DiagnosticsOf): DiagnosticsSupport {
  const { connection, documents, runtime } = host;
  const pending = new Map<string, { dispose(): void }>();
  const cancel = (uri: string): void => {
    pending.get(uri)?.dispose();
    pending.delete(uri);
  };
  const pushSoon = (uri: string): void => {
    cancel(uri);
    pending.set(
      uri,
      runtime.timer.setTimeout(() => {
        pending.delete(uri);
        if (!documents.get(uri)) return;
        host.background('publishing diagnostics', connection.sendDiagnostics({ uri, diagnostics: diagnosticsOf(uri) }));
      }, PUSH_DEBOUNCE_MS),
    );
  };
  const listeners = [
    documents.onDidChangeContent((e) => pushSoon(e.document.uri)),
    documents.onDidClose((e) => {
      cancel(e.document.uri);
      host.background('clearing diagnostics', connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }));
    }),
  ];
  return {
    requestRefresh(uri) {
      if (uri !== undefined) pushSoon(uri);
      else for (const d of documents.all()) pushSoon(d.uri);
    },
    dispose() {
      for (const l of listeners) l.dispose();
      for (const uri of [...pending.keys()]) cancel(uri);
    },
  };
}

/**
 * Pull (LSP 3.17): the client asks for the documents it shows. A refresh asks it to pull again, when it said
 * it can be asked (`refreshSupport`); it re-pulls every document, so a refresh of one URI is a refresh of all.
 */
export function registerDiagnosticsPullSupport(host: DiagnosticsHost, diagnosticsOf: DiagnosticsOf, refreshSupport: boolean): DiagnosticsSupport {
  const { connection } = host;
  const registration = connection.languages.diagnostics.on((params, token) => ({
    kind: DocumentDiagnosticReportKind.Full,
    items: token.isCancellationRequested ? [] : diagnosticsOf(params.textDocument.uri),
  }));
  return {
    requestRefresh() {
      if (refreshSupport) host.background('diagnostics refresh', connection.languages.diagnostics.refresh());
    },
    dispose: () => registration.dispose(),
  };
}
