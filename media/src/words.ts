import type { AspaCheck, RouteAnalysis } from '../../server/src/core/paths/model';

/**
 * Plain words for what the analysis found, said first; codes and formulas come after, for those who want them.
 * Unknown codes fall back to the code itself, so a new check still shows up.
 */
const FINDING_WORDS: Readonly<Record<string, string>> = {
  'paths/aspa-invalid': 'leak (ASPA)',
  'paths/aspa-upstream-invalid': 'leak if learnt from a customer (ASPA)',
  'paths/otc-leak': 'leak (OTC)',
  'paths/valley': 'not valley-free',
  'paths/loop': 'AS loop',
  'paths/reserved-asn': 'reserved ASN in path',
  'paths/bogon-prefix': 'bogon prefix',
  'paths/as-set': 'AS_SET in path',
  'paths/long-prepend': 'long prepend',
  'paths/rov-invalid': 'ROV invalid',
  'paths/policy-mismatch': 'not allowed by RPSL policy',
  'paths/truncated-path': 'path cut by the looking glass',
  'paths/unverified-path': 'path uncertain: not verified',
};

export function findingWords(code: string): string {
  return FINDING_WORDS[code] ?? code.replace(/^paths\//, '');
}

const ASPA_WORDS: Readonly<Record<AspaCheck['verdict'], string>> = { valid: 'valid', invalid: 'invalid', unknown: 'unknown', unverified: 'not verified' };

/**
 * The two ASPA verdicts in one phrase. Downstream is the verdict for a route learnt from a provider (what a
 * looking glass most often shows); upstream applies if the route came from a customer or peer.
 */
export function aspaWords(a: NonNullable<RouteAnalysis['aspa']>): string {
  const down = ASPA_WORDS[a.downstream.verdict];
  const up = ASPA_WORDS[a.upstream.verdict];
  return down === up ? down : `${down}; ${up} from a customer`;
}

export const ASPA_HEADER_TITLE =
  'ASPA verification of the whole path: first as if the route came from a provider or peer (downstream), then, where different, as if it came from a customer (upstream).';

/** `24482 52320 8048 8048 8048 6762` → `24482 52320 8048×3 6762`: the path as one short line. */
export function collapsedPath(text: string): string {
  const out: string[] = [];
  let last: string | undefined;
  let run = 0;
  const flush = (): void => {
    if (last !== undefined) out.push(run > 1 ? `${last}×${run}` : last);
  };
  for (const tok of text.trim().split(/\s+/)) {
    if (tok === last) run++;
    else {
      flush();
      last = tok;
      run = 1;
    }
  }
  flush();
  return out.join(' ');
}

const REL_WORDS = { c2p: 'customer to provider', p2c: 'provider to customer', p2p: 'peers' } as const;
export function relationshipWords(rel: keyof typeof REL_WORDS): string {
  return REL_WORDS[rel];
}

const FORMULA = /((?:max|min)_up_ramp \d+(?: \+ (?:max|min)_down_ramp \d+)? < N \d+): /;

/**
 * The ASPA verifier states its verdict as the draft's inequality, then the reason in words
 * ("max_up_ramp 3 + max_down_ramp 2 < N 7: AS8048 got the route …"). People read the words first:
 * the formula goes after, for those who check the arithmetic.
 */
export function plainFirst(text: string): { text: string; formula?: string } {
  const m = FORMULA.exec(text);
  if (!m) return { text };
  return { text: text.slice(0, m.index) + text.slice(m.index + m[0].length), formula: m[1]! };
}

/** The same as one line: words, then the formula in brackets. */
export function wordsThenFormula(text: string): string {
  const p = plainFirst(text);
  return p.formula ? `${p.text} (${p.formula})` : p.text;
}
