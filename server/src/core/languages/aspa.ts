import {
  CodeActionKind,
  CompletionItemKind,
  FoldingRangeKind,
  MarkupKind,
  SymbolKind,
  type CodeAction,
  type CodeLens,
  type CompletionItem,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type Position,
  type TextEdit,
} from 'vscode-languageserver-types';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { toDiagnostics } from '../diagnostics/fromSpans';
import { memoByDocument, type SourceDocument } from '../document';
import { type Asn, classifyAsn } from '../net/asn';
import { firstValue } from '../rpsl/model';
import type { LanguageService, ServiceContext } from './service';
import type { Span } from '../text/range';
import { autNumPeeringSummary } from '../workspace/peeringSummary';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { renderProviders } from '../aspa/checks';
import { compareWithCache } from '../aspa/cacheCheck';
import { crossCheckAspa } from '../aspa/crossCheck';
import type { AspaDeclaration, AsnToken } from '../aspa/declarations';
import type { AspaDb } from '../aspa/types';
import { type AspaLoad, loadAspaData } from '../aspa/loader';
import { checkAgainstObserved, observedLenses } from '../aspa/observedChecks';
import { suggestProviders, type ProviderSuggestion } from '../aspa/suggestProviders';

const load = memoByDocument((doc): AspaLoad => loadAspaData(doc.text, doc.uri));

const SPECIAL_TEXT: Readonly<Record<string, string>> = {
  as0: 'AS0 (RFC 7607): in an ASPA, "no providers at all"',
  'as-trans': 'AS_TRANS (RFC 6793): the 2-byte stand-in for 4-byte ASNs, never a real network',
  documentation: 'documentation ASN (RFC 5398), for examples only',
  private: 'private-use ASN (RFC 6996), not seen on the Internet',
  reserved: 'reserved ASN, never assigned',
};

function asName(ws: WorkspaceIndex, a: Asn): string | undefined {
  const o = ws.autNum(a)?.object;
  return o ? firstValue(o, 'as-name')?.value.trim() : undefined;
}

/**
 * Only where an ASN goes: at the start of a line (the customer), after `=>` or after a comma, possibly with
 * part of it typed. After a complete ASN and a space (`AS8048 `, `AS8048 => AS6762 `) the next thing is `=>`,
 * a comma or a new line: a list popping up there made Enter accept an ASN instead of ending the line.
 */
function expectsAsn(before: string): boolean {
  const partial = /(?:AS|as|As|aS)?[0-9.]*$/.exec(before)?.[0] ?? '';
  const lead = before.slice(0, before.length - partial.length).trimEnd();
  return lead === '' || lead.endsWith('=>') || lead.endsWith(',');
}

/** The ASN token under an offset, and the declaration it belongs to. */
function tokenAt(decls: readonly AspaDeclaration[], offset: number): { token: AsnToken; decl: AspaDeclaration; role: 'customer' | 'provider' } | undefined {
  const inside = (s: Span) => offset >= s.start && offset <= s.end;
  for (const decl of decls) {
    if (!inside(decl.span) && !inside(decl.customer.span)) continue;
    if (inside(decl.customer.span)) return { token: decl.customer, decl, role: 'customer' };
    for (const p of decl.providers) if (inside(p.span)) return { token: p, decl, role: 'provider' };
  }
  return undefined;
}

function providerList(d: AspaDeclaration): string {
  const ps = d.providers.filter((p) => p.asn !== undefined).map((p) => `AS${p.asn}`);
  return ps.length === 0 ? 'no providers' : ps.join(', ');
}

/** The canonical line of a Krill-text declaration: `AS65000 => AS65001, AS65002`, sorted, without repeats. */
function canonical(d: AspaDeclaration): string | undefined {
  if (d.customer.asn === undefined || d.providers.some((p) => p.asn === undefined) || d.empty) return undefined;
  const ps = [...new Set(d.providers.map((p) => p.asn!))].sort((a, b) => a - b);
  const real = ps.filter((a) => a !== 0);
  return `AS${d.customer.asn} => ${renderProviders('krill', real)}`;
}

