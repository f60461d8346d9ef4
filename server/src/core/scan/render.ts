/**
 * A scan as text, Markdown, JSON and a self-contained HTML page (a timeline of episodes per leaker drawn as
 * inline SVG; no script, nothing remote).
 */
import { esc } from '../paths/svg';
import { summarizeLeakers } from './episodes';
import type { Episode, LeakerSummary, ScanResult } from './model';

export type ScanFormat = 'text' | 'json' | 'markdown' | 'html';

export function renderScan(r: ScanResult, format: ScanFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(r, null, 2)}\n`;
    case 'markdown':
      return markdown(r);
    case 'html':
      return html(r);
    case 'text':
      return text(r);
  }
}

export function isoTime(t: number): string {
  return new Date(Math.floor(t) * 1000).toISOString().replace('.000Z', 'Z');
}

export function duration(s: number): string {
  if (s < 60) return `${Math.round(s)} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 86400 * 2) return `${(s / 3600).toFixed(1)} h`;
  return `${(s / 86400).toFixed(1)} days`;
}

const list = (xs: readonly number[]): string => xs.map((a) => `AS${a}`).join('/');
const origins = (xs: readonly number[]): string => (xs.length <= 3 ? list(xs) : `${xs.length} origin ASes`);

/** "AS8048: 12 episodes between … and …, always routes of AS21980 learnt from AS6762 passed to AS52320". */
export function leakerSentence(s: LeakerSummary): string {
  const when = s.episodes === 1 ? `1 episode at ${isoTime(s.first)}` : `${s.episodes} episodes between ${isoTime(s.first)} and ${isoTime(s.last)}`;
  const pattern = (p: LeakerSummary['patterns'][number]): string =>
    p.kind === 'rov'
      ? 'originating prefixes no VRP allows (ROV Invalid)'
      : `routes of ${origins(p.origins)}${p.learnedFrom.length > 0 ? ` learnt from ${list(p.learnedFrom)}` : ''} passed to ${p.sentTo !== undefined ? `AS${p.sentTo}` : 'the collector'}`;
  const [top, ...rest] = s.patterns;
  const how = top === undefined ? '' : rest.length === 0 ? `${s.episodes > 1 ? 'always ' : ''}${pattern(top)}` : `mostly ${pattern(top)} (${top.episodes} of ${s.episodes}; ${rest.length} other pattern${rest.length === 1 ? '' : 's'})`;
  return `AS${s.leaker}: ${when}, ${how}`;
}

function episodeLine(e: Episode): string {
  const hop = e.sentTo !== undefined ? `AS${e.leaker} → AS${e.sentTo}` : `AS${e.leaker}`;
  return `${isoTime(e.first)} – ${isoTime(e.last)} (${duration(e.last - e.first)})  ${hop}  origin ${origins(e.origins)}  [${e.checks.join(', ')}]  ${e.prefixes.length} prefix${e.prefixes.length === 1 ? '' : 'es'}, ${e.routes} route${e.routes === 1 ? '' : 's'}, ${e.peers.length} peer${e.peers.length === 1 ? '' : 's'}, ${e.collectors.length} collector${e.collectors.length === 1 ? '' : 's'}`;
}

function header(r: ScanResult): string[] {
  const missing = (['aspa', 'rov', 'relationships'] as const).filter((k) => !r.data[k]);
  const diags = r.files.reduce((n, f) => n + f.diagnostics.filter((d) => d.code !== 'mrt/rib-generic-skipped' && d.code !== 'mrt/record-type-skipped').length, 0);
  return [
    `${r.files.length} file${r.files.length === 1 ? '' : 's'}, ${r.routesChecked} routes checked, ${r.routesFlagged} flagged, ${r.episodes.length} episode${r.episodes.length === 1 ? '' : 's'} (sightings more than ${duration(r.gapSeconds)} apart start a new one)`,
    ...(missing.length > 0 ? [`not checked (no data given): ${missing.map((m) => (m === 'aspa' ? 'ASPA (--aspa)' : m === 'rov' ? 'ROV (--vrps)' : 'valley-free and OTC hops (--relationships)')).join(', ')}`] : []),
    ...(r.data.upstreamPeers !== undefined ? [`ASPA upstream verification for the routes of collector peers ${r.data.upstreamPeers.map((a) => `AS${a}`).join(', ')} (--peer-role); downstream for the others`] : []),
    ...(diags > 0 ? [`${diags} problem${diags === 1 ? '' : 's'} reading the files (see the JSON output's files[].diagnostics)`] : []),
  ];
}

function text(r: ScanResult): string {
  const out = header(r);
  const leakers = summarizeLeakers(r.episodes);
  if (leakers.length > 0) out.push('', 'by leaker:', ...leakers.map((s) => `  ${leakerSentence(s)}`));
  if (r.episodes.length > 0) out.push('', 'episodes:');
  for (const e of r.episodes) {
    out.push(`  ${episodeLine(e)}`);
    out.push(`    e.g. ${e.example.prefix} via ${e.example.peer}: ${e.example.path}`);
    out.push(`    ${e.example.reason}`);
  }
  return `${out.join('\n')}\n`;
}

