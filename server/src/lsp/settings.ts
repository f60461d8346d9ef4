import type { RpslDialectSetting } from '../core/rpsl/dialects';
import type { RouteLensSettings } from '../core/settings';
import { defaultSettings, parseSourceList } from '../core/settings';
import { DIALECTS } from '../core/rpsl/dialects';

const DIALECT_SETTINGS: readonly RpslDialectSetting[] = ['auto', ...DIALECTS];

/** Reads the `routelens` configuration section defensively: a wrong type falls back to the default. */
export function readSettings(section: unknown): RouteLensSettings {
  const s = (section ?? {}) as {
    rpsl?: { dialect?: unknown; authoritativeSources?: unknown };
    crossChecks?: { enabled?: unknown };
    diagnostics?: { maxPerFile?: unknown };
    inlayHints?: { asNames?: unknown };
    codeLens?: { setSizes?: unknown };
  };
  const flag = (v: unknown, fallback: boolean): boolean => (typeof v === 'boolean' ? v : fallback);
  const dialect = DIALECT_SETTINGS.find((d) => d === s.rpsl?.dialect) ?? defaultSettings.rpslDialect;
  const listed = s.rpsl?.authoritativeSources;
  const crossChecks = flag(s.crossChecks?.enabled, defaultSettings.crossChecks);
  const max = s.diagnostics?.maxPerFile;
  // package.json says minimum 1, but settings.json is hand-edited: a fraction rounds down, anything below 1 is 1.
  const maxDiagnosticsPerFile = typeof max === 'number' && !Number.isNaN(max) ? Math.max(1, Math.floor(max)) : defaultSettings.maxDiagnosticsPerFile;
  return {
    rpslDialect: dialect,
    authoritativeSources: Array.isArray(listed) ? parseSourceList(listed) : undefined,
    crossChecks,
    maxDiagnosticsPerFile,
    inlayAsNames: flag(s.inlayHints?.asNames, defaultSettings.inlayAsNames),
    setSizeLenses: flag(s.codeLens?.setSizes, defaultSettings.setSizeLenses),
  };
}
