/**
 * A path from the settings as a URI: relative paths are taken from the first workspace folder; URIs and
 * absolute paths (POSIX or Windows) stay as they are.
 */
export function resolveInWorkspace(p: string, folders: readonly string[]): string {
  const folder = folders[0];
  if (/^[a-z][\w+.-]+:/i.test(p) || p.startsWith('/') || /^[a-z]:[\\/]/i.test(p) || !folder) return p;
  return `${folder.replace(/\/$/, '')}/${p.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/')}`;
}
