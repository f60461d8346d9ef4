import type { Diagnostic, Fix, RelatedInformation } from '../diagnostics/diagnostic';
import type { SourceDocument } from '../document';
import { parseAsn } from '../net/asn';
import { setClassOf } from '../policy/setName';
import { parseRpslDocument } from '../rpsl/service';
import { valueSpanToDocument, type RpslObject } from '../rpsl/model';
import type { ServiceContext } from '../service';
import type { Range, Span } from '../text/range';
import { workspaceCodes } from './codes';
import { nearestName } from './nearestName';
import type { ObjectReference } from './references';
import { expandSet, MAX_SET_DEPTH, MAX_SET_SIZE, mbrsByRef, memberOfAllowed } from './setExpansion';
import { announcedToAnyone, namedPeers, peersWith } from './routePolicy';
import type { IndexedObject, WorkspaceIndex } from './workspaceIndex';

const SEVERITY = new Map(workspaceCodes.map((c) => [c.code, c.severity]));

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Makes sure the index holds this version of the document (the LSP layer may not have indexed it yet). */
export function ensureIndexed(index: WorkspaceIndex, doc: SourceDocument): readonly IndexedObject[] {
  if (index.textOf(doc.uri) !== doc.text) index.set(doc.uri, parseRpslDocument(doc).objects, doc.text);
  return index.objectsIn(doc.uri);
}

function rangeIn(index: WorkspaceIndex, uri: string, span: Span): Range {
  return index.lineIndexOf(uri)?.range(span) ?? ZERO;
}

function nameSpan(obj: RpslObject): Span {
  return obj.attributes[0]?.valueSpan ?? obj.span;
}

/** May an unresolved reference be reported? See the `workspace/unresolved-*` rows for the reasoning. */
function unresolvedReportable(index: WorkspaceIndex, ref: ObjectReference, hasDump: boolean): boolean {
  if (ref.kind === 'aut-num' || ref.kind === 'inet-rtr') return false;
  if (hasDump) return true;
  if (ref.strength === 'strong') return false;
  const first = ref.key.split(':')[0] ?? '';
  const a = parseAsn(first);
  return ref.key.includes(':') && a.ok && a.hadPrefix && index.autNum(a.asn) !== undefined;
}

/**
 * Findings that need more than one object. Reads the workspace index (and brings this document's entry up
 * to date first); every finding is about an object of `doc`, with related information pointing elsewhere.
 */
export function crossCheckDocument(doc: SourceDocument, ctx: ServiceContext): Diagnostic[] {
  if (!ctx.settings.crossChecks) return [];
  const index = ctx.workspace;
  const entries = ensureIndexed(index, doc);
  const out: Diagnostic[] = [];
  const range = (s: Span): Range => doc.lineIndex.range(s);
  const push = (code: string, span: Span, message: string, related?: RelatedInformation[], fixes?: Fix[]): void => {
    out.push({ code, severity: SEVERITY.get(code) ?? 'warning', range: range(span), message, ...(related && related.length ? { related } : {}), ...(fixes ? { fixes } : {}) });
  };
  const hasDump = index.hasRegistryDump();
  // A dump repeats the same unresolved names many times; search each once.
  const nearMemo = new Map<string, string | undefined>();
  const nearest = (ref: ObjectReference): string | undefined => {
    const k = `${ref.kind}\u0000${ref.key}`;
    if (!nearMemo.has(k)) nearMemo.set(k, nearestName(index, ref.kind, ref.key));
    return nearMemo.get(k);
  };

  for (const e of entries) {
    const obj = e.object;
    // References that resolve nowhere.
    for (const ref of e.refs) {
      if (!unresolvedReportable(index, ref, hasDump) || index.resolve(ref.kind, ref.key).length > 0) continue;
      const what = ref.kind === 'contact' ? 'person or role' : ref.kind;
      const near = nearest(ref);
      const hint = near ? ` Did you mean ${near}?` : '';
      const fixes = near ? [{ title: `Replace with ${near}`, edits: [{ range: range(ref.span), newText: near }] }] : undefined;
      if (ref.strength === 'strong') {
        push('workspace/unresolved-strong-reference', ref.span, `No ${what} "${ref.key}" in the workspace: IRRd refuses objects whose ${ref.attribute} names a missing object.${hint || ` Fix the name or add the ${what}.`}`, undefined, fixes);
      } else {
        push('workspace/unresolved-weak-reference', ref.span, `No ${what} "${ref.key}" is defined in the workspace, so it expands to nothing.${hint || ` Check the spelling, or add the ${what}.`}`, undefined, fixes);
      }
    }

    // member-of without the set's consent.
    for (const ref of e.refs) {
      if (ref.attribute !== 'member-of') continue;
      const set = index.resolve(ref.kind, ref.key)[0];
      if (!set) continue;
      const allowed = mbrsByRef(set.object);
      if (memberOfAllowed(obj, allowed)) continue;
      push(
        'workspace/member-of-not-allowed',
        ref.span,
        allowed.size === 0
          ? `${ref.key} has no mbrs-by-ref, so this member-of is ignored: add "mbrs-by-ref: <your mntner>" (or ANY) to ${ref.key}, or list ${e.key} in its members.`
          : `None of this object's mnt-by is in ${ref.key}'s mbrs-by-ref (${[...allowed].join(', ')}), so the member-of is ignored. Add the mntner there, or list ${e.key} in its members.`,
        [{ uri: set.uri, range: rangeIn(index, set.uri, nameSpan(set.object)), message: `${ref.key} is defined here` }],
      );
    }

    if (e.className === 'as-set' || e.className === 'route-set') checkSet(index, e, push);
    if (e.route) checkRoute(index, e, push);
    if (e.className === 'aut-num') checkPeerExports(index, e, push);
  }
  return out;
}

