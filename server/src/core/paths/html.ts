import type { PathsModel } from './model';
import { esc, renderSvg, type SvgTheme } from './svg';

/** A self-contained report page (no script, nothing remote) for `routelens paths --format html`. */
export function renderHtml(model: PathsModel, options: { theme?: Exclude<SvgTheme, 'vscode'>; title?: string } = {}): string {
  const title = options.title ?? 'AS path analysis';
  const rows = model.routes
    .map((r) => {
      const aspa = r.aspa ? `${r.aspa.downstream.verdict} / ${r.aspa.upstream.verdict}` : 'no ASPA data';
      const checks = model.findings
        .filter((f) => f.route === r.index)
        .map((f) => `<li class="${f.severity}"><code>${esc(f.code)}</code> ${esc(f.message)}</li>`)
        .join('');
      return `<tr class="${r.verdict}"><td>${esc(r.prefix)}${r.best ? ' <small>best</small>' : ''}</td><td><code>${esc(r.asPathText)}</code></td><td>${r.length.raw} (${r.length.collapsed})</td><td>${esc(aspa)}</td><td>${esc(r.rov ?? 'no VRP data')}</td><td><strong class="v">${r.verdict}</strong>${checks ? `<ul>${checks}</ul>` : ''}</td></tr>`;
    })
    .join('\n');
  const dark = options.theme === 'dark';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:1.5rem;background:${dark ? '#0d1117' : '#fff'};color:${dark ? '#e6edf3' : '#1f2328'}}
table{border-collapse:collapse;margin-top:1rem;width:100%}th,td{border:1px solid #8c959f;padding:.3rem .5rem;text-align:left;vertical-align:top}
tr.leak .v,li.error{color:${dark ? '#f85149' : '#cf222e'}}li.warning{color:${dark ? '#d29922' : '#9a6700'}}ul{margin:.2rem 0;padding-left:1.2rem}
.graph{overflow:auto;max-width:100%}
</style>
</head>
<body>
<h1>${esc(title)}</h1>
<p>${model.routes.length} route(s), ${model.routes.filter((r) => r.verdict === 'leak').length} with errors; format ${esc(model.format)}.</p>
<div class="graph">${renderSvg(model, { theme: options.theme ?? 'light' })}</div>
<table>
<caption>Routes</caption>
<thead><tr><th scope="col">Prefix</th><th scope="col">AS path</th><th scope="col">Length (collapsed)</th><th scope="col">ASPA down / up</th><th scope="col">ROV</th><th scope="col">Verdict</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}
