import type { Severity } from './diagnostic';

/**
 * One row of a diagnostic-code table. Each area keeps its own table as data (codes.ts in its folder);
 * docs/diagnostics.md is generated from all of them (npm run docs:diagnostics) and a test keeps the two in step.
 */
export interface DiagnosticCodeInfo {
  /** Stable, namespaced: `rpsl/host-bits-set`. Never renamed once released. */
  readonly code: string;
  /** The default severity. */
  readonly severity: Severity;
  /** One line: what the rule checks. */
  readonly summary: string;
  /** Why it matters and how to fix it; Markdown. */
  readonly description: string;
  /** A minimal input that triggers it, for the docs. */
  readonly example?: string;
}
