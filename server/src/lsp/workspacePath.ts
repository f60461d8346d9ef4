/**
 * A path from the settings as a URI, the form documents and the workspace index are keyed by: URIs stay as
 * they are, absolute paths (POSIX or Windows) become `file:` URIs, relative paths are taken from the first
 * workspace folder. Segments are percent-encoded one by one, as VS Code encodes file URIs.
 */
export function resolveInWorkspace(p: string, folders: readonly string[]): string {
  const isWindowsPath = /^[a-z]:[\\/]/i.test(p);
  if (/^[a-z][\w+.-]+:/i.test(p) && !isWindowsPath) return p;
  const segments = (s: string) => s.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
  if (p.startsWith('/')) return `file://${segments(p)}`;
  if (isWindowsPath) return `file:///${segments(p)}`;
  const folder = folders[0];
  return folder ? `${folder.replace(/\/$/, '')}/${segments(p)}` : `file://${segments(`/${p}`)}`;
}
