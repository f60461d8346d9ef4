import { isDialectSetting } from '../core/rpsl/dialects';
import type { PathDataFiles } from '../core/paths/loadData';
import { defaultRpkiSettings, type RpkiSettings } from '../core/rpki/store';
import type { RouteLensSettings } from '../core/settings';
import { defaultSettings, parseSourceList } from '../core/settings';

/**
 * The whole `routelens` section, read once each time it changes (package.json `contributes.configuration`)
 * and handed to the feature modules: no module parses the raw section itself.
 */
export interface ServerSettings {
  /** What the language services read. */
  readonly core: RouteLensSettings;
  /** `routelens.rtr.*` with `routelens.data.{vrpFiles,aspaFiles}`: the RPKI store's sources. */
  readonly rpki: RpkiSettings;
  /** `routelens.data.*` the path panel reads (paths as written: relative ones resolve against the first folder). */
  readonly pathData: Required<Pick<PathDataFiles, 'aspaFiles' | 'vrpFiles' | 'relationshipFiles'>> & Pick<PathDataFiles, 'asNamesFile'>;
  /** `routelens.data.pathFiles`: observed routes for ASPA authoring. */
  readonly pathFiles: readonly string[];
  /** `routelens.workspace.extraFiles`: RPSL files indexed beside the workspace folders. */
  readonly extraFiles: readonly string[];
}

interface RawSection {
  rpsl?: { dialect?: unknown; authoritativeSources?: unknown };
  crossChecks?: { enabled?: unknown };
  diagnostics?: { maxPerFile?: unknown };
  inlayHints?: { asNames?: unknown };
  codeLens?: { setSizes?: unknown };
  rtr?: Record<string, unknown>;
  data?: Record<string, unknown>;
  workspace?: { extraFiles?: unknown };
}

/** A list of non-empty strings; anything else is no entries. */
const fileList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : []);

/** Reads the `routelens` section defensively: a wrong type falls back to the default. */
export function readServerSettings(section: unknown): ServerSettings {
  const s = (section ?? {}) as RawSection;
  const data = s.data ?? {};
  const names = typeof data.asNamesFile === 'string' && data.asNamesFile.trim() !== '' ? data.asNamesFile : undefined;
  return {
    core: readSettings(section),
    rpki: readRpkiSettings(s),
    pathData: {
      aspaFiles: fileList(data.aspaFiles),
      vrpFiles: fileList(data.vrpFiles),
      relationshipFiles: fileList(data.relationshipFiles),
      ...(names ? { asNamesFile: names } : {}),
    },
    pathFiles: fileList(data.pathFiles),
    extraFiles: fileList(s.workspace?.extraFiles),
  };
}

/** The settings the language services read (`ServerSettings.core`). */
export function readSettings(section: unknown): RouteLensSettings {
  const s = (section ?? {}) as RawSection;
  const flag = (v: unknown, fallback: boolean): boolean => (typeof v === 'boolean' ? v : fallback);
  const dialect = s.rpsl?.dialect;
  const listed = s.rpsl?.authoritativeSources;
  const max = s.diagnostics?.maxPerFile;
  // package.json says minimum 1, but settings.json is hand-edited: a fraction rounds down, anything below 1 is 1.
  const maxDiagnosticsPerFile = typeof max === 'number' && !Number.isNaN(max) ? Math.max(1, Math.floor(max)) : defaultSettings.maxDiagnosticsPerFile;
  return {
    rpslDialect: isDialectSetting(dialect) ? dialect : defaultSettings.rpslDialect,
    authoritativeSources: Array.isArray(listed) ? parseSourceList(listed) : undefined,
    crossChecks: flag(s.crossChecks?.enabled, defaultSettings.crossChecks),
    maxDiagnosticsPerFile,
    inlayAsNames: flag(s.inlayHints?.asNames, defaultSettings.inlayAsNames),
    setSizeLenses: flag(s.codeLens?.setSizes, defaultSettings.setSizeLenses),
  };
}

function readRpkiSettings(s: RawSection): RpkiSettings {
  const d = defaultRpkiSettings.rtr;
  const port = s.rtr?.port;
  return {
    rtr: {
      enabled: typeof s.rtr?.enabled === 'boolean' ? s.rtr.enabled : d.enabled,
      host: typeof s.rtr?.host === 'string' && s.rtr.host.trim() !== '' ? s.rtr.host.trim() : d.host,
      port: typeof port === 'number' && Number.isInteger(port) && port > 0 && port < 65536 ? port : d.port,
    },
    vrpFiles: fileList(s.data?.vrpFiles),
    aspaFiles: fileList(s.data?.aspaFiles),
  };
}