function markdown(r: ScanResult): string {
  const out = ['# Route leak scan', '', ...header(r).map((l) => `${l}.`), ''];
  const leakers = summarizeLeakers(r.episodes);
  if (leakers.length > 0) out.push('## By leaker', '', ...leakers.map((s) => `- ${leakerSentence(s)}`), '');
  if (r.episodes.length > 0) {
    out.push('## Episodes', '', '| first seen | last seen | duration | leak hop | origin | checks | prefixes | routes | peers | collectors |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const e of r.episodes)
      out.push(
        `| ${isoTime(e.first)} | ${isoTime(e.last)} | ${duration(e.last - e.first)} | AS${e.leaker}${e.sentTo !== undefined ? ` → AS${e.sentTo}` : ''} | ${origins(e.origins)} | ${e.checks.join(', ')} | ${e.prefixes.length} | ${e.routes} | ${e.peers.length} | ${e.collectors.join(', ')} |`,
      );
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

function html(r: ScanResult): string {
  const leakers = summarizeLeakers(r.episodes);
  const t0 = Math.min(...r.episodes.map((e) => e.first));
  const t1 = Math.max(...r.episodes.map((e) => e.last));
  const span = Math.max(1, t1 - t0);
  const W = 900;
  const ROW = 26;
  const LABEL = 110;
  const x = (t: number): number => LABEL + ((t - t0) / span) * (W - LABEL - 10);
  const rows = leakers
    .map((s, i) => {
      const y = 20 + i * ROW;
      const bars = r.episodes
        .filter((e) => e.leaker === s.leaker)
        .map((e) => {
          const w = Math.max(3, x(e.last) - x(e.first));
          const title = `${isoTime(e.first)} – ${isoTime(e.last)}: AS${e.leaker}${e.sentTo !== undefined ? ` → AS${e.sentTo}` : ''}, origin ${origins(e.origins)}, ${e.prefixes.length} prefixes (${e.checks.join(', ')})`;
          return `<rect x="${x(e.first).toFixed(1)}" y="${y - 8}" width="${w.toFixed(1)}" height="16" class="${e.kind}"><title>${esc(title)}</title></rect>`;
        })
        .join('');
      return `<text x="4" y="${y + 5}">AS${s.leaker}</text><line x1="${LABEL}" y1="${y}" x2="${W - 10}" y2="${y}" class="axis"/>${bars}`;
    })
    .join('\n');
  const svgHeight = 30 + leakers.length * ROW;
  const timeline =
    r.episodes.length === 0
      ? '<p>No episodes.</p>'
      : `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${svgHeight + 14}" role="img" aria-label="Episodes per leaker over time">
${rows}
<text x="${LABEL}" y="${svgHeight + 10}">${esc(isoTime(t0))}</text><text x="${W - 10}" y="${svgHeight + 10}" text-anchor="end">${esc(isoTime(t1))}</text>
</svg>`;
  const episodeRows = r.episodes
    .map(
      (e) =>
        `<tr><td>${esc(isoTime(e.first))}</td><td>${esc(isoTime(e.last))}</td><td>${esc(duration(e.last - e.first))}</td><td>AS${e.leaker}${e.sentTo !== undefined ? ` → AS${e.sentTo}` : ''}</td><td>${esc(origins(e.origins))}</td><td>${esc(e.checks.join(', '))}</td><td>${e.prefixes.length}</td><td>${e.routes}</td><td>${e.peers.length}</td><td>${esc(e.collectors.join(', '))}</td><td><code>${esc(e.example.path)}</code></td></tr>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Route leak scan</title>
<style>
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1f2328}
table{border-collapse:collapse;margin-top:1rem;width:100%}th,td{border:1px solid #8c959f;padding:.3rem .5rem;text-align:left;vertical-align:top}
svg text{font-size:12px;fill:#1f2328}.axis{stroke:#d0d7de}.leak{fill:#cf222e}.rov{fill:#9a6700}
</style>
</head>
<body>
<h1>Route leak scan</h1>
${header(r)
  .map((l) => `<p>${esc(l)}.</p>`)
  .join('\n')}
<h2>By leaker</h2>
<ul>${leakers.map((s) => `<li>${esc(leakerSentence(s))}</li>`).join('')}</ul>
<h2>Timeline</h2>
${timeline}
<h2>Episodes</h2>
<table>
<thead><tr><th scope="col">First seen</th><th scope="col">Last seen</th><th scope="col">Duration</th><th scope="col">Leak hop</th><th scope="col">Origin</th><th scope="col">Checks</th><th scope="col">Prefixes</th><th scope="col">Routes</th><th scope="col">Peers</th><th scope="col">Collectors</th><th scope="col">Example path</th></tr></thead>
<tbody>
${episodeRows}
</tbody>
</table>
</body>
</html>
`;
}
