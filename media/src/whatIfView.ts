import type { AspaWhatIfChange, PathsModel } from '../../server/src/core/paths/model';
import { fileName, hopText, LEARNT, VERDICT, whatIfSentence } from './whatIfWords';

const MAX_LINES = 50;

/** One line per changed route and direction, for those who open the details. */
function changeLine(m: PathsModel, c: AspaWhatIfChange): string {
  const r = m.routes[c.route];
  const keep = c.addProvider !== undefined ? `; adding AS${c.addProvider} to the ASPA keeps it ${VERDICT[c.before]}` : '';
  return `${r?.prefix ?? `route ${c.route + 1}`} (learnt ${LEARNT[c.direction]}): ${VERDICT[c.before]} → ${VERDICT[c.after]}, decided at ${hopText(c)}${keep}`;
}

/** The "what if" section under the status line; hidden when the focused AS has no ASPA in an `.aspa` document. */
export function renderWhatIf(host: HTMLElement, m: PathsModel): void {
  const w = m.whatIf;
  host.hidden = w === undefined;
  if (!w) return host.replaceChildren();
  const sentence = document.createElement('p');
  sentence.textContent = whatIfSentence(w);
  sentence.title = `Verified with the ASPAs of the data files and the RPKI for AS${w.customer}, then with its declaration in ${w.sources.map(fileName).join(', ')}; everything else alike.`;
  const parts: HTMLElement[] = [sentence];
  if (w.changes.length > 0) {
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = 'Route by route';
    const list = document.createElement('ul');
    for (const c of w.changes.slice(0, MAX_LINES)) {
      const li = document.createElement('li');
      li.textContent = changeLine(m, c);
      list.append(li);
    }
    if (w.changes.length > MAX_LINES) {
      const li = document.createElement('li');
      li.textContent = `… and ${w.changes.length - MAX_LINES} more`;
      list.append(li);
    }
    details.append(summary, list);
    parts.push(details);
  }
  host.replaceChildren(...parts);
}
