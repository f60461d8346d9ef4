import { parseAsn, type Asn } from '../net/asn';
import { firstValue } from '../rpsl/model';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

/** Names for graph labels, looked up one AS at a time (a Map is one). */
export interface AsNames {
  get(asn: number): string | undefined;
  readonly size: number;
}

/**
 * The names file first (the user chose it), then the `as-name:` of the workspace's aut-num, the name the
 * editor's hovers already show: a workspace of RPSL objects labels its graph without any setting.
 */
export function withWorkspaceNames(file: AsNames | undefined, index: WorkspaceIndex): AsNames {
  return {
    get: (asn) => file?.get(asn) ?? asNameOf(index, asn),
    size: (file?.size ?? 0) + index.countOf('aut-num'),
  };
}

function asNameOf(index: WorkspaceIndex, asn: number): string | undefined {
  const o = index.autNum(asn as Asn)?.object;
  const name = o ? firstValue(o, 'as-name')?.value.trim() : undefined;
  return name || undefined;
}

/**
 * AS names, one per line: `8048 CANTV Servicios, Venezuela`, `AS8048 CANTV`, or `8048,CANTV` / `8048|CANTV`
 * (CSV and CAIDA-like exports). `#` starts a comment. Never throws; bad lines are counted.
 */
export function parseAsNames(text: string, into = new Map<Asn, string>()): { names: Map<Asn, string>; bad: number } {
  let bad = 0;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(\S+?)[\s,|]+(.+)$/.exec(line);
    const a = m ? parseAsn(m[1]!) : undefined;
    if (!m || !a?.ok) {
      bad++;
      continue;
    }
    into.set(a.asn, m[2]!.trim().replace(/^"(.*)"$/, '$1'));
  }
  return { names: into, bad };
}
