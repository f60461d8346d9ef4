import type { DiagnosticCodeInfo } from './codeInfo';
import type { Severity } from './diagnostic';
import { rpslCodes, type RpslCode } from '../rpsl/codes';
import { policyCodes, type PolicyCode } from '../policy/codes';
import { workspaceCodes, type WorkspaceCode } from '../workspace/codes';
import { aspaCodes, type AspaCode } from '../aspa/codes';
import { lgCodes, type LgCode } from '../lg/codes';
import { pathCodes, type PathCode } from '../paths/codes';
import { rpkiCodes, type RpkiCode } from '../rpki/codes';
import { mrtCodes, type MrtCode } from '../mrt/codes';
import { routelensCodes, type RoutelensCode } from './codes';
import { inputCodes, type InputCode } from '../input/codes';

/** Every code the core can emit: a union of the tables' codes, so an unknown one does not compile. */
export type DiagnosticCode = RpslCode | PolicyCode | WorkspaceCode | AspaCode | LgCode | PathCode | RpkiCode | InputCode | MrtCode | RoutelensCode;

/** Every diagnostic code the core can emit, by area; the single source for docs/diagnostics.md. */
export const diagnosticAreas: readonly { area: string; title: string; codes: readonly DiagnosticCodeInfo[] }[] = [
  { area: 'rpsl', title: 'RPSL objects and values', codes: rpslCodes },
  { area: 'policy', title: 'RPSL policy language', codes: policyCodes },
  { area: 'workspace', title: 'Cross-object checks', codes: workspaceCodes },
  { area: 'aspa', title: 'ASPA declarations', codes: aspaCodes },
  { area: 'lg', title: 'Looking-glass parsing', codes: lgCodes },
  { area: 'paths', title: 'AS-path analysis', codes: pathCodes },
  { area: 'rpki', title: 'RPKI data sources', codes: rpkiCodes },
  { area: 'input', title: 'Reading files', codes: inputCodes },
  { area: 'mrt', title: 'MRT files', codes: mrtCodes },
  { area: 'routelens', title: 'Language server', codes: routelensCodes },
];

export const allDiagnosticCodes: ReadonlyMap<string, DiagnosticCodeInfo> = new Map(
  diagnosticAreas.flatMap((a) => a.codes.map((c) => [c.code, c] as const)),
);

/** A code's default severity, from its row (an RPSL dialect may change it: `DialectProfile.severities`). */
export function severityOf(code: DiagnosticCode): Severity {
  return allDiagnosticCodes.get(code)!.severity;
}
