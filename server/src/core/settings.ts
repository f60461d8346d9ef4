/** The settings the core reads; the LSP layer and the CLI fill it (package.json `contributes.configuration`). */
export type RpslDialectSetting = 'auto' | 'rfc' | 'irrd' | 'ripe';

export interface RouteLensSettings {
  readonly rpslDialect: RpslDialectSetting;
  readonly crossChecks: boolean;
  /** At most this many diagnostics per file go to the editor (`diagnostics/budget.ts`); at least 1. */
  readonly maxDiagnosticsPerFile: number;
  /** Inlay hints with AS names after AS numbers in policy lines and ASPA declarations (editor only). */
  readonly inlayAsNames: boolean;
  /** A code lens above as-sets and route-sets with their size after expansion (editor only). */
  readonly setSizeLenses: boolean;
}

export const defaultSettings: RouteLensSettings = {
  rpslDialect: 'auto',
  crossChecks: true,
  maxDiagnosticsPerFile: 1000,
  inlayAsNames: false,
  setSizeLenses: true,
};
