import type { AsPathSegment } from '../lg/types';
import { type Asn, parseAsn } from '../net/asn';

/**
 * An AS path typed by a person (CLI, settings, tests), as printed: `24482 52320 8048 {1 2}`; commas or
 * spaces separate, `{…}` is an AS_SET (`{1,2}` too), `AS` prefixes and asdot are accepted.
 */
export function parseAsPathArg(text: string): { segments: AsPathSegment[] } | { error: string } {
  const segments: AsPathSegment[] = [];
  let seq: Asn[] = [];
  const flush = () => {
    if (seq.length > 0) segments.push({ type: 'sequence', asns: seq });
    seq = [];
  };
  const re = /\{([^}]*)\}|[^\s,{}]+|[{}]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === '{' || m[0] === '}') return { error: `unbalanced \`${m[0]}\` in the AS path` };
    if (m[1] !== undefined) {
      const set: Asn[] = [];
      for (const t of m[1].split(/[\s,]+/).filter(Boolean)) {
        const a = parseAsn(t);
        if (!a.ok) return { error: `\`${t}\` in the AS_SET is not an AS number` };
        set.push(a.asn);
      }
      flush();
      segments.push({ type: 'set', asns: set });
      continue;
    }
    const a = parseAsn(m[0]);
    if (!a.ok) return { error: `\`${m[0]}\` is not an AS number` };
    seq.push(a.asn);
  }
  flush();
  return { segments };
}
