import type { TextPositions } from '../text/lineIndex';
import type { Diagnostic, SpanDiagnostic } from './diagnostic';

/** Turns the offset form parsers produce into ranged diagnostics; `uri` fills related info without one. */
export function toDiagnostics(index: TextPositions, list: readonly SpanDiagnostic[]): Diagnostic[] {
  return list.map((d) => toDiagnostic(index, d));
}

/**
 * One diagnostic of toDiagnostics, for a caller that hands them on one by one. Optional fields are set only when
 * present, in the order code, severity, message, range, tags, fixes, related: built by spreading conditional
 * literals, each finding cost several objects more.
 */
export function toDiagnostic(index: TextPositions, d: SpanDiagnostic): Diagnostic {
  const out: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = { code: d.code, severity: d.severity, message: d.message, range: index.range(d.span) };
  if (d.tags) out.tags = d.tags;
  if (d.fixes)
    out.fixes = d.fixes.map((f) => ({
      title: f.title,
      ...(f.preferred ? { preferred: true } : {}),
      edits: f.edits.map((e) => ({ range: index.range(e.span), newText: e.newText })),
    }));
  if (d.related) out.related = d.related.map((r) => ({ ...(r.uri ? { uri: r.uri } : {}), range: index.range(r.span), message: r.message }));
  return out;
}
