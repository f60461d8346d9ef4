import type { PathsModel } from './model';

/** Graphviz DOT of the same graph, for people who keep their own tooling. */
export function renderDot(model: PathsModel): string {
  const q = (s: string): string => `"${inner(s)}"`;
  const lines = ['digraph as_paths {', '  rankdir=RL;', '  node [shape=box, style=rounded, fontname="Helvetica"];'];
  for (const n of model.graph.nodes) {
    // DOT's own line break escape goes between the quoted parts, so it is not escaped again.
    const label = [n.label + (n.prepend > 1 ? ` ×${n.prepend}` : ''), n.name ?? ''].filter(Boolean).map(inner).join('\\n');
    const attrs = [`label="${label}"`];
    if (n.leaker) attrs.push('color=red', 'penwidth=2');
    if (n.kind === 'vantage') attrs.push('style="rounded,dashed"');
    if (n.origin) attrs.push('peripheries=2');
    lines.push(`  ${q(n.id)} [${attrs.join(', ')}];`);
  }
  for (const e of model.graph.edges) {
    const attrs: string[] = [];
    const label = [e.rel ?? '', e.verdict === 'leak' ? 'leak' : ''].filter(Boolean).join(' ');
    if (label) attrs.push(`label=${q(label)}`);
    if (e.verdict === 'leak') attrs.push('color=red', 'penwidth=2', `tooltip=${q(e.reasons.join('; '))}`);
    lines.push(`  ${q(e.from)} -> ${q(e.to)}${attrs.length ? ` [${attrs.join(', ')}]` : ''};`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

function inner(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}
