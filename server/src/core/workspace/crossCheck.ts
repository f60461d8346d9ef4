import type { Diagnostic, Severity, SpanDiagnostic } from '../diagnostics/diagnostic';
import type { SourceDocument } from '../document';
import { parseAsn, type Asn } from '../net/asn';
import { setClassOf } from '../rpsl/setName';
import { parseRpslDocument } from '../rpsl/document';
import { sourceAttribute, sourceInfo } from '../rpsl/dialects';
import type { WorkspaceContext } from './context';
import type { Range, Span } from '../text/range';
import { severityOf } from '../diagnostics/registry';
import type { WorkspaceCode } from './codes';
import { nearestName } from './nearestName';
import { asnKey, TARGET_CLASSES, type ObjectReference, type TargetKind } from './references';
import { MAX_SET_DEPTH, MAX_SET_SIZE, mbrsByRef, memberOfAllowed, setShape } from './setExpansion';
import { announcedToAnyone, exportsTo, importPeers } from './routePolicy';
import type { IndexedObject, ReadToken, WorkspaceIndex } from './workspaceIndex';


const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Makes sure the index holds this version of the document (the LSP layer may not have indexed it yet). */
export function ensureIndexed(index: WorkspaceIndex, doc: SourceDocument): readonly IndexedObject[] {
  if (index.textOf(doc.uri) !== doc.text) index.set(doc.uri, parseRpslDocument(doc).objects, doc.text);
  return index.objectsIn(doc.uri);
}

