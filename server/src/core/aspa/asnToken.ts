import { parseAsn } from '../net/asn';
import type { AsnToken, DiagnosticSink } from './declarations';

/**
 * Reads one written AS number (`AS65000`, `65000`, asdot `1.10`) into a token; a malformed or out-of-range
 * one gets an `aspa/invalid-asn` diagnostic and `asn: undefined`, so callers keep going.
 */
export function asnToken(text: string, start: number, diagnostics: DiagnosticSink, span = { start, end: start + text.length }): AsnToken {
  const p = parseAsn(text);
  if (p.ok) return { asn: p.asn, text, span };
  diagnostics.push({
    code: 'aspa/invalid-asn',
    severity: 'error',
    span,
    message:
      p.reason === 'range'
        ? `\`${text}\` is out of range: an AS number is at most 4294967295. Correct the number.`
        : `\`${text}\` is not an AS number: write it as \`AS65000\` or \`65000\`.`,
  });
  return { asn: undefined, text, span };
}

/** A number from JSON (`65000`) or a string (`"AS65000"`, `"65000"`) as an ASN token. */
export function jsonAsnToken(
  node: { type: string; span: { start: number; end: number }; value?: unknown },
  text: string,
  diagnostics: DiagnosticSink,
): AsnToken {
  if (node.type === 'number' || node.type === 'string') {
    const raw = node.type === 'string' ? String(node.value) : text.slice(node.span.start, node.span.end);
    return asnToken(raw, node.span.start, diagnostics, node.span);
  }
  diagnostics.push({
    code: 'aspa/invalid-asn',
    severity: 'error',
    span: node.span,
    message: 'Expected an AS number (a number or a string such as "AS65000").',
  });
  return { asn: undefined, text: text.slice(node.span.start, node.span.end), span: node.span };
}
