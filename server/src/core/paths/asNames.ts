import { parseAsn, type Asn } from '../net/asn';

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
