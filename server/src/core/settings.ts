/** The settings the core reads; the LSP layer and the CLI fill it (package.json `contributes.configuration`). */
export type RpslDialectSetting = 'auto' | 'rfc' | 'irrd' | 'ripe';

export interface RouteLensSettings {
  readonly rpslDialect: RpslDialectSetting;
  readonly crossChecks: boolean;
}

export const defaultSettings: RouteLensSettings = {
  rpslDialect: 'auto',
  crossChecks: true,
};
