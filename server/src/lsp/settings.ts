import type { RouteLensSettings, RpslDialectSetting } from '../core/settings';
import { defaultSettings } from '../core/settings';

const DIALECTS: readonly RpslDialectSetting[] = ['auto', 'rfc', 'irrd', 'ripe'];

/** Reads the `routelens` configuration section defensively: a wrong type falls back to the default. */
export function readSettings(section: unknown): RouteLensSettings {
  const s = (section ?? {}) as {
    rpsl?: { dialect?: unknown };
    crossChecks?: { enabled?: unknown };
    diagnostics?: { maxPerFile?: unknown };
    inlayHints?: { asNames?: unknown };
    codeLens?: { setSizes?: unknown };
  };
  const flag = (v: unknown, fallback: boolean): boolean => (typeof v === 'boolean' ? v : fallback);
  const dialect = DIALECTS.find((d) => d === s.rpsl?.dialect) ?? defaultSettings.rpslDialect;
  const crossChecks = flag(s.crossChecks?.enabled, defaultSettings.crossChecks);
  const max = s.diagnostics?.maxPerFile;
  // package.json says minimum 1, but settings.json is hand-edited: a fraction rounds down, anything below 1 is 1.
  const maxDiagnosticsPerFile = typeof max === 'number' && !Number.isNaN(max) ? Math.max(1, Math.floor(max)) : defaultSettings.maxDiagnosticsPerFile;
  return {
    rpslDialect: dialect,
    crossChecks,
    maxDiagnosticsPerFile,
    inlayAsNames: flag(s.inlayHints?.asNames, defaultSettings.inlayAsNames),
    setSizeLenses: flag(s.codeLens?.setSizes, defaultSettings.setSizeLenses),
  };
}
