import type { Diagnostic } from '../../server/src/core/diagnostics/diagnostic';
import type { LgParseResult } from '../../server/src/core/lg/types';
import { severityOf } from '../../server/src/core/diagnostics/registry';

function lineRange(lines: readonly string[] | undefined, line: number, text?: string): Diagnostic['range'] {
  const full = lines?.[line] ?? '';
  if (text !== undefined && text !== '') {
    const at = full.indexOf(text);
    if (at >= 0) return { start: { line, character: at }, end: { line, character: at + text.length } };
  }
  return { start: { line, character: 0 }, end: { line, character: full.length } };
}

/**
 * Diagnostics for the editor's squiggles: unparsed lines, invalid ASNs, truncated paths. Pass the
 * source text to get exact ranges within lines; without it, ranges cover whole lines (character 0 to
 * the length of the reported text).
 */
export function lgDiagnostics(result: LgParseResult, text?: string): Diagnostic[] {
  const lines = text?.split(/\r?\n/);
  const out: Diagnostic[] = [];
  if (result.format === 'unknown' && result.routes.length === 0 && text !== undefined && text.trim() !== '') {
    out.push({
      code: 'lg/format-unknown',
      severity: severityOf('lg/format-unknown'),
      range: lineRange(lines, 0),
      message: 'No known looking-glass format was recognised: paste raw router output (show ip bgp, show route … detail, BIRD show route all, …) or AS paths one per line.',
    });
  }
  for (const u of result.unparsed) {
    const range = lines !== undefined ? lineRange(lines, u.line) : { start: { line: u.line, character: 0 }, end: { line: u.line, character: u.text.length } };
    out.push({
      code: 'lg/unparsed-line',
      severity: severityOf('lg/unparsed-line'),
      range,
      message: `Line not understood as ${result.format} output${u.reason !== undefined ? ` (${u.reason})` : ''}; it was skipped. Remove it or check that the paste is a single, unwrapped output.`,
    });
  }
  for (const k of result.skipped ?? []) {
    out.push({
      code: 'lg/skipped-line',
      severity: severityOf('lg/skipped-line'),
      range: lineRange(lines, k.line),
      message: `Not router output (${k.kind}); set aside.`,
    });
  }
  for (const r of result.routes) {
    for (const bad of r.invalidAsns ?? []) {
      out.push({
        code: 'lg/invalid-asn',
        severity: severityOf('lg/invalid-asn'),
        range: lineRange(lines, bad.line, bad.text),
        message: `'${bad.text}' is not a valid AS number (0–4294967295 or asdot 0.0–65535.65535); it was left out of the path of ${r.prefix || 'this route'}. Check the paste for digits run together.`,
      });
    }
    if (r.pathUncertain !== undefined) {
      const line = r.asPathLine ?? r.lines.start;
      out.push({
        code: 'lg/uncertain-path',
        severity: severityOf('lg/uncertain-path'),
        range: lineRange(lines, line, r.asPathText),
        message: `The AS path of ${r.prefix || 'this route'} is uncertain: ${r.pathUncertain}. It is shown but gets no ASPA or leak verdict; paste the output unwrapped with its header, or its detail/JSON form.`,
      });
    }
    if (r.asPathTruncated === true) {
      const line = r.asPathLine ?? r.lines.start;
      out.push({
        code: 'lg/truncated-path',
        severity: severityOf('lg/truncated-path'),
        range: lineRange(lines, line, r.asPathText),
        message: `The AS path of ${r.prefix || 'this route'} was cut short (...); only the part shown is analysed. Ask the looking glass for the full path.`,
      });
    }
  }
  return out;
}
