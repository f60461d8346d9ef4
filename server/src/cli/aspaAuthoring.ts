import { aspaImpact, type VerdictChange } from '../core/aspa/impact';
import { mrtEvidenceSink } from '../core/aspa/mrtObservations';
import { observedRoutes, PathEvidence } from '../core/aspa/pathEvidence';
import { isMrtFile, readMrtFile } from '../core/mrt/node/readMrtFile';
import { type ProviderSuggestion, suggestProviders, type Confidence } from '../core/aspa/suggestProviders';
import type { AspaDb } from '../core/aspa/types';
import type { AutNumPeeringSummary } from '../core/workspace/peeringSummary';
import { parseLookingGlass } from '../core/lg/parse';
import { type Asn, parseAsn } from '../core/net/asn';
import { parseRelationships, type Relationships } from '../core/paths/relationships';
import { frameRpsl } from '../core/rpsl/frame';
import { autNumPeeringSummary } from '../core/workspace/peeringSummary';
import { loadAspaFiles } from './aspaFiles';
import { type CliIo, EXIT, parseArgs } from './io';
import { readDataText } from './readText';

type AuthoringIo = Pick<CliIo, 'stdout' | 'stderr' | 'readFile'>;

const SUGGEST_USAGE = `usage: routelens aspa suggest <AS>… --paths <file>… [options]

For each AS, the providers its ASPA should list, with the evidence for each and a confidence; neighbours that
look like peers or customers are listed apart, with why. Nothing is looked up on the network.

options:
  --paths <file>           observed routes: looking-glass or router output, bgpdump -m text, MRT (RIB dumps,
                           updates; plain, gzip or bzip2) — repeat it
  --aspa <file>            the ASPAs published today (any format routelens reads), as evidence
  --relationships <file>   CAIDA AS relationships (serial-1 or serial-2)
  --rpsl <file>            RPSL with the ASes' aut-nums (import ANY from a provider, export only own routes)
  --format <f>             text (default), aspa (.aspa lines), rpki-client (JSON), krill (krillc commands), json
  --min-confidence <c>     low, medium (default) or high: who goes into the aspa, rpki-client and krill forms
`;

const IMPACT_USAGE = `usage: routelens aspa impact --aspa <new>… [--aspa-baseline <current>…] --paths <file>… [options]

Every observed route whose ASPA verdict changes when the declarations in --aspa are published (each replaces
that customer's declaration in the baseline), in both directions (received from a customer or peer, and from a
provider), with the hop that decides and the provider whose absence turns a route Invalid.

options:
  --relationships <file>   CAIDA AS relationships: says when a route turned Invalid is a leak, not a missing provider
  --format text|json       output (default text)

Exit 1 when an observed route would become Invalid, 0 otherwise, 2 on a usage error or unreadable data.
`;

const CONFIDENCE_ORDER: readonly Confidence[] = ['low', 'medium', 'high'];

