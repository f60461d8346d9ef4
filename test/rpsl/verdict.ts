import type { SpanDiagnostic } from '../../server/src/core/diagnostics/diagnostic';
import { frameRpsl } from '../../server/src/core/rpsl/frame';
import { validateAttributeValue, validateObject } from '../../server/src/core/rpsl/validate';

/**
 * How the IRRd comparisons judge: valid ⇔ no error diagnostics, in the irrd dialect. The policy language is
 * the policy area's (IRRd treats policy attributes as free text), so its findings do not count here.
 */
function errors(ds: readonly SpanDiagnostic[]): SpanDiagnostic[] {
  return ds.filter((d) => d.severity === 'error' && !d.code.startsWith('policy/'));
}

export function objectVerdict(text: string): { verdict: 'valid' | 'invalid'; errors: SpanDiagnostic[] } {
  const f = frameRpsl(text);
  const ds: SpanDiagnostic[] = [...f.diagnostics];
  for (const o of f.objects) validateObject(o, 'irrd', ds);
  const e = errors(ds);
  return { verdict: e.length ? 'invalid' : 'valid', errors: e };
}

export function valueVerdict(objectType: string, attr: string, value: string): { verdict: 'valid' | 'invalid'; errors: SpanDiagnostic[] } {
  const f = frameRpsl(`${attr}: ${value}`);
  const ds: SpanDiagnostic[] = [...f.diagnostics];
  for (const o of f.objects) for (const a of o.attributes) ds.push(...validateAttributeValue(a, objectType, 'irrd'));
  const e = errors(ds);
  return { verdict: e.length ? 'invalid' : 'valid', errors: e };
}

