import type { SpanDiagnostic } from '../diagnostics/diagnostic';
import { asnToken } from './asnToken';
import type { AspaDeclaration, AspaParse, AsnToken, DiagnosticSink } from './declarations';

/**
 * ASPA statements in router daemon configurations: BIRD ≥ 2.16 (`route aspa 65540 providers 65544, 65549;`,
 * `route aspa 65544 transit;` in a static protocol of an ASPA table) and OpenBGPD (`aspa-set { customer-as
 * 4608 [expires N] provider-as { 1, 2, 3 } }`). Everything else in the file is skipped, not judged.
 */
interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Words, numbers and the punctuation `{ } , ;`; `#` comments run to the end of the line. */
function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const re = /#[^\n]*|[{},;]|[^\s{},;#]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].startsWith('#')) continue;
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const asn = (t: Token, d: DiagnosticSink): AsnToken => asnToken(t.text, t.start, d);

export function parseBird(text: string, sink?: DiagnosticSink): AspaParse {
  const tokens = tokenize(text);
  const declarations: AspaDeclaration[] = [];
  const kept: SpanDiagnostic[] = [];
  const diagnostics: DiagnosticSink = sink ?? kept;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]!.text !== 'route' || tokens[i + 1]!.text !== 'aspa') continue;
    const first = tokens[i]!;
    const c = tokens[i + 2];
    const kw = tokens[i + 3];
    if (!c || !kw) {
      diagnostics.push({ code: 'aspa/syntax', severity: 'error', span: first, message: 'Incomplete `route aspa` statement: `route aspa <customer> providers <asn>, …;`.' });
      break;
    }
    const customer = asn(c, diagnostics);
    let j = i + 4;
    const providers: AsnToken[] = [];
    let empty = false;
    // `transit` declares no providers at all (an AS0 ASPA), so it is neither empty nor an error.
    if (kw.text === 'providers') {
      while (j < tokens.length && tokens[j]!.text !== ';') {
        const t = tokens[j]!;
        if (t.text !== ',') providers.push(asn(t, diagnostics));
        j++;
      }
      if (providers.length === 0) empty = true;
    } else if (kw.text !== 'transit') {
      diagnostics.push({
        code: 'aspa/syntax',
        severity: 'error',
        span: kw,
        message: `Expected \`providers\` or \`transit\` after the customer, found \`${kw.text}\`.`,
      });
      while (j < tokens.length && tokens[j]!.text !== ';') j++;
    }
    const semi = tokens[j];
    if (semi?.text !== ';') diagnostics.push({ code: 'aspa/syntax', severity: 'error', span: tokens[j - 1] ?? kw, message: 'Missing `;` after the `route aspa` statement.' });
    const end = semi?.text === ';' ? semi.end : (tokens[j - 1] ?? kw).end;
    const firstP = providers[0];
    const lastP = providers[providers.length - 1];
    declarations.push({
      customer,
      providers,
      span: { start: first.start, end },
      ...(firstP && lastP ? { providersSpan: { start: firstP.span.start, end: lastP.span.end }, style: 'bird' as const } : {}),
      ...(empty ? { empty: true } : {}),
    });
    i = j;
  }
  return { format: 'bird', declarations, diagnostics: kept };
}

export function parseOpenBgpd(text: string, sink?: DiagnosticSink): AspaParse {
  const tokens = tokenize(text);
  const declarations: AspaDeclaration[] = [];
  const kept: SpanDiagnostic[] = [];
  const diagnostics: DiagnosticSink = sink ?? kept;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.text !== 'aspa-set') continue;
    if (tokens[i + 1]?.text !== '{') {
      diagnostics.push({ code: 'aspa/syntax', severity: 'error', span: tokens[i]!, message: 'Expected `{` after `aspa-set`.' });
      continue;
    }
    let j = i + 2;
    while (j < tokens.length && tokens[j]!.text !== '}') {
      const t = tokens[j]!;
      if (t.text !== 'customer-as') {
        diagnostics.push({ code: 'aspa/syntax', severity: 'error', span: t, message: `Expected \`customer-as\` in the aspa-set, found \`${t.text}\`.` });
        j++;
        continue;
      }
      const c = tokens[j + 1];
      if (!c) break;
      const customer = asn(c, diagnostics);
      j += 2;
      if (tokens[j]?.text === 'expires') j += 2;
      if (tokens[j]?.text !== 'provider-as') {
        diagnostics.push({ code: 'aspa/syntax', severity: 'error', span: tokens[j] ?? c, message: 'Expected `provider-as { … }` after the customer.' });
        continue;
      }
      j++;
      const providers: AsnToken[] = [];
      let providersSpan: { start: number; end: number } | undefined;
      let end: number;
      if (tokens[j]?.text === '{') {
        const open = tokens[j]!;
        j++;
        while (j < tokens.length && tokens[j]!.text !== '}') {
          const p = tokens[j]!;
          if (p.text === ',') {
            j++;
            continue;
          }
          if (p.text === 'allow') {
            const fam = tokens[j + 1];
            const span = { start: p.start, end: fam?.end ?? p.end };
            diagnostics.push({
              code: 'aspa/afi-limit-deprecated',
              severity: 'warning',
              span,
              message: `\`${text.slice(span.start, span.end)}\` limits a provider to one address family, which the ASPA profile no longer has (draft-ietf-sidrops-aspa-profile-16). Remove it.`,
              tags: ['deprecated'],
              fixes: [{ title: 'Remove the address-family limit', edits: [{ span: { start: tokens[j - 1]!.end, end: span.end }, newText: '' }], preferred: true }],
            });
            j += 2;
            continue;
          }
          providers.push(asn(p, diagnostics));
          j++;
        }
        const close = tokens[j];
        end = close?.end ?? open.end;
        if (providers.length > 0 && !tokens.slice(0, j).some((t) => t.text === 'allow' && t.start > open.start)) {
          providersSpan = { start: providers[0]!.span.start, end: providers[providers.length - 1]!.span.end };
        }
        j++;
      } else {
        const p = tokens[j];
        if (!p) break;
        providers.push(asn(p, diagnostics));
        end = p.end;
        j++;
      }
      declarations.push({
        customer,
        providers,
        span: { start: t.start, end },
        ...(providersSpan ? { providersSpan, style: 'openbgpd' as const } : {}),
        ...(providers.length === 0 ? { empty: true } : {}),
      });
    }
    i = j;
  }
  return { format: 'openbgpd', declarations, diagnostics: kept };
}
