import { SymbolKind, type Hover, type Location, type Position, type SymbolInformation, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { SourceDocument } from '../document';
import { parseAsn } from '../net/asn';
import { formatPrefix } from '../net/prefix';
import { setClassOf } from '../rpsl/setName';
import { firstValue, type RpslObject } from '../rpsl/model';
import type { WorkspaceContext } from './context';
import type { Range, Span } from '../text/range';
import { ensureIndexed } from './crossCheck';
import type { TargetKind } from './references';
import { rulesToward } from './routePolicy';
import { expandSet } from './setExpansion';
import type { IndexedObject, WorkspaceIndex } from './workspaceIndex';

/** How many members a hover lists before it says "and n more". */
export const HOVER_MEMBER_LIMIT = 40;
/** Workspace symbol answers are capped: the client filters further as the user types. */
export const SYMBOL_LIMIT = 500;

interface Target {
  readonly kind: TargetKind;
  readonly key: string;
  /** Document span of the name under the cursor. */
  readonly span: Span;
}

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The span of the name that defines an object: nic-hdl for contacts, else the class attribute's value. */
export function definingSpan(obj: RpslObject): Span {
  if (obj.className === 'person' || obj.className === 'role') {
    const h = firstValue(obj, 'nic-hdl');
    if (h) return h.valueSpan;
  }
  const first = obj.attributes[0];
  if (!first) return obj.span;
  // `route: 192.0.2.0/24` and `aut-num: AS1` carry one word; keep the span to it.
  const word = /^\S+/.exec(first.value)?.[0] ?? '';
  return { start: first.valueSpan.start, end: first.valueSpan.start + word.length };
}

function locationOf(index: WorkspaceIndex, uri: string, span: Span): Location {
  return { uri, range: index.lineIndexOf(uri)?.range(span) ?? ZERO };
}

/** The reference or defining name under `pos`, if any. */
function targetAt(doc: SourceDocument, pos: Position, ctx: WorkspaceContext): Target | undefined {
  const offset = doc.lineIndex.offsetAt(pos);
  const entries = ensureIndexed(ctx.workspace, doc);
  for (const e of entries) {
    if (offset < e.span.start || offset > e.span.end) continue;
    for (const ref of e.refs) if (offset >= ref.span.start && offset <= ref.span.end) return { kind: ref.kind, key: ref.key, span: ref.span };
    const kind = ctx.workspace.targetKindOf(e.className);
    const own = definingSpan(e.object);
    if (kind && offset >= own.start && offset <= own.end) return { kind, key: e.key, span: own };
  }
  return undefined;
}

export function workspaceDefinition(doc: SourceDocument, pos: Position, ctx: WorkspaceContext): Location[] {
  const t = targetAt(doc, pos, ctx);
  if (!t) return [];
  return ctx.workspace.resolve(t.kind, t.key).map((d) => locationOf(ctx.workspace, d.uri, definingSpan(d.object)));
}

export function workspaceReferences(doc: SourceDocument, pos: Position, ctx: WorkspaceContext, includeDeclaration: boolean): Location[] {
  const t = targetAt(doc, pos, ctx);
  if (!t) return [];
  const out: Location[] = [];
  if (includeDeclaration) out.push(...workspaceDefinition(doc, pos, ctx));
  for (const site of ctx.workspace.referencesTo(t.kind, t.key)) out.push(locationOf(ctx.workspace, site.from.uri, site.ref.span));
  return out;
}

function describeSet(index: WorkspaceIndex, name: string): string {
  const x = expandSet(index, name);
  const lines = [`**${name}**${x.found ? '' : ' — not defined in the workspace'}`];
  if (!x.found) return lines.join('\n');
  const total = x.asns.size + x.prefixes.length;
  lines.push('', `${total}${x.truncated ? '+' : ''} member${total === 1 ? '' : 's'} after expansion (depth ${x.depth}).`, '');
  let shown = 0;
  for (const [a, via] of x.asns) {
    if (shown++ >= HOVER_MEMBER_LIMIT) break;
    lines.push(`- AS${a}${via !== name ? ` — via ${via}` : ''}`);
  }
  for (const p of x.prefixes) {
    if (shown++ >= HOVER_MEMBER_LIMIT) break;
    const r = p.range ? (p.range.kind === 'plus' ? '^+' : p.range.kind === 'minus' ? '^-' : `^${p.range.min}-${p.range.max}`) : '';
    lines.push(`- ${formatPrefix(p.prefix)}${r}${p.via !== name ? ` — via ${p.via}` : ''}`);
  }
  if (total > HOVER_MEMBER_LIMIT) lines.push(`- … and ${total - HOVER_MEMBER_LIMIT} more`);
  if (x.unresolved.length) lines.push('', `Not in the workspace: ${x.unresolved.slice(0, 10).join(', ')}${x.unresolved.length > 10 ? ', …' : ''}`);
  if (x.loops.length) lines.push('', `Loop: ${x.loops[0]?.join(' → ') ?? ''}`);
  return lines.join('\n');
}

function describeObject(e: IndexedObject): string {
  const lines = [`**${e.key}** (${e.className})`];
  for (const name of ['as-name', 'descr', 'person', 'role', 'e-mail', 'auth']) {
    const v = firstValue(e.object, name);
    if (v && name !== e.className) lines.push(`${name}: ${name === 'auth' ? v.value.split(/\s+/)[0] ?? '' : v.value}`);
  }
  if (e.className === 'aut-num') {
    const count = (n: string[]): number => e.object.attributes.filter((a) => n.includes(a.name)).length;
    lines.push(`${count(['import', 'mp-import'])} import and ${count(['export', 'mp-export'])} export rules`);
  }
  return lines.join('\n\n');
}

/**
 * Hovering a peer AS inside an aut-num: the peer's own rules toward this AS, so both sides of the
 * session's documented policy are in view (the per-pair view RPSLyzer checks).
 */
function towardUs(doc: SourceDocument, pos: Position, ctx: WorkspaceContext, peer: IndexedObject): string {
  if (peer.className !== 'aut-num') return '';
  const offset = doc.lineIndex.offsetAt(pos);
  const here = ctx.workspace.objectsIn(doc.uri).find((e) => e.className === 'aut-num' && offset >= e.span.start && offset <= e.span.end);
  const self = here ? parseAsn(here.key) : undefined;
  if (!here || !self?.ok || here.key === peer.key) return '';
  const lines = [...rulesToward(ctx.workspace, peer.object, 'import', self.asn), ...rulesToward(ctx.workspace, peer.object, 'export', self.asn)].map((a) => `${a.name}: ${a.value}`);
  if (lines.length === 0) return `\n\n${peer.key} has no import or export rule toward ${here.key}.`;
  return `\n\n${peer.key} toward ${here.key}:\n\n\`\`\`rpsl\n${lines.slice(0, 12).join('\n')}\n\`\`\``;
}

/** Hover for a reference (a set's expanded members, an AS's aut-num), or null to let the RPSL hover speak. */
export function workspaceHover(doc: SourceDocument, pos: Position, ctx: WorkspaceContext): Hover | null {
  const t = targetAt(doc, pos, ctx);
  if (!t) return null;
  const range = doc.lineIndex.range(t.span);
  if (t.kind === 'as-set' || t.kind === 'route-set') return { contents: { kind: 'markdown', value: describeSet(ctx.workspace, t.key) }, range };
  const defs = ctx.workspace.resolve(t.kind, t.key);
  const first = defs[0];
  if (!first) return null;
  const where = defs.length > 1 ? `\n\nDefined ${defs.length} times in the workspace.` : '';
  return { contents: { kind: 'markdown', value: describeObject(first) + where + towardUs(doc, pos, ctx, first) }, range };
}

const RENAMABLE: ReadonlySet<TargetKind> = new Set(['as-set', 'route-set', 'rtr-set', 'filter-set', 'peering-set']);

/**
 * Renames a set everywhere: its definition and every reference in the workspace. The new name must keep
 * the set's class (an as-set stays `AS-…`), otherwise the references would change meaning; null then.
 */
export function workspaceRename(doc: SourceDocument, pos: Position, newName: string, ctx: WorkspaceContext): WorkspaceEdit | null {
  const t = targetAt(doc, pos, ctx);
  if (!t || !RENAMABLE.has(t.kind) || setClassOf(newName) !== t.kind) return null;
  const changes: Record<string, TextEdit[]> = {};
  const add = (uri: string, span: Span): void => {
    const li = uri === doc.uri ? doc.lineIndex : ctx.workspace.lineIndexOf(uri);
    if (!li) return;
    (changes[uri] ??= []).push({ range: li.range(span), newText: newName });
  };
  for (const d of ctx.workspace.resolve(t.kind, t.key)) add(d.uri, definingSpan(d.object));
  for (const site of ctx.workspace.referencesTo(t.kind, t.key)) add(site.from.uri, site.ref.span);
  return { changes };
}

const SYMBOL_KINDS: Readonly<Record<string, SymbolKind>> = {
  'aut-num': SymbolKind.Class,
  'as-set': SymbolKind.Namespace,
  'route-set': SymbolKind.Namespace,
  'filter-set': SymbolKind.Namespace,
  'peering-set': SymbolKind.Namespace,
  'rtr-set': SymbolKind.Namespace,
  route: SymbolKind.Field,
  route6: SymbolKind.Field,
  mntner: SymbolKind.Key,
  person: SymbolKind.Object,
  role: SymbolKind.Object,
  'inet-rtr': SymbolKind.Interface,
};

export function workspaceSymbols(query: string, ctx: WorkspaceContext): SymbolInformation[] {
  const q = query.toUpperCase();
  const out: SymbolInformation[] = [];
  for (const e of ctx.workspace.all()) {
    if (q && !e.key.includes(q)) continue;
    out.push({ name: e.key, kind: SYMBOL_KINDS[e.className] ?? SymbolKind.Object, containerName: e.className, location: locationOf(ctx.workspace, e.uri, definingSpan(e.object)) });
    if (out.length >= SYMBOL_LIMIT) break;
  }
  return out;
}
