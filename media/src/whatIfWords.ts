import type { AspaWhatIf, AspaWhatIfChange } from '../../server/src/core/paths/model';

type Verdict = AspaWhatIfChange['after'];
export const VERDICT: Readonly<Record<Verdict, string>> = { valid: 'Valid', invalid: 'Invalid', unknown: 'Unknown' };
/** What each direction means to the reader, as the table's ASPA column says it. */
export const LEARNT: Readonly<Record<AspaWhatIfChange['direction'], string>> = { downstream: 'from a provider or peer', upstream: 'from a customer' };

/** The file name of a document URI: the section names the document, not its whole path. */
export function fileName(uri: string): string {
  return decodeURIComponent(uri.replace(/[?#].*$/, '').split('/').pop() ?? uri);
}

export const hopText = (c: AspaWhatIfChange): string => `${c.hop.from}→${c.hop.to}`;

/**
 * The sentence first, plain words: "If AS52320 published the ASPA in aspa.aspa: 8 routes become Invalid (leak at
 * 8048→52320), 8 checks stay Invalid". Routes are counted once per verdict they turn to, whatever the direction.
 */
export function whatIfSentence(w: AspaWhatIf): string {
  const providers = w.providers.length === 0 ? 'AS0, no providers' : w.providers.map((p) => `AS${p}`).join(', ');
  const head = `If AS${w.customer} published the ASPA in ${fileName(w.sources[0] ?? '')} (${providers})`;
  const parts: string[] = [];
  for (const after of ['invalid', 'valid', 'unknown'] as const) {
    const turned = w.changes.filter((c) => c.after === after);
    if (turned.length === 0) continue;
    const routes = new Set(turned.map((c) => c.route)).size;
    const hops = [...new Set(turned.map(hopText))];
    const at = after === 'invalid' ? ` (leak at ${hops.join(', ')})` : '';
    parts.push(`${routes} route${routes === 1 ? '' : 's'} become${routes === 1 ? 's' : ''} ${VERDICT[after]}${at}`);
  }
  if (parts.length === 0) parts.push(`no verdict changes among the ${w.routes} route${w.routes === 1 ? '' : 's'} through AS${w.customer}`);
  const stay = (['valid', 'invalid', 'unknown'] as const).filter((v) => w.unchanged[v] > 0).map((v) => `${w.unchanged[v]} ${VERDICT[v]}`);
  if (stay.length > 0 && w.changes.length > 0) parts.push(`other checks stay (${stay.join(', ')})`);
  return `${head}: ${parts.join('; ')}.`;
}
