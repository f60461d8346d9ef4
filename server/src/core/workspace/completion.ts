import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import type { SourceDocument } from '../document';
import { POLICY_ATTRIBUTES } from '../policy/parser';
import type { WorkspaceContext } from './context';
import { ensureIndexed } from './crossCheck';

/** Completion lists are capped; the client filters further as the user types. */
export const COMPLETION_LIMIT = 200;

const KIND_OF_CLASS: Readonly<Record<string, CompletionItemKind>> = {
  'aut-num': CompletionItemKind.Class,
  'as-set': CompletionItemKind.Module,
  'route-set': CompletionItemKind.Module,
  'filter-set': CompletionItemKind.Module,
  'peering-set': CompletionItemKind.Module,
  'rtr-set': CompletionItemKind.Module,
  mntner: CompletionItemKind.Reference,
  person: CompletionItemKind.Reference,
  role: CompletionItemKind.Reference,
};

/** Which object classes can be named in an attribute's value, by attribute (and, for members, the class). */
function candidateClasses(attr: string, objectClass: string): readonly string[] {
  if (attr === 'mnt-by' || attr === 'mnt-lower' || attr === 'mnt-routes' || attr === 'mbrs-by-ref' || attr === 'mnt-ref') return ['mntner'];
  if (attr === 'admin-c' || attr === 'tech-c' || attr === 'zone-c') return ['person', 'role'];
  if (attr === 'member-of') return objectClass === 'aut-num' ? ['as-set'] : objectClass.startsWith('route') ? ['route-set'] : ['as-set', 'route-set', 'rtr-set'];
  if (attr === 'members' || attr === 'mp-members') return objectClass === 'route-set' ? ['route-set', 'as-set', 'aut-num'] : objectClass === 'rtr-set' ? ['rtr-set'] : ['as-set', 'aut-num'];
  if (POLICY_ATTRIBUTES[attr]) return ['as-set', 'route-set', 'filter-set', 'peering-set', 'aut-num'];
  return [];
}

/**
 * Names defined in the workspace that fit where the cursor stands: mntners after mnt-by, contacts after
 * admin-c, sets and AS numbers in members and policy text. For the RPSL service's completion to merge.
 */
export function workspaceCompletions(doc: SourceDocument, pos: Position, ctx: WorkspaceContext): CompletionItem[] {
  const offset = doc.lineIndex.offsetAt(pos);
  const entry = ensureIndexed(ctx.workspace, doc).find((e) => offset >= e.span.start && offset <= e.span.end);
  const attr = entry?.object.attributes.find((a) => offset > a.nameSpan.end && offset <= Math.max(a.span.end, a.nameSpan.end + 1));
  if (!entry || !attr) return [];
  const classes = candidateClasses(attr.name, entry.className);
  if (classes.length === 0) return [];
  let start = offset;
  while (start > attr.nameSpan.end + 1 && /[A-Za-z0-9_:.-]/.test(doc.text[start - 1] ?? '')) start--;
  const typed = doc.text.slice(start, offset).toUpperCase();
  const range = doc.lineIndex.range({ start, end: offset });
  const out: CompletionItem[] = [];
  for (const cls of classes) {
    for (const key of ctx.workspace.keysOf(cls)) {
      if (!key.startsWith(typed) || key === entry.key) continue;
      out.push({ label: key, kind: KIND_OF_CLASS[cls] ?? CompletionItemKind.Reference, detail: cls, textEdit: { range, newText: key } });
      if (out.length >= COMPLETION_LIMIT) return out;
    }
  }
  return out;
}