export const aspaService: LanguageService = {
  languageId: 'aspa',

  validate(doc: SourceDocument, ctx: ServiceContext): Diagnostic[] {
    const l = load(doc);
    const own = toDiagnostics(doc.lineIndex, l.diagnostics);
    if (ctx.cachedAspas) own.push(...compareWithCache(l.declarations, ctx.cachedAspas, doc.lineIndex));
    if (ctx.observedPaths) own.push(...toDiagnostics(doc.lineIndex, checkAgainstObserved(l.declarations, ctx.observedPaths, baselineOf(ctx))));
    if (!ctx.settings.crossChecks) return own;
    const summaries = [];
    for (const d of l.declarations) {
      if (d.customer.asn === undefined) continue;
      const e = ctx.workspace.autNum(d.customer.asn);
      if (!e) continue;
      const li = ctx.workspace.lineIndexOf(e.uri);
      const s = autNumPeeringSummary(e.object, e.uri, li?.range(e.object.span));
      if (s) summaries.push(s);
    }
    return [...own, ...crossCheckAspa(l.declarations, summaries, doc.lineIndex)];
  },

  hover(doc: SourceDocument, pos: Position, ctx: ServiceContext): Hover | null {
    const l = load(doc);
    const hit = tokenAt(l.declarations, doc.lineIndex.offsetAt(pos));
    if (!hit || hit.token.asn === undefined) return null;
    const a = hit.token.asn;
    const lines = [`**AS${a}**${(() => {
      const n = asName(ctx.workspace, a);
      return n ? ` — ${n}` : '';
    })()}`];
    const special = classifyAsn(a);
    if (special) lines.push('', `_${SPECIAL_TEXT[special.kind] ?? special.kind}_`);
    if (hit.role === 'customer') {
      lines.push('', `Customer of this ASPA; providers: ${providerList(hit.decl)}.`);
      const also = l.declarations.filter((d) => d !== hit.decl && !d.filter && d.customer.asn === a);
      if (also.length > 0) lines.push('', `Declared ${also.length + 1} times in this file: validators use the union.`);
    } else if (a !== 0) {
      lines.push('', `Provider of AS${String(hit.decl.customer.asn)}: routes from AS${String(hit.decl.customer.asn)} may go up through AS${a}.`);
    }
    return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: doc.lineIndex.range(hit.token.span) };
  },

  complete(doc: SourceDocument, pos: Position, ctx: ServiceContext): CompletionItem[] {
    if (load(doc).format !== 'krill') return [];
    const offset = doc.lineIndex.offsetAt(pos);
    const lineStart = doc.lineIndex.lineStart(pos.line);
    const before = doc.text.slice(lineStart, offset);
    if (before.includes('#') || !expectsAsn(before)) return [];
    const items: CompletionItem[] = [];
    if (before.includes('=>')) {
      items.push({ label: 'AS0', kind: CompletionItemKind.Constant, detail: 'no providers (AS0 ASPA)', sortText: '~' });
      // Providers ranked by the evidence of observed paths, ahead of every other AS.
      const customer = /^\s*(?:AS)?(\d+)\s*=>/i.exec(before);
      const s = customer && ctx.observedPaths ? suggestionFor(Number(customer[1]) as Asn, ctx) : undefined;
      for (const p of s?.providers ?? []) {
        items.push({
          label: `AS${p.asn}`,
          kind: CompletionItemKind.Value,
          detail: `provider candidate, ${p.confidence} confidence`,
          documentation: p.evidence.join('\n\n'),
          sortText: `0${['high', 'medium', 'low'].indexOf(p.confidence)}${String(p.asn).padStart(10, '0')}`,
        });
      }
    }
    for (const e of ctx.workspace.all()) {
      if (e.className !== 'aut-num') continue;
      const name = firstValue(e.object, 'as-name')?.value.trim();
      items.push({ label: e.key, kind: CompletionItemKind.Value, ...(name ? { detail: name } : {}) });
      if (items.length >= 5000) break;
    }
    return items;
  },

  codeLenses(doc: SourceDocument, ctx: ServiceContext): CodeLens[] {
    return ctx.observedPaths ? observedLenses(load(doc).declarations, ctx.observedPaths, baselineOf(ctx), doc.lineIndex) : [];
  },

  /** "Suggest providers from evidence" on a declaration: its provider list rewritten to what the evidence supports. */
  codeActions(doc: SourceDocument, range: { start: Position; end: Position }, ctx: ServiceContext): CodeAction[] {
    if (!ctx.observedPaths) return [];
    const from = doc.lineIndex.offsetAt(range.start);
    const to = doc.lineIndex.offsetAt(range.end);
    const actions: CodeAction[] = [];
    for (const d of load(doc).declarations) {
      if (d.span.end < from || d.span.start > to || d.customer.asn === undefined || !d.providersSpan || !d.style || d.filter) continue;
      const s = suggestionFor(d.customer.asn, ctx);
      // The candidates of medium or high confidence; where there are none, the weak ones, said as such.
      const strong = s.providers.filter((p) => p.confidence !== 'low');
      const weak = strong.length === 0 && !s.transitFree;
      const providers = s.transitFree ? [] : (weak ? s.providers : strong).map((p) => p.asn);
      if (providers.length === 0 && !s.transitFree) continue;
      const newText = renderProviders(d.style, providers, d.providers[0]);
      if (newText === doc.text.slice(d.providersSpan.start, d.providersSpan.end)) continue;
      actions.push({
        title: `Suggest providers from evidence: ${providers.length === 0 ? 'AS0' : providers.map((p) => `AS${p}`).join(', ')}${weak ? ' (low confidence)' : ''}`,
        kind: CodeActionKind.RefactorRewrite,
        edit: { changes: { [doc.uri]: [{ range: doc.lineIndex.range(d.providersSpan), newText }] } },
      });
    }
    return actions;
  },

  documentSymbols(doc: SourceDocument): DocumentSymbol[] {
    const li = doc.lineIndex;
    return load(doc).declarations.map((d) => ({
      name: d.customer.asn !== undefined ? `AS${d.customer.asn}` : d.customer.text,
      detail: d.filter ? 'filter' : `=> ${providerList(d)}`,
      kind: SymbolKind.Interface,
      range: li.range(d.span),
      selectionRange: li.range(d.customer.span),
    }));
  },

  format(doc: SourceDocument): TextEdit[] {
    const l = load(doc);
    if (l.format !== 'krill') return [];
    const edits: TextEdit[] = [];
    for (const d of l.declarations) {
      const text = canonical(d);
      if (text !== undefined && text !== doc.text.slice(d.span.start, d.span.end)) edits.push({ range: doc.lineIndex.range(d.span), newText: text });
    }
    return edits;
  },

  foldingRanges(doc: SourceDocument): FoldingRange[] {
    const l = load(doc);
    const li = doc.lineIndex;
    const out: FoldingRange[] = [];
    if (l.format === 'krill') {
      // Runs of two or more comment lines (the explanations above a group of declarations).
      let start = -1;
      for (let line = 0; line <= li.lineCount; line++) {
        const s = line < li.lineCount ? li.lineStart(line) : -1;
        const isComment = s >= 0 && /^[ \t]*#/.test(doc.text.slice(s, s + 200));
        if (isComment && start < 0) start = line;
        if (!isComment && start >= 0) {
          if (line - 1 > start) out.push({ startLine: start, endLine: line - 1, kind: FoldingRangeKind.Comment });
          start = -1;
        }
      }
      return out;
    }
    for (const d of l.declarations) {
      const r = li.range(d.span);
      if (r.end.line > r.start.line) out.push({ startLine: r.start.line, endLine: r.end.line, kind: FoldingRangeKind.Region });
    }
    return out;
  },
};

/** What is published today, as far as the server knows (RTR cache or data files): what a declaration replaces. */
function baselineOf(ctx: ServiceContext): AspaDb {
  return ctx.cachedAspas?.db ?? NOTHING_PUBLISHED;
}

/** One object, so what is computed against it can be remembered (observedChecks keys its impacts by the baseline). */
const NOTHING_PUBLISHED: AspaDb = new Map();

function suggestionFor(customer: Asn, ctx: ServiceContext): ProviderSuggestion {
  const e = ctx.workspace.autNum(customer);
  const summary = e ? autNumPeeringSummary(e.object) : undefined;
  return suggestProviders(customer, { paths: ctx.observedPaths!.evidence, current: baselineOf(ctx), ...(summary ? { autNums: new Map([[customer, summary]]) } : {}) });
}
