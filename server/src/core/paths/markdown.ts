import type { DataSetStatus, PathsModel, RouteAnalysis } from './model';

/** A summary to paste into a ticket or a mail to the leaking AS: findings first, then every route. */
export function renderMarkdown(model: PathsModel): string {
  const out: string[] = ['## AS path analysis', ''];
  const leaks = model.routes.filter((r) => r.verdict === 'leak');
  out.push(`${model.routes.length} route(s) parsed (${model.format}), ${leaks.length} with errors, ${model.unparsed.length} line(s) not understood.`, '');
  const leakEdges = model.graph.edges.filter((e) => e.verdict === 'leak');
  if (leakEdges.length > 0) {
    out.push('### Leak hops', '');
    for (const e of leakEdges) out.push(`- **${e.from} → ${e.to}**${e.rel ? ` (${e.rel})` : ''}: ${e.reasons.map((r) => r.replace(/\.$/, '')).join('; ')} (${e.routes.length} route(s))`);
    out.push('');
  }
  if (model.findings.length > 0) {
    out.push('### Findings', '');
    // A table repeats one finding for many prefixes: one line per finding, with the prefixes it concerns.
    const grouped = new Map<string, { code: string; severity: string; message: string; prefixes: string[] }>();
    for (const f of model.findings) {
      const key = `${f.code}\u0000${f.message}`;
      let g = grouped.get(key);
      if (!g) grouped.set(key, (g = { code: f.code, severity: f.severity, message: f.message, prefixes: [] }));
      const prefix = model.routes[f.route]?.prefix ?? '';
      if (!g.prefixes.includes(prefix)) g.prefixes.push(prefix);
    }
    for (const g of grouped.values()) {
      const where = g.prefixes.length > 5 ? `${g.prefixes.slice(0, 5).join(', ')} and ${g.prefixes.length - 5} more` : g.prefixes.join(', ');
      out.push(`- \`${g.code}\` (${g.severity}) ${where}: ${g.message}`);
    }
    out.push('');
  }
  const whatIfs = new Set(model.routes.flatMap((r) => [r.aspa?.downstream.whatIf, r.aspa?.upstream.whatIf, r.otcWhatIf]).filter((x): x is string => !!x));
  if (whatIfs.size > 0) {
    out.push('### What would have stopped it', '');
    for (const w of whatIfs) out.push(`- ${w}`);
    out.push('');
  }
  out.push('### Routes', '', '| Prefix | AS path | Length | ASPA (down/up) | OTC | Valley-free | ROV |', '|---|---|---|---|---|---|---|');
  for (const r of model.routes) out.push(routeRow(r));
  out.push('', '### Data', '');
  for (const [name, s] of Object.entries(model.data) as [string, DataSetStatus][]) out.push(`- ${name}: ${dataLine(s)}`);
  return out.join('\n') + '\n';
}

function routeRow(r: RouteAnalysis): string {
  const cell = (s: string): string => s.replace(/\|/g, '\\|');
  const aspa = r.aspa ? `${r.aspa.downstream.verdict}/${r.aspa.upstream.verdict}` : 'no data';
  const prepends = r.prepends.map((p) => `AS${p.asn} ×${p.count}`).join(', ');
  return `| ${cell(r.prefix)}${r.best ? ' (best)' : ''} | \`${cell(r.asPathText)}\` | ${r.length.raw} (${r.length.collapsed} collapsed${prepends ? `; ${prepends}` : ''}) | ${aspa} | ${r.otc ? `${r.otc.value}: ${r.otc.verdict}` : '—'} | ${r.valley?.verdict ?? 'no data'} | ${r.rov ?? 'no data'} |`;
}

function dataLine(s: DataSetStatus): string {
  const base = s.loaded ? `${s.count} entr${s.count === 1 ? 'y' : 'ies'}${s.sources.length ? ` from ${s.sources.join(', ')}` : ''}` : 'not loaded';
  return base + s.errors.map((e) => `; **${e.source}: ${e.message}**`).join('');
}
