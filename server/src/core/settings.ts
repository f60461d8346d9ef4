/** The settings the core reads; the LSP layer and the CLI fill it (package.json `contributes.configuration`). */
import type { RpslDialectSetting } from './rpsl/dialects';

export interface RouteLensSettings {
  readonly rpslDialect: RpslDialectSetting;
  /**
   * The registries the user writes to (upper-case source: names, e.g. RADB, RIPE); objects of other sources
   * are checked as a mirror would, their findings information. Undefined: every source is the user's.
   */
  readonly authoritativeSources: ReadonlySet<string> | undefined;
  readonly crossChecks: boolean;
  /** At most this many diagnostics per file go to the editor (`diagnostics/budget.ts`); at least 1. */
  readonly maxDiagnosticsPerFile: number;
  /** Inlay hints with AS names after AS numbers in policy lines and ASPA declarations (editor only). */
  readonly inlayAsNames: boolean;
  /** A code lens above as-sets and route-sets with their size after expansion (editor only). */
  readonly setSizeLenses: boolean;
}

/** `RADB, ripe ,` → {RADB, RIPE}; nothing named → undefined (every source authoritative). */
export function parseSourceList(items: readonly unknown[]): ReadonlySet<string> | undefined {
  const names = new Set<string>();
  for (const item of items) if (typeof item === 'string') for (const part of item.split(',')) if (part.trim() !== '') names.add(part.trim().toUpperCase());
  return names.size > 0 ? names : undefined;
}

export const defaultSettings: RouteLensSettings = {
  rpslDialect: 'auto',
  authoritativeSources: undefined,
  crossChecks: true,
  maxDiagnosticsPerFile: 1000,
  inlayAsNames: false,
  setSizeLenses: true,
};
