import type { TextPositions } from '../text/lineIndex';
import type { Diagnostic, SpanDiagnostic } from './diagnostic';

/** Turns the offset form parsers produce into ranged diagnostics; `uri` fills related info without one. */
export function toDiagnostics(index: TextPositions, list: readonly SpanDiagnostic[]): Diagnostic[] {
  return list.map((d) => toDiagnostic(index, d));
}

/** One diagnostic of toDiagnostics, for a caller that hands them on one by one. */
export function toDiagnostic(index: TextPositions, d: SpanDiagnostic): Diagnostic {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    range: index.range(d.span),
    ...(d.tags ? { tags: d.tags } : {}),
    ...(d.fixes
      ? {
          fixes: d.fixes.map((f) => ({
            title: f.title,
            ...(f.preferred ? { preferred: true } : {}),
            edits: f.edits.map((e) => ({ range: index.range(e.span), newText: e.newText })),
          })),
        }
      : {}),
    ...(d.related
      ? { related: d.related.map((r) => ({ ...(r.uri ? { uri: r.uri } : {}), range: index.range(r.span), message: r.message })) }
      : {}),
  };
}
