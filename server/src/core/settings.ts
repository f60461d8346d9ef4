/** The settings the core reads; the LSP layer and the CLI fill it (package.json `contributes.configuration`). */
export type RpslDialectSetting = 'auto' | 'rfc' | 'irrd' | 'ripe';

export interface RouteLensSettings {
  readonly rpslDialect: RpslDialectSetting;
  readonly crossChecks: boolean;
  /** At most this many diagnostics per file go to the editor (`diagnostics/budget.ts`); at least 1. */
  readonly maxDiagnosticsPerFile: number;
}

export const defaultSettings: RouteLensSettings = {
  rpslDialect: 'auto',
  crossChecks: true,
  maxDiagnosticsPerFile: 1000,
};