export async function run(sub: 'suggest' | 'impact', args: readonly string[], io: AuthoringIo): Promise<number> {
  const parsed = parseArgs(args, {
    values: ['relationships', 'format', 'min-confidence'],
    multi: ['paths', 'aspa', 'aspa-baseline', 'rpsl'],
    flags: ['help'],
  });
  const usageText = sub === 'suggest' ? SUGGEST_USAGE : IMPACT_USAGE;
  const usage = (why: string): number => {
    io.stderr(`routelens aspa ${sub}: ${why}\n\n${usageText}`);
    return EXIT.usage;
  };
  if ('error' in parsed) return usage(parsed.error);
  if (parsed.flags.has('help')) {
    io.stdout(usageText);
    return EXIT.ok;
  }
  const pathFiles = parsed.values.get('paths') ?? [];
  if (pathFiles.length === 0) return usage('--paths is required: observed routes are the evidence');
  const format = parsed.values.get('format')?.[0] ?? 'text';

  const evidence = new PathEvidence();
  for (const file of pathFiles) {
    if (await isMrtFile(file).catch(() => false)) {
      // RIB dumps and update files: every announced route is one observation by its collector peer.
      const sink = mrtEvidenceSink(evidence, file);
      const summary = await readMrtFile(file, sink);
      const routes = sink.added();
      if (routes === 0) io.stderr(`routelens aspa ${sub}: ${file}: no AS paths found in ${summary.records} MRT record(s)\n`);
      continue;
    }
    let text: string;
    try {
      text = await readDataText(() => io.readFile(file), file, io.stderr);
    } catch (e) {
      return usage(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const parsedLg = parseLookingGlass(text);
    const routes = observedRoutes(parsedLg.routes, file);
    if (routes.length === 0) io.stderr(`routelens aspa ${sub}: ${file}: no AS paths found (format ${parsedLg.format})\n`);
    for (const r of routes) evidence.add(r);
  }

  let relationships: Relationships | undefined;
  const relFile = parsed.values.get('relationships')?.[0];
  if (relFile !== undefined) {
    try {
      const rel = parseRelationships(await readDataText(() => io.readFile(relFile), relFile, io.stderr));
      for (const e of rel.errors.slice(0, 5)) io.stderr(`${relFile}:${e.line + 1}: ${e.message}\n`);
      relationships = rel.relationships;
    } catch (e) {
      return usage(`cannot read ${relFile}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  if (sub === 'impact') {
    if (format !== 'text' && format !== 'json') return usage(`--format must be text or json, not \`${format}\``);
    const proposedFiles = [...(parsed.values.get('aspa') ?? []), ...parsed.positional];
    if (proposedFiles.length === 0) return usage('--aspa is required: the declarations to publish');
    const proposed = await loadAspaFiles(proposedFiles, io, 'aspa impact');
    const baseline = await loadAspaFiles(parsed.values.get('aspa-baseline') ?? [], io, 'aspa impact');
    if (!proposed || !baseline) return EXIT.usage;
    const impact = aspaImpact(evidence, baseline, proposed);
    if (format === 'json') io.stdout(`${JSON.stringify(impactJson(impact.changes, impact.unchanged, impact.untouched, relationships), null, 2)}\n`);
    else io.stdout(impactText(impact.changes, impact.unchanged, impact.untouched, proposed, relationships));
    return impact.changes.some((c) => c.after === 'invalid') ? EXIT.findings : EXIT.ok;
  }

  if (!['text', 'aspa', 'rpki-client', 'krill', 'json'].includes(format)) return usage(`unknown format \`${format}\``);
  const minText = parsed.values.get('min-confidence')?.[0] ?? 'medium';
  const min = CONFIDENCE_ORDER.indexOf(minText as Confidence);
  if (min < 0) return usage(`--min-confidence must be low, medium or high, not \`${minText}\``);
  const customers: Asn[] = [];
  for (const p of parsed.positional) {
    const a = parseAsn(p);
    if (!a.ok) return usage(`\`${p}\` is not an AS number`);
    customers.push(a.asn);
  }
  if (customers.length === 0) return usage('name the AS (or ASes) to suggest providers for');
  const current = await loadAspaFiles(parsed.values.get('aspa') ?? [], io, 'aspa suggest');
  if (!current) return EXIT.usage;
  const autNums = new Map<Asn, AutNumPeeringSummary>();
  for (const f of parsed.values.get('rpsl') ?? []) {
    let text: string;
    try {
      text = await readDataText(() => io.readFile(f), f, io.stderr);
    } catch (e) {
      return usage(`cannot read ${f}: ${e instanceof Error ? e.message : String(e)}`);
    }
    for (const obj of frameRpsl(text).objects) {
      const s = autNumPeeringSummary(obj, f);
      if (s && !autNums.has(s.asn)) autNums.set(s.asn, s);
    }
  }
  const suggestions = customers.map((c) => suggestProviders(c, { paths: evidence, current, autNums, ...(relationships ? { relationships } : {}) }));
  const chosen = (s: ProviderSuggestion) => s.providers.filter((p) => CONFIDENCE_ORDER.indexOf(p.confidence) >= min).map((p) => p.asn);
  for (const s of suggestions) if (!s.evidenceFound) io.stderr(`routelens aspa suggest: no evidence about AS${s.customer} in the data given\n`);
  io.stdout(renderSuggestions(suggestions, format, chosen));
  return EXIT.ok;
}

function renderSuggestions(suggestions: readonly ProviderSuggestion[], format: string, chosen: (s: ProviderSuggestion) => Asn[]): string {
  // An AS0 declaration for a transit-free AS is written `AS0`; the others list their providers.
  const declared = (s: ProviderSuggestion): string[] => (s.transitFree ? ['AS0'] : chosen(s).map((p) => `AS${p}`));
  const withProviders = suggestions.filter((s) => declared(s).length > 0);
  switch (format) {
    case 'json':
      return `${JSON.stringify(suggestions, null, 2)}\n`;
    case 'aspa':
      return withProviders.map((s) => `AS${s.customer} => ${declared(s).join(', ')}\n`).join('');
    case 'rpki-client':
      return `${JSON.stringify({ aspas: withProviders.map((s) => ({ customer_asid: s.customer, providers: s.transitFree ? [0] : chosen(s) })) }, null, 2)}\n`;
    case 'krill':
      // Krill's command line (krillc aspas add); the CA handle is the operator's own.
      return withProviders.map((s) => `krillc aspas add --ca "$CA" --aspa "AS${s.customer} => ${declared(s).join(', ')}"\n`).join('');
    default: {
      const lines: string[] = [];
      for (const s of suggestions) {
        lines.push(`AS${s.customer}: ${s.providers.length === 0 ? 'no provider candidates' : `${s.providers.length} provider candidate(s)`}`);
        for (const p of s.providers) {
          lines.push(`  AS${p.asn}  ${p.confidence}`);
          for (const e of p.evidence) lines.push(`      ${e}`);
        }
        if (s.notProviders.length > 0) lines.push('  not providers:');
        for (const n of s.notProviders) {
          lines.push(`  AS${n.asn}  looks like a ${n.looksLike}`);
          for (const w of n.why) lines.push(`      ${w}`);
        }
        const list = declared(s);
        if (s.transitFree) lines.push(`  ${s.transitFree}`);
        lines.push(list.length > 0 ? `  ASPA: AS${s.customer} => ${list.join(', ')}` : '  ASPA: not enough evidence for a declaration', '');
      }
      return lines.join('\n');
    }
  }
}

/** Why a route turned Invalid, in words: a missing provider, unless the relationships say the route is a leak. */
function invalidBecause(c: VerdictChange, relationships: Relationships | undefined): string | undefined {
  if (!c.keepBy) return undefined;
  const { customer, addProvider } = c.keepBy;
  const rel = relationships?.get(addProvider, customer);
  if (rel === 'c2p') return `AS${addProvider} is AS${customer}'s customer (relationships): this route is a leak, which the ASPA is meant to stop`;
  if (rel === 'p2p') return `AS${addProvider} is AS${customer}'s peer (relationships): this route is a leak, which the ASPA is meant to stop`;
  return `AS${addProvider} is not in AS${customer}'s providers; if it is a provider, add it to keep this route ${c.before}`;
}

function impactText(changes: readonly VerdictChange[], unchanged: Record<string, number>, untouched: number, proposed: AspaDb, relationships: Relationships | undefined): string {
  const lines: string[] = [];
  const byCustomer = new Map<Asn, VerdictChange[]>();
  for (const c of changes) {
    const list = byCustomer.get(c.customer);
    if (list) list.push(c);
    else byCustomer.set(c.customer, [c]);
  }
  for (const [customer, list] of byCustomer) {
    const providers = [...(proposed.get(customer) ?? [])];
    lines.push(`AS${customer} => ${providers.length > 0 ? providers.map((p) => `AS${p}`).join(', ') : 'AS0'}`);
    for (const c of list) {
      const where = `${c.route.source}${c.route.line !== undefined ? `:${c.route.line + 1}` : ''}`;
      lines.push(`  ${c.direction.padEnd(10)}  ${c.before} -> ${c.after}  ${c.route.prefix}  ${c.route.path.join(' ')}  (${where})`);
      lines.push(`      decided at AS${c.hop.from} -> AS${c.hop.to}`);
      const why = invalidBecause(c, relationships);
      if (why) lines.push(`      ${why}`);
    }
  }
  const toInvalid = changes.filter((c) => c.after === 'invalid').length;
  const toValid = changes.filter((c) => c.after === 'valid').length;
  const kept = Object.values(unchanged).reduce((a, b) => a + b, 0);
  lines.push(
    `${toInvalid} route verdict(s) become Invalid, ${toValid} become Valid, ${changes.length - toInvalid - toValid} other change(s); ${kept} unchanged (${unchanged.valid} Valid, ${unchanged.invalid} Invalid, ${unchanged.unknown} Unknown) over both directions; ${untouched} route(s) do not pass through the declared customers`,
  );
  return `${lines.join('\n')}\n`;
}

/** The JSON shape is part of the CLI's contract: add fields, never rename them. */
function impactJson(changes: readonly VerdictChange[], unchanged: Record<string, number>, untouched: number, relationships: Relationships | undefined) {
  return {
    changes: changes.map((c) => ({
      prefix: c.route.prefix,
      path: c.route.path,
      source: c.route.source,
      ...(c.route.line !== undefined ? { line: c.route.line + 1 } : {}),
      vantage: c.route.vantage,
      direction: c.direction,
      before: c.before,
      after: c.after,
      customer: c.customer,
      hop: c.hop,
      ...(c.keepBy ? { keepBy: c.keepBy, because: invalidBecause(c, relationships) } : {}),
    })),
    unchanged,
    untouched,
  };
}
