import type { SpanDiagnostic } from '../diagnostics/diagnostic';
import { asnToken } from './asnToken';
import type { AspaDeclaration, AsnToken, AspaParse, DiagnosticSink } from './declarations';
import { isBlank } from '../text/chars';

/**
 * The text form Krill uses (`krillc aspas add --aspa "AS65000 => AS65001, AS65002"`) and `.aspa` files:
 * one declaration per line, `#` comments, `AS0` for "no providers". Krill prints `<none>` for an empty
 * list and, before 0.13, an address-family limit such as `AS65002(v4)`; both are read and flagged.
 */
export function parseKrill(text: string, sink?: DiagnosticSink): AspaParse {
  const declarations: AspaDeclaration[] = [];
  const kept: SpanDiagnostic[] = [];
  const diagnostics: DiagnosticSink = sink ?? kept;
  let lineStart = 0;
  // The next '#' at or after the current line, kept across lines: searching afresh on each line scanned the rest of
  // a file without comments once per line (a million lines took minutes).
  let hash = -1;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const next = lineEnd + 1;
    let end = lineEnd;
    if (end > lineStart && text.charCodeAt(end - 1) === 13) end--;
    if (hash < lineStart) hash = text.indexOf('#', lineStart);
    if (hash < 0) hash = Infinity;
    if (hash < end) end = hash;
    const decl = parseLine(text, lineStart, end, diagnostics);
    if (decl) declarations.push(decl);
    if (lineEnd >= text.length) break;
    lineStart = next;
  }
  return { format: 'krill', declarations, diagnostics: kept };
}

const AFI_SUFFIX = /\((v4|v6)\)$/i;

function parseLine(text: string, from: number, to: number, diagnostics: DiagnosticSink): AspaDeclaration | undefined {
  let start = from;
  while (start < to && isBlank(text.charCodeAt(start))) start++;
  let end = to;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  if (start === end) return undefined;
  const span = { start, end };
  // Searched within the line: a line without an arrow must not scan the rest of the file.
  const inLine = text.slice(start, end).indexOf('=>');
  const arrow = inLine < 0 ? -1 : start + inLine;
  if (arrow < 0) {
    diagnostics.push({
      code: 'aspa/syntax',
      severity: 'error',
      span,
      message: 'Expected `<customer> => <providers>`, for example `AS65000 => AS65001, AS65002` (or `=> AS0` for none).',
    });
    return undefined;
  }
  let cEnd = arrow;
  while (cEnd > start && isBlank(text.charCodeAt(cEnd - 1))) cEnd--;
  if (cEnd === start) {
    diagnostics.push({ code: 'aspa/syntax', severity: 'error', span: { start, end: arrow + 2 }, message: 'The customer AS is missing before `=>`.' });
    return undefined;
  }
  const customerText = text.slice(start, cEnd);
  if (/\s/.test(customerText)) {
    diagnostics.push({
      code: 'aspa/syntax',
      severity: 'error',
      span: { start, end: cEnd },
      message: 'Only one customer AS may stand before `=>`; write one line per customer.',
    });
    return undefined;
  }
  const customer = asnToken(customerText, start, diagnostics);
  let pStart = arrow + 2;
  while (pStart < end && isBlank(text.charCodeAt(pStart))) pStart++;
  const providersSpan = { start: pStart, end };
  if (pStart === end) {
    diagnostics.push({
      code: 'aspa/syntax',
      severity: 'error',
      span: { start: arrow, end: arrow + 2 },
      message: 'No providers after `=>`: list them, or write `AS0` if this AS has no providers.',
    });
    return { customer, providers: [], span, providersSpan, style: 'krill', empty: true };
  }
  if (text.slice(pStart, end).toLowerCase() === '<none>') {
    return { customer, providers: [], span, providersSpan, style: 'krill', empty: true };
  }
  const providers: AsnToken[] = [];
  let itemStart = pStart;
  for (let i = pStart; i <= end; i++) {
    if (i < end && text.charCodeAt(i) !== 44) continue;
    let s = itemStart;
    let e = i;
    while (s < e && isBlank(text.charCodeAt(s))) s++;
    while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
    itemStart = i + 1;
    if (s === e) {
      diagnostics.push({
        code: 'aspa/syntax',
        severity: 'error',
        span: { start: Math.min(i, end - 1), end: Math.min(i + 1, end) },
        message: 'Empty entry in the provider list: remove the extra comma.',
      });
      continue;
    }
    let item = text.slice(s, e);
    const afi = AFI_SUFFIX.exec(item);
    if (afi) {
      diagnostics.push({
        code: 'aspa/afi-limit-deprecated',
        severity: 'warning',
        span: { start: s + afi.index, end: e },
        message: `The address-family limit \`${afi[0]}\` was removed from the ASPA profile (draft-ietf-sidrops-aspa-profile-16): a provider is authorised for both families. Remove \`${afi[0]}\`.`,
        tags: ['deprecated'],
        fixes: [{ title: `Remove ${afi[0]}`, edits: [{ span: { start: s + afi.index, end: e }, newText: '' }], preferred: true }],
      });
      item = item.slice(0, afi.index);
      e = s + item.length;
    }
    if (/\s/.test(item)) {
      // `AS1 AS2`: a missing comma. Read the words anyway so one typo does not hide the rest.
      diagnostics.push({ code: 'aspa/syntax', severity: 'error', span: { start: s, end: e }, message: 'Separate providers with commas: `AS65001, AS65002`.' });
      const re = /\S+/g;
      for (let m = re.exec(item); m; m = re.exec(item)) providers.push(asnToken(m[0], s + m.index, diagnostics));
      continue;
    }
    providers.push(asnToken(item, s, diagnostics));
  }
  return { customer, providers, span, providersSpan, style: 'krill' };
}