type Push = (code: string, span: Span, message: string, related?: RelatedInformation[]) => void;

function checkSet(index: WorkspaceIndex, e: IndexedObject, push: Push): void {
  const x = expandSet(index, e.key);
  const site = (from: string, to: string): RelatedInformation | undefined => {
    const set = index.lookup(setClassOf(from) === 'route-set' ? 'route-set' : 'as-set', from)[0];
    if (!set) return undefined;
    const ref = set.refs.find((r) => r.key === to && (r.attribute === 'members' || r.attribute === 'mp-members'));
    return { uri: set.uri, range: rangeIn(index, set.uri, ref?.span ?? nameSpan(set.object)), message: `${from} includes ${to}` };
  };
  for (const loop of x.loops) {
    if (loop[0] !== e.key) continue;
    const related = loop.slice(0, -1).flatMap((from, i) => {
      const r = site(from, loop[i + 1] ?? '');
      return r ? [r] : [];
    });
    push('workspace/set-loop', nameSpan(e.object), `${e.key} contains itself: ${loop.join(' → ')}. Remove one member of the cycle.`, related);
  }
  if (x.depth > MAX_SET_DEPTH) {
    const related = x.deepest.slice(0, -1).flatMap((from, i) => {
      const r = site(from, x.deepest[i + 1] ?? '');
      return r ? [r] : [];
    });
    push('workspace/set-too-deep', nameSpan(e.object), `${e.key} nests ${x.depth} levels of sets (${x.deepest.join(' → ')}), more than ${MAX_SET_DEPTH}. Flatten the chain.`, related);
  }
  if (x.truncated) push('workspace/set-too-large', nameSpan(e.object), `${e.key} expands to more than ${MAX_SET_SIZE} members; expansion stopped there. Check which member set brings in so many.`);
}

function checkRoute(index: WorkspaceIndex, e: IndexedObject, push: Push): void {
  const route = e.route;
  if (!route) return;
  const others = index.routesFor(route.prefix).filter((o) => o !== e);
  const same = others.filter((o) => o.route?.origin === route.origin);
  if (same.length > 0) {
    push(
      'workspace/duplicate-route',
      nameSpan(e.object),
      `Another ${e.className} object has the same prefix ${route.normalized} and origin AS${route.origin}: remove the duplicate.`,
      same.map((o) => ({ uri: o.uri, range: rangeIn(index, o.uri, o.object.span), message: 'the other object' })),
    );
  }
  const origins = [...new Set(others.filter((o) => o.route && o.route.origin !== route.origin).map((o) => o.route?.origin))];
  if (origins.length > 0) {
    push(
      'workspace/multiple-origins',
      nameSpan(e.object),
      `${route.normalized} is also registered with origin ${origins.map((o) => `AS${o}`).join(', ')}. If that is not a planned multi-origin setup, remove the stale object.`,
      others.filter((o) => o.route?.origin !== route.origin).map((o) => ({ uri: o.uri, range: rangeIn(index, o.uri, o.object.span), message: `origin AS${o.route?.origin}` })),
    );
  }
  const aut = index.autNum(route.origin);
  if (!aut) return;
  const m = announcedToAnyone(index, aut.object, { prefix: route.prefix, path: [route.origin] });
  if (m !== 'no-match') return;
  const originAttr = e.object.attributes.find((a) => a.name === 'origin');
  push(
    'workspace/origin-not-exported',
    originAttr?.valueSpan ?? nameSpan(e.object),
    `AS${route.origin}'s aut-num exports no rule that announces ${route.normalized}: add it (or a set that covers it) to an export of AS${route.origin}.`,
    [{ uri: aut.uri, range: rangeIn(index, aut.uri, nameSpan(aut.object)), message: `aut-num AS${route.origin}` }],
  );
}

function checkPeerExports(index: WorkspaceIndex, e: IndexedObject, push: Push): void {
  const self = parseAsn(e.key);
  if (!self.ok) return;
  const seen = new Set<number>();
  for (const p of namedPeers(e.object, 'import')) {
    if (p.asn === self.asn || seen.has(p.asn)) continue;
    seen.add(p.asn);
    const peer = index.autNum(p.asn);
    if (!peer) continue;
    if (peersWith(index, peer.object, 'export', self.asn) !== 'no-match') continue;
    const span = valueSpanToDocument(p.attr, p.span.start, p.span.end);
    push(
      'workspace/import-without-export',
      span,
      `AS${self.asn} imports from AS${p.asn}, but AS${p.asn}'s aut-num has no export to AS${self.asn}. Add "export: to AS${self.asn} announce …" to AS${p.asn}, or remove this import.`,
      [{ uri: peer.uri, range: rangeIn(index, peer.uri, nameSpan(peer.object)), message: `aut-num AS${p.asn}` }],
    );
  }
}
