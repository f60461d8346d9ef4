import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { applyBudget, applyBudgetWith, PreparedBudget, SEVERITY_RANK } from '../core/diagnostics/budget';
import type { Diagnostic } from '../core/diagnostics/diagnostic';
import type { SourceDocument } from '../core/document';
import type { ServiceContext } from '../core/languages/service';
import { commonLength } from '../core/text/commonLength';
import { firstEditedOffset } from '../core/text/revision';
import { CrossCheckCache } from '../core/workspace/crossCheckCache';
import type { Runtime } from './context';
import { toLspDiagnostic } from './convert';
import type { Guard } from './guard';
import type { SourceDocuments } from './sourceDocuments';

/**
 * Above this size an RPSL document is a registry dump: a keystroke gets the per-object checks at once (the
 * RPSL service re-validates only the changed object), while the whole-document work — re-indexing it and the
 * cross-object checks — waits until typing pauses for SETTLE_MS, and its result is shown from then on.
 */
const LARGE_DOCUMENT = 1_000_000;
const SETTLE_MS = 750;
/** How long one slice of cross-object checking may hold the server before other requests get their turn. */
const CROSS_SLICE_MS = 50;

export interface DocumentDiagnosticsHost {
  readonly runtime: Runtime;
  readonly sources: SourceDocuments;
  readonly guarded: Guard;
  serviceContext(): ServiceContext;
  /** Re-indexes an open document's objects (at once for small documents, after the pause for large ones). */
  index(uri: string): void;
  /** A large document's whole-document findings changed after a pause. */
  settled(uri: string): void;
}

/** What each open document shows: its findings within the budget, nearest its last edit. */
export interface DocumentDiagnostics {
  diagnosticsOf(uri: string): LspDiagnostic[];
  /** A new version of an open document replaced `previous`. */
  didChange(previous: SourceDocument | undefined, doc: SourceDocument): void;
  didClose(uri: string): void;
}

export function documentDiagnostics(host: DocumentDiagnosticsHost): DocumentDiagnostics {
  const { runtime, sources, guarded } = host;
  const isLargeRpsl = (doc: SourceDocument): boolean => doc.languageId === 'rpsl' && doc.textLength >= LARGE_DOCUMENT;
  /** Cross-object diagnostics of large documents, from the last time typing paused, prepared for choosing what to show. */
  const settledCross = new Map<string, PreparedBudget<Diagnostic>>();
  const NO_CROSS = new PreparedBudget<Diagnostic>([], () => 0);
  const crossBudget = (uri: string): PreparedBudget<Diagnostic> => settledCross.get(uri) ?? NO_CROSS;
  const settling = new Map<string, { dispose(): void }>();
  /** Per-object cross-check results of large documents: a pause re-checks only what the edits affected. */
  const crossCaches = new Map<string, CrossCheckCache>();
  /** The line of each open document's last edit (0 before any): its diagnostics budget favours findings near it. */
  const focusLines = new Map<string, number>();

  const trackFocus = (before: SourceDocument, after: SourceDocument): void => {
    // The editor tells what it changed; otherwise (history cut, whole-text sync) the texts are compared.
    const edits = before.revision && after.revision?.editsSince(before.revision);
    if (edits) {
      const at = firstEditedOffset(edits);
      if (at !== undefined) focusLines.set(after.uri, after.lineIndex.positionAt(at).line);
      return;
    }
    const max = Math.min(before.textLength, after.textLength);
    const at = commonLength(before.text, after.text, max, false);
    if (at < max || before.textLength !== after.textLength) focusLines.set(after.uri, after.lineIndex.positionAt(at).line);
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
          const doc = sources.get(uri);
          if (!doc) return;
          if (first) host.index(uri);
          const ctx = host.serviceContext();
          if (ctx.settings.crossChecks) {
            let cache = crossCaches.get(uri);
            if (!cache) crossCaches.set(uri, (cache = new CrossCheckCache(ctx.workspace, uri)));
            const cached = cache;
            const until = Date.now() + CROSS_SLICE_MS;
            if (!guarded('cross-checks', true, () => cached.update(() => Date.now() > until).done)) {
              settling.set(uri, step(false));
              return;
            }
            settledCross.set(uri, new PreparedBudget(guarded('cross-checks', [], () => cached.diagnostics(doc.lineIndex)), (d) => SEVERITY_RANK[d.severity]));
          }
          host.settled(uri);
        },
        first ? SETTLE_MS : 0,
      );
    settling.set(uri, step(true));
  };

  return {
    /** Every finding when they fit `routelens.diagnostics.maxPerFile`, else the most severe nearest the last edit and a notice. */
    diagnosticsOf(uri) {
      const found = sources.served(uri);
      if (!found) return [];
      const ctx = host.serviceContext();
      const { settings } = ctx;
      const budget = { focusLine: focusLines.get(uri) ?? 0, limit: settings.maxDiagnosticsPerFile, uri };
      if (!settings.crossChecks || !isLargeRpsl(found.doc)) {
        return guarded('validation', [], () => applyBudget(found.service.validate(found.doc, ctx), budget).map((d) => toLspDiagnostic(uri, d)));
      }
      const perObject = { ...ctx, settings: { ...settings, crossChecks: false } };
      const own = guarded('validation', [], () => found.service.validate(found.doc, perObject));
      // Only what the budget keeps is converted: a dump's cross-object findings run to six figures.
      return guarded('diagnostics budget', [], () => applyBudgetWith(own, crossBudget(uri), budget).map((d) => toLspDiagnostic(uri, d)));
    },

    didChange(previous, doc) {
      if (previous) trackFocus(previous, doc);
      if (isLargeRpsl(doc)) settleSoon(doc.uri);
      else host.index(doc.uri);
    },

    didClose(uri) {
      focusLines.delete(uri);
      settledCross.delete(uri);
      crossCaches.get(uri)?.dispose();
      crossCaches.delete(uri);
      settling.get(uri)?.dispose();
      settling.delete(uri);
    },
  };
}
