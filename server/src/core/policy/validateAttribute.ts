import type { SpanDiagnostic } from '../diagnostics/diagnostic';
import type { DialectProfile } from '../rpsl/dialects';
import { documentFixes, valueSpanToDocument, type RpslAttribute } from '../rpsl/model';
import { parsePolicy, type PolicyProblem } from './parser';
import { primedProblems } from './sharedParses';
import { DIALECT_PROFILES } from '../rpsl/dialects';

/**
 * The seam between the RPSL validator and the policy language: the RPSL value-type table hands every
 * policy attribute (import, export, mp-import, filter, peering, …) to this function. Spans come back in
 * document offsets, mapped through the attribute's segments so a range never straddles a line break.
 */
export function validatePolicyAttribute(attr: RpslAttribute, className: string, profile?: DialectProfile): (SpanDiagnostic & { readonly code: PolicyProblem['code'] })[] {
  void className;
  // The linter parsed it already, for the index, in the same profile (sharedParses.ts).
  const problems = primedProblems(attr, profile ?? DIALECT_PROFILES.rfc) ?? parsePolicy(attr.name, attr.value, profile)?.problems;
  if (!problems) return [];
  return problems.map((p) => {
    const span = p.span.start === p.span.end && attr.value.length === 0 ? attr.valueSpan : valueSpanToDocument(attr, p.span.start, p.span.end);
    const fixes = documentFixes(span, p.span.start, p.span.end, p.fix);
    return { code: p.code, severity: p.severity, message: p.message, span, ...(fixes ? { fixes } : {}) };
  });
}
