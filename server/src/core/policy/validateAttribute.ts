import type { SpanDiagnostic } from '../diagnostics/diagnostic';
import type { RpslAttribute } from '../rpsl/model';

/**
 * The seam between the RPSL validator and the policy language: the RPSL value-type table hands every
 * policy attribute (import, export, mp-import, filter, peering, …) to this function.
 * Owned by the policy area, which replaces this body with the real parser.
 */
export function validatePolicyAttribute(attr: RpslAttribute, className: string): SpanDiagnostic[] {
  void attr;
  void className;
  return [];
}
