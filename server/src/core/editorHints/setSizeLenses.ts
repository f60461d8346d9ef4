import type { CodeLens } from 'vscode-languageserver-types';
import type { SourceDocument } from '../document';
import { parseRpslDocument } from '../rpsl/document';
import { expandSet, MAX_SET_SIZE } from '../workspace/setExpansion';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

/** The classes whose expanded size an operator wants at a glance: what a filter generated from them holds. */
const SET_CLASSES: ReadonlySet<string> = new Set(['as-set', 'route-set']);

/** What a lens carries until the editor asks for its text (only visible lenses are resolved). */
export interface SetSizeLensData {
  readonly setSize: string;
  readonly className: string;
}

/** One unresolved lens above each as-set and route-set of the document; `resolveSetSizeLens` fills in the text. */
export function setSizeLenses(doc: SourceDocument): CodeLens[] {
  if (doc.languageId !== 'rpsl') return [];
  const lenses: CodeLens[] = [];
  for (const obj of parseRpslDocument(doc).objects) {
    if (!SET_CLASSES.has(obj.className)) continue;
    const name = obj.attributes[0]?.value.trim();
    if (!name) continue;
    const start = doc.lineIndex.positionAt(obj.span.start);
    const data: SetSizeLensData = { setSize: name, className: obj.className };
    lenses.push({ range: { start, end: start }, data });
  }
  return lenses;
}

/**
 * The lens's text: the set's size after expansion through the workspace, as bgpq4 would see it from these
 * objects, and what the expansion could not see (sets not in the workspace, loops, the size cap).
 */
export function resolveSetSizeLens(lens: CodeLens, workspace: WorkspaceIndex): CodeLens {
  const data = lens.data as Partial<SetSizeLensData> | undefined;
  const name = data?.setSize;
  if (typeof name !== 'string') return lens;
  const x = expandSet(workspace, name);
  const more = x.truncated ? '+' : '';
  const count = (n: number, one: string, many: string): string => `${n.toLocaleString('en-US')}${more} ${n === 1 ? one : many}`;
  const parts: string[] = [];
  if (data?.className !== 'route-set' || x.asns.size > 0) parts.push(count(x.asns.size, 'AS', 'ASes'));
  if (data?.className === 'route-set') parts.push(count(x.prefixes.length, 'prefix', 'prefixes'));
  let title = `${parts.join(' · ')} after expansion, depth ${x.depth}`;
  if (x.truncated) title += ` (stopped at ${MAX_SET_SIZE.toLocaleString('en-US')})`;
  if (x.unresolved.length > 0) title += ` · ${x.unresolved.length} set${x.unresolved.length === 1 ? '' : 's'} not in the workspace`;
  if (x.loops.length > 0) title += ' · loop';
  // No command: the lens is information; the set's hover lists the members.
  return { ...lens, command: { title, command: '' } };
}
