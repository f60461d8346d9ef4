import type { Diagnostic } from '../diagnostics/diagnostic';
import type { SourceDocument } from '../document';
import type { ServiceContext } from '../service';

/**
 * Findings that need more than one object (unresolved references, set loops, route/aut-num consistency).
 * The RPSL service appends these to its own diagnostics when ctx.settings.crossChecks is on.
 * Owned by the policy/workspace area, which replaces this body.
 */
export function crossCheckDocument(doc: SourceDocument, ctx: ServiceContext): Diagnostic[] {
  void doc;
  void ctx;
  return [];
}
