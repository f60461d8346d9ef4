import type { RouteLensSettings, RpslDialectSetting } from '../core/settings';
import { defaultSettings } from '../core/settings';

const DIALECTS: readonly RpslDialectSetting[] = ['auto', 'rfc', 'irrd', 'ripe'];

/** Reads the `routelens` configuration section defensively: a wrong type falls back to the default. */
export function readSettings(section: unknown): RouteLensSettings {
  const s = (section ?? {}) as { rpsl?: { dialect?: unknown }; crossChecks?: { enabled?: unknown } };
  const dialect = DIALECTS.find((d) => d === s.rpsl?.dialect) ?? defaultSettings.rpslDialect;
  const crossChecks = typeof s.crossChecks?.enabled === 'boolean' ? s.crossChecks.enabled : defaultSettings.crossChecks;
  return { rpslDialect: dialect, crossChecks };
}
