import {
  DiagnosticSeverity,
  DiagnosticTag,
  type CodeAction,
  CodeActionKind,
  type Diagnostic as LspDiagnostic,
} from 'vscode-languageserver-types';
import type { Diagnostic, Fix, Severity } from '../core/diagnostics/diagnostic';
import { codeDocUrl } from '../core/diagnostics/docLink';
import { allDiagnosticCodes } from '../core/diagnostics/registry';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const TAG = { deprecated: DiagnosticTag.Deprecated, unnecessary: DiagnosticTag.Unnecessary } as const;

/** What an LSP diagnostic carries in `data`, so code actions can be built from it without re-validating. */
export interface DiagnosticData {
  readonly fixes?: readonly Fix[];
}

export function toLspDiagnostic(uri: string, d: Diagnostic): LspDiagnostic {
  const data: DiagnosticData = d.fixes ? { fixes: d.fixes } : {};
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    // Editors turn the code in their problem lists into a link to its documentation.
    ...(allDiagnosticCodes.has(d.code) ? { codeDescription: { href: codeDocUrl(d.code) } } : {}),
    source: 'routelens',
    message: d.message,
    ...(d.tags ? { tags: d.tags.map((t) => TAG[t]) } : {}),
    ...(d.related
      ? { relatedInformation: d.related.map((r) => ({ location: { uri: r.uri ?? uri, range: r.range }, message: r.message })) }
      : {}),
    data,
  };
}

/** Quick fixes from the fixes a diagnostic carries: one action per fix, the certain ones preferred. */
export function fixesToCodeActions(uri: string, diagnostics: readonly LspDiagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diag of diagnostics) {
    const data = diag.data as DiagnosticData | undefined;
    for (const fix of data?.fixes ?? []) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diag],
        ...(fix.preferred ? { isPreferred: true } : {}),
        edit: { changes: { [uri]: fix.edits.map((e) => ({ range: e.range, newText: e.newText })) } },
      });
    }
  }
  return actions;
}
