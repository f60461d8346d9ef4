import type { CodeLens } from 'vscode-languageserver-types';
import type { SpanDiagnostic } from '../diagnostics/diagnostic';
import type { Asn } from '../net/asn';
import type { TextPositions } from '../text/lineIndex';
import { renderProviders } from './checks';
import type { AspaDeclaration } from './declarations';
import { type AspaImpact, aspaImpact, type VerdictChange } from './impact';
import type { PathEvidence } from './pathEvidence';
import { suggestProviders } from './suggestProviders';
import type { AspaDb } from './types';

/** Observed routes, as the editor holds them: the index and where it came from, for messages. */
export interface ObservedPaths {
  readonly evidence: PathEvidence;
  /** "3 path files, 1,204 routes". */
  readonly label: string;
}

/** Each customer's declared providers in this document, united as validators unite them. */
function proposedOf(declarations: readonly AspaDeclaration[]): Map<Asn, Set<Asn>> {
  const out = new Map<Asn, Set<Asn>>();
  for (const d of declarations) {
    const c = d.customer.asn;
    if (d.filter || c === undefined || c === 0 || d.providers.some((p) => p.asn === undefined)) continue;
    const set = out.get(c) ?? new Set<Asn>();
    for (const p of d.providers) if (p.asn !== 0) set.add(p.asn!);
    out.set(c, set);
  }
  return out;
}

/** Impacts computed lately, per index and baseline: a document's diagnostics and its code lens ask for the same ones. */
const recent = new WeakMap<PathEvidence, WeakMap<AspaDb, Map<string, AspaImpact>>>();
const RECENT = 16;

/** Only the routes through the customer can change: the rest are not verified again. */
function impactOf(customer: Asn, providers: ReadonlySet<Asn>, observed: ObservedPaths, baseline: AspaDb): AspaImpact {
  const { evidence } = observed;
  let byBaseline = recent.get(evidence);
  if (!byBaseline) recent.set(evidence, (byBaseline = new WeakMap()));
  let memo = byBaseline.get(baseline);
  if (!memo) byBaseline.set(baseline, (memo = new Map<string, AspaImpact>()));
  // The index's size is in the key: routes added since make an impact stale.
  const key = `${evidence.size}|${customer}|${[...providers].sort((a, b) => a - b).join(',')}`;
  let impact = memo.get(key);
  if (!impact) {
    impact = aspaImpact(evidence, baseline, new Map([[customer, providers]]), undefined, evidence.routesThrough(customer));
    if (memo.size >= RECENT) memo.delete(memo.keys().next().value!);
    memo.set(key, impact);
  }
  return impact;
}

/** Routes (not route × direction) among changes that end in `verdict`. */
function routesTo(changes: readonly VerdictChange[], verdict: string): number {
  return new Set(changes.filter((c) => c.after === verdict).map((c) => c.index)).size;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * `aspa/observed-routes-invalidated`: publishing the declaration would turn observed routes Invalid because a
 * neighbour that carried them is not in the provider list. One finding per missing provider, on the customer,
 * with a fix adding it — unless the evidence says that neighbour is a peer or customer: then the routes are
 * leaks the ASPA rightly stops, said as information, without a fix.
 */
export function checkAgainstObserved(declarations: readonly AspaDeclaration[], observed: ObservedPaths, baseline: AspaDb): SpanDiagnostic[] {
  const out: SpanDiagnostic[] = [];
  const firstOf = new Map<Asn, AspaDeclaration>();
  for (const d of declarations) if (d.customer.asn !== undefined && !firstOf.has(d.customer.asn)) firstOf.set(d.customer.asn, d);
  for (const [customer, providers] of proposedOf(declarations)) {
    const decl = firstOf.get(customer)!;
    const byProvider = new Map<Asn, VerdictChange[]>();
    for (const c of impactOf(customer, providers, observed, baseline).changes) {
      if (c.keepBy?.customer !== customer) continue;
      // Pushed, not copied: a Tier-1 that forgets a provider changes thousands of routes.
      const list = byProvider.get(c.keepBy.addProvider);
      if (list) list.push(c);
      else byProvider.set(c.keepBy.addProvider, [c]);
    }
    if (byProvider.size === 0) continue;
    const suggestion = suggestProviders(customer, { paths: observed.evidence });
    for (const [missing, changes] of byProvider) {
      const routes = new Set(changes.map((c) => c.index));
      const example = changes[0]!.route;
      const seen = `${plural(routes.size, 'observed route')} through AS${missing} (e.g. ${example.prefix} via ${example.path.join(' ')}, ${example.source}) ${routes.size === 1 ? 'becomes' : 'become'}`;
      const not = suggestion.notProviders.find((n) => n.asn === missing);
      if (not) {
        out.push({
          code: 'aspa/observed-routes-invalidated',
          severity: 'information',
          span: decl.customer.span,
          message: `With this ASPA, ${seen} Invalid. AS${missing} looks like AS${customer}'s ${not.looksLike} (${not.why[0] ?? ''}), so these routes look like leaks the ASPA is meant to stop.`,
        });
        continue;
      }
      const sorted = [...new Set([...providers, missing])].sort((a, b) => a - b);
      const fix =
        decl.providersSpan && decl.style && !decl.empty
          ? [{ title: `Add AS${missing} as a provider of AS${customer}`, edits: [{ span: decl.providersSpan, newText: renderProviders(decl.style, sorted, decl.providers[0]) }], preferred: true }]
          : undefined;
      out.push({
        code: 'aspa/observed-routes-invalidated',
        severity: 'warning',
        span: decl.customer.span,
        message: `With this ASPA, ${seen} Invalid: AS${missing} carried AS${customer}'s routes but is not in its providers. If AS${missing} is a provider, add it; if it is a peer or a customer, these routes are leaks and the ASPA is right.`,
        ...(fix ? { fixes: fix } : {}),
      });
    }
  }
  return out;
}

/** A lens above each customer's first declaration: what publishing it does to the observed routes. */
export function observedLenses(declarations: readonly AspaDeclaration[], observed: ObservedPaths, baseline: AspaDb, index: TextPositions): CodeLens[] {
  const lenses: CodeLens[] = [];
  const done = new Set<Asn>();
  const proposed = proposedOf(declarations);
  for (const d of declarations) {
    const c = d.customer.asn;
    if (c === undefined || done.has(c) || !proposed.has(c)) continue;
    done.add(c);
    const impact = impactOf(c, proposed.get(c)!, observed, baseline);
    const through = observed.evidence.routesThrough(c).length;
    const invalid = routesTo(impact.changes, 'invalid');
    const title =
      through === 0
        ? `with this ASPA: no observed route passes AS${c} (${observed.label})`
        : `with this ASPA: ${plural(invalid, 'observed route')} ${invalid === 1 ? 'becomes' : 'become'} Invalid · ${plural(through - invalid, 'other')} through AS${c} (${observed.label})`;
    const start = index.positionAt(d.span.start);
    lenses.push({ range: { start, end: start }, command: { title, command: '' } });
  }
  return lenses;
}
