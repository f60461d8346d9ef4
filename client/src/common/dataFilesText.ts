import type { DataFileKind, DataFilesStatus, DataSetStatus } from '../../../server/src/protocol/lsp';

/** What each data file kind is called and what its entries are, for the status bar's tooltip. */
const KINDS: readonly { readonly kind: DataFileKind; readonly label: string; readonly unit: string }[] = [
  { kind: 'relationships', label: 'AS relationships', unit: 'links' },
  { kind: 'names', label: 'AS names', unit: 'names' },
  { kind: 'paths', label: 'observed paths', unit: 'routes' },
];

/**
 * The tooltip's line on the data beside RPKI: for each kind, what the settings name and what the server says it
 * loaded — counts, and every file it could not read or parse with the reason. `set` holds the settings' file
 * lists as written; `status` what the server last said (a kind it has not spoken of yet is "not read yet").
 */
export function dataFilesText(set: Readonly<Record<DataFileKind, readonly string[]>>, status: DataFilesStatus): string {
  const rows = KINDS.map(({ kind, label, unit }) => `- ${label}: ${describe(set[kind], status[kind], unit)}`);
  return `**Other data**\n\n${rows.join('\n')}`;
}

function describe(files: readonly string[], s: DataSetStatus | undefined, unit: string): string {
  if (files.length === 0) return 'none set';
  const named = files.map((f) => `\`${f}\``).join(', ');
  if (s === undefined) return `${named} — not read yet`;
  const problems = s.errors.map((e) => `$(warning) \`${baseName(e.source)}\`: ${escapeMarkdown(e.message)}`);
  const loaded = s.loaded ? `${s.count.toLocaleString('en-US')} ${unit} loaded from ${s.sources.length} file${s.sources.length === 1 ? '' : 's'}` : 'nothing loaded';
  return [`${named} — ${loaded}`, ...problems].join('; ');
}

function baseName(source: string): string {
  return source.replace(/^.*[\\/]/, '');
}

/** Text shown as itself in a Markdown tooltip (error messages, file names): Markdown's marks escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>]/g, (c) => `\\${c}`);
}