export function rangeIn(index: WorkspaceIndex, uri: string, span: Span): Range {
  return index.lineIndexOf(uri)?.range(span) ?? ZERO;
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

/** Related information anchored at an object: `span` counts from the start of `target`'s object. */
export interface AnchoredRelated {
  readonly target: IndexedObject;
  readonly span: Span;
  readonly message: string;
}

/**
 * A cross-object finding about one indexed object, with every span counted from the start of the object
 * it is in. An entry keeps its identity while edits elsewhere move it, so a finding stays right wherever
 * the objects have moved since, and can be cached with the object (see CrossCheckCache).
 */
export interface CrossFinding extends Omit<SpanDiagnostic, 'related'> {
  readonly related?: readonly AnchoredRelated[];
}

/** A did-you-mean search's answer, with what it looked up when made under tracking (replayed on a hit). */
export interface NearHit {
  readonly value: string | undefined;
  readonly reads?: ReadonlySet<ReadToken>;
}

/** The shared state of one pass over a file's objects. */
export interface CrossCheckPass {
  readonly index: WorkspaceIndex;
  /** A dump repeats the same unresolved names many times; each is searched once (kind → name → answer), its lookups replayed. */
  readonly near: Map<TargetKind, Map<string, NearHit>>;
  readonly generation: number;
  /** See memoOf. */
  memo?: PassMemo;
}

/**
 * Lookups remembered by an untracked pass over an index that does not change meanwhile (the linter's): a
 * dump names the same few thousand mntners, contacts and sets in hundreds of thousands of references, and
 * every route asks for its origin's aut-num, every import for its peer's. A tracked pass (the editor's)
 * asks the index each time, so that its reads are recorded.
 */
interface PassMemo {
  /** kind → whether some object defines each name (resolves), by the name's number (refNameAt). */
  readonly resolved: Map<TargetKind, NameFlags>;
  /** Aut-nums by number, as `index.autNum` finds them (read from the class's keys at once: most numbers asked for have none). */
  readonly autNums: Map<number, IndexedObject>;
  /** kind → nearestName's answer per name number (null: none), for the names that do not resolve. */
  readonly near: Map<TargetKind, Map<number, string | null>>;
  /** copyNote's text per aut-num, by id. */
  readonly copyNotes: Map<number, string>;
}

export function newPass(index: WorkspaceIndex): CrossCheckPass {
  return { index, near: new Map(), generation: index.generation };
}

/** The pass's memo, when it may have one (see PassMemo). */
function memoOf(pass: CrossCheckPass): PassMemo | undefined {
  const { index } = pass;
  if (index.isTracking || index.generation !== pass.generation) return undefined;
  if (pass.memo) return pass.memo;
  const autNums = new Map<number, IndexedObject>();
  // index.autNum(a) looks up the key `AS<a>`: a key of another form is never found by number.
  for (const key of index.keysOf('aut-num')) {
    const a = parseAsn(key);
    if (!a.ok || asnKey(a.asn) !== key) continue;
    const found = index.autNum(a.asn);
    if (found) autNums.set(a.asn, found);
  }
  return (pass.memo = { resolved: new Map(), autNums, near: new Map(), copyNotes: new Map() });
}

function autNumOf(pass: CrossCheckPass, a: Asn): IndexedObject | undefined {
  const memo = memoOf(pass);
  return memo ? memo.autNums.get(a) : pass.index.autNum(a);
}

/** Whether some object defines `kind`/`key`: resolve's answer (and reads) without gathering the objects. */
function resolves(index: WorkspaceIndex, kind: TargetKind, key: string): boolean {
  let found = false;
  for (const cls of TARGET_CLASSES[kind]) if (index.lookup(cls, key).length > 0) found = true;
  return found;
}

/** A yes or no per name, by the name's number: 0 not known yet, 1 yes, 2 no. */
class NameFlags {
  private flags = new Uint8Array(1024);

  get(name: number): number {
    return name < this.flags.length ? this.flags[name]! : 0;
  }

  set(name: number, yes: boolean): void {
    if (name >= this.flags.length) {
      const grown = new Uint8Array(Math.max(name + 1, this.flags.length * 2));
      grown.set(this.flags);
      this.flags = grown;
    }
    this.flags[name] = yes ? 1 : 2;
  }
}

/** Whether reference `i` of `e` (of `kind`, not an aut-num) resolves, remembered per name when the pass has a memo. */
function refResolves(pass: CrossCheckPass, e: IndexedObject, i: number, kind: TargetKind): boolean {
  const memo = memoOf(pass);
  if (!memo) return resolves(pass.index, kind, e.refKeyAt(i));
  let flags = memo.resolved.get(kind);
  if (!flags) memo.resolved.set(kind, (flags = new NameFlags()));
  const name = e.refNameAt(i);
  const known = flags.get(name);
  if (known !== 0) return known === 1;
  const found = resolves(pass.index, kind, e.refKeyAt(i));
  flags.set(name, found);
  return found;
}

/** The did-you-mean for reference `i` of `e`, searched once per name. */
function nearestOf(pass: CrossCheckPass, e: IndexedObject, i: number, ref: ObjectReference): string | undefined {
  const memo = memoOf(pass);
  if (!memo) return nearestTracked(pass, ref);
  let answers = memo.near.get(ref.kind);
  if (!answers) memo.near.set(ref.kind, (answers = new Map<number, string | null>()));
  const name = e.refNameAt(i);
  const known = answers.get(name);
  if (known !== undefined) return known ?? undefined;
  const found = nearestName(pass.index, ref.kind, ref.key);
  answers.set(name, found ?? null);
  return found;
}

/** nearestOf for a pass without a memo: the answers are kept by name with the lookups they made, to be replayed. */
function nearestTracked(pass: CrossCheckPass, ref: ObjectReference): string | undefined {
  const { index } = pass;
  let names = pass.near.get(ref.kind);
  if (!names) pass.near.set(ref.kind, (names = new Map<string, NearHit>()));
  const hit = names.get(ref.key);
  if (hit && (hit.reads || !index.isTracking)) {
    if (hit.reads) index.noteReads(hit.reads);
    return hit.value;
  }
  const found = index.isTracking ? index.tracking(() => nearestName(index, ref.kind, ref.key)) : { value: nearestName(index, ref.kind, ref.key) };
  names.set(ref.key, found);
  return found.value;
}

/** No findings: what most objects get (not an array of their own each). */
const NONE: readonly CrossFinding[] = Object.freeze([]);

/** The findings about one object, collected with their spans made relative to its start. */
class EntryFindings {
  list: CrossFinding[] | undefined;

  constructor(private readonly base: number) {}

  /** `s`, counted from the object's start. */
  rel(s: Span): Span {
    return { start: s.start - this.base, end: s.end - this.base };
  }

  push(code: WorkspaceCode, span: Span, message: string, related?: AnchoredRelated[], fixes?: CrossFinding['fixes'], severity?: Severity): void {
    const f: { -readonly [K in keyof CrossFinding]: CrossFinding[K] } = { code, severity: severity ?? severityOf(code), span: this.rel(span), message };
    if (related && related.length) f.related = related;
    if (fixes) f.fixes = fixes;
    (this.list ??= []).push(f);
  }
}

/** The cross-object findings about one object of the index. */
export function crossCheckEntry(pass: CrossCheckPass, e: IndexedObject): readonly CrossFinding[] {
  const { index } = pass;
  const out = new EntryFindings(e.span.start);
  const hasDump = index.hasRegistryDump();
  const refCount = e.refCount;
  // References that resolve nowhere. AS numbers and routers never count as unresolved (unresolvedReportable
  // says so first): skipped here by kind without making the reference, since they are most of a dump's.
  for (let i = 0; i < refCount; i++) {
    const kind = e.refKindAt(i);
    if (kind === 'aut-num' || kind === 'inet-rtr') continue;
    // With a dump every other reference is reportable (unresolvedReportable): the resolved ones, nearly all,
    // are passed over by kind and key alone, without making the reference.
    if (hasDump && refResolves(pass, e, i, kind)) continue;
    const ref = e.refAt(i);
    if (!hasDump && (!unresolvedReportable(index, ref, hasDump) || resolves(index, ref.kind, ref.key))) continue;
    const what = ref.kind === 'contact' ? 'person or role' : ref.kind;
    const near = nearestOf(pass, e, i, ref);
    const hint = near ? ` Did you mean ${near}?` : '';
    const fixes = near ? [{ title: `Replace with ${near}`, edits: [{ span: out.rel(ref.span), newText: near }] }] : undefined;
    if (ref.strength === 'strong') {
      out.push('workspace/unresolved-strong-reference', ref.span, `No ${what} "${ref.key}" in the workspace: IRRd refuses objects whose ${ref.attribute} names a missing object.${hint || ` Fix the name or add the ${what}.`}`, undefined, fixes);
    } else {
      out.push('workspace/unresolved-weak-reference', ref.span, `No ${what} "${ref.key}" is defined in the workspace, so it expands to nothing.${hint || ` Check the spelling, or add the ${what}.`}`, undefined, fixes);
    }
  }

  // member-of without the set's consent. When several registries hold the set (a stub in one, the real set in
  // another), IRRd expands the first copy in the querier's source order (query_resolver._find_set_members), an
  // order the workspace does not know: the finding is reported only when no copy takes the member.
  for (let i = 0; i < refCount; i++) {
    if (e.refAttributeAt(i) !== 'member-of') continue;
    const ref = e.refAt(i);
    const copies = index.resolve(ref.kind, ref.key);
    const set = copies[0];
    if (!set || copies.some((c) => acceptsMember(c, e))) continue;
    const allowed = mbrsByRef(set.object);
    const which = copies.length < 2 ? '' : ` (none of the ${copies.length} copies, in ${[...new Set(copies.map((c) => sourceOfEntry(c) || 'no source'))].join(', ')}, takes it; this is the first)`;
    out.push(
      'workspace/member-of-not-allowed',
      ref.span,
      allowed.size === 0
        ? `${ref.key}${which} has no mbrs-by-ref, so this member-of is ignored: add "mbrs-by-ref: <your mntner>" (or ANY) to ${ref.key}, or list ${e.key} in its members.`
        : `None of this object's mnt-by is in ${ref.key}'s mbrs-by-ref (${[...allowed].join(', ')})${which}, so the member-of is ignored. Add the mntner there, or list ${e.key} in its members.`,
      [anchored(set, set.nameSpan, `${ref.key} is defined here`)],
    );
  }

  if (e.className === 'as-set' || e.className === 'route-set') checkSet(index, e, out);
  if (e.route) checkRoute(pass, e, out);
  if (e.className === 'aut-num') checkPeerExports(pass, e, out);
  return out.list ?? NONE;
}

/** A set takes a member that it lists (whatever mbrs-by-ref says, RFC 2622 §5.1) or whose mnt-by its mbrs-by-ref names. */
function acceptsMember(set: IndexedObject, member: IndexedObject): boolean {
  for (let i = 0; i < set.refCount; i++) {
    const attribute = set.refAttributeAt(i);
    if ((attribute === 'members' || attribute === 'mp-members') && set.refKeyAt(i) === member.key) return true;
  }
  return memberOfAllowed(member.object, mbrsByRef(set.object));
}

function anchored(target: IndexedObject, span: Span, message: string): AnchoredRelated {
  const base = target.span.start;
  return { target, span: { start: span.start - base, end: span.end - base }, message };
}

/** A finding about `e` placed in its file: `range` turns offsets of that file into line/character. */
export function placeFinding(
  index: WorkspaceIndex,
  e: IndexedObject,
  f: CrossFinding,
  range: (s: Span) => Range,
  /** Where related information lands; an editor passes its own positions for the file being edited. */
  rangeOf: (uri: string, s: Span) => Range = (uri, s) => rangeIn(index, uri, s),
): Diagnostic {
  const base = e.span.start;
  const abs = (s: Span): Range => range({ start: s.start + base, end: s.end + base });
  const d: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = { code: f.code, severity: f.severity, range: abs(f.span), message: f.message };
  if (f.related) {
    d.related = f.related.map((r) => {
      const b = r.target.span.start;
      return { uri: r.target.uri, range: rangeOf(r.target.uri, { start: r.span.start + b, end: r.span.end + b }), message: r.message };
    });
  }
  if (f.fixes) d.fixes = f.fixes.map((x) => ({ title: x.title, edits: x.edits.map((ed) => ({ range: abs(ed.span), newText: ed.newText })), ...(x.preferred ? { preferred: true } : {}) }));
  if (f.tags) d.tags = f.tags;
  return d;
}

/**
 * Findings that need more than one object. Reads the workspace index (and brings this document's entry up
 * to date first); every finding is about an object of `doc`, with related information pointing elsewhere.
 */
export function crossCheckDocument(doc: SourceDocument, ctx: WorkspaceContext): Diagnostic[] {
  if (!ctx.settings.crossChecks) return [];
  const index = ctx.workspace;
  const pass = newPass(index);
  const range = (s: Span): Range => doc.lineIndex.range(s);
  const out: Diagnostic[] = [];
  for (const e of ensureIndexed(index, doc)) for (const f of crossCheckEntry(pass, e)) out.push(placeFinding(index, e, f, range));
  return out;
}

function checkSet(index: WorkspaceIndex, e: IndexedObject, out: EntryFindings): void {
  const x = setShape(index, e.key);
  const site = (from: string, to: string): AnchoredRelated | undefined => {
    const set = index.lookup(setClassOf(from) === 'route-set' ? 'route-set' : 'as-set', from)[0];
    if (!set) return undefined;
    // The first members reference to `to`, read in place: a set of a dump has thousands of references, nearly
    // all AS numbers, passed over by kind (`to` is a set's name, never `AS<n>`) without making their key.
    let span = set.nameSpan;
    for (let i = 0; i < set.refCount; i++) {
      if (set.refKindAt(i) === 'aut-num') continue;
      const attribute = set.refAttributeAt(i);
      if ((attribute === 'members' || attribute === 'mp-members') && set.refKeyAt(i) === to) {
        span = set.refAt(i).span;
        break;
      }
    }
    return anchored(set, span, `${from} includes ${to}`);
  };
  for (const loop of x.loops) {
    if (loop[0] !== e.key) continue;
    const related = loop.slice(0, -1).flatMap((from, i) => {
      const r = site(from, loop[i + 1] ?? '');
      return r ? [r] : [];
    });
    out.push('workspace/set-loop', e.nameSpan, `${e.key} contains itself: ${loop.join(' → ')}. Remove one member of the cycle.`, related);
  }
  if (x.depth > MAX_SET_DEPTH) {
    const related = x.deepest.slice(0, -1).flatMap((from, i) => {
      const r = site(from, x.deepest[i + 1] ?? '');
      return r ? [r] : [];
    });
    out.push('workspace/set-too-deep', e.nameSpan, `${e.key} nests ${x.depth} levels of sets (${x.deepest.join(' → ')}), more than ${MAX_SET_DEPTH}. Flatten the chain.`, related);
  }
  if (x.truncated) out.push('workspace/set-too-large', e.nameSpan, `${e.key} expands to more than ${MAX_SET_SIZE} members; expansion stopped there. Check which member set brings in so many.`);
}

function checkRoute(pass: CrossCheckPass, e: IndexedObject, out: EntryFindings): void {
  const { index } = pass;
  const route = e.route;
  if (!route) return;
  const routes = index.routesFor(route.prefix);
  // Most prefixes have one route, this one: nothing to compare it with.
  if (routes.length > 1 || routes[0]?.id !== e.id) checkOtherRoutes(e, route, routes.filter((o) => o.id !== e.id), out);
  const aut = autNumOf(pass, route.origin);
  if (!aut) return;
  const m = announcedToAnyone(index, aut, { prefix: route.prefix, path: [route.origin] });
  if (m !== 'no-match') return;
  const originAttr = e.object.attributes.find((a) => a.name === 'origin');
  out.push(
    'workspace/origin-not-exported',
    originAttr?.valueSpan ?? e.nameSpan,
    `AS${route.origin}'s aut-num${copyNote(pass, aut)} exports no rule that announces ${route.normalized}: add it (or a set that covers it) to an export of AS${route.origin}.`,
    [anchored(aut, aut.nameSpan, `aut-num AS${route.origin}`)],
  );
}

/** A route's findings about the other routes of its prefix (`others`). */
function checkOtherRoutes(e: IndexedObject, route: NonNullable<IndexedObject['route']>, others: readonly IndexedObject[], out: EntryFindings): void {
  checkDuplicateRoute(e, route, others, out);
  const origins = [...new Set(others.filter((o) => o.route && o.route.origin !== route.origin).map((o) => o.route?.origin))];
  if (origins.length > 0) {
    out.push(
      'workspace/multiple-origins',
      e.nameSpan,
      `${route.normalized} is also registered with origin ${origins.map((o) => `AS${o}`).join(', ')}. If that is not a planned multi-origin setup, remove the stale object.`,
      others.filter((o) => o.route?.origin !== route.origin).map((o) => anchored(o, o.span, `origin AS${o.route?.origin}`)),
    );
  }
}

/** Which copy a finding read when several registries hold the aut-num: " (the RADB copy of 2, the one with the most policy)". */
function copyNote(pass: CrossCheckPass, aut: IndexedObject): string {
  const memo = memoOf(pass);
  let note = memo?.copyNotes.get(aut.id);
  if (note !== undefined) return note;
  const n = pass.index.lookup('aut-num', aut.key).length;
  note = n < 2 ? '' : ` (the ${sourceOfEntry(aut) || 'source-less'} copy of ${n}, the one with the most policy)`;
  memo?.copyNotes.set(aut.id, note);
  return note;
}

/** The source: of an indexed object, as a registry names it (upper case, '' when absent). */
function sourceOfEntry(e: IndexedObject): string {
  return sourceInfo(sourceAttribute(e.object)?.value ?? '').source;
}

/** The same attributes with the same values in the same order: one registry object saved twice. */
function sameObject(a: IndexedObject, b: IndexedObject): boolean {
  const x = a.object.attributes;
  const y = b.object.attributes;
  return x.length === y.length && x.every((attr, i) => attr.name === y[i]?.name && attr.value === y[i]?.value);
}

/**
 * A route object's key is its prefix, origin and source (IRRd's and RIPE's primary key; IRRd's RPKI
 * pseudo-objects add max-length, and are skipped here). Two objects with the same key in one source: one is
 * stale, unless they are the very same object saved twice. The same route in other sources is information.
 */
function checkDuplicateRoute(e: IndexedObject, route: NonNullable<IndexedObject['route']>, others: readonly IndexedObject[], out: EntryFindings): void {
  // Origins first: the source is read (and the object framed, in a compact index) only for real candidates.
  const sameOrigin = others.filter((o) => o.route?.origin === route.origin);
  if (sameOrigin.length === 0) return;
  const source = sourceOfEntry(e);
  if (source === 'RPKI') return;
  const same = sameOrigin.filter((o) => sourceOfEntry(o) !== 'RPKI');
  if (same.length === 0) return;
  const inSource = same.filter((o) => sourceOfEntry(o) === source);
  const where = source === '' ? 'without a source:' : `in ${source}`;
  if (inSource.length > 0) {
    const copies = inSource.every((o) => sameObject(o, e));
    out.push(
      'workspace/duplicate-route',
      e.nameSpan,
      copies
        ? `The same ${e.className} object ${route.normalized} AS${route.origin} ${where} appears ${inSource.length + 1} times in the workspace (one registry object saved more than once); nothing to fix in the registry.`
        : `Another ${e.className} object ${where} has the same prefix ${route.normalized} and origin AS${route.origin}; a registry keeps one object per prefix, origin and source. Remove the stale one.`,
      inSource.map((o) => anchored(o, o.span, copies ? 'the same object' : 'the other object')),
      undefined,
      copies ? 'information' : undefined,
    );
    return;
  }
  const elsewhere = [...new Set(same.map(sourceOfEntry).map((s) => s || '(no source)'))].sort();
  out.push(
    'workspace/duplicate-route',
    e.nameSpan,
    `${route.normalized} AS${route.origin} is also registered in ${elsewhere.join(', ')}: each registry holds its own object, so this is not a duplicate to remove.`,
    same.map((o) => anchored(o, o.span, `registered in ${sourceOfEntry(o) || '(no source)'}`)),
    undefined,
    'information',
  );
}

function checkPeerExports(pass: CrossCheckPass, e: IndexedObject, out: EntryFindings): void {
  const { index } = pass;
  const self = parseAsn(e.key);
  if (!self.ok) return;
  const memo = memoOf(pass);
  // The AS numbers an import names are among the aut-num references of its text (a superset): when none
  // of them has an aut-num here, no finding can come, and the policy is not parsed at all.
  let peerHere = false;
  for (let i = 0; i < e.refCount; i++) {
    if (e.refKindAt(i) !== 'aut-num') continue;
    const attribute = e.refAttributeAt(i);
    if (attribute !== 'import' && attribute !== 'mp-import') continue;
    if (memo) {
      // By number (an aut-num reference's name is its AS number): no key made.
      const asn = e.refNameAt(i);
      if (asn !== self.asn && memo.autNums.has(asn)) {
        peerHere = true;
        break;
      }
      continue;
    }
    const key = e.refKeyAt(i);
    if (key === e.key) continue;
    if (index.lookup('aut-num', key).length > 0) {
      peerHere = true;
      break;
    }
  }
  if (!peerHere) return;
  const seen = new Set<number>();
  const peers = importPeers(e);
  for (let i = 0; i < peers.length; i += 3) {
    const asn = peers[i]! as Asn;
    if (asn === self.asn || seen.has(asn)) continue;
    seen.add(asn);
    const peer = autNumOf(pass, asn);
    if (!peer) continue;
    if (exportsTo(index, peer, self.asn) !== 'no-match') continue;
    const span = { start: e.span.start + peers[i + 1]!, end: e.span.start + peers[i + 2]! };
    out.push(
      'workspace/import-without-export',
      span,
      `AS${self.asn} imports from AS${asn}, but AS${asn}'s aut-num${copyNote(pass, peer)} has no export to AS${self.asn}. Add "export: to AS${self.asn} announce …" to AS${asn}, or remove this import.`,
      [anchored(peer, peer.nameSpan, `aut-num AS${asn}`)],
    );
  }
}
